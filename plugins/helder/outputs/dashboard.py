"""The quality dashboard: one picture of all service pages, for the people who keep them right.

Plain HTML with inline SVG charts made at build time: no JavaScript, no chart library, no request to any other
host. Every chart has a table with the same numbers, so the dashboard passes the accessibility gate itself.
Filters are separate pages (per owner, per audience), so they work without JavaScript too.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class DashboardOptions(Config):
    enabled = c.Type(bool, default=True)
    #: Published dashboards go into the site (not in the navigation or sitemap); internal ones next to it.
    publish = c.Type(bool, default=False)
    #: Folder name of the dashboard (inside the site when published, else inside the report folder).
    folder = c.Type(str, default="kwaliteit")
    #: A CSV file (relative to mkdocs.yml) that each build adds its totals to; commit it to keep the trend.
    history = c.Type(str, default=".helder/kwaliteit-historie.csv")
    record = c.Type(bool, default=True)


HISTORY_FIELDS = [
    "date",
    "pages",
    "errors",
    "warnings",
    "stale",
    "flesch_douma",
    "a11y_errors",
    "not_checked",
]


@dataclass
class PageRow:
    path: str
    url: str
    title: str
    owner: str
    audience: list[str]
    scores: dict[str, Any] | None
    sections_ok: bool
    help_ok: bool
    a11y: dict[str, int] | None  # {"htmlcs": n, "axe": n, "not_checked": 0|1}; None when not audited
    reviewed: dt.date | None
    stale: bool
    errors: int
    warnings: int
    findings: list[str] = field(default_factory=list)
    #: The page's own language (front matter `lang`), so its title is marked up in that language.
    lang: str = ""

    @property
    def readability(self) -> float | None:
        if not self.scores:
            return None
        value = self.scores.get("flesch_douma", self.scores.get("flesch_reading_ease"))
        return float(value) if isinstance(value, (int, float)) else None

    @property
    def readable(self) -> bool:
        return bool(self.scores) and self.scores.get("verdict", "ok") == "ok"

    @property
    def a11y_errors(self) -> int:
        return (self.a11y or {}).get("htmlcs", 0) + (self.a11y or {}).get("axe", 0)

    @property
    def a11y_ok(self) -> bool:
        return self.a11y is not None and not self.a11y_errors and not self.a11y.get("not_checked")

    @property
    def problems(self) -> int:
        """How much is wrong, to put the worst pages first."""
        return (
            self.errors * 10
            + self.warnings
            + self.a11y_errors * 10
            + (20 if self.stale else 0)
            + (0 if self.readable else 15)
            + (10 if self.a11y and self.a11y.get("not_checked") else 0)
        )


def totals(rows: Sequence[PageRow], today: dt.date) -> dict[str, Any]:
    scores = [r.readability for r in rows if r.readability is not None]
    return {
        "date": today.isoformat(),
        "pages": len(rows),
        "errors": sum(r.errors for r in rows),
        "warnings": sum(r.warnings for r in rows),
        "stale": sum(1 for r in rows if r.stale),
        "flesch_douma": round(sum(scores) / len(scores), 1) if scores else "",
        "a11y_errors": sum(r.a11y_errors for r in rows),
        "not_checked": sum(1 for r in rows if r.a11y is None or r.a11y.get("not_checked")),
    }


def read_history(file: Path) -> list[dict[str, str]]:
    if not file.is_file():
        return []
    with open(file, encoding="utf-8", newline="") as fh:
        return [row for row in csv.DictReader(fh) if row.get("date")]


def record_history(file: Path, row: dict[str, Any]) -> list[dict[str, str]]:
    """Add today's totals; a second build on the same day replaces that day's row."""
    rows = [r for r in read_history(file) if r["date"] != row["date"]]
    rows.append({k: str(row.get(k, "")) for k in HISTORY_FIELDS})
    rows.sort(key=lambda r: r["date"])
    file.parent.mkdir(parents=True, exist_ok=True)
    with open(file, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=HISTORY_FIELDS)
        writer.writeheader()
        writer.writerows(rows)
    return rows


# -- charts -----------------------------------------------------------------------------------------------

E = html.escape


def bar_chart(chart_id: str, title: str, bars: Sequence[tuple[str, float]], unit: str = "") -> str:
    """Horizontal bars; the table after it carries the same numbers for screen readers and print."""
    width, row_h, label_w = 640, 28, 260
    top = max((v for _, v in bars), default=0) or 1
    height = row_h * len(bars) + 10
    parts = [
        f'<svg id="{chart_id}" role="img" aria-labelledby="{chart_id}-t" width="100%" viewBox="0 0 {width} {height}"'
        f' xmlns="http://www.w3.org/2000/svg"><title id="{chart_id}-t">{E(title)}</title>'
    ]
    for i, (label, value) in enumerate(bars):
        y = 5 + i * row_h
        w = max(1.0, (width - label_w - 70) * value / top)
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 18}" text-anchor="end" font-size="14" fill="#1a1a1a">{E(label)}</text>'
            f'<rect x="{label_w}" y="{y + 4}" width="{w:.1f}" height="{row_h - 10}" fill="#154273"/>'
            f'<text x="{label_w + w + 6:.1f}" y="{y + 18}" font-size="14" fill="#1a1a1a">{value:g}{E(unit)}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def line_chart(chart_id: str, title: str, points: Sequence[tuple[str, float]]) -> str:
    width, height, pad = 640, 220, 40
    if not points:
        return ""
    values = [v for _, v in points]
    low, high = min(values + [0]), max(values + [1])
    span = (high - low) or 1
    step = (width - 2 * pad) / max(len(points) - 1, 1)
    coords = [
        (pad + i * step, height - pad - (v - low) / span * (height - 2 * pad))
        for i, (_, v) in enumerate(points)
    ]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
    parts = [
        f'<svg id="{chart_id}" role="img" aria-labelledby="{chart_id}-t" width="100%" viewBox="0 0 {width} {height}"'
        f' xmlns="http://www.w3.org/2000/svg"><title id="{chart_id}-t">{E(title)}</title>',
        f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" stroke="#595959"/>',
        f'<polyline points="{path}" fill="none" stroke="#154273" stroke-width="3"/>',
    ]
    for (x, y), (_, value) in zip(coords, points, strict=True):
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="#154273"/>'
            f'<text x="{x:.1f}" y="{y - 10:.1f}" text-anchor="middle" font-size="13" fill="#1a1a1a">{value:g}</text>'
        )
    parts.append(f'<text x="{pad}" y="{height - 12}" font-size="13" fill="#1a1a1a">{E(points[0][0])}</text>')
    if len(points) > 1:
        parts.append(
            f'<text x="{width - pad}" y="{height - 12}" text-anchor="end" font-size="13" fill="#1a1a1a">'
            f"{E(points[-1][0])}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def table(caption: str, head: Sequence[str], rows: Iterable[Sequence[str]], *, raw: bool = False) -> str:
    out = [f"<table><caption>{E(caption)}</caption><thead><tr>"]
    out += [f'<th scope="col">{E(h)}</th>' for h in head]
    out.append("</tr></thead><tbody>")
    for row in rows:
        cells = list(row)
        out.append(f'<tr><th scope="row">{cells[0] if raw else E(cells[0])}</th>')
        out += [f"<td>{cell if raw else E(cell)}</td>" for cell in cells[1:]]
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


# -- pages ------------------------------------------------------------------------------------------------

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;background:#fff;
margin:0 auto;max-width:72rem;padding:1rem 1.5rem;line-height:1.5}h1,h2{overflow-wrap:anywhere;hyphens:auto}
a{color:#154273}a:focus,summary:focus{outline:3px solid #e17000;outline-offset:2px}
table{border-collapse:collapse;margin:1rem 0;width:100%}caption{text-align:left;font-weight:bold;padding:.5rem 0}
th,td{border:1px solid #8c8c8c;padding:.35rem .5rem;text-align:left;vertical-align:top}thead th{background:#e6ecf2}
.totals{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0}.totals li{border:1px solid #8c8c8c;padding:.5rem 1rem}
.bad{color:#a90000;font-weight:bold}.ok{color:#1f6e2f}nav ul{padding-left:1.2rem}
svg{display:block;max-width:100%;height:auto}.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
"""


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "x"


def _yes(value: bool) -> str:
    return '<span class="ok">ja</span>' if value else '<span class="bad">nee</span>'


def _a11y(row: PageRow) -> str:
    if row.a11y is None:
        return "niet gecontroleerd"
    if row.a11y.get("not_checked"):
        return '<span class="bad">niet te controleren</span>'
    if not row.a11y_errors:
        return '<span class="ok">0 fouten</span>'
    return f'<span class="bad">htmlcs {row.a11y.get("htmlcs", 0)}, axe {row.a11y.get("axe", 0)}</span>'


def render(
    rows: Sequence[PageRow],
    history: Sequence[dict[str, str]],
    *,
    site_name: str,
    today: dt.date,
    base_url: str,
    stale_months: int,
    audit_date: str | None,
) -> dict[str, str]:
    """File name -> HTML for the dashboard's overview and its filter pages."""
    owners = sorted({r.owner for r in rows if r.owner})
    audiences = sorted({a for r in rows for a in r.audience})
    page = functools.partial(
        _page,
        site_name=site_name,
        today=today,
        base_url=base_url,
        stale_months=stale_months,
        owners=owners,
        audiences=audiences,
        audit_date=audit_date,
    )
    pages = {"index.html": page(rows, history, "Alle pagina's", show_charts=True)}
    # The filters are plain pages of their own, so they work without JavaScript.
    for owner in owners:
        pages[f"eigenaar-{slug(owner)}.html"] = page(
            [r for r in rows if r.owner == owner], (), f"Eigenaar: {owner}"
        )
    for audience in audiences:
        chosen = [r for r in rows if audience in r.audience]
        pages[f"doelgroep-{slug(audience)}.html"] = page(chosen, (), f"Doelgroep: {audience}")
    return pages


def _page(
    rows: Sequence[PageRow],
    history: Sequence[dict[str, str]],
    scope: str,
    site_name: str,
    today: dt.date,
    base_url: str,
    stale_months: int,
    owners: list[str],
    audiences: list[str],
    audit_date: str | None,
    show_charts: bool = False,
) -> str:
    t = totals(rows, today)
    worst = sorted(rows, key=lambda r: (-r.problems, r.title.casefold()))
    body = [
        f'<a class="skip" href="#inhoud">Naar de inhoud</a><header><p>{E(site_name)}</p>'
        f"<h1>Kwaliteit van de productpagina's</h1><p>{E(scope)}. Gemaakt op {today.isoformat()}."
        + (
            f" Toegankelijkheid gecontroleerd op {E(audit_date)}."
            if audit_date
            else " De toegankelijkheid is nog niet gecontroleerd."
        )
        + "</p></header>",
        '<nav aria-label="Filters"><h2>Filter</h2><ul><li><a href="index.html">Alle pagina\'s</a></li>',
    ]
    body += [f'<li><a href="eigenaar-{slug(o)}.html">Eigenaar: {E(o)}</a></li>' for o in owners]
    body += [f'<li><a href="doelgroep-{slug(a)}.html">Doelgroep: {E(a)}</a></li>' for a in audiences]
    body.append('</ul></nav><main id="inhoud"><h2>Totalen</h2><ul class="totals">')
    body += [
        f"<li>{label}: <strong>{value}</strong></li>"
        for label, value in (
            ("Pagina's", t["pages"]),
            ("Fouten", t["errors"]),
            ("Waarschuwingen", t["warnings"]),
            (f"Ouder dan {stale_months} maanden", t["stale"]),
            ("Gemiddelde leesbaarheid (Flesch-Douma)", t["flesch_douma"] or "-"),
            ("Fouten in toegankelijkheid", t["a11y_errors"]),
            ("Niet gecontroleerd", t["not_checked"]),
        )
    ]
    body.append("</ul>")
    if show_charts:
        bands = [
            ("Makkelijk (80 of meer)", 0),
            ("Vrij makkelijk (70 tot 80)", 0),
            ("Normaal (60 tot 70)", 0),
            ("Moeilijk (onder 60)", 0),
        ]
        counts = [0, 0, 0, 0]
        for r in rows:
            score = r.readability
            if score is not None:
                counts[0 if score >= 80 else 1 if score >= 70 else 2 if score >= 60 else 3] += 1
        bands = [(label, count) for (label, _), count in zip(bands, counts, strict=True)]
        body.append("<h2>Leesbaarheid</h2>")
        body.append(bar_chart("grafiek-leesbaarheid", "Aantal pagina's per niveau van leesbaarheid", bands))
        body.append(
            table(
                "Aantal pagina's per niveau van leesbaarheid",
                ["Niveau", "Pagina's"],
                [(label, str(count)) for label, count in bands],
            )
        )
        if history:
            body.append("<h2>Trend</h2>")
            points = [(h["date"], float(h["errors"] or 0)) for h in history]
            body.append(line_chart("grafiek-trend", "Aantal fouten per bouw van de site", points))
            body.append(
                table(
                    "Totalen per bouw",
                    [
                        "Datum",
                        "Pagina's",
                        "Fouten",
                        "Waarschuwingen",
                        "Verouderd",
                        "Leesbaarheid",
                        "Toegankelijkheid",
                    ],
                    [
                        (
                            h["date"],
                            h["pages"],
                            h["errors"],
                            h["warnings"],
                            h["stale"],
                            h["flesch_douma"] or "-",
                            h["a11y_errors"],
                        )
                        for h in history
                    ],
                )
            )
    body.append("<h2>Pagina's, slechtste eerst</h2>")
    head = [
        "Pagina",
        "Eigenaar",
        "Doelgroep",
        "Leesbaarheid",
        "Kopjes compleet",
        "Hulp",
        "Toegankelijkheid",
        "Gecontroleerd op",
        "Open meldingen",
    ]
    table_rows = []
    for r in worst:
        lang = f' lang="{E(r.lang)}"' if r.lang and r.lang.split("-")[0].lower() != "nl" else ""
        link = f'<a href="{E(base_url.rstrip("/") + r.url)}"{lang}>{E(r.title)}</a><br><small>{E(r.path)}</small>'
        score = r.readability
        readable = (
            "-"
            if score is None
            else (
                f'<span class="ok">{score:.0f}</span>'
                if r.readable
                else f'<span class="bad">{score:.0f}, te moeilijk</span>'
            )
        )
        reviewed = (
            "-"
            if r.reviewed is None
            else (
                f'<span class="bad">{r.reviewed.isoformat()}, verouderd</span>'
                if r.stale
                else r.reviewed.isoformat()
            )
        )
        open_findings = (
            f"{r.errors} fouten, {r.warnings} waarschuwingen" if r.errors or r.warnings else "geen"
        )
        if r.findings:
            open_findings += "<ul>" + "".join(f"<li>{E(f)}</li>" for f in r.findings[:5]) + "</ul>"
        table_rows.append(
            [
                link,
                E(r.owner or "-"),
                E(", ".join(r.audience) or "-"),
                readable,
                _yes(r.sections_ok),
                _yes(r.help_ok),
                _a11y(r),
                reviewed,
                open_findings,
            ]
        )
    body.append(table(f"Alle productpagina's ({len(rows)})", head, table_rows, raw=True))
    body.append("</main>")
    return (
        '<!doctype html>\n<html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="robots" content="noindex">'
        f"<title>Kwaliteit - {E(scope)} - {E(site_name)}</title><style>{CSS}</style></head><body>"
        + "".join(body)
        + "</body></html>\n"
    )
