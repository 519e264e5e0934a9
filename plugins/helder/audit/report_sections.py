"""The parts of audit.html that group results, as data for `templates/audit/report.html`: a crop of the
failing element, problems that come back on several pages (one row with a count), ignored results grouped by
rule, element and reason, and the review queue of axe's "needs review" results.

Pure functions of the `report_data` dict, so audit.json and audit.html stay two views of one result. The
crops are JPEG data URLs: the report still has no external files.
"""

from __future__ import annotations

from typing import Any

#: What no automated check can judge, as catalogue keys (`rep_manual_<topic>`): the report lists them, so
#: nobody mistakes a green gate for a full audit.
NOT_AUTOMATED = ("images", "media", "headings", "sensory", "forms", "language", "screen_reader")


def _key(item: dict[str, Any]) -> str:
    return "\n".join((str(item.get("rule")), str(item.get("selector") or ""), str(item.get("context") or "")))


def crops(findings: list[dict[str, Any]]) -> dict[str, str]:
    """One crop per (rule, element, HTML): a theme problem on fifty pages was photographed once."""
    found: dict[str, str] = {}
    for item in findings:
        shot = str(item.get("screenshot") or "")
        if shot.startswith("data:image/") and _key(item) not in found:
            found[_key(item)] = shot
    return found


def with_crops(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each finding with the crop of its element (its own, or the one taken of the same element elsewhere)."""
    shots = crops(findings)
    return [{**item, "crop": shots.get(_key(item), "")} for item in findings]


def repeated(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Problems that come back on several pages (usually the theme), most pages first."""
    groups: dict[str, dict[str, Any]] = {}
    for item in findings:
        if not item.get("selector"):
            continue
        group = groups.setdefault(_key(item), {"item": item, "pages": [], "rows": 0})
        group["rows"] += max(1, len(item.get("viewports") or []))
        if item.get("url") and item["url"] not in group["pages"]:
            group["pages"].append(item["url"])
    chosen = [g for g in groups.values() if len(g["pages"]) > 1]
    return sorted(chosen, key=lambda g: (-len(g["pages"]), _key(g["item"])))


def ignored_groups(ignored: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Ignored results grouped by rule, element and reason: one row with a count instead of one per page."""
    groups: dict[tuple[str, str, str], dict[str, Any]] = {}
    for item in ignored:
        key = (item["rule"], item["selector"], item["reason"])
        group = groups.setdefault(
            key,
            {"rule": key[0], "selector": key[1], "reason": key[2], "count": 0, "files": [], "screens": set()},
        )
        group["count"] += 1
        group["screens"].add(item["viewport"])
        if item["path"] not in group["files"]:
            group["files"].append(item["path"])
    found = sorted(groups.values(), key=lambda g: -g["count"])
    return [{**g, "screens": sorted(g["screens"])} for g in found]


def review_parts(queue: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """axe's "needs review" results: (groups with open items to judge, items judged before with who and why)."""
    open_groups = []
    judged = []
    for group in queue:
        items = [i for i in group["items"] if not i.get("decision")]
        if items:
            open_groups.append({**group, "items": items})
        judged += [{"rule": group["rule"], **i} for i in group["items"] if i.get("decision")]
    return open_groups, judged
