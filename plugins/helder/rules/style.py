"""Style at word and sentence level: rare words, long compounds, nominal style, long enumerations,
abbreviations without their full name, and the jargon list's tips.

The engine finds them (`readability.rare`, `.nominal`, `.enumeration`, `.abbreviation`, `.jargon`); this
module turns them into findings at the line of the word, with a fix the editor can apply. It uses the page
analysis that `rules.readability` already made (`analysis_for`), so a page is parsed and split once.

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
- `words.jargon-tip` is a tip (info): words most readers know, for which a plainer word exists ("wijzigen",
  "legitimatie"). The warnings of the jargon list stay with `words.jargon`.

Never reported: the words of the page title, names, numbers, the site's protected words (`protected_words`
in the plugin options: "DigiD", "MijnOverheid", the municipality's own names) and the words of the national
product list (UPL), which a page about that product must use.
"""

from __future__ import annotations

from functools import cache

from readability import Sentence, TextAnalysis, WordList, analyze_text, site_word_list
from readability.abbreviation import definitions, find_abbreviations
from readability.enumeration import find_enumerations
from readability.jargon import LEVELS
from readability.nominal import CHANGE_VERBS, find_nominals
from readability.rare import RareWord, explained_words, find_rare_words, is_known, normalize

from ..findings import Finding, Severity
from ..messages import message, quote_list, register
from ..source import SourcePage
from ..upl import upl_list
from . import CheckContext, Rule
from .readability import analysis_for, options, page_language
from .words import jargon_path

RULES = [
    Rule("readability.rare-word", Severity.WARNING, "Een woord dat veel lezers niet kennen."),
    Rule("readability.compound", Severity.WARNING, "Een lang samengesteld woord dat beter in delen kan."),
    Rule(
        "readability.nominal",
        Severity.WARNING,
        "De actie zit in een zelfstandig naamwoord, niet in een werkwoord.",
    ),
    Rule("readability.enumeration", Severity.WARNING, "Een lange opsomming in één zin."),
    Rule("readability.abbreviation", Severity.WARNING, "Een afkorting zonder de hele naam erbij."),
    Rule(
        "words.jargon-tip", Severity.INFO, "Een woord dat de meeste lezers kennen, maar dat eenvoudiger kan."
    ),
]
_SEVERITY = {rule.id: rule.severity for rule in RULES}

register(
    {
        "st_rare_word": {
            "nl": ('Veel lezers kennen het woord "{word}" niet.{times}', "{advice}"),
            "en": ('Many readers do not know the word "{word}".{times}', "{advice}"),
        },
        "st_rare_advice": {
            "nl": (
                'Kies een woord dat meer mensen kennen. Of leg uit wat het betekent: "{word} betekent …".',
                "",
            ),
            "en": ('Choose a word more people know. Or explain what it means: "{word} means …".', ""),
        },
        "st_times": {
            "nl": (" Het staat {count} keer op deze pagina.", ""),
            "en": (" It is on this page {count} times.", ""),
        },
        "st_compound": {
            "nl": (
                'Het woord "{word}" is lang. De lezer moet het eerst in stukken knippen: {parts}.',
                'Schrijf het in meer woorden, bijvoorbeeld "{rewrite}".',
            ),
            "en": (
                'The word "{word}" is long. The reader must first cut it into parts: {parts}.',
                'Write it in more words, for example "{rewrite}".',
            ),
        },
        "st_nominal": {
            "nl": ('In "{fragment}" zit de actie in het woord "{noun}".{light}', "{advice}"),
            "en": ('In "{fragment}" the action is hidden in the word "{noun}".{light}', "{advice}"),
        },
        "st_nominal_light": {
            "nl": (' En "{light}" zegt zelf niets.', ""),
            "en": (' And "{light}" says nothing itself.', ""),
        },
        "st_nominal_who": {
            "nl": ('Schrijf het werkwoord, bijvoorbeeld: "{example}". Zeg erbij wie het doet.', ""),
            "en": ('Use the verb, for example: "{example}". Say who does it.', ""),
        },
        "st_nominal_change": {
            "nl": ('Schrijf het werkwoord, bijvoorbeeld: "{example}".', ""),
            "en": ('Use the verb, for example: "{example}".', ""),
        },
        "st_enumeration": {
            "nl": (
                "Deze zin noemt {count} dingen achter elkaar. Dat is moeilijk te onthouden.",
                'Zet de onderdelen in een lijst, elk op een eigen regel. De lijst begint met "{first}".',
            ),
            "en": (
                "This sentence names {count} things in a row. That is hard to remember.",
                'Put the parts in a list, each on its own line. The list starts with "{first}".',
            ),
        },
        "st_abbreviation": {
            "nl": ('De afkorting "{abbr}" staat hier zonder de hele naam.', "{advice}"),
            "en": ('The abbreviation "{abbr}" is used here without its full name.', "{advice}"),
        },
        "st_abbreviation_known": {
            "nl": (
                "Schrijf de eerste keer de hele naam, met de afkorting erachter tussen haakjes. "
                "Of zet deze regel onder aan de pagina: {definition}",
                "",
            ),
            "en": (
                "Write the full name the first time, with the abbreviation after it in brackets. "
                "Or put this line at the end of the page: {definition}",
                "",
            ),
        },
        "st_abbreviation_unknown": {
            "nl": (
                "Schrijf de eerste keer de hele naam, met de afkorting erachter tussen haakjes. "
                "Of zet een regel onder aan de pagina: *[{abbr}]: en dan de hele naam.",
                "",
            ),
            "en": (
                "Write the full name the first time, with the abbreviation after it in brackets. "
                "Or put a line at the end of the page: *[{abbr}]: and then the full name.",
                "",
            ),
        },
        "st_jargon_tip": {
            "nl": ('"{found}" kan eenvoudiger.', "{advice}"),
            "en": ('"{found}" can be simpler.', "{advice}"),
        },
        "st_jargon_alternatives": {
            "nl": ("Schrijf bijvoorbeeld {alternatives}.", ""),
            "en": ("For example, write {alternatives}.", ""),
        },
    }
)


def _finding(
    page: SourcePage,
    line: int,
    rule_id: str,
    lang: str,
    key: str,
    /,
    replacement: str | None = None,
    **values: object,
) -> Finding:
    return Finding(page.path, line, rule_id, _SEVERITY[rule_id], *message(lang, key, **values), replacement)


def _text(lang: str, key: str, **values: object) -> str:
    return message(lang, key, **values)[0]


@cache
def _upl_words() -> frozenset[str]:
    """Every word of the national product list (UPL names), read once: a page may use its product's name."""
    return normalize(word for entry in upl_list().values() for word in entry.name.split() if len(word) >= 5)


@cache
def _protected(words: tuple[str, ...]) -> frozenset[str]:
    return normalize(words) | _upl_words()


def protected_words(ctx: CheckContext) -> tuple[str, ...]:
    """The site's `protected_words` (its own names and products), as configured."""
    return tuple(str(word) for word in (getattr(ctx.options, "protected_words", None) or ()))


def _quote_parts(parts: tuple[str, ...]) -> str:
    """The parts as the message shows them: "muskus" + "ratten" + "programma"."""
    return " + ".join(f'"{part}"' for part in parts)


# --- the checks ---------------------------------------------------------------------------------------------


def _rare_words(
    page: SourcePage, analysis: TextAnalysis, lang: str, protected: frozenset[str], jargon: WordList
) -> list[Finding]:
    """One finding per distinct word, at its first line (like `readability.long-word`).

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
    known |= explained_words(analysis.sentences)
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
    findings: list[Finding] = []
    for key, (found, line) in first.items():
        if found.kind == "long-compound":
            findings.append(
                _finding(
                    page,
                    line,
                    "readability.compound",
                    lang,
                    "st_compound",
                    word=found.word.text,
                    parts=_quote_parts(found.parts),
                    rewrite=found.rewrite,
                )
            )
            continue
        times = _text(lang, "st_times", count=counts[key]) if counts[key] > 1 else ""
        findings.append(
            _finding(
                page,
                line,
                "readability.rare-word",
                lang,
                "st_rare_word",
                word=found.word.text,
                times=times,
                advice=_text(lang, "st_rare_advice", word=found.word.lower),
            )
        )
    return findings


def _nominals(page: SourcePage, sentence: Sentence, lang: str) -> list[Finding]:
    findings = []
    for nominal in find_nominals(sentence):
        light = _text(lang, "st_nominal_light", light=nominal.light) if nominal.light else ""
        key = "st_nominal_change" if nominal.verb in CHANGE_VERBS else "st_nominal_who"
        findings.append(
            _finding(
                page,
                sentence.line_at(nominal.start),
                "readability.nominal",
                lang,
                "st_nominal",
                fragment=nominal.fragment,
                noun=nominal.noun.text,
                light=light,
                advice=_text(lang, key, example=nominal.example),
            )
        )
    return findings


def _enumerations(page: SourcePage, sentence: Sentence, lang: str) -> list[Finding]:
    return [
        _finding(
            page,
            sentence.line_at(enumeration.start),
            "readability.enumeration",
            lang,
            "st_enumeration",
            count=len(enumeration.items),
            first=enumeration.items[0],
        )
        for enumeration in find_enumerations(sentence)
    ]


def _abbreviations(
    page: SourcePage, analysis: TextAnalysis, lang: str, protected: tuple[str, ...]
) -> list[Finding]:
    findings = []
    for found in find_abbreviations(
        analysis.sentences,
        defined=definitions(page.body),
        protected=protected,
        title=page.title,
        lang=analysis.lang,
    ):
        if found.definition:
            advice = _text(lang, "st_abbreviation_known", definition=found.definition)
        else:
            advice = _text(lang, "st_abbreviation_unknown", abbr=found.text)
        findings.append(
            _finding(
                page,
                found.sentence.line_at(found.word.start),
                "readability.abbreviation",
                lang,
                "st_abbreviation",
                abbr=found.text,
                advice=advice,
            )
        )
    return findings


def _jargon_lists(ctx: CheckContext, page_lang: str) -> tuple[WordList, WordList]:
    """The site's jargon list: the tips, and every level (the rare-word rule leaves all of them alone)."""
    opts = options(ctx)
    extra = jargon_path(ctx, getattr(opts, "jargon_extra", None))
    remove = tuple(getattr(opts, "jargon_remove", None) or ())
    return (
        site_word_list(page_lang, extra, remove, levels=("tip",)),
        site_word_list(page_lang, extra, remove, levels=LEVELS),
    )


def _jargon_tips(
    page: SourcePage, analysis: TextAnalysis, ctx: CheckContext, tips: WordList
) -> list[Finding]:
    """The jargon list's tips (its warnings are `words.jargon`'s)."""
    findings: list[Finding] = []
    for sentence in analysis.sentences:
        for match in tips.find(sentence):
            entry = match.entry
            parts = []
            if entry.alternatives:
                parts.append(
                    _text(
                        ctx.lang,
                        "st_jargon_alternatives",
                        alternatives=quote_list(entry.alternatives, ctx.lang),
                    )
                )
            if entry.note:
                parts.append(entry.note)
            findings.append(
                _finding(
                    page,
                    sentence.line_at(match.start),
                    "words.jargon-tip",
                    ctx.lang,
                    "st_jargon_tip",
                    match.replacement,
                    found=match.found,
                    advice=" ".join(parts),
                )
            )
    return findings


def check(page: SourcePage, ctx: CheckContext) -> list[Finding]:
    """The style findings of one page (its body: front matter is data, code is not prose)."""
    lang = page_language(page)
    if lang is None:
        return []
    analysis = analysis_for(page, lang)
    site_words = protected_words(ctx)
    protected = _protected(site_words)
    tips, every_level = _jargon_lists(ctx, lang)
    findings = _jargon_tips(page, analysis, ctx, tips)
    findings.extend(_rare_words(page, analysis, ctx.lang, protected, every_level))
    for sentence in analysis.sentences:
        findings.extend(_nominals(page, sentence, ctx.lang))
        findings.extend(_enumerations(page, sentence, ctx.lang))
    findings.extend(_abbreviations(page, analysis, ctx.lang, site_words))
    return findings


__all__ = ["RULES", "check", "protected_words"]
