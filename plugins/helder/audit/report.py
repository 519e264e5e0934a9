"""audit.json and audit.html: the gate's result for machines and for communication staff.

Both are views of the same `AuditResult` (the findings, the summary, the ignores). They are written beside the
site, never inside it, so an internal report is not published. The HTML report is meant to be forwarded to an
editor: per page what is wrong, how to fix it and the failing HTML; it is itself accessible (lang="nl", one
h1, headings per page, tables with headers and captions, enough contrast) and has no external files.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import report_sections

if TYPE_CHECKING:
    from .gate import AuditResult

REPORT_FORMAT = 1


def report_data(result: AuditResult, *, site_dir: Path | None = None) -> dict[str, Any]:
    findings = []
    for finding, detail in zip(result.findings, result.details, strict=False):
        findings.append(
            {
                **finding.to_dict(),
                **{k: v for k, v in detail.items() if k not in ("tool_message",)},
                "tool_message": detail.get("tool_message", ""),
            }
        )
    return {
        "format": REPORT_FORMAT,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "site_dir": str(site_dir) if site_dir else None,
        "passed": result.exit_code == 0,
        "exit_code": result.exit_code,
        "gate_error": result.gate_error,
        "summary": result.summary.to_dict(),
        "settings": result.settings,
        "findings": findings,
        "ignored": [item.to_dict() for item in result.ignored],
        "pages": [page.to_dict() for page in result.pages],
        "review": result.review,
    }


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with open(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, path)


def write_reports(result: AuditResult, report_dir: Path, *, site_dir: Path | None = None) -> None:
    data = report_data(result, site_dir=site_dir)
    _write_atomic(report_dir / "audit.json", json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    _write_atomic(report_dir / "audit.html", render_html(data))


# --- HTML -------------------------------------------------------------------------------------------------

_CSS = """
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; line-height: 1.5; color: #1a1a1a;
       background: #fff; margin: 0; }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
h1 { font-size: 1.8rem; margin: 1.5rem 0 .5rem; }
h2 { font-size: 1.4rem; margin-top: 2.5rem; border-bottom: 2px solid #1a1a1a; }
h3 { font-size: 1.15rem; margin-top: 2rem; }
a { color: #0b4fa8; }
a:focus-visible { outline: 3px solid #1a1a1a; outline-offset: 2px; background: #ffdd00; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: bold; padding: .25rem 0; }
th, td { border: 1px solid #6b6b6b; padding: .4rem .5rem; text-align: left; vertical-align: top;
         overflow-wrap: anywhere; }
th { background: #e8e8e8; }
code, pre { font-family: ui-monospace, "Cascadia Mono", Consolas, monospace; font-size: .9em; }
pre { white-space: pre-wrap; word-break: break-word; background: #f3f3f3; border: 1px solid #6b6b6b;
      padding: .4rem; margin: .25rem 0 0; }
.uitslag { font-size: 1.2rem; font-weight: bold; padding: .6rem .8rem; border-left: 6px solid; }
.uitslag.goed { border-color: #1d6b2f; background: #e6f2e8; }
.uitslag.fout { border-color: #a4161a; background: #fbe9e9; }
.klein { font-size: .9rem; color: #3d3d3d; }
"""


def _e(value: object) -> str:
    return escape(str(value if value is not None else ""), quote=True)


def render_html(data: dict[str, Any]) -> str:
    s = data["summary"]
    if data["gate_error"]:
        verdict = ("fout", "De controle kon niet draaien. De site mag zo niet online.")
    elif data["passed"]:
        verdict = ("goed", "Goedgekeurd: geen fouten gevonden.")
    else:
        verdict = ("fout", "Afgekeurd: los de fouten hieronder op voordat de site online gaat.")

    out: list[str] = [
        "<!doctype html>",
        '<html lang="nl">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Toegankelijkheid: rapport van de controle</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        "<h1>Toegankelijkheid: rapport van de controle</h1>",
        f'<p class="klein">Gemaakt op {_e(data["created"])}. Getest volgens WCAG 2.1 niveau AA '
        f"(norm: {_e(data['settings'].get('standard'))}) met de testtools "
        f"{_e(', '.join(data['settings'].get('runners', [])))}.</p>",
        "</header>",
        "<main>",
        '<h2 id="samenvatting">Samenvatting</h2>',
        f'<p class="uitslag {verdict[0]}">{_e(verdict[1])}</p>',
    ]
    if data["gate_error"]:
        out.append(f"<p><strong>Waarom:</strong> {_e(data['gate_error'])}</p>")
    viewports = ", ".join(
        f"{v['name']} ({v['width']}×{v['height']})" for v in data["settings"].get("viewports", [])
    )
    out += [
        "<table>",
        "<caption>Uitslag in cijfers</caption>",
        "<tbody>",
        f'<tr><th scope="row">Pagina\'s</th><td>{s["pages"]}</td></tr>',
        f'<tr><th scope="row">Goedgekeurd</th><td>{s["passed"]}</td></tr>',
        f'<tr><th scope="row">Afgekeurd</th><td>{s["failed"]}</td></tr>',
        f'<tr><th scope="row">Niet gecontroleerd</th><td>{s["not_checked"]}</td></tr>',
        f'<tr><th scope="row">Fouten</th><td>{s["errors"]}</td></tr>',
        f'<tr><th scope="row">Waarschuwingen</th><td>{s["warnings"]}</td></tr>',
        f'<tr><th scope="row">Genegeerd (met reden)</th><td>{s["ignored"]}</td></tr>',
        f'<tr><th scope="row">Schermen</th><td>{_e(viewports)}</td></tr>',
        "</tbody>",
        "</table>",
    ]

    out.append('<h2 id="wat-moet-er-gebeuren">Wat moet er gebeuren?</h2>')
    by_path: dict[str, list[dict[str, Any]]] = {}
    for item in data["findings"]:
        by_path.setdefault(item["path"], []).append(item)
    if not by_path:
        out.append("<p>Niets: er zijn geen fouten gevonden.</p>")
    for number, (path, items) in enumerate(by_path.items(), start=1):
        urls = sorted({item.get("url", "") for item in items if item.get("url")})
        out.append(f'<h3 id="pagina-{number}">Bestand {_e(path)}</h3>')
        if urls:
            out.append(
                f"<p>Pagina op de site: {', '.join(f'<code>{_e(u)}</code>' for u in urls)}. "
                f"{len(items)} {'punt' if len(items) == 1 else 'punten'} om op te lossen.</p>"
            )
        out += [
            "<table>",
            f"<caption>Problemen in {_e(path)}</caption>",
            "<thead><tr>"
            '<th scope="col">Wat is er mis?</th>'
            '<th scope="col">Hoe lost u het op?</th>'
            '<th scope="col">Waar?</th>'
            "</tr></thead>",
            "<tbody>",
        ]
        for item in items:
            problem = item.get("problem") or item["message"]
            where = [f"Scherm: {_e(', '.join(item.get('viewports', [])))}"]
            if item.get("selector"):
                where.append(f"Element: <code>{_e(item['selector'])}</code>")
            if item.get("context"):
                # Material's templates leave many blank lines in pa11y's snippet; they only add height.
                snippet = re.sub(r"\n\s*\n+", "\n", str(item["context"])).strip()
                where.append(f"HTML:<pre><code>{_e(snippet)}</code></pre>")
            where += filter(None, [report_sections.screenshot(item, data)])
            rule = f'<br><span class="klein">Regel: <code>{_e(item["rule"])}</code>'
            if item.get("help_url"):
                rule += f' (<a href="{_e(item["help_url"])}">uitleg van de testtool, Engels</a>)'
            rule += "</span>"
            severity = "" if item["severity"] == "error" else f" <em>({_e(item['severity'])})</em>"
            out.append(
                f"<tr><td>{_e(problem)}{severity}{rule}</td><td>{_e(item['suggestion'])}</td>"
                f"<td>{'<br>'.join(where)}</td></tr>"
            )
        out += ["</tbody>", "</table>"]

    out += report_sections.repeated_section(data)
    out += report_sections.review_section(data)
    out += report_sections.ignored_section(data)
    out += report_sections.not_automated_section()

    out += [
        '<h2 id="alle-paginas">Alle pagina\'s</h2>',
        "<table>",
        "<caption>Uitslag per pagina en per scherm</caption>",
        '<thead><tr><th scope="col">Pagina</th><th scope="col">Bestand</th><th scope="col">Uitslag</th>'
        '<th scope="col">Per scherm</th></tr></thead>',
        "<tbody>",
    ]
    for page in data["pages"]:
        per = ", ".join(f"{name}: {status}" for name, status in page["viewports"].items())
        out.append(
            f"<tr><td><code>{_e(page['url'])}</code></td><td>{_e(page['path'])}</td><td>{_e(page['status'])}</td>"
            f"<td>{_e(per)}</td></tr>"
        )
    out += ["</tbody>", "</table>"]

    versions = data["settings"].get("versions") or {}
    if versions:
        out += [
            '<h2 id="gereedschap">Gebruikte testtools</h2>',
            "<table>",
            "<caption>Versies</caption>",
            '<thead><tr><th scope="col">Tool</th><th scope="col">Versie</th></tr></thead>',
            "<tbody>",
            *(f"<tr><td>{_e(k)}</td><td>{_e(v)}</td></tr>" for k, v in versions.items()),
            "</tbody>",
            "</table>",
        ]
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)
