"""Helder's readability engine: Dutch (and English) service-page text in, sentences with lines and scores out.

It knows Markdown (a heading, list item or table cell is its own unit; code and URLs are skipped), Dutch
service-page tokens (amounts, dates, phone numbers, postcodes, abbreviations) and the Dutch formulas
(Flesch-Douma, Leesindex Brouwer, LIX), and at word and sentence level: passives, officialese, rare words and
long compounds (by wordfreq's frequency lists, offline), nominal style, long enumerations and abbreviations.
It never imports MkDocs or Helder, so it can be tested and reused on its own; Helder's rules
(`helder.rules.readability`, `helder.rules.words`, `helder.rules.style`) turn its results into findings.

```python
from readability import analyze_markdown
result = analyze_markdown(page.body, "nl", first_line=page.body_line)
result.scores.flesch, result.scores.lix, [(s.line, s.word_count) for s in result.sentences]
```

Nothing here downloads anything: syllables come from pyphen's bundled dictionaries, and textstat (whose
English path fetches NLTK data) is only used, lazily, to cross-check the formulas
(`readability.textstat_check`).
"""

from __future__ import annotations

from . import frequency, syllables
from .abbreviation import Abbreviation, find_abbreviations
from .analysis import Sentence, TextAnalysis, Word, analyze_markdown, analyze_text
from .enumeration import Enumeration, find_enumerations
from .errors import ReadabilityConfigError, UnsupportedLanguageError, WordListError
from .jargon import JargonEntry, JargonMatch, WordList, builtin_word_list, site_word_list, unknown_terms
from .languages import SUPPORTED_LANGUAGES, check_language
from .metrics import Scores, brouwer, flesch, flesch_douma, flesch_name, flesch_reading_ease, lix
from .nominal import Nominal, find_nominals
from .passive import Passive, find_passives
from .rare import RareWord, find_rare_words
from .segment import Unit, segment_markdown, segment_text
from .split import SplitPoint, suggest_split
from .syllables import count_syllables, word_profile
from .tokenizer import Token, tokenize

__all__ = [
    "SUPPORTED_LANGUAGES",
    "Abbreviation",
    "Enumeration",
    "Nominal",
    "RareWord",
    "find_abbreviations",
    "find_enumerations",
    "find_nominals",
    "find_rare_words",
    "JargonEntry",
    "JargonMatch",
    "Passive",
    "ReadabilityConfigError",
    "Scores",
    "Sentence",
    "SplitPoint",
    "TextAnalysis",
    "Token",
    "Unit",
    "UnsupportedLanguageError",
    "Word",
    "WordList",
    "WordListError",
    "preload",
    "analyze_markdown",
    "analyze_text",
    "brouwer",
    "builtin_word_list",
    "check_language",
    "count_syllables",
    "find_passives",
    "flesch",
    "flesch_douma",
    "flesch_name",
    "flesch_reading_ease",
    "lix",
    "segment_markdown",
    "segment_text",
    "site_word_list",
    "suggest_split",
    "tokenize",
    "unknown_terms",
    "word_profile",
]


def preload(lang: str) -> None:
    """Load now what the engine otherwise loads on first use for text in `lang`: its hyphenation dictionary and
    word frequencies, and the short frequency list of every language (for "is this word common in the other
    language?"); together about 0.35 s. A process that forks workers after this shares them with all of them,
    instead of each worker loading its own copy."""
    lang = check_language(lang)
    syllables.dictionary(lang)
    frequency.table(lang)
    for other in SUPPORTED_LANGUAGES:
        frequency.table(other, "small")
