"""The quality dashboard: one picture of all service pages, for the people who keep them right.

Plain HTML with inline SVG charts made at build time: no JavaScript, no chart library, no request to any other
host. Every chart has a table with the same numbers, so the dashboard passes the accessibility gate itself.
Filters are separate pages (per owner, per audience), so they work without JavaScript too. This module works
out the data and the chart geometry; `templates/dashboard/page.html` writes the HTML, the catalogue the words.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..files import write_atomic
from ..messages import text
from ..templating import render as render_template

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
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=HISTORY_FIELDS)
    writer.writeheader()
    writer.writerows(rows)
    write_atomic(file, out.getvalue())
    return rows


# -- charts: geometry here, markup in templates/dashboard/ ---------------------------------------------


def bar_chart(bars: Sequence[tuple[str, float]]) -> dict[str, Any]:
    """Horizontal bars: where each bar and its label go in a 640-wide drawing."""
    width, row_h, label_w = 640, 28, 260
    top = max((v for _, v in bars), default=0) or 1
    items = []
    for i, (label, value) in enumerate(bars):
        y = 5 + i * row_h
        w = max(1.0, (width - label_w - 70) * value / top)
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


def line_chart(points: Sequence[tuple[str, float]]) -> dict[str, Any] | None:
    """A line over time: the coordinates of each point in a 640 x 220 drawing."""
    width, height, pad = 640, 220, 40
    if not points:
        return None
    values = [v for _, v in points]
    low, high = min([*values, 0]), max([*values, 1])
    span = (high - low) or 1
    step = (width - 2 * pad) / max(len(points) - 1, 1)
    coords = [
        (pad + i * step, height - pad - (v - low) / span * (height - 2 * pad))
        for i, (_, v) in enumerate(points)
    ]
    return {
        "width": width,
        "height": height,
        "pad": pad,
        "path": " ".join(f"{x:.1f},{y:.1f}" for x, y in coords),
        "points": [
            {"x": f"{x:.1f}", "y": f"{y:.1f}", "label_y": f"{y - 10:.1f}", "value": f"{value:g}"}
            for (x, y), (_, value) in zip(coords, points, strict=True)
        ],
        "first": points[0][0],
        "last": points[-1][0] if len(points) > 1 else None,
    }


# -- pages ------------------------------------------------------------------------------------------------


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "x"


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
) -> dict[str, str]:
    """File name -> HTML for the dashboard's overview and its filter pages (plain pages: no JavaScript)."""
    owners = sorted({r.owner for r in rows if r.owner})
    audiences = sorted({a for r in rows for a in r.audience})
    common = {
        "site_name": site_name,
        "today": today.isoformat(),
        "base_url": base_url.rstrip("/"),
        "stale_months": stale_months,
        "audit_date": audit_date,
        "filters": [("eigenaar-" + slug(o) + ".html", "dash_owner", o) for o in owners]
        + [("doelgroep-" + slug(a) + ".html", "dash_audience", a) for a in audiences],
    }

    def page(chosen: Sequence[PageRow], scope: str, charts: bool = False) -> str:
        worst = sorted(chosen, key=lambda r: (-r.problems, r.title.casefold()))
        data = {"rows": worst, "totals": totals(chosen, today), "scope": scope, **common}
        if charts:
            bands = readability_bands(chosen)
            data["bands"] = bands
            data["bar"] = bar_chart([(text(lang, key), count) for key, count in bands])
            data["history"] = list(history)
            data["line"] = line_chart([(h["date"], float(h["errors"] or 0)) for h in history])
        return render_template("dashboard/page.html", lang, **data)

    pages = {"index.html": page(rows, text(lang, "dash_all"), charts=True)}
    for owner in owners:
        pages[f"eigenaar-{slug(owner)}.html"] = page(
            [r for r in rows if r.owner == owner], text(lang, "dash_owner", value=owner)
        )
    for audience in audiences:
        chosen = [r for r in rows if audience in r.audience]
        pages[f"doelgroep-{slug(audience)}.html"] = page(chosen, text(lang, "dash_audience", value=audience))
    return pages
