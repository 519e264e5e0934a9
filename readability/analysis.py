"""A page (or any text) as sentences with their source lines, word counts and scores.

This is the engine's main entry point: `analyze_markdown(body, lang, first_line=...)`. Everything the rules
need comes out of one pass: each sentence with its line, its words (with syllables and letters), the clause
marks between them (for "split here" suggestions), and the page's totals and scores.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from markdown_it.token import Token as MdToken

from .languages import check_language
from .metrics import LIX_LONG_WORD_LETTERS, Scores
from .segment import Unit, segment_markdown, segment_text
from .syllables import _profile
from .tokenizer import _TOKEN, SENTENCE_FINAL, _capital_follows


class Word(NamedTuple):
    """One word of a sentence; offsets are in the sentence's `text`."""

    text: str
    lower: str
    start: int
    end: int
    #: word, abbr, abbr-end, number, amount, date, time, phone, postcode
    tag: str
    syllables: int
    letters: int

    @property
    def is_long(self) -> bool:
        """LIX's long word: more than six letters."""
        return self.letters > LIX_LONG_WORD_LETTERS


@dataclass(slots=True)
class Sentence:
    """A sentence (or a heading, list item, table cell: a unit that stands on its own)."""

    text: str
    #: Source line of its first word (1-based, front matter counted).
    line: int
    #: Kind of unit it came from: heading, paragraph, list-item, table-cell, admonition-title, ...
    kind: str
    lang: str
    words: tuple[Word, ...]
    #: Clause marks (, ; : brackets, dashes) before word i, as {i: mark}; "split here" candidates.
    marks: dict[int, str] = field(default_factory=dict)
    #: Offsets in `text` where a new source line starts.
    line_breaks: tuple[int, ...] = ()
    syllables: int = 0
    long_words: int = 0

    @property
    def word_count(self) -> int:
        return len(self.words)

    def line_at(self, offset: int) -> int:
        """Source line of the character at `offset` in `text` (a sentence may span lines)."""
        return self.line + bisect_right(self.line_breaks, offset)

    @property
    def scores(self) -> Scores:
        return Scores(self.lang, len(self.words), 1, self.syllables, self.long_words)

    def opening(self, count: int = 5) -> str:
        """The first words, to name the sentence in a message: `Indien u een aanvraag wilt …`."""
        if len(self.words) <= count:
            return self.text.strip()
        return self.text[: self.words[count - 1].end].rstrip(" ,;:") + " …"


@dataclass(slots=True)
class TextAnalysis:
    lang: str
    sentences: list[Sentence]
    scores: Scores

    def hardest(self, count: int = 3, metric: str = "flesch") -> list[Sentence]:
        """The sentences that cost the page most: those whose removal would improve its score most.

        Ranking by each sentence's own score would name one-word headings like "Omgevingsvergunning" (a
        Flesch-Douma far below zero) before a 40-word sentence full of officialese. The leave-one-out gain
        weighs both length and word difficulty by how much they move the page score. `metric` is "flesch" or
        "lix". Ties keep document order.
        """
        total = self.scores
        if total.sentences <= 1:
            return list(self.sentences[:count])
        base = total.flesch if metric == "flesch" else total.lix
        if base is None:
            return []
        gains: list[tuple[float, int]] = []
        for index, sentence in enumerate(self.sentences):
            if sentence.kind == "title":
                continue  # a title is not counted in the score, so it is never one of the hardest
            rest = total.without(sentence.word_count, sentence.syllables, sentence.long_words)
            if metric == "flesch":
                after = rest.flesch
                gain = (after - base) if after is not None else 0.0
            else:
                after = rest.lix
                gain = (base - after) if after is not None else 0.0
            gains.append((gain, index))
        gains.sort(key=lambda item: (-item[0], item[1]))
        return [self.sentences[index] for gain, index in gains[:count] if gain > 0]

    @property
    def words(self) -> list[Word]:
        return [word for sentence in self.sentences for word in sentence.words]


_new = tuple.__new__  # builds a Word without NamedTuple's Python-level __new__ (this runs for every word)
_ABBR_GROUPS = frozenset({"abbr", "numabbr", "initialism"})


def _unit_sentences(unit: Unit, lang: str) -> list[Sentence]:
    """The sentences of one unit, in one pass over the tokenizer's matches.

    This is `split_sentences(tokenize(unit.scan))` fused with building the `Word`s: it runs for every word of
    every page, and skipping the intermediate `Token` objects and the second loop saves about a fifth of the
    engine's time. `tests/readability` checks that both paths split the same way.
    """
    sentences: list[Sentence] = []
    text = unit.text
    scan = unit.scan
    words: list[Word] = []
    marks: dict[int, str] = {}
    syllables = 0
    long_words = 0
    start = 0
    last_end = 0

    def emit(end: int) -> None:
        breaks = tuple(b - start for b in unit.breaks if start < b < end) if unit.breaks else ()
        sentences.append(
            Sentence(
                text[start:end],
                unit.line_at(start),
                unit.kind,
                lang,
                tuple(words),
                marks,
                breaks,
                syllables,
                long_words,
            )
        )

    profile = _profile
    for match in _TOKEN.finditer(scan):
        group = match.lastgroup
        final = False
        if group == "plain" or group == "word":  # most tokens: test them first
            tag = "word"
        elif group == "end":
            if words:
                emit(match.end())
                words, marks, syllables, long_words = [], {}, 0, 0
            continue
        elif group == "brk":
            if words and len(words) not in marks:
                marks[len(words)] = match.group(group)
            continue
        elif group is None or group == "email" or group == "url":
            continue
        elif group in _ABBR_GROUPS:
            final = match.group(group).lower() in SENTENCE_FINAL and _capital_follows(scan, match.end())
            tag = "abbr-end" if final else "abbr"
        else:
            tag = group
        value = match.group(group)
        first, last_end = match.span(group)
        if not words:
            start = first
        count, letters = profile(value, lang)
        words.append(_new(Word, (value, value.lower(), first - start, last_end - start, tag, count, letters)))
        syllables += count
        if letters > LIX_LONG_WORD_LETTERS:
            long_words += 1
        if final:
            emit(last_end)
            words, marks, syllables, long_words = [], {}, 0, 0
    if words:
        emit(last_end)
    return sentences


def _analyze_units(units: list[Unit], lang: str) -> TextAnalysis:
    sentences: list[Sentence] = []
    for unit in units:
        sentences.extend(_unit_sentences(unit, lang))
    # The page's title (its H1) is a name, not prose: it counts for sentence checks, not for the page's score.
    prose = [s for s in sentences if s.kind != "title"]
    scores = Scores(
        lang,
        sum(len(s.words) for s in prose),
        len(prose),
        sum(s.syllables for s in prose),
        sum(s.long_words for s in prose),
    )
    return TextAnalysis(lang, sentences, scores)


def analyze_markdown(
    body: str, lang: str, *, first_line: int = 1, tokens: Sequence[MdToken] | None = None
) -> TextAnalysis:
    """Sentences and scores of a Markdown body.

    `first_line` is the source line of the body's first line (front matter counted), `tokens` markdown-it
    tokens of `body` if the caller already parsed it. Raises `UnsupportedLanguageError` for a language not in
    `SUPPORTED_LANGUAGES`.
    """
    lang = check_language(lang)
    return _analyze_units(segment_markdown(body, first_line, tokens), lang)


def analyze_text(text: str, lang: str, *, first_line: int = 1) -> TextAnalysis:
    """Sentences and scores of plain text (no Markdown): blocks between blank lines are units."""
    lang = check_language(lang)
    return _analyze_units(segment_text(text, first_line), lang)
