"""Helder's findings inside the `mkdocs serve` preview (never in `mkdocs build`).

The plugin calls `preview_page` for every page it serves, after its last cleaning step. The work is done by
pure functions:

- `blocks`: which HTML block came from which source line (`data-helder-line`);
- `marks`: which sentences and words to highlight, each tied to its finding;
- `render`: the list of findings at the top, the highlights, the error where help is missing.

This module only gathers what those functions need from the site (the page's findings, its readability
analysis, the jargon list and the limits) and puts the result into the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.plugins import get_plugin_logger

from ..messages import message, text
from .blocks import source_blocks
from .marks import KIND_OF, Mark, candidates
from .render import render_preview, stylesheet

if TYPE_CHECKING:
    from readability import TextAnalysis

    from ..checker import PageReport
    from ..site import Site

log = get_plugin_logger(__name__)


def readability_parts(result: PageReport, site: Site) -> tuple[TextAnalysis | None, list[Mark]]:
    """The page's readability analysis and its highlight candidates, with the site's limits and word list."""
    from ..rules.readability import page_language, page_limits

    page = result.page
    lang = page_language(page)
    if lang is None:
        return None, []
    analysis = site.ctx.analysis(page, lang)
    limits, _ = page_limits(page, site.ctx.settings.limits[lang])
    record = result.data.get("readability") or {}
    hardest = [(int(h["line"]), str(h["text"])) for h in record.get("hardest", [])]
    marks = candidates(
        analysis,
        sentence_words=limits.sentence_words,
        jargon=site.ctx.words[lang],
        hardest=hardest,
    )
    return analysis, marks


def _help_heading(result: PageReport, site: Site) -> tuple[int | None, str]:
    """Source line of the page's own help heading, and the title of the heading Helder adds without one."""
    from ..rules.sections import find_section

    page = result.page
    kind = site.ctx.sections.get("help")
    heading = find_section(page, kind) if kind else None
    return (heading.line if heading else None), text(page.lang, "gen_help_heading")


def preview_body(content: str, result: PageReport, site: Site) -> str:
    """The page body (HTML) with the findings, highlights and missing help shown in it."""
    page = result.page
    # The engine's second look at the page is only needed when there is something to highlight.
    wanted = any(finding.rule in KIND_OF for finding in result.findings)
    analysis, marks = readability_parts(result, site) if wanted else (None, [])
    help_line, help_title = _help_heading(result, site)
    return render_preview(
        content,
        result.findings,
        analysis,
        blocks=source_blocks(page.tokens, page.body_line),
        marks=marks,
        body_line=page.body_line,
        help_line=help_line,
        help_title=help_title,
        lang=site.ctx.lang,
    )


def preview_content(content: str, result: PageReport | None, site: Site | None) -> str:
    """A served page's body with its findings shown in it, before the theme puts it into the page (the theme
    may split the body: Helder's own puts the lead and the action block after the title).

    A bug in the preview must not take the preview away: the body is then served as it is, and the editor
    gets a message (the findings are in the terminal as always).
    """
    if result is None or site is None or not content:
        return content
    try:
        return preview_body(content, result, site)
    except Exception as exc:  # noqa: BLE001 - the page itself must still be served
        said, fix = message(site.ctx.lang, "pv_crashed", path=result.page.path, error=repr(exc))
        log.warning(f"{said} {fix}")
        return content


def preview_style(output: str) -> str:
    """The preview's styles in the head of a served page."""
    return output.replace("</head>", stylesheet() + "</head>", 1)


__all__ = ["preview_body", "preview_content", "preview_style", "readability_parts", "render_preview"]
