"""What a build writes besides the pages: state for the gate, the product feed, the dashboard, the statement.

The plugin calls these after (or, for the statement, before) MkDocs renders the pages; they take plain data
(the check report, the page URLs, the options) so each can be tested without a build.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..audit.explain import explain
from ..audit.manifest import write_manifest
from ..audit.result import AuditResult
from ..checker import Report
from ..files import write_atomic
from ..findings import format_text
from ..messages import text as message_text
from ..pages.statement import (
    GATE_RESULT_ID,
    STATUS_ID,
    Research,
    Status,
    compute_status,
    gate_paragraph,
    statement_markdown,
    status_markdown,
)
from .dashboard import render, totals
from .feed import FeedProduct, build_feed
from .history import History, record_history
from .quality import a11y_by_path, page_row, read_last_audit, row_dict


def is_product(result: Any, product_types: list[str]) -> bool:
    return result.page.page_type in product_types and result.page.front_matter_ok


def write_state(state_dir: Path, report: Report, urls: dict[str, str]) -> None:
    """`pages.json` (url -> source file, read by `helder audit`) and `report.json` (findings and scores)."""
    pages: dict[str, str] = {}
    data: dict[str, Any] = {}
    for src_uri, result in report.pages.items():
        url = urls[src_uri]
        pages[url] = result.page.path
        data[result.page.path] = {
            "url": url,
            "title": result.page.title,
            "type": result.page.page_type,
            "findings": [f.to_dict() for f in result.findings],
            "data": result.data,
        }
    write_manifest(state_dir / "pages.json", pages)
    write_atomic(
        state_dir / "report.json", json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True, default=str)
    )


def write_feed(
    file: Path,
    report: Report,
    urls: dict[str, str],
    *,
    product_types: list[str],
    site_url: str,
    municipality: str,
    municipality_uri: str,
) -> None:
    products = []
    for src_uri, result in sorted(report.pages.items()):
        meta = result.page.meta
        reviewed = meta.get("reviewed")
        if not is_product(result, product_types) or not isinstance(reviewed, dt.date):
            continue  # an incomplete page already has an error finding; it does not go into the feed
        products.append(
            FeedProduct(
                url=(site_url or "/").rstrip("/") + urls[src_uri],
                title=result.page.title,
                summary=result.page.str_value("summary").strip(),
                audience=result.page.str_list("audience"),
                online=result.page.str_value("online", "nee"),
                modified=reviewed,
                lang=result.page.lang,
                upl=result.page.str_value("upl") or None,
                product_id=urls[src_uri].strip("/") or "home",
            )
        )
    write_atomic(file, build_feed(products, municipality=municipality, municipality_uri=municipality_uri))


@dataclass(frozen=True)
class Links:
    """Where the dashboard sends an editor for each page: the source file and the preview.

    The source is MkDocs' own edit link (`repo_url` + `edit_uri`) when the site has one, else the file itself,
    relative to an internal dashboard (a published dashboard has no way to the file: then none). The preview
    is the address of `mkdocs serve` (`dev_addr` and the path of `site_url`), only while serving.
    """

    root: Path
    edit_urls: Mapping[str, str] = field(default_factory=dict)
    preview_base: str = ""
    published: bool = False

    def source(self, src_uri: str, path: str, folder: Path) -> str:
        if self.edit_urls.get(src_uri):
            return self.edit_urls[src_uri]
        file = self.root / path
        if self.published or not file.is_file():
            return ""
        return Path(os.path.relpath(file.resolve(), folder.resolve())).as_posix()

    def preview(self, url: str) -> str:
        return self.preview_base.rstrip("/") + url if self.preview_base else ""


def preview_base(command: str, dev_addr: object, site_url: str) -> str:
    """`http://127.0.0.1:8000/` while serving (MkDocs serves under the path of `site_url`); "" otherwise."""
    if command != "serve" or not dev_addr:
        return ""
    return f"http://{dev_addr}{urlsplit(site_url or '/').path or '/'}"


def exceptions(report: Report, links: Links, folder: Path) -> list[dict[str, Any]]:
    """Every justified exception in the pages (a comment before a paragraph, or `ignore:`), for the
    dashboard: page, line, rule, reason."""
    found = []
    for uri, result in sorted(report.pages.items(), key=lambda item: item[1].page.path):
        for item in result.data.get("exceptions", ()):
            found.append(
                {
                    **item,
                    "path": result.page.path,
                    "source_url": links.source(uri, result.page.path, folder),
                    "lang": result.page.lang,  # the reason is in the page's language
                }
            )
    return found


def write_dashboard(
    folder: Path,
    report: Report,
    urls: dict[str, str],
    audit: AuditResult | None,
    *,
    product_types: list[str],
    history: History,
    history_file: Path,
    record: bool,
    site_name: str,
    site_url: str,
    stale_months: int,
    today: dt.date,
    links: Links,
    lang: str = "nl",
) -> Path:
    """The dashboard pages and `kwaliteit.json`; returns the overview page. `history` is the history as read
    (`history.read_history`); a file with problems is shown but not written over."""
    a11y = a11y_by_path(audit) if audit else {}
    rows = [
        page_row(
            result,
            urls[uri],
            a11y.get(result.page.path) if audit else None,
            source_url=links.source(uri, result.page.path, folder),
            preview_url=links.preview(urls[uri]),
        )
        for uri, result in sorted(report.pages.items(), key=lambda item: urls[item[0]])
        if is_product(result, product_types)
    ]
    rows_of_history = record_history(history, history_file, totals(rows, today)) if record else history.rows
    audit_date = today.isoformat() if audit and not audit.gate_error else None
    pages = render(
        rows,
        rows_of_history,
        site_name=site_name,
        today=today,
        base_url=site_url or "/",
        stale_months=stale_months,
        audit_date=audit_date,
        lang=lang,
        exceptions=exceptions(report, links, folder),
        history_problems=[format_text(f, lang) for f in history.findings],
    )
    for name, text in pages.items():
        write_atomic(folder / name, text)
    summary = {"totals": totals(rows, today), "pages": [row_dict(r) for r in rows]}
    write_atomic(folder / "kwaliteit.json", json.dumps(summary, ensure_ascii=False, indent=1, default=str))
    return folder / "index.html"


def statement_page(
    options: Any,
    *,
    ignores: list[Any],
    report_dir: Path,
    site_name: str,
    site_url: str,
    today: dt.date,
    lang: str = "nl",
) -> tuple[Status, str]:
    """The statement's status and Markdown, from the configured research and the last gate run."""
    last = read_last_audit(report_dir)
    status = statement_status(options, last, today)
    # No rule codes for residents: what the ignored result means, in words, and why it stays.
    listed = [(rule_in_words(i.rule, lang), i.reason) for i in ignores]
    text = statement_markdown(
        options, status, site_name=site_name, site_url=site_url, ignores=listed, last_audit=last, lang=lang
    )
    return status, text


def statement_status(options: Any, last: dict[str, Any] | None, today: dt.date) -> Status:
    """The status (A to E) from the configured research and the gate run `last` (None: it has not run)."""
    research = Research(options.research.date, options.research.method, options.research.result == "all-met")
    return compute_status(
        enabled=True,
        research=research,
        planned=options.planned_research,
        today=today,
        gate_errors=int(last["errors"]) if last else 0,
        gate_ran=bool(last),
    )


def rule_in_words(rule: str, lang: str) -> str:
    """`a11y.htmlcs.H32.2` -> what it means ("Een formulier heeft geen knop om te versturen." or the like)."""
    runner, _, code = rule.removeprefix("a11y.").partition(".")
    if runner not in ("htmlcs", "axe"):  # Helder's own browser checks: `a11y.keyboard.trap`
        runner, code = "helder", rule.removeprefix("a11y.")
    key, _specific = explain(runner, code)
    return message_text(lang, key)


def refresh_statement(
    page_html: Path,
    report_dir: Path,
    options: Any,
    *,
    today: dt.date,
    lang: str,
    to_html: Callable[[str], str],
) -> bool:
    """Write the result of this build's gate into the statement page, which was made before the gate ran: the
    sentence about the check and the status (A to E) with its reasons. `to_html` turns Helder's Markdown into
    HTML the way the site does. False when the page or its parts are not there (a site's own statement)."""
    try:
        html = page_html.read_text(encoding="utf-8")
    except OSError:
        return False
    last = read_last_audit(report_dir)
    sentence = escape(gate_paragraph(last, lang))
    gate = re.compile(rf'(<p id="{GATE_RESULT_ID}">).*?(</p>)', re.DOTALL)
    # The status section: its heading up to the next heading.
    status = re.compile(rf'<h2 id="{STATUS_ID}">.*?(?=<h2)', re.DOTALL)
    if not gate.search(html) or not status.search(html):
        return False
    html = gate.sub(lambda m: m.group(1) + sentence + m.group(2), html, count=1)
    section = to_html(status_markdown(statement_status(options, last, today), lang))
    html = status.sub(lambda _m: section + "\n", html, count=1)
    write_atomic(page_html, html)
    return True
