"""Which words and sentences of a page the preview highlights, each tied to the finding it explains.

The readability engine finds the candidates (long sentences, jargon, passives, hard words) with their exact
place in a sentence. Only candidates that a finding reports are highlighted: a rule that the site switched
off, or a word the rule allows (the product's own name), shows no colour. So the text and the list of
findings always tell the same story.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from readability import Sentence, TextAnalysis, find_passives

from ..findings import Finding

#: Kinds of highlight, in nesting order (a sentence holds words; a passive may hold a jargon word).
KINDS = ("sentence", "hard", "passive", "jargon", "word")
#: The rules whose findings each kind explains. A hard word is reported by one of three rules (a long word, a
#: long compound, a word few readers know), each quoting the word: the preview marks it the same way.
RULES_OF = {
    "sentence": ("readability.sentence-length",),
    "hard": ("readability.page-score",),
    "passive": ("readability.passive",),
    "jargon": ("words.jargon", "words.jargon-tip"),
    "word": ("readability.long-word", "readability.compound", "readability.rare-word"),
}
KIND_OF = {rule: kind for kind, rules in RULES_OF.items() for rule in rules}
#: Words shorter than this are never a hard-word candidate (no word rule reports them).
_WORD_LETTERS = 5


class JargonFinder(Protocol):
    def find(self, sentence: Sentence) -> Iterable[Any]: ...


@dataclass(frozen=True)
class Mark:
    """A highlight candidate: characters `start`..`end` of sentence number `sentence`."""

    kind: str
    sentence: int
    start: int
    end: int
    #: Source line of its first character (where the rule reports it).
    line: int
    text: str
    #: Words with the same key are the same word (all uses of a reported hard word are highlighted).
    key: str = ""


@dataclass(frozen=True)
class Linked:
    mark: Mark
    #: Index of the finding (in the list given to `link`) this highlight explains.
    finding: int
    #: The first highlight of that finding: the place the list of findings links to.
    first: bool


def candidates(
    analysis: TextAnalysis,
    *,
    sentence_words: int,
    jargon: JargonFinder | None = None,
    hardest: Sequence[tuple[int, str]] = (),
) -> list[Mark]:
    """Every place the readability rules could report, in reading order.

    `hardest` are (line, text) of the sentences the page-score finding names as hardest.
    """
    hard = {(line, " ".join(text.split())) for line, text in hardest}
    found: list[Mark] = []
    for number, sentence in enumerate(analysis.sentences):
        end = len(sentence.text.rstrip())
        if sentence.word_count > sentence_words:
            found.append(Mark("sentence", number, 0, end, sentence.line, sentence.text))
        elif (sentence.line, " ".join(sentence.text.split())) in hard:
            found.append(Mark("hard", number, 0, end, sentence.line, sentence.text))
        for passive in find_passives(sentence):
            stop = passive.start + len(passive.fragment)
            found.append(
                Mark(
                    "passive", number, passive.start, stop, sentence.line_at(passive.start), passive.fragment
                )
            )
        if jargon is not None:
            for match in jargon.find(sentence):
                text = sentence.text[match.start : match.end]
                found.append(
                    Mark("jargon", number, match.start, match.end, sentence.line_at(match.start), text)
                )
        for position, word in enumerate(sentence.words):
            if word.tag != "word" or len(word.text) < _WORD_LETTERS:
                continue
            if position > 0 and word.text[:1].isupper():
                continue  # a name: no word rule reports it
            found.append(
                Mark(
                    "word",
                    number,
                    word.start,
                    word.end,
                    sentence.line_at(word.start),
                    word.text,
                    word.lower,
                )
            )
    return found


def link(marks: Sequence[Mark], findings: Sequence[Finding]) -> list[Linked]:
    """Tie each finding to the highlight(s) it is about; highlights no finding reports are dropped.

    A finding is matched to a candidate of its rule at its line (the one its message quotes, when it quotes
    one). The page-score finding explains every "hard" sentence, and a hard-word finding every use of its
    word; a word is only highlighted when its finding quotes it.
    """
    by_place: dict[tuple[str, int], list[Mark]] = {}
    for mark in marks:
        by_place.setdefault((mark.kind, mark.line), []).append(mark)
    used: set[Mark] = set()
    linked: list[Linked] = []
    word_owner: dict[str, int] = {}
    for index, finding in enumerate(findings):
        kind = KIND_OF.get(finding.rule)
        if kind == "hard":
            hard = [m for m in marks if m.kind == "hard"]
            linked.extend(Linked(m, index, position == 0) for position, m in enumerate(hard))
            continue
        if kind is None or finding.line is None:
            continue
        options = [m for m in by_place.get((kind, finding.line), []) if m not in used]
        quoted = [m for m in options if f'"{m.text}"' in finding.message]
        if kind == "word":
            options = quoted  # every word of the line is a candidate: only the quoted one is meant
        if not options:
            continue
        chosen = (quoted or options)[0]
        used.add(chosen)
        linked.append(Linked(chosen, index, True))
        if chosen.kind == "word":
            word_owner[chosen.key] = index
    for mark in marks:
        if mark.kind == "word" and mark not in used and mark.key in word_owner:
            linked.append(Linked(mark, word_owner[mark.key], False))
    return linked
