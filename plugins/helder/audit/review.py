"""axe's "needs review" results as a review queue, with the decisions kept in the repository.

axe marks some results as incomplete: it cannot tell by itself (the contrast of text over an image, a colour
under a gradient). They are no errors, and hiding them is no answer either. The gate takes them out of the
findings and groups them by rule, element and HTML in the report, so the web team judges each one once. A
decision goes into the review file (`audit.review_file`, YAML, in the repository so it has a history):

    - rule: a11y.axe.color-contrast          # required: the rule, as in the report
      selector: .md-typeset .hero p          # optional: simple CSS or pa11y's selector (as with ignores)
      url: /afval/                           # optional: only this page
      decision: afgewezen                    # afgewezen (not a problem) or bevestigd (a real problem)
      by: Jan Jansen, webredactie            # required: who decided
      reason: De tekst staat op een effen vlak; gemeten 7:1.   # required: why
      date: 2026-12-01                       # optional

`bevestigd` turns the result into an error the gate fails on; `afgewezen` moves it to the list of judged
results (with who and why). Results without a decision stay in the queue; they never fail the gate.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from ..messages import Msg
from .ignores import rule_matches, selector_matches
from .runner import GateError, Job

CONFIRMED = ("bevestigd", "confirmed")
DISMISSED = ("afgewezen", "dismissed")
PA11Y_RUNNERS = ("htmlcs", "axe")


def wanted(options: Any) -> bool:
    """A review queue needs axe, and a place for the decisions."""
    return bool(options.review_file) and "axe" in list(options.runners)


def needs_review(issue: Mapping[str, Any]) -> bool:
    extras = issue.get("runnerExtras")
    return (
        issue.get("runner") == "axe" and isinstance(extras, dict) and bool(extras.get("needsFurtherReview"))
    )


def load_decisions(path: Path) -> list[dict[str, Any]]:
    """The decisions in the review file, checked; no file means no decisions yet. A broken file stops the gate
    (a decision that is silently not applied would turn a confirmed problem into a pass)."""
    if not path.is_file():
        return []
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except (OSError, yaml.YAMLError) as error:
        raise GateError(Msg("rv_unreadable", path=path, error=error)) from error
    if data is None:
        return []
    if not isinstance(data, list):
        raise GateError(Msg("rv_not_list", path=path))
    decisions = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise GateError(Msg("rv_item_shape", number=number, path=path))
        missing = [
            key for key in ("rule", "decision", "by", "reason") if not str(item.get(key) or "").strip()
        ]
        if missing:
            raise GateError(Msg("rv_item_missing", number=number, path=path, missing=", ".join(missing)))
        decision = str(item["decision"]).strip().lower()
        if decision not in CONFIRMED + DISMISSED:
            raise GateError(Msg("rv_item_decision", number=number, path=path, value=item["decision"]))
        decisions.append(
            {
                "rule": str(item["rule"]).strip(),
                "selector": str(item.get("selector") or "").strip(),
                "url": str(item.get("url") or "").strip(),
                "decision": "bevestigd" if decision in CONFIRMED else "afgewezen",
                "by": str(item["by"]).strip(),
                "reason": str(item["reason"]).strip(),
                "date": str(item.get("date") or ""),
            }
        )
    return decisions


def find_decision(
    decisions: list[dict[str, Any]], rule: str, issue: Mapping[str, Any], url: str
) -> dict[str, Any] | None:
    for decision in decisions:
        if not rule_matches(decision["rule"], rule):
            continue
        if decision["selector"] and not selector_matches(decision["selector"], issue):
            continue
        if decision["url"] and decision["url"].rstrip("/") != url.rstrip("/"):
            continue
        return decision
    return None


def split(
    raw: Mapping[Job, list[dict[str, Any]]],
    options: Any,
    project_root: Path,
) -> tuple[dict[Job, list[dict[str, Any]]], list[dict[str, Any]]]:
    """Take the "needs review" results out of `raw` and return (the rest, the review queue by rule).

    The queue is a list of `{rule, help, help_url, items: [{selector, context, pages, count, decision}]}`.
    Confirmed results go back into the rest as errors. Warnings of pa11y's runners that were only fetched
    for the queue (`include_warnings` off) are dropped; Helder's own warnings stay.
    """
    if not wanted(options):
        return dict(raw), []
    path = Path(options.review_file)
    path = path if path.is_absolute() else project_root / path
    decisions = load_decisions(path)
    rest: dict[Job, list[dict[str, Any]]] = {}
    groups: dict[str, dict[str, Any]] = {}
    for job, issues in raw.items():
        kept = []
        for issue in issues:
            if not needs_review(issue):
                if (
                    issue.get("type") == "warning"
                    and issue.get("runner") in PA11Y_RUNNERS
                    and not options.include_warnings
                ):
                    continue
                kept.append(issue)
                continue
            rule = f"a11y.axe.{issue.get('code')}"
            decision = find_decision(decisions, rule, issue, job.url_path)
            if decision and decision["decision"] == "bevestigd":
                extras = dict(issue.get("runnerExtras") or {})
                extras["review"] = {"by": decision["by"], "reason": decision["reason"]}
                kept.append({**issue, "type": "error", "typeCode": 1, "runnerExtras": extras})
            extras = issue.get("runnerExtras") or {}
            group = groups.setdefault(
                rule,
                {
                    "rule": rule,
                    "help": str(extras.get("help") or issue.get("message") or ""),
                    "help_url": str(extras.get("helpUrl") or ""),
                    "items": {},
                },
            )
            key = (str(issue.get("selector") or ""), str(issue.get("context") or ""))
            item = group["items"].setdefault(
                key,
                {"selector": key[0], "context": key[1][:600], "pages": [], "count": 0, "decision": decision},
            )
            item["count"] += 1
            where = f"{job.url_path} ({job.viewport_name})"
            if where not in item["pages"] and len(item["pages"]) < 20:
                item["pages"].append(where)
        rest[job] = kept
    queue = []
    for rule in sorted(groups):
        group = groups[rule]
        items = sorted(group["items"].values(), key=lambda item: (-item["count"], item["selector"]))
        queue.append({**group, "items": items})
    return rest, queue
