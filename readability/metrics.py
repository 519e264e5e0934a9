"""The readability formulas, computed from counts we made ourselves.

We count words, sentences and syllables with our own Markdown-aware segmentation (see `segment`, `tokenize`,
`syllables`), so the formulas are applied here directly instead of handing text back to textstat to be split
again the wrong way. The constants are textstat's (its `nl` config is Flesch-Douma) and the Dutch brief's; the
tests check each formula against hand-computed values and against textstat on the same clean prose.

- Flesch-Douma (nl):        206.835 − 0.93 × words/sentence − 77 × syllables/word
  (the brief's "206.84 − 0.77 × syllables per 100 words − 0.93 × words per sentence"; 60–70 normal,
  70–80 fairly easy, 80–90 easy).
- Flesch Reading Ease (en): 206.835 − 1.015 × words/sentence − 84.6 × syllables/word.
- Leesindex Brouwer (nl):   195 − 2 × words/sentence − 2/3 × syllables per 100 words
  (= 66.67 × syllables/word, the original definition; some texts round it to 67).
- LIX (any language):       words/sentence + 100 × long words/words, a long word having more than 6 letters.

None of them is clamped: a very bureaucratic text can score below 0 on Flesch-Douma, and we report that.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .languages import check_language

FLESCH_DOUMA = (206.835, 0.93, 77.0)
FLESCH_READING_EASE = (206.835, 1.015, 84.6)
BROUWER = (195.0, 2.0, 200.0 / 3.0)
#: LIX's long word: more than this many letters.
LIX_LONG_WORD_LETTERS = 6


def flesch_douma(words_per_sentence: float, syllables_per_word: float) -> float:
    base, per_sentence, per_word = FLESCH_DOUMA
    return base - per_sentence * words_per_sentence - per_word * syllables_per_word


def flesch_reading_ease(words_per_sentence: float, syllables_per_word: float) -> float:
    base, per_sentence, per_word = FLESCH_READING_EASE
    return base - per_sentence * words_per_sentence - per_word * syllables_per_word


def brouwer(words_per_sentence: float, syllables_per_word: float) -> float:
    base, per_sentence, per_word = BROUWER
    return base - per_sentence * words_per_sentence - per_word * syllables_per_word


def lix(words: int, sentences: int, long_words: int) -> float:
    if not words or not sentences:
        return 0.0
    return words / sentences + 100.0 * long_words / words


def flesch(lang: str, words_per_sentence: float, syllables_per_word: float) -> float:
    """The Flesch score of the language: Flesch-Douma for Dutch, Reading Ease for English."""
    if check_language(lang) == "nl":
        return flesch_douma(words_per_sentence, syllables_per_word)
    return flesch_reading_ease(words_per_sentence, syllables_per_word)


def flesch_name(lang: str) -> str:
    return "flesch_douma" if check_language(lang) == "nl" else "flesch_reading_ease"


@dataclass(frozen=True, slots=True)
class Scores:
    """Counts of a text (or one sentence) and the scores that follow from them."""

    lang: str
    words: int
    sentences: int
    syllables: int
    long_words: int

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0

    @property
    def flesch(self) -> float | None:
        """Flesch-Douma (nl) or Flesch Reading Ease (en); None for a text without words."""
        if not self.words:
            return None
        return flesch(self.lang, self.words_per_sentence, self.syllables_per_word)

    @property
    def brouwer(self) -> float | None:
        """Leesindex Brouwer: a Dutch formula, so None for English."""
        if not self.words or self.lang != "nl":
            return None
        return brouwer(self.words_per_sentence, self.syllables_per_word)

    @property
    def lix(self) -> float | None:
        if not self.words:
            return None
        return lix(self.words, self.sentences, self.long_words)

    @property
    def long_word_share(self) -> float:
        """Share (0–1) of words with more than six letters."""
        return self.long_words / self.words if self.words else 0.0

    def without(self, words: int, syllables: int, long_words: int) -> Scores:
        """The scores of the same text with one sentence taken out (to find the sentences that cost most)."""
        return Scores(
            self.lang,
            self.words - words,
            self.sentences - 1,
            self.syllables - syllables,
            self.long_words - long_words,
        )

    def as_dict(self, digits: int = 1) -> dict[str, Any]:
        """Plain, JSON-ready values (rounded) under the formula's own name."""

        def rounded(value: float | None) -> float | None:
            return None if value is None else round(value, digits)

        return {
            "lang": self.lang,
            "words": self.words,
            "sentences": self.sentences,
            "syllables": self.syllables,
            "words_per_sentence": round(self.words_per_sentence, 2),
            "syllables_per_word": round(self.syllables_per_word, 2),
            flesch_name(self.lang): rounded(self.flesch),
            "brouwer": rounded(self.brouwer),
            "lix": rounded(self.lix),
            "long_word_share": round(self.long_word_share, 3),
        }
