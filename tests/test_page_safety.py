"""No script from any front matter value: escaped where it enters the theme, and a last check on the whole page.

Issue: a title such as `</script><script>alert(1)</script>` was printed unescaped by the theme in `<title>`, the
header, the menu and the breadcrumbs of every page that lists it. These tests build real sites with such
values (with the finding lowered to a warning, so the build goes on) and read every HTML file it wrote.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import material
import pytest
from helder import sanitize
from helder.sanitize import URL_ATTRIBUTES, PagePolicy, _clean, clean_page, theme_scripts
from hypothesis import given, settings
from hypothesis import strategies as st
from sitelib import GOOD_PRODUCT, REPO, mkdocs_yml

THEME_DIRS = [str(REPO / "overrides"), str(Path(material.__file__).parent / "templates")]
POLICY = PagePolicy(theme_scripts(THEME_DIRS))
THEME_SCRIPT_TEXTS = {text.split("\0")[0] for text in theme_scripts(THEME_DIRS)}


class _Runs(HTMLParser):
    """What a browser would run: an event attribute, a script URL where a URL goes, an inline script that is
    not one of the theme's own. (`alt="javascript:..."` is text: only URL attributes count.)"""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            squashed = re.sub(r"[\s\x00-\x1f]", "", value or "").lower()
            if name in URL_ATTRIBUTES and squashed.startswith(("javascript:", "vbscript:", "data:text/html")):
                self.found.append(f"<{tag} {name}={value}>")
        if tag == "script":
            self.script = dict(attrs)

    def handle_data(self, data: str) -> None:
        script = self.script
        if (
            script is None
            or script.get("src")
            or script.get("type") in ("application/json", "application/ld+json")
        ):
            return
        if not any(data.startswith(start) for start in THEME_SCRIPT_TEXTS):
            self.found.append(f"<script>{data[:60]}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.script = None


def runs(html: str) -> list[str]:
    parser = _Runs()
    parser.feed(html)
    return parser.found


ATTACK_TITLES = [
    '</script><script>alert("P1")</script>',
    "<img src=x onerror=alert(2)>",
    "</title><svg onload=alert(3)>",
    '"><a href="javascript:alert(4)">x</a>',
]


@pytest.mark.parametrize("title", ATTACK_TITLES)
def test_a_title_with_markup_is_a_finding_at_its_line(site, title):
    site.page("paspoort.md", GOOD_PRODUCT.replace("title: Paspoort aanvragen", f"title: '{title}'"))
    code, found = site.check_json()
    assert code == 1
    hit = [f for f in found if f["rule"] == "frontmatter.value"]
    assert [(f["path"], f["line"]) for f in hit] == [("content/paspoort.md", 2)]
    assert hit[0]["message"].startswith('Bij "title" staat HTML-code: "')
    assert hit[0]["suggestion"] == "Schrijf hier alleen gewone tekst, zonder de tekens < en >."


def test_no_script_from_a_title_a_description_or_a_folder_name_runs_anywhere_in_the_site(site):
    # The finding is lowered to a warning: the build goes on, and the site must still be safe.
    site.write("mkdocs.yml", mkdocs_yml(helder="rules:\n  frontmatter.value: warning\n"))
    site.page("index.md", GOOD_PRODUCT.replace("title: Paspoort aanvragen", f"title: '{ATTACK_TITLES[0]}'"))
    for number, title in enumerate(ATTACK_TITLES[1:], start=1):
        page = GOOD_PRODUCT.replace("title: Paspoort aanvragen", f"title: '{title}'")
        page = page.replace("# Paspoort aanvragen", f"# Paspoort {number}")
        site.page(
            f"p{number}.md", page.replace("help: [", 'description: "x\\" onmouseover=\\"alert(5)"\nhelp: [')
        )
    site.page(
        "<b onmouseover=alert(6)>/kosten.md", GOOD_PRODUCT.replace("Paspoort aanvragen", "Kosten & betalen")
    )
    result = site.build()
    assert result.code == 0, result.text
    pages = sorted((site.root / "site").rglob("*.html"))
    assert len(pages) >= 6  # home, three pages, the folder's page, 404 and the generated pages
    for path in pages:
        assert runs(path.read_text(encoding="utf-8")) == [], path
    home = site.html("index.html")
    # Shown as the text the editor typed, in the browser tab and in the header.
    assert (
        "<title>&lt;/script&gt;&lt;script&gt;alert(&quot;P1&quot;)&lt;/script&gt; - Testgemeente</title>"
        in home
    )
    other = site.html("p1/index.html")
    assert "&lt;img src=x onerror=alert(2)&gt;" in other
    # An ordinary `&` is still an ampersand, and the theme's own scripts are all still there.
    assert "Kosten &amp; betalen" in site.html("<b onmouseover=alert(6)>/kosten/index.html")
    assert other.count("<script") == home.count("<script") >= 4


def test_the_themes_own_pages_pass_the_page_cleaner_unchanged(site):
    site.page("paspoort.md", GOOD_PRODUCT)
    assert site.build().code == 0
    for path in (site.root / "site").rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert clean_page(html, POLICY) == html, path


CHROME_ATTACKS = {
    "inline script": ("<p>a</p><script>alert(1)</script>", "<p>a</p>"),
    "event attribute": ('<span onclick="alert(1)">x</span>', "<span>x</span>"),
    "script url": ('<a href="javascript:alert(1)">x</a>', "<a>x</a>"),
    "third-party script": ('<script src="https://cdn.example/x.js"></script>', ""),
    "third-party stylesheet": ('<link rel="stylesheet" href="https://cdn.example/x.css">', ""),
    "protocol-relative image": ('<img alt="logo" src="//tracker.example/p.png">', '<img alt="logo">'),
    "iframe": ('<iframe src="https://video.example/"></iframe>', ""),
    "base": ('<base href="https://evil.example/">', ""),
    "refresh": ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', ""),
    "style element": ("<style>body{background:url(https://tracker.example/p.png)}</style>", ""),
    "unclosed script": ("<p>a</p><script>alert(1)", "<p>a</p>"),
}


@pytest.mark.parametrize("name", sorted(CHROME_ATTACKS))
def test_the_page_cleaner_removes_what_runs_or_loads_from_elsewhere(name):
    html, expected = CHROME_ATTACKS[name]
    assert clean_page(html, POLICY) == expected


KEPT = [
    '<script src="../assets/javascripts/bundle.js"></script>',
    '<script id="__config" type="application/json">{"base": ".."}</script>',
    '<script type="application/ld+json">{"name": "Paspoort"}</script>',
    '<link rel="stylesheet" href="../assets/stylesheets/main.css">',
    '<link rel="canonical" href="https://www.voorbeeld.nl/paspoort/">',
    '<form class="md-search__form" name="search"><input type="text" name="query"></form>',
    '<!doctype html><html lang="nl"><head><meta charset="utf-8"></head></html>',
]


@pytest.mark.parametrize("html", KEPT)
def test_the_page_cleaner_keeps_what_the_theme_needs(html):
    assert clean_page(html, POLICY) == html


def test_a_theme_script_is_kept_with_any_relative_base_but_not_with_other_code():
    script = next(s for s in theme_scripts(THEME_DIRS) if s.startswith("__md_scope=new URL("))
    for base in ("..", "../../..", "."):
        html = "<script>" + script.replace("\0", base) + "</script>"
        assert clean_page(html, POLICY) == html
    sneaky = "<script>" + script.replace("\0", '",alert(1),"') + "</script>"
    assert clean_page(sneaky, POLICY) == ""


def test_a_body_the_theme_prints_in_two_parts_is_passed_through_and_what_is_between_is_cleaned():
    # Helder's theme prints the title, then the lead and the action block, then the rest of the body.
    content = '<h1 id="paspoort">Paspoort</h1>\n<p>Tekst <a href="x/">link</a>.</p>'
    head, rest = '<h1 id="paspoort">Paspoort</h1>', '\n<p>Tekst <a href="x/">link</a>.</p>'
    between = '<p class="helder-lead">Lead</p><img alt="x" src="https://tracker.example/p.png">'
    html = f"<main>{head}{between}{rest}<script>alert(1)</script></main>"
    cleaned = clean_page(html, POLICY, content=content)
    assert cleaned == f'<main>{head}<p class="helder-lead">Lead</p><img alt="x">{rest}</main>'
    # Pieces in the wrong order are not trusted: the whole page is cleaned.
    swapped = f"<main>{rest}<script>alert(1)</script>{head}</main>"
    assert "<script>" not in clean_page(swapped, POLICY, content=content)


# --- the page cleaner in pieces (issue 14): a menu item seen on another page is not cleaned again ----------

PIECES = [
    '<li class="md-nav__item">', '<li>', "<li", "</li>", '<a href="../p/">P</a>', "<script>", "</script>",
    "alert(1)", "<!--", "-->", "<iframe>", "</iframe>", "<style>", "</style>", "&amp;", "&T", "&#106;", "<",
    ">", '"', "<a href=", '"javascript:alert(1)"', " onclick=x", "<![if x]>", "<!doctype html>", "<svg>",
    "<textarea>", "</textarea>", "<p>", "text", "\n",
]  # fmt: skip


@settings(max_examples=400, deadline=None, database=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=40).map("".join))
def test_the_page_cleaner_in_pieces_writes_what_it_writes_in_one_go(html):
    """Cleaning piece by piece (each start tag starts a piece) gives exactly the text of one cleaning of the whole,
    for any input: also when a piece ends inside a script, a comment or a removed element."""
    policy = PagePolicy(theme_scripts(THEME_DIRS))
    whole = _clean(html, policy)
    assert clean_page(html, policy) == whole
    assert clean_page(html, policy) == whole  # a second time, from the pieces it remembers


def test_menu_items_seen_on_another_page_are_not_cleaned_again(site):
    """A real built site: each page cleaned again with one policy gives the page as built, and the menu items
    a page shares with the pages cleaned before it come from what the policy remembers."""
    for number in range(8):
        site.page(f"map/dienst-{number}.md", GOOD_PRODUCT.replace("Paspoort aanvragen", f"Dienst {number}"))
    assert site.build().code == 0
    policy = PagePolicy(theme_scripts(THEME_DIRS))
    pages = sorted((site.root / "site" / "map").glob("dienst-*/index.html"))
    assert len(pages) == 8
    for path in pages[:-1]:
        html = path.read_text(encoding="utf-8")
        assert clean_page(html, policy) == html == _clean(html, policy), path
    last = pages[-1].read_text(encoding="utf-8")
    cleaned: list[str] = []
    real = sanitize._clean_piece
    try:
        sanitize._clean_piece = lambda piece, pol: cleaned.append(piece) or real(piece, pol)
        assert clean_page(last, policy) == last
    finally:
        sanitize._clean_piece = real
    menu = [piece for piece in cleaned if 'class="md-nav__link' in piece and "dienst-" in piece]
    # The folder's other seven pages are in the menu of each page: at most the page's own item (marked as the
    # current one) and its neighbour are new; the other items were cleaned on an earlier page.
    assert last.count('href="../dienst-') >= 7
    assert len(menu) <= 2, [piece[:200] for piece in menu]
