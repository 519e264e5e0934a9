"""The jargon lists and the matcher: inflection, phrases, word boundaries, site lists, broken lists."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from readability import WordListError, analyze_text, builtin_word_list, site_word_list
from readability.jargon import JargonEntry, WordList, entries_from_data, normalize_term, unknown_terms

DATA = Path(__file__).resolve().parents[2] / "readability" / "data"


def found(text: str, lang: str = "nl", words: WordList | None = None) -> list[tuple[str, str]]:
    """(term, text as written) of every match in `text`."""
    words = words or builtin_word_list(lang)
    return [(m.entry.term, m.found) for s in analyze_text(text, lang).sentences for m in words.find(s)]


def test_dutch_list_is_large_and_every_entry_says_what_to_write() -> None:
    raw = yaml.safe_load((DATA / "jargon-nl.yml").read_text(encoding="utf-8"))
    assert len(raw) >= 150
    words = builtin_word_list("nl")
    assert len(words) == len(raw), "a term is listed twice: the second silently replaces the first"
    assert all(entry.alternatives or entry.note for entry in words.entries)


def test_english_list() -> None:
    raw = yaml.safe_load((DATA / "jargon-en.yml").read_text(encoding="utf-8"))
    assert len(builtin_word_list("en")) == len(raw) >= 40


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_term_finds_itself(lang: str) -> None:
    words = builtin_word_list(lang)
    for entry in words.entries:
        matches = found(f"Zie {entry.term} hier.", lang, words)
        assert entry.term in [term for term, _ in matches], entry.term


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_alternative_is_itself_jargon(lang: str) -> None:
    words = builtin_word_list(lang)
    for entry in words.entries:
        for alternative in entry.alternatives:
            assert found(alternative, lang, words) == [], (entry.term, alternative)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Conform de regels.", [("conform", "Conform")]),
        ("Indien u vragen heeft, bel ons.", [("indien", "Indien")]),
        ("U dient te betalen.", [("dienen te", "dient te")]),
        (
            "U dient het formulier te ondertekenen.",
            [("dienen te", "dient … te"), ("ondertekenen", "ondertekenen")],
        ),
        ("Wij dienen alles te controleren.", [("dienen te", "dienen … te")]),
        ("Hij diende het bedrag te betalen.", [("dienen te", "diende … te")]),
        ("Wij verstrekken de pas.", [("verstrekken", "verstrekken")]),
        ("De gemeente verstrekt de pas.", [("verstrekken", "verstrekt")]),
        ("De gemeente verstrekte de pas.", [("verstrekken", "verstrekte")]),
        ("Dit gaat middels een brief.", [("middels", "middels")]),
        ("Ten behoeve van de aanvraag.", [("ten behoeve van", "Ten behoeve van")]),
        ("TEN BEHOEVE VAN de aanvraag.", [("ten behoeve van", "TEN BEHOEVE VAN")]),
        ("Dit is i.v.m. de wet.", [("in verband met", "i.v.m.")]),
        ("De markt vindt plaats op zaterdag.", [("plaatsvinden", "vindt plaats")]),
        ("U dient de aanvraag in bij de balie.", [("indienen", "dient … in")]),
        (
            "Uw verzoek wordt in behandeling genomen.",
            [("verzoeken", "verzoek"), ("in behandeling nemen", "in behandeling genomen")],
        ),
        ("Neem contact op met het loket.", []),
    ],
)
def test_matches(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "De conformiteit van het product is goed.",  # "conform" inside a longer word
        "Wij verwijderen de indieners niet.",  # "indien" inside "indieners"
        "De meded eling is kort.",  # "mede" must be a whole word
        "Ten, behoeve van de aanvraag.",  # a comma breaks a phrase
        "Typ `conform` in het veld.",  # inline code is not prose
    ],
)
def test_no_match(text: str) -> None:
    from readability import analyze_markdown

    words = builtin_word_list("nl")
    assert [m for s in analyze_markdown(text, "nl").sentences for m in words.find(s)] == []


def test_english_matches() -> None:
    assert found("In accordance with the rules, you must commence prior to May.", "en") == [
        ("in accordance with", "In accordance with"),
        ("commence", "commence"),
        ("prior to", "prior to"),
    ]


def test_longest_match_wins() -> None:
    assert found("Vanaf heden is het loket open.") == [("vanaf heden", "Vanaf heden")]


def test_site_list_adds_and_replaces(tmp_path: Path) -> None:
    extra = tmp_path / "ambtelijk.yml"
    extra.write_text(
        "- term: burgerzaken\n  alternatives: [de balie]\n"
        "- term: conform\n  alternatives: [zoals]\n  note: Onze eigen tip.\n",
        encoding="utf-8",
    )
    words = site_word_list("nl", extra)
    assert found("Ga naar burgerzaken conform de regels.", words=words) == [
        ("burgerzaken", "burgerzaken"),
        ("conform", "conform"),
    ]
    assert next(e for e in words.entries if e.term == "conform").note == "Onze eigen tip."
    # The site list holds the warnings (what words.jargon reports): the built-in ones plus the site's own.
    assert len(words) == len(builtin_word_list("nl").at_levels(["warning"])) + 1


def test_site_list_per_language(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yml"
    extra.write_text(
        "nl:\n  - term: loket\n    alternatives: [balie]\nen:\n  - term: counter\n    alternatives: [desk]\n",
        encoding="utf-8",
    )
    assert ("loket", "loket") in found("Ga naar het loket.", words=site_word_list("nl", extra))
    assert found("Go to the counter.", "en", words=site_word_list("en", extra)) == [("counter", "counter")]


def test_site_list_is_reread_when_it_changes(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yml"
    extra.write_text("- term: loket\n  alternatives: [balie]\n", encoding="utf-8")
    assert "loket" in site_word_list("nl", extra)
    extra.write_text("- term: stadswinkel\n  alternatives: [balie]\n", encoding="utf-8")
    words = site_word_list("nl", extra)
    assert "stadswinkel" in words and "loket" not in words


def test_remove_terms() -> None:
    words = site_word_list("nl", None, ["Indien", "ten  behoeve van"])
    assert found("Indien u wilt, ten behoeve van uw aanvraag.", words=words) == []
    assert "conform" in words


def test_unknown_removed_term_is_reported() -> None:
    assert unknown_terms(["indien", "indein"]) == ["indein"]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("term: conform\n", "expected a list"),
        ("- term: conform\n  level: error\n  alternatives: [volgens]\n", "level must be warning or tip"),
        ("- term: conform\n  swap: nee\n  alternatives: [volgens]\n", "swap must be true or false"),
        ("- conform\n", "not a mapping"),
        ("- alternatives: [volgens]\n", "has no term"),
        ("- term: conform\n", "give alternatives or a note"),
        ("- term: conform\n  alternative: [volgens]\n", "unknown key"),
        ("- term: conform\n  alternatives: [1, 2]\n", "list of words"),
        ("- term: conform\n  forms: [... te]\n  alternatives: [volgens]\n", "must stand between two words"),
        ("- term: x\n  alternatives: [y\n", "not valid YAML"),
        ("de:\n  - term: x\n    alternatives: [y]\n", "unknown language"),
    ],
)
def test_broken_site_list_is_a_clear_error(tmp_path: Path, content: str, problem: str) -> None:
    extra = tmp_path / "broken.yml"
    extra.write_text(content, encoding="utf-8")
    with pytest.raises(WordListError, match=problem) as caught:
        site_word_list("nl", extra)
    assert "broken.yml" in str(caught.value)


def test_missing_site_list(tmp_path: Path) -> None:
    with pytest.raises(WordListError, match="missing.yml"):
        site_word_list("nl", tmp_path / "missing.yml")


def test_entries_from_data_accepts_a_single_alternative_string() -> None:
    (entry,) = entries_from_data([{"term": "Middels", "alternatives": "met"}], "test")
    assert entry == JargonEntry("Middels", ("met",), "", ())
    assert normalize_term("  Ten   Behoeve van ") == "ten behoeve van"


# --- levels, sources and the review of issue 13 -----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_entry_has_a_level_and_a_source(lang: str) -> None:
    raw = yaml.safe_load((DATA / f"jargon-{lang}.yml").read_text(encoding="utf-8"))
    assert all(item.get("level") in ("warning", "tip") for item in raw)
    assert all(isinstance(item.get("source"), str) and item["source"] for item in raw)


@pytest.mark.parametrize(
    ("term", "level", "source"),
    [
        ("dienen te", "warning", "formeel"),
        ("ingevolge", "warning", "ambtelijk"),
        ("middels", "warning", "ambtelijk"),
        ("alvorens", "warning", "ambtelijk"),
        ("legitimatiebewijs", "tip", "gewoon"),  # borderline: most readers know it
        ("zienswijze", "tip", "wet"),
    ],
)
def test_levels_carried_by_the_loader(term: str, level: str, source: str) -> None:
    entry = next(e for e in builtin_word_list("nl").entries if e.term == term)
    assert (entry.level, entry.source) == (level, source)


@pytest.mark.parametrize("text", ["Wij hebben uw brief ontvangen.", "Koffie is verkrijgbaar in de kantine."])
def test_everyday_words_are_not_jargon(text: str) -> None:
    assert found(text) == []


def test_tips_are_not_in_the_warning_list() -> None:
    warnings = site_word_list("nl")
    tips = site_word_list("nl", levels=["tip"])
    assert "dienen te" in warnings and "dienen te" not in tips
    assert "legitimatiebewijs" in tips and "legitimatiebewijs" not in warnings
    assert len(warnings) + len(tips) == len(builtin_word_list("nl"))


def test_removing_a_tip_is_not_a_typo() -> None:
    assert unknown_terms(["legitimatiebewijs"]) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The gap never crosses into a new clause: "alvorens" is found, "dienen … in" is not.
        (
            "Alle kosten dienen te worden voldaan alvorens uw aanvraag in behandeling wordt genomen.",
            [("dienen te", "dienen te"), ("alvorens", "alvorens")],
        ),
        ("U dient, als u dat wilt, het formulier in te vullen.", []),
        # A word between "dient u" and "te".
        ("Dient u zich vooraf te melden?", [("dienen te", "Dient … te")]),
        ("Dient u het formulier zelf te sturen?", [("dienen te", "Dient … te")]),
        # "in te leveren" is the next verb, not "dient … in".
        ("U dient het formulier vóór 1 mei in te leveren.", [("dienen te", "dient … te")]),
        ("U dient de aanvraag in bij de balie.", [("indienen", "dient … in")]),
        # "maar dan wel" is not "dan wel" (= of).
        ("U kunt vandaag langskomen, maar dan wel vóór vijf uur.", []),
        ("Betaal met pin dan wel contant.", [("dan wel", "dan wel")]),
        # "verstreken" (passed) is not a form of "verstrekken" (to provide).
        ("De termijn is verstreken.", []),
    ],
)
def test_matching_fixes(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, words=builtin_word_list("nl")) == expected


@pytest.mark.parametrize(
    ("text", "replacement"),
    [
        ("Indien u vragen heeft, bel ons.", "Als"),  # the capital stays
        ("Wij sturen het middels een brief.", "met"),
        ("Het loket is thans gesloten.", "nu"),
        ("U dient te betalen.", None),  # a form ("dient"): "moeten" would need inflecting
        ("U dient het formulier te sturen.", None),  # words in between
        ("De gemeente verstrekt de pas.", None),  # a form of "verstrekken"
        ("De eigenaar, zijnde de huurder, betaalt.", None),  # "die ... is": needs a rewrite
    ],
)
def test_replacement(text: str, replacement: str | None) -> None:
    (sentence,) = analyze_text(text, "nl").sentences
    (match, *_) = builtin_word_list("nl").find(sentence)
    assert match.replacement == replacement
