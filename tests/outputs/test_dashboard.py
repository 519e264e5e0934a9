"""The quality dashboard: worst pages first, reviews due per owner, trend charts with axes and words, Dutch
numbers and dates, filters without JavaScript (the pure renderer; real builds are in test_dashboard_build.py)."""

from __future__ import annotations

import datetime as dt
import re

from helder.outputs.dashboard import PageRow, axis, render, totals

TODAY = dt.date(2026, 12, 1)


def row(
    title: str,
    *,
    owner="Burgerzaken",
    audience=("inwoners",),
    score=85.0,
    errors=0,
    warnings=0,
    stale=False,
    a11y=None,
    reviewed=dt.date(2026, 6, 1),
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
        reviewed=reviewed,
        stale=stale,
        errors=errors,
        warnings=warnings,
    )


def page(rows, history=(), lang="nl", **extra) -> str:
    return render(
        rows,
        list(history),
        site_name="Gemeente Test",
        today=TODAY,
        base_url="https://www.test.nl/",
        stale_months=12,
        audit_date="2026-12-01",
        lang=lang,
        **extra,
    )["index.html"]


def order(html: str, titles) -> list[int]:
    table = html[html.index('<table class="pages cards">') :]
    return [table.index(f">{t}</a>") for t in titles]


def test_totals():
    rows = [row("Paspoort"), row("Bijstand", score=45.0, errors=2), row("Terras", stale=True)]
    t = totals(rows, TODAY)
    assert (t["pages"], t["errors"], t["stale"]) == (3, 2, 1)
    assert t["flesch_douma"] == round((85 + 45 + 85) / 3, 1)


def test_worst_first_without_any_error_is_warnings_then_readability_then_oldest_review():
    rows = [
        row("Alfa", score=90.0, reviewed=dt.date(2026, 5, 1)),
        row("Bravo", score=62.5),
        row("Charlie", score=90.0, warnings=3),
        row("Delta", score=90.0, reviewed=dt.date(2026, 1, 1)),
        row("Echo", score=70.0),
    ]
    # Alphabetical would be Alfa, Bravo, ...: the page with warnings, then the lowest scores, then the oldest.
    html = page(rows)
    positions = order(html, ("Charlie", "Bravo", "Echo", "Delta", "Alfa"))
    assert positions == sorted(positions)


def test_gate_errors_and_pages_not_checked_count_as_errors():
    rows = [
        row("Warnings", warnings=9),
        row("Gate", a11y={"htmlcs": 1, "axe": 1, "not_checked": 0}),
        row("Content", errors=1),
        row("Unchecked", a11y={"htmlcs": 0, "axe": 0, "not_checked": 1}),
    ]
    positions = order(page(rows), ("Gate", "Content", "Unchecked", "Warnings"))
    assert positions == sorted(positions)


def test_reviews_due_within_60_days_per_owner():
    rows = [
        row("Paspoort", reviewed=dt.date(2026, 1, 10)),  # due 10 January 2027: in 40 days
        row("Rijbewijs", reviewed=dt.date(2025, 11, 20), stale=True),  # was due 20 November 2026
        row("Bijstand", owner="Werk en Inkomen", reviewed=dt.date(2026, 1, 30)),  # due in 60 days: listed
        row("Bouw", owner="Werk en Inkomen", reviewed=dt.date(2026, 1, 31)),  # due in 61 days: not listed
        row("Terras", owner="Bedrijvenloket", reviewed=dt.date(2026, 3, 1)),  # due in 90 days: not listed
    ]
    html = page(rows)
    due = html[html.index('<h2 id="controle">') : html.index("<h2>Leesbaarheid</h2>")]
    assert "<h3>Eigenaar: Burgerzaken</h3>" in due and "<h3>Eigenaar: Werk en Inkomen</h3>" in due
    assert ">Paspoort</a>: controleren vóór 10 januari 2027" in due
    assert '>Rijbewijs</a>: <span class="bad">te laat, moest vóór 20 november 2026</span>' in due
    assert ">Bijstand</a>: controleren vóór 30 januari 2027" in due
    assert "Terras" not in due and "Bedrijvenloket" not in due and "Bouw" not in due
    # Per owner the first due is on top.
    assert due.index("Rijbewijs") < due.index("Paspoort")


def test_no_review_due_says_so():
    html = page([row("Paspoort", reviewed=dt.date(2026, 11, 1))])
    assert "Geen pagina hoeft binnen 60 dagen opnieuw gecontroleerd te worden." in html


HISTORY = [
    {"date": "2026-11-01", "pages": "3", "errors": "5", "warnings": "1250", "stale": "0",
     "flesch_douma": "70.25", "a11y_errors": "4", "not_checked": "0"},
    {"date": "2026-12-01", "pages": "3", "errors": "2", "warnings": "7", "stale": "1",
     "flesch_douma": "84.5", "a11y_errors": "0", "not_checked": "2"},
]  # fmt: skip


def test_dutch_numbers_and_dates():
    html = page([row("Paspoort", score=84.54, reviewed=dt.date(2026, 3, 4))], HISTORY)
    assert "Gemaakt op 1 december 2026." in html
    assert '<span class="ok">84,5</span>' in html  # the page's score
    assert '<td data-label="Leesbaarheid">70,2</td>' in html  # the history table
    assert '<td data-label="Waarschuwingen">1.250</td>' in html  # thousands
    assert "4 maart 2026" in html and "2026-03-04" not in html
    assert "84.5" not in html.replace('"84.5"', "")


def test_english_numbers_and_dates():
    html = page([row("Passport", score=84.54, reviewed=dt.date(2026, 3, 4))], HISTORY, lang="en")
    assert "Made on 1 December 2026." in html and "4 March 2026" in html
    assert '<span class="ok">84.5</span>' in html and "1,250" in html
    assert '<html lang="en">' in html


def test_three_trend_charts_with_title_axes_and_the_numbers_in_words():
    html = page([row("Paspoort")], HISTORY)
    for chart_id, title, y_label in (
        ("trend-flesch-douma", "Leesbaarheid per bouw (gemiddelde Flesch-Douma)", "Score"),
        ("trend-warnings", "Waarschuwingen per bouw", "Aantal"),
        ("trend-a11y-errors", "Fouten in toegankelijkheid per bouw", "Aantal"),
    ):
        figure = html[html.index(f'<figcaption id="{chart_id}-t">') :]
        figure = figure[: figure.index("</figure>")]
        assert figure.startswith(f'<figcaption id="{chart_id}-t">{title}</figcaption>')
        assert f'role="img" aria-labelledby="{chart_id}-t" aria-describedby="{chart_id}-d"' in figure
        assert f">{y_label}</text>" in figure and ">Datum van de bouw</text>" in figure
        assert ">1 november 2026</text>" in figure and ">1 december 2026</text>" in figure
        assert f'<p id="{chart_id}-d">Van ' in figure
    assert (
        "Van 70,2 op 1 november 2026 naar 84,5 op 1 december 2026. Laagste waarde 70,2, hoogste waarde 84,5, "
        "in 2 bouwen." in html
    )
    assert "Van 4 op 1 november 2026 naar 0 op 1 december 2026." in html
    assert "<caption>Totalen per bouw</caption>" in html  # every number also in a table
    assert "<script" not in html
    assert not re.findall(r'(?:src|href)="(?:https?:)?//(?!www\.w3\.org|www\.test\.nl)', html)


def test_axis_ticks_are_round_and_a_score_does_not_start_at_zero():
    assert axis(0, 12, from_zero=True) == [0, 5, 10, 15]
    assert axis(0, 0, from_zero=True) == [0, 1]
    assert axis(78.2, 85.4, from_zero=False) == [75, 80, 85, 90]
    assert axis(104.2, 104.2, from_zero=False) == [100, 105]


def test_filter_pages_are_links_and_links_go_to_source_and_preview():
    rows = [row("Paspoort"), row("Terras", owner="Bedrijvenloket", audience=("ondernemers",))]
    rows[0].source_url = "https://git.example/gemeente/site/edit/main/content/paspoort.md"
    rows[0].preview_url = "http://127.0.0.1:8000/paspoort/"
    pages = render(rows, [], site_name="T", today=TODAY, base_url="/", stale_months=12, audit_date=None)
    assert set(pages) == {
        "index.html",
        "eigenaar-burgerzaken.html",
        "eigenaar-bedrijvenloket.html",
        "doelgroep-inwoners.html",
        "doelgroep-ondernemers.html",
    }
    index = pages["index.html"]
    assert 'href="eigenaar-bedrijvenloket.html"' in index
    assert (
        'Bron: <a class="path" href="https://git.example/gemeente/site/edit/main/content/paspoort.md">'
        "content/paspoort.md</a>" in index
    )
    assert '<a href="http://127.0.0.1:8000/paspoort/">Voorvertoning' in index
    # Without a source link the path is text, and without a preview there is no preview link.
    assert '<span class="path">content/terras.md</span>' in index
    assert index.count("Voorvertoning") == 1
    assert ">Terras</a>" in pages["doelgroep-ondernemers.html"]
    assert ">Paspoort</a>" not in pages["doelgroep-ondernemers.html"]


def test_exceptions_are_listed_with_page_line_rule_and_reason():
    html = page(
        [row("Paspoort")],
        exceptions=[
            {"path": "content/paspoort.md", "line": 14, "rule": "readability.rare-word",
             "reason": "Zo heet het in de wet.", "source_url": "../content/paspoort.md"},
        ],
    )  # fmt: skip
    section = html[html.index('<h2 id="uitzonderingen">') :]
    assert '<th scope="row"><a href="../content/paspoort.md">content/paspoort.md</a></th>' in section
    assert '<td data-label="Regel">14</td><td data-label="Controle">readability.rare-word</td>' in section
    assert '<td data-label="Reden">Zo heet het in de wet.</td>' in section
    assert "Er zijn geen uitzonderingen." in page([row("Paspoort")])


def test_the_reason_of_an_english_page_is_marked_english():
    html = page(
        [row("Paspoort")],
        exceptions=[
            {"path": "content/abroad.md", "line": 9, "rule": "sections.objection-missing",
             "reason": "There is no decision to object to.", "lang": "en"},
            {"path": "content/paspoort.md", "line": 14, "rule": "readability.rare-word",
             "reason": "Zo heet het in de wet.", "lang": "nl"},
        ],
    )  # fmt: skip
    assert '<td data-label="Reden" lang="en">There is no decision to object to.</td>' in html
    assert '<td data-label="Reden">Zo heet het in de wet.</td>' in html  # the dashboard's own language
