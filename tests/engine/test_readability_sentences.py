"""Nominal style, long enumerations and abbreviations: found where they carry a sentence, quiet elsewhere."""

from __future__ import annotations

import pytest

from readability import analyze_markdown, analyze_text
from readability.abbreviation import definitions, find_abbreviations, is_abbreviation
from readability.enumeration import find_enumerations
from readability.nominal import find_nominals


def nominals(text: str) -> list[tuple[str, str, str]]:
    """(fragment, empty verb, example) of every nominal-style finding in `text`."""
    return [
        (found.fragment, found.light, found.example)
        for sentence in analyze_text(text, "nl").sentences
        for found in find_nominals(sentence)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "De beoordeling van de aanvragen vindt plaats binnen acht weken.",
            [("beoordeling van de aanvragen", "vindt plaats", "wij beoordelen de aanvragen")],
        ),
        (
            "Na de invoering was er sprake van een toename van het aantal klachten.",
            [("toename van het aantal klachten", "sprake van", "het aantal klachten neemt toe")],
        ),
        # Two nouns with their object, no empty verb: still the nouns carry the sentence.
        (
            "De stijging van de kosten komt door de toename van de vraag.",
            [("stijging van de kosten", "", "de kosten stijgen")],
        ),
        # A separable verb splits around its object.
        (
            "De uitvoering van het onderhoud leidde tot overlast.",
            [("uitvoering van het onderhoud", "leidde tot", "wij voeren het onderhoud uit")],
        ),
    ],
)
def test_nominal_style(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert nominals(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Na de opening van het zwembad kunt u elke dag zwemmen.",  # one such noun: ordinary Dutch
        "Wij beoordelen de aanvragen binnen acht weken.",
        "De woning van uw ouders telt niet mee.",  # a thing, not an action
        "Meer informatie van de gemeente vindt u op de website.",
        "Wij nemen uw aanvraag in behandeling.",  # a fixed phrase: the jargon list's tip
    ],
)
def test_not_nominal_style(text: str) -> None:
    assert nominals(text) == []


def enumerations(text: str, lang: str = "nl") -> list[int]:
    """The number of items of every enumeration in `text`."""
    return [
        len(found.items)
        for sentence in analyze_text(text, lang).sentences
        for found in find_enumerations(sentence)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "De maatregelen zijn het isoleren van de daken, het vervangen van de oude ketels, het plaatsen "
            "van zonnepanelen op de gebouwen en het helpen van bewoners om zelf te verduurzamen.",
            [4],
        ),
        (
            "Wij kijken naar de hoogte van uw inkomen, de waarde van uw huis en de kosten van uw zorg thuis.",
            [3],
        ),
        # Five items or more: a list, however short each item is.
        (
            "Neem deze dingen mee naar de balie: uw paspoort, een pasfoto, uw oude rijbewijs, een bankpas en de brief.",
            [5],
        ),
        (
            "With the application for a permit we also need your cover letter, form, photo, bank card and passport.",
            [5],
        ),
    ],
)
def test_enumerations(text: str, expected: list[int]) -> None:
    lang = "en" if text.startswith("With") else "nl"
    assert enumerations(text, lang) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In de kantine zijn koffie, thee en water verkrijgbaar.",
        "Op het formulier vult u uw naam, adres en geboortedatum in.",
        "U kunt betalen met pin, contant of een tegoedbon.",
        "Bijvoorbeeld voor een uitbouw, een dakkapel aan de voorkant of een nieuw huis.",  # a short sentence
        "U vindt er groente, fruit, kaas, brood en vis.",  # five items, but a short sentence
        # Commas between clauses are not an enumeration.
        "Omdat de gemeente te weinig heeft gedaan, wat ook door het tekort kwam, heeft het college nu "
        "besloten om een bureau te vragen en dat kost geld.",
    ],
)
def test_not_enumerations(text: str) -> None:
    assert enumerations(text) == []


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("BSN", True),
        ("KvK", True),
        ("WOZ", True),
        ("DigiD", False),
        ("iDEAL", False),
        ("AA", False),
        ("Ik", False),
    ],
)
def test_is_abbreviation(word: str, expected: bool) -> None:
    assert is_abbreviation(word) is expected


def abbreviations(body: str, **options: object) -> list[tuple[str, int, str | None]]:
    """(abbreviation, line, suggested abbr line) of every abbreviation used before it is written out."""
    analysis = analyze_markdown(body, "nl")
    return [
        (found.text, found.sentence.line_at(found.word.start), found.definition)
        for found in find_abbreviations(analysis.sentences, defined=definitions(body), **options)
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "# Paspoort\n\nNeem uw paspoort mee.\n\nU heeft uw BSN nodig.\n",
            [("BSN", 5, "*[BSN]: burgerservicenummer")],
        ),
        ("Vraag het aan bij de XYZ.\n", [("XYZ", 1, None)]),  # unknown: the editor writes the full name
        # Written out at first use, before or after, or defined with the abbr extension.
        ("Uw burgerservicenummer (BSN) staat op uw paspoort. Neem uw BSN mee.\n", []),
        ("Uw BSN (burgerservicenummer) staat op uw paspoort.\n", []),
        ("Neem uw BSN mee.\n\n*[BSN]: burgerservicenummer\n", []),
        # Only the first use counts.
        ("Neem uw BSN mee. Uw BSN staat op de pas.\n", [("BSN", 1, "*[BSN]: burgerservicenummer")]),
        ("LET OP: DIT GELDT VOOR IEDEREEN.\n", []),  # capitals for emphasis, not abbreviations
        ("Bekijk het op tv of lees de krant. Dat mag ook in de EU.\n", []),
    ],
)
def test_abbreviations(body: str, expected: list[tuple[str, int, str | None]]) -> None:
    assert abbreviations(body) == expected


def test_protected_words_and_the_title() -> None:
    body = "Vraag de WOZ-beschikking op. De WOZ staat erop.\n"
    assert abbreviations(body) == [("WOZ", 1, "*[WOZ]: Waardering Onroerende Zaken")]
    assert abbreviations(body, protected=["woz"]) == []
    assert abbreviations(body, title="Waardering Onroerende Zaken (WOZ)") == []
