"""Nominal style ("naamwoordstijl"): the action of a sentence hidden in a noun made from a verb.

"De beoordeling van de aanvragen vindt plaats binnen acht weken" says "wij beoordelen de aanvragen" with a
noun ("beoordeling") and an empty verb ("vindt plaats"). The reader must turn the noun back into an action and
guess who acts. Plain-language guides all give the same fix: use the verb.

A noun counts when it is made from a verb that still names the action (`frequency.verb_of_noun`:
beoordel-ing, implement-atie, reduc-tie, toe-name), not when it names a thing ("woning", "informatie",
"uitkering"). One such noun is ordinary Dutch ("Na de opening van het zwembad ..."), so a sentence is only
reported when the nouns carry it:

- two or more of them with their object ("een verbetering van de doorstroming en een vermindering van de
  wachttijden"), or
- one with an empty verb beside it that only exists to carry a noun: "vindt plaats", "er is sprake van",
  "leidt tot", "is behoefte aan", "is een gevolg van", "vereist".

The suggestion writes the verb with the object: "wij beoordelen de aanvragen" (who acts is a guess the
editor corrects), "wij voeren het onderhoud uit" (a separable verb splits), and for verbs of change that have
no one acting, the object does it: "de kosten stijgen", "het aantal klachten neemt toe".

Only Dutch: English nominalisations ("the assessment of applications") need their own word lists.
"""

from __future__ import annotations

from typing import NamedTuple

from .analysis import Sentence, Word
from .frequency import NOUN_ENDINGS_NL as NOUN_ENDINGS
from .frequency import verb_of_noun, zipf


def _words(text: str) -> frozenset[str]:
    """A word list written as one string (easier to read and edit than a list of quoted words)."""
    return frozenset(text.split())


#: Empty verbs and phrases that carry a noun instead of saying the action, as word sequences.
LIGHT_PHRASES_NL: tuple[tuple[str, ...], ...] = tuple(
    tuple(phrase.split())
    for phrase in (
        "vindt plaats",
        "vinden plaats",
        "vond plaats",
        "vonden plaats",
        "plaatsvinden",
        "plaatsvindt",
        "plaatsgevonden",
        "sprake van",
        "leidt tot",
        "leiden tot",
        "leidde tot",
        "leidden tot",
        "geleid tot",
        "behoefte aan",
        "gevolg van",
        "vereist",
        "vereisen",
        "vergt",
        "gaat over tot",
        "overgaan tot",
        "zorg dragen voor",
        "draagt zorg voor",
        "komt tot",
        "kwam tot",
        "uitgangspunt is",
    )
)
_LIGHT_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in LIGHT_PHRASES_NL:
    _LIGHT_BY_FIRST.setdefault(_phrase[0], []).append(_phrase)
#: Words that end the object after "van": the verb, a preposition or a conjunction that follows it.
OBJECT_STOPS = _words(
    """
    en of maar want dat die waar omdat als toen nadat zodat
    in op aan bij tot voor met over naar door uit om tegen tussen onder na zonder binnen vanaf per
    is zijn was waren wordt worden werd werden heeft hebben had hadden kan kunnen moet moeten zal zullen
    vindt vinden vond leidt leidde leiden vereist vergt blijft bleek lijkt komt kwam komen gaat ging gaan
    geeft gaf maakt maakte zorgt zorgde brengt bracht staat stond ligt lag
    """
)
DETERMINERS = _words("de het een deze die dit dat uw onze hun zijn haar alle elke ieder")
#: Verbs of change: nobody acts, the thing itself changes ("de kosten stijgen").
CHANGE_VERBS = _words(
    """
    stijgen dalen toenemen afnemen groeien krimpen ontstaan verdwijnen verslechteren verminderen
    vertragen versnellen veranderen
    """
)
SEPARABLE = ("terug", "tegen", "mee", "toe", "uit", "aan", "af", "op", "in", "na", "bij", "weg")
#: How many words the object after "van" may have (with its determiner).
OBJECT_WORDS = 4
_VOWELS = frozenset("aeiou")


class Nominal(NamedTuple):
    """A noun that carries the action of a sentence; offsets are in `sentence.text`."""

    noun: Word
    #: The verb to write instead ("beoordelen").
    verb: str
    #: The noun with its object as written ("beoordeling van de aanvragen"), or the noun alone.
    fragment: str
    start: int
    #: The empty verb or phrase beside it ("vindt plaats"), or "" when two nouns were reported together.
    light: str
    #: The sentence part rewritten with the verb: "wij beoordelen de aanvragen", "de kosten stijgen".
    example: str
    #: Nominal style needs the sentence rewritten: there is no word to swap in place.
    replacement: str | None = None


def _third_person(infinitive: str) -> str:
    """ "nemen" → "neemt", "stijgen" → "stijgt", "gaan" → "gaat", "zetten" → "zet" (present, he/she/it)."""
    if infinitive.endswith("aan") or infinitive.endswith("oen"):
        stem = infinitive[:-1]
    elif infinitive.endswith("en"):
        stem = infinitive[:-2]
        if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
            stem = stem[:-1]  # zett → zet
        elif len(stem) >= 3 and stem[-1] not in _VOWELS and stem[-2] in "aeou" and stem[-3] not in _VOWELS:
            stem = stem[:-1] + stem[-2] + stem[-1]  # nem → neem, dal → daal
        if stem.endswith("v"):
            stem = stem[:-1] + "f"
        elif stem.endswith("z"):
            stem = stem[:-1] + "s"
    else:
        return infinitive
    return stem if stem.endswith("t") else stem + "t"


def _split_separable(verb: str) -> tuple[str, str]:
    """("uitvoeren") → ("voeren", "uit"); an inseparable verb stays whole: ("onderbreken") → ("onderbreken", "")."""
    for prefix in SEPARABLE:
        rest = verb[len(prefix) :]
        if verb.startswith(prefix) and len(rest) >= 4 and zipf(rest, "nl") >= 3.0:
            return rest, prefix
    return verb, ""


def _is_plural(object_words: list[str]) -> bool:
    """A guess from the first noun of the object: "de kosten" is plural, "het aantal klachten" is not."""
    if not object_words:
        return False
    if object_words[0] in ("het", "een", "dit", "elk", "elke", "ieder"):
        return False
    nouns = [word for word in object_words if word not in DETERMINERS]
    if not nouns:
        return False
    head = nouns[0]
    return len(head) > 4 and (head.endswith("en") or head.endswith("s"))


def rewrite(verb: str, object_words: list[str], object_text: str) -> str:
    """The action as a verb phrase: "wij beoordelen de aanvragen", "de kosten stijgen"."""
    rest, prefix = _split_separable(verb)
    if verb in CHANGE_VERBS and object_text:
        form = rest if _is_plural(object_words) else _third_person(rest)
        return " ".join(part for part in (object_text, form, prefix) if part)
    return " ".join(part for part in ("wij", rest, object_text, prefix) if part)


def _light_phrase(sentence: Sentence) -> tuple[int, str] | None:
    """The first empty verb or phrase in the sentence: (index of its first word, text as written)."""
    words = [word.lower for word in sentence.words]
    for index, first in enumerate(words):
        for phrase in _LIGHT_BY_FIRST.get(first, ()):
            if tuple(words[index : index + len(phrase)]) == phrase:
                last = sentence.words[index + len(phrase) - 1]
                return index, sentence.text[sentence.words[index].start : last.end]
    return None


def _object(sentence: Sentence, after_van: int) -> tuple[list[str], str]:
    """The words after "van" up to the verb, preposition or comma that ends the object."""
    words = sentence.words
    taken: list[Word] = []
    for index in range(after_van, min(after_van + OBJECT_WORDS, len(words))):
        if index in sentence.marks and taken:
            break
        if words[index].lower in OBJECT_STOPS:
            break
        taken.append(words[index])
    if not taken:
        return [], ""
    return [word.lower for word in taken], sentence.text[taken[0].start : taken[-1].end]


def find_nominals(sentence: Sentence) -> list[Nominal]:
    """The nouns that carry the action of one sentence (at most one finding per sentence: the first noun).

    Returns [] for a sentence where such nouns do not carry it (see the module docstring).
    """
    if sentence.lang != "nl":
        return []
    words = sentence.words
    candidates: list[tuple[int, str, bool]] = []  # (index, verb, followed by "van")
    for index, word in enumerate(words):
        if not word.lower.endswith(NOUN_ENDINGS) or word.tag != "word":
            continue
        if index > 0 and word.text[:1].isupper():
            continue
        verb = verb_of_noun(word.lower, "nl")
        if not verb:
            continue
        with_object = (
            index + 1 < len(words) and words[index + 1].lower == "van" and (index + 1) not in sentence.marks
        )
        candidates.append((index, verb, with_object))
    if not candidates:
        return []
    light = _light_phrase(sentence)
    with_object = [candidate for candidate in candidates if candidate[2]]
    if light is not None:
        # The noun nearest the empty verb is the one it carries ("er is sprake van een toename").
        pool = with_object or candidates
        chosen = min(pool, key=lambda candidate: abs(candidate[0] - light[0]))
    elif len(with_object) >= 2:
        chosen = with_object[0]
    else:
        return []
    index, verb, has_object = chosen
    noun = words[index]
    object_words, object_text = _object(sentence, index + 2) if has_object else ([], "")
    end = noun.end
    if object_text:
        end = noun.start + len(sentence.text[noun.start :].split(object_text, 1)[0]) + len(object_text)
    return [
        Nominal(
            noun,
            verb,
            sentence.text[noun.start : end],
            noun.start,
            light[1] if light is not None else "",
            rewrite(verb, object_words, object_text),
        )
    ]


__all__ = ["LIGHT_PHRASES_NL", "Nominal", "find_nominals", "rewrite"]
