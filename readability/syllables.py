"""Syllables per word, from pyphen's hyphenation dictionaries, offline and cached.

Why pyphen and not textstat's own counter: for English, textstat looks words up in NLTK's cmudict and
downloads it at run time when it is missing. That fails on an offline build server (it raises
`LookupError`), and a build must never depend on the network. pyphen's `nl_NL` and `en_US` dictionaries ship
inside the wheel.

Why not pyphen's count alone: hyphenation dictionaries are made for breaking lines. They never leave a single
letter at the start or end of a line, so pyphen does not split "over", "open", "idee" or "iden-ti-teit"; and
at compound edges they produce fragments without a vowel ("af-va-l-ont-hef-fing") or split one vowel
("mi-li-eu"). Counting hyphenation points gives 1 syllable for "over" and 6 for "afvalontheffing". So:

- Dutch words whose vowel groups are all plain vowels or standard combinations (aa, ie, oe, ui, eeu, ...) —
  most words — have exactly one syllable per vowel group. No dictionary is needed, which also matters for
  speed: pyphen takes ~60 µs for a long compound on these machines, the vowel count ~1 µs.
- Other words (hiatus such as na-ti-o-naal, ide-aal, a diaeresis as in ge-ïn-te-res-seerd) are split by
  pyphen, and we count the vowel groups inside its fragments (a fragment without a vowel adds nothing).
- English always goes through pyphen's `en_US` fragments, with one extra rule: a silent final "e" ("cate",
  "are") is no syllable.

A number (in an amount, date, time or phone number) counts as one syllable in total: how a number is read
aloud is unpredictable, and counting digits would punish exactly the concrete amounts and dates that
plain-language guidance asks for.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from pyphen import Pyphen

from .languages import PYPHEN_DICTIONARIES, check_language

_LETTERS = re.compile(r"[^\W\d_]+")
_DIGITS = re.compile(r"\d")
_VOWELS = frozenset("aeiouyáéíóúàèìòùâêîôûäëïöüÿ")
#: A vowel with a diaeresis starts a new syllable even after another vowel (ge-ïn-for-meerd, ide-eën).
_DIAERESIS = frozenset("äëïöüÿ")
_VOWEL_RUN = re.compile("[" + "".join(sorted(_VOWELS)) + "]+")
#: Dutch vowel sequences that are one syllable. A word whose vowel groups are all in here has as many
#: syllables as vowel groups; other sequences (io, ia, ea, ieu split by a compound edge) need pyphen.
_DUTCH_VOWEL_UNITS = frozenset(
    "a e i o u y aa ee oo uu ie oe ei eu ui ou au aai ooi oei eeu ieu".split()  # noqa: SIM905
)


@cache
def dictionary(lang: str) -> Pyphen:
    """One pyphen dictionary per language for the whole process (loading one takes a few milliseconds)."""
    return Pyphen(lang=PYPHEN_DICTIONARIES[lang])


def _vowel_groups(fragment: str) -> int:
    groups = 0
    previous_vowel = False
    for ch in fragment:
        vowel = ch in _VOWELS
        if vowel and (not previous_vowel or ch in _DIAERESIS):
            groups += 1
        previous_vowel = vowel
    return groups


def _english_fragment(fragment: str, last: bool) -> int:
    groups = _vowel_groups(fragment)
    # A final "e" after a consonant is silent ("cate", "are"), except in "-le" ("ple", "ble").
    if (
        last
        and groups > 1
        and len(fragment) >= 3
        and fragment.endswith("e")
        and fragment[-2] not in _VOWELS
        and not fragment.endswith("le")
    ):
        groups -= 1
    return groups


def _pyphen_syllables(run: str, lang: str) -> int:
    positions = dictionary(lang).positions(run)
    bounds = [0, *positions, len(run)]
    fragments = [run[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    if lang == "en":
        count = sum(_english_fragment(f, i == len(fragments) - 1) for i, f in enumerate(fragments))
    else:
        # A fragment without a vowel ("af-va-l-ont") is pyphen marking a compound edge, not a syllable.
        count = sum(_vowel_groups(f) for f in fragments)
    return max(1, count)


@lru_cache(maxsize=1 << 17)
def _letter_run_syllables(run: str, lang: str) -> int:
    if lang == "nl":
        runs = _VOWEL_RUN.findall(run)
        if all(r in _DUTCH_VOWEL_UNITS for r in runs):
            return max(1, len(runs))
    return _pyphen_syllables(run, lang)


@lru_cache(maxsize=1 << 17)
def _profile(text: str, lang: str) -> tuple[int, int]:
    lowered = text.lower()
    runs = _LETTERS.findall(lowered)
    syllables = sum(_letter_run_syllables(run, lang) for run in runs)
    if _DIGITS.search(lowered):
        syllables += 1
    letters = sum(len(run) for run in runs)
    return max(1, syllables), letters


def word_profile(text: str, lang: str) -> tuple[int, int]:
    """(syllables, letters) of one word as the tokenizer found it: "e-mailadres", "€ 84,00", "12 oktober
    2026".

    Letter parts are counted with pyphen; all digits together count as one syllable; a word has at least one.
    `letters` counts letters only (for LIX's "long word" of more than six letters), so "12-10-2026" is short.
    """
    return _profile(text, check_language(lang))


def count_syllables(word: str, lang: str) -> int:
    """Syllables in one word (see `word_profile`)."""
    return word_profile(word, lang)[0]


def cache_clear() -> None:
    """Forget cached counts (for benchmarks that must not be flattered by a warm cache)."""
    _profile.cache_clear()
    _letter_run_syllables.cache_clear()
