"""The Samenwerkende Catalogi feed and the schema.org JSON-LD, from a real build."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest
from helder.outputs.feed import NS
from sitelib import GOOD_PRODUCT, mkdocs_yml

MANDATORY = [
    "overheidproduct:meta/overheidproduct:owmskern/dcterms:identifier",
    "overheidproduct:meta/overheidproduct:owmskern/dcterms:title",
    "overheidproduct:meta/overheidproduct:owmskern/dcterms:language",
    "overheidproduct:meta/overheidproduct:owmskern/dcterms:type",
    "overheidproduct:meta/overheidproduct:owmskern/dcterms:modified",
    "overheidproduct:meta/overheidproduct:owmskern/dcterms:spatial",
    "overheidproduct:meta/overheidproduct:owmskern/overheid:authority",
    "overheidproduct:meta/overheidproduct:owmsmantel/dcterms:audience",
    "overheidproduct:meta/overheidproduct:owmsmantel/dcterms:abstract",
    "overheidproduct:meta/overheidproduct:scmeta/overheidproduct:productID",
    "overheidproduct:meta/overheidproduct:scmeta/overheidproduct:onlineAanvragen",
    "overheidproduct:meta/overheidproduct:scmeta/overheidproduct:uniformeProductnaam",
]


@pytest.fixture
def built(site):
    site.write(
        "mkdocs.yml",
        "site_url: https://www.test.nl/\n"
        # A title with markup is refused (frontmatter.value); lowered here, the feed must still escape it.
        + mkdocs_yml(
            helder="municipality_uri: http://standaarden.overheid.nl/owms/terms/Test_(gemeente)\n"
            "rules:\n  frontmatter.value: warning\n"
        ),
    )
    site.page("index.md", "---\ntitle: Home\nsummary: Welkom.\ntype: page\n---\n# Home\n\nWelkom.\n")
    site.page("paspoort.md", GOOD_PRODUCT)
    site.page(
        "terras.md",
        GOOD_PRODUCT.replace("Paspoort aanvragen", "Terras & <stoelen>")
        .replace("[inwoners]", "[inwoners, ondernemers]")
        .replace("online: nee", "online: digid")
        .replace("/terms/paspoort", "/terms/terrasvergunning"),
    )
    result = site.build()
    assert result.code == 0, result.text
    return site


def test_feed_is_well_formed_with_every_mandatory_element(built):
    tree = ET.parse(built.root / "site" / "samenwerkende-catalogi.xml")  # raises when not well-formed
    root = tree.getroot()
    assert root.tag == "{http://standaarden.overheid.nl/product/terms/}scproducten"
    products = root.findall("overheidproduct:scproduct", NS)
    assert len(products) == 2  # product pages only, not the home page
    for product in products:
        assert product.get("owms-version") == "4.0"
        for path in MANDATORY:
            element = product.find(path, NS)
            assert element is not None and (element.text or "").strip(), path


def test_feed_values(built):
    root = ET.parse(built.root / "site" / "samenwerkende-catalogi.xml").getroot()
    by_title = {p.find(".//dcterms:title", NS).text: p for p in root.findall("overheidproduct:scproduct", NS)}
    terras = by_title["Terras & <stoelen>"]
    assert terras.find(".//dcterms:identifier", NS).text == "https://www.test.nl/terras/"
    assert [a.text for a in terras.findall(".//dcterms:audience", NS)] == ["particulier", "ondernemer"]
    assert terras.find(".//overheidproduct:onlineAanvragen", NS).text == "digid"
    upl = terras.find(".//overheidproduct:uniformeProductnaam", NS)
    assert upl.text == "terrasvergunning"
    assert upl.get("resourceIdentifier") == "http://standaarden.overheid.nl/owms/terms/terrasvergunning"
    assert terras.find(".//dcterms:modified", NS).text == "2026-10-01"
    authority = terras.find(".//overheid:authority", NS)
    assert authority.get("resourceIdentifier") == "http://standaarden.overheid.nl/owms/terms/Test_(gemeente)"
    assert by_title["Paspoort aanvragen"].find(".//dcterms:abstract", NS).text == (
        "U vraagt een paspoort aan bij de balie in het stadhuis."
    )


def jsonld(html: str) -> list[dict]:
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def test_product_page_has_government_service_json_ld(built):
    (data,) = jsonld(built.html("terras/index.html"))
    assert data["@context"] == "https://schema.org" and data["@type"] == "GovernmentService"
    assert data["name"] == "Terras & <stoelen>"
    assert data["description"] == "U vraagt een paspoort aan bij de balie in het stadhuis."
    assert data["serviceUrl"] == "https://www.test.nl/terras/"
    assert data["provider"] == {
        "@type": "GovernmentOrganization",
        "name": "Gemeente Test",
        "url": "https://www.test.nl/",
    }
    assert [a["audienceType"] for a in data["audience"]] == ["Inwoners", "Ondernemers"]


def test_pages_that_are_not_products_have_no_json_ld(built):
    assert jsonld(built.html("index.html")) == []


def test_json_ld_cannot_be_closed_by_page_text():
    from helder.outputs.jsonld import script_tag

    tag = script_tag({"name": "</script><script>alert(1)</script>"})
    assert tag.count("</script>") == 1
    assert json.loads(tag.split(">", 1)[1].rsplit("<", 1)[0])["name"] == "</script><script>alert(1)</script>"
