"""Style at word and sentence level: rare words, long compounds, nominal style, long enumerations,
abbreviations without their full name, and the jargon list's tips.

The engine finds them (`readability.rare`, `.nominal`, `.enumeration`, `.abbreviation`, `.jargon`); this
module turns them into hits at the line of the word, with a fix the editor can apply. It uses the page's
analysis that the context keeps (`ctx.analysis`), so a page is parsed and split once.

Default levels, and why (measured with `bench/lint_eval.py` on LiNT-II's labelled development set and on the
demo site):

- `readability.rare-word` and `readability.compound` are warnings: a word that most readers do not know
  blocks the whole sentence. On the development set they found every rare-word item and did not fire on any
  of the 35 clean items; on the demo site they fire only where the text is really harder than it needs to be.
- `readability.nominal` and `readability.enumeration` are warnings: they only fire when the pattern carries
  the sentence (two nouns made from verbs, or one with an empty verb such as "vindt plaats"; three or more
  long parallel items), never on a plain sentence with one such noun or a short list of three.
- `readability.abbreviation` is a warning: an abbreviation that is never written out is a real barrier, also
  for screen reader users; the fix takes one line.
The jargon list's tips (words most readers know, for which a plainer word exists: "wijzigen", "legitimatie")
are reported by `rules.words` as `words.jargon-tip`, next to its warnings.

Never reported: the words of the page title, names, numbers, the site's protected words (`protected_words`
in the plugin options: "DigiD", "MijnOverheid", the municipality's own names) and the words of the national
product list (UPL), which a page about that product must use.
"""

from __future__ import annotations

from functools import cache

from readability import Sentence, TextAnalysis, WordList, analyze_text
from readability.abbreviation import definitions, find_abbreviations
from readability.enumeration import find_enumerations
from readability.nominal import CHANGE_VERBS, find_nominals
from readability.rare import RareWord, explained_words, find_rare_words, is_known, normalize

from ..findings import Hit, Rule, Severity
from ..messages import Msg
from ..source import SourcePage
from ..upl import upl_list
from .context import CheckContext
from .readability import page_language

RULES = [
    Rule("readability.rare-word", Severity.WARNING, ("st_rare_word", "st_rare_advice", "st_times")),
    Rule("readability.compound", Severity.WARNING, ("st_compound",)),
    Rule(
        "readability.nominal",
        Severity.WARNING,
        ("st_nominal", "st_nominal_light", "st_nominal_who", "st_nominal_change"),
    ),
    Rule("readability.enumeration", Severity.WARNING, ("st_enumeration",)),
    Rule(
        "readability.abbreviation",
        Severity.WARNING,
        ("st_abbreviation", "st_abbreviation_known", "st_abbreviation_unknown"),
    ),
]


@cache
def _upl_words() -> frozenset[str]:
    """Every word of the national product list (UPL names), read once: a page may use its product's name."""
    return normalize(word for entry in upl_list().values() for word in entry.name.split() if len(word) >= 5)


@cache
def _protected(words: tuple[str, ...]) -> frozenset[str]:
    return normalize(words) | _upl_words()


def _quote_parts(parts: tuple[str, ...]) -> str:
    """The parts as the message shows them: "muskus" + "ratten" + "programma"."""
    return " + ".join(f'"{part}"' for part in parts)


# --- the checks ---------------------------------------------------------------------------------------------


def _rare_words(
    page: SourcePage,
    analysis: TextAnalysis,
    protected: frozenset[str],
    jargon: WordList,
    names: frozenset[str],
) -> list[Hit]:
    """One hit per distinct word, at its first line (like `readability.long-word`).

    The page's own explanations, its title and the jargon list (which reports its words itself) are only
    looked at on a page with a candidate: most pages have none, and this runs for every page of a site.
    """
    candidates = [
        (sentence, found)
        for sentence in analysis.sentences
        for found in find_rare_words(sentence, protected=protected)
    ]
    if not candidates:
        return []
    known = normalize(
        word.lower
        for sentence in analyze_text(page.title, analysis.lang).sentences
        for word in sentence.words
    )
    known |= explained_words(analysis.sentences) | normalize(names)
    covered: dict[int, set[str]] = {}
    first: dict[str, tuple[RareWord, int]] = {}
    counts: dict[str, int] = {}
    for sentence, found in candidates:
        key = found.word.lower
        if id(sentence) not in covered:
            covered[id(sentence)] = {
                word for match in jargon.find(sentence) for word in match.found.lower().split()
            }
        if key in covered[id(sentence)] or is_known(key, known, analysis.lang):
            continue
        counts[key] = counts.get(key, 0) + 1
        if key not in first:
            first[key] = (found, sentence.line_at(found.word.start))
    hits: list[Hit] = []
    for key, (found, line) in first.items():
        if found.kind == "long-compound":
            values = {"word": found.word.text, "parts": _quote_parts(found.parts), "rewrite": found.rewrite}
            hits.append(Hit("readability.compound", line, "st_compound", values))
            continue
        values = {
            "word": found.word.text,
            "times": Msg("st_times", count=counts[key]) if counts[key] > 1 else "",
            "advice": Msg("st_rare_advice", word=found.word.lower),
        }
        hits.append(Hit("readability.rare-word", line, "st_rare_word", values))
    return hits


def _nominals(sentence: Sentence) -> list[Hit]:
    hits = []
    for nominal in find_nominals(sentence):
        key = "st_nominal_change" if nominal.verb in CHANGE_VERBS else "st_nominal_who"
        values = {
            "fragment": nominal.fragment,
            "noun": nominal.noun.text,
            "light": Msg("st_nominal_light", light=nominal.light) if nominal.light else "",
            "advice": Msg(key, example=nominal.example),
        }
        hits.append(Hit("readability.nominal", sentence.line_at(nominal.start), "st_nominal", values))
    return hits


def _enumerations(sentence: Sentence) -> list[Hit]:
    return [
        Hit(
            "readability.enumeration",
            sentence.line_at(enumeration.start),
            "st_enumeration",
            {"count": len(enumeration.items), "first": enumeration.items[0]},
        )
        for enumeration in find_enumerations(sentence)
    ]


def _abbreviations(page: SourcePage, analysis: TextAnalysis, protected: tuple[str, ...]) -> list[Hit]:
    hits = []
    found_all = find_abbreviations(
        analysis.sentences,
        defined=definitions(page.body),
        protected=protected,
        title=page.title,
        lang=analysis.lang,
    )
    for found in found_all:
        if found.definition:
            advice = Msg("st_abbreviation_known", definition=found.definition)
        else:
            advice = Msg("st_abbreviation_unknown", abbr=found.text)
        line = found.sentence.line_at(found.word.start)
        hits.append(
            Hit("readability.abbreviation", line, "st_abbreviation", {"abbr": found.text, "advice": advice})
        )
    return hits


def check(page: SourcePage, ctx: CheckContext) -> list[Hit]:
    """The style hits of one page (its body: front matter is data, code is not prose)."""
    lang = page_language(page)
    if lang is None or lang not in ctx.words:
        return []
    analysis = ctx.analysis(page, lang)
    site_words = ctx.settings.protected_words
    hits = _rare_words(page, analysis, _protected(site_words), ctx.words[lang], ctx.names)
    for sentence in analysis.sentences:
        hits.extend(_nominals(sentence))
        hits.extend(_enumerations(sentence))
    hits.extend(_abbreviations(page, analysis, site_words))
    return hits
