"""Passive constructions: found where the reader loses who acts; quiet where Dutch only looks passive."""

from __future__ import annotations

import pytest

from readability import analyze_text, find_passives
from readability.passive import is_participle_nl


def passives(text: str, lang: str = "nl") -> list[tuple[str, str]]:
    sentence = analyze_text(text, lang).sentences[0]
    return [(p.fragment, p.agent) for p in find_passives(sentence)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Uw aanvraag wordt binnen acht weken door de gemeente beoordeeld.",
            [("wordt binnen acht weken door de gemeente beoordeeld", "de gemeente")],
        ),
        ("Uw rijbewijs wordt door het CBR verstuurd.", [("wordt door het CBR verstuurd", "het CBR")]),
        ("Het formulier moet worden ingevuld en ondertekend.", [("worden ingevuld", "")]),
        ("Het geld werd op 1 mei betaald.", [("werd op 1 mei betaald", "")]),
        ("Uw gegevens worden opgenomen in de basisregistratie.", [("worden opgenomen", "")]),
        ("Uw aanvraag is door ons ontvangen.", [("is door ons ontvangen", "ons")]),
        (
            "Het plan is door de gemeenteraad vastgesteld.",
            [("is door de gemeenteraad vastgesteld", "de gemeenteraad")],
        ),
        ("U krijgt een brief als de aanvraag door ons is goedgekeurd.", [("is goedgekeurd", "ons")]),
        ("De aanvraag dient te worden ingediend bij de balie.", [("worden ingediend", "")]),
        (
            "De vergunning wordt middels een brief aan u verstrekt.",
            [("wordt middels een brief aan u verstrekt", "")],
        ),
        (
            "Het verzoek wordt door middel van een formulier gedaan.",
            [("wordt door middel van een formulier gedaan", "")],
        ),
        # Modal and future forms: the form of "worden" is the auxiliary.
        ("De vergunning zal binnen acht weken worden verleend.", [("worden verleend", "")]),
        ("Aan deze voorwaarde moet altijd worden voldaan.", [("worden voldaan", "")]),  # vol-daan as ge-daan
        (
            "Het voorstel werd gisteren door de raad aangenomen.",
            [("werd gisteren door de raad aangenomen", "de raad")],
        ),
        # "als monument" is not a clause: the participle after it belongs to "is".
        (
            "Het pand is door de gemeente als monument bestempeld.",
            [("is door de gemeente als monument bestempeld", "de gemeente")],
        ),
        # With an agent, the participle may stand far from "is".
        (
            "Het is door de rechtbank aan de aanvrager uitdrukkelijk toegestaan.",
            [("is door de rechtbank aan de aanvrager uitdrukkelijk toegestaan", "de rechtbank")],
        ),
        (
            "Er is door de directie besloten dat het kantoor sluit.",
            [("is door de directie besloten", "de directie")],
        ),
        # "zijn" without an agent in a long sentence: the reader needs to know who acts.
        (
            "De subsidie is aan de vereniging toegekend nadat de aanvraag volledig en tijdig was ingediend.",
            [("is aan de vereniging toegekend", ""), ("was ingediend", "")],
        ),
    ],
)
def test_dutch_passives(text: str, expected: list[tuple[str, str]]) -> None:
    assert passives(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Wij sturen u binnen acht weken een brief.",
        "Uw paspoort is verlopen.",  # perfect with "zijn": active
        "De kosten zijn gestegen.",
        "Hij is verhuisd naar Utrecht.",
        "Het stadhuis is gesloten op zondag.",  # a state, not an action
        "Dit formulier is bedoeld voor ondernemers.",
        "U bent verplicht om het te melden.",
        "Er zijn gesprekken met twaalf gemeenten.",  # ge-...-en noun, not a participle
        "In sommige gevallen is het gratis.",
        "U wordt lid van de bibliotheek.",
        "Als u 18 wordt, krijgt u een brief.",
        "Het is belangrijk dat u het formulier heeft ingevuld.",  # participle in another clause
        "Bent u het niet eens met ons besluit?",  # "besluit" is a noun
        "De regels zijn verschillend per gemeente.",
        # "zijn" + participle without an agent: a state as often as an action, so not reported
        "Uw aanvraag is ontvangen.",
        "Is uw paspoort kwijt? Is het gestolen?",
        "Er zijn gesprekken gevoerd met twaalf gemeenten.",
        "Alle stembureaus in Voorbeeld zijn goed te bereiken.",  # a name, not a participle
        "Een tolk kan een goed voorbeeld zijn.",  # voor-beeld is a noun
        # Copula sentences and short "zijn" sentences without an agent stay quiet.
        "De winkel is dicht op zondag.",
        "Wij zijn verhuisd.",
        "Uw pakket is bezorgd bij de buren op nummer 12.",
        "De speeltuin is opnieuw ingericht.",
        "De vergunning is geldig als u aan alle voorwaarden voldoet.",
    ],
)
def test_dutch_not_passive(text: str) -> None:
    assert passives(text) == []


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("gemaakt", True),
        ("aangevraagd", True),
        ("betaald", True),
        ("verstuurd", True),
        ("opgenomen", True),
        ("ingediend", True),
        ("verleend", True),
        ("geopend", True),
        ("ontvangen", True),
        ("besloten", True),  # be- in the place of ge-: gesloten
        ("voldaan", True),
        ("toegestaan", True),
        ("aangenomen", True),
        ("gemeenten", False),
        ("gesprekken", False),
        ("gezondheid", False),
        ("verschillend", False),
        ("besluit", False),
        ("bestand", False),
        ("gebied", False),
    ],
)
def test_participles(word: str, expected: bool) -> None:
    assert is_participle_nl(word) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Your application is reviewed by the council within eight weeks.", [("is reviewed", "the council")]),
        ("The form must be signed.", [("be signed", "")]),
        ("Your passport was sent to you by post.", [("was sent", "")]),
        ("It is not allowed.", [("is not allowed", "")]),
        ("We send you a letter.", []),
        ("This is based on the law.", []),
        ("You need a passport.", []),
    ],
)
def test_english_passives(text: str, expected: list[tuple[str, str]]) -> None:
    assert passives(text, "en") == expected
