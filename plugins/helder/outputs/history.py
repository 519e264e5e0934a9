"""The dashboard's history: one CSV row of totals per build day (`dashboard.history`, committed with the site).

The file is edited by people and by merges, so reading it is tolerant and honest: a wrong value, a short row,
a NUL byte, bytes that are not UTF-8, a missing header row or a folder instead of a file each become a finding
at the file and line (`dashboard.history`), the rows that can be read are still shown, and a file with a
problem is never written over (so no row is lost): today's totals are added again once the file is right.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..files import write_atomic
from ..findings import Finding, Rule, Severity
from ..messages import message

RULE = "dashboard.history"
RULES = [
    Rule(
        RULE,
        Severity.WARNING,
        (
            "hist_folder",
            "hist_unreadable",
            "hist_encoding",
            "hist_nul",
            "hist_no_header",
            "hist_columns",
            "hist_row_length",
            "hist_number",
            "hist_date",
            "hist_csv",
        ),
    )
]

FIELDS = ("date", "pages", "errors", "warnings", "stale", "flesch_douma", "a11y_errors", "not_checked")


@dataclass
class History:
    """The rows that could be read (values as text, `""` where a value was missing or wrong) and what is wrong
    with the file. `writable` is False when writing it anew would lose something."""

    rows: list[dict[str, str]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def writable(self) -> bool:
        return not self.findings


@dataclass
class _Reader:
    shown: str
    lang: str
    history: History = field(default_factory=History)
    _lines: set[int | None] = field(default_factory=set)

    def problem(self, line: int | None, key: str, **values: object) -> None:
        """One finding per line: the first thing wrong on it is what the editor fixes first."""
        if line in self._lines and line is not None:
            return
        self._lines.add(line)
        self.history.findings.append(
            Finding(
                self.shown, line, RULE, Severity.WARNING, *message(self.lang, key, file=self.shown, **values)
            )
        )


def read_history(
    file: Path, shown: str, lang: str = "nl", *, config_line: tuple[str, int | None] = ("", None)
) -> History:
    """Every row of the history that can be read, and a finding for each problem; never raises.

    `config_line` is where mkdocs.yml names the file, for a setting that points at a folder.
    """
    reader = _Reader(shown, lang)
    if file.is_dir():
        where, line = config_line
        finding = Finding(
            where or shown, line, RULE, Severity.WARNING, *message(lang, "hist_folder", file=shown)
        )
        reader.history.findings.append(finding)
        return reader.history
    try:
        raw = file.read_bytes() if file.exists() else b""
    except OSError as exc:
        reader.problem(None, "hist_unreadable", error=exc.strerror or type(exc).__name__)
        return reader.history
    _parse(_decode(raw, reader), reader)
    return reader.history


def _decode(raw: bytes, reader: _Reader) -> str:
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        reader.problem(raw[: exc.start].count(b"\n") + 1, "hist_encoding")
        content = raw.decode("utf-8-sig", errors="replace")
    if "\x00" in content:
        for number, line in enumerate(content.split("\n"), start=1):
            if "\x00" in line:
                reader.problem(number, "hist_nul")
        content = content.replace("\x00", "")
    return content


def _parse(content: str, reader: _Reader) -> None:
    rows = csv.reader(io.StringIO(content, newline=""))
    names: list[str] | None = None
    try:
        for cells in rows:
            line = rows.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if names is None:
                names, is_data = _header(cells, reader, line)
                if not is_data:
                    continue
            reader.history.rows.append(_row(cells, names, reader, line))
    except csv.Error as exc:
        reader.problem(rows.line_num, "hist_csv", error=str(exc))


def _header(cells: list[str], reader: _Reader, line: int) -> tuple[list[str], bool]:
    """The column names, and whether the first row is data: a first row without any known column name is read
    as data, in the usual column order (a file without a header row loses no row)."""
    names = [cell.strip() for cell in cells]
    if not set(names) & set(FIELDS):
        reader.problem(line, "hist_no_header", columns=",".join(FIELDS))
        return list(FIELDS), True
    unknown = [name for name in names if name not in FIELDS]
    missing = [name for name in FIELDS if name not in names]
    if unknown or missing:
        reader.problem(
            line, "hist_columns", unknown=", ".join(unknown) or "-", missing=", ".join(missing) or "-"
        )
    return names, False


def _row(cells: list[str], names: list[str], reader: _Reader, line: int) -> dict[str, str]:
    if len(cells) != len(names):
        reader.problem(line, "hist_row_length", found=len(cells), expected=len(names))
    values = {name: cell.strip() for name, cell in zip(names, cells, strict=False)}
    row = {name: "" for name in FIELDS}
    date = values.get("date", "")
    if _date(date) is None:
        reader.problem(line, "hist_date", value=date or "-")
    row["date"] = date
    for name in FIELDS[1:]:
        value = values.get(name, "")
        if value and _number(value) is None:
            reader.problem(line, "hist_number", column=name, value=value[:40])
            continue
        row[name] = value
    return row


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _number(value: str) -> float | None:
    """A finite number written as CSV has it (a point for decimals); anything else is None."""
    if not re.fullmatch(r"-?\d{1,15}(\.\d{1,15})?", value):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def number_or_none(row: Mapping[str, str], name: str) -> float | None:
    value = row.get(name) or ""
    return _number(value) if value else None


def record_history(history: History, file: Path, row: Mapping[str, Any]) -> list[dict[str, str]]:
    """Add today's totals (a second build on the same day replaces that day's row) and write the file, unless
    the file has a problem: then it stays as it is and the rows are shown with today's added."""
    rows = [r for r in history.rows if r["date"] != row["date"]]
    rows.append({name: str(row.get(name, "")) for name in FIELDS})
    rows.sort(key=lambda r: r["date"])
    if history.writable:
        out = io.StringIO(newline="")
        writer = csv.DictWriter(out, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(rows)
        write_atomic(file, out.getvalue())
    return rows


def setting_line(config_file: Path, key: str) -> int | None:
    """The line of `key:` in mkdocs.yml (for a finding about that setting), or None when it is not there."""
    try:
        lines = config_file.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    pattern = re.compile(rf"(?:^|[\s{{,]){re.escape(key)}\s*:")  # `history: x` and `{history: x}`
    return next((number for number, line in enumerate(lines, start=1) if pattern.search(line)), None)
