"""The quality dashboard: worst pages first, filters without JavaScript, charts with a table, history per day."""

from __future__ import annotations

import datetime as dt
import re

from helder.outputs.dashboard import PageRow, read_history, record_history, render, totals

TODAY = dt.date(2026, 11, 29)


def row(
    title: str, *, owner="Burgerzaken", audience=("inwoners",), score=85.0, errors=0, stale=False, a11y=None
) -> PageRow:
    return PageRow(
        path=f"content/{title.lower()}.md",
        url=f"/{title.lower()}/",
        title=title,
        owner=owner,
        audience=list(audience),
        scores={"flesch_douma": score, "verdict": "ok" if score >= 60 else "te moeilijk"},
        sections_ok=not errors,
        help_ok=True,
        a11y=a11y,
        reviewed=dt.date(2026, 1, 1),
        stale=stale,
        errors=errors,
        warnings=0,
    )


ROWS = [
    row("Paspoort"),
    row("Bijstand", owner="Werk en Inkomen", score=45.0, errors=2),
    row(
        "Terras",
        owner="Bedrijvenloket",
        audience=("ondernemers",),
        stale=True,
        a11y={"htmlcs": 1, "axe": 2, "not_checked": 0},
    ),
]


def test_totals():
    t = totals(ROWS, TODAY)
    assert (t["pages"], t["errors"], t["stale"], t["a11y_errors"], t["not_checked"]) == (3, 2, 1, 3, 2)
    assert t["flesch_douma"] == round((85 + 45 + 85) / 3, 1)


def test_worst_pages_first_and_filter_pages():
    pages = render(
        ROWS,
        [],
        site_name="Gemeente Test",
        today=TODAY,
        base_url="https://www.test.nl/",
        stale_months=12,
        audit_date=None,
    )
    assert set(pages) == {
        "index.html",
        "eigenaar-burgerzaken.html",
        "eigenaar-werk-en-inkomen.html",
        "eigenaar-bedrijvenloket.html",
        "doelgroep-inwoners.html",
        "doelgroep-ondernemers.html",
    }
    index = pages["index.html"]
    order = [index.index(f">{t}</a>") for t in ("Terras", "Bijstand", "Paspoort")]
    assert order == sorted(order)
    assert "45, te moeilijk" in index and "2026-01-01, verouderd" in index and "htmlcs 1, axe 2" in index
    assert (
        ">Terras</a>" in pages["doelgroep-ondernemers.html"]
        and ">Paspoort</a>" not in pages["doelgroep-ondernemers.html"]
    )
    assert 'href="eigenaar-bedrijvenloket.html"' in index  # filters are links: no JavaScript needed


def test_charts_are_inline_svg_with_a_table_and_no_outside_requests():
    history = [
        {
            "date": "2026-11-01",
            "pages": "3",
            "errors": "5",
            "warnings": "0",
            "stale": "0",
            "flesch_douma": "70",
            "a11y_errors": "0",
            "not_checked": "0",
        },
        {
            "date": "2026-11-29",
            "pages": "3",
            "errors": "2",
            "warnings": "0",
            "stale": "1",
            "flesch_douma": "72",
            "a11y_errors": "3",
            "not_checked": "2",
        },
    ]
    index = render(
        ROWS, history, site_name="T", today=TODAY, base_url="/", stale_months=12, audit_date="2026-11-29"
    )["index.html"]
    assert index.count("<svg") == 2
    for chart_id in ("grafiek-leesbaarheid", "grafiek-trend"):
        assert f'id="{chart_id}" role="img" aria-labelledby="{chart_id}-t"' in index
    assert "<caption>Aantal pagina&#39;s per niveau van leesbaarheid</caption>" in index
    assert "<caption>Totalen per bouw</caption>" in index
    assert "<script" not in index
    assert not re.findall(r'(?:src|href)="(?:https?:)?//(?!www\.w3\.org)', index.replace('href="/', ""))
    assert '<html lang="nl">' in index


def test_history_keeps_one_row_per_day(tmp_path):
    file = tmp_path / "historie.csv"
    record_history(file, totals(ROWS, dt.date(2026, 11, 28)))
    record_history(file, totals(ROWS[:1], TODAY))
    rows = record_history(file, totals(ROWS, TODAY))  # same day again: replaces
    assert [(r["date"], r["pages"]) for r in rows] == [("2026-11-28", "3"), ("2026-11-29", "3")]
    assert read_history(file) == rows
