"""Where each source line of a page ended up in its rendered HTML.

MkDocs renders Markdown with Python-Markdown, which keeps no source lines. Helder's rules parse the same text
with markdown-it, which does. So we line the two up by their text blocks (paragraphs, headings, list items,
table cells): both sides are cut into "leaf" blocks with their plain text, and `difflib` aligns the two lists.
Blocks that exist on one side only (the help section Helder adds while rendering, a raw HTML block) are simply
not matched, and the blocks around them still are.

Everything here is pure: strings and tokens in, positions out.
"""

from __future__ import annotations

import difflib
import html
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser

from markdown_it.token import Token

#: Elements whose own text is one block of the page.
TEXT_BLOCKS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "pre", "summary", "figcaption"}
)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
#: Python-Markdown's attribute lists (`{: .class }`, `{#id}`), which markdown-it leaves in the text.
_ATTR_LIST = re.compile(r"[ \t]*\{:?[ \t]*(?:[#.][\w-]|[\w-]+=)[^{}\n]*\}")
_SPACE = re.compile(r"\s+")
_ENTITY = re.compile(r"&(?:#[xX]?[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


# --- the HTML side ----------------------------------------------------------------------------------------


@dataclass
class Piece:
    """A run of text in the HTML: `raw` is its place in the HTML string, `text` what the reader sees."""

    raw_start: int
    raw_end: int
    text: str
    #: An entity (`&amp;`) cannot be cut in two: a mark goes around all of it or none of it.
    atomic: bool = False

    def raw_at(self, offset: int) -> int:
        """The place in the HTML string of character `offset` of `text` (0 .. len(text))."""
        if self.atomic:
            return self.raw_start if offset <= 0 else self.raw_end
        return self.raw_start + offset


@dataclass
class HtmlBlock:
    tag: str
    #: Place of `<` of the start tag, and just after its `>`.
    start: int
    content_start: int
    #: Place just after its end tag (the end of the string when it is never closed).
    end: int = -1
    pieces: list[Piece] = field(default_factory=list)
    has_image: bool = False

    @property
    def kind(self) -> str:
        """h1..h6, pre, hr or text: what must be the same on both sides for two blocks to match."""
        if self.tag in ("pre", "hr") or re.fullmatch(r"h[1-6]", self.tag):
            return self.tag
        return "text"

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)

    @property
    def attr_at(self) -> int:
        """Where a new attribute goes: just before the `>` (or `/>`) of the start tag."""
        return self.content_start - 1


class _Scanner(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.blocks: list[HtmlBlock] = []
        #: (tag, block index or -1, hides its text)
        self.stack: list[tuple[str, int, bool]] = []

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _block(self) -> HtmlBlock | None:
        for _, index, _ in reversed(self.stack):
            if index >= 0:
                return self.blocks[index]
        return None

    def _hidden(self) -> bool:
        return any(hidden for _, _, hidden in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or ""
        if tag == "img":
            block = self._block()
            if block is not None:
                block.has_image = True
        if tag in _VOID:
            if tag == "hr":
                self.blocks.append(HtmlBlock("hr", start, start + len(raw), start + len(raw)))
            return
        classes = (dict(attrs).get("class") or "").split()
        # The permalink sign of a heading (`¶`) is not part of the heading's text.
        hidden = tag == "a" and "headerlink" in classes
        index = -1
        if tag in TEXT_BLOCKS:
            index = len(self.blocks)
            self.blocks.append(HtmlBlock(tag, start, start + len(raw)))
        self.stack.append((tag, index, hidden))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            block = self._block()
            if block is not None:
                block.has_image = True

    def handle_endtag(self, tag: str) -> None:
        if not any(open_tag == tag for open_tag, _, _ in self.stack):
            return
        start = self._offset()
        close = self.source.find(">", start)
        end = len(self.source) if close < 0 else close + 1
        while self.stack:
            open_tag, index, _ = self.stack.pop()
            if index >= 0:
                self.blocks[index].end = end
            if open_tag == tag:
                break

    def _text(self, text: str, raw_start: int, raw_end: int, atomic: bool) -> None:
        block = self._block()
        if block is not None and not self._hidden():
            block.pieces.append(Piece(raw_start, raw_end, text, atomic))

    def handle_data(self, data: str) -> None:
        start = self._offset()
        self._text(data, start, start + len(data), False)

    def _reference(self) -> None:
        start = self._offset()
        match = _ENTITY.match(self.source, start)
        end = match.end() if match else start + 1
        raw = self.source[start:end]
        self._text(html.unescape(raw), start, end, True)

    def handle_entityref(self, name: str) -> None:
        self._reference()

    def handle_charref(self, name: str) -> None:
        self._reference()


def html_blocks(source: str) -> list[HtmlBlock]:
    """The text blocks of rendered HTML, in order: each block's own text (not that of blocks inside it)."""
    scanner = _Scanner(source)
    scanner.feed(source)
    scanner.close()
    found = []
    for block in scanner.blocks:
        if block.end < 0:
            block.end = len(source)
        if block.tag in ("pre", "hr") or block.has_image or block.text.strip():
            found.append(block)
    return found


# --- the Markdown side ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceBlock:
    kind: str
    text: str
    #: Source lines (1-based, front matter counted) from `first` up to and including `last`.
    first: int
    last: int

    def holds(self, line: int) -> bool:
        return self.first <= line <= self.last


def _plain(children: Sequence[Token]) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return _ATTR_LIST.sub("", "".join(parts))


def source_blocks(tokens: Sequence[Token], body_line: int) -> list[SourceBlock]:
    """The text blocks of a Markdown body, from markdown-it tokens; `body_line` is the source line of the
    body's first line."""
    found: list[SourceBlock] = []
    for index, token in enumerate(tokens):
        if token.map is None:
            continue
        first = body_line + token.map[0]
        last = max(first, body_line + token.map[1] - 1)
        if token.type == "inline":
            parent = tokens[index - 1] if index else token
            kind = parent.tag if parent.type == "heading_open" else "text"
            found.append(SourceBlock(kind, _plain(token.children or ()), first, last))
        elif token.type in ("fence", "code_block"):
            found.append(SourceBlock("pre", token.content, first, last))
        elif token.type == "hr":
            found.append(SourceBlock("hr", "", first, last))
    return found


# --- lining them up ---------------------------------------------------------------------------------------


def normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip().casefold()


def align(source: Sequence[SourceBlock], rendered: Sequence[HtmlBlock]) -> dict[int, int]:
    """Source block index -> HTML block index, for every block found on both sides.

    Blocks with the same kind and text are matched in order; where the two sides differ a little (a symbol
    Python-Markdown writes differently), a block is matched to the most similar one in the same gap.
    """
    left = [(block.kind, normalise(block.text)) for block in source]
    right = [(block.kind, normalise(block.text)) for block in rendered]
    matched: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, left, right, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            matched.update(zip(range(a1, a2), range(b1, b2), strict=True))
        elif op == "replace":
            next_b = b1
            for a in range(a1, a2):
                best, best_ratio = -1, 0.6
                for b in range(next_b, b2):
                    if left[a][0] != right[b][0]:
                        continue
                    ratio = difflib.SequenceMatcher(None, left[a][1], right[b][1]).ratio()
                    if ratio > best_ratio:
                        best, best_ratio = b, ratio
                if best >= 0:
                    matched[a] = best
                    next_b = best + 1
    return matched


class PageMap:
    """Source lines to HTML blocks, and sentence text to places in the HTML string."""

    def __init__(self, source: Sequence[SourceBlock], rendered: Sequence[HtmlBlock]) -> None:
        self.source = list(source)
        self.rendered = list(rendered)
        self.matched = align(self.source, self.rendered)
        self._source_of = {rendered: source for source, rendered in self.matched.items()}
        self._firsts = [block.first for block in self.source]
        #: Per HTML block, how far sentences have already been found (sentences come in order).
        self._cursor: dict[int, int] = {}

    def line_of(self, html_index: int) -> int | None:
        """The source line an HTML block came from (None: Helder or a plugin added it while rendering)."""
        source_index = self._source_of.get(html_index)
        return None if source_index is None else self.source[source_index].first

    def blocks_at(self, line: int) -> list[int]:
        """The HTML blocks made from the source block(s) holding `line` (a table row holds several cells)."""
        return [
            self.matched[index]
            for index, block in enumerate(self.source)
            if block.holds(line) and index in self.matched
        ]

    def block_near(self, line: int) -> int | None:
        """The HTML block for `line`, or the nearest matched block before it (else after it)."""
        exact = self.blocks_at(line)
        if exact:
            return exact[0]
        before = bisect_right(self._firsts, line)
        for index in range(before - 1, -1, -1):
            if index in self.matched:
                return self.matched[index]
        for index in range(before, len(self.source)):
            if index in self.matched:
                return self.matched[index]
        return None

    def find_text(self, line: int, text: str) -> tuple[int, list[tuple[Piece, int] | None]] | None:
        """The HTML block holding `text` (a sentence starting at `line`), and for each character of `text`
        its piece of HTML text and its offset there (None for white space); None when it is not found."""
        wanted, _, wanted_from = _squeeze(text)
        if not wanted:
            return None
        for index in self.blocks_at(line):
            block = self.rendered[index]
            chars = [(piece, offset) for piece in block.pieces for offset in range(len(piece.text))]
            flat, flat_to, _ = _squeeze(block.text)
            at = flat.find(wanted, self._cursor.get(index, 0))
            if at < 0:
                at = flat.find(wanted)
            if at < 0:
                continue
            self._cursor[index] = at + len(wanted)
            places: list[tuple[Piece, int] | None] = []
            for squeezed in wanted_from:
                places.append(None if squeezed is None else chars[flat_to[at + squeezed]])
            return index, places
        return None


def _squeeze(text: str) -> tuple[str, list[int], list[int | None]]:
    """`text` case folded with each white space run as one space (none at the ends); for each character of
    the result its index in `text`; for each character of `text` its index in the result (None: dropped)."""
    out: list[str] = []
    to_source: list[int] = []
    from_source: list[int | None] = []
    pending_space = -1
    for index, char in enumerate(text):
        if char.isspace():
            if out and pending_space < 0:
                pending_space = index
            from_source.append(None)
            continue
        if pending_space >= 0:
            out.append(" ")
            to_source.append(pending_space)
            pending_space = -1
        lowered = char.casefold()
        from_source.append(len(out))
        out.append(lowered if len(lowered) == 1 else char)
        to_source.append(index)
    return "".join(out), to_source, from_source
