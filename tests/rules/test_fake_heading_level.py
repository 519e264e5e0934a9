"""`markdown.fake-heading` suggests the heading level that fits where the bold line stands (issue 12).

Right under a heading, a bold line is a part of that section: one level deeper (`## Stappen` then
`**Online**` is `###`). After text it starts a new section beside the last heading (`## Stappen`, the steps,
then `**Kosten**` is `##`). Bold lines under one heading are beside each other, so they get the same level.
"""

from __future__ import annotations

import pytest
from helder.rules.markdown import fake_heading
from helder.source import parse_text


@pytest.mark.parametrize(
    ("body", "suggested"),
    [
        pytest.param("**Kosten**\n\nTekst.\n", ["##"], id="no-heading-yet"),
        pytest.param("# Paspoort\n\nTekst.\n\n**Kosten**\n\nTekst.\n", ["##"], id="after-text-under-h1"),
        pytest.param("# Paspoort\n\n**Kosten**\n\nTekst.\n", ["##"], id="right-under-h1"),
        pytest.param(
            "## Stappen\n\n1. Bel ons.\n\n**Kosten**\n\nTekst.\n", ["##"], id="after-a-list-beside-h2"
        ),
        pytest.param("## Stappen\n\nTekst.\n\n**Kosten**\n\nTekst.\n", ["##"], id="after-text-beside-h2"),
        pytest.param("## Stappen\n\n**Online**\n\n1. Log in.\n", ["###"], id="right-under-h2"),
        pytest.param(
            "## Stappen\n\n**Online**\n\n1. Log in.\n\n**Aan de balie**\n\n1. Kom langs.\n",
            ["###", "###"],
            id="two-parts-of-one-section",
        ),
        pytest.param(
            "## Stappen\n\nTekst.\n\n### Online\n\nTekst.\n\n**Aan de balie**\n\nTekst.\n",
            ["###"],
            id="beside-an-h3",
        ),
        pytest.param(
            "## Stappen\n\n**Online**\n\nTekst.\n\n## Kosten\n\nTekst.\n\n**Bezwaar maken**\n\nTekst.\n",
            ["###", "##"],
            id="a-new-heading-starts-afresh",
        ),
        pytest.param("## Stappen\n\n| a |\n|---|\n| b |\n\n**Kosten**\n", ["##"], id="after-a-table"),
        pytest.param("###### Diep\n\n**Nog dieper**\n", ["######"], id="never-deeper-than-six"),
    ],
)
def test_the_suggested_level_fits_the_place(body: str, suggested: list[str]) -> None:
    hits = fake_heading(parse_text(body, "content/x.md").tokens)
    assert [hit.values["hashes"] for hit in hits] == suggested
