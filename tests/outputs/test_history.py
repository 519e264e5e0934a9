"""The dashboard's history file (`dashboard.history`): every broken row is a Dutch finding at its line, no row is
lost, and a file with a problem is never written over (issue 15, the CSV part)."""

from __future__ import annotations

import pytest
from helder.outputs.history import FIELDS, read_history, record_history

HEADER = ",".join(FIELDS) + "\n"
GOOD = "2026-11-01,3,5,1,0,70.5,4,0\n"


def read(tmp_path, content: bytes):
    file = tmp_path / "historie.csv"
    file.write_bytes(content)
    return file, read_history(file, "data/historie.csv")


def test_a_good_file_has_no_findings_and_keeps_one_row_per_day(tmp_path):
    file, history = read(tmp_path, (HEADER + GOOD).encode())
    assert history.findings == [] and history.writable
    today = {"date": "2026-12-01", "pages": 3, "errors": 0, "warnings": 0, "stale": 0, "flesch_douma": 80.0,
             "a11y_errors": 0, "not_checked": 0}  # fmt: skip
    record_history(history, file, today)
    rows = record_history(read_history(file, "x"), file, today)  # the same day again: replaced
    assert [(r["date"], r["pages"]) for r in rows] == [("2026-11-01", "3"), ("2026-12-01", "3")]
    assert read_history(file, "x").rows == rows


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        (
            HEADER + GOOD + "2026-11-15,3,vijf,1,0,70.5,4,0\n",
            3,
            'In de kolom errors van data/historie.csv staat "vijf". Dat is geen getal.',
        ),
        (
            HEADER + GOOD + "2026-11-15,3,5\n",
            3,
            "Deze regel van data/historie.csv heeft 3 waarden. Het moeten er 8 zijn.",
        ),
        (
            HEADER + "2026-11-15,3,5,1,0,70\x00.5,4,0\n" + GOOD,
            2,
            "Op deze regel van data/historie.csv staat een onzichtbaar teken (NUL).",
        ),
        (
            HEADER + GOOD + "2026-11-15,3,5,1,0,70.5,4,0,\xe9\n",
            3,
            "Op deze regel van data/historie.csv staan tekens die geen UTF-8 zijn.",
        ),
        (
            GOOD + "2026-11-15,3,5,1,0,70.5,4,0\n",
            1,
            "De eerste regel van data/historie.csv heeft geen namen van kolommen.",
        ),
        (HEADER + "1 november,3,5,1,0,70.5,4,0\n", 2, '"1 november" in data/historie.csv is geen datum.'),
        (
            HEADER + GOOD + "2026-11-15,3,nan,1,0,inf,4,0\n",
            3,
            'In de kolom errors van data/historie.csv staat "nan".',
        ),
        (
            HEADER.replace("warnings", "waarschuwingen") + GOOD,
            1,
            "Onbekend: waarschuwingen. Ontbreekt: warnings.",
        ),
    ],
    ids=["not-a-number", "short-row", "nul", "not-utf8", "no-header", "bad-date", "nan", "wrong-column"],
)
def test_each_problem_is_a_finding_at_its_line_and_the_file_stays(tmp_path, content, line, words):
    raw = content.encode("latin-1") if "\xe9" in content else content.encode()
    file, history = read(tmp_path, raw)
    assert [(f.path, f.line, f.rule, f.severity.value) for f in history.findings][:1] == [
        ("data/historie.csv", line, "dashboard.history", "warning")
    ]
    assert words in history.findings[0].message
    assert history.findings[0].suggestion  # what to do about it
    # No row is lost: every data line of the file is a row (the broken value left empty).
    data_lines = [x for x in content.splitlines() if x and not x.startswith("date,")]
    assert len(history.rows) == len(data_lines)
    # Today's totals are shown, but the file is not written over (that would lose what could not be read).
    rows = record_history(history, file, {"date": "2026-12-01", "pages": 1})
    assert rows[-1]["date"] == "2026-12-01" and file.read_bytes() == raw


def test_a_row_without_a_header_is_read_in_the_usual_order(tmp_path):
    _, history = read(tmp_path, GOOD.encode())
    assert history.rows == [dict(zip(FIELDS, GOOD.strip().split(","), strict=True))]
    assert (
        "date,pages,errors,warnings,stale,flesch_douma,a11y_errors,not_checked"
        in history.findings[0].suggestion
    )


def test_a_folder_is_a_finding_at_the_setting_in_mkdocs_yml(tmp_path):
    (tmp_path / "data").mkdir()
    history = read_history(tmp_path / "data", "data", config_line=("mkdocs.yml", 7))
    assert [(f.path, f.line, f.rule) for f in history.findings] == [("mkdocs.yml", 7, "dashboard.history")]
    assert history.findings[0].message == "data is een map. Helder verwacht een bestand."
    assert history.rows == [] and not history.writable


def test_a_missing_file_is_an_empty_history(tmp_path):
    history = read_history(tmp_path / "nieuw.csv", "nieuw.csv")
    assert history.rows == [] and history.findings == [] and history.writable
