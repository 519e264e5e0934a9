"""Abbreviations a page uses without writing them out: "Neem uw BSN mee."

Many readers do not know what BSN, WOZ or UWV stand for, and a screen reader spells them letter by letter or
reads them as a word. Plain-language guides ask to write the full name at first use, with the abbreviation
after it in brackets ("burgerservicenummer (BSN)"). On a Helder site there is a second fix that keeps the
text short: the `abbr` Markdown extension. A line `*[BSN]: burgerservicenummer` anywhere on the page shows the
full name when the mouse rests on "BSN", and screen readers can announce it.

An abbreviation here is a word of two to six letters of which at least two, and at least half, are capitals
("BSN", "KvK"), not written with dots (those are the jargon list's: "i.v.m."), not part of a hyphenated word
("ID-kaart" is a product name) and not in a sentence written in capitals ("LET OP"). It counts as written
out when its first use stands in brackets after the full name ("... Personen (BRP)"), or has the full name
in brackets after it ("BSN (burgerservicenummer)"), or the page defines it with `*[BSN]: ...`, or the page
title writes it out. Protected words (the site's own names and products) and a few abbreviations everyone
reads as a word (TV, EU, ID) are never reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from .analysis import Sentence, Word

#: `*[BSN]: burgerservicenummer` (Python-Markdown's abbr extension), at the start of a line.
ABBR_DEFINITION = re.compile(r"^\*\[([^\]\n]+)\]:[ \t]*(.*)$", re.MULTILINE)
#: Read as words by everyone: not worth a finding.
EVERYDAY = frozenset(
    {"OK", "TV", "PC", "WC", "EU", "NL", "USA", "UK", "CD", "DVD", "SMS", "ID", "NS", "OV", "ANWB", "BTW"}
)
#: Full names of abbreviations that Dutch service pages use often, for the suggested `*[...]` line. A site's
#: page may of course mean something else: the editor sees the line before adding it.
KNOWN_NL: Mapping[str, str] = {
    "AOW": "Algemene Ouderdomswet",
    "AVG": "Algemene verordening gegevensbescherming",
    "BRP": "Basisregistratie Personen",
    "BSN": "burgerservicenummer",
    "CAK": "Centraal Administratie Kantoor",
    "CBR": "Centraal Bureau Rijvaardigheidsbewijzen",
    "CJG": "Centrum voor Jeugd en Gezin",
    "DUO": "Dienst Uitvoering Onderwijs",
    "GGD": "Gemeentelijke Gezondheidsdienst",
    "IND": "Immigratie- en Naturalisatiedienst",
    "KvK": "Kamer van Koophandel",
    "RDW": "Rijksdienst voor het Wegverkeer",
    "RNI": "Registratie Niet-ingezetenen",
    "SVB": "Sociale Verzekeringsbank",
    "UWV": "Uitvoeringsinstituut Werknemersverzekeringen",
    "VOG": "Verklaring Omtrent het Gedrag",
    "WMO": "Wet maatschappelijke ondersteuning",
    "Wmo": "Wet maatschappelijke ondersteuning",
    "WOZ": "Waardering Onroerende Zaken",
    "WW": "Werkloosheidswet",
}
MIN_LETTERS = 2
MAX_LETTERS = 6


class Abbreviation(NamedTuple):
    """An abbreviation used before it is written out; `sentence` and `word` point at its first use."""

    text: str
    sentence: Sentence
    word: Word
    #: The line to add for the `abbr` extension ("*[BSN]: burgerservicenummer"), when the full name is known.
    definition: str | None
    #: Nothing to swap in place: the fix adds a line (or the full name) instead.
    replacement: str | None = None


def definitions(markdown: str) -> dict[str, str]:
    """The `*[ABBR]: full name` lines of a Markdown body."""
    return {match.group(1).strip(): match.group(2).strip() for match in ABBR_DEFINITION.finditer(markdown)}


def is_abbreviation(text: str) -> bool:
    """ "BSN", "KvK", "WOZ": two to six letters, at least two and at least half of them capitals.

    Not a word that starts with a small letter ("iDEAL" and "eHerkenning" are product names), nor one letter
    repeated ("AA": a level).
    """
    if not (MIN_LETTERS <= len(text) <= MAX_LETTERS) or not text.isalpha() or text[0].islower():
        return False  # "iDEAL", "eHerkenning": product names
    if len(set(text)) == 1:
        return False  # "AA", "AAA": a level or grade, not a name to write out
    capitals = sum(1 for char in text if char.isupper())
    return capitals >= 2 and capitals * 2 >= len(text)


def _shouting(sentence: Sentence) -> bool:
    letters = [char for char in sentence.text if char.isalpha()]
    return len(letters) >= 6 and sum(1 for char in letters if char.isupper()) > 0.8 * len(letters)


def _written_out(sentence: Sentence, word: Word) -> bool:
    """ "Basisregistratie Personen (BRP)" or "BSN (burgerservicenummer)"."""
    before = sentence.text[: word.start].rstrip()
    after = sentence.text[word.end :].lstrip()
    return (before.endswith("(") and len(before) > 1) or after.startswith("(")


def _in_title(abbreviation: str, title: str) -> bool:
    return bool(re.search(rf"\(\s*{re.escape(abbreviation)}\s*\)", title))


def find_abbreviations(
    sentences: Iterable[Sentence],
    *,
    defined: Iterable[str] = (),
    protected: Iterable[str] = (),
    title: str = "",
    lang: str = "nl",
) -> list[Abbreviation]:
    """The abbreviations of a page that are used before they are written out, each once (its first use).

    `defined` are the abbreviations the page defines (`definitions(body)`), `protected` the site's words
    never to report (compared case-insensitively), `title` the page title.
    """
    skip = {word.lower() for word in protected} | {word.lower() for word in EVERYDAY}
    known = set(defined)
    seen: set[str] = set()
    found: list[Abbreviation] = []
    for sentence in sentences:
        shouting: bool | None = None  # worked out only for a sentence with a candidate: it is rare
        for word in sentence.words:
            text = word.text
            if not text[:1].isupper() or len(text) > MAX_LETTERS or word.tag != "word":
                continue
            if text in seen or not is_abbreviation(text):
                continue
            if shouting is None:
                shouting = _shouting(sentence)
            if shouting:
                continue
            seen.add(text)
            if text in known or text.lower() in skip or _in_title(text, title):
                continue
            if _written_out(sentence, word):
                continue
            full = KNOWN_NL.get(text) if lang == "nl" else None
            definition = f"*[{text}]: {full}" if full else None
            found.append(Abbreviation(text, sentence, word, definition))
    return found


__all__ = ["ABBR_DEFINITION", "Abbreviation", "definitions", "find_abbreviations", "is_abbreviation"]
