"""Word frequency, rare words and long compounds: rare words found, rare forms of common words left alone."""

from __future__ import annotations

import pytest

import readability
import readability.frequency as frequency
import readability.syllables as syllables
from readability import analyze_text
from readability.frequency import judge, split_compound, verb_of_noun, zipf
from readability.rare import compound_rewrite, explained_words, find_rare_words, normalize


def rare(text: str, lang: str = "nl", **options: frozenset[str]) -> list[tuple[str, str]]:
    """(word as written, kind) of every rare word or long compound in `text`."""
    return [
        (found.word.text, found.kind)
        for sentence in analyze_text(text, lang).sentences
        for found in find_rare_words(sentence, **options)
    ]


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        # Everyday words, also when the list has them as rare forms.
        ("ontvangen", "common"),
        ("paspoort", "common"),
        ("warmere", "common"),  # warm
        ("schonere", "common"),  # schoon
        ("natte", "common"),  # nat
        ("huizen", "common"),  # huis
        ("terugzwemmen", "common"),  # terug + zwemmen
        ("afvalpas", "common"),  # afval + pas
        ("hondenbelasting", "common"),  # honden + belasting
        ("omgevingsvergunning", "common"),  # two common parts
        ("burgerservicenummer", "common"),  # three common parts, 19 letters
        ("badmeester", "common"),
        ("leesbaarheid", "common"),  # lees-baar-heid
        ("erlangs", "common"),
        # Rare words.
        ("discrepanties", "rare"),
        ("omissie", "rare"),
        ("penibele", "rare"),
        ("futiele", "rare"),
        ("satisfactoir", "rare"),
        # Long compounds: judged by their parts, too long to read at once.
        ("muskusrattenbestrijdingsprogramma", "long-compound"),
        ("werkloosheidsuitkeringsaanvraag", "long-compound"),
        ("klanttevredenheidsonderzoek", "long-compound"),
        ("arbeidsongeschiktheidsverzekering", "long-compound"),
    ],
)
def test_judge(word: str, kind: str) -> None:
    assert judge(word, "nl").kind == kind


def test_zipf_values_are_wordfreqs() -> None:
    # The values TOOLCHAIN.md lists for wordfreq 3.1.1, read from its data file.
    assert (zipf("ontvangen", "nl"), zipf("alvorens", "nl"), zipf("penibele", "nl")) == (5.04, 3.96, 2.22)
    assert zipf("muskusrattenbestrijdingsprogramma", "nl") == 0.0


def test_zipf_falls_back_to_wordfreqs_api(monkeypatch: pytest.MonkeyPatch) -> None:
    """Should wordfreq move its data file, the public API gives the same numbers (only slower)."""
    monkeypatch.setattr(frequency, "_read_cbpack", lambda lang, size: None)
    frequency.table.cache_clear()
    try:
        assert frequency.table("nl")["ontvangen"] == 5.04
    finally:
        frequency.table.cache_clear()


def test_preload_loads_what_the_first_word_would_load() -> None:
    """`preload` (before forking checking processes) leaves nothing for the first word of a page to load."""
    frequency.table.cache_clear()
    syllables.dictionary.cache_clear()
    syllables.cache_clear()  # so the word below is counted now, with the dictionary
    try:
        readability.preload("nl")
        assert syllables.dictionary.cache_info().currsize == 1
        loaded = frequency.table.cache_info().currsize
        (
            zipf("ontvangen", "nl"),
            frequency.common_zipf("ontvangen", "en"),
            syllables.count_syllables("stadioninformatie", "nl"),
        )
        assert (frequency.table.cache_info().currsize, syllables.dictionary.cache_info().currsize) == (
            loaded,
            1,
        )
        assert frequency.table.cache_info().hits >= 2
        assert syllables.dictionary.cache_info().hits >= 1  # the word used the loaded dictionary
        with pytest.raises(readability.UnsupportedLanguageError):
            readability.preload("fy")
    finally:
        frequency.table.cache_clear()
        syllables.dictionary.cache_clear()
        syllables.cache_clear()


def test_compound_parts() -> None:
    parts = split_compound("muskusrattenbestrijdingsprogramma", "nl")
    assert [part.text for part in parts] == ["muskus", "ratten", "bestrijdings", "programma"]
    assert [part.word for part in parts][2] == "bestrijding"  # the linking s is not part of the word


@pytest.mark.parametrize(
    ("word", "rewrite"),
    [
        ("muskusrattenbestrijdingsprogramma", "programma om muskusratten te bestrijden"),
        ("uitstroombevorderingsbeleid", "beleid om uitstroom te bevorderen"),
        # "uitkering" names a thing, not an action: no verb.
        ("werkloosheidsuitkeringsaanvraag", "aanvraag voor werkloosheidsuitkering"),
        ("gezondheidszorgvoorzieningen", "voorzieningen voor gezondheidszorg"),
    ],
)
def test_compound_rewrite_gives_the_head_and_the_rest(word: str, rewrite: str) -> None:
    assert compound_rewrite(split_compound(word, "nl"), "nl") == rewrite


@pytest.mark.parametrize(
    ("noun", "verb"),
    [
        ("beoordeling", "beoordelen"),
        ("implementatie", "implementeren"),
        ("reductie", "reduceren"),
        ("toename", "toenemen"),
        ("woning", ""),  # a thing: "het wonen" is not what it means
        ("informatie", ""),  # far more common than "informeren": a word of its own
        ("uitkering", ""),
    ],
)
def test_verb_of_noun(noun: str, verb: str) -> None:
    assert verb_of_noun(noun, "nl") == verb


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De inspecteur zag diverse discrepanties in de administratie.", [("discrepanties", "rare")]),
        (
            "Het muskusrattenbestrijdingsprogramma start in mei.",
            [("muskusrattenbestrijdingsprogramma", "long-compound")],
        ),
        # Rare forms of common words, separable verbs, names, numbers, abbreviations: nothing.
        ("Het water is vandaag warmere dan gisteren.", []),
        ("Wij gaan terugzwemmen naar de kant.", []),
        ("U woont in Muskusrattenburg.", []),  # a capital inside a sentence: a name
        ("Log in met DigiD of eHerkenning.", []),
        ("Neem uw BSN mee.", []),
        ("Het kost € 84,00 per 12 maanden.", []),
        # A word rare in Dutch but everyday English is a foreign word (an English title on a Dutch page).
        ("Lees ook: Registering when you move from abroad.", []),
    ],
)
def test_rare_words_in_sentences(text: str, expected: list[tuple[str, str]]) -> None:
    assert rare(text) == expected


def test_protected_words_and_title_words_with_their_forms() -> None:
    text = "Dat was een omissie. Er zijn meer omissies."
    assert rare(text) == [("omissie", "rare"), ("omissies", "rare")]
    assert rare(text, protected=normalize(["Omissie"])) == []
    assert rare(text, title_words=normalize(["omissie"])) == []


def test_skip_holds_words_another_rule_reports() -> None:
    assert rare("Dat is een precaire zaak.", skip=frozenset({"precaire"})) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Een stemmal is een plaat met gaten.", "stemmal"),
        ("U betaalt voor de stoep. Dat heet precario.", "precario"),
        ("We call this stamp an apostille.", "apostille"),
    ],
)
def test_a_word_the_page_explains(text: str, word: str) -> None:
    assert word in explained_words(analyze_text(text, "nl").sentences)


def test_english_rare_words() -> None:
    assert rare("Pay the fee forthwith.", "en") == [("forthwith", "rare")]
    assert rare("You get a letter from the council.", "en") == []
