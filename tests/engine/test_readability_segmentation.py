"""Markdown segmentation: which text is prose, where sentences end, and on which source line they start."""

from __future__ import annotations

import pytest

from readability import analyze_markdown, segment_markdown
from readability.segment import parse


def sentences(markdown: str, first_line: int = 1) -> list[tuple[int, str, str]]:
    """(line, kind, text) of every sentence, as the rules see them."""
    return [
        (s.line, s.kind, s.text) for s in analyze_markdown(markdown, "nl", first_line=first_line).sentences
    ]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        pytest.param(
            "# Paspoort aanvragen\nU vraagt het aan bij de balie.\n",
            [(1, "title", "Paspoort aanvragen"), (2, "paragraph", "U vraagt het aan bij de balie.")],
            id="heading-without-full-stop-is-its-own-unit",
        ),
        pytest.param(
            "Neem mee:\n\n- uw oude paspoort\n- een pasfoto\n",
            [
                (1, "paragraph", "Neem mee"),
                (3, "list-item", "uw oude paspoort"),
                (4, "list-item", "een pasfoto"),
            ],
            id="list-items-are-units",
        ),
        pytest.param(
            "1. Maak een afspraak\n2. Kom naar het stadhuis\n",
            [(1, "list-item", "Maak een afspraak"), (2, "list-item", "Kom naar het stadhuis")],
            id="numbered-steps-are-units",
        ),
        pytest.param(
            "| Product | Prijs |\n|---|---|\n| Paspoort | € 84,00 |\n",
            [
                (1, "table-cell", "Product"),
                (1, "table-cell", "Prijs"),
                (3, "table-cell", "Paspoort"),
                (3, "table-cell", "€ 84,00"),
            ],
            id="table-cells-are-units",
        ),
        pytest.param(
            '!!! note "Let op"\n    Neem uw oude paspoort mee.\n',
            [(1, "admonition-title", "Let op"), (2, "admonition", "Neem uw oude paspoort mee.")],
            id="admonition-title-is-a-unit",
        ),
        pytest.param(
            "!!! tip\n    Kom op tijd.\n",
            [(2, "admonition", "Kom op tijd.")],
            id="generated-admonition-title-is-not-the-authors-text",
        ),
        pytest.param(
            "Termijn\n: Acht weken.\n",
            [(1, "term", "Termijn"), (2, "definition", "Acht weken.")],
            id="definition-list",
        ),
        pytest.param(
            "*[BSN]: Burgerservicenummer\n*[DigiD]: Digitale identiteit\n\nHeeft u een BSN?\n",
            [(4, "paragraph", "Heeft u een BSN?")],
            id="abbreviation-definitions-skipped",
        ),
        pytest.param(
            '??? note "Meer weten"\n    Kom op tijd.\n',
            [(1, "admonition-title", "Meer weten"), (2, "admonition", "Kom op tijd.")],
            id="collapsible-admonition",
        ),
        pytest.param(
            "> Kom op tijd.\n",
            [(1, "quote", "Kom op tijd.")],
            id="blockquote",
        ),
        pytest.param(
            "Kom op tijd.\n\n```\nDit is code. Het telt niet mee.\n```\n\n    ook dit is code\n\nKlaar.\n",
            [(1, "paragraph", "Kom op tijd."), (9, "paragraph", "Klaar.")],
            id="fenced-and-indented-code-skipped",
        ),
        pytest.param(
            "Typ `helder check --format json` in de terminal.\n",
            [(1, "paragraph", "Typ helder check --format json in de terminal.")],
            id="inline-code-shown-but-not-counted",
        ),
        pytest.param(
            '<div class="x">\nDit is HTML.\n</div>\n\nTekst <b>vet</b> hier.\n',
            [(5, "paragraph", "Tekst vet hier.")],
            id="html-skipped-text-between-inline-tags-kept",
        ),
        pytest.param(
            "Lees [de regels voor parkeren](https://www.gemeente.nl/parkeren) goed.\n",
            [(1, "paragraph", "Lees de regels voor parkeren goed.")],
            id="link-text-kept-url-dropped",
        ),
        pytest.param(
            "Zie <https://www.gemeente.nl> of https://www.gemeente.nl/a. Daarna klaar.\n",
            [
                (1, "paragraph", "Zie https://www.gemeente.nl of https://www.gemeente.nl/a."),
                (1, "paragraph", "Daarna klaar."),
            ],
            id="urls-skipped-full-stop-after-url-ends-sentence",
        ),
        pytest.param(
            "![Foto van het stadhuis](stadhuis.jpg)\n\nKom langs.\n",
            [(3, "paragraph", "Kom langs.")],
            id="image-alt-text-skipped",
        ),
        pytest.param(
            "## Kosten {#kosten}\n\nTekst{: .klein} hier.\n",
            [(1, "heading", "Kosten"), (3, "paragraph", "Tekst hier.")],
            id="attribute-lists-dropped",
        ),
        pytest.param(
            "Dit is een zin die doorloopt\nop de volgende regel. En nog een\nzin.\n",
            [
                (1, "paragraph", "Dit is een zin die doorloopt op de volgende regel."),
                (2, "paragraph", "En nog een zin."),
            ],
            id="wrapped-lines-join-and-keep-their-first-line",
        ),
    ],
)
def test_units_and_lines(markdown: str, expected: list[tuple[int, str, str]]) -> None:
    assert sentences(markdown) == expected


def test_inline_code_words_do_not_count() -> None:
    result = analyze_markdown("Typ `helder check --format json` in de terminal.", "nl")
    assert [w.text for w in result.sentences[0].words] == ["Typ", "in", "de", "terminal"]


def test_first_line_offsets_every_sentence() -> None:
    """The engine gets the body and the line of its first line, so front matter is counted."""
    assert sentences("# Titel\n\nTekst.\n", first_line=8) == [
        (8, "title", "Titel"),
        (10, "paragraph", "Tekst."),
    ]


def test_line_inside_a_wrapped_sentence() -> None:
    sentence = analyze_markdown(
        "Dit is een zin die\ndoorloopt op regel twee.\n", "nl", first_line=5
    ).sentences[0]
    second = next(w for w in sentence.words if w.text == "doorloopt")
    assert sentence.line == 5
    assert sentence.line_at(second.start) == 6


def test_pre_parsed_tokens_give_the_same_result() -> None:
    body = "# Titel\n\n- een\n- twee\n\n| a | b |\n|---|---|\n| c | d |\n"
    own = segment_markdown(body, 3)
    shared = segment_markdown(body, 3, tokens=parse(body))
    assert own == shared


def test_nested_list_in_admonition() -> None:
    body = '!!! note "Let op"\n    - Neem uw paspoort mee\n    - Kom op tijd\n'
    assert sentences(body) == [
        (1, "admonition-title", "Let op"),
        (2, "list-item", "Neem uw paspoort mee"),
        (3, "list-item", "Kom op tijd"),
    ]


def test_empty_body() -> None:
    result = analyze_markdown("", "nl")
    assert result.sentences == []
    assert result.scores.words == 0
    assert result.scores.flesch is None
