"""The Samenwerkende Catalogi 4.0 feed: every product page as `overheidproduct:scproduct` metadata.

National search (overheid.nl) harvests this file; the UPL name and URI tie each page to the standard product.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass

from ..upl import upl_list

NS = {
    "overheidproduct": "http://standaarden.overheid.nl/product/terms/",
    "overheid": "http://standaarden.overheid.nl/owms/terms/",
    "dcterms": "http://purl.org/dc/terms/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
SCHEMA_LOCATION = (
    "http://standaarden.overheid.nl/product/terms/ http://standaarden.overheid.nl/sc/4.0/xsd/sc.xsd"
)
AUDIENCE = {"inwoners": "particulier", "ondernemers": "ondernemer"}

for prefix, uri in NS.items():
    ET.register_namespace(prefix, uri)


def q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


@dataclass
class FeedProduct:
    url: str
    title: str
    summary: str
    audience: list[str]
    online: str
    modified: dt.date
    lang: str
    upl: str | None
    product_id: str


#: Characters XML 1.0 does not allow (control characters, lone surrogates, non-characters). The front matter
#: rules report them; here they are left out, so the feed is always well-formed XML.
_NOT_XML = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: str) -> str:
    return _NOT_XML.sub("", value)


def _sub(parent: ET.Element, name: str, text: str | None = None, **attrs: str) -> ET.Element:
    attributes = {k.replace("__", ":"): xml_text(str(v)) for k, v in attrs.items()}
    element = ET.SubElement(parent, q(name), attributes)
    if text is not None:
        element.text = xml_text(str(text))
    return element


def build_feed(products: Iterable[FeedProduct], *, municipality: str, municipality_uri: str) -> bytes:
    root = ET.Element(q("overheidproduct:scproducten"), {f"{{{NS['xsi']}}}schemaLocation": SCHEMA_LOCATION})
    upl = upl_list()
    for product in products:
        item = _sub(root, "overheidproduct:scproduct", **{"owms-version": "4.0"})
        meta = _sub(item, "overheidproduct:meta")
        kern = _sub(meta, "overheidproduct:owmskern")
        _sub(kern, "dcterms:identifier", product.url)
        _sub(kern, "dcterms:title", product.title)
        _sub(kern, "dcterms:language", product.lang)
        _sub(kern, "dcterms:type", "productbeschrijving", scheme="overheid:Informatietype")
        _sub(kern, "dcterms:modified", product.modified.isoformat())
        _sub(
            kern,
            "dcterms:spatial",
            municipality,
            scheme="overheid:Gemeente",
            resourceIdentifier=municipality_uri,
        )
        _sub(
            kern,
            "overheid:authority",
            municipality,
            scheme="overheid:Gemeente",
            resourceIdentifier=municipality_uri,
        )
        mantel = _sub(meta, "overheidproduct:owmsmantel")
        for audience in product.audience:
            _sub(mantel, "dcterms:audience", AUDIENCE.get(audience, audience), scheme="overheid:Doelgroep")
        _sub(mantel, "dcterms:abstract", product.summary)
        sc = _sub(meta, "overheidproduct:scmeta")
        _sub(sc, "overheidproduct:productID", product.product_id)
        _sub(sc, "overheidproduct:onlineAanvragen", product.online)
        if product.upl and product.upl in upl:
            _sub(
                sc,
                "overheidproduct:uniformeProductnaam",
                upl[product.upl].name,
                scheme="overheid:UniformeProductnaam",
                resourceIdentifier=product.upl,
            )
        _sub(item, "overheidproduct:body")
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
