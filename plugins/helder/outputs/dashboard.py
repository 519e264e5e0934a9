"""The quality dashboard: one picture of all service pages, for the people who keep them right.

Plain HTML with inline SVG charts made at build time: no JavaScript, no chart library, no request to any other
host. Every chart has a title, labelled axes and a sentence and a table with the same numbers, so the dashboard
passes the accessibility gate itself. Filters are separate pages (per owner, per audience), so they work without
JavaScript too. This module works out the data and the chart geometry; `templates/dashboard/page.html` writes
the HTML, the catalogue the words. Numbers and dates are written the way the reader's language does (`84,5`,
`1 december 2026`).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from babel.numbers import format_decimal

from ..findings import count
from ..messages import text
from ..pages.text import format_date
from ..templating import render as render_template
from .history import number_or_none

#: A review that falls due within this many days is listed per owner.
DUE_SOON_DAYS = 60


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
    #: Where an editor changes the page (the repository, or the file relative to the dashboard); "" for none.
    source_url: str = ""
    #: The page in `mkdocs serve`; "" in a static build.
    preview_url: str = ""

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
    def not_checked(self) -> bool:
        return bool(self.a11y and self.a11y.get("not_checked"))

    @property
    def all_errors(self) -> int:
        """Content errors and the gate's: a page the gate could not check counts as one error (fail closed)."""
        return self.errors + self.a11y_errors + int(self.not_checked)

    def due(self, stale_months: int) -> dt.date | None:
        """The day the next review is due (`reviewed` plus the site's limit), or None without a date or limit."""
        if self.reviewed is None or stale_months <= 0:
            return None
        month = self.reviewed.month - 1 + stale_months
        year, month = self.reviewed.year + month // 12, month % 12 + 1
        for day in (self.reviewed.day, 30, 29, 28):  # 31 January + 1 month is the last day of February
            try:
                return dt.date(year, month, day)
            except ValueError:
                continue
        return None

    def worst_first(self) -> tuple[float, ...]:
        """Errors first (content, accessibility, not checked), then warnings, then the lowest readability, then
        the oldest review: what needs the web team most is on top, also when no page has an error."""
        readability = self.readability if self.readability is not None else math.inf
        reviewed = self.reviewed.toordinal() if self.reviewed else math.inf
        return (-self.all_errors, -self.warnings, readability, reviewed)


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


# -- numbers, dates and charts: geometry here, markup in templates/dashboard/ ----------------------------------


def number(value: float | int | str | None, lang: str, digits: int = 1) -> str:
    """`84,5` in Dutch, `84.5` in English, `1.250` / `1,250` for thousands; "-" for no value."""
    if value is None or value == "":
        return "-"
    try:
        value = float(value)
    except ValueError:
        return "-"
    pattern = "#,##0" + ("." + "#" * digits if digits else "")
    return format_decimal(round(value, digits), format=pattern, locale="nl_NL" if lang == "nl" else "en_GB")


def date_label(value: object, lang: str) -> str:
    """`1 december 2026` from a date or an ISO text; other text as it is (a wrong date in the history)."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return value or "-"
    return format_date(value, lang) if isinstance(value, dt.date) else "-"


def bar_chart(bars: Sequence[tuple[str, float]]) -> dict[str, Any]:
    """Horizontal bars: where each bar and its label go in a 480-wide drawing (text at 15, as the line charts)."""
    width, row_h, label_w = 480, 30, 220
    top = max((v for _, v in bars), default=0) or 1
    items = []
    for i, (label, value) in enumerate(bars):
        y = 5 + i * row_h
        w = max(1.0, (width - label_w - 50) * value / top)
        items.append(
            {"label": label, "value": f"{value:g}", "y": y, "w": f"{w:.1f}", "end": f"{label_w + w + 6:.1f}"}
        )
    return {
        "width": width,
        "height": row_h * len(bars) + 10,
        "label_w": label_w,
        "bar_h": row_h - 10,
        "bars": items,
    }


def axis(low: float, high: float, *, from_zero: bool) -> list[float]:
    """Tick values for a y axis: round steps of 1, 2 or 5 (times a power of ten), about four of them, from 0 for
    counts and from just below the lowest value for a score (so a change of a few points shows)."""
    start = 0.0 if from_zero else low
    wanted = max(high - start, 1.0 if from_zero else 10.0) / 4  # a score axis spans at least 10 points
    power = 10 ** math.floor(math.log10(wanted))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= wanted)
    if from_zero:
        step = max(step, 1.0)  # counts go up in whole numbers
    first = math.floor(start / step) * step
    last = math.ceil(high / step) * step
    if last <= first:
        last = first + step
    return [first + i * step for i in range(round((last - first) / step) + 1)]


def line_chart(
    points: Sequence[tuple[str, float]], lang: str, *, from_zero: bool = True
) -> dict[str, Any] | None:
    """A line over time in a 480 x 280 drawing (text at 15: readable on a phone and on a desktop): a y axis with
    round ticks, the x axis from the first to the last build date, a label on each point when there are few."""
    width, height, left, right, top, bottom, inset = 480, 280, 64, 16, 24, 64, 14
    if not points:
        return None
    values = [v for _, v in points]
    ticks = axis(min(values), max(values), from_zero=from_zero)
    low, span = ticks[0], (ticks[-1] - ticks[0]) or 1
    step = (width - left - right - 2 * inset) / max(len(points) - 1, 1)

    def y_of(value: float) -> float:
        return height - bottom - (value - low) / span * (height - top - bottom)

    coords = [(left + inset + i * step, y_of(v)) for i, (_, v) in enumerate(points)]
    return {
        "width": width,
        "height": height,
        "left": left,
        "right": width - right,
        "base": height - bottom,
        "top": top,
        "middle": (top + height - bottom) // 2,
        "ticks": [{"y": f"{y_of(t):.1f}", "label": number(t, lang)} for t in ticks],
        "path": " ".join(f"{x:.1f},{y:.1f}" for x, y in coords),
        # The first and last labels lean inwards, so they never cross the y axis or the right edge.
        "points": [
            {
                "x": f"{x:.1f}",
                "y": f"{y:.1f}",
                "label_x": f"{x - 6 if i == 0 else x + 6 if i == len(coords) - 1 else x:.1f}",
                "anchor": "start"
                if i == 0 and len(coords) > 1
                else "end"
                if i == len(coords) - 1 and i
                else "middle",
                "label_y": f"{max(y - 10, 14):.1f}",
                "value": number(v, lang),
            }
            for i, ((x, y), (_, v)) in enumerate(zip(coords, points, strict=True))
        ],
        "labels": len(points) <= 8,  # more labels would overlap: the sentence and the table have them all
        "first_x": f"{coords[0][0]:.1f}",
        "last_x": f"{coords[-1][0]:.1f}",
        "first": date_label(points[0][0], lang),
        "last": date_label(points[-1][0], lang) if len(points) > 1 else None,
        # For the sentence under the chart (screen readers get the same facts in words).
        "first_value": number(values[0], lang),
        "last_value": number(values[-1], lang),
        "min_value": number(min(values), lang),
        "max_value": number(max(values), lang),
        "count": len(points),
    }


#: The trends the overview shows: the history column, the chart's title, the y axis label, whether the axis
#: starts at 0 (counts do; a readability score starts just below its lowest value).
TRENDS = (
    ("flesch_douma", "dash_trend_readability", "dash_axis_score", False),
    ("warnings", "dash_trend_warnings", "dash_axis_count", True),
    ("a11y_errors", "dash_trend_a11y", "dash_axis_count", True),
)


def trends(history: Sequence[dict[str, str]], lang: str) -> list[dict[str, Any]]:
    """One line chart per trend, over the builds that have a value for it."""
    charts = []
    for column, title, y_label, from_zero in TRENDS:
        points = [
            (h["date"], value)
            for h in history
            if (value := number_or_none(h, column)) is not None and h["date"]
        ]
        chart = line_chart(points, lang, from_zero=from_zero)
        if chart is not None:
            charts.append(
                {"id": f"trend-{column.replace('_', '-')}", "title": title, "axis": y_label, **chart}
            )
    return charts


# -- pages ------------------------------------------------------------------------------------------------


def slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.casefold()).strip("-") or "x"


#: Readability bands of the Flesch-Douma score, highest first: (lower bound, catalogue key).
BANDS = (
    (80, "dash_band_easy"),
    (70, "dash_band_fairly_easy"),
    (60, "dash_band_normal"),
    (None, "dash_band_hard"),
)


def readability_bands(rows: Sequence[PageRow]) -> list[tuple[str, int]]:
    """How many pages fall in each band (catalogue key, count)."""
    counts = dict.fromkeys((key for _, key in BANDS), 0)
    for r in rows:
        score = r.readability
        if score is not None:
            counts[next(key for low, key in BANDS if low is None or score >= low)] += 1
    return list(counts.items())


def due_soon(rows: Sequence[PageRow], today: dt.date, stale_months: int, lang: str) -> list[dict[str, Any]]:
    """Per owner, the pages whose review is due within 60 days or already overdue, the first due on top."""
    owners: dict[str, list[tuple[dt.date, PageRow]]] = {}
    for row in rows:
        due = row.due(stale_months)
        if due is not None and (due - today).days <= DUE_SOON_DAYS:
            owners.setdefault(row.owner or "-", []).append((due, row))
    return [
        {
            "owner": owner,
            "pages": [
                {"date": date_label(due, lang), "late": due < today, "row": row}
                for due, row in sorted(items, key=lambda item: (item[0], item[1].title.casefold()))
            ],
        }
        for owner, items in sorted(owners.items(), key=lambda item: item[0].casefold())
    ]


def render(
    rows: Sequence[PageRow],
    history: Sequence[dict[str, str]],
    *,
    site_name: str,
    today: dt.date,
    base_url: str,
    stale_months: int,
    audit_date: str | None,
    lang: str = "nl",
    exceptions: Sequence[dict[str, Any]] = (),
    history_problems: Sequence[str] = (),
) -> dict[str, str]:
    """File name -> HTML for the dashboard's overview and its filter pages (plain pages: no JavaScript).

    `exceptions` are the justified exceptions in the pages (`<!-- helder: ignore ... -->` and `ignore:`):
    dicts with `path`, `line`, `rule`, `reason` and maybe `source_url`. `history_problems` are the findings
    about the history file, as lines: the trend is then shown with a note that the file needs fixing.
    """
    owners = sorted({r.owner for r in rows if r.owner})
    audiences = sorted({a for r in rows for a in r.audience})
    common = {
        "site_name": site_name,
        "today": date_label(today, lang),
        "base_url": base_url.rstrip("/"),
        "stale_months": stale_months,
        "due_days": DUE_SOON_DAYS,
        "audit_date": date_label(audit_date, lang) if audit_date else None,
        "number": lambda value, digits=1: number(value, lang, digits),
        "date": lambda value: date_label(value, lang),
        "count": lambda what, n: count(lang, what, n),
        "filters": [("eigenaar-" + slug(o) + ".html", "dash_owner", o) for o in owners]
        + [("doelgroep-" + slug(a) + ".html", "dash_audience", a) for a in audiences],
    }

    def page(chosen: Sequence[PageRow], scope: str, overview: bool = False) -> str:
        worst = sorted(chosen, key=lambda r: (r.worst_first(), r.title.casefold()))
        data = {"rows": worst, "totals": totals(chosen, today), "scope": scope, **common}
        data["due"] = due_soon(chosen, today, stale_months, lang)
        if overview:
            bands = readability_bands(chosen)
            data["bands"] = bands
            data["bar"] = bar_chart([(text(lang, key), count) for key, count in bands])
            data["history"] = list(history)
            data["trends"] = trends(history, lang)
            data["exceptions"] = list(exceptions)
            data["history_problems"] = list(history_problems)
        return render_template("dashboard/page.html", lang, **data)

    pages = {"index.html": page(rows, text(lang, "dash_all"), overview=True)}
    for owner in owners:
        chosen = [r for r in rows if r.owner == owner]
        pages[f"eigenaar-{slug(owner)}.html"] = page(chosen, text(lang, "dash_owner", value=owner))
    for audience in audiences:
        chosen = [r for r in rows if audience in r.audience]
        pages[f"doelgroep-{slug(audience)}.html"] = page(chosen, text(lang, "dash_audience", value=audience))
    return pages
