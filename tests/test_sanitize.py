"""`clean_html` on what MkDocs really renders, and on what an attacker (or a careless copy-paste) writes.

Normal pages are rendered with the real Python-Markdown and the extensions a Material site uses; their HTML
must come out byte for byte the same. Unsafe input must come out without a trace of the unsafe part.
"""

from __future__ import annotations

import random

import markdown
import pytest
from helder.checker import make_context, run_rules
from helder.rules import markdown as rules
from helder.sanitize import attribute_problem, clean_html, unsafe_url
from helder.source import parse_text

CONTEXT = make_context()

EXTENSIONS = [
    "abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc",
    "pymdownx.details", "pymdownx.superfences", "pymdownx.highlight", "pymdownx.inlinehilite",
    "pymdownx.tabbed", "pymdownx.tasklist", "pymdownx.emoji", "pymdownx.keys", "pymdownx.mark",
    "pymdownx.caret", "pymdownx.tilde", "pymdownx.smartsymbols", "smarty",
]  # fmt: skip


def render(text: str) -> str:
    """The page body as MkDocs + Material render it (the input of `on_page_content`)."""
    from material.extensions import emoji

    config = {
        "toc": {"permalink": True},
        "pymdownx.highlight": {"anchor_linenums": True, "line_spans": "__span", "pygments_lang_class": True},
        "pymdownx.tabbed": {"alternate_style": True},
        "pymdownx.tasklist": {"custom_checkbox": True},
        "pymdownx.emoji": {"emoji_index": emoji.twemoji, "emoji_generator": emoji.to_svg},
    }
    return markdown.markdown(text, extensions=EXTENSIONS, extension_configs=config)


# --- normal pages keep every byte ------------------------------------------------------------------------

NORMAL_PAGES = {
    "headings-with-permalinks": "# Paspoort aanvragen\n\n## Wat kost het?\n\n### Voor kinderen\n",
    "text-with-entities": 'Kosten: &euro; 84,00 & meer -- \'t is "duur"... (c) 1/2 -->\n',
    "admonitions": '!!! warning "Let op"\n    Neem uw **oude** paspoort mee.\n\n!!! note\n    Tekst.\n',
    "details": '??? info "Meer over kosten"\n    Inhoud.\n\n???+ tip "Open"\n    Inhoud.\n',
    "table-with-alignment": "| Wat | Kosten |\n|:----|-------:|\n| Paspoort | € 84,00 |\n| ID | € 70,00 |\n",
    "code-with-highlight": (
        '```python linenums="1" hl_lines="2"\ndef f(x):\n    return x < 2 and "a" & \'b\'\n```\n'
    ),
    "inline-code-highlight": "Typ `#!python print('<hallo>')` in.\n",
    "attr-list": (
        '![Balie](balie.jpg){ width="300" .rond title="Wat is dit?" }\n\n[Afspraak](a.md){ .md-button }\n'
    ),
    "footnotes": "Log in met DigiD.[^1]\n\n[^1]: Uw digitale identiteit.\n",
    "abbr": "*[DigiD]: Digitale identiteit\n\nLog in met DigiD.\n",
    "definition-list": "Paspoort\n:   Een reisdocument met `code`.\n",
    "tabs": '=== "Online"\n    Tekst\n\n=== "Balie"\n    Tekst 2\n',
    "task-list": "- [x] Pasfoto\n- [ ] Oud paspoort\n",
    "icons": "Bel :material-phone: of mail :octicons-mail-16:\n",
    "tel-and-mailto": "[14 010](tel:14010) of [mail ons](mailto:info@voorbeeld.nl?subject=Paspoort)\n",
    "keys-mark-ins-del": "++ctrl+alt+del++ ==gemarkeerd== ^^ingevoegd^^ ~~weg~~\n",
    "md-in-html": "<div markdown>\n**vet** in een div\n</div>\n",
    "safe-raw-html": (
        '<p class="x" data-id="1" aria-label="Kaart">Kaart <br> <abbr title="Zie ook">z.o.z.</abbr></p>\n'
    ),
    "data-image": "![Kaart](data:image/png;base64,iVBORw0KGgo=)\n",
    "lists-and-quotes": "1. Een\n2. Twee\n\n> Citaat met [link](https://voorbeeld.nl/?a=1&b=2#c)\n",
}


@pytest.mark.parametrize("text", NORMAL_PAGES.values(), ids=NORMAL_PAGES.keys())
def test_rendered_pages_are_unchanged(text: str) -> None:
    html = render(text)
    assert clean_html(html) == html


def test_a_whole_page_is_unchanged() -> None:
    html = render("\n\n".join(NORMAL_PAGES.values()))
    assert clean_html(html) == html


HTML_KEPT = {
    "permalink": (
        '<h2 id="kosten">Kosten<a class="headerlink" href="#kosten" title="Permanent link">&para;</a></h2>'
    ),
    "footnote-backref": '<a class="footnote-backref" href="#fnref:1" title="Terug">&#8617;</a>',
    "numeric-entities": "<p>a&#160;b &#x2014; c &nbsp; d &amp; e &lt;f&gt;</p>",
    "void-forms": '<br><br/><br /><hr /><img alt="x" src="y.png" /><input type="checkbox" disabled checked/>',
    "boolean-attributes": "<details open><summary>Meer</summary><p>Tekst</p></details>",
    "svg-camel-case": (
        '<svg viewBox="0 0 24 24" preserveAspectRatio="xMidYMid"><defs><linearGradient id="g">'
        '<stop offset="0" /></linearGradient></defs><path d="M0 0h24v24H0z" fill="url(#g)"/></svg>'
    ),
    "table-style": '<td style="text-align: right;">€ 84,00</td>',
    "aria-and-data": '<div class="md-typeset" data-md-component="content" aria-hidden="true" role="note">',
    "custom-element": '<my-widget data-x="1">Tekst</my-widget>',
    "quotes-in-attribute": '<a href="a.md" title="Zeg &quot;ja&quot; of \'nee\'">a</a>',
    "ampersand-in-url": '<a href="https://voorbeeld.nl/?a=1&amp;b=2">zoek</a>',
    "plain-text-with-amp": "AT&amp;T &amp; co",
}


@pytest.mark.parametrize("html", HTML_KEPT.values(), ids=HTML_KEPT.keys())
def test_safe_html_is_unchanged(html: str) -> None:
    assert clean_html(html) == html


# --- unsafe parts are removed ----------------------------------------------------------------------------

CLEANED = {
    "script": ("<p>a</p><script>alert(1)</script><p>b</p>", "<p>a</p><p>b</p>"),
    "script-uppercase": ("<SCRIPT>alert(1)</SCRIPT>x", "x"),
    "script-with-tag-inside": ('<script>document.write("<p>x</p>")</script>y', "y"),
    "script-unclosed": ("<p>a</p><script>alert(1)", "<p>a</p>"),
    "script-self-closed": ('<script src="x.js"/>tekst', "tekst"),
    "iframe": ('<iframe src="https://youtube.com/embed/x">Geen iframes</iframe>na', "na"),
    "nested-iframes": ("<iframe><iframe></iframe>nog in</iframe>na", "na"),
    "object-with-params": (
        '<object data="x.swf"><param name="a" value="b"><embed src="x.swf"></object>na',
        "na",
    ),
    "embed-void": ('<embed src="x.swf">na', "na"),
    "form": ('<form action="https://phish.example"><input name="bsn"><button>Stuur</button></form>na', "na"),
    "style-element": ("<style>body{display:none}</style><p>x</p>", "<p>x</p>"),
    "link-meta-base": (
        '<link rel="stylesheet" href="https://fonts.example/x.css"><meta http-equiv="refresh" content="0">'
        '<base href="https://evil.example/">x',
        "x",
    ),
    "event-attributes": (
        '<img src="k.png" alt="Kaart" onerror="alert(1)" ONLOAD="x"><p onclick="x" class="a">b</p>',
        '<img src="k.png" alt="Kaart"><p class="a">b</p>',
    ),
    "javascript-href": ('<a href="javascript:alert(1)" class="x">Start</a>', '<a class="x">Start</a>'),
    "javascript-src": ('<img src="javascript:alert(1)" alt="a">', '<img alt="a">'),
    "javascript-mixed-case-spaces": ('<a href="  JaVa\tScRiPt:alert(1)">x</a>', "<a>x</a>"),
    "javascript-entities": ('<a href="java&#x09;script&colon;alert(1)">x</a>', "<a>x</a>"),
    "vbscript": ('<a href="vbscript:msgbox(1)">x</a>', "<a>x</a>"),
    "data-html": ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', "<a>x</a>"),
    "data-svg": ('<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="a">', '<img alt="a">'),
    "formaction": ('<button formaction="javascript:alert(1)">x</button>', "<button>x</button>"),
    "action": ('<div action="javascript:alert(1)">x</div>', "<div>x</div>"),
    "xlink-href": (
        '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
        "<svg><a><text>x</text></a></svg>",
    ),
    "svg-animate-to-javascript": (
        '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>',
        '<svg><a><animate attributeName="href"/><text>x</text></a></svg>',
    ),
    "srcset": ('<img alt="a" srcset="a.png 1x, javascript:alert(1) 2x">', '<img alt="a">'),
    "css-url": ('<div style="background:url(https://tracker.example/p.gif)">x</div>', "<div>x</div>"),
    "css-escape": ('<div style="background:u\\72l(x)">x</div>', "<div>x</div>"),
    "css-expression": ('<div style="width: expression(alert(1))">x</div>', "<div>x</div>"),
    "comment": ("<p>a<!-- interne notitie --></p>", "<p>a</p>"),
    "comment-that-browsers-end-early": ("<!--> <script>alert(1)</script> -->na", "na"),
    "conditional-comment": ("<!--[if IE]><script>alert(1)</script><![endif]-->na", "na"),
    # A browser reads `<![...` in HTML as a bogus comment up to the first `>`; so does the cleaner.
    "cdata-and-doctype": ("<!DOCTYPE html><![CDATA[<script>x</script>]]>na", "x]]&gt;na"),
    "processing-instruction": ('<?xml version="1.0"?>na', "na"),
    "word-marked-section": ("<![if !supportLists]>1.<![endif]> Tekst", "1. Tekst"),
    "unknown-marked-section": ("<![foo[<script>x</script>]]>na", "x]]&gt;na"),
    "unfinished-marked-section": ("na<![foo", "na&lt;![foo"),
    "attribute-value-cannot-close-raw-text": (
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
        '<noscript><p title="&lt;/noscript&gt;&lt;img src=x onerror=alert(1)&gt;"></noscript>',
    ),
    "odd-tag-name-is-dropped": ("<javascript:alert(1)>tekst", "tekst"),
    "lone-angle-brackets-are-escaped": ("1 < 2 > 0", "1 &lt; 2 &gt; 0"),
    "bare-ampersands": ("AT&T en &foo; en &", "AT&amp;T en &amp;foo; en &amp;"),
    "unquoted-attribute": ("<td class=a align=left>x</td>", '<td class="a" align="left">x</td>'),
}


@pytest.mark.parametrize(("html", "expected"), CLEANED.values(), ids=CLEANED.keys())
def test_unsafe_parts_are_removed(html: str, expected: str) -> None:
    assert clean_html(html) == expected


ATTACKS = [
    "<img src=x onerror=alert(1)//>",
    "<svg/onload=alert(1)>",
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="&#x6A;avascript:alert(1)">x</a>',
    '<a href="\x01javascript:alert(1)">x</a>',
    "<scr<script>ipt>alert(1)</script>",
    "<script>alert(1)</script >",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
    '<body onload="alert(1)">',
    '<input autofocus onfocus="alert(1)">',
    '<details open ontoggle="alert(1)">',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<img src="x" alt="a"onerror="alert(1)">',
    '<object data="data:text/html,<script>alert(1)</script>"></object>',
    '<svg><script href="data:,alert(1)" /></svg>',
    '<svg><set attributeName="href" to="javascript:alert(1)" /></svg>',
    "<style>@import 'https://evil.example/x.css';</style>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
]


@pytest.mark.parametrize("html", ATTACKS)
def test_attacks_leave_nothing_that_runs(html: str) -> None:
    cleaned = clean_html(html)
    lowered = cleaned.lower()
    for forbidden in ("<script", "<iframe", "<object", "<style", "<meta", "javascript:", " on", "@import"):
        assert forbidden not in lowered, (forbidden, cleaned)
    assert clean_html(cleaned) == cleaned  # a second pass changes nothing


# --- the helpers the rule module shares ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "unsafe"),
    [
        ("https://voorbeeld.nl", False),
        ("paspoort.md#kosten", False),
        ("tel:14010", False),
        ("mailto:info@voorbeeld.nl", False),
        ("data:image/png;base64,AAAA", False),
        ("data:image/jpeg,AAAA", False),
        ("javascript:alert(1)", True),
        (" JAVASCRIPT:alert(1)", True),
        ("java\nscript:alert(1)", True),
        ("vbscript:x", True),
        ("data:text/html,x", True),
        ("data:image/svg+xml,x", True),
    ],
)
def test_unsafe_url(url: str, unsafe: bool) -> None:
    assert unsafe_url(url) is unsafe


@pytest.mark.parametrize(
    ("name", "value", "problem"),
    [
        ("onclick", "x", "event"),
        ("onerror", None, "event"),
        ("on", "x", None),
        ("href", "javascript:x", "url"),
        ("href", "https://x", None),
        ("style", "text-align: left;", None),
        ("style", "background: URL(x)", "style"),
        ("title", "javascript: is niet veilig", None),
        ("values", "a;javascript:alert(1)", "url"),
    ],
)
def test_attribute_problem(name: str, value: str | None, problem: str | None) -> None:
    assert attribute_problem(name, value) == problem


# --- the rule and the cleaner agree ----------------------------------------------------------------------

UNSAFE_MARKDOWN = [
    "Tekst.\n\n<script>\nalert(1)\n</script>\n",
    'Tekst <b onclick="alert(1)">vet</b>.\n',
    "[Start](javascript:alert(1))\n",
    "[Start][s]\n\n[s]: javascript:alert(1)\n",
    "![Kaart](javascript:alert(1))\n",
    '<iframe src="https://www.youtube.com/embed/x"></iframe>\n',
    '<form action="https://voorbeeld.nl">\n<input name="q">\n</form>\n',
    "<style>\nbody { display: none }\n</style>\n",
    '<div style="background: url(https://tracker.example/p.gif)">x</div>\n',
]


def _markdown_findings(text: str) -> list:
    page = parse_text(text, "content/x.md")
    return [f for f in run_rules(page, CONTEXT, [rules]) if f.rule == "markdown.unsafe-html"]


@pytest.mark.parametrize("text", UNSAFE_MARKDOWN)
def test_what_the_rule_reports_is_what_the_cleaner_removes(text: str) -> None:
    html = render(text)
    assert _markdown_findings(text), "the rule must tell the editor"
    assert clean_html(html) != html, "the cleaner must remove it"
    cleaned = clean_html(html).lower()
    for forbidden in ("<script", "<iframe", "<form", "<style", "javascript:", "onclick", "url("):
        assert forbidden not in cleaned


@pytest.mark.parametrize("text", NORMAL_PAGES.values(), ids=NORMAL_PAGES.keys())
def test_normal_pages_get_no_unsafe_html_findings(text: str) -> None:
    assert _markdown_findings(text) == []


PIECES = [
    "<", ">", "/", "!", "[", "]", "(", ")", "--", "<!", "<![", "CDATA[", "<?", "&", "#", "x", ";", "&#",
    "&#x", "99999999999", "'", '"', "=", " ", "\n", "\r", "\t", "\x00", "a", "script", "iframe", "on", "href",
    "javascript:", "data:", "url(", "<a ", "<img ", "</a>", "</", "<!DOCTYPE", "<svg>", "<style>",
    "</script>", "![", "](", "**", "`", "    ", "- ", "> ", "!!! note\n", "|---|\n",
]  # fmt: skip


def test_random_markup_never_raises_and_cleaning_twice_changes_nothing() -> None:
    """Editors paste anything (Word's `<![if ...]>`, half tags): the cleaner and the rules must not crash."""
    chance = random.Random(20261129)
    context = CONTEXT
    for _ in range(1500):
        text = "".join(chance.choice(PIECES) for _ in range(chance.randint(1, 40)))
        cleaned = clean_html(text)
        assert clean_html(cleaned) == cleaned, text
        assert "<!" not in cleaned and "<?" not in cleaned, text
        run_rules(parse_text(text, "content/x.md"), context, [rules])
