"""Content that would make the built site unsafe or break the build: `markdown.external-resource` and
`markdown.nesting`.

A page that loads an image, script, frame, stylesheet or font from another host tells that host who reads the
page (Helder's promise: no third-party requests from the built site). A link (`<a href>`) to another site is
fine: nothing is fetched until the reader follows it. A `<pre class="mermaid">` diagram makes the theme fetch
the mermaid script from a public CDN, unless the site serves mermaid itself (`extra_javascript`).

Lists and quotes nested hundreds of levels deep make Python-Markdown (what MkDocs renders with) run out of
stack. The depth is measured here on the source text, before any Markdown parser runs, and `cap_nesting`
gives the build a text it can render (the page is refused anyway, because the finding is an error).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from urllib.parse import urlsplit

from markdown_it.token import Token

from ..findings import Hit, Rule, Severity
from ..sanitize import REMOVED_ELEMENTS, attribute_problem
from ..source import SourcePage
from .context import CheckContext
from .markdown import Item, items

RULES = [
    Rule("markdown.external-resource", Severity.ERROR, ("md_external", "md_external_mermaid")),
    Rule("markdown.nesting", Severity.ERROR, ("md_nesting",)),
]

#: Attributes that make a browser fetch a file, per element. `<a href>` is not here: a link fetches nothing.
FETCHING = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
#: `<link rel>` values that fetch their `href` (a stylesheet, a font by `preload`, an icon).
_FETCHING_RELS = frozenset(
    {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest", "import"}
)
#: `url(...)` and `@import "..."` in CSS: fonts, backgrounds, other stylesheets.
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", re.IGNORECASE)
_OTHER_HOST = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)

#: Deepest nesting a page may have: columns of indentation, `>` quote marks and list markers before the text.
MAX_PREFIX = 40
_PREFIX = re.compile(r"(?:[ \t>]|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))*")
_FENCE = re.compile(r"(`{3,}|~{3,})")


def external(url: str) -> str | None:
    """The host of a URL on another site (`https://x.nl/a.png`, `//x.nl/a.png`), else None."""
    if not _OTHER_HOST.match(url or ""):
        return None
    return urlsplit(url.strip()).hostname or url.strip()[:40]


def _css_urls(css: str) -> list[str]:
    return [found.group(1) or found.group(2) for found in _CSS_URL.finditer(css)]


def _urls(item: Item) -> Iterator[str]:
    """The URLs an item makes the browser fetch."""
    if item.kind == "image":
        yield item.attr("src") or ""
    elif item.kind == "tag":
        for name in FETCHING.get(item.text, ()):
            value = item.attr(name) or ""
            yield from (
                (part.split()[0] for part in value.split(",") if part.strip())
                if name == "srcset"
                else [value]
            )
        rels = set((item.attr("rel") or "").lower().split())
        if item.text == "link" and rels & _FETCHING_RELS:
            yield item.attr("href") or ""
        yield from _css_urls(item.attr("style") or "")


def external_resources(tokens: Sequence[Token], mermaid_local: bool = False) -> list[tuple[int, str, dict]]:
    """(0-based body line, message key, values) for every file fetched from another host.

    Elements the cleaner removes whole (`<script>`, `<iframe>`, `<link>`, `<style>`) are reported once, by
    `markdown.unsafe-html`: they never reach the site, from whatever host.
    """
    hits: list[tuple[int, str, dict]] = []
    in_style = False
    for item in items(tokens):
        if item.kind == "tag" and item.text == "style":
            in_style = True
        elif item.kind == "end_tag" and item.text == "style":
            in_style = False
        removed = item.kind == "tag" and item.text in REMOVED_ELEMENTS
        urls = [] if removed or in_style else list(_urls(item))
        if removed or (item.kind == "tag" and attribute_problem("style", item.attr("style"))):
            urls = [url for url in urls if url not in _css_urls(item.attr("style") or "")]
        for url in urls:
            host = external(url)
            if host:
                hits.append((item.line, "md_external", {"url": url.strip()[:80], "host": host}))
        classes = (item.attr("class") or "").split() if item.kind == "tag" else []
        if "mermaid" in classes and not mermaid_local:
            hits.append((item.line, "md_external_mermaid", {}))
    return hits


def prefix_width(line: str) -> int:
    """Columns of the nesting in front of a line's text: indentation (a tab is 4), `>` marks, list markers."""
    prefix = _PREFIX.match(line)
    return len(prefix.group().expandtabs(4)) if prefix else 0


def too_deep(markdown: str) -> int | None:
    """The 0-based line of the first line nested deeper than `MAX_PREFIX`, outside fenced code."""
    fence: str | None = None
    for number, line in enumerate(markdown.split("\n")):
        stripped = line.lstrip(" \t>")
        found = _FENCE.match(stripped)
        if fence is None and found:
            fence = found.group(1)[0]
        elif fence is not None and found and found.group(1)[0] == fence:
            fence = None
        elif fence is None and line.strip() and prefix_width(line) > MAX_PREFIX:
            return number
    return None


def cap_nesting(markdown: str) -> str:
    """The text with every too-deep prefix cut to `MAX_PREFIX` characters, so Markdown can render it."""
    if too_deep(markdown) is None:
        return markdown
    lines = []
    for line in markdown.split("\n"):
        prefix = _PREFIX.match(line)
        end = prefix.end() if prefix else 0
        if line.strip() and prefix_width(line) > MAX_PREFIX:
            line = line[:end].expandtabs(4)[:MAX_PREFIX] + line[end:]
        lines.append(line)
    return "\n".join(lines)


def check(page: SourcePage, ctx: CheckContext) -> list[Hit]:
    hits = []
    deep = too_deep(page.body)
    if deep is not None:
        hits.append(Hit("markdown.nesting", page.source_line(deep), "md_nesting", {"max": MAX_PREFIX // 4}))
        return hits  # the Markdown parsers stop nesting early: what they see is not what the editor wrote
    for line, key, values in external_resources(page.tokens, ctx.mermaid_local):
        hits.append(Hit("markdown.external-resource", page.source_line(line), key, values))
    return hits
