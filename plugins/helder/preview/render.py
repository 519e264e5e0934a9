"""The preview of one page: a list of findings at the top, highlights in the text, an error where help is missing.

`render_preview` is pure: it takes the page body as MkDocs rendered it (HTML), the page's findings, the
readability analysis and the page's source blocks, and returns new HTML. Editor text only ever enters the
output escaped; the HTML around it is Helder's own.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import jinja2

from readability import TextAnalysis

from ..findings import Finding, Severity
from ..messages import message
from .blocks import HtmlBlock, PageMap, Piece, SourceBlock, html_blocks, normalise
from .marks import KINDS, Linked, Mark, link

#: A short sign per highlight kind and per level: the marker that does not rely on colour.
SIGNS = {
    "sentence": "Z",
    "hard": "M",
    "passive": "LV",
    "jargon": "A",
    "word": "MW",
    "error": "F",
    "warning": "W",
    "info": "T",
}
LEVELS = (Severity.ERROR, Severity.WARNING, Severity.INFO)
HELP_RULE = "help.unknown"
PANEL_ID = "helder-meldingen"


def _text(lang: str, key: str, **values: object) -> str:
    return message(lang, key, **values)[0]


def counts_text(findings: Sequence[Finding], lang: str) -> str:
    """ "2 fouten, 1 waarschuwing en 3 tips": the levels that occur, with the right singular or plural."""
    parts = []
    for level in LEVELS:
        count = sum(1 for f in findings if f.severity is level)
        if count:
            key = f"pv_{level.value}_{'one' if count == 1 else 'many'}"
            parts.append(_text(lang, key, count=count))
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + _text(lang, "pv_and") + parts[-1]


def ordered(findings: Sequence[Finding]) -> list[Finding]:
    """Errors first, then warnings, then tips; within a level, page-wide findings first, then by line."""
    return sorted(findings, key=lambda f: (f.severity.rank, f.line or 0, f.rule))


@dataclass
class _Insert:
    at: int
    #: 0 close tags, 1 markers and blocks, 2 open tags: at one place, a mark closes before the next opens.
    phase: int
    order: int
    text: str


class _Edits:
    def __init__(self) -> None:
        self.items: list[_Insert] = []

    def add(self, at: int, phase: int, text: str) -> None:
        self.items.append(_Insert(at, phase, len(self.items), text))

    def apply(self, source: str) -> str:
        out = []
        last = 0
        for item in sorted(self.items, key=lambda i: (i.at, i.phase, i.order)):
            out.append(source[last : item.at])
            out.append(item.text)
            last = item.at
        out.append(source[last:])
        return "".join(out)


def _badge(number: int, kind: str, lang: str, *, place: bool) -> str:
    """The marker before a highlight or a block: a link to the finding in the list, also for the keyboard."""
    name = _text(lang, f"pv_kind_{kind}") if kind in KINDS else _text(lang, f"pv_word_{kind}")
    label = html.escape(_text(lang, "pv_badge", kind=name, number=number))
    anchor = f' id="helder-plek-{number}"' if place else ""
    return (
        f'<a class="helder-badge" data-kind="{kind}" href="#helder-melding-{number}"{anchor}>'
        f'<span class="helder-sign" aria-hidden="true">{SIGNS[kind]}</span>'
        f'<span class="helder-badge__number" aria-hidden="true">{number}</span>'
        f'<span class="helder-sr">{label}</span></a>'
    )


def _segments(places: Sequence[tuple[Piece, int] | None], start: int, end: int) -> list[tuple[int, int]]:
    """HTML-string ranges covering characters `start`..`end` of a sentence, one range per piece of text."""
    ranges: list[tuple[int, int]] = []
    current: Piece | None = None
    low = high = 0
    for place in places[start:end]:
        if place is None:
            continue
        piece, offset = place
        if piece is not current:
            if current is not None:
                ranges.append((current.raw_at(low), current.raw_at(high + 1)))
            current, low = piece, offset
        high = offset
    if current is not None:
        ranges.append((current.raw_at(low), current.raw_at(high + 1)))
    return ranges


def _add_marks(edits: _Edits, spans: list[tuple[int, int, str]]) -> None:
    """Wrap each range in a `<mark>`, nesting correctly where ranges overlap (a word in a long sentence)."""
    points = sorted({p for start, end, _ in spans for p in (start, end)})
    rank = {kind: index for index, kind in enumerate(KINDS)}
    for left, right in zip(points, points[1:], strict=False):
        active = sorted({kind for start, end, kind in spans if start <= left and end >= right}, key=rank.get)
        if not active:
            continue
        for kind in active:
            edits.add(left, 2, f'<mark class="helder-mark" data-kind="{kind}">')
        for _ in reversed(active):
            edits.add(right, 0, "</mark>")


def _where(finding: Finding, body_line: int, placed: bool, lang: str) -> str:
    if finding.line is None:
        return _text(lang, "pv_whole_page")
    if finding.line < body_line and not placed:
        return _text(lang, "pv_front_matter", line=finding.line)
    return _text(lang, "pv_goto", line=finding.line) if placed else _text(lang, "pv_line", line=finding.line)


@cache
def _environment() -> jinja2.Environment:
    folder = resources.files("helder").joinpath("templates/preview")
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=True,
        trim_blocks=False,
        keep_trailing_newline=True,
    )


@cache
def stylesheet() -> str:
    """The preview's CSS (one `<style>` element for the page's head)."""
    css = resources.files("helder").joinpath("templates/preview/preview.css").read_text(encoding="utf-8")
    return f'<style data-helder-preview="">\n{css}</style>\n'


def _help_place(pmap: PageMap, help_line: int | None, help_title: str, content: str) -> int:
    """Where the missing help goes: under the page's help heading, under the heading Helder adds, or at
    the end."""
    if help_line is not None:
        for index in pmap.blocks_at(help_line):
            return pmap.rendered[index].end
    if help_title:
        for block in pmap.rendered:
            if block.kind in ("h2", "h3") and normalise(block.text) == normalise(help_title):
                return block.end
    return len(content)


def _help_block(items: list[tuple[int, Finding]], lang: str) -> str:
    parts = [
        '<div class="helder-missing-help" data-level="error">',
        f'<p class="helder-missing-help__title"><span class="helder-sign" aria-hidden="true">F</span> '
        f"<strong>{html.escape(_text(lang, 'pv_level_error'))}:</strong> "
        f"{html.escape(_text(lang, 'pv_help_missing'))}</p>",
    ]
    for number, finding in items:
        parts.append(
            f'<p id="helder-plek-{number}">{html.escape(finding.message)} '
            f"{html.escape(finding.suggestion)} "
            f'<a href="#helder-melding-{number}">{html.escape(_text(lang, "pv_to_list"))}</a></p>'
        )
    parts.append("</div>")
    return "\n".join(parts)


def render_preview(
    content: str,
    findings: Sequence[Finding],
    analysis: TextAnalysis | None,
    *,
    blocks: Sequence[SourceBlock],
    marks: Sequence[Mark] = (),
    body_line: int = 1,
    help_line: int | None = None,
    help_title: str = "",
    lang: str = "nl",
) -> str:
    """The page body with Helder's findings shown in it.

    - `content`: the body HTML as MkDocs rendered it; `findings`: the page's findings;
    - `analysis`: the readability analysis of the page body (its sentences carry their source lines);
    - `blocks`: the page's source blocks (`blocks.source_blocks`), to find each source line in the HTML;
    - `marks`: highlight candidates (`marks.candidates`); only those a finding reports are shown;
    - `help_line`: source line of the page's own help heading; `help_title`: the heading Helder adds.

    Every block that came from a source line gets `data-helder-line`; the list of findings goes after the
    page's H1 (or first), numbered; each highlight and flagged block starts with a marker linking back.
    """
    rendered = html_blocks(content)
    pmap = PageMap(blocks, rendered)
    listed = ordered(findings)
    numbers = {id(f): index + 1 for index, f in enumerate(listed)}
    edits = _Edits()

    for index, block in enumerate(rendered):
        line = pmap.line_of(index)
        if line is not None:
            at = block.attr_at - (1 if content[block.attr_at - 1 : block.attr_at] == "/" else 0)
            edits.add(at, 1, f' data-helder-line="{line}"')

    placed: set[int] = set()
    #: The sign each finding shows in the text (a highlight kind, or its level), repeated in the list.
    kinds: dict[int, str] = {}
    spans = _highlights(edits, pmap, marks, listed, analysis, placed, kinds, lang)
    missing_help = _flags(edits, pmap, rendered, listed, numbers, placed, kinds, body_line, lang)

    if missing_help:
        edits.add(
            _help_place(pmap, help_line, help_title, content), 1, "\n" + _help_block(missing_help, lang)
        )

    shown = sorted({kind for _, _, kind in spans})
    panel = _panel(listed, numbers, kinds, placed, body_line, marks_shown=shown, lang=lang)
    first_block = rendered[0] if rendered else None
    after_title = (
        first_block is not None and first_block.tag == "h1" and not content[: first_block.start].strip()
    )
    edits.add(first_block.end if after_title and first_block else 0, 1, "\n" + panel + "\n")
    return edits.apply(content)


def _highlights(
    edits: _Edits,
    pmap: PageMap,
    marks: Sequence[Mark],
    listed: list[Finding],
    analysis: TextAnalysis | None,
    placed: set[int],
    kinds: dict[int, str],
    lang: str,
) -> list[tuple[int, int, str]]:
    """Highlights in the text, each with a marker before its first piece; returns the highlighted spans."""
    found_sentences: dict[int, tuple[int, list[tuple[Piece, int] | None]] | None] = {}
    spans: list[tuple[int, int, str]] = []
    sentences = analysis.sentences if analysis is not None else []
    for item in sorted(link(marks, listed), key=lambda x: (x.mark.sentence, x.mark.start)):
        mark = item.mark
        if mark.sentence >= len(sentences):
            continue
        if mark.sentence not in found_sentences:
            sentence = sentences[mark.sentence]
            found_sentences[mark.sentence] = pmap.find_text(sentence.line, sentence.text)
        where = found_sentences[mark.sentence]
        ranges = _segments(where[1], mark.start, mark.end) if where is not None else []
        if not ranges:
            continue
        number = item.finding + 1
        first = item.first and number not in placed
        edits.add(ranges[0][0], 1, _badge(number, mark.kind, lang, place=first))
        if first:
            placed.add(number)
            kinds[number] = mark.kind
        spans.extend((start, end, mark.kind) for start, end in ranges)
    _add_marks(edits, spans)
    return spans


def _flags(
    edits: _Edits,
    pmap: PageMap,
    rendered: list[HtmlBlock],
    listed: list[Finding],
    numbers: dict[int, int],
    placed: set[int],
    kinds: dict[int, str],
    body_line: int,
    lang: str,
) -> list[tuple[int, Finding]]:
    """Findings at a line but without a highlight: a marker at the start of their block. Returns the findings
    about help that does not exist, which get a block of their own."""
    flagged: dict[int, str] = {}
    missing_help: list[tuple[int, Finding]] = []
    for finding in listed:
        number = numbers[id(finding)]
        if finding.rule == HELP_RULE:
            missing_help.append((number, finding))
            placed.add(number)
            continue
        if number in placed or finding.line is None or finding.line < body_line:
            continue
        index = pmap.block_near(finding.line)
        if index is None:
            continue
        edits.add(rendered[index].content_start, 1, _badge(number, finding.severity.value, lang, place=True))
        placed.add(number)
        kinds[number] = finding.severity.value
        if index not in flagged or finding.severity.rank < Severity(flagged[index]).rank:
            flagged[index] = finding.severity.value
    for index, level in flagged.items():
        edits.add(rendered[index].attr_at, 1, f' data-helder-flag="{level}"')
    return missing_help


def _panel(
    listed: list[Finding],
    numbers: dict[int, int],
    kinds: dict[int, str],
    placed: set[int],
    body_line: int,
    *,
    marks_shown: list[str],
    lang: str,
) -> str:
    groups = []
    for level in LEVELS:
        items = []
        for finding in listed:
            if finding.severity is not level:
                continue
            number = numbers[id(finding)]
            is_placed = number in placed
            kind = kinds.get(number, level.value)
            items.append(
                {
                    "number": number,
                    "kind": kind,
                    "sign": SIGNS[kind],
                    "rule": finding.rule,
                    "line": finding.line,
                    "message": finding.message,
                    "suggestion": finding.suggestion,
                    "target": f"helder-plek-{number}" if is_placed else "",
                    "where": _where(finding, body_line, is_placed, lang),
                }
            )
        if items:
            groups.append(
                {
                    "level": level.value,
                    "sign": SIGNS[level.value],
                    "heading": _text(lang, f"pv_level_{level.value}"),
                    "word": _text(lang, f"pv_word_{level.value}"),
                    "entries": items,
                }
            )
    title = (
        _text(lang, "pv_title", counts=counts_text(listed, lang)) if listed else _text(lang, "pv_title_none")
    )
    rank = {kind: index for index, kind in enumerate(KINDS)}
    legend = [
        {
            "kind": kind,
            "sign": SIGNS[kind],
            "name": _text(lang, f"pv_kind_{kind}"),
            "explain": message(lang, f"pv_kind_{kind}")[1],
        }
        for kind in sorted(marks_shown, key=rank.get)
    ]
    return (
        _environment()
        .get_template("panel.html")
        .render(
            title=title,
            note=_text(lang, "pv_note"),
            groups=groups,
            fix_label=_text(lang, "pv_fix"),
            legend=legend,
            legend_title=_text(lang, "pv_legend"),
        )
        .strip()
    )


__all__ = ["Linked", "counts_text", "ordered", "render_preview", "stylesheet"]
