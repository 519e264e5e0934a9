"""A site in Dutch and English with mkdocs-static-i18n: `page.en.md` beside `page.md`, English under `/en/`.

One real two-language build (Helder's theme, both languages, the i18n plugin's nested build) is made once and
read as a resident's browser gets it: the language of each page, the links between the languages, the English
menu, help and 404 page. Then the checks: English pages are checked with the English rules, at their own file.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from helder.languages import file_lang
from helder.pages.translations import links_to_other_language
from sitelib import CATALOGUE, GOOD_PRODUCT, REPO, SiteDir, mkdocs_yml

I18N = """\
  - i18n:
      docs_structure: suffix
      fallback_to_default: false
      languages:
        - locale: nl
          default: true
          name: Nederlands
        - locale: en
          name: English
"""

#: The test catalogue with English texts for the phone offer (not for the desk) and a number for abroad.
CATALOGUE_EN = CATALOGUE.replace(
    '    phone: "14 0123"\n',
    '    phone: "14 0123"\n    phone_abroad: "+31 85 123 0123"\n    en: {name: the Contact Centre}\n',
).replace(
    "    channel: telefoon\n",
    "    channel: telefoon\n    en:\n      name: Call us\n      what: Call us with your question.\n"
    "      for: Everyone\n      how: Call the number below.\n      cost: Free\n",
)

#: The known-good Dutch page's front matter, with an English title and summary, and an English body.
ENGLISH_PRODUCT = (
    GOOD_PRODUCT.split("\n# ")[0]
    .replace("title: Paspoort aanvragen", "title: Applying for a passport")
    .replace(
        "summary: U vraagt een paspoort aan bij de balie in het stadhuis.",
        "summary: You apply for a passport at the desk in the town hall.",
    )
    + """
# Applying for a passport

A passport shows who you are. You need it to travel.

## Steps

1. Make an appointment.
2. Come to the town hall.
3. Collect your passport after one week.

Do you move house first? Then [report your move](verhuizen.md) (in Dutch).

## What you need

- Your old passport.
- A photo of your face.

## Costs

A passport costs € 84.00.

## How long does it take?

It takes one week.

## Objection

Do you not agree with our decision? Then you can object.
"""
)


def _theme_site(root: Path) -> SiteDir:
    site = SiteDir(root)
    shutil.copytree(REPO / "overrides", root / "overrides")
    yml = mkdocs_yml(extra="site_url: https://www.test.nl/\n")
    yml = yml.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n")
    site.write("mkdocs.yml", yml.replace("plugins:\n  - search\n", "plugins:\n  - search\n" + I18N))
    site.write("data/hulp.yml", CATALOGUE_EN)
    site.page(
        "index.md",
        "---\ntype: page\ntitle: Welkom\nsummary: De diensten van de gemeente.\n---\n# Welkom\n\nKies wat u wilt regelen.\n",
    )
    site.page(
        "index.en.md",
        "---\ntype: page\ntitle: Welcome\nsummary: The services of the town.\n---\n# Welcome\n\nChoose what you want to do.\n",
    )
    a_z = "---\ntype: overview\ntitle: {t}\nsummary: {s}\noverview: {{a_to_z: true}}\n---\n# {t}\n\n{s}\n"
    site.page("producten-a-z.md", a_z.format(t="Producten van A tot Z", s="Alles wat u kunt regelen."))
    site.page("producten-a-z.en.md", a_z.format(t="Services from A to Z", s="Everything you can do."))
    site.page("burgerzaken/paspoort.md", GOOD_PRODUCT)
    moving = GOOD_PRODUCT.replace("Paspoort aanvragen", "Verhuizing doorgeven").replace(
        "/paspoort", "/verhuismelding"
    )
    site.page("burgerzaken/verhuizen.md", moving)
    site.page("burgerzaken/paspoort.en.md", ENGLISH_PRODUCT)
    return site


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SiteDir:
    site = _theme_site(tmp_path_factory.mktemp("languages"))
    result = site.build()
    assert result.code == 0, result.text
    return site


def _lang(html: str) -> str:
    return re.search(r"<html lang=\"([a-z]+)\"", html).group(1)


def test_each_language_is_served_in_its_own_language(built: SiteDir) -> None:
    assert _lang(built.html("burgerzaken/paspoort/index.html")) == "nl"
    assert _lang(built.html("en/burgerzaken/paspoort/index.html")) == "en"
    assert _lang(built.html("en/index.html")) == "en"
    assert "<h1" in built.html("en/burgerzaken/paspoort/index.html")


def test_a_page_and_its_translation_link_to_each_other(built: SiteDir) -> None:
    english = built.html("en/burgerzaken/paspoort/index.html")
    dutch = built.html("burgerzaken/paspoort/index.html")
    assert '<a href="../../../burgerzaken/paspoort/" hreflang="nl" lang="nl">Nederlands</a>' in english
    assert '<a href="../../en/burgerzaken/paspoort/" hreflang="en" lang="en">English</a>' in dutch
    assert '<link rel="alternate" hreflang="nl" href="../../../burgerzaken/paspoort/">' in english
    # A page without a translation names none: not the English home page as "the same page in English".
    alone = built.html("burgerzaken/verhuizen/index.html")
    assert 'hreflang="en"' not in alone
    assert re.findall(r'<link rel="alternate"[^>]*>', alone) == [
        '<link rel="alternate" hreflang="nl" href="./">'
    ]


def test_a_link_to_a_page_only_in_dutch_goes_to_the_dutch_page(built: SiteDir) -> None:
    english = built.html("en/burgerzaken/paspoort/index.html")
    assert '<a href="../../../burgerzaken/verhuizen/">report your move</a>' in english
    assert (built.root / "site/burgerzaken/verhuizen/index.html").is_file()
    assert not (built.root / "site/en/burgerzaken/verhuizen").exists()


def test_the_english_menu_lists_only_english_pages(built: SiteDir) -> None:
    english = built.html("en/burgerzaken/paspoort/index.html")
    menu = english[
        english.index("md-nav--primary") : english.index("</nav>", english.index("md-nav--primary"))
    ]
    assert "Applying for a passport" in menu
    assert "Verhuizing doorgeven" not in menu and "Paspoort aanvragen" not in menu


def test_english_help_comes_from_the_catalogues_english_texts(built: SiteDir) -> None:
    english = built.html("en/burgerzaken/paspoort/index.html")
    assert '<h3 id="call-us">Call us</h3>' in english
    assert '<li>From abroad: <a href="tel:+31851230123">+31 85 123 0123</a></li>' in english
    # The desk has no English text in the catalogue: it stays Dutch, and says so.
    assert '<h3 id="kom-naar-de-balie" lang="nl">Kom naar de balie</h3>' in english
    assert '<p lang="nl">Kom naar het stadhuis.</p>' in english
    dutch = built.html("burgerzaken/paspoort/index.html")
    assert "Call us" not in dutch
    assert '<li>Vanuit het buitenland: <a href="tel:+31851230123">+31 85 123 0123</a></li>' in dutch


def test_each_language_has_its_own_404_page(built: SiteDir) -> None:
    english, dutch = built.html("en/404.html"), built.html("404.html")
    assert _lang(english) == "en" and "This page does not exist" in english
    assert _lang(dutch) == "nl" and "Deze pagina bestaat niet" in dutch
    for page in (english, dutch):
        assert '<a href="tel:140123">14 0123</a>' in page


def test_header_and_footer_link_to_the_page_in_the_readers_language(built: SiteDir) -> None:
    english = built.html("en/burgerzaken/paspoort/index.html")
    header = english[english.index("helder-header__links") :]
    assert header.split("</p>")[0].count('<a href="../../producten-a-z/">Services from A to Z</a>') == 1
    # The help pages exist in Dutch only: the link says where it goes.
    assert '<a href="../../../hulp/" hreflang="nl">' in english
    a_z = built.html("en/producten-a-z/index.html")
    assert "Applying for a passport" in a_z
    assert "Paspoort aanvragen" not in a_z and "Verhuizing doorgeven" not in a_z
    dutch_a_z = built.html("producten-a-z/index.html")
    assert "Paspoort aanvragen" in dutch_a_z and "Verhuizing doorgeven" in dutch_a_z
    assert "Applying for a passport" not in dutch_a_z


def test_the_sitemap_lists_both_languages_and_the_help_pages(built: SiteDir) -> None:
    sitemap = (built.root / "site/sitemap.xml").read_text(encoding="utf-8")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert "https://www.test.nl/en/burgerzaken/paspoort/" in locations
    assert "https://www.test.nl/burgerzaken/paspoort/" in locations
    assert "https://www.test.nl/hulp/" in locations
    assert len(locations) == len(set(locations))


def test_an_english_page_is_checked_in_english_at_its_own_file(tmp_path: Path) -> None:
    site = _theme_site(tmp_path)
    long = (
        "\nIf you lost your passport or if it was stolen from you while you were travelling abroad on holiday or"
        " for work, you must report this to the police in the country where it happened.\n"
    )
    site.page("burgerzaken/paspoort.en.md", ENGLISH_PRODUCT + long)
    line = len((ENGLISH_PRODUCT + long).splitlines())
    result = site.build()
    assert result.code == 1
    assert f"content/burgerzaken/paspoort.en.md:{line}: [readability.sentence-length]" in result.text
    assert (
        f'content/burgerzaken/paspoort.en.md:{line}: [readability.passive] Deze zin staat in de lijdende vorm: "was stolen"'
        in result.text
    )
    # The Dutch pages of the same build are still checked and still fine; the published site is untouched.
    assert "content/burgerzaken/paspoort.md:" not in result.text
    assert not (tmp_path / "site").exists()
    code, findings = site.check_json()
    assert code == 1
    assert {(f["path"], f["line"], f["rule"]) for f in findings if f["severity"] == "error"} == {
        ("content/burgerzaken/paspoort.en.md", line, "readability.sentence-length")
    }


@pytest.mark.parametrize(
    ("path", "lang"),
    [
        ("content/burgerzaken/rijbewijs.en.md", "en"),
        ("burgerzaken/index.en.md", "en"),
        ("rijbewijs.nl.md", "nl"),
        ("rijbewijs.md", None),
        ("rijbewijs.de.md", None),  # a language Helder does not check: the site's own
        ("handleiding/v1.en.txt", None),
        ("en.md", None),
    ],
)
def test_the_file_name_gives_the_language(path: str, lang: str | None) -> None:
    assert file_lang(path, ("nl", "en")) == lang


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ("[a](verhuizen.md)", "[a](../../../burgerzaken/verhuizen/)"),
        ("[a](verhuizen.md#kosten)", "[a](../../../burgerzaken/verhuizen/#kosten)"),
        ('[a](../afval/pas.md "Afval")', '[a](../../../afval/pas/ "Afval")'),
        ("[a](paspoort.md)", "[a](paspoort.md)"),  # this language has it: the i18n plugin links it
        ("[a](weg.md)", "[a](weg.md)"),  # no such page anywhere: left for the broken-link finding
        ("[a](https://www.test.nl/x.md)", "[a](https://www.test.nl/x.md)"),
        ("[a](/burgerzaken/verhuizen.md)", "[a](/burgerzaken/verhuizen.md)"),
        ("![kaart](kaart.png)", "![kaart](kaart.png)"),
    ],
)
def test_links_to_a_page_in_another_language(markdown: str, expected: str) -> None:
    # The links to the Dutch pages, as seen from `en/burgerzaken/paspoort/`.
    known = {
        "burgerzaken/verhuizen.md": "../../../burgerzaken/verhuizen/",
        "afval/pas.md": "../../../afval/pas/",
    }
    out = links_to_other_language(
        markdown,
        "burgerzaken/paspoort.en.md",
        in_build=lambda uri: uri == "burgerzaken/paspoort.md",
        url_of=known.get,
    )
    assert out == expected


def test_the_fix_names_the_heading_in_the_pages_language(site: SiteDir) -> None:
    site.page("paspoort.en.md", ENGLISH_PRODUCT.replace("## Steps", "## First"))
    code, findings = site.check_json()
    assert code == 1
    (finding,) = [f for f in findings if f["rule"] == "sections.steps-missing"]
    assert finding["path"] == "content/paspoort.en.md"
    assert finding["message"] == 'De pagina heeft geen kopje "Steps".'
    assert (
        finding["suggestion"]
        == 'Schrijf een kopje "## Steps". Zet daaronder de stappen als lijst: 1., 2., 3.'
    )
