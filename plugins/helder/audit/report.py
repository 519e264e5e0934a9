"""audit.json and audit.html: the gate's result for machines and for communication staff.

Both are views of the same `AuditResult` (the levelled findings with their details, the summary, the ignores).
They are written beside the site, never inside it, so an internal report is not published. The HTML report is
meant to be forwarded to an editor: per page what is wrong, how to fix it and the failing HTML; it is itself
accessible (lang set, one h1, headings per page, tables with headers and captions, enough contrast) and has no
external files. Its words come from the message catalogue, its markup from `templates/audit/report.html`.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..files import write_atomic
from ..templating import render
from . import report_sections
from .result import AuditResult

REPORT_FORMAT = 2


def report_data(result: AuditResult, *, site_dir: Path | None = None, lang: str = "nl") -> dict[str, Any]:
    """One JSON shape for every view: the findings with their details merged in."""
    findings = [{**finding.to_dict(), **dict(finding.data or {})} for finding in result.findings]
    for item in findings:
        item.pop("data", None)
        item.setdefault("tool_message", "")
    error = result.gate_error
    return {
        "format": REPORT_FORMAT,
        "lang": lang,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "site_dir": str(site_dir) if site_dir else None,
        "passed": result.exit_code == 0,
        "exit_code": result.exit_code,
        "gate_error": " ".join(error.pair(lang)).strip() if error else None,
        "summary": result.summary.to_dict(),
        "settings": result.settings,
        "findings": findings,
        "ignored": [item.to_dict() for item in result.ignored],
        "pages": [page.to_dict() for page in result.pages],
        "review": result.review,
    }


def write_reports(
    result: AuditResult, report_dir: Path, *, site_dir: Path | None = None, lang: str = "nl"
) -> None:
    data = report_data(result, site_dir=site_dir, lang=lang)
    write_atomic(report_dir / "audit.json", json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    write_atomic(report_dir / "audit.html", render_html(data))


def render_html(data: dict[str, Any]) -> str:
    """The report for people, grouped by the file an editor must change."""
    by_path: dict[str, list[dict[str, Any]]] = {}
    findings = report_sections.with_crops(data["findings"])  # a crop taken once serves every page
    for item in findings:
        # Material's templates leave many blank lines in pa11y's snippet; they only add height.
        snippet = re.sub(r"\n\s*\n+", "\n", str(item.get("context") or "")).strip()
        by_path.setdefault(item["path"], []).append({**item, "snippet": snippet})
    if data["gate_error"]:
        verdict = ("fout", "report_verdict_gate")
    elif data["passed"]:
        verdict = ("goed", "report_verdict_passed")
    else:
        verdict = ("fout", "report_verdict_failed")
    review_open, review_judged = report_sections.review_parts(data.get("review") or [])
    return render(
        "audit/report.html",
        data.get("lang") or "nl",
        data=data,
        by_path=by_path,
        verdict=verdict,
        repeated=report_sections.repeated(findings),
        ignored=report_sections.ignored_groups(data["ignored"]),
        review_open=review_open,
        review_judged=review_judged,
        manual=report_sections.NOT_AUTOMATED,
    )
