"""Where to split a long sentence: the natural break closest to its middle.

"Make it shorter" is advice editors cannot act on. Naming the spot ("after 'van de gemeente,' at 'omdat'") is.
Natural breaks are a comma (or ; : and dashes) and the conjunctions that join two main clauses or a reason:
"en", "maar", "omdat", "want", "of" (English: and, but, because, so, or). A reason or contrast ("omdat",
"want", "maar") nearly always starts a clause, "en"/"of" often join only two nouns, so the first group
weighs more; a comma followed by a conjunction weighs most. Both parts keep at least three words.
"""

from __future__ import annotations

from typing import NamedTuple

from .analysis import Sentence

STRONG_CONJUNCTIONS = {"nl": frozenset({"omdat", "want", "maar"}), "en": frozenset({"because", "but", "so"})}
WEAK_CONJUNCTIONS = {"nl": frozenset({"en", "of"}), "en": frozenset({"and", "or"})}
MIN_PART_WORDS = 3


class SplitPoint(NamedTuple):
    #: Index of the first word of the second part.
    index: int
    #: The (up to three) words before the break as written, with the comma if there is one: "van de
    #: gemeente,".
    before: str
    #: The conjunction at the break ("omdat"), or "" when the break is only a comma.
    conjunction: str
    #: The (up to three) first words of the second part: "omdat u dan".
    after: str
    #: The clause mark before the break (",", ";", ...), or "".
    mark: str


def suggest_split(sentence: Sentence) -> SplitPoint | None:
    """The best place to cut `sentence` in two, or None when it has no natural break."""
    words = sentence.words
    count = len(words)
    strong = STRONG_CONJUNCTIONS[sentence.lang]
    weak = WEAK_CONJUNCTIONS[sentence.lang]
    best: tuple[float, int] | None = None
    for index in range(MIN_PART_WORDS, count - MIN_PART_WORDS + 1):
        lower = words[index].lower
        mark = sentence.marks.get(index, "")
        if mark in ("(", ")", "[", "]"):
            mark = ""
        conjunction = lower in strong or lower in weak
        if not mark and not conjunction:
            continue
        cost = abs(index - count / 2)
        if lower in strong:
            cost -= 1.5
        if mark:
            cost -= 1.0
        if mark and conjunction:
            cost -= 1.5
        if best is None or cost < best[0]:
            best = (cost, index)
    if best is None:
        return None
    index = best[1]
    text = sentence.text
    mark = sentence.marks.get(index, "")
    mark = "" if mark in ("(", ")", "[", "]") else mark
    before_end = words[index - 1].end
    if mark:
        found = text.find(mark, before_end, words[index].start)
        if found >= 0:
            before_end = found + len(mark)
    before = text[words[max(0, index - 3)].start : before_end]
    after = text[words[index].start : words[min(count, index + 3) - 1].end]
    lower = words[index].lower
    conjunction = words[index].text if (lower in strong or lower in weak) else ""
    return SplitPoint(index, before, conjunction, after, mark)
