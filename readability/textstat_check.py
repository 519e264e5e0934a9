"""textstat as a second opinion on our formulas, used the safe way.

The engine computes its scores itself (it must count words and sentences on Markdown, which textstat cannot).
textstat is still the reference implementation of Flesch-Douma, so the tests hand it the same clean prose and
compare. Three traps decide how it is called:

- `textstat.set_lang` changes one module-wide object: two pages in different languages would interfere. We
  keep our own `textstatistics` instance per language instead.
- An unknown language silently gets English constants: `check_language` runs first.
- Its English syllable counter downloads NLTK's cmudict at run time and fails offline. English is therefore
  refused here for syllable-based scores; LIX (no syllables) is allowed for both languages.

textstat is imported lazily: importing it loads NLTK, which costs ~0.4 s that a build does not need.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from .errors import ReadabilityConfigError
from .languages import check_language

_TEXTSTAT_LANG = {"nl": "nl", "en": "en_US"}


@cache
def _instance(lang: str) -> Any:
    from textstat.textstat import textstatistics  # lazy: pulls in nltk

    instance = textstatistics()
    instance.set_lang(_TEXTSTAT_LANG[lang])  # on this instance only, never the module-wide one
    return instance


def textstat_flesch(text: str, lang: str) -> float:
    """textstat's Flesch score for clean prose: Flesch-Douma for Dutch. English is refused (it downloads)."""
    lang = check_language(lang)
    if lang != "nl":
        raise ReadabilityConfigError(
            "textstat counts English syllables with NLTK's cmudict, which it downloads at run time; "
            "use readability.analyze_text for English scores"
        )
    return float(_instance(lang).flesch_reading_ease(text))


def textstat_lix(text: str, lang: str) -> float:
    """textstat's LIX (no syllables, so safe in every language)."""
    return float(_instance(check_language(lang)).lix(text))


def textstat_counts(text: str, lang: str) -> dict[str, float]:
    """textstat's own counts (Dutch only): words, sentences, syllables, long words."""
    lang = check_language(lang)
    if lang != "nl":
        raise ReadabilityConfigError(
            "textstat counts are only used for Dutch (English syllables need a download)"
        )
    stats = _instance(lang)
    return {
        "words": stats.lexicon_count(text),
        "sentences": stats.sentence_count(text),
        "syllables": stats.syllable_count(text),
        "long_words": stats.long_word_count(text),
    }
