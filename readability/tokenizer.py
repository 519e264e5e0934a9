"""Words and sentences in the text of Dutch (and English) service pages.

General-purpose splitters get service pages wrong in ways that change the scores: "bijv." and "art." end a
sentence, "€ 84,00" becomes the word "8400", "9.00 uur" ends a sentence at the dot, "e-mailadres" becomes two
words and a phone number becomes four. This tokenizer knows those forms. Each of the following is ONE word:

- amounts: `€ 84,00`, `€84`, `€ 84,-`, `84 euro`;
- dates: `12-10-2026`, `2026-10-12`, `12 oktober 2026`, `12 oktober`;
- times: `9.00 uur`, `09:30`, `9 uur`, `9.30 am`;
- phone numbers: `14 0123`, `010-123 45 67`, `06-12345678`, `0800-1234`, `+31 10 123 45 67`;
- postcodes: `1234 AB`;
- words with a hyphen, apostrophe or slash: `e-mailadres`, `ID-kaart`, `auto's`, `'s avonds`, `t/m`, `en/of`;
- abbreviations with their dots: `bijv.`, `o.a.`, `d.w.z.`, `art. 2:1`, `nr. 12`.

URLs and e-mail addresses are not words (they are skipped, like code); a full stop right after a URL still
ends the sentence. A dot inside a number ("9.00",
"1.250,00") never ends a sentence; an abbreviation only ends one when it is "enz."/"etc."/"e.d."-like and
the next word starts with a capital. A sentence of one or two words ("Kom op tijd.", "Let op!") is a
sentence: textstat drops those, which makes plain writing look harder than it is.

The patterns are written so that no part can backtrack more than a few characters (no nested open-ended
repeats), because they run over every word of every page on every build. The first branch is a fast path for
the common case, a word of letters followed by a space or a comma: it is possessive (`++`, Python 3.11), so a
word that turns out to be "gemeente.nl" or "bijv." fails at once and falls through to the specific patterns.
"""

from __future__ import annotations

import re
from typing import NamedTuple


def _words(text: str) -> frozenset[str]:
    """A word list written as one string (easier to read and edit than a list of quoted words)."""
    return frozenset(text.split())


_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    "january|february|march|may|june|july|august|october"
)
_MONTHS_SHORT = "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"

#: Abbreviations written with one dot that never end a sentence ("bijv." is followed by the example).
ABBREVIATIONS = _words(
    """
    bijv bv vb enz etc ca incl excl evt resp zgn vnl nl ong mln mld max min jl jr sr
    mr mevr dhr mw dr drs ir ing prof st afd tav
    eg ie approx dept mrs ms vs
    """
)
#: Abbreviations that are only abbreviations before a number ("art. 2:1", "nr. 12", "tel. 14 0123").
NUMBER_ABBREVIATIONS = _words("art nr huisnr no tel blz p pp fig vol hfst lid")
_ABBR = "|".join(sorted(ABBREVIATIONS, key=len, reverse=True))
_NUMBER_ABBR = "|".join(sorted(NUMBER_ABBREVIATIONS, key=len, reverse=True))
#: Abbreviations that may close a sentence: they end one when the next word starts with a capital.
SENTENCE_FINAL = frozenset(["enz.", "etc.", "e.d.", "e.a.", "c.s.", "z.s.m.", "a.u.b.", "s.v.p."])

_TOKEN = re.compile(
    rf"""
    \s*+  # skip spaces here, so the alternatives below are tried at word starts only (40% faster)
    (?:(?P<plain>[^\W\d_]++(?![\w.:@'’/&‐-]|\s\d))
    |(?P<email>(?<![\w.+-])[\w+-]+(?:\.[\w+-]+)*@[\w-]+(?:\.[\w-]+)+)
    |(?P<url>(?:https?|ftp)://[^\s<>"']*[^\s<>"'.,;:!?)]
        |(?<![\w.@-])www\.[^\s<>"']*[^\s<>"'.,;:!?)]
        |(?<![\w.@/-])[\w-]+(?:\.[\w-]+)*\.(?:nl|com|org|net|eu|be|info|gov|io|frl|amsterdam)
            (?:/[^\s<>"']*[^\s<>"'.,;:!?)])?/?(?![\w-]))
    |(?P<abbr>(?<![\w.])(?i:{_ABBR})\.(?!\w))
    |(?P<numabbr>(?<![\w.])(?i:{_NUMBER_ABBR})\.(?=\s?[\d+]))
    |(?P<initialism>(?<![\w.])(?:[^\W\d_]{{1,3}}\.){{2,}}(?!\w))
    |(?P<date>(?<![\w./-])(?:\d{{1,2}}[-/]\d{{1,2}}[-/](?:\d{{4}}|\d{{2}})|\d{{4}}-\d{{2}}-\d{{2}})(?![\w/-])
        |(?<![\w.,])\d{{1,2}}\s(?i:{_MONTHS}|(?:{_MONTHS_SHORT})\.?)(?:\s\d{{4}})?(?!\w)
        |(?<!\w)(?i:{_MONTHS})\s\d{{1,2}}(?:,\s\d{{4}})?(?!\w))
    |(?P<time>(?<![\w.,:])\d{{1,2}}[.:]\d{{2}}(?:\s?(?i:uur|am|pm|a\.m\.|p\.m\.))?(?![\w:])
        |(?<![\w.,])\d{{1,2}}\s?(?i:uur|am|pm)(?!\w))
    |(?P<phone>(?<![\w+])(?:\+31[\s-]?(?:\(0\)[\s-]?)?\d{{1,3}}[\s-]?\d{{3,4}}[\s-]?\d{{2,4}}(?:[\s-]?\d{{2}})?
        |14\s0\d{{2,3}}
        |0\d{{1,3}}-(?:\d{{5,8}}|\d{{2,4}}(?:\s\d{{2,4}}){{1,3}}|\d{{4}})
        |0[1-9]\d{{8}})(?!\w))
    |(?P<postcode>(?<!\w)[1-9]\d{{3}}\s?[A-Z]{{2}}(?!\w))
    |(?P<amount>(?:[€£$]|(?<!\w)EUR)\s?\d+(?:[.,]\d+)*(?:,[-–]{{1,2}})?
        |(?<![\w.,])\d+(?:[.,]\d+)*(?:,[-–])?\s?(?:€|(?i:euro|eurocent|cent)(?!\w)))
    |(?P<number>(?<![\w.,])\d+(?:[.,:/]\d+)*(?:%|[^\W\d_]\w*)?(?:[-‐][^\W\d_]\w*)*)
    |(?P<word>['’]s(?:-[^\W\d_]\w*)?(?!\w)|[^\W\d_]\w*(?:[-‐'’/&][^\W_]\w*)*)
    |(?P<end>[.!?…]+)
    |(?P<brk>[,;:()\[\]–—]|(?<=\s)-(?=\s)))
    """,
    re.VERBOSE,
)


class Token(NamedTuple):
    """A word or a clause mark in a unit's text. `start`/`end` are offsets in that text."""

    text: str
    start: int
    end: int
    #: "word", "end" (. ! ? …) or "break" (, ; : brackets, dashes).
    kind: str
    #: For words: "word", "abbr", "abbr-end", "number", "amount", "date", "time", "phone", "postcode".
    tag: str


def _capital_follows(text: str, position: int) -> bool:
    rest = text[position : position + 12].lstrip()
    return bool(rest) and rest[0].isupper()


_new = tuple.__new__  # builds a NamedTuple without its Python-level __new__: this loop runs for every word


def tokenize(text: str) -> list[Token]:
    """Words, sentence ends and clause marks of `text`, in order. URLs and e-mail addresses are left out.

    An abbreviation that may end a sentence ("enz.", "z.s.m.") is tagged "abbr-end" when a capital follows,
    which is where `split_sentences` ends the sentence.
    """
    tokens: list[Token] = []
    append = tokens.append
    for match in _TOKEN.finditer(text):
        group = match.lastgroup
        if group is None:  # only spaces were left
            continue
        value = match.group(group)
        start = match.start(group)
        if group == "plain" or group == "word":
            append(_new(Token, (value, start, match.end(), "word", "word")))
        elif group == "end":
            append(_new(Token, (value, start, match.end(), "end", "")))
        elif group == "brk":
            append(_new(Token, (value, start, match.end(), "break", "")))
        elif group == "email" or group == "url":
            continue
        elif group == "abbr" or group == "numabbr" or group == "initialism":
            final = value.lower() in SENTENCE_FINAL and _capital_follows(text, match.end())
            append(_new(Token, (value, start, match.end(), "word", "abbr-end" if final else "abbr")))
        else:
            append(_new(Token, (value, start, match.end(), "word", group)))
    return tokens


def split_sentences(tokens: list[Token]) -> list[tuple[list[Token], int]]:
    """Group tokens into sentences: (tokens without the closing mark, end offset including the mark).

    A sentence ends at . ! ? or …, or after an "abbr-end" abbreviation ("enz." before a capital). A group
    without words (a stray "..." or a unit of only punctuation) is dropped; every group with a word is kept.
    """
    sentences: list[tuple[list[Token], int]] = []
    current: list[Token] = []
    last_word_end = -1
    for token in tokens:
        kind = token.kind
        if kind == "end":
            if last_word_end >= 0:
                sentences.append((current, token.end))
            current = []
            last_word_end = -1
            continue
        current.append(token)
        if kind == "word":
            last_word_end = token.end
            if token.tag == "abbr-end":
                sentences.append((current, token.end))
                current = []
                last_word_end = -1
    if last_word_end >= 0:
        sentences.append((current, last_word_end))
    return sentences
