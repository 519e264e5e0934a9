"""How common a word is in everyday Dutch (or English), judged by the word and, when it is rare, by its parts.

The numbers come from `wordfreq` (Zipf scale: 6 = once in a thousand words, 3 = once in a million, 0 = not in
the list), which ships its Dutch and English lists inside the wheel, so nothing is downloaded. The list is
loaded once per language, on first use (about 0.3 s): a site without the rare-word rules never pays for it.

Frequency alone is not enough, because the list counts forms, not words:

- a rare *form* of a common word is not a rare word: "warmere" (3.1) and "schonere" (2.8) are forms of "warm"
  and "schoon", "discrepanties" is judged as "discrepantie". `lemma_candidates` undoes Dutch inflection
  (comparative, superlative, plural, diminutive, past tense) with the spelling changes it brings (schon →
  schoon, natt → nat, huiz → huis), and a word counts as common when one of its base forms is;
- a Dutch compound is written as one word, so "terugzwemmen" (1.1) or "hondenbelasting" (2.5) is rare as a
  whole but made of common parts. `split_compound` finds the fewest known parts (with the linking "s" or "e"
  between them: "bestrijding-s-programma"); a compound of common parts is an ordinary word, unless it is so
  long that the reader has to take it apart (see `judge`).

Everything here is a pure function of the word; results are cached per word, because a site repeats its
vocabulary on every page.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import NamedTuple

from .languages import check_language


def _words(text: str) -> frozenset[str]:
    """A word list written as one string (easier to read and edit than a list of quoted words)."""
    return frozenset(text.split())


#: A word (or one of its base forms) at least this common is everyday language: a little under once in a
#: million words. wordfreq's Dutch is mostly subtitles and social media, which under-count the written words
#: of public services: "braderie" (3.0), "geboorteakte" (2.9) and "afschrift" (2.8) sit just above this line.
#: "legitimatie" (3.1), "ontvangen" (5.0) and "paspoort" (4.3) pass; "precair" (2.4), "omissie" (1.8) and
#: "ambtelijk" (2.79) do not.
COMMON_ZIPF = 2.8
#: A part of a compound must be at least this common to count as a known word. Lower than `COMMON_ZIPF`, so
#: a compound with one rare part ("muskus-ratten-...") is still split and can be explained by its parts.
PART_ZIPF = 2.0
#: A rare part needs at least this many letters: shorter rare pieces are mostly fragments ("gesch", "issie").
RARE_PART_LETTERS = 6
#: Short parts (3 or 4 letters) must be very common: the list holds many short abbreviations and names that
#: would otherwise cut any word into "known" pieces.
SHORT_PART_ZIPF = 3.5
#: A compound of common parts is fine up to here: two parts ("omgevingsvergunning", "geboortedatum"), or
#: three parts that stay short ("burgerservicenummer", 19 letters).
LONG_COMPOUND_LETTERS = 20
#: Two parts are fine until the word gets really long ("arbeidsongeschiktheid" 21 letters: fine as two parts).
VERY_LONG_COMPOUND_LETTERS = 24
#: Joining letters between Dutch compound parts ("bestrijding-s-programma", "pann-e-koek").
LINKS_NL = ("s", "e")
#: The longest word we try to split (longer input is not a word).
MAX_SPLIT_LETTERS = 60
#: Pieces that are words in the list (or letters of a name) but never a part of a Dutch compound: bound
#: prefixes and suffixes ("ver-zelfstandigd", "con-serveert", "verkalk-ing"). Without them any rare word
#: falls apart into "known" pieces.
NOT_PARTS_NL = _words(
    "ver be ge ont her er con pre pro re de ing ers der ren est ster heid tie atie gende ende lijk lijke "
    "isch ische baar bare ig ige loos loze sel aire ere er ste st"
)
#: Separable prefixes: a first part of any length ("af-geladen", "op-gezet", "terug-zwemmen").
SEPARABLE_NL = _words("aan af bij door in mee na om op over toe uit voor weg terug samen")


@cache
def table(lang: str, size: str = "large") -> dict[str, float]:
    """Word → Zipf frequency for a language, loaded once, on first use.

    `size` is wordfreq's list: "large" (down to Zipf 1, 300,000 words: 0.17 s) or "small" (down to Zipf 3,
    30,000 words: 0.01 s), which is enough to know that a word is common.

    wordfreq's own `get_frequency_dict` costs twice as much CPU as reading its data file directly (its import
    alone pulls in three libraries), and `helder check` pays it on every run. The file format is documented in
    `wordfreq.read_cBpack`: a gzipped msgpack list, a header and then one list of words per centibel below
    frequency 1, so a word in list i has Zipf 9 - i/100, the value `zipf_frequency` gives. If the file is not
    where wordfreq 3 keeps it, or its header changed, we use wordfreq's public API instead.
    """
    lang = check_language(lang)
    buckets = _read_cbpack(lang, size)
    if buckets is None:
        from wordfreq import get_frequency_dict

        found = get_frequency_dict(lang, wordlist=size)
        return {word: round(math.log10(f) + 9, 2) for word, f in found.items() if f > 0}
    table: dict[str, float] = {}
    for index, words in enumerate(buckets):
        table.update(dict.fromkeys(words, round(9 - index / 100, 2)))
    return table


def _read_cbpack(lang: str, size: str) -> list[list[str]] | None:
    """The word lists of one of wordfreq's lists, read without importing wordfreq, or None."""
    import gzip
    import importlib.util

    import msgpack

    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / f"{size}_{lang}.msgpack.gz"
    try:
        with gzip.open(path, "rb") as handle:
            data = msgpack.load(handle, raw=False)
    except (OSError, ValueError, msgpack.UnpackException):
        return None
    if not data or data[0] != {"format": "cB", "version": 1}:
        return None
    return data[1:]


def zipf(word: str, lang: str) -> float:
    """Zipf frequency of one lowercase word (0.0 when it is not in the list at all)."""
    return table(lang).get(word, 0.0)


def common_zipf(word: str, lang: str) -> float:
    """Zipf frequency of a word or its base form if it is at least 3, else 0.0: from the small list.

    For questions that only need to know that a word is common ("is this rare Dutch word everyday
    English?"), without loading a second large list.
    """
    small = table(lang, "small")
    best = small.get(word, 0.0)
    for candidate in lemma_candidates(word, lang)[1:]:
        best = max(best, small.get(candidate, 0.0))
    return best


# --- Dutch inflection -------------------------------------------------------------------------------------------

_VOWELS = frozenset("aeiou")
#: Endings of Dutch word forms, longest first: comparative/superlative, diminutive, plural, past tense.
_SUFFIXES_NL = (
    "etjes",
    "etje",
    "tjes",
    "pjes",
    "kjes",
    "ere",
    "ste",
    "ten",
    "den",
    "tje",
    "pje",
    "kje",
    "jes",
    "end",
    "er",
    "st",
    "en",
    "te",
    "de",
    "je",
    "'s",
    "e",
    "s",
    "t",
    "d",
)
#: Derivations judged by their base: leesbaar-heid → leesbaar, lees-baar → lezen.
_DERIVATIONS_NL = ("heden", "heid", "baarheid", "baar", "bare")
_PRONOMINAL_NL = ("er", "daar", "hier", "waar")
_PREPOSITIONS_NL = _words(
    "aan achter bij binnen boven buiten door in langs mee na naast om onder op over tegen toe tussen uit "
    "van vandaan voor zonder"
)
_SUFFIXES_EN = ("ies", "ied", "ing", "est", "es", "ed", "er", "ly", "s")


def _spelling_variants(base: str) -> Iterator[str]:
    """The stem as written before an ending, back to its own spelling: schon → schoon, natt → nat, huiz → huis."""
    yield base
    if len(base) >= 3 and base[-1] == base[-2] and base[-1] not in _VOWELS:
        yield base[:-1]  # natt(e) → nat, ratt(en) → rat
    if (
        len(base) >= 3
        and base[-1] not in _VOWELS
        and base[-2] in "aeou"
        and base[-3] not in _VOWELS
        and base[-2:] != "ee"
    ):
        yield base[:-1] + base[-2] + base[-1]  # schon(ere) → schoon, adequat(e) → adequaat
    if base.endswith("z"):
        yield base[:-1] + "s"  # huiz(en) → huis
    if base.endswith("v"):
        yield base[:-1] + "f"  # brieven → brief
    if base.endswith("iël"):
        yield base[:-3] + "ieel"  # substantiël(e) → substantieel


def _infinitives(stem: str) -> Iterator[str]:
    """Infinitives that a verb stem may come from: maak → maken, zet → zetten, constateer → constateren."""
    if len(stem) < 2:
        return
    yield stem + "en"
    if len(stem) >= 3 and stem[-2] == stem[-3] and stem[-2] in "aeou" and stem[-1] not in _VOWELS:
        yield stem[:-2] + stem[-1] + "en"  # maak → maken, constateer → constateren
    if stem[-1] not in _VOWELS and stem[-2] in _VOWELS and (len(stem) < 3 or stem[-3] not in _VOWELS):
        yield stem + stem[-1] + "en"  # zet → zetten
    if stem.endswith("f"):
        yield stem[:-1] + "ven"  # leef → leven
    if stem.endswith("s"):
        yield stem[:-1] + "zen"  # reis → reizen
    if stem.endswith(("aa", "oe", "ie")):
        yield stem + "n"  # ga → gaan, doe → doen


@cache
def lemma_candidates(word: str, lang: str) -> tuple[str, ...]:
    """Possible base forms of a word form (the word itself first); not all are real words."""
    found = [word]
    if lang == "nl" and word.startswith("ge") and len(word) >= 6:
        # A participle: geladen → laden, geschuurd → schuur → schuren.
        found.append(word[2:])
        if word.endswith(("d", "t")):
            found.extend(_infinitives(word[2:-1]))
    if lang == "nl":
        found.extend(_infinitives(word))  # a verb stem used as a word: "inlog", "aanmeld"
        for ending in _DERIVATIONS_NL:
            if word.endswith(ending) and len(word) - len(ending) >= 4:
                base = word[: -len(ending)]
                found.extend(_spelling_variants(base))
                found.extend(_infinitives(base))
        for adverb in _PRONOMINAL_NL:
            if word.startswith(adverb) and word[len(adverb) :] in _PREPOSITIONS_NL:
                found.append(word[len(adverb) :])  # erlangs, daarnaast, waarvoor: judged as "langs"
    suffixes = _SUFFIXES_NL if lang == "nl" else _SUFFIXES_EN
    for suffix in suffixes:
        if not word.endswith(suffix) or len(word) - len(suffix) < 3:
            continue
        base = word[: -len(suffix)]
        if lang != "nl":
            found.extend((base, base + "e", base + "y"))
            continue
        for variant in _spelling_variants(base):
            found.append(variant)
            if suffix in ("t", "d", "te", "de", "ten", "den"):
                found.extend(_infinitives(variant))
    return tuple(dict.fromkeys(found))


@cache
def base_zipf(word: str, lang: str) -> tuple[float, str]:
    """The highest frequency among the word and its base forms, and that form: ("warmere") → (4.86, "warm")."""
    best, form = zipf(word, lang), word
    for candidate in lemma_candidates(word, lang)[1:]:
        value = zipf(candidate, lang)
        if value > best:
            best, form = value, candidate
    return best, form


# --- compounds --------------------------------------------------------------------------------------------------


class Part(NamedTuple):
    #: The part as it stands in the word, with its linking letter ("bestrijdings").
    text: str
    #: The part as a word of its own ("bestrijding").
    word: str
    zipf: float


def _part_zipf(piece: str, lang: str, final: bool, first: bool) -> tuple[float, str]:
    """How common a piece is as a compound part.

    The last part may be inflected ("programma's", "ratten"); a part before it may be a verb stem, judged by
    its infinitive ("zwem-bad", "speel-tuin"); the first may be a separable prefix ("af-geladen").
    """
    if piece in NOT_PARTS_NL:
        return 0.0, piece
    if first and piece in SEPARABLE_NL:
        return zipf(piece, lang), piece
    if len(piece) <= 4:
        value, form = zipf(piece, lang), piece  # "hort" is not "horen": short pieces only as written
    elif final:
        value, form = base_zipf(piece, lang)
    else:
        value, form = zipf(piece, lang), piece
        for infinitive in _infinitives(piece):
            verb = zipf(infinitive, lang)
            if verb > value:
                value, form = verb, infinitive
    if len(piece) <= 4:
        needed = SHORT_PART_ZIPF
    elif len(piece) < RARE_PART_LETTERS:
        needed = COMMON_ZIPF
    else:
        needed = PART_ZIPF
    return (value, form) if value >= needed else (0.0, form)


def _split_cost(option: tuple[tuple[Part, ...], float]) -> tuple[int, int, float]:
    """Fewest rare parts, then fewest parts, then the most common weakest part.

    Rare parts first: "burger-service-nummer" (three common parts) beats "burger-servicenummer" (two parts,
    one of them rare), so the reader's view of the word wins over the shortest split.
    """
    parts, lowest = option
    return (sum(1 for part in parts if part.zipf < COMMON_ZIPF), len(parts), -lowest)


@cache
def split_compound(word: str, lang: str) -> tuple[Part, ...]:
    """The fewest known parts that make up `word` (the most common split among equals), or () if none.

    "muskusrattenbestrijdingsprogramma" → muskus + ratten + bestrijdings (bestrijding) + programma. A part
    has at least 3 letters; between parts a linking "s" or "e" may stand. Only Dutch writes compounds as one
    word; for English this returns ().
    """
    if lang != "nl" or len(word) < 6 or len(word) > MAX_SPLIT_LETTERS or not word.isalpha():
        return ()
    length = len(word)
    # best[i]: the best split of word[i:] as (parts, lowest zipf), or None when it cannot be split.
    best: list[tuple[tuple[Part, ...], float] | None] = [None] * (length + 1)
    best[length] = ((), 0.0)
    for start in range(length - 3, -1, -1):
        options: list[tuple[tuple[Part, ...], float]] = []
        for end in range(start + 2, length + 1):
            final = end == length
            if final and start == 0:
                break  # the word itself is not a split
            if end - start < 3 and (start or word[start:end] not in SEPARABLE_NL):
                continue
            value, form = _part_zipf(word[start:end], lang, final, start == 0)
            if value <= 0:
                continue
            for link in ("", *LINKS_NL) if not final else ("",):
                after = end + len(link)
                if link and word[end:after] != link:
                    continue
                rest = best[after] if after <= length else None
                if rest is None or (after == length and link):
                    continue
                parts = (Part(word[start:after], form, value), *rest[0])
                lowest = min(value, rest[1]) if rest[0] else value
                options.append((parts, lowest))
        if options:
            best[start] = min(options, key=_split_cost)
    found = best[0]
    if found is None or len(found[0]) < 2:
        return ()
    return found[0]


# --- verbs behind nouns -----------------------------------------------------------------------------------------

#: Endings of Dutch nouns made from verbs, and how the verb ends: beoordel-ing → beoordel-en, implement-atie →
#: implement-eren, reduc-tie → reduc-eren, toe-name → toe-nemen.
_NOUN_TO_VERB_NL = (
    ("ing", ("en",)),
    ("atie", ("eren",)),
    ("ctie", ("ceren",)),
    ("utie", ("ueren",)),
    ("name", ("nemen",)),
    ("ment", ("menteren", "eren")),
)
#: The endings above, for a quick test before the lookup.
NOUN_ENDINGS_NL = tuple(ending for ending, _ in _NOUN_TO_VERB_NL)


#: A verb found behind a noun counts from here: "intensiveren" (2.2) is a real, if formal, verb.
VERB_ZIPF = 2.0


#: Nouns from verbs that name a thing, not an action: "de woning" is a house, not "het wonen". Most such
#: nouns are also far more common than their verb (see `LEXICALISED_GAP`); these are not.
LEXICALISED_NL = _words("""
    woning rekening regering omgeving leiding kleding stichting vereniging verzekering uitkering vergunning
    opleiding afdeling richting mening ervaring woning tekening verklaring verpakking bedoeling voorziening
    instelling inrichting aansluiting bijlage verzending
    """)
#: A noun this much more common than its verb (in Zipf) is a word of its own: "informatie" (5.5) beside
#: "informeren" (4.3), "vergadering" beside "vergaderen".
LEXICALISED_GAP = 1.0


@cache
def verb_of_noun(noun: str, lang: str) -> str:
    """The verb whose action a Dutch noun names ("beoordeling" → "beoordelen"), or "".

    Nouns that name a thing ("woning", "informatie", "uitkering") give "": writing the verb instead would
    change the meaning.
    """
    if lang != "nl" or noun in LEXICALISED_NL:
        return ""
    for ending, verb_endings in _NOUN_TO_VERB_NL:
        if not noun.endswith(ending) or len(noun) - len(ending) < 3:
            continue
        stem = noun[: -len(ending)]
        for verb_ending in verb_endings:
            verb = stem + verb_ending
            verb_zipf = zipf(verb, lang)
            if verb_zipf >= VERB_ZIPF:
                return "" if zipf(noun, lang) - verb_zipf >= LEXICALISED_GAP else verb
    return ""


# --- the verdict ----------------------------------------------------------------------------------------------


class Judgement(NamedTuple):
    """What a reader meets in a word: "common", "rare" (a word few readers know) or "long-compound"."""

    kind: str
    #: Zipf of the word as written.
    zipf: float
    #: The most common base form ("warm" for "warmere"), or the word itself.
    lemma: str
    #: Compound parts, when the word was judged by them.
    parts: tuple[Part, ...] = ()


@cache
def judge(word: str, lang: str) -> Judgement:
    """Is this lowercase word everyday language for a B1 reader?

    - common: the word or a base form is common, or it is a compound of common parts of moderate length;
    - long-compound: a compound of three or more parts of 20 letters or more ("klanttevredenheidsonderzoek",
      27), or of two parts from 24 letters, or one with a rare part ("muskusrattenbestrijdingsprogramma"):
      the fix is to split it;
    - rare: none of the above ("discrepanties", "omissie", "satisfactoir").
    """
    own = zipf(word, lang)
    value, lemma = base_zipf(word, lang)
    parts = split_compound(word, lang)
    letters = len(word)
    if parts:
        all_common = all(part.zipf >= COMMON_ZIPF for part in parts)
        too_long = (
            len(parts) >= 3 and letters >= LONG_COMPOUND_LETTERS
        ) or letters >= VERY_LONG_COMPOUND_LETTERS
        if too_long and own < COMMON_ZIPF + 1:
            return Judgement("long-compound", own, lemma, parts)
        if value >= COMMON_ZIPF or all_common:
            return Judgement("common", own, lemma, parts)
        if letters >= LONG_COMPOUND_LETTERS:
            return Judgement("long-compound", own, lemma, parts)
        return Judgement("rare", own, lemma, parts)
    if value >= COMMON_ZIPF:
        return Judgement("common", own, lemma)
    return Judgement("rare", own, lemma)
