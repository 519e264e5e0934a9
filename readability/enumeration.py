"""Long enumerations inside one sentence: "het isoleren van de daken, het vervangen van de ketels, het plaatsen
van zonnepanelen en het stimuleren van bewoners".

A reader keeps each item in mind until the sentence ends; three or four items of several words each are more
than most readers can hold. On a web page the fix is cheap and better for everyone (also for screen reader
users, who hear how many items follow): a bulleted list.

What counts: items separated by commas, the last one joined with "en" / "of" (English: "and" / "or"), which
are parallel: the items after the first start with the same word ("het ..., het ... en het ..."), each
starts with an article or possessive ("de ..., een ... en uw ..."), or they are all short ("pin, contant"). A comma that separates clauses ("Omdat
..., wat ..., heeft ...") does not make such a run. Reported in a sentence of more than 15 words with three
or more items of three words or more on average, or with five items or more. A list in a short sentence ("koffie, thee en water", "uw naam, adres en geboortedatum", "een uitbouw, een dakkapel aan
de voorkant of een nieuw huis") stays allowed: it reads as easily as a list.
"""

from __future__ import annotations

from typing import NamedTuple

from .analysis import Sentence


def _words(text: str) -> frozenset[str]:
    """A word list written as one string (easier to read and edit than a list of quoted words)."""
    return frozenset(text.split())


CONJUNCTIONS = {"nl": frozenset({"en", "of", "alsmede", "evenals"}), "en": frozenset({"and", "or"})}
DETERMINERS = {
    "nl": _words("de het een uw je jouw onze ons hun zijn haar deze die dit dat elke ieder alle"),
    "en": _words("the a an your our their its this that these those each every all"),
}
#: Items this short are parallel whatever their first word ("form, photo, bank card and passport").
SHORT_ITEM_WORDS = 3
#: Average words per item from which three items are too many for one sentence.
LONG_ITEM_WORDS = 3
#: A sentence this short keeps its enumeration: it is read at a glance.
SHORT_SENTENCE_WORDS = 15
#: From this many items, any enumeration belongs in a list.
MANY_ITEMS = 5


class Enumeration(NamedTuple):
    """An enumeration in a sentence; offsets are in `sentence.text`."""

    #: The items as written, in order.
    items: tuple[str, ...]
    start: int
    end: int
    #: A list needs the sentence rewritten: there is no word to swap in place.
    replacement: str | None = None


def _runs(sentence: Sentence) -> list[list[int]]:
    """Word indices right after a comma, grouped into runs not broken by another clause mark."""
    runs: list[list[int]] = []
    current: list[int] = []
    for index in sorted(sentence.marks):
        mark = sentence.marks[index]
        if mark == ",":
            current.append(index)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return runs


def _next_mark(sentence: Sentence, after: int) -> int:
    later = [index for index in sentence.marks if index > after]
    return min(later) if later else len(sentence.words)


def find_enumerations(sentence: Sentence) -> list[Enumeration]:
    """The enumerations of one sentence that belong in a list (see the module docstring)."""
    if len(sentence.marks) < 1 or "," not in sentence.marks.values():
        return []
    words = sentence.words
    lower = [word.lower for word in words]
    conjunctions = CONJUNCTIONS.get(sentence.lang, CONJUNCTIONS["en"])
    determiners = DETERMINERS.get(sentence.lang, DETERMINERS["en"])
    found: list[Enumeration] = []
    for run in _runs(sentence):
        last_start = run[-1]
        last_end = _next_mark(sentence, last_start)
        joins = [i for i in range(last_start + 1, last_end) if lower[i] in conjunctions]
        if not joins:
            continue
        join = joins[0]
        # Items after the first: between commas, before and after the conjunction.
        spans = [(a, b) for a, b in zip(run, run[1:], strict=False)]
        spans += [(last_start, join), (join + 1, last_end)]
        if any(b <= a for a, b in spans):
            continue
        heads = [lower[a] for a, _ in spans]
        same = len(set(heads)) == 1
        short = all(b - a <= SHORT_ITEM_WORDS for a, b in spans[:-1])
        if not same and not short and not all(head in determiners for head in heads):
            continue
        # The first item ends at the first comma; it starts where the others' first word stands.
        before = 0
        marks_before = [index for index in sentence.marks if index < run[0]]
        if marks_before:
            before = max(marks_before)
        first_start = run[0] - 1
        for index in range(run[0] - 1, before - 1, -1):
            if (same and lower[index] == heads[0]) or (not same and lower[index] in determiners):
                first_start = index
                break
        else:
            first_start = max(before, run[0] - (spans[0][1] - spans[0][0]))
        spans.insert(0, (first_start, run[0]))
        # The first and the last item have no clear edge (the last runs on to the end of the sentence): the
        # items in between show how long the items are.
        middle = [b - a for a, b in spans[1:-1]]
        average = sum(middle) / len(middle)
        if len(spans) < 3 or len(words) <= SHORT_SENTENCE_WORDS:
            continue
        if average < LONG_ITEM_WORDS and len(spans) < MANY_ITEMS:
            continue
        text = sentence.text
        items = tuple(text[words[a].start : words[b - 1].end] for a, b in spans)
        found.append(Enumeration(items, words[spans[0][0]].start, words[spans[-1][1] - 1].end))
    return found


__all__ = ["Enumeration", "find_enumerations"]
