"""Required sections as tables of Markdown bodies."""

from __future__ import annotations

import pytest
from helder.rules.sections import DEFAULT_SECTIONS, check_sections, effective_sections, normalise
from helder.source import parse_text

HEAD = "---\ntitle: T\nhelp: [telefoon]\n---\n# T\n\n"
STEPS = "## Stappen\n\n1. Een.\n2. Twee.\n\n"
DOCS = "## Wat heeft u nodig?\n\n- Paspoort.\n\n"
REST = "## Kosten\n\nGratis.\n\n## Hoe lang duurt het?\n\nEen dag.\n\n## Bezwaar maken\n\nSchrijf ons.\n"


def rules(body: str, head: str = HEAD, kinds=None) -> list[tuple[str, int | None]]:
    page = parse_text(head + body, "content/p.md")
    return [(h.rule, h.line) for h in check_sections(page, kinds or DEFAULT_SECTIONS)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (STEPS + DOCS + REST, []),
        (DOCS + REST, [("sections.steps-missing", None)]),
        ("## Stappen\n\n- Een.\n- Twee.\n\n" + DOCS + REST, [("sections.steps-list", 7)]),
        ("## Stappen\n\nBel ons.\n\n" + DOCS + REST, [("sections.steps-list", 7)]),
        (STEPS + REST, [("sections.documents-missing", None)]),
        (STEPS + "## Wat heeft u nodig?\n\nNiets.\n\n" + REST, [("sections.documents-list", 12)]),
        # aliases, case and punctuation do not matter
        ("## Zo vraagt u het aan\n\n1. Een.\n\n## wat heeft u nodig\n\n- X.\n\n" + REST, []),
        # the numbered list must be inside the section, not in the next one
        ("## Stappen\n\nTekst.\n\n## Let op\n\n1. Een.\n\n" + DOCS + REST, [("sections.steps-list", 7)]),
        # a sub-heading inside the section still counts as the section
        ("## Stappen\n\n### Eerst\n\n1. Een.\n\n" + DOCS + REST, []),
        (
            STEPS + DOCS,
            [
                ("sections.costs-missing", None),
                ("sections.duration-missing", None),
                ("sections.objection-missing", None),
            ],
        ),
    ],
)
def test_sections_table(body, expected):
    assert rules(body) == expected


def test_help_is_missing_without_keys_and_without_heading():
    head = "---\ntitle: T\n---\n# T\n\n"
    assert rules(STEPS + DOCS + REST, head=head) == [("sections.help-missing", None)]
    assert rules(STEPS + DOCS + REST + "## Hulp\n\nBel ons.\n", head=head) == []


def test_english_page_uses_english_headings():
    head = "---\ntitle: T\nlang: en\nhelp: [telefoon]\n---\n# T\n\n"
    body = "## Steps\n\n1. One.\n\n## What you need\n\n- A photo.\n\n## Costs\n\nFree.\n"
    found = rules(body, head=head)
    assert ("sections.steps-missing", None) not in found
    assert ("sections.documents-missing", None) not in found


def test_pages_that_are_not_products_opt_out():
    assert rules("Gewoon tekst.\n", head="---\ntitle: Home\ntype: page\n---\n# Home\n\n") == []


def test_site_can_add_an_alias_and_keep_the_defaults():
    kinds = effective_sections({"steps": {"headings": ["Aanvragen"]}})
    assert kinds["steps"].content == "numbered-list"
    assert kinds["steps"].required_for == ("product",)
    assert rules("## Aanvragen\n\n1. Een.\n\n" + DOCS + REST, kinds=kinds) == []


def test_site_can_require_a_recommended_section():
    kinds = effective_sections({"costs": {"required_for": ["product"]}})
    assert rules(STEPS + DOCS, kinds=kinds)[0] == ("sections.costs-missing", None)


def test_normalise():
    assert normalise(" Wat heeft u nodig? ") == normalise("wat heeft u  nodig") == "wat heeft u nodig"
