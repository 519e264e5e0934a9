"""The preview of a page: what an editor sees in `mkdocs serve` (the pure functions, on real pages).

Each page is read and checked by Helder exactly as in a build, rendered to HTML by Python-Markdown with the
extensions MkDocs uses, and then shown with `preview_body`. The browser test (test_preview_browser.py) does
the same through a real `mkdocs serve` and Chromium.
"""

from __future__ import annotations

import re
import textwrap
from html.parser import HTMLParser

import markdown
import pytest
from helder.checker import check_page
from helder.findings import Finding, Severity
from helder.preview import preview_body
from helder.preview.blocks import PageMap, html_blocks, source_blocks
from helder.preview.render import counts_text
from helder.sanitize import clean_html
from helder.site import from_mkdocs_config
from helder.source import parse_text
from mkdocs.config import load_config
from sitelib import GOOD_PRODUCT, REPO, SiteDir

EXTENSIONS = ["toc", "tables", "fenced_code", "admonition", "attr_list", "def_list"]

LONG = (
    "Ingevolge de regels dient u de aanvraag in te dienen bij de gemeente, waarna deze door een medisch "
    "adviseur wordt beoordeeld en u binnen acht weken een besluit ontvangt over uw aanvraag."
)


def page_text(body: str, help_keys: str = "[telefoon, balie]") -> str:
    head = GOOD_PRODUCT.split("---\n")[1].replace("help: [telefoon, balie]", f"help: {help_keys}")
    return f"---\n{head}---\n" + textwrap.dedent(body)


def load(site: SiteDir):
    (site.root / "content").mkdir(exist_ok=True)
    return from_mkdocs_config(load_config(config_file=str(site.root / "mkdocs.yml")))


@pytest.fixture
def loaded(site: SiteDir):
    return load(site)


def preview(loaded_site, text: str, path: str = "content/test.md") -> tuple[str, list[Finding]]:
    page = parse_text(text, path)
    result = check_page(page, loaded_site.ctx)
    rendered = clean_html(markdown.markdown(page.body, extensions=EXTENSIONS))
    return preview_body(rendered, result, loaded_site), result.findings


class _Text(HTMLParser):
    """The visible text of elements matching a predicate, like a reader (or a screen reader) gets it."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[dict[str, str | None]] = []
        self.marks: list[tuple[str, str]] = []  # (kind, text), text inside <mark>, per text run
        self.lines: list[tuple[str, str]] = []  # (data-helder-line, tag)

    def handle_starttag(self, tag, attrs):
        data = dict(attrs)
        data["_tag"] = tag
        if "data-helder-line" in data:
            self.lines.append((data["data-helder-line"], tag))
        if tag not in ("img", "br", "hr"):
            self.stack.append(data)

    def handle_endtag(self, tag):
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if any("helder-badge" in (e.get("class") or "") for e in self.stack):
            return
        for element in self.stack:
            if element["_tag"] == "mark":
                self.marks.append((element.get("data-kind") or "", data))


def marked(html: str, kind: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join("".join(text for k, text in parser.marks if k == kind).split())


def body_after_panel(html: str) -> str:
    return html[html.index("</section>") :]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


# --- the list of findings ----------------------------------------------------------------------------------


def test_the_list_shows_each_finding_under_its_level_with_what_and_how(loaded):
    text = page_text(
        f"""\
        # Paspoort aanvragen

        {LONG}

        ## Stappen

        1. Maak een afspraak.

        ## Wat heeft u nodig?

        - Een pasfoto.

        Lees meer op [klik hier](https://www.voorbeeld.nl).
        """
    )
    html, findings = preview(loaded, text)
    panel = html[html.index('<section class="helder-panel"') : html.index("</section>")]
    assert "Fout — blokkeert publicatie" in panel and "Waarschuwing (" in panel and "Tip (" in panel
    # Errors come before warnings, warnings before tips; each item says its level in words.
    assert panel.index("Fout — blokkeert publicatie") < panel.index("Waarschuwing (") < panel.index("Tip (")
    for finding in findings:
        item = re.search(
            rf'<li class="helder-item" id="helder-melding-\d+" [^>]*data-rule="{finding.rule}"', panel
        )
        assert item, finding.rule
    assert "readability.sentence-length" in panel and "markdown.link-text" in panel
    assert "Zo lost u het op:" in panel
    counts = {level: sum(f.severity is level for f in findings) for level in Severity}
    assert f"{counts[Severity.ERROR]} fout" in panel


def test_the_list_comes_right_after_the_title(loaded):
    html, _ = preview(loaded, page_text(f"# Paspoort aanvragen\n\n{LONG}\n"))
    assert html.index("</h1>") < html.index('<section class="helder-panel"') < html.index("Ingevolge")


def test_a_page_without_findings_says_so(loaded):
    html, findings = preview(loaded, GOOD_PRODUCT)
    assert findings == []
    assert "Helder vond op deze pagina geen problemen." in html


def test_counts_use_singular_and_plural():
    one = [Finding("a.md", 1, "x", Severity.ERROR, "m")]
    many = one * 2 + [
        Finding("a.md", 2, "y", Severity.WARNING, "m"),
        Finding("a.md", 3, "z", Severity.INFO, "m"),
    ]
    assert counts_text(one, "nl") == "1 fout"
    assert counts_text(many, "nl") == "2 fouten, 1 waarschuwing en 1 tip"


# --- highlights in the text --------------------------------------------------------------------------------


def test_the_long_sentence_is_highlighted_at_its_line(loaded):
    text = page_text(f"# Paspoort aanvragen\n\nEen korte zin.\n\n{LONG}\n")
    html, findings = preview(loaded, text)
    long = next(f for f in findings if f.rule == "readability.sentence-length")
    assert long.line == line_of(text, "Ingevolge")
    body = body_after_panel(html)
    assert marked(body, "sentence") == LONG
    # The block holding it carries its source line; the list links to a marker right before it.
    number = re.search(r'id="helder-melding-(\d+)" [^>]*data-rule="readability.sentence-length"', html).group(
        1
    )
    block = re.search(rf'<p data-helder-line="(\d+)"><a class="helder-badge" data-kind="sentence" '
                      rf'href="#helder-melding-{number}" id="helder-plek-{number}"', body)  # fmt: skip
    assert block and int(block.group(1)) == long.line
    assert f'href="#helder-plek-{number}">Ga naar regel {long.line}</a>' in html


def test_jargon_passive_and_long_words_are_highlighted_with_a_sign_and_a_legend(loaded):
    text = page_text(
        """\
        # Paspoort aanvragen

        Ingevolge de wet is dit nodig.

        Uw aanvraag wordt door de gemeente beoordeeld.

        U krijgt een arbeidsongeschiktheidsuitkering.
        """
    )
    html, findings = preview(loaded, text)
    rules = {f.rule for f in findings}
    assert {"words.jargon", "readability.passive", "readability.compound"} <= rules
    body = body_after_panel(html)
    assert marked(body, "jargon") == "Ingevolge"
    assert marked(body, "passive") == "wordt door de gemeente beoordeeld"
    assert marked(body, "word") == "arbeidsongeschiktheidsuitkering"
    # Colour is never the only marker: each highlight starts with a sign, also in the legend.
    for kind, sign in (("jargon", "A"), ("passive", "LV"), ("word", "MW")):
        assert re.search(rf'class="helder-badge" data-kind="{kind}"[^>]*><span class="helder-sign" '
                         rf'aria-hidden="true">{sign}</span>', body), kind  # fmt: skip
        assert f'data-kind="{kind}"><span class="helder-sign" aria-hidden="true">{sign}</span>' in html
    assert "Wat betekenen de kleuren in de tekst?" in html


def test_every_use_of_a_hard_word_is_highlighted_but_not_the_product_name(loaded):
    text = page_text(
        """\
        # Gehandicaptenparkeerkaart aanvragen

        Vraag een arbeidsongeschiktheidsuitkering aan. Een arbeidsongeschiktheidsuitkering helpt.

        Met een gehandicaptenparkeerkaart parkeert u dichtbij.
        """
    ).replace("title: Paspoort aanvragen", "title: Gehandicaptenparkeerkaart aanvragen")
    html, findings = preview(loaded, text)
    word_rules = ("readability.long-word", "readability.compound", "readability.rare-word")
    assert [f.rule for f in findings if f.rule in word_rules] == [
        "readability.compound"
    ]  # one finding a word
    body = body_after_panel(html)
    words = re.findall(r'<mark class="helder-mark" data-kind="word">([^<]*)</mark>', body)
    assert words == ["arbeidsongeschiktheidsuitkering", "arbeidsongeschiktheidsuitkering"]
    assert body.count('id="helder-plek-') == 1  # one finding: the list links to its first use


def test_a_short_word_few_readers_know_is_marked_and_no_other_word(loaded):
    text = page_text(
        """\
        # Paspoort aanvragen

        Er was een omissie in uw brief.
        """
    )
    html, findings = preview(loaded, text)
    assert [f.rule for f in findings if f.rule == "readability.rare-word"] == ["readability.rare-word"]
    assert re.findall(r'data-kind="word">([^<]*)</mark>', body_after_panel(html)) == ["omissie"]


def test_a_rule_switched_off_shows_no_colour(site: SiteDir):
    site.write("mkdocs.yml", site.root.joinpath("mkdocs.yml").read_text(encoding="utf-8").replace(
        "  - helder", "  - helder:\n      rules: {words.jargon: ignore}"))  # fmt: skip
    loaded_site = load(site)
    html, findings = preview(
        loaded_site, page_text("# Paspoort aanvragen\n\nIngevolge de wet is dit nodig.\n")
    )
    assert not any(f.rule == "words.jargon" for f in findings)
    assert 'data-kind="jargon"' not in html


def test_a_finding_without_words_to_colour_marks_its_block(loaded):
    text = page_text("# Paspoort aanvragen\n\nEen paspoort is handig.\n\n![](kaart.png)\n\nMeer tekst.\n")
    html, findings = preview(loaded, text)
    image = next(f for f in findings if f.rule == "markdown.image-alt")
    body = body_after_panel(html)
    block = re.search(r'<p data-helder-line="(\d+)" data-helder-flag="error"><a class="helder-badge" '
                      r'data-kind="error"[^>]*>.*?</a><img', body)  # fmt: skip
    assert block and int(block.group(1)) == image.line


def test_editor_text_is_always_escaped(loaded):
    text = page_text(
        '# Paspoort aanvragen\n\nLees dit: [klik hier](https://x.nl "<script>alert(1)</script>").\n'
    )
    html, findings = preview(loaded, text)
    assert any(f.rule == "markdown.link-text" for f in findings)
    assert "<script" not in html


# --- help that does not exist ------------------------------------------------------------------------------


def test_an_unknown_help_key_shows_an_error_where_the_help_would_be(loaded):
    text = page_text(
        """\
        # Paspoort aanvragen

        Een paspoort is handig.

        ## Hulp

        Wij helpen u graag.

        ## Kosten

        Het kost € 84,00.
        """,
        help_keys="[huisbezoek]",
    )
    html, findings = preview(loaded, text)
    unknown = next(f for f in findings if f.rule == "help.unknown")
    assert unknown.line == line_of(text, "help:")
    block = re.search(
        r'<h2 id="hulp"[^>]*>Hulp</h2>\s*<div class="helder-missing-help"(.*?)</div>', html, re.S
    )
    assert block, "the error block sits right under the help heading"
    assert "huisbezoek" in block.group(1) and "Fout — blokkeert publicatie" in block.group(1)
    assert html.index("helder-missing-help") < html.index(">Kosten</h2>")
    assert f"Ga naar regel {unknown.line}</a>" in html


def test_without_a_help_heading_the_error_goes_at_the_end(loaded):
    html, _ = preview(loaded, page_text("# Paspoort aanvragen\n\nEen paspoort is handig.\n", "[huisbezoek]"))
    assert html.rstrip().endswith("</div>") and "huisbezoek" in html[html.rindex("helder-missing-help") :]


def test_a_finding_in_the_front_matter_names_its_line_there(loaded):
    text = page_text("# Paspoort aanvragen\n\nEen paspoort is handig.\n").replace(
        "online: nee", "online: misschien"
    )
    html, findings = preview(loaded, text)
    wrong = next(f for f in findings if f.rule == "frontmatter.value")
    assert f"Regel {wrong.line}, in de gegevens boven aan de pagina" in html


# --- source lines in the HTML ------------------------------------------------------------------------------


def test_blocks_keep_their_source_lines_around_blocks_added_while_rendering():
    body = "# Titel\n\nEen.\n\n## Hulp\n\nTwee &amp; drie.\n\n- vier\n- vijf\n"
    source = source_blocks(parse_text(body, "x.md").tokens, 1)
    html = (
        '<h1 id="titel">Titel</h1>\n<p>Een.</p>\n<h2 id="hulp">Hulp</h2>\n'
        "<h3>Bel ons</h3>\n<p>Gemaakt door Helder.</p>\n"  # added while rendering: in no source line
        "<p>Twee &amp; drie.</p>\n<ul>\n<li>vier</li>\n<li>vijf</li>\n</ul>\n"
    )
    pmap = PageMap(source, html_blocks(html))
    lines = {block.text: pmap.line_of(index) for index, block in enumerate(pmap.rendered)}
    assert lines == {
        "Titel": 1,
        "Een.": 3,
        "Hulp": 5,
        "Bel ons": None,
        "Gemaakt door Helder.": None,
        "Twee & drie.": 7,
        "vier": 9,
        "vijf": 10,
    }


def test_the_demo_pages_map_every_sentence_to_the_html():
    """On the real demo pages every sentence the engine reads is found back in the rendered HTML."""
    loaded_site = from_mkdocs_config(load_config(config_file=str(REPO / "mkdocs.yml")))
    from helder.preview import readability_parts

    missing = []
    for file in sorted((REPO / "content").rglob("*.md")):
        page = parse_text(file.read_text(encoding="utf-8"), file.as_posix())
        result = check_page(page, loaded_site.ctx)
        rendered = clean_html(markdown.markdown(page.body, extensions=EXTENSIONS))
        analysis, _ = readability_parts(result, loaded_site)
        pmap = PageMap(source_blocks(page.tokens, page.body_line), html_blocks(rendered))
        for sentence in analysis.sentences:
            if pmap.find_text(sentence.line, sentence.text) is None:
                missing.append(f"{file.name}:{sentence.line}: {sentence.text}")
    assert missing == []
