"""Glue between what the checks and the gate found and the dashboard and statement that show it.

The readability scores, section findings and review dates come from the content checks (one place: the
`PageReport`); the accessibility results come from the gate's `AuditResult` or its last `audit.json`.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from ..audit.result import AuditResult, PageStatus
from ..checker import PageReport
from ..findings import Severity, format_short
from .dashboard import PageRow


def a11y_by_path(audit: AuditResult) -> dict[str, dict[str, int]]:
    """Errors per runner per source file, and whether the page could not be checked."""
    counts: dict[str, dict[str, int]] = {}
    for page in audit.pages:
        counts.setdefault(page.path, {"htmlcs": 0, "axe": 0, "not_checked": 0})
        if page.status is PageStatus.NOT_CHECKED:
            counts[page.path]["not_checked"] = 1
    for finding in audit.findings:
        if finding.severity is not Severity.ERROR:
            continue
        entry = counts.setdefault(finding.path, {"htmlcs": 0, "axe": 0, "not_checked": 0})
        if finding.rule.startswith("a11y.htmlcs."):
            entry["htmlcs"] += 1
        elif finding.rule.startswith("a11y.axe."):
            entry["axe"] += 1
        elif finding.rule == "a11y.not-checked":
            entry["not_checked"] = 1
    return counts


def page_row(
    result: PageReport, url: str, a11y: dict[str, int] | None, *, source_url: str = "", preview_url: str = ""
) -> PageRow:
    page = result.page
    meta = page.meta
    rules = {f.rule for f in result.findings if f.severity is Severity.ERROR}
    reviewed = meta.get("reviewed") if isinstance(meta.get("reviewed"), dt.date) else None
    return PageRow(
        path=page.path,
        url=url,
        title=page.title,
        owner=str(meta.get("owner") or ""),
        audience=page.str_list("audience"),
        scores=result.data.get("readability"),
        sections_ok=not any(r.startswith("sections.") for r in rules),
        help_ok=bool(page.str_list("help"))
        and "sections.help-missing" not in rules
        and "help.unknown" not in rules,
        a11y=a11y,
        reviewed=reviewed,
        stale=any(f.rule == "freshness.stale" for f in result.findings),
        errors=sum(1 for f in result.findings if f.severity is Severity.ERROR),
        warnings=sum(1 for f in result.findings if f.severity is Severity.WARNING),
        findings=[format_short(f) for f in result.findings if f.severity is not Severity.INFO],
        lang=page.lang,
        source_url=source_url,
        preview_url=preview_url,
    )


def row_dict(row: PageRow) -> dict[str, Any]:
    return {
        "path": row.path,
        "url": row.url,
        "title": row.title,
        "owner": row.owner,
        "audience": row.audience,
        "readability": row.scores,
        "sections_ok": row.sections_ok,
        "help_ok": row.help_ok,
        "a11y": row.a11y,
        "reviewed": row.reviewed,
        "stale": row.stale,
        "errors": row.errors,
        "warnings": row.warnings,
        "source_url": row.source_url,
        "preview_url": row.preview_url,
    }


def read_last_audit(report_dir: Path) -> dict[str, Any] | None:
    """Date and totals of the last gate run (its `audit.json`), or None when there is none or it is unreadable."""
    try:
        with open(report_dir / "audit.json", encoding="utf-8") as fh:
            data = json.load(fh)
        if data.get("gate_error"):
            return None  # a gate that could not run says nothing about the site
        summary = data["summary"]
        return {
            "date": str(data.get("created", ""))[:10],
            "pages": summary.get("pages", 0),
            "errors": summary.get("errors", 0),
            "not_checked": summary.get("not_checked", 0),
        }
    except (OSError, ValueError, KeyError, TypeError):
        return None
