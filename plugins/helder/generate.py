"""Markdown that Helder adds to pages at build time: the help section and the lists on overview pages.

Generated text comes from one source (the catalogue, the products' front matter), so no editor copies a phone
number or a product list by hand.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from .catalogue.render import render_help
from .checker import PageReport, Report
from .messages import message
from .rules.sections import find_section

if TYPE_CHECKING:
    from .site import Site


def page_markdown(markdown: str, result: PageReport, report: Report, src_uri: str, site: Site) -> str:
    page = result.page
    if page.str_list("help") and site.catalogue is not None:
        markdown = add_help(markdown, result, site)
    if page.page_type == "overview":
        markdown = markdown.rstrip("\n") + "\n\n" + overview(src_uri, result, report, site) + "\n"
    return markdown


def add_help(markdown: str, result: PageReport, site: Site) -> str:
    """Put the catalogue's help under the page's own "Hulp" heading, or add that heading at the end."""
    page = result.page
    keys = [k for k in page.str_list("help") if k in site.ctx.help_keys]
    if not keys:
        return markdown
    kind = (site.ctx.sections or {}).get("help")
    heading = find_section(page, kind) if kind else None
    lines = markdown.split("\n")
    if heading is None:
        title = message(page.lang, "gen_help_heading")[0]
        block = render_help(site.catalogue, keys, page.lang, level=3)
        return markdown.rstrip("\n") + f"\n\n## {title}\n\n{block}\n"
    # MkDocs hands over the body without its leading blank lines (and other plugins may have changed it): map
    # Helder's source lines onto this text, or, when it is not the same text, put the help at the very end.
    if not page.body.endswith(markdown):
        return (
            markdown.rstrip("\n")
            + "\n\n"
            + render_help(site.catalogue, keys, page.lang, level=heading.level + 1)
        )
    first = page.body_line + page.body[: len(page.body) - len(markdown)].count("\n")
    # The section ends at the next heading of the same or a higher level.
    end = len(lines)
    for other in page.headings:
        if other.line > heading.line and other.level <= heading.level:
            end = other.line - first
            break
    block = render_help(site.catalogue, keys, page.lang, level=heading.level + 1)
    return "\n".join(lines[:end]).rstrip("\n") + f"\n\n{block}\n\n" + "\n".join(lines[end:])


def _products(report: Report, site: Site) -> list[tuple[str, PageReport]]:
    products = [
        (uri, r)
        for uri, r in report.pages.items()
        if r.page.page_type in site.options.product_types and r.page.front_matter_ok
    ]
    return sorted(products, key=lambda item: item[1].page.title.casefold())


def _item(from_uri: str, to_uri: str, result: PageReport) -> str:
    link = posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")
    summary = result.page.meta.get("summary")
    line = f"- [{result.page.title}]({link})"
    if isinstance(summary, str) and summary.strip():
        line += f"  \n  {summary.strip()}"
    return line


def overview(src_uri: str, result: PageReport, report: Report, site: Site) -> str:
    """An audience page lists every product for that audience by theme; a theme page lists its folder."""
    lang = result.page.lang
    settings = result.page.meta.get("overview")
    audience = settings.get("audience") if isinstance(settings, dict) else None
    products = _products(report, site)
    if audience:
        chosen = [(u, r) for u, r in products if audience in r.page.str_list("audience")]
        groups: dict[str, list[tuple[str, PageReport]]] = {}
        for uri, r in chosen:
            groups.setdefault(uri.split("/")[0] if "/" in uri else "", []).append((uri, r))
        parts = []
        for folder in sorted(groups, key=lambda f: _theme_title(f, report, lang).casefold()):
            parts.append(f"## {_theme_title(folder, report, lang)}\n")
            parts.extend(_item(src_uri, uri, r) for uri, r in groups[folder])
            parts.append("")
        return "\n".join(parts) if parts else message(lang, "gen_none")[0]
    folder = posixpath.dirname(src_uri)
    prefix = folder + "/" if folder else ""
    chosen = [(u, r) for u, r in products if u.startswith(prefix) and u != src_uri]
    if not chosen:
        return message(lang, "gen_none")[0]
    return "\n".join(_item(src_uri, uri, r) for uri, r in chosen)


def _theme_title(folder: str, report: Report, lang: str) -> str:
    if not folder:
        return message(lang, "gen_other")[0]
    index = report.pages.get(f"{folder}/index.md")
    return index.page.title if index else folder.replace("-", " ").capitalize()
