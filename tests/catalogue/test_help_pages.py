"""Generated help pages in a real build: overview, per barrier, per target group, and the support policy."""

from __future__ import annotations

import re

import pytest
from sitelib import GOOD_PRODUCT, REPO, mkdocs_yml


@pytest.fixture
def built(site):
    site.write("data/hulp.yml", (REPO / "data" / "hulp.yml").read_text(encoding="utf-8"))
    site.page(
        "paspoort.md", GOOD_PRODUCT.replace("help: [telefoon, balie]", "help: [formulierenhulp, teletolk]")
    )
    result = site.build()
    assert result.code == 0, result.text
    return site


def text_of(html: str) -> str:
    main = html[html.index("<article") : html.index("</article>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def test_overview_lists_channels_barriers_groups_and_policy(built):
    text = text_of(built.html("hulp/index.html"))
    assert "Hulp bij contact met de gemeente" in text
    assert "Zo bereikt u ons" in text and "14 0123" in text
    assert "Ik kan niet goed lezen of schrijven" in text
    assert "Ouderen" in text and "Zo helpen wij u" in text
    html = built.html("hulp/index.html")
    assert (
        'href="laaggeletterd/"' in html
        and 'href="voor-ouderen/"' in html
        and 'href="zo-helpen-wij-u/"' in html
    )


def test_barrier_page_is_titled_from_the_readers_side_and_lists_help_and_products(built):
    html = built.html("hulp/laaggeletterd/index.html")
    assert "<h1" in html and "Ik kan niet goed lezen of schrijven</h1>" in html
    text = text_of(html)
    assert "Hulp bij formulieren" in text and "Het Taalhuis" in text
    assert "Hier helpt het bij" in text
    assert '<a href="../../paspoort/">Paspoort aanvragen</a>' in html


def test_barrier_without_matching_products_has_no_product_list(built):
    text = text_of(built.html("hulp/weinig-tijd/index.html"))
    assert "Hier helpt het bij" not in text


def test_group_page_says_what_we_expect_and_derives_help_from_barriers(built):
    text = text_of(built.html("hulp/voor-nieuwkomers/index.html"))
    assert "Wat wij van u verwachten" in text and "U zegt welke taal u spreekt" in text
    assert "Wat u van ons mag verwachten" in text
    # From the barriers "taal" and "digitaal", not written again in the group.
    assert "Een tolk aan de telefoon" in text and "Hulp in de bibliotheek" in text


def test_policy_page_has_version_dates_approval_and_change_log(built):
    text = text_of(built.html("hulp/zo-helpen-wij-u/index.html"))
    assert "Versie: 1.1" in text
    assert "Geldig vanaf: 1 maart 2026" in text
    assert "Vastgesteld door: College van burgemeester en wethouders, op 10 februari 2026" in text
    assert "1.0 1 juni 2025 Eerste versie van het beleid." in text


def test_generated_pages_are_checked_and_their_findings_point_at_the_catalogue(site):
    text = (REPO / "data" / "hulp.yml").read_text(encoding="utf-8")
    line = text.splitlines().index("    title: Ik zie slecht") + 1
    long_title = (
        "title: Ik ben ten gevolge van een visuele beperking niet in staat om informatie op een"
        " scherm of op papier zonder hulpmiddelen tot mij te nemen"
    )
    site.write("data/hulp.yml", text.replace("title: Ik zie slecht", long_title))
    site.page("paspoort.md", GOOD_PRODUCT)
    result = site.build()
    assert result.code == 1
    # The title shows on the barrier page and in the list on the help overview: reported once, where it is written.
    assert result.text.count(f"data/hulp.yml:{line}: [readability.sentence-length]") == 1
    assert "content/hulp/" not in result.text


def test_with_checks_off_the_generated_pages_are_made_but_not_checked(site):
    # `checks: false` (to measure what the checks cost) runs no rule on any page, the generated ones included.
    text = (REPO / "data" / "hulp.yml").read_text(encoding="utf-8")
    long_title = (
        "title: Ik ben ten gevolge van een visuele beperking niet in staat om informatie op een"
        " scherm of op papier zonder hulpmiddelen tot mij te nemen"
    )
    site.write("data/hulp.yml", text.replace("title: Ik zie slecht", long_title))
    site.write("mkdocs.yml", mkdocs_yml(helder="checks: false\n"))
    site.page("paspoort.md", GOOD_PRODUCT)
    result = site.build()
    assert result.code == 0, result.text
    assert "readability" not in result.text
    assert "zonder hulpmiddelen tot mij te nemen" in site.html("hulp/index.html")


def test_catalogue_error_fails_the_build_at_the_data_file_line(site):
    text = (REPO / "data" / "hulp.yml").read_text(encoding="utf-8")
    line = text.splitlines().index('    phone: "14 0123"') + 1
    site.write("data/hulp.yml", text.replace('    phone: "14 0123"', '    phone: "14"', 1))
    site.page("paspoort.md", GOOD_PRODUCT)
    result = site.build()
    assert result.code == 1
    assert f'data/hulp.yml:{line}: [help.phone] Het telefoonnummer "14"' in result.text
