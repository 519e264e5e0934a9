"""Parts of audit.html for the browser checks: screenshot crops, repeated results as one row with a count,
the review queue of axe's "needs review" results, and what no automated check can judge.

`report.py` calls these; each returns HTML lines (or one string) built from the same `report_data` dict, so
audit.json and audit.html stay two views of one result. The crops are JPEG data URLs, so the report still has
no external files.
"""

from __future__ import annotations

from html import escape
from typing import Any

from .browser_messages import NOT_AUTOMATED


def _e(value: object) -> str:
    return escape(str(value if value is not None else ""), quote=True)


def _key(item: dict[str, Any]) -> str:
    return "\n".join((str(item.get("rule")), str(item.get("selector") or ""), str(item.get("context") or "")))


def _crops(data: dict[str, Any]) -> dict[str, str]:
    """One crop per (rule, element, HTML): a theme problem on fifty pages was photographed once. Worked out
    once per report and kept in `data` (under a key that stays valid JSON)."""
    found = data.setdefault("_crops", {})
    if not found:
        for item in data.get("findings", []):
            shot = str(item.get("screenshot") or "")
            if shot.startswith("data:image/") and _key(item) not in found:
                found[_key(item)] = shot
    return found


def screenshot(item: dict[str, Any], data: dict[str, Any]) -> str:
    """An `<img>` with the crop of the failing element, or '' when there is none."""
    shot = str(item.get("screenshot") or "") or _crops(data).get(_key(item), "")
    if not shot.startswith("data:image/"):
        return ""
    return (
        f'<img src="{_e(shot)}" alt="Uitsnede van de pagina rond het element met dit probleem" '
        'style="max-width:100%;border:1px solid #6b6b6b;margin-top:.25rem">'
    )


def repeated_section(data: dict[str, Any]) -> list[str]:
    """Problems that come back on several pages (usually the theme): one row each, with a count."""
    groups: dict[str, dict[str, Any]] = {}
    for item in data.get("findings", []):
        if not item.get("selector"):
            continue
        group = groups.setdefault(_key(item), {"item": item, "pages": [], "rows": 0})
        group["rows"] += max(1, len(item.get("viewports") or []))
        if item.get("url") and item["url"] not in group["pages"]:
            group["pages"].append(item["url"])
    repeated = sorted(
        (g for g in groups.values() if len(g["pages"]) > 1), key=lambda g: (-len(g["pages"]), _key(g["item"]))
    )
    out = ['<h2 id="terugkerend">Problemen die op meer pagina\'s terugkomen</h2>']
    if not repeated:
        return [*out, "<p>Geen: elk probleem staat op één pagina.</p>"]
    out += [
        "<p>Dit zijn meestal problemen in het thema. Lost u ze één keer op, dan zijn ze op alle pagina's weg.</p>",
        "<table>",
        "<caption>Terugkerende problemen, met het aantal pagina's</caption>",
        '<thead><tr><th scope="col">Wat is er mis?</th><th scope="col">Pagina\'s</th>'
        '<th scope="col">Element</th></tr></thead>',
        "<tbody>",
    ]
    for group in repeated:
        item = group["item"]
        pages = group["pages"]
        shown = ", ".join(f"<code>{_e(url)}</code>" for url in pages[:5])
        more = f" en {len(pages) - 5} andere" if len(pages) > 5 else ""
        out.append(
            f"<tr><td>{_e(item.get('problem') or item.get('message'))}<br>"
            f'<span class="klein">Regel: <code>{_e(item["rule"])}</code></span></td>'
            f"<td>{len(pages)} ({group['rows']} keer met de schermen mee)<br>{shown}{more}</td>"
            f"<td><code>{_e(item['selector'])}</code>{screenshot(item, data)}</td></tr>"
        )
    return [*out, "</tbody>", "</table>"]


def ignored_section(data: dict[str, Any]) -> list[str]:
    """Ignored results grouped by rule, element and reason: one row with a count instead of one per page."""
    out = ['<h2 id="genegeerd">Genegeerde resultaten</h2>']
    if not data.get("ignored"):
        return [*out, "<p>Er zijn geen resultaten genegeerd.</p>"]
    groups: dict[tuple[str, str, str], dict[str, Any]] = {}
    for item in data["ignored"]:
        key = (item["rule"], item["selector"], item["reason"])
        group = groups.setdefault(key, {"count": 0, "files": [], "viewports": set()})
        group["count"] += 1
        group["viewports"].add(item["viewport"])
        if item["path"] not in group["files"]:
            group["files"].append(item["path"])
    out += [
        "<p>Deze resultaten zijn bewust genegeerd. De reden staat in de instellingen van de site "
        "(mkdocs.yml, audit.ignores). Gelijke resultaten staan samen op één regel.</p>",
        "<table>",
        "<caption>Genegeerde resultaten met reden</caption>",
        '<thead><tr><th scope="col">Regel</th><th scope="col">Element</th><th scope="col">Aantal</th>'
        '<th scope="col">Bestanden</th><th scope="col">Reden</th></tr></thead>',
        "<tbody>",
    ]
    for (rule, selector, reason), group in sorted(groups.items(), key=lambda kv: -kv[1]["count"]):
        files = group["files"]
        shown = ", ".join(_e(f) for f in files[:3]) + (
            f" en {len(files) - 3} andere" if len(files) > 3 else ""
        )
        out.append(
            f"<tr><td><code>{_e(rule)}</code></td><td><code>{_e(selector)}</code></td>"
            f"<td>{group['count']} ({len(files)} bestanden, schermen: {_e(', '.join(sorted(group['viewports'])))})"
            f"</td><td>{shown}</td><td>{_e(reason)}</td></tr>"
        )
    return [*out, "</tbody>", "</table>"]


def review_section(data: dict[str, Any]) -> list[str]:
    """axe's "needs review" results: open ones to judge, and the ones judged before (who, why)."""
    queue = data.get("review") or []
    out = ['<h2 id="beoordelen">Nog te beoordelen</h2>']
    open_items = [(g, i) for g in queue for i in g["items"] if not i.get("decision")]
    judged = [(g, i) for g in queue for i in g["items"] if i.get("decision")]
    if not open_items:
        out.append("<p>Niets: axe twijfelde nergens over, of alles is al beoordeeld.</p>")
    else:
        out += [
            "<p>Hier twijfelde de testtool axe. Dit zijn geen fouten, maar iemand moet ze één keer bekijken. "
            "Leg het besluit vast in het beoordelingsbestand in de repository (instelling audit.review_file, "
            "standaard <code>toegankelijkheid-beoordelingen.yml</code>): <code>rule</code>, "
            "<code>selector</code>, <code>decision</code> (bevestigd of afgewezen), <code>by</code> en "
            "<code>reason</code>. Bevestigd wordt een fout; afgewezen verdwijnt uit deze lijst.</p>"
        ]
        for group in queue:
            items = [i for i in group["items"] if not i.get("decision")]
            if not items:
                continue
            link = f' (<a href="{_e(group["help_url"])}">uitleg, Engels</a>)' if group.get("help_url") else ""
            out += [
                f"<h3>{_e(group['rule'])}: {_e(group['help'])}{link}</h3>",
                "<table>",
                f"<caption>Te beoordelen voor {_e(group['rule'])}</caption>",
                '<thead><tr><th scope="col">Element</th><th scope="col">Aantal</th>'
                '<th scope="col">Pagina\'s</th></tr></thead>',
                "<tbody>",
            ]
            for item in items:
                out.append(
                    f"<tr><td><code>{_e(item['selector'])}</code><pre><code>{_e(item['context'])}</code></pre></td>"
                    f"<td>{item['count']}</td><td>{_e(', '.join(item['pages']))}</td></tr>"
                )
            out += ["</tbody>", "</table>"]
    if judged:
        out += [
            "<h3>Al beoordeeld</h3>",
            "<table>",
            "<caption>Besluiten over resultaten van axe, met wie en waarom</caption>",
            '<thead><tr><th scope="col">Regel</th><th scope="col">Element</th><th scope="col">Besluit</th>'
            '<th scope="col">Door</th><th scope="col">Waarom</th></tr></thead>',
            "<tbody>",
        ]
        for group, item in judged:
            decision = item["decision"]
            out.append(
                f"<tr><td><code>{_e(group['rule'])}</code></td><td><code>{_e(item['selector'])}</code></td>"
                f"<td>{_e(decision['decision'])}</td><td>{_e(decision['by'])}</td><td>{_e(decision['reason'])}</td></tr>"
            )
        out += ["</tbody>", "</table>"]
    return out


def not_automated_section() -> list[str]:
    """The short, fixed list of what a person must still check."""
    out = [
        '<h2 id="zelf-controleren">Wat deze controle niet kan beoordelen</h2>',
        "<p>Een computer ziet niet alles. Ook als alles hierboven goed is, moet een mens dit nog nakijken:</p>",
        "<ul>",
    ]
    out += [f"<li><strong>{_e(topic)}:</strong> {_e(question)}</li>" for topic, question in NOT_AUTOMATED]
    return [*out, "</ul>"]
