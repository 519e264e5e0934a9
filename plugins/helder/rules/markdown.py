"""Accessibility rules that only the Markdown source can answer (`markdown.*`).

A browser audit of the built site sees `<img alt="foto">` or a link called "klik hier", but it cannot say in
which file and on which line the editor wrote it, and it misses what is not wrong for a machine (bold text
used as a heading, a PDF link that does not say how big the file is). These rules read the markdown-it tokens
of the page body, so every finding points at the source line an editor can open.

Each rule is a small pure function `tokens -> list[BodyHit]`; `check` turns hits into `Finding`s with the page's
path, source line numbers (front matter counted) and the message in the site's language. Raw HTML in the
Markdown is read with the stdlib `html.parser`, and what counts as unsafe HTML comes from `helder.sanitize`,
the cleaner that removes it from the built site, so the editor is told about exactly what will disappear.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown_it.token import Token

from ..catalogue.model import tel_uri
from ..findings import Hit, Rule, Severity
from ..sanitize import REMOVED_ELEMENTS, TolerantHTMLParser, attribute_problem, unsafe_url
from ..source import SourcePage
from .context import CheckContext

RULES = [
    Rule(
        "markdown.image-alt",
        Severity.ERROR,
        ("md_img_alt_missing", "md_img_alt_missing_html", "md_img_alt_file", "md_img_alt_vague"),
    ),
    Rule("markdown.link-text", Severity.ERROR, ("md_link_vague", "md_link_empty", "md_link_same_text")),
    Rule(
        "markdown.heading-order",
        Severity.ERROR,
        ("md_heading_skip", "md_heading_first_skip", "md_h1_extra", "md_h1_not_first", "md_heading_empty"),
    ),
    Rule("markdown.fake-heading", Severity.WARNING, ("md_fake_heading",)),
    Rule(
        "markdown.file-link",
        Severity.ERROR,
        ("md_file_link_both", "md_file_link_size", "md_file_link_format"),
    ),
    Rule("markdown.missing-file", Severity.ERROR, ("md_missing_link", "md_missing_image")),
    Rule("markdown.phone-link", Severity.WARNING, ("md_phone_link",)),
    Rule(
        "markdown.unsafe-html",
        Severity.ERROR,
        (
            "md_unsafe_script",
            "md_unsafe_embed",
            "md_unsafe_form",
            "md_unsafe_page",
            "md_unsafe_event",
            "md_unsafe_url",
            "md_unsafe_style",
        ),
    ),
]

# --- word lists ----------------------------------------------------------------------------------------

#: Link texts that do not say where a link goes (WCAG 2.4.4); compared after `_normalise`.
VAGUE_LINK_TEXTS = frozenset(
    {
        "klik hier", "klik", "hier", "lees meer", "lees verder", "meer", "meer informatie", "meer info",
        "deze link", "link", "deze pagina", "website",
        "click here", "click", "here", "read more", "more", "more info", "more information", "this link",
        "this page",
    }
)  # fmt: skip

#: Alt texts that say an image is an image, not what it shows.
VAGUE_ALT_TEXTS = frozenset(
    {
        "afbeelding", "foto", "plaatje", "plaatjes", "beeld", "illustratie", "figuur", "icoon", "logo",
        "banner", "grafiek", "schermafbeelding", "image", "picture", "photo", "img", "pic", "icon",
        "illustration", "figure", "graphic", "chart", "screenshot", "alt", "alt text", "alt-tekst",
    }
)  # fmt: skip

_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|svg|webp|avif|bmp|tiff?|heic)\s*$", re.IGNORECASE)
#: Names cameras, phones and screenshot tools give files: IMG_1234, DSC01234, PXL_2024..., Schermafbeelding
#: 2024-...
_CAMERA_NAME = re.compile(
    r"^(?:img|dsc[fn]?|pxl|mvimg|dcim|wp|image|foto|photo|afbeelding|schermafbeelding|screenshot|scan)"
    r"[\s_-]*\d",
    re.IGNORECASE,
)

#: Document formats a reader should know before opening (WCAG 2.4.4, Dutch government web guidelines): the
#: file may need another program, and a large file costs mobile data. Value: name shown in the suggestion and
#: the words that count as naming the format in the link text. `.csv` and `.zip` are in on purpose: neither
#: opens in the browser.
FILE_FORMATS: Mapping[str, tuple[str, frozenset[str]]] = {
    "pdf": ("pdf", frozenset({"pdf"})),
    "doc": ("Word", frozenset({"word", "doc", "docx"})),
    "docx": ("Word", frozenset({"word", "doc", "docx"})),
    "xls": ("Excel", frozenset({"excel", "xls", "xlsx"})),
    "xlsx": ("Excel", frozenset({"excel", "xls", "xlsx"})),
    "ppt": ("PowerPoint", frozenset({"powerpoint", "ppt", "pptx"})),
    "pptx": ("PowerPoint", frozenset({"powerpoint", "ppt", "pptx"})),
    "odt": ("odt", frozenset({"odt", "opendocument"})),
    "ods": ("ods", frozenset({"ods", "opendocument"})),
    "odp": ("odp", frozenset({"odp", "opendocument"})),
    "rtf": ("rtf", frozenset({"rtf"})),
    "csv": ("csv", frozenset({"csv"})),
    "zip": ("zip", frozenset({"zip"})),
}
_FILE_SIZE = re.compile(r"\d+(?:[.,]\d+)?\s?(?:[kmg]i?b|bytes?|kilobytes?|megabytes?)\b", re.IGNORECASE)

#: Elements in the messages of `markdown.unsafe-html`, by the reason they are removed.
_UNSAFE_ELEMENT_KEYS = {
    "script": "md_unsafe_script",
    "form": "md_unsafe_form",
    **dict.fromkeys(("iframe", "frame", "frameset", "object", "embed", "applet"), "md_unsafe_embed"),
    **dict.fromkeys(("style", "link", "meta", "base"), "md_unsafe_page"),
}

#: A Markdown link or image destination, or a reference definition: markdown-it refuses `javascript:` links
#: and leaves them as text, but Python-Markdown (what MkDocs renders with) turns them into real links.
_MD_DESTINATION = re.compile(r"\]\(\s*<?([^\s>]+)|^[ \t]*\[[^\]\n]+\]:[ \t]*<?([^\s>]+)", re.MULTILINE)

_PUNCTUATION = " \t\n.,:;!?…\"'“”‘’«»‹›()[]{}<>-–—→←↗›»*_/|"


@dataclass(frozen=True)
class BodyHit:
    """A hit on a line of the body: `line` and the values in `line_values` are 0-based body lines
    (markdown-it's `token.map`); `check` turns them into source lines, so the rules need not know about front
    matter.
    """

    rule: str
    line: int
    key: str
    values: Mapping[str, object] = field(default_factory=dict)
    line_values: Mapping[str, int] = field(default_factory=dict)
    #: What may replace the reported words as is (`Hit.replacement`), and those words (`data["found"]`, for
    #: `helder fix`).
    replacement: str | None = None
    data: Mapping[str, object] = field(default_factory=dict)


# --- a flat view of the inline content and the raw HTML --------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One thing in the page's running text, with the 0-based body line it starts on.

    kind: "text" (Markdown text; a line break is "\\n"), "code", "html_text" (text inside raw HTML), "image",
    "link_open", "link_close", "tag" and "end_tag" (raw HTML), "block_end" (end of a paragraph or HTML block).
    """

    kind: str
    line: int
    text: str = ""  # the text, an image's alt text, or a tag name
    attrs: tuple[tuple[str, str | None], ...] = ()

    def attr(self, name: str) -> str | None:
        return next((value for key, value in self.attrs if key == name), None)

    def has_attr(self, name: str) -> bool:
        return any(key == name for key, _ in self.attrs)


class _TagScanner(TolerantHTMLParser):
    """Raw HTML as `Item`s, each on its own line (html.parser counts the lines for us)."""

    def __init__(self, first_line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first_line = first_line
        self.items: list[Item] = []

    def _line(self) -> int:
        return self.first_line + self.getpos()[0] - 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.items.append(Item("tag", self._line(), tag, tuple(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.items.append(Item("end_tag", self._line(), tag))

    def handle_data(self, data: str) -> None:
        self.items.append(Item("html_text", self._line(), data))


def _scan_html(source: str, first_line: int) -> list[Item]:
    scanner = _TagScanner(first_line)
    scanner.feed(source)
    scanner.close()
    return scanner.items


def _plain(children: Sequence[Token]) -> str:
    """The text a reader hears for inline tokens: text, code and image alt texts."""
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(_plain(child.children or []))
    return "".join(parts)


def _code_span_newlines(content: str, start: int, child: Token) -> int:
    """How many line breaks a code span covers: markdown-it turns them into spaces, so find it in the
    source."""
    fence = re.escape(child.markup)
    pattern = fence + r"\s*" + r"\s+".join(map(re.escape, child.content.split())) + r"\s*" + fence
    found = re.compile(pattern).search(content, start)
    return found.group().count("\n") if found else 0


def _skip_lines(content: str, start: int, count: int) -> int:
    """Offset of the line `count` lines below the one that `start` is on."""
    for _ in range(count):
        newline = content.find("\n", start)
        if newline < 0:
            return len(content)
        start = newline + 1
    return start


def _inline_items(inline: Token) -> Iterator[Item]:
    """The children of one inline token as `Item`s, each on its own source line.

    Children carry no line numbers; the inline token's map gives the first line, and every soft or hard break,
    every line break inside raw HTML and inside a code span moves one line down.
    """
    line = inline.map[0] if inline.map else 0
    content = inline.content
    offset = 0  # start of the current line in `content`, to find code spans
    for child in inline.children or []:
        newlines = 0
        if child.type == "text":
            yield Item("text", line, child.content)
        elif child.type in ("softbreak", "hardbreak"):
            yield Item("text", line, "\n")
            newlines = 1
        elif child.type == "code_inline":
            yield Item("code", line, child.content)
            newlines = _code_span_newlines(content, offset, child)
        elif child.type == "image":
            yield Item("image", line, _plain(child.children or []), tuple(child.attrs.items()))
        elif child.type == "link_open":
            yield Item("link_open", line, "", tuple(child.attrs.items()))
        elif child.type == "link_close":
            yield Item("link_close", line)
        elif child.type == "html_inline":
            yield from _scan_html(child.content, line)
            newlines = child.content.count("\n")
        if newlines:
            line += newlines
            offset = _skip_lines(content, offset, newlines)
    yield Item("block_end", line)


#: The tokens `items` was last asked about, and its answer: the rules of one page ask about the same tokens
#: about ten times in a row (issue 14: a tenth of a cold check went to making the same items again).
_LAST_ITEMS: tuple[Sequence[Token], tuple[Item, ...]] | None = None


def items(tokens: Sequence[Token]) -> tuple[Item, ...]:
    """All running text and raw HTML of a page, in order. Fenced and indented code is left out: it is shown
    as code, never run."""
    global _LAST_ITEMS
    last = _LAST_ITEMS
    if last is not None and last[0] is tokens:
        return last[1]
    found = tuple(_items(tokens))
    _LAST_ITEMS = (tokens, found)
    return found


def _items(tokens: Sequence[Token]) -> list[Item]:
    out: list[Item] = []
    for token in tokens:
        if token.type == "inline":
            out.extend(_inline_items(token))
        elif token.type == "html_block":
            out.extend(_scan_html(token.content, token.map[0] if token.map else 0))
            out.append(Item("block_end", token.map[1] if token.map else 0))
    return out


# --- shared helpers ------------------------------------------------------------------------------------


def _normalise(text: str) -> str:
    """Lowercase, one space between words, no punctuation around: "Klik hier!" -> "klik hier"."""
    return " ".join(text.split()).strip(_PUNCTUATION).lower()


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _decorative(item: Item) -> bool:
    """An image marked as decoration, which screen readers skip: `{ role="presentation" }` (or "none", or
    `aria-hidden="true"`). Markdown cannot tell a forgotten alt text from a deliberate empty one, so an empty
    `![](x.png)` needs this mark; raw HTML may also say so with an explicit `alt=""`."""
    role = (item.attr("role") or "").strip().lower()
    hidden = (item.attr("aria-hidden") or "").strip().lower()
    return role in ("presentation", "none") or hidden == "true"


@dataclass(frozen=True)
class Link:
    """A link as a screen reader's list of links shows it: its text and where it goes."""

    #: The text everyone sees, with the alt text of an image in the link. An `aria-label` only counts when
    #: there is no visible text (an icon link): a vague visible text stays vague for sighted readers.
    text: str
    href: str
    line: int


def links(tokens: Sequence[Token]) -> list[Link]:
    """Every Markdown link and raw `<a href>`, with its text."""
    found: list[Link] = []
    current: tuple[str, int, str] | None = None  # href, line, aria-label
    parts: list[str] = []

    def close() -> None:
        nonlocal current
        if current is not None:
            href, line, label = current
            text = "".join(parts)
            found.append(Link(text if text.strip() else label, href, line))
        current = None

    for item in items(tokens):
        if item.kind == "link_open" or (item.kind == "tag" and item.text == "a" and item.has_attr("href")):
            close()
            current = (item.attr("href") or "", item.line, item.attr("aria-label") or "")
            parts = []
        elif current is None:
            continue
        elif item.kind in ("text", "code", "html_text"):
            parts.append(item.text)
        elif item.kind == "image" or (item.kind == "tag" and item.text == "img"):
            parts.append(item.text if item.kind == "image" else item.attr("alt") or "")
        elif item.kind in ("link_close", "block_end") or (item.kind == "end_tag" and item.text == "a"):
            close()
    close()
    return found


# --- markdown.image-alt --------------------------------------------------------------------------------


def _alt_problem(alt: str, src: str) -> str | None:
    """Why an alt text does not describe the image: "file" (a file name) or "vague" ("foto"); else None."""
    text = alt.strip()
    stem = urlsplit(src).path.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()
    if _IMAGE_FILE.search(text) or _CAMERA_NAME.match(text):
        return "file"
    if stem and text.lower() == stem and re.search(r"[-_\d]", stem):
        return "file"
    if _normalise(text) in VAGUE_ALT_TEXTS:
        return "vague"
    return None


def image_alt(tokens: Sequence[Token]) -> list[BodyHit]:
    """Images without a useful alt text, in Markdown (`![alt](src)`) and raw HTML (`<img alt>`)."""
    hits: list[BodyHit] = []
    for item in items(tokens):
        if item.kind == "image":
            alt, missing_key = item.text, "md_img_alt_missing"
        elif item.kind == "tag" and item.text == "img":
            alt, missing_key = item.attr("alt"), "md_img_alt_missing_html"
            if alt == "":
                continue  # alt="" typed in HTML is a deliberate "decoration"
        else:
            continue
        if _decorative(item):
            continue
        src = _short(item.attr("src") or "", 50)
        if alt is None or not alt.strip():
            hits.append(BodyHit("markdown.image-alt", item.line, missing_key, {"src": src}))
            continue
        problem = _alt_problem(alt, item.attr("src") or "")
        if problem:
            key = "md_img_alt_file" if problem == "file" else "md_img_alt_vague"
            hits.append(BodyHit("markdown.image-alt", item.line, key, {"src": src, "alt": _short(alt)}))
    return hits


# --- markdown.link-text --------------------------------------------------------------------------------


def _target(href: str) -> str:
    """A link target in one spelling, so `kosten.md`, `kosten/` and `kosten` count as the same page."""
    path, hash_, fragment = href.strip().partition("#")
    for suffix in ("/index.md", "index.md", ".md"):
        if path.endswith(suffix):
            path = path[: -len(suffix)]
            break
    return path.rstrip("/") + hash_ + fragment


def link_text(tokens: Sequence[Token]) -> list[BodyHit]:
    """Links whose text does not say where they go: empty, vague ("klik hier"), or the same text for two
    different targets on one page (a screen reader's list of links then shows two identical entries)."""
    rule = "markdown.link-text"
    hits: list[BodyHit] = []
    first: dict[str, Link] = {}
    for link in links(tokens):
        norm = _normalise(link.text)
        if not link.text.strip():
            hits.append(BodyHit(rule, link.line, "md_link_empty", {"href": _short(link.href, 50)}))
        elif not norm or norm in VAGUE_LINK_TEXTS:
            hits.append(BodyHit(rule, link.line, "md_link_vague", {"text": _short(link.text)}))
        elif norm in first:
            earlier = first[norm]
            if _target(earlier.href) != _target(link.href):
                values = {"text": _short(link.text)}
                hits.append(
                    BodyHit(rule, link.line, "md_link_same_text", values, {"first_line": earlier.line})
                )
        else:
            first[norm] = link
    return hits


# --- markdown.heading-order ----------------------------------------------------------------------------


def heading_order(tokens: Sequence[Token]) -> list[BodyHit]:
    """Headings that a screen reader's outline cannot follow: a skipped level, a second H1, an H1 below
    another heading, or an empty heading.

    A page without an H1 is fine: Material then shows the page title as the H1, so the first heading may be
    an H2 (but not an H3).
    """
    rule = "markdown.heading-order"
    hits: list[BodyHit] = []
    previous = 1  # the title Material adds when the page has no H1
    first_heading: int | None = None
    first_h1: int | None = None
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        level = int(token.tag[1])
        line = token.map[0] if token.map else 0
        inline = tokens[index + 1]
        text = _short(_plain(inline.children or []).strip())
        if not text:
            hits.append(BodyHit(rule, line, "md_heading_empty"))
        if level == 1:
            if first_h1 is not None:
                hits.append(BodyHit(rule, line, "md_h1_extra", {"text": text}, {"first_line": first_h1}))
            elif first_heading is not None:
                hits.append(
                    BodyHit(rule, line, "md_h1_not_first", {"text": text}, {"first_line": first_heading})
                )
            if first_h1 is None:
                first_h1 = line
        elif level > previous + 1 and first_heading is None:
            hits.append(BodyHit(rule, line, "md_heading_first_skip", {"text": text, "level": level}))
        elif level > previous + 1:
            expected = previous + 1
            values = {"text": text, "level": level, "prev": previous, "expected": expected}
            hits.append(BodyHit(rule, line, "md_heading_skip", {**values, "hashes": "#" * expected}))
        if first_heading is None:
            first_heading = line
        previous = level
    return hits


# --- markdown.fake-heading -----------------------------------------------------------------------------

#: A bold line ending like a sentence is emphasis ("**Neem uw paspoort mee.**"), not a heading.
_SENTENCE_END = (".", "!", ",", ";", "…")
_FAKE_HEADING_MAX_WORDS = 10
_FAKE_HEADING_MAX_CHARS = 80
#: Bold text inside these is part of a list or a table, not a heading standing on its own.
_NOT_STANDALONE = {"list_item_open", "dt_open", "dd_open", "th_open", "td_open"}


def _bold_only_text(children: Sequence[Token]) -> str | None:
    """The text of a paragraph's first line when that line is nothing but bold (or bold italic) text."""
    kids = [c for c in children if not (c.type == "text" and not c.content.strip())]
    for index, kid in enumerate(kids):
        if kid.type == "hardbreak":  # "**Kosten**\" then the text on the next line: the bold part is a label
            kids = kids[:index]
            break
    if len(kids) >= 2 and kids[0].type == "em_open" and kids[-1].type == "em_close":
        kids = kids[1:-1]
    if len(kids) < 3 or kids[0].type != "strong_open" or kids[-1].type != "strong_close":
        return None
    depth = 0
    for kid in kids[1:-1]:
        if kid.type in ("link_open", "image", "html_inline"):
            return None  # a bold link is a link, not a heading
        if kid.type == "strong_open":
            depth += 1
        elif kid.type == "strong_close":
            if depth == 0:
                return None  # two bold parts with plain text between: "**a** en **b**"
            depth -= 1
    return _plain(kids[1:-1]).strip()


def fake_heading(tokens: Sequence[Token]) -> list[BodyHit]:
    """Short bold paragraphs that stand alone like a heading. Screen reader users jump from heading to
    heading; bold text is not in that list, so they cannot find the section."""
    hits: list[BodyHit] = []
    containers: list[str] = []
    last_level = 1
    under_heading, sibling_level = True, 0  # nothing since the last heading; level of a bold line under it
    for index, token in enumerate(tokens):
        if token.nesting == 1:
            containers.append(token.type)
        elif token.nesting == -1 and containers:
            containers.pop()
        if token.type == "heading_open":
            last_level = int(token.tag[1])
            under_heading, sibling_level = True, 0
        if token.type != "paragraph_open" or _NOT_STANDALONE.intersection(containers):
            if token.nesting >= 0 and token.type not in ("heading_open", "inline"):
                under_heading = False  # a list, a table, a code block ...: the section has content
            continue
        text = _bold_only_text(tokens[index + 1].children or [])
        if (
            text
            and not text.endswith(_SENTENCE_END)
            and len(text.split()) <= _FAKE_HEADING_MAX_WORDS
            and len(text) <= _FAKE_HEADING_MAX_CHARS
        ):
            # Right under a heading it is a part of that section (one level deeper); after text it starts a
            # new section beside that heading; bold lines under one heading are beside each other.
            level = min(max(sibling_level or (last_level + 1 if under_heading else last_level), 2), 6)
            sibling_level = level
            line = token.map[0] if token.map else 0
            values = {"text": _short(text), "hashes": "#" * level}
            hits.append(BodyHit("markdown.fake-heading", line, "md_fake_heading", values))
        else:
            under_heading = False
    return hits


# --- markdown.file-link --------------------------------------------------------------------------------


def _file_format(href: str) -> str | None:
    if href.lower().startswith(("mailto:", "tel:")):
        return None
    name = urlsplit(href.strip()).path.rsplit("/", 1)[-1]
    if "." not in name:
        return None
    extension = name.rsplit(".", 1)[1].lower()
    return extension if extension in FILE_FORMATS else None


def file_link(tokens: Sequence[Token]) -> list[BodyHit]:
    """Links to documents (pdf, Word, Excel, OpenDocument, csv, zip) whose link text does not name the format
    and the size, as "Aanvraagformulier (pdf, 120 kB)" does. Only the link text counts: it is what a screen
    reader's list of links shows."""
    hits: list[BodyHit] = []
    for link in links(tokens):
        extension = _file_format(link.href)
        if extension is None:
            continue
        label, words = FILE_FORMATS[extension]
        has_format = bool(words.intersection(re.findall(r"[a-z0-9]+", link.text.lower())))
        has_size = bool(_FILE_SIZE.search(link.text))
        if has_format and has_size:
            continue
        key = "md_file_link_both"
        if has_format or has_size:
            key = "md_file_link_size" if has_format else "md_file_link_format"
        shown = _short(link.text) or _short(link.href, 50)
        hits.append(BodyHit("markdown.file-link", link.line, key, {"text": shown, "format": label}))
    return hits


# --- markdown.unsafe-html ------------------------------------------------------------------------------


def _markdown_destinations(page_items: Sequence[Item]) -> Iterator[tuple[int, str]]:
    """(line, destination) of every Markdown link, image and reference definition written as text, including
    the ones markdown-it refused (so they are still text) but Python-Markdown will render."""
    run: list[Item] = []
    for item in [*page_items, Item("block_end", 0)]:
        if item.kind == "text":
            run.append(item)
            continue
        if run:
            joined = "".join(part.text for part in run)
            starts = []
            position = 0
            for part in run:
                starts.append(position)
                position += len(part.text)
            for found in _MD_DESTINATION.finditer(joined):
                owner = max(i for i, start in enumerate(starts) if start <= found.start())
                destination = found.group(1) or found.group(2)
                while destination.endswith(")") and destination.count(")") > destination.count("("):
                    destination = destination[:-1]  # the `)` that closes `[text](...)`
                yield run[owner].line, html.unescape(destination)
            run = []


def unsafe_html(tokens: Sequence[Token]) -> list[BodyHit]:
    """Raw HTML and links that `helder.sanitize` removes from the built site: scripts, embedded pages,
    forms, page-wide `<style>`/`<link>`/`<meta>`/`<base>`, `on...=` event attributes, `javascript:`-style
    URLs and CSS that loads something. The editor hears it here, at the line, instead of finding a hole in
    the page."""
    hits: list[BodyHit] = []
    seen: set[tuple[int, str, str]] = set()

    def add(line: int, key: str, **values: str) -> None:
        mark = (line, key, repr(sorted(values.items())))
        if mark not in seen:
            seen.add(mark)
            hits.append(BodyHit("markdown.unsafe-html", line, key, values))

    page_items = items(tokens)
    for item in page_items:
        if item.kind == "tag":
            if item.text in REMOVED_ELEMENTS:
                add(item.line, _UNSAFE_ELEMENT_KEYS[item.text], tag=item.text)
                continue
            for name, value in item.attrs:
                problem = attribute_problem(name, value)
                if problem == "event":
                    add(item.line, "md_unsafe_event", tag=item.text, attr=name)
                elif problem == "url":
                    add(item.line, "md_unsafe_url", url=_short(value or "", 40))
                elif problem == "style":
                    add(item.line, "md_unsafe_style", tag=item.text)
        elif item.kind in ("link_open", "image"):
            url = item.attr("href" if item.kind == "link_open" else "src") or ""
            if unsafe_url(url):
                add(item.line, "md_unsafe_url", url=_short(url, 40))
    for line, url in _markdown_destinations(page_items):
        if unsafe_url(url):
            add(line, "md_unsafe_url", url=_short(url, 40))
    return hits


# --- markdown.missing-file -----------------------------------------------------------------------------

#: Link targets that are not files of the site: other sites, mail, phone, anchors on the same page.
_NOT_A_FILE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.IGNORECASE)


def targets(tokens: Sequence[Token]) -> list[tuple[int, str, str]]:
    """(line, kind, target) of every link and image to a place in the site (not to another site)."""
    found = [(link.line, "link", link.href) for link in links(tokens)]
    for item in items(tokens):
        if item.kind == "image" or (item.kind == "tag" and item.text == "img"):
            found.append((item.line, "image", item.attr("src") or ""))
    return [
        (line, kind, href.strip())
        for line, kind, href in found
        if href.strip() and not _NOT_A_FILE.match(href.strip())
    ]


def file_targets(
    page: SourcePage, page_file: Path, docs_dir: Path, generated: frozenset[str] = frozenset()
) -> list[tuple[int, str, str, Path, bool, bool]]:
    """(line, kind, href, file on disk, whether that file is there, whether the target exists) of each link
    and image to a file in the docs folder. A target exists when its file does or the build makes it (the
    help pages, in `generated`)."""
    docs = docs_dir.resolve()
    found = []
    for line, kind, href in targets(page.tokens):
        target = unquote(urlsplit(href).path)
        if not target or not Path(target).suffix and not target.endswith("/"):
            continue  # `../afval` (a page address without a file name): MkDocs itself resolves those
        base = docs_dir if target.startswith("/") else page_file.parent
        path = (base / target.lstrip("/")).resolve()
        disk = path / "index.md" if target.endswith("/") and not path.is_file() else path
        if not disk.is_file() and disk.suffix == ".md":
            # mkdocs-static-i18n: on an English page, `verhuizen.md` is the English `verhuizen.en.md`
            disk = _translation(disk, page.lang)
        exists = on_disk = disk.is_file()
        if not exists and path.is_relative_to(docs):
            made = path.relative_to(docs).as_posix()
            exists = made in generated or f"{made}/index.md" in generated
        found.append((line, kind, href, disk, on_disk, exists))
    return found


def _translation(disk: Path, lang: str) -> Path:
    """The page's own language's version of a linked page (`verhuizen.en.md`), when only that one exists."""
    translated = disk.with_name(f"{disk.stem}.{lang}.md")
    return translated if translated.is_file() else disk


def missing_files(
    page: SourcePage, page_file: Path, docs_dir: Path, generated: frozenset[str] = frozenset()
) -> list[BodyHit]:
    """Links and images to a file that is not in the docs folder (nor made by the build, like the help
    pages): the reader would get a broken page or a missing picture. Only files are checked here (a page, an
    image, a PDF); other sites are never fetched."""
    hits: list[BodyHit] = []
    for line, kind, href, _disk, _on_disk, exists in file_targets(page, page_file, docs_dir, generated):
        if not exists:
            key = "md_missing_image" if kind == "image" else "md_missing_link"
            hits.append(BodyHit("markdown.missing-file", line, key, {"target": _short(href, 60)}))
    return hits


def linked_files(page: SourcePage, ctx: CheckContext) -> list[tuple[str, bool]]:
    """The files this page's links point at and whether each is there (for the check cache)."""
    page_file = Path(page.path) if Path(page.path).is_absolute() else ctx.config_dir / page.path
    if ctx.docs_dir is None or not page_file.is_file():
        return []
    return [
        (str(disk), on_disk) for *_, disk, on_disk, _exists in file_targets(page, page_file, ctx.docs_dir)
    ]


# --- markdown.phone-link -------------------------------------------------------------------------------

#: Dutch phone numbers as people write them: 14 0123 (a municipality's short number), 020 123 4567,
#: 010-123 45 67, 0800 1234, +31 20 123 4567. Not a postcode (1234 AB), a price or a year.
_PHONE = re.compile(
    r"(?<![\w+/.,-])(?:14 ?0\d{2,3}|\+31(?:[ -]?\(0\))?(?:[ -]?\d){9}|0[89]00[ -]?\d{4,7}|0[1-9](?:[ -]?\d){8})(?![\w/.,-]?\d)"
)


def phone_link(tokens: Sequence[Token]) -> list[BodyHit]:
    """A phone number that is only text: on a phone it should be one tap to call (`[14 0123](tel:140123)`)."""
    hits: list[BodyHit] = []
    in_link = False
    for item in items(tokens):
        if item.kind == "link_open" or (item.kind == "tag" and item.text == "a"):
            in_link = True
        elif item.kind in ("link_close", "block_end") or (item.kind == "end_tag" and item.text == "a"):
            in_link = False
        elif item.kind == "text" and not in_link:
            for match in _PHONE.finditer(item.text):
                number = match.group(0)
                link = f"[{number}]({tel_uri(number)})"
                values = {"number": number, "link": link}
                hits.append(
                    BodyHit(
                        "markdown.phone-link",
                        item.line,
                        "md_phone_link",
                        values,
                        replacement=link,
                        data={"found": number},
                    )
                )
    return hits


# --- the module's entry point --------------------------------------------------------------------------

CHECKS: tuple[Callable[[Sequence[Token]], list[BodyHit]], ...] = (
    image_alt,
    link_text,
    heading_order,
    fake_heading,
    file_link,
    unsafe_html,
    phone_link,
)


def check(page: SourcePage, ctx: CheckContext) -> list[Hit]:
    """All `markdown.*` hits of one page, at their source lines."""
    tokens = page.tokens
    found = [hit for rule in CHECKS for hit in rule(tokens)]
    page_file = Path(page.path) if Path(page.path).is_absolute() else ctx.config_dir / page.path
    if ctx.docs_dir is not None and page_file.is_file():  # generated pages link to pages made with them
        found += missing_files(page, page_file, ctx.docs_dir, ctx.generated)
    hits: list[Hit] = []
    for hit in found:
        lines = {name: page.source_line(line) for name, line in hit.line_values.items()}
        values = {**hit.values, **lines}
        line = page.source_line(hit.line)
        hits.append(Hit(hit.rule, line, hit.key, values, dict(hit.data), replacement=hit.replacement))
    return hits
