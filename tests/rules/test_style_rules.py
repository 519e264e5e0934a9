"""Style rules on real pages: the rule id, the line, the message and the fix an editor sees."""

from __future__ import annotations

import json

import pytest
from helder.checker import make_context, run_rules
from helder.config import load_options
from helder.findings import Finding, Severity, to_json
from helder.rules import style, words
from helder.rules.context import CheckContext
from helder.source import parse_text
from sitelib import GOOD_PRODUCT

from readability.frequency import judge

FRONT = "---\ntitle: Afvalpas aanvragen\nsummary: U vraagt een afvalpas aan.\ntype: page\n---\n"
FIRST = 6  # the first body line


def context(lang: str = "nl", protected: list[str] | None = None) -> CheckContext:
    return make_context(load_options({"protected_words": protected or []}), lang=lang)


def run(body: str, ctx: CheckContext | None = None, front: str = FRONT) -> list[Finding]:
    return run_rules(parse_text(front + body, "content/x.md"), ctx or context(), [style])


def of(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def test_rule_ids_and_default_levels() -> None:
    assert {rule.id: rule.severity for rule in style.RULES} == {
        "readability.rare-word": Severity.WARNING,
        "readability.compound": Severity.WARNING,
        "readability.nominal": Severity.WARNING,
        "readability.enumeration": Severity.WARNING,
        "readability.abbreviation": Severity.WARNING,
    }
    assert {rule.id: rule.severity for rule in words.RULES}["words.jargon-tip"] is Severity.INFO


def test_good_product_page_has_no_style_findings() -> None:
    assert run_rules(parse_text(GOOD_PRODUCT, "content/x.md"), context(), [style, words]) == []


def test_rare_word_once_per_page_at_its_first_line() -> None:
    findings = run("Er was een omissie.\n\nNog een omissie in de brief.\n")
    (finding,) = of(findings, "readability.rare-word")
    assert finding.line == FIRST
    assert finding.severity is Severity.WARNING
    assert finding.message == 'Veel lezers kennen het woord "omissie" niet. Het staat 2 keer op deze pagina.'
    assert finding.suggestion == (
        'Kies een woord dat meer mensen kennen. Of leg uit wat het betekent: "omissie betekent …".'
    )


def test_following_the_advice_silences_the_rule() -> None:
    assert run("Dat is een precaire zaak. Precair betekent: onzeker.\n") == []


def test_a_word_the_page_explains_is_not_reported() -> None:
    assert run("Neem de apostille mee. Een apostille is een stempel op uw akte.\n") == []


def test_protected_words_and_the_title_are_not_reported() -> None:
    body = "Bestel een omissiepas bij het loket.\n"
    assert of(run(body), "readability.rare-word")
    assert run(body, context(protected=["Omissiepas"])) == []
    assert run(body, front=FRONT.replace("Afvalpas aanvragen", "Omissiepas aanvragen")) == []


def test_words_of_the_national_product_list_are_not_reported() -> None:
    # "precariobelasting" is a UPL product name: a page about it must use it.
    assert run("U betaalt precariobelasting voor uw terras.\n") == []


def test_long_compound_with_a_split() -> None:
    (finding,) = run("Het muskusrattenbestrijdingsprogramma begint in mei.\n")
    assert (finding.rule, finding.line) == ("readability.compound", FIRST)
    assert finding.message == (
        'Het woord "muskusrattenbestrijdingsprogramma" is lang. De lezer moet het eerst in stukken knippen: '
        '"muskus" + "ratten" + "bestrijding" + "programma".'
    )
    assert finding.suggestion == (
        'Schrijf het in meer woorden, bijvoorbeeld "programma om muskusratten te bestrijden".'
    )


def test_nominal_style() -> None:
    (finding,) = run("Wij helpen u.\n\nDe beoordeling van de aanvragen vindt plaats in mei.\n")
    assert (finding.rule, finding.line) == ("readability.nominal", FIRST + 2)
    assert finding.message == (
        'In "beoordeling van de aanvragen" zit de actie in het woord "beoordeling". '
        'En "vindt plaats" zegt zelf niets.'
    )
    assert finding.suggestion == (
        'Schrijf het werkwoord, bijvoorbeeld: "wij beoordelen de aanvragen". Zeg erbij wie het doet.'
    )


def test_nominal_style_with_a_verb_of_change() -> None:
    (finding,) = run("De stijging van de kosten komt door de toename van de vraag.\n")
    assert finding.suggestion == 'Schrijf het werkwoord, bijvoorbeeld: "de kosten stijgen".'


def test_enumeration_says_make_it_a_list() -> None:
    body = (
        "Het plan bestaat uit het isoleren van de daken,\nhet vervangen van de oude ketels, het plaatsen van "
        "zonnepanelen en het helpen van bewoners om zelf te verduurzamen.\n"
    )
    (finding,) = run(body)
    assert (finding.rule, finding.line) == ("readability.enumeration", FIRST)
    assert finding.message == "Deze zin noemt 4 dingen achter elkaar. Dat is moeilijk te onthouden."
    assert finding.suggestion == (
        'Zet de onderdelen in een lijst, elk op een eigen regel. De lijst begint met "het isoleren van de daken".'
    )


def test_short_list_in_a_short_sentence_is_fine() -> None:
    assert run("In de kantine zijn koffie, thee en water te koop.\n") == []


def test_abbreviation_with_the_abbr_line_to_add() -> None:
    (finding,) = run("Neem uw paspoort mee.\n\nU heeft uw BSN nodig.\n")
    assert (finding.rule, finding.line) == ("readability.abbreviation", FIRST + 2)
    assert finding.message == 'De afkorting "BSN" staat hier zonder de hele naam.'
    assert finding.suggestion.endswith("Of zet deze regel onder aan de pagina: *[BSN]: burgerservicenummer")


def test_abbreviation_defined_with_the_abbr_extension() -> None:
    assert run("U heeft uw BSN nodig.\n\n*[BSN]: burgerservicenummer\n") == []


def test_jargon_tip_is_info_with_a_replacement_in_json() -> None:
    page = parse_text(FRONT + "U kunt uw adres wijzigen.\n", "content/x.md")
    (finding,) = run_rules(page, context(), [style, words])  # a tip, not a words.jargon warning
    assert (finding.rule, finding.severity, finding.line) == ("words.jargon-tip", Severity.INFO, FIRST)
    assert finding.message == '"wijzigen" kan eenvoudiger.'
    assert finding.suggestion == 'Schrijf bijvoorbeeld "veranderen" of "verandering".'
    assert finding.replacement == "veranderen"
    assert json.loads(to_json([finding]))[0]["replacement"] == "veranderen"


def test_findings_without_a_replacement_have_none_in_json() -> None:
    (finding,) = run("Er was een omissie.\n")
    assert "replacement" not in json.loads(to_json([finding]))[0]


def test_a_jargon_word_is_not_also_a_rare_word() -> None:
    # "mitsgaders" is rare, but words.jargon reports it with its plain alternative.
    assert judge("mitsgaders", "nl").kind == "rare"
    assert of(run("U betaalt de huur mitsgaders de kosten.\n"), "readability.rare-word") == []


@pytest.mark.parametrize(
    ("body", "rule", "message"),
    [
        (
            "There was an omission of forthwith payment.\n",
            "readability.rare-word",
            'Many readers do not know the word "forthwith".',
        ),
        (
            "U heeft uw BSN nodig.\n",
            "readability.abbreviation",
            'The abbreviation "BSN" is used here without its full name.',
        ),
    ],
)
def test_english_messages(body: str, rule: str, message: str) -> None:
    front = FRONT if rule != "readability.rare-word" else FRONT.replace("type: page", "type: page\nlang: en")
    (finding,) = of(run(body, context("en"), front=front), rule)
    assert finding.message == message
