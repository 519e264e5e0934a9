"""Which of the engine's two languages a piece of text is written in: a small, explainable guess.

The accessibility gate needs it for WCAG 3.1.1 and 3.1.2 (the declared `lang` must match the text). The method
is the oldest one that works: count the short, frequent words that only one of the two languages has (articles,
pronouns, prepositions, auxiliaries; the engine's own clause and auxiliary lists for the passive check are part
of them). Words that both languages share ("in", "is", "we", "was") count for neither. A guess needs enough
evidence (`min_hits` words) and a clear majority (`ratio`), otherwise the answer is None: a short label such as
"Contact" is never judged. Only Dutch and English are known; text in any other language gets None too.
"""

from __future__ import annotations

from typing import NamedTuple

from .passive import AUX_EN, AUX_NL_WORDEN, CLAUSE_WORDS_EN, CLAUSE_WORDS_NL
from .tokenizer import tokenize


def _words(text: str) -> frozenset[str]:
    """A word list written as one string (easier to read and edit than a list of quoted words)."""
    return frozenset(text.split())


_NL = _words(
    """
    de het een en van op te dat die voor met zijn niet aan er maar om ook als dan bij uit nog wel naar
    kan kunt kunnen tot je jij u uw wij ze hij zij wat wordt worden werd heeft hebben hebt moet moeten
    deze dit wie waar hoe geen meer over door onze ons mijn zo al ook vaak alleen zelf heel veel
    gemeente binnen tussen na zonder tegen omdat wanneer welke welk iets niets iemand niemand hier daar
    krijgt krijgen ontvangt ontvangen graag mogelijk echter ieder elke elk waarom sinds tijdens volgens
    """
)
_EN = _words(
    """
    the a an and of to that this for with are not at as by from or but it you your they he she what
    which who how can will would should have has had were been if there their our my more no about into
    than then also do does did its these those them his her get gets when where why please any each
    every some only just very may must might could shall
    """
)

#: Words that count as evidence for one language only (shared words such as "in" and "is" are removed).
DUTCH_WORDS: frozenset[str] = (_NL | CLAUSE_WORDS_NL | AUX_NL_WORDEN) - (_EN | CLAUSE_WORDS_EN | AUX_EN)
ENGLISH_WORDS: frozenset[str] = (_EN | CLAUSE_WORDS_EN | AUX_EN) - (_NL | CLAUSE_WORDS_NL | AUX_NL_WORDEN)


class LanguageGuess(NamedTuple):
    """The guessed language (`nl`, `en` or None) and the evidence: how many Dutch and English words."""

    language: str | None
    dutch: int
    english: int


def guess_language(text: str, *, min_hits: int = 3, ratio: float = 3.0) -> LanguageGuess:
    """Guess whether `text` is Dutch or English.

    A language wins with at least `min_hits` of its own words and `ratio` times as many as the other one.
    """
    dutch = english = 0
    for token in tokenize(text or ""):
        if token.kind != "word":
            continue
        word = token.text.lower()
        if word in DUTCH_WORDS:
            dutch += 1
        elif word in ENGLISH_WORDS:
            english += 1
    language = None
    if dutch >= min_hits and dutch >= ratio * max(english, 0.5):
        language = "nl"
    elif english >= min_hits and english >= ratio * max(dutch, 0.5):
        language = "en"
    return LanguageGuess(language, dutch, english)


def primary_subtag(lang: str) -> str:
    """`nl-NL` -> `nl`, `EN_gb` -> `en`, `` -> ``."""
    return (lang or "").strip().lower().replace("_", "-").split("-", 1)[0]
