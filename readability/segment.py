"""Markdown to units of prose, each with the source line it starts on.

Readability formulas assume prose, but a service page is a heading, a list of documents, a table of costs, a
note in an admonition. Fed to a prose splitter, a heading without a full stop merges with the next sentence
into one long "sentence", and code or a URL counts as hard words. So we segment on Markdown structure first:

- every heading, list item, table cell, definition term and admonition title is its own unit, even without a
  full stop (a paragraph is a unit too; inside a unit, sentences are split at . ! ? …);
- code (fenced, indented, inline), HTML blocks, inline HTML tags, images and URLs are not prose and are
  skipped;
- link text is kept, its URL is not; the `{: .class}` / `{#id}` attribute lists of MkDocs are dropped;
- an admonition without a quoted title gets its title ("Note") from the parser, not from the author: skipped.

Each unit carries two strings of the same length: `text` (what the reader sees, inline code included, used to
quote the sentence back to the editor) and `scan` (the same, with skipped spans blanked to spaces, used to
find words). Equal lengths keep every offset valid in both.

The parser is markdown-it-py with the plugins of a Helder site (tables, admonitions, attribute lists,
definition lists). It is built here rather than imported from Helder, because the engine must not depend on
the plugin; the plugin may pass its already-parsed tokens to avoid parsing twice.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token as MdToken
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.deflist import deflist_plugin

#: Python-Markdown attribute lists (`{: .class }`, `{#id}`, `{ data-x=1 }`), which markdown-it leaves in the
#: text.
_ATTR_LIST = re.compile(r"[ \t]*\{:?[ \t]*(?:[#.][\w-]|[\w-]+=)[^{}\n]*\}")
#: Material icon and emoji shortcodes (`:material-phone:`, `:smile:`): not words.
_SHORTCODE = re.compile(r"(?<!\S):[a-z0-9_+-]+:(?!\S)")
#: Abbreviation definitions of Python-Markdown's abbr extension (`*[BSN]: Burgerservicenummer`): a glossary,
#: not prose.
_ABBR_DEFINITION = re.compile(r"\*\[[^\]]+\]:")
_QUOTED_TITLE = re.compile(r'"[^"]*"|\'[^\']*\'')


@dataclass(frozen=True, slots=True)
class Unit:
    """A heading, list item, table cell, admonition title or paragraph: sentences never cross its edges."""

    #: heading, paragraph, list-item, table-cell, admonition-title, admonition, term, definition, quote
    kind: str
    text: str
    scan: str
    #: Source line (1-based, front matter counted) of the first character.
    line: int
    #: Offsets in `text` where a new source line starts (after each soft or hard line break).
    breaks: tuple[int, ...] = ()

    def line_at(self, offset: int) -> int:
        return self.line + bisect_right(self.breaks, offset)


@cache
def markdown_parser() -> MarkdownIt:
    """CommonMark plus tables, strikethrough, admonitions, attribute lists and definition lists."""
    md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    md.use(admon_plugin).use(attrs_plugin).use(deflist_plugin)
    return md


def parse(body: str) -> list[MdToken]:
    return markdown_parser().parse(body)


_CONTAINER_KIND = {
    "list_item": "list-item",
    "admonition": "admonition",
    "blockquote": "quote",
    "dd": "definition",
}
_DIRECT_KIND = {
    "heading": "heading",
    "th": "table-cell",
    "td": "table-cell",
    "admonition_title": "admonition-title",
    "dt": "term",
}


def _kind(stack: list[str]) -> str:
    if stack:
        direct = _DIRECT_KIND.get(stack[-1])
        if direct:
            return direct
    for container in reversed(stack):
        kind = _CONTAINER_KIND.get(container)
        if kind:
            return kind
    return "paragraph"


class _Builder:
    """Collects the text of one inline token into the parallel `text`/`scan` strings."""

    __slots__ = ("text", "scan", "breaks", "length")

    def __init__(self) -> None:
        self.text: list[str] = []
        self.scan: list[str] = []
        self.breaks: list[int] = []
        self.length = 0

    def add(self, value: str, *, skip: bool = False) -> None:
        if not value:
            return
        self.text.append(value)
        self.scan.append(" " * len(value) if skip else value)
        self.length += len(value)

    def newline(self) -> None:
        self.add(" ")
        self.breaks.append(self.length)


#: An attribute list that names a language: `{ lang=nl }`, `{: lang="en" }`.
_LANG_ATTRS = re.compile(r"^[ \t]*\{:?[^{}\n]*\blang=")


def _foreign_parts(children: Sequence[MdToken]) -> set[int]:
    """Indexes of the children inside a part marked with its own language: `*naamskeuze*{ lang=nl }` or a link
    with `{ lang=nl }` (Python-Markdown's attr_list). Its words are another language's: they count in the
    sentence, but no word rule judges them by this page's language."""
    inside: set[int] = set()
    for index, child in enumerate(children):
        if child.type not in ("em_open", "strong_open", "link_open"):
            continue
        close_type = child.type.replace("_open", "_close")
        depth, close = 0, None
        for later in range(index, len(children)):
            if children[later].type == child.type:
                depth += 1
            elif children[later].type == close_type:
                depth -= 1
                if depth == 0:
                    close = later
                    break
        if close is None:
            continue
        after = children[close + 1] if close + 1 < len(children) else None
        marked = bool((child.attrs or {}).get("lang")) or (
            after is not None and after.type == "text" and bool(_LANG_ATTRS.match(after.content))
        )
        if marked:
            inside.update(range(index, close + 1))
    return inside


def _inline_unit(inline: MdToken, kind: str, line: int) -> Unit | None:
    builder = _Builder()
    in_autolink = False
    children = list(inline.children or ())
    foreign = _foreign_parts(children)
    for position, child in enumerate(children):
        ctype = child.type
        if ctype == "text":
            value = _ATTR_LIST.sub("", child.content)
            if in_autolink or position in foreign:
                builder.add(value, skip=True)
            else:
                shortcode = _SHORTCODE.search(value)
                if shortcode is None:
                    builder.add(value)
                else:  # blank icon shortcodes in the scan string only
                    last = 0
                    for match in _SHORTCODE.finditer(value):
                        builder.add(value[last : match.start()])
                        builder.add(match.group(), skip=True)
                        last = match.end()
                    builder.add(value[last:])
        elif ctype in ("softbreak", "hardbreak"):
            builder.newline()
        elif ctype == "code_inline":
            builder.add(child.content, skip=True)
        elif ctype == "link_open":
            in_autolink = child.markup == "autolink"
        elif ctype == "link_close":
            in_autolink = False
        # image, html_inline, emphasis marks: nothing to read
    text = "".join(builder.text)
    if not text.strip():
        return None
    return Unit(kind, text, "".join(builder.scan), line, tuple(builder.breaks))


def segment_markdown(body: str, first_line: int = 1, tokens: Sequence[MdToken] | None = None) -> list[Unit]:
    """The prose units of a Markdown body, in order.

    `first_line` is the source line of the body's first line (after the front matter), so every unit's line is
    a line the editor can jump to. `tokens` are markdown-it tokens of exactly this body, if already parsed.
    """
    if tokens is None:
        tokens = parse(body)
    units: list[Unit] = []
    stack: list[str] = []
    skip_title = [False]
    last_line = 0
    title = False  # inside the page's H1: its own kind, "title"
    for token in tokens:
        ttype = token.type
        if token.nesting == 1:
            name = ttype[:-5] if ttype.endswith("_open") else ttype
            stack.append(name)
            title = name == "heading" and token.tag == "h1"
            if name == "admonition":
                # `!!! note "Titel"`: the title is the author's; `!!! note` gets "Note" from the parser.
                skip_title.append(not _QUOTED_TITLE.search(token.info or ""))
            continue
        if token.nesting == -1:
            if stack:
                name = stack.pop()
                if name == "admonition" and len(skip_title) > 1:
                    skip_title.pop()
            continue
        if token.map:
            last_line = token.map[0]
        if ttype != "inline":
            continue  # fence, code_block, html_block, hr: not prose
        kind = "title" if title and _kind(stack) == "heading" else _kind(stack)
        if kind == "admonition-title" and skip_title[-1]:
            continue
        if token.content.startswith("*[") and all(
            _ABBR_DEFINITION.match(line) for line in token.content.splitlines()
        ):
            continue
        unit = _inline_unit(token, kind, first_line + last_line)
        if unit is not None:
            units.append(unit)
    return units


def segment_text(text: str, first_line: int = 1) -> list[Unit]:
    """Plain text without Markdown (a message, a summary): each block between blank lines is a unit."""
    units: list[Unit] = []
    block: list[str] = []
    start = 0
    for offset, line in enumerate([*text.splitlines(), ""]):
        if line.strip():
            if not block:
                start = offset
            block.append(line.strip())
            continue
        if block:
            joined = " ".join(block)
            breaks, position = [], 0
            for part in block[:-1]:
                position += len(part) + 1
                breaks.append(position)
            units.append(Unit("paragraph", joined, joined, first_line + start, tuple(breaks)))
            block = []
    return units
