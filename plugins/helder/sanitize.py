"""Make sure no script, embedded frame or script URL in a page's Markdown ever reaches the built site.

`markdown.unsafe-html` tells the editor about raw HTML that is not safe, but a site can lower that rule to a
warning, and Python-Markdown copies raw HTML (and `[x](javascript:...)` links) into the page unchanged. So
the plugin passes every rendered page body through `clean_html` in `on_page_content`, before the theme wraps
it.

Why a small deny-list cleaner on the stdlib `html.parser` and not an allow-list library such as `nh3`: an
allow-list must know every element, class and attribute that Python-Markdown, pymdown-extensions and
Material produce (tabbed sets with radio inputs, inline SVG icons, highlight tables, footnotes, `data-*`
attributes...) and silently breaks the page when one is missing. What we must stop is a short, stable list:
the elements that run or embed code, event attributes, and script URLs. The rule module uses the same
classification (`REMOVED_ELEMENTS`, `attribute_problem`), so the editor is told about exactly what is
removed.

The cleaner never copies the input through: it writes every tag again from what the parser understood, with
only checked names, every attribute value quoted and `& < > "` escaped, and all text escaped. A browser that
reads the output can therefore only see the tags we wrote, whatever the parser and the browser disagree
about in the input. Comments, `<!...>` declarations and processing instructions are dropped for the same
reason.

`clean_page` is the last step of every built page (`on_post_page`): the theme's header, navigation and
footer print values that editors control (a page title, a folder name, a front matter `description`). Those
values are escaped where they enter the theme (`escape_page_values`), and `clean_page` makes sure that even
a value that slipped through cannot run: it keeps the theme's own scripts (recognised by their text, read
from the theme's templates) and the site's own script files, and removes every other script, every event
attribute and every script URL in the whole document.
"""

from __future__ import annotations

import re
from html.entities import html5
from html.parser import HTMLParser
from pathlib import Path

from markupsafe import Markup

#: Elements removed together with everything inside them. `script` runs code; `iframe`, `frame`,
#: `frameset`, `object`, `embed` and `applet` load another page or plugin (and third-party tracking) into
#: ours; `form` sends what people type to an address the site does not control; `style`, `link`, `meta` and
#: `base` change the whole page (restyle it, load third-party files, redirect it, or change where every
#: relative link goes).
REMOVED_ELEMENTS = frozenset(
    {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "form"}
    | {"style", "link", "meta", "base"}
)

#: Removed elements that have no end tag; the others hide everything up to their end tag.
_VOID = frozenset({"embed", "link", "meta", "base", "frame"})

#: Attributes whose value is a URL that a browser follows or loads.
URL_ATTRIBUTES = frozenset(
    {
        "href", "src", "action", "formaction", "xlink:href", "poster", "background", "cite", "data",
        "codebase", "srcset", "ping", "longdesc", "lowsrc", "dynsrc", "manifest", "usemap", "icon", "profile",
        "archive", "classid",
    }
)  # fmt: skip

#: SVG animation can set `href` to a script URL: `<animate attributeName="href" values="javascript:...">`.
_ANIMATION_ATTRIBUTES = frozenset({"values", "to", "from", "by"})

_SCRIPT_SCHEMES = ("javascript:", "vbscript:", "livescript:")
#: Images are the only data: URLs a content page needs; `data:text/html` and `data:image/svg+xml` can run
#: script.
_SAFE_DATA = re.compile(r"data:image/(?:png|gif|jpe?g|webp|avif|bmp)[;,]")
#: Browsers ignore ASCII whitespace and control characters inside a scheme (`java\tscript:`).
_URL_JUNK = re.compile(r"[\x00-\x20\x7f]+")
#: CSS in a `style` attribute that loads something or runs code; a backslash can hide any of these
#: (`u\72l(`).
_STYLE_DANGER = ("url(", "expression(", "javascript:", "vbscript:", "@import", "behavior:", "-moz-binding")

_TAG_NAME = re.compile(r"[a-z][a-z0-9:-]*\Z", re.IGNORECASE)
_ATTR_NAME = re.compile(r"[a-z_:][-a-z0-9_:.]*\Z", re.IGNORECASE)

# html.parser lowercases names, and so does the browser's tokenizer; in SVG the browser then restores the
# camelCase names from these lists (HTML standard, "adjust SVG tag/attribute names"). Writing them back the
# same way keeps inline SVG icons byte-for-byte as Material wrote them.
_SVG_TAGS = {
    name.lower(): name
    for name in [
        "altGlyph", "altGlyphDef", "altGlyphItem", "animateColor", "animateMotion", "animateTransform",
        "clipPath", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix",
        "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA",
        "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feImage", "feMerge", "feMergeNode",
        "feMorphology", "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile",
        "feTurbulence", "foreignObject", "glyphRef", "linearGradient", "radialGradient", "textPath",
    ]
}  # fmt: skip
_SVG_ATTRIBUTES = {
    name.lower(): name
    for name in [
        "attributeName", "attributeType", "baseFrequency", "baseProfile", "calcMode", "clipPathUnits",
        "diffuseConstant", "edgeMode", "filterUnits", "glyphRef", "gradientTransform", "gradientUnits",
        "kernelMatrix", "kernelUnitLength", "keyPoints", "keySplines", "keyTimes", "lengthAdjust",
        "limitingConeAngle", "markerHeight", "markerUnits", "markerWidth", "maskContentUnits", "maskUnits",
        "numOctaves", "pathLength", "patternContentUnits", "patternTransform", "patternUnits", "pointsAtX",
        "pointsAtY", "pointsAtZ", "preserveAlpha", "preserveAspectRatio", "primitiveUnits", "refX", "refY",
        "repeatCount", "repeatDur", "requiredExtensions", "requiredFeatures", "specularConstant",
        "specularExponent", "spreadMethod", "startOffset", "stdDeviation", "stitchTiles", "surfaceScale",
        "systemLanguage", "tableValues", "targetX", "targetY", "textLength", "viewBox", "viewTarget",
        "xChannelSelector", "yChannelSelector", "zoomAndPan", "definitionURL",
    ]
}  # fmt: skip


def unsafe_url(value: str) -> bool:
    """True for a URL that runs script when followed or loaded (`javascript:`, `vbscript:`, `data:text/html`).

    `value` must already be decoded (html.parser decodes attribute values; Markdown callers unescape first).
    """
    url = _URL_JUNK.sub("", value).lower()
    if url.startswith(_SCRIPT_SCHEMES):
        return True
    return url.startswith("data:") and not _SAFE_DATA.match(url)


def _unsafe_srcset(value: str) -> bool:
    """`srcset="a.png 1x, b.png 2x"`: any candidate URL may be the bad one."""
    return any(unsafe_url(candidate.split()[0]) for candidate in value.split(",") if candidate.strip())


def attribute_problem(name: str, value: str | None) -> str | None:
    """Why an attribute must go: "event" (`onclick=`), "url" (a script URL) or "style" (CSS that loads or runs
    something); None when it is fine. `name` is lowercase, as html.parser gives it."""
    if name.startswith("on") and len(name) > 2:
        return "event"
    if value is None:
        return None
    if name == "srcset":
        return "url" if _unsafe_srcset(value) else None
    if name in URL_ATTRIBUTES:
        return "url" if unsafe_url(value) else None
    if name in _ANIMATION_ATTRIBUTES:
        squashed = _URL_JUNK.sub("", value).lower()
        return "url" if any(scheme in squashed for scheme in _SCRIPT_SCHEMES) else None
    if name == "style":
        squashed = _URL_JUNK.sub("", value).lower()
        return "style" if "\\" in squashed or any(danger in squashed for danger in _STYLE_DANGER) else None
    return None


class TolerantHTMLParser(HTMLParser):
    """`html.parser` that never raises on what an editor may type.

    Up to at least Python 3.12, a marked section other than CDATA (`<![if ...`, `<![foo`) raises
    AssertionError from `_markupbase`. Browsers read every `<![...` outside SVG and MathML as a bogus comment
    that ends at the next `>`, so we do the same: it goes to `unknown_decl`, which both Helder parsers drop.
    """

    def parse_html_declaration(self, i: int) -> int:
        if self.rawdata.startswith("<![", i):
            end = self.rawdata.find(">", i + 3)
            if end < 0:
                return -1  # incomplete: html.parser waits for more input, or treats it as text at the end
            self.unknown_decl(self.rawdata[i + 3 : end])
            return end + 1
        return super().parse_html_declaration(i)


def _escape_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _escape_attribute(value: str) -> str:
    # `<` and `>` too: a value can never end an element that the browser reads as raw text (`<noscript>`).
    return _escape_text(value).replace('"', "&quot;")


class _Cleaner(TolerantHTMLParser):
    """Streams the input and writes a safe copy to `out`.

    With `page=None` it cleans a page body (the content an editor wrote). With a `PagePolicy` it cleans a
    whole document made by the theme: the elements a theme needs (`<link>`, `<meta>`, the search `<form>`,
    its own scripts) stay, everything that runs code and was not written by the theme goes.
    """

    def __init__(self, source: str, page: PagePolicy | None = None, *, local_only: bool = False) -> None:
        # convert_charrefs=False: entities come to handle_entityref/charref, so `&para;` and `&#8617;` stay as
        # Python-Markdown wrote them instead of turning into characters.
        super().__init__(convert_charrefs=False)
        self.local_only = local_only  # also drop attributes that fetch a file from another host
        self.source = source
        self.page = page
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.out: list[str] = []
        self.hiding: str | None = None  # name of the removed element we are inside
        self.depth = 0  # how deep in nested copies of that element
        #: In page mode: the open `<script>` or `<style>` whose text is kept as it is (index of its start tag).
        self.raw: tuple[str, int] | None = None

    def _removed(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if self.page is None:
            return tag in REMOVED_ELEMENTS
        return self.page.removes(tag, dict(attrs))

    # -- tags --------------------------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, self_closing=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, self_closing=True)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], *, self_closing: bool) -> None:
        opens_content = not self_closing and tag not in _VOID
        if self.hiding:
            if tag == self.hiding and opens_content:
                self.depth += 1
            return
        if self._removed(tag, attrs):
            if opens_content:
                self.hiding, self.depth = tag, 1
            return
        if not _TAG_NAME.match(tag):
            return  # not a tag a browser would build from our output the same way; keep its content only
        parts = [_SVG_TAGS.get(tag, tag)]
        for name, value in attrs:
            if not _ATTR_NAME.match(name) or attribute_problem(name, value):
                continue
            if self.page is not None and self.page.drops_attribute(tag, name, value):
                continue
            if self.local_only and fetches_elsewhere(name, value):
                continue
            name = _SVG_ATTRIBUTES.get(name, name)
            parts.append(name if value is None else f'{name}="{_escape_attribute(value)}"')
        end = ">"
        if self_closing:  # keep `<br />` or `<input disabled/>` as written; both mean the same
            end = " />" if (self.get_starttag_text() or "").endswith(" />") else "/>"
        self.out.append("<" + " ".join(parts) + end)
        if self.page is not None and tag in _RAW_TEXT and opens_content:
            self.raw = (tag, len(self.out) - 1)

    def handle_endtag(self, tag: str) -> None:
        if self.hiding:
            if tag == self.hiding:
                self.depth -= 1
                if self.depth == 0:
                    self.hiding = None
            return
        if self.raw is not None and tag == self.raw[0]:
            self._close_raw()
            return
        if tag in REMOVED_ELEMENTS and self.page is None or not _TAG_NAME.match(tag):
            return
        self.out.append(f"</{_SVG_TAGS.get(tag, tag)}>")

    def _close_raw(self) -> None:
        """End of a kept `<script>`/`<style>`: its text is the theme's, or the whole element goes."""
        assert self.raw is not None and self.page is not None
        tag, start = self.raw
        self.raw = None
        text = "".join(self.out[start + 1 :])
        if self.page.keeps_text(tag, self.out[start], text):
            self.out.append(f"</{tag}>")
        else:
            del self.out[start:]

    # -- text --------------------------------------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        if self.hiding:
            return
        # The text of a kept <script> or <style> is code: it is judged as a whole when the element closes.
        self.out.append(data if self.raw is not None else _escape_text(data))

    def handle_entityref(self, name: str) -> None:
        if self.hiding:
            return
        line, column = self.getpos()
        start = self.line_starts[line - 1] + column
        had_semicolon = self.source.startswith(f"&{name};", start)
        if f"{name};" in html5 and (had_semicolon or name in html5):
            self.out.append(f"&{name};")
        else:  # not an entity: the browser shows it as typed, so escape the `&`
            self.out.append(f"&amp;{name}" + (";" if had_semicolon else ""))

    def handle_charref(self, name: str) -> None:
        if not self.hiding:
            self.out.append(f"&#{name};")

    # Comments, <!DOCTYPE>, <![CDATA[...]]> and <?...?> are dropped: a content page needs none of them, and
    # browsers and html.parser disagree on where some comments end (`<!-->`).
    def handle_comment(self, data: str) -> None:
        pass

    def handle_decl(self, decl: str) -> None:
        if self.page is not None and decl.lower() == "doctype html":
            self.out.append(f"<!{decl}>")  # a whole page keeps its doctype (else: quirks mode)

    def unknown_decl(self, data: str) -> None:
        pass

    def handle_pi(self, data: str) -> None:
        pass


#: Elements whose text a browser reads as code, not as markup.
_RAW_TEXT = frozenset({"script", "style"})
#: Script types a browser never runs: data for the theme (`__config`) and for search engines (JSON-LD).
_DATA_SCRIPTS = frozenset({"application/json", "application/ld+json"})
#: `<link rel>` values that make the browser fetch the target; others (canonical, alternate) only name it.
_FETCHING_LINKS = frozenset(
    {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "prefetch", "modulepreload", "manifest",
     "preconnect", "dns-prefetch", "prerender", "import"}
)  # fmt: skip
_THEME_VALUE = "\x00"
#: Characters that mean something in HTML text or a double-quoted attribute.
_SPECIAL = re.compile(r'[<>&"]')


def _own(url: str) -> bool:
    """A URL on this site: relative (`../assets/x.js`, `/x.css`) — never `//host/` or `https://host/`."""
    url = url.strip()
    return not re.match(r"[a-z][a-z0-9+.-]*:|//", url, re.IGNORECASE)


def fetches_elsewhere(name: str, value: str | None) -> bool:
    """An attribute that makes the browser load from (or send to) another host: an image, a poster, a form."""
    if name in ("src", "srcset", "action", "formaction", "poster", "data") and value:
        return not all(_own(part.split()[0]) for part in value.split(",") if part.strip())
    return False


class PagePolicy:
    """What a whole built page may keep. The theme's inline scripts are known by their text (`theme_scripts`),
    with a wildcard where the template prints a value (a relative URL such as `../..`)."""

    def __init__(self, theme_scripts: list[str]) -> None:
        patterns = []
        for script in theme_scripts:
            parts = [re.escape(part) for part in script.split(_THEME_VALUE)]
            patterns.append(r'[^"\'<>\\]*'.join(parts))
        self._scripts = re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None
        #: Pieces of theme HTML already cleaned, with what came out (`_clean_theme`).
        self.known: dict[str, str] = {}

    def removes(self, tag: str, attrs: dict[str, str | None]) -> bool:
        """Elements a page never keeps: embedded pages and plugins, `<base>`, refresh, third-party files."""
        if tag in {"iframe", "frame", "frameset", "object", "embed", "applet", "base"}:
            return True
        if tag == "meta":
            return (attrs.get("http-equiv") or "").lower() == "refresh"
        if tag == "link":
            rels = set((attrs.get("rel") or "").lower().split())
            return bool(rels & _FETCHING_LINKS) and not _own(attrs.get("href") or "")
        if tag == "script" and attrs.get("src") is not None:
            return not _own(attrs.get("src") or "")
        return False

    def drops_attribute(self, tag: str, name: str, value: str | None) -> bool:
        """Attributes that load from or send to another host: images, forms."""
        return fetches_elsewhere(name, value)

    def keeps_text(self, tag: str, start_tag: str, text: str) -> bool:
        """A script is kept when it is a file of this site, data, or exactly one of the theme's scripts."""
        if tag == "style":
            return False  # the theme writes no <style> elements; its styles are files
        lowered = start_tag.lower()
        type_ = re.search(r'\stype="([^"]*)"', lowered)
        if type_ and type_.group(1) in _DATA_SCRIPTS:
            return True  # a browser never runs it
        if re.search(r"\ssrc=", lowered):
            return not text.strip()
        return self._scripts is not None and self._scripts.fullmatch(text) is not None


def theme_scripts(template_dirs: list[str]) -> list[str]:
    """The inline scripts of a theme, from its `partials/javascripts/*.html` templates (Material writes its
    small start-up scripts there), with `_THEME_VALUE` where a template prints a value."""
    found: dict[str, str] = {}
    for folder in template_dirs:
        for path in sorted(Path(folder, "partials", "javascripts").glob("*.html")):
            found.setdefault(path.name, path.read_text(encoding="utf-8"))
    scripts = []
    for text in found.values():
        for body in re.findall(r"<script>(.*?)</script>", text, re.DOTALL):
            scripts.append(re.sub(r"\{\{.*?\}\}", _THEME_VALUE, body))
    return scripts


def clean_page(html_text: str, policy: PagePolicy, *, content: str = "") -> str:
    """A whole built page with nothing left that runs, except the theme's own scripts and the site's files.

    `content` is the page body, already cleaned by `clean_html`: it is passed through as it is (cleaning it
    twice gives the same text and costs time on large sites). Helder's theme prints the body in two parts (the
    title, then the lead and the action block, then the rest): those parts are passed through too, and
    everything around and between them is cleaned.
    """
    if not content:
        return _clean_theme(html_text, policy)
    head, mark, rest = content.partition("</h1>")
    for pieces in ([content], [head + mark, rest] if mark and rest else []):
        out: list[str] = []
        start = 0
        for piece in pieces:
            at = html_text.find(piece, start)
            if at < 0:
                break
            out += [_clean_theme(html_text[start:at], policy), piece]
            start = at + len(piece)
        else:
            return "".join(out) + _clean_theme(html_text[start:], policy)
    return _clean_theme(html_text, policy)


#: Where theme HTML is cut into pieces: before each start tag. Most of a page is the same on many pages (the
#: menu, one item per page of a folder; the header, the footer, the theme's scripts), so without this a site of
#: n pages would clean n menus of up to n items.
_PIECE = re.compile(r"<[a-z]", re.IGNORECASE)
#: How many cleaned pieces a policy remembers (a few per page of a large site; then it starts again).
_KNOWN_PIECES = 50_000


def _clean_theme(html_text: str, policy: PagePolicy) -> str:
    """`_clean(html_text, policy)`, piece by piece: a piece seen before on another page is not cleaned again.

    A piece is cleaned on its own, by a parser of its own. That is the same as cleaning it as part of the
    whole page, because a piece is only taken where the parser of the whole page would be at rest: nothing
    half read, not inside a script or a removed element. When a piece does not end like that, the rest of the
    page is cleaned in one go, as without pieces.
    """
    known = policy.known
    out: list[str] = []
    start = 0
    cuts = [found.start() for found in _PIECE.finditer(html_text, 1)] + [len(html_text)]
    for cut in cuts:
        piece = html_text[start:cut]
        cleaned = known.get(piece)
        if cleaned is None:
            cleaned = _clean_piece(piece, policy)
            if cleaned is None:
                out.append(_clean(html_text[start:], policy))
                break
            if len(known) >= _KNOWN_PIECES:
                known.clear()
            known[piece] = cleaned
        out.append(cleaned)
        start = cut
    return "".join(out)


def _clean_piece(piece: str, policy: PagePolicy) -> str | None:
    """A piece of a page, cleaned; None when the parser would not be at rest after it."""
    cleaner = _Cleaner(piece, policy)
    cleaner.feed(piece)
    at_rest = not cleaner.rawdata and cleaner.cdata_elem is None
    if not at_rest or cleaner.hiding is not None or cleaner.raw is not None:
        return None
    return "".join(cleaner.out)


def _clean(html_text: str, policy: PagePolicy | None, *, local_only: bool = False) -> str:
    # html.parser drops the `&` of an unfinished `&name` at the very end of its input (`AT&T`). A trailing
    # space finishes any such reference; it is taken off again below.
    source = html_text + " "
    cleaner = _Cleaner(source, policy, local_only=local_only)
    cleaner.feed(source)
    cleaner.close()
    if cleaner.raw is not None:  # a <script> without its end: never keep half a script
        del cleaner.out[cleaner.raw[1] :]
    out = "".join(cleaner.out)
    return out[:-1] if out.endswith(" ") else out


def escape_value(value: object) -> object:
    """A front matter value as text for the theme: strings escaped (as `Markup`, so the theme's own `| e`
    does not escape them twice), lists and mappings value by value, anything else as it is."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        if not _SPECIAL.search(value):
            return value
        # `'` stays: the theme quotes attributes with `"`, and `&#x27;` would show in search results.
        escaped = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
        return Markup(escaped)
    if isinstance(value, list):
        return [escape_value(item) for item in value]
    if isinstance(value, dict):
        return {key: escape_value(item) for key, item in value.items()}
    return value


def without_class(html_text: str, name: str) -> str:
    """Cleaned HTML (every attribute written `name="value"`) with the class `name` taken off every element."""

    def drop(found: re.Match[str]) -> str:
        kept = [word for word in found.group(2).split() if word != name]
        return f'{found.group(1)}class="{" ".join(kept)}"'

    return re.sub(r'(<[a-z][a-z0-9-]*\s[^<>]*?)class="([^"]*)"', drop, html_text)


def clean_html(html_text: str, *, local_only: bool = False) -> str:
    """The page body without scripts, embedded frames, forms, event attributes and script URLs.

    Everything else keeps its meaning: Material's admonitions, tables, permalinks, highlight spans, icons,
    footnotes, `tel:`/`mailto:` links and `<abbr>` come out as they went in.
    """
    return _clean(html_text, None, local_only=local_only)
