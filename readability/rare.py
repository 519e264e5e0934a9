"""Rare words and long compounds in a sentence: the words a B1 reader stops at.

`find_rare_words(sentence, ...)` judges each content word with `frequency.judge` (the word, its base forms and
its compound parts) and reports two kinds:

- "rare": a word few readers know ("discrepanties", "omissie"), with the advice to choose an everyday word or
  explain it;
- "long-compound": a compound the reader must take apart first ("muskusrattenbestrijdingsprogramma"), with a
  split to write instead, built from its parts: the last part is the thing itself (the head: "programma"),
  the rest says what it is for ("om muskusratten te bestrijden").

Never reported, because the editor cannot or should not change them: names (a capital inside a sentence, or
capitals inside a word: "DigiD", "eHerkenning"), abbreviations in capitals ("BSN": the abbreviation rule's
job), numbers, amounts and dates (the tokenizer tags them), words with digits, the words of the page title and
the protected words the site passes in (its own names, product names, UPL terms), words the page explains
itself ("Een stemmal is ...", `explained_words`) and foreign words (rare here, common in the other language:
an English title on a Dutch page). Short words (under five letters) are left alone: the frequency list is
least reliable there, and they are rarely the problem.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from .analysis import Sentence, Word
from .frequency import Judgement, Part, common_zipf, judge, lemma_candidates, verb_of_noun

#: Shorter words are never reported.
MIN_LETTERS = 5
#: A word rare in the page's language but at least this common in the other one is a foreign word (the title
#: of an English page linked from a Dutch one: "abroad"), not a rare word of this language.
FOREIGN_ZIPF = 4.0
OTHER_LANGUAGE = {"nl": "en", "en": "nl"}


class RareWord(NamedTuple):
    """A rare word or long compound; offsets are in `sentence.text`."""

    word: Word
    #: "rare" or "long-compound"
    kind: str
    #: Zipf frequency of the word as written (0 = not in the list).
    zipf: float
    #: Compound parts as words of their own ("muskusratten", "bestrijding", "programma"), else ().
    parts: tuple[str, ...]
    #: For a long compound: the split to write instead ("programma om muskusratten te bestrijden"), else "".
    rewrite: str
    #: A word that may replace this one as is (for `helder fix`), or None. Rare words and compounds have none:
    #: a split needs the rest of the sentence rewritten, and an everyday word for a rare one depends on the
    #: meaning.
    replacement: str | None = None


def normalize(words: Iterable[str]) -> frozenset[str]:
    """Lowercase words, for the `protected` and `title_words` arguments."""
    return frozenset(word.strip().lower() for word in words if word.strip())


def _skipped(text: str, position: int) -> bool:
    """A name ("in Voorbeeld"), a product or abbreviation ("DigiD", "BSN") or a word with digits ("A4-formaat")."""
    if position > 0 and text[:1].isupper():
        return True
    rest = text[1:]
    if rest != rest.lower():
        return True
    return not text.isalpha() and any(char.isdigit() for char in text)


def is_known(lower: str, known: frozenset[str], lang: str) -> bool:
    """The word, or a form of it, is in `known` ("gehandicaptenparkeerkaarten" when the title has the singular)."""
    if not known:
        return False
    return lower in known or any(candidate in known for candidate in lemma_candidates(lower, lang))


#: `_verdict` per language and word: a site's pages share most of their words, and almost all of them are
#: common, so on the second page a word costs one dictionary lookup. (A plain dict: this runs for every word.)
_VERDICTS: dict[str, dict[str, tuple[Judgement, str] | None]] = {}
_UNSEEN = object()


def _verdict(lower: str, lang: str) -> tuple[Judgement, str] | None:
    """The judgement of a lowercase word (its first unusual hyphen-separated piece), or None when everyday."""
    for piece in lower.split("-") if "-" in lower else (lower,):
        piece = piece.removesuffix("'s").removesuffix("’s")
        if len(piece) < MIN_LETTERS or not piece.isalpha():
            continue
        verdict = judge(piece, lang)
        if verdict.kind == "common":
            continue
        other = OTHER_LANGUAGE.get(lang)
        if verdict.kind == "rare" and other and common_zipf(piece, other) >= FOREIGN_ZIPF:
            continue  # a foreign word: see FOREIGN_ZIPF
        return verdict, piece
    return None


def _join(parts: tuple[Part, ...]) -> str:
    """Parts written together again, without the linking letter at the end ("werkloosheids" → "werkloosheid")."""
    if not parts:
        return ""
    last = parts[-1]
    end = last.text[:-1] if last.text[-1:] in ("s", "e") and last.text[:-1] == last.word else last.text
    return "".join(part.text for part in parts[:-1]) + end


def compound_rewrite(parts: tuple[Part, ...], lang: str) -> str:
    """A split of a long compound: its head, then what it is for.

    "muskus|ratten|bestrijdings|programma" → "programma om muskusratten te bestrijden" (the part before the
    head is a noun made from a verb: say the verb); "werkloosheids|uitkerings|aanvraag" → "aanvraag voor
    werkloosheidsuitkering" (otherwise: "voor" and the rest).
    """
    if len(parts) < 2:
        return ""
    head = parts[-1].word
    rest = parts[:-1]
    last = rest[-1]
    verb = verb_of_noun(last.word, lang) if last.word.endswith(("ing", "atie", "tie", "name")) else ""
    if not verb and last.word not in (last.text, last.text[:-1]) and last.word.endswith("en"):
        verb = last.word  # a verb stem in the compound ("parkeer-kaart": "parkeren")
    if verb:
        before = _join(rest[:-1])
        if before:
            return f"{head} om {before} te {verb}"
        return f"{head} om te {verb}"
    return f"{head} voor {_join(rest)}"


_ARTICLES = frozenset({"een", "de", "het", "a", "an", "the"})
_DEFINING = frozenset({"is", "zijn", "betekent", "betekenen", "heet", "heten", "means", "are"})
_NAMING = frozenset({"heet", "heten", "noemen", "noemt", "betekent", "betekenen", "call", "called", "means"})


def explained_words(sentences: Iterable[Sentence]) -> frozenset[str]:
    """Words the page explains itself: "Een stemmal is een plaat met gaten.", "Dat heet precario.", or a
    definition-list term.

    "Explain the word" is the rare-word rule's own advice, so a page that does it is not told again.
    """
    found: set[str] = set()
    for sentence in sentences:
        words = sentence.words
        if sentence.kind == "term" and len(words) <= 3:
            found.update(word.lower for word in words)
            continue
        if len(words) >= 4 and words[0].lower in _ARTICLES and words[2].lower in _DEFINING:
            found.add(words[1].lower)
        elif len(words) >= 3 and words[1].lower in _DEFINING:
            found.add(words[0].lower)
        if any(word.lower in _NAMING for word in words):
            # "Dat heet precario.", "This stamp is called an apostille.": the sentence names the word.
            found.update(word.lower for word in words)
    return frozenset(found)


def find_rare_words(
    sentence: Sentence,
    *,
    protected: frozenset[str] = frozenset(),
    title_words: frozenset[str] = frozenset(),
    skip: frozenset[str] = frozenset(),
) -> list[RareWord]:
    """The rare words and long compounds of one sentence, in order.

    `protected` and `title_words` are lowercase words never reported, nor their forms (`normalize` makes
    them); `skip` holds lowercase words another rule already reports (the jargon list's), so the editor does
    not get two messages for one word.
    """
    lang = sentence.lang
    known = protected | title_words if title_words else protected
    verdicts = _VERDICTS.setdefault(lang, {})
    found: list[RareWord] = []
    for position, word in enumerate(sentence.words):
        text = word.text
        if len(text) < MIN_LETTERS or word.tag != "word":
            continue
        lower = word.lower
        result = verdicts.get(lower, _UNSEEN)
        if result is _UNSEEN:
            result = verdicts[lower] = _verdict(lower, lang)
        if result is None or _skipped(text, position):
            continue
        if lower in skip or is_known(lower, known, lang):
            continue
        verdict = result[0]
        parts = tuple(part.word for part in verdict.parts)
        rewrite = compound_rewrite(verdict.parts, lang) if verdict.kind == "long-compound" else ""
        found.append(RareWord(word, verdict.kind, verdict.zipf, parts, rewrite))
    return found


__all__ = [
    "MIN_LETTERS",
    "RareWord",
    "compound_rewrite",
    "explained_words",
    "find_rare_words",
    "is_known",
    "normalize",
]
