"""What the theme writes into the HTML, from a page's front matter and mkdocs.yml (no browser needed).

A small site with Helder's theme (overrides/) and the helder plugin switched off (`enabled: false`: it only hands
the theme its words from the message catalogue), so these tests pin down what the templates do on their own: the
product page pattern, the footer, the 404 page, the page language.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from themesite import REPO

CONFIG = f"""\
site_name: Gemeente Voorbeeld
site_url: https://www.voorbeeld.nl/
docs_dir: content
theme:
  name: material
  language: nl
  font: false
  custom_dir: {REPO / "overrides"}
  features: [navigation.indexes, navigation.prune]
plugins: [search, helder: {{enabled: false}}]
extra:
  helder:
    contact:
      phone: "14 0123"
      hours:
        - {{days: [ma, di, wo, do, vr], open: "08:30", close: "17:00"}}
        - {{days: [za], open: "10:00", close: "12:00"}}
      email: info@voorbeeld.nl
    pages: {{a_z: producten-a-z/}}
"""

PAGES = {
    "index.md": """\
        ---
        type: page
        title: Welkom
        summary: Hier regelt u zaken met de gemeente.
        ---

        # Welkom

        Tekst.
        """,
    "burgerzaken/rijbewijs.md": """\
        ---
        title: Rijbewijs verlengen
        summary: Vraag online een nieuw rijbewijs aan.
        online: digid
        apply_url: https://www.voorbeeld.nl/loket/rijbewijs?stap=1&taal=nl
        status_url: https://mijn.voorbeeld.nl/aanvragen
        owner: Burgerzaken
        reviewed: 2026-09-03
        ---

        # Rijbewijs verlengen

        Uw rijbewijs is 10 jaar geldig.

        ## Stappen

        1. Vraag het aan.
        """,
    "burgerzaken/onveilig.md": """\
        ---
        title: Een pagina met een verkeerd adres
        summary: Alleen https-adressen worden een knop.
        online: digid
        apply_url: "javascript:alert(1)"
        status_url: http://mijn.voorbeeld.nl/
        owner: Burgerzaken
        reviewed: 2026-09-03
        ---

        # Een pagina met een verkeerd adres

        Tekst.
        """,
    "burgerzaken/english.md": """\
        ---
        title: Registering in Voorbeeld
        summary: Register at the town hall.
        lang: en
        online: nee
        owner: Burgerzaken
        reviewed: 2026-08-19
        ---

        # Registering in Voorbeeld

        Text.
        """,
}


def build_site(root: Path, config: str, pages: dict[str, str]) -> Path:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name, text in pages.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    build(load_config(str(root / "mkdocs.yml")))
    return root / "site"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("theme-site"), CONFIG, PAGES)


def overview_page(title: str) -> str:
    return (
        f"---\ntype: page\ntitle: {title}\nsummary: Alles over {title.lower()}.\n---\n\n# {title}\n\nTekst.\n"
    )


@pytest.fixture(scope="module")
def big_section(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A section of five pages and a sub-section with its own page, in a site whose menu lists at most three
    pages a section."""
    pages = {"index.md": overview_page("Welkom"), "parkeren/index.md": overview_page("Parkeren")}
    pages.update({f"parkeren/p{n}.md": overview_page(f"Parkeren {n}") for n in range(1, 6)})
    pages["parkeren/zones/index.md"] = overview_page("Zones")
    pages["wonen/index.md"] = overview_page("Wonen")
    config = CONFIG.replace("helder: {enabled: false}", "helder: {enabled: false, menu_pages: 3}")
    return build_site(tmp_path_factory.mktemp("big-section"), config, pages)


def html(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def text_of(fragment: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment)).strip()


def test_product_page_has_title_lead_action_block_and_review_line_in_that_order(site):
    page = html(site, "burgerzaken/rijbewijs/index.html")
    body = page[page.index('<div class="helder-page') :]
    order = [
        body.index("<h1"),
        body.index('<p class="helder-lead">Vraag online een nieuw rijbewijs aan.</p>'),
        body.index('class="helder-actions"'),
        body.index('id="stappen"'),
        body.index('class="helder-reviewed"'),
    ]
    assert order == sorted(order)
    assert (
        '<a class="helder-button" href="https://www.voorbeeld.nl/loket/rijbewijs?stap=1&amp;taal=nl">'
        'Direct regelen<span class="helder-visually-hidden">: Rijbewijs verlengen</span></a>'
    ) in page
    assert '<p class="helder-actions__login">U logt in met DigiD.</p>' in page
    assert '<a href="https://mijn.voorbeeld.nl/aanvragen">Bekijk hoe het met uw aanvraag staat</a>' in page
    review = page[page.index('<p class="helder-reviewed">') :]
    review = review[: review.index("</p>")]
    assert text_of(review) == "Laatst gecontroleerd op 3 september 2026 door Burgerzaken"
    assert '<time datetime="2026-09-03">' in review


def test_only_https_addresses_become_actions(site):
    page = html(site, "burgerzaken/onveilig/index.html")
    assert "helder-actions" not in page
    assert "javascript:" not in page
    assert "http://mijn.voorbeeld.nl" not in page


def test_no_table_of_contents_anywhere(site):
    for path in ("burgerzaken/rijbewijs/index.html", "index.html"):
        page = html(site, path)
        assert "md-sidebar--secondary" not in page
        assert 'id="__toc"' not in page
        assert "md-nav--secondary" not in page


def test_header_has_the_name_a_menu_button_search_and_the_a_to_z_link(site):
    page = html(site, "burgerzaken/rijbewijs/index.html")
    header = page[page.index("<header") : page.index("</header>")]
    assert '<span class="helder-brand__name">Gemeente Voorbeeld</span>' in header
    assert re.search(
        r'<button type="button" class="helder-header__button" data-helder-open="drawer"'
        r' aria-controls="helder-menu" aria-expanded="false" hidden>',
        header,
    )
    assert 'data-helder-open="search"' in header
    assert '<a href="../../producten-a-z/">Producten en diensten A tot Z</a>' in header
    assert 'id="helder-menu"' in page


def test_footer_has_contact_help_policy_statement_and_privacy(site):
    page = html(site, "index.html")
    footer = page[page.index('<footer class="md-footer helder-footer">') : page.index("</footer>")]
    assert 'Bel <a href="tel:140123">14 0123</a>' in footer
    assert "<li>Maandag tot en met vrijdag: 8.30 tot 17.00 uur</li>" in footer
    assert "<li>Zaterdag: 10.00 tot 12.00 uur</li>" in footer
    for href, words in [
        ("hulp/", "Hulp bij contact met de gemeente"),
        ("hulp/zo-helpen-wij-u/", "Zo helpen wij u"),
        ("producten-a-z/", "Producten en diensten A tot Z"),
        ("toegankelijkheid/", "Toegankelijkheid"),
        ("privacy/", "Privacy"),
    ]:
        assert f'<a href="{href}">{words}</a>' in footer
    assert "Material for MkDocs" not in footer or "Gemaakt met" in footer


def test_404_page_is_dutch_with_phone_a_to_z_and_home(site):
    page = html(site, "404.html")
    assert '<html lang="nl"' in page
    assert "<title>Deze pagina bestaat niet - Gemeente Voorbeeld</title>" in page
    assert '<h1 id="inhoud" tabindex="-1">Deze pagina bestaat niet</h1>' in page
    assert 'Bel ons op <a href="tel:140123">14 0123</a>' in page
    assert ">Bekijk alle producten en diensten van A tot Z</a>" in page
    assert ">Ga naar de startpagina</a>" in page
    assert '<a href="#inhoud" class="md-skip">Ga naar de inhoud</a>' in page
    assert "Not found" not in page


def test_a_page_in_english_is_english_from_the_html_element_down(site):
    page = html(site, "burgerzaken/english/index.html")
    assert '<html lang="en"' in page
    assert "Last checked on" in page and "19 August 2026" in page
    assert 'id="helder-menu" data-md-component="sidebar" data-md-type="navigation" lang="nl"' in page
    assert "Skip to content" in page
    dutch = html(site, "burgerzaken/rijbewijs/index.html")
    assert '<html lang="nl"' in dutch and "Ga naar inhoud" in dutch


def test_print_shows_the_web_address_and_date(site):
    page = html(site, "burgerzaken/rijbewijs/index.html")
    meta = page[page.index('class="helder-print-only helder-print-meta"') :]
    meta = text_of(meta[meta.index(">") + 1 : meta.index("</p>")])
    assert re.fullmatch(
        r"Webadres: https://www\.voorbeeld\.nl/burgerzaken/rijbewijs/ Versie van \d{1,2} \w+ \d{4}", meta
    )


def test_the_design_tokens_are_served_by_the_site_itself(site):
    page = html(site, "index.html")
    assert '<link rel="stylesheet" href="assets/design-tokens/variables.css">' in page
    tokens = (site / "assets" / "design-tokens" / "variables.css").read_text(encoding="utf-8")
    assert "--basis-color-action-2-color-default" in tokens
    # Nothing to fetch from another host (an SVG's xmlns inside a data: URL is a name, not a request).
    assert not re.search(r"url\(\s*[\"']?(https?:)?//", tokens)
    assert not re.search(r"@import", tokens)
    stylesheet = (site / "assets" / "stylesheets" / "gemeente.css").read_text(encoding="utf-8")
    assert "var(--basis-color-action-2-color-default" in stylesheet
    assert "fonts.googleapis" not in page


def menu_links(page: str) -> list[tuple[str, str]]:
    """(href, text) of each link in the site menu, in order."""
    menu = page[page.index('id="helder-menu"') : page.index('class="md-content"')]
    return [
        (href, text_of(text)) for href, text in re.findall(r'<a href="([^"]*)"[^>]*>(.*?)</a>', menu, re.S)
    ]


def test_a_big_section_lists_only_the_current_page_and_a_link_to_all_its_pages(big_section):
    links = menu_links(html(big_section, "parkeren/p2/index.html"))
    section = [text for _, text in links if "Parkeren" in text]
    assert section == ["Parkeren", "Parkeren 2", "Alle 5 pagina's in Parkeren"]
    assert ("../", "Alle 5 pagina's in Parkeren") in links
    assert '<a href="./" class="md-nav__link md-nav__link--active" aria-current="page">' in html(
        big_section, "parkeren/p2/index.html"
    )
    assert ("../../wonen/", "Wonen") in links  # other sections stay in the menu, folded
    assert ("../zones/", "Zones") in links  # and so does a sub-section, which the count leaves out


def test_the_section_page_itself_needs_no_link_to_all_its_pages(big_section):
    links = menu_links(html(big_section, "parkeren/index.html"))
    assert [text for _, text in links if "Parkeren" in text] == ["Parkeren"]
    assert not any("Alle 5" in text for _, text in links)


def test_a_section_within_the_limit_lists_every_page(site):
    links = menu_links(html(site, "burgerzaken/rijbewijs/index.html"))
    assert ("../english/", "Registering in Voorbeeld") in links
    assert not any(text.startswith("Alle ") for _, text in links)
