"""The `markdown.*` rules on tables of Markdown pages: which rule fires, on which source line.

Every case is a page body under the same four-line front matter, so body line 1 is source line 5; the
expected pairs are the complete list of `markdown.*` findings for that page (an unexpected extra finding fails
the case too).
"""

from __future__ import annotations

import re

import pytest
from helder.checker import make_context, run_rules
from helder.findings import Severity, format_text, sort_key
from helder.messages import all_messages
from helder.rules import markdown as rules
from helder.sanitize import REMOVED_ELEMENTS
from helder.source import parse_text

FRONT_MATTER = "---\ntitle: Paspoort aanvragen\nsummary: Zo vraagt u een paspoort aan.\n---\n"
FIRST = 5  # source line of the first body line

IMG = "markdown.image-alt"
LINK = "markdown.link-text"
HEAD = "markdown.heading-order"
FAKE = "markdown.fake-heading"
FILE = "markdown.file-link"
UNSAFE = "markdown.unsafe-html"


CONTEXTS = {lang: make_context(lang=lang) for lang in ("nl", "en")}


def check(body: str, *, lang: str = "nl", front_matter: str = FRONT_MATTER) -> list:
    page = parse_text(front_matter + body, "content/paspoort.md")
    return sorted(run_rules(page, CONTEXTS[lang], [rules]), key=sort_key)


def pairs(body: str) -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in check(body)]


def L(n: int) -> int:  # noqa: N802 - reads as "line n of the body" in the tables
    """Source line of body line `n` (1-based)."""
    return FIRST + n - 1


def cases(*rows: tuple[str, str, list[tuple[str, int]]]):
    return pytest.mark.parametrize(("body", "expected"), [pytest.param(b, e, id=i) for i, b, e in rows])


# --- markdown.image-alt ----------------------------------------------------------------------------------


@cases(
    ("alt-describes", "![Ingang van het stadhuis](stadhuis.jpg)\n", []),
    ("photo-of-is-fine", "![Foto van de balie in het stadhuis](balie.jpg)\n", []),
    ("decorative-role", '![](lijn.png){ role="presentation" }\n', []),
    ("decorative-role-with-alt", '![](lijn.png){ alt="" role="presentation" }\n', []),
    ("decorative-none", '![](lijn.png){ role="none" }\n', []),
    ("decorative-aria-hidden", '![](lijn.png){ aria-hidden="true" }\n', []),
    ("html-alt", '<img src="kaart.png" alt="Kaart van het centrum">\n', []),
    ("html-empty-alt-is-decorative", '<img src="lijn.png" alt="">\n', []),
    ("code-is-not-an-image", "`![](x.png)`\n\n```\n![](y.png)\n```\n", []),
    ("missing", "![](balie.jpg)\n", [(IMG, L(1))]),
    ("blank", "![   ](balie.jpg)\n", [(IMG, L(1))]),
    ("file-name", "![balie.jpg](balie.jpg)\n", [(IMG, L(1))]),
    ("camera-name", "![IMG_1234](IMG_1234.jpg)\n", [(IMG, L(1))]),
    ("camera-name-dsc", "![DSC01234](https://example.org/a.jpg)\n", [(IMG, L(1))]),
    ("screenshot-name", "![Schermafbeelding 2024-03-01 om 10.12.44](s.png)\n", [(IMG, L(1))]),
    ("stem-of-src", "![paspoort-voorbeeld-2](img/paspoort-voorbeeld-2.png)\n", [(IMG, L(1))]),
    ("vague-afbeelding", "![Afbeelding](a.png)\n", [(IMG, L(1))]),
    ("vague-foto-punctuation", "![Foto.](a.png)\n", [(IMG, L(1))]),
    ("vague-plaatje", "![plaatje](a.png)\n", [(IMG, L(1))]),
    ("vague-image", "![image](a.png)\n", [(IMG, L(1))]),
    ("vague-picture", "![Picture](a.png)\n", [(IMG, L(1))]),
    ("html-no-alt", '<img src="kaart.png">\n', [(IMG, L(1))]),
    ("html-vague-alt", '<p>\n<img src="kaart.png" alt="foto">\n</p>\n', [(IMG, L(2))]),
    ("inline-html-third-line", "Een\ntekst\nmet <img src=x.png> erin.\n", [(IMG, L(3))]),
    ("second-line-of-paragraph", "Tekst\nmeer tekst ![](a.png) en\nnog meer.\n", [(IMG, L(2))]),
    ("in-list-item", "- Eerste\n- Tweede ![](a.png)\n", [(IMG, L(2))]),
    ("after-blank-lines", "Tekst.\n\n\n\n![](a.png)\n", [(IMG, L(5))]),
)
def test_image_alt(body: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(body) == expected


# --- markdown.link-text ----------------------------------------------------------------------------------


@cases(
    ("describes", "[Maak een afspraak](afspraak.md)\n", []),
    ("contains-hier-but-says-more", "[Hier wonen en werken](wonen.md)\n", []),
    ("autolink", "<https://www.rijksoverheid.nl>\n", []),
    ("same-text-same-target", "[Afspraak](afspraak.md) en\n[afspraak](afspraak.md)\n", []),
    ("same-target-other-spelling", "[Afspraak](afspraak.md) en [Afspraak](afspraak/)\n", []),
    ("image-link-with-alt", "[![Logo van gemeente Voorbeeld](logo.png)](/)\n", []),
    ("html-icon-link-aria-label", '<a href="tel:14010" aria-label="Bel 14 010"></a>\n', []),
    ("tel-and-mailto", "[Bel 14 010](tel:14010) of [mail ons](mailto:info@voorbeeld.nl)\n", []),
    ("klik-hier", "Voor een afspraak [klik hier](afspraak.md).\n", [(LINK, L(1))]),
    ("klik-hier-punctuation-case", "[Klik hier!](afspraak.md)\n", [(LINK, L(1))]),
    ("hier", "Lees het [hier](a.md).\n", [(LINK, L(1))]),
    ("lees-meer-ellipsis", "[Lees meer…](a.md)\n", [(LINK, L(1))]),
    ("meer-informatie", "[Meer informatie](a.md)\n", [(LINK, L(1))]),
    ("meer-info", "[meer info](a.md)\n", [(LINK, L(1))]),
    ("deze-link", "[deze link](a.md)\n", [(LINK, L(1))]),
    ("link", "[link](a.md)\n", [(LINK, L(1))]),
    ("click-here", "[Click here](a.md)\n", [(LINK, L(1))]),
    ("here", "[here](a.md)\n", [(LINK, L(1))]),
    ("read-more", "[Read more](a.md)\n", [(LINK, L(1))]),
    ("more", "[More](a.md)\n", [(LINK, L(1))]),
    ("this-link", "[this link](a.md)\n", [(LINK, L(1))]),
    ("only-an-arrow", "[→](a.md)\n", [(LINK, L(1))]),
    ("empty", "[](a.md)\n", [(LINK, L(1))]),
    ("image-link-without-alt", "[![](logo.png)](/)\n", [(IMG, L(1)), (LINK, L(1))]),
    ("html-inline", 'Zie <a href="a.md">klik hier</a>.\n', [(LINK, L(1))]),
    ("html-block", '<p>\nTekst\n<a href="a.md">hier</a>\n</p>\n', [(LINK, L(3))]),
    (
        "aria-label-does-not-fix-visible-text",
        '<a href="a.md" aria-label="Afspraak">hier</a>\n',
        [(LINK, L(1))],
    ),
    ("third-line", "Een\ntwee\ndrie [hier](a.md)\n", [(LINK, L(3))]),
    ("after-hard-break", "Een  \ntwee\\\ndrie [hier](a.md)\n", [(LINK, L(3))]),
    ("after-multiline-code-span", "Typ `een\ncommando` en lees [hier](a.md)\n", [(LINK, L(2))]),
    ("after-multiline-html", 'Een <span\nclass="x">twee</span> [hier](a.md)\n', [(LINK, L(2))]),
    ("in-table-cell", "| Wat | Waar |\n|---|---|\n| Paspoort | [hier](a.md) |\n", [(LINK, L(3))]),
    ("in-admonition", '!!! note "Let op"\n    Kijk [hier](a.md).\n', [(LINK, L(2))]),
    ("in-heading", "## Lees [hier](a.md)\n", [(LINK, L(1))]),
    (
        "same-text-other-target",
        "[Aanvragen](paspoort.md)\n\nTekst.\n\n[aanvragen](rijbewijs.md)\n",
        [(LINK, L(5))],
    ),
    (
        "same-text-three-targets",
        "[Aanvragen](a.md)\n[Aanvragen](b.md)\n[Aanvragen](a.md)\n[Aanvragen](c.md)\n",
        [(LINK, L(2)), (LINK, L(4))],
    ),
    ("vague-is-not-also-a-duplicate", "[hier](a.md) en [hier](b.md)\n", [(LINK, L(1)), (LINK, L(1))]),
)
def test_link_text(body: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(body) == expected


def test_duplicate_link_text_names_the_first_line() -> None:
    (finding,) = check("[Aanvragen](paspoort.md)\n\nTekst.\n\n[Aanvragen](rijbewijs.md)\n")
    assert finding.line == L(5)
    assert finding.message == f'De linktekst "Aanvragen" gaat hier naar een andere plek dan op regel {L(1)}.'


# --- markdown.heading-order ------------------------------------------------------------------------------


@cases(
    ("in-order", "# Paspoort\n\n## Kosten\n\n### Met korting\n\n## Afspraak\n", []),
    ("no-h1-starts-at-h2", "## Kosten\n\n### Met korting\n", []),
    ("going-up-any-amount", "## A\n\n### B\n\n#### C\n\n## D\n", []),
    ("setext", "Paspoort\n========\n\nKosten\n------\n", []),
    ("no-headings", "Alleen tekst.\n", []),
    ("heading-in-code-is-not", "## A\n\n```\n#### niet\n```\n", []),
    ("skip-h2-to-h4", "## Kosten\n\n#### Korting\n", [(HEAD, L(3))]),
    ("skip-h1-to-h3", "# Paspoort\n\n### Kosten\n", [(HEAD, L(3))]),
    ("first-heading-h3", "Tekst.\n\n### Kosten\n", [(HEAD, L(3))]),
    ("second-h1", "# Paspoort\n\n## Kosten\n\n# Rijbewijs\n", [(HEAD, L(5))]),
    ("third-h1", "# A\n\n# B\n\n# C\n", [(HEAD, L(3)), (HEAD, L(5))]),
    ("h1-not-first", "## Kosten\n\n# Paspoort\n", [(HEAD, L(3))]),
    ("empty-heading", "## Kosten\n\n## \n", [(HEAD, L(3))]),
    ("empty-hashes-only", "# Paspoort\n\n##\n", [(HEAD, L(3))]),
    ("image-without-alt-only", "# Paspoort\n\n## ![](icoon.png)\n", [(HEAD, L(3)), (IMG, L(3))]),
    ("several", "# A\n\n## B\n\n#### C\n\n# D\n", [(HEAD, L(5)), (HEAD, L(7))]),
)
def test_heading_order(body: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(body) == expected


def test_heading_messages_say_what_to_type() -> None:
    (skip,) = check("## Kosten\n\n#### Korting\n")
    assert (
        skip.message
        == 'Na een kop van niveau 2 komt de kop "Korting" van niveau 4. Dat slaat een niveau over.'
    )
    assert skip.suggestion == "Maak er een kop van niveau 3 van. Zet dan ### voor de tekst."
    (extra,) = check("# Paspoort\n\n# Rijbewijs\n")
    assert f"regel {L(1)}" in extra.message


# --- markdown.fake-heading -------------------------------------------------------------------------------


@cases(
    ("bold-word-in-sentence", "Neem uw **oude** paspoort mee.\n", []),
    ("bold-sentence-with-full-stop", "**Neem uw oude paspoort mee.**\n", []),
    ("bold-exclamation", "**Let op!**\n", []),
    ("bold-in-tight-list", "- **Kosten**\n- **Afspraak**\n", []),
    ("bold-in-loose-list", "- **Kosten**\n\n- **Afspraak**\n", []),
    ("bold-in-table", "| Wat |\n|---|\n| **Kosten** |\n", []),
    ("bold-in-definition", "Paspoort\n:   **Kosten**\n", []),
    ("bold-link", "**[Maak een afspraak](afspraak.md)**\n", []),
    ("two-bold-parts", "**Kosten** en **afspraak**\n", []),
    ("bold-then-text-same-line", "**Kosten:** € 84,00 voor volwassenen.\n", []),
    ("bold-then-soft-break", "**Kosten**\nDe kosten zijn € 84,00.\n", []),
    (
        "long-bold-paragraph",
        "**Dit is een heel lange vette tekst met veel meer dan tien woorden erin zonder punt**\n",
        [],
    ),
    ("italic-only", "*Kosten*\n", []),
    ("bold", "**Kosten**\n\nDe kosten zijn € 84,00.\n", [(FAKE, L(1))]),
    ("underscores", "__Kosten__\n", [(FAKE, L(1))]),
    ("bold-italic", "***Kosten***\n", [(FAKE, L(1))]),
    ("italic-around-bold", "_**Kosten**_\n", [(FAKE, L(1))]),
    ("colon", "**Wat u nodig heeft:**\n\n- Een pasfoto\n", [(FAKE, L(1))]),
    ("question", "**Wat kost het?**\n", [(FAKE, L(1))]),
    ("bold-then-hard-break", "**Kosten**  \nDe kosten zijn € 84,00.\n", [(FAKE, L(1))]),
    ("in-admonition", '!!! note "Let op"\n    **Kosten**\n\n    Tekst.\n', [(FAKE, L(2))]),
    ("in-blockquote", "> **Kosten**\n", [(FAKE, L(1))]),
    ("after-text", "Tekst.\n\n**Kosten**\n", [(FAKE, L(3))]),
)
def test_fake_heading(body: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(body) == expected


def test_fake_heading_is_a_warning_and_suggests_the_next_level() -> None:
    (finding,) = check("## Paspoort\n\n**Kosten**\n")
    assert finding.severity is Severity.WARNING
    assert finding.message == 'De vette tekst "Kosten" lijkt een kop, maar is geen kop.'
    assert finding.suggestion.startswith("Maak er een echte kop van. Zet ### voor de tekst")


# --- markdown.file-link ----------------------------------------------------------------------------------


@cases(
    ("pdf-with-format-and-size", "[Aanvraagformulier (pdf, 120 kB)](formulier.pdf)\n", []),
    ("upper-case", "[Aanvraagformulier (PDF, 80KB)](formulier.PDF)\n", []),
    ("excel-decimal-comma", "[Begroting (Excel, 1,2 MB)](begroting.xlsx)\n", []),
    ("word", "[Brief (Word, 30 kB)](brief.docx)\n", []),
    ("odt-opendocument", "[Brief (OpenDocument, 30 kB)](brief.odt)\n", []),
    ("csv", "[Adressen (csv, 3 kB)](adressen.csv)\n", []),
    ("query-string", "[Formulier (pdf, 1 MB)](formulier.pdf?versie=2)\n", []),
    ("page-link", "[Paspoort aanvragen](paspoort.md)\n", []),
    ("pdf-in-the-name-of-a-page", "[Over pdf-bestanden](pdf-uitleg/)\n", []),
    ("mailto", "[Mail ons](mailto:info@voorbeeld.nl)\n", []),
    ("html-with-both", '<a href="formulier.pdf">Formulier (pdf, 120 kB)</a>\n', []),
    ("neither", "[Aanvraagformulier](formulier.pdf)\n", [(FILE, L(1))]),
    ("no-size", "[Aanvraagformulier (pdf)](formulier.pdf)\n", [(FILE, L(1))]),
    ("no-format", "[Aanvraagformulier (120 kB)](formulier.pdf)\n", [(FILE, L(1))]),
    ("wrong-format-word", "[Brief (pdf, 30 kB)](brief.docx)\n", [(FILE, L(1))]),
    ("absolute-url", "[Begroting](https://voorbeeld.nl/stukken/begroting.xlsx)\n", [(FILE, L(1))]),
    ("size-after-the-link-does-not-count", "[Formulier](f.pdf) (pdf, 120 kB)\n", [(FILE, L(1))]),
    ("powerpoint", "[Presentatie](p.pptx)\n", [(FILE, L(1))]),
    ("zip", "[Alle formulieren](formulieren.zip)\n", [(FILE, L(1))]),
    ("html", 'Download\n<a href="brief.odt">Brief</a>\n', [(FILE, L(2))]),
)
def test_file_link(body: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(body) == expected


@pytest.mark.parametrize(
    ("body", "message_part"),
    [
        ("[Formulier](f.pdf)\n", "Er staat niet bij welk soort en hoe groot."),
        ("[Formulier (pdf)](f.pdf)\n", "Er staat niet bij hoe groot het is."),
        ("[Formulier (120 kB)](f.pdf)\n", "Er staat niet bij welk soort bestand het is."),
    ],
)
def test_file_link_says_what_is_missing(body: str, message_part: str) -> None:
    (finding,) = check(body)
    assert message_part in finding.message
    assert '"(pdf, 120 kB)"' in finding.suggestion


# --- markdown.unsafe-html --------------------------------------------------------------------------------


@cases(
    ("fenced-code", "```html\n<script>alert(1)</script>\n```\n", []),
    ("indented-code", "Tekst.\n\n    <iframe src=x></iframe>\n", []),
    ("inline-code", "Gebruik nooit `<script>` of `[x](javascript:y)`.\n", []),
    ("comment", "<!-- <script>alert(1)</script> -->\n", []),
    ("word-marked-section", "<![if !supportLists]>1.<![endif]> Tekst\n\n<![foo]>\n", []),
    ("plain-words", "Schrijf nooit javascript: voor een adres.\n", []),
    ("harmless-html", '<div class="kaart">\n<p title="Kaart">Tekst</p>\n</div>\n', []),
    ("details", "<details>\n<summary>Meer over kosten</summary>\nTekst.\n</details>\n", []),
    ("table-alignment-style", '<table><tr><td style="text-align: left">x</td></tr></table>\n', []),
    ("data-image", "![Kaart van het centrum](data:image/png;base64,iVBORw0KGgo=)\n", []),
    ("tel-mailto-https", "[Bel ons](tel:14010), [mail](mailto:a@b.nl), [site](https://b.nl)\n", []),
    ("script-block", "Tekst.\n\n<script>\nalert(1)\n</script>\n", [(UNSAFE, L(3))]),
    ("script-inline", "Tekst <script>alert(1)</script> tekst.\n", [(UNSAFE, L(1))]),
    ("iframe", '<iframe src="https://www.youtube.com/embed/x"></iframe>\n', [(UNSAFE, L(1))]),
    ("object", '<object data="film.swf"></object>\n', [(UNSAFE, L(1))]),
    ("embed", '<embed src="film.swf">\n', [(UNSAFE, L(1))]),
    ("form", '<form action="https://voorbeeld.nl">\n<input name="bsn">\n</form>\n', [(UNSAFE, L(1))]),
    ("style", "<style>\nbody { display: none }\n</style>\n", [(UNSAFE, L(1))]),
    ("link", '<link rel="stylesheet" href="https://fonts.example/x.css">\n', [(UNSAFE, L(1))]),
    ("meta-refresh", '<meta http-equiv="refresh" content="0; url=https://example.org">\n', [(UNSAFE, L(1))]),
    ("base", '<base href="https://example.org/">\n', [(UNSAFE, L(1))]),
    ("event-attribute", '<img src="k.png" alt="Kaart" onerror="alert(1)">\n', [(UNSAFE, L(1))]),
    ("two-event-attributes", '<p onclick="a()" onmouseover="b()">x</p>\n', [(UNSAFE, L(1)), (UNSAFE, L(1))]),
    ("html-javascript-href", '<a href="javascript:alert(1)">Start</a>\n', [(UNSAFE, L(1))]),
    ("html-entity-in-scheme", '<a href="java&#x09;script:alert(1)">Start</a>\n', [(UNSAFE, L(1))]),
    ("html-data-html", '<a href="data:text/html;base64,PHNjcmlwdD4=">Start</a>\n', [(UNSAFE, L(1))]),
    ("vbscript", '<a href="vbscript:msgbox(1)">Start</a>\n', [(UNSAFE, L(1))]),
    ("svg-xlink", '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>\n', [(UNSAFE, L(1))]),
    ("css-url", '<div style="background: url(https://tracker.example/p.gif)">x</div>\n', [(UNSAFE, L(1))]),
    ("markdown-link", "Klik op [Start](javascript:alert(1)).\n", [(UNSAFE, L(1))]),
    ("markdown-link-mixed-case", "[Start](JaVaScRiPt:alert(1))\n", [(UNSAFE, L(1))]),
    ("markdown-link-entity", "[Start](javascript&colon;alert(1))\n", [(UNSAFE, L(1))]),
    ("markdown-link-angle", "[Start](<javascript:alert(1)>)\n", [(UNSAFE, L(1))]),
    ("markdown-image", "![Kaart](javascript:alert(1))\n", [(UNSAFE, L(1))]),
    ("markdown-bold-link", "[**Start**](javascript:alert(1))\n", [(UNSAFE, L(1))]),
    ("reference-definition", "[Start][s]\n\n[s]: javascript:alert(1)\n", [(UNSAFE, L(3))]),
    ("second-line", "Tekst\nen [Start](javascript:alert(1))\n", [(UNSAFE, L(2))]),
    ("deep-in-html-block", "<div>\n<p>Tekst</p>\n<iframe src=x></iframe>\n</div>\n", [(UNSAFE, L(3))]),
    ("tag-over-lines", 'Tekst <img\nsrc="k.png" alt="Kaart"\nonerror="alert(1)"> en\n', [(UNSAFE, L(1))]),
    ("after-multiline-tag", 'Een <span\nclass="x">twee</span> <b onclick="x">drie</b>\n', [(UNSAFE, L(2))]),
)
def test_unsafe_html(body: str, expected: list[tuple[str, int]]) -> None:
    assert pairs(body) == expected


@pytest.mark.parametrize("element", sorted(REMOVED_ELEMENTS))
def test_every_removed_element_is_reported(element: str) -> None:
    findings = check(f"<{element}>\n")
    assert [(f.rule, f.line) for f in findings] == [(UNSAFE, L(1))]
    assert f"<{element}>" in findings[0].message


# --- the page as a whole ---------------------------------------------------------------------------------


def test_format_matches_the_one_line_format() -> None:
    body = "\n" * 9 + "Maak een afspraak: [klik hier](afspraak.md).\n"
    (finding,) = check(body)
    assert format_text(finding) == (
        "Fout: content/paspoort.md:14: [markdown.link-text] "
        'De linktekst "klik hier" zegt niet waar de link heen gaat.'
        ' — Schrijf waar de link heen gaat, bijvoorbeeld "Maak een afspraak".'
    )
    assert format_text(finding, "en").startswith("Error: content/paspoort.md:14: [markdown.link-text] ")


def test_lines_without_front_matter_and_with_windows_line_ends() -> None:
    page = parse_text("# Paspoort\r\n\r\n#### Kosten\r\n", "content/x.md")
    findings = run_rules(page, CONTEXTS["nl"], [rules])
    assert [(f.rule, f.line) for f in findings] == [(HEAD, 3)]
    crlf = "---\r\ntitle: x\r\n---\r\n\r\n[hier](a.md)\r\n"
    page = parse_text(crlf, "content/x.md")
    findings = run_rules(page, CONTEXTS["nl"], [rules])
    assert [(f.rule, f.line) for f in findings] == [(LINK, 5)]


def test_a_realistic_page_is_clean() -> None:
    body = """# Paspoort aanvragen

Een paspoort is een reisdocument. U vraagt het aan bij de gemeente.

## Wat u nodig heeft

- Een pasfoto die niet ouder is dan 6 maanden
- Uw oude paspoort

![Voorbeeld van een goede pasfoto](img/pasfoto.jpg)

## Kosten

| Wat | Kosten |
|---|---|
| Paspoort 18 jaar en ouder | € 84,00 |

!!! note "Let op"
    Neem uw **oude** paspoort mee.

## Aanvragen

1. [Maak een afspraak](afspraak.md).
2. Kom naar het stadhuis.

[Machtigingsformulier (pdf, 95 kB)](formulieren/machtiging.pdf)

Bel [14 010](tel:14010) of [mail ons](mailto:info@voorbeeld.nl).
"""
    assert check(body) == []


def test_findings_are_sorted_by_line() -> None:
    body = "#### Kosten\n\n[hier](a.md)\n\n![](a.png)\n"
    assert [f.line for f in check(body)] == [L(1), L(3), L(5)]


def test_english_messages() -> None:
    (finding,) = check("[klik hier](a.md)\n", lang="en")
    assert finding.message == 'The link text "klik hier" does not say where the link goes.'
    assert finding.suggestion == 'Say where the link goes, for example "Make an appointment".'


def test_every_rule_has_a_severity_and_reports_only_its_own_ids() -> None:
    ids = {rule.id for rule in rules.RULES}
    assert ids == {IMG, LINK, HEAD, FAKE, FILE, UNSAFE, "markdown.missing-file", "markdown.phone-link"}
    assert {rule.id for rule in rules.RULES if rule.severity is Severity.WARNING} == {
        FAKE,
        "markdown.phone-link",
    }


# --- the Dutch text itself is B1 (dogfood) ---------------------------------------------------------------

OFFICIALESE = ("dient", "indien", "middels", "conform", "ten behoeve van", "derhalve", "teneinde", "alsmede")
OWN_KEYS = sorted(key for key in all_messages() if key.startswith(("md_", "bc_saw_")))  # bc_saw_: issue 11


@pytest.mark.parametrize("key", OWN_KEYS)
def test_dutch_messages_are_short_and_plain(key: str) -> None:
    text, suggestion = all_messages()[key]["nl"]
    for part in (text, suggestion):
        plain = re.sub(r"\{[a-z_]+\}", "X", part)
        for sentence in re.split(r"(?<=[.?!])\s+", plain):
            assert len(sentence.split()) <= 15, sentence
        for word in OFFICIALESE:
            assert not re.search(rf"\b{word}\b", part.lower()), (key, word)
    assert all_messages()[key]["en"], key


# --- markdown.phone-link -----------------------------------------------------------------------------------

PHONE = "markdown.phone-link"


@cases(
    ("linked", "Bel [14 0123](tel:140123).\n", []),
    ("html-linked", 'Bel <a href="tel:140123">14 0123</a>.\n', []),
    ("code", "Typ `14 0123` in.\n", []),
    ("postcode-price-year", "Marktplein 1, 1234 AB. Het kost € 84,00 in 2026.\n", []),
    ("date", "Kom op 12-03-2026 of 03-12-2026.\n", []),
    ("short-number", "Bel ons op 14 0123.\n", [(PHONE, L(1))]),
    ("area-code", "Of bel 020 123 4567.\n", [(PHONE, L(1))]),
    ("dashes", "Bel 010-123 45 67 op werkdagen.\n", [(PHONE, L(1))]),
    ("free-number", "Bel gratis 0800 1234.\n", [(PHONE, L(1))]),
    ("from-abroad", "From abroad call +31 20 123 4567.\n", [(PHONE, L(1))]),
    ("second-line-in-list", "- Eerst dit\n- Bel 14 0123\n", [(PHONE, L(2))]),
    ("two-numbers", "Bel 14 0123 of 020 123 4567.\n", [(PHONE, L(1)), (PHONE, L(1))]),
)
def test_phone_link(body: str, expected: list[tuple[str, int]]) -> None:
    assert [p for p in pairs(body) if p[0] == PHONE] == expected


def test_phone_link_gives_the_link_to_type_and_a_replacement() -> None:
    (found,) = [f for f in check("Bel ons op 020 123 4567.\n") if f.rule == PHONE]
    assert found.severity is Severity.WARNING
    assert found.message == (
        "Het telefoonnummer 020 123 4567 is geen link. "
        "Op een telefoon kan de lezer er dan niet op tikken om te bellen."
    )
    assert found.suggestion == "Maak er een link van: [020 123 4567](tel:+31201234567)"
    assert found.replacement == "[020 123 4567](tel:+31201234567)"
