"""Readability rules: which sentence is too long, which page too hard, which word too long, which passive.

The work is done by the `readability` engine (no MkDocs in it); this module turns its results into findings
with a line and a concrete suggestion, applies the site's limits and a page's justified overrides, and stashes
the page's scores for the dashboard in `ctx.data_for(path)["readability"]`.

Default limits for Dutch (B1), and why
--------------------------------------
- Sentence length 20 words: the usual B1 advice is 15 on average and never much more than 20; a hard limit
  above the average catches the sentences editors really need to split, not every ordinary one.
- Flesch-Douma at least 60: 60–70 is "normal" on the Douma scale and B1 starts there. Measured with this
  engine on the sample pages in `tests/readability/samples/` (the same waste-pass facts written three ways):
  plain B1 page 95 (LIX 22), an ordinary decent municipal page 71 (LIX 33), the bureaucratic version 35
  (LIX 62); the study report in the brief's reference folder (policy prose) scores 45 (LIX 49). 60 leaves
  room for the unavoidable long words of a product page (omgevingsvergunning, uittreksel) without letting
  officialese through.
- LIX at most 45: LIX 25–35 is easy, 35–45 ordinary prose, above 45 hard ("moeilijk", newspapers and official
  letters). It needs no syllables, so it checks Flesch-Douma with an independent measure of word length.
- Long words from 7 syllables: "omgevingsvergunning" (6) is a normal product name and passes;
  "aansprakelijkheidsverzekering" (9) and "inkomensafhankelijke" (8) are flagged. Never reported: the words
  of the page's own title (the product name readers search for, e.g. "Gehandicaptenparkeerkaart"), names
  (capitalised inside a sentence), the legal terms in `LEGAL_TERMS` and a site's `long_word_allow`.
- Pages under 50 words get no page score: with a handful of sentences, one heading moves the score by 20
  points, so the verdict would be noise. Their sentences and words are still checked.

English pages use Flesch Reading Ease ≥ 60 (GOV.UK's "plain English" band), the same LIX limit, 20 words per
sentence and long words from 6 syllables: "municipality", "identification" (plain: "council", "ID") are
flagged, "international" and "application" pass; Latinate officialese is the jargon list's job.
"""

from __future__ import annotations

import re
from dataclasses import replace
from enum import StrEnum
from typing import Any

from readability import (
    SUPPORTED_LANGUAGES,
    Sentence,
    TextAnalysis,
    WordList,
    analyze_text,
    check_language,
    find_passives,
    suggest_split,
)
from readability.errors import UnsupportedLanguageError
from readability.frequency import judge

from ..findings import Hit, Rule, Severity
from ..messages import Joined, Msg
from ..source import SourcePage
from .context import CheckContext
from .settings import DEFAULT_LIMITS, Limits, RuleSettings

RULES = [
    Rule(
        "readability.sentence-length",
        Severity.ERROR,
        (
            "rd_sentence_long",
            "rd_split_mark_conjunction",
            "rd_split_conjunction",
            "rd_split_mark",
            "rd_split_none",
        ),
    ),
    Rule(
        "readability.page-score",
        Severity.ERROR,
        ("rd_page_score", "rd_flesch_low", "rd_lix_high", "rd_hardest", "rd_hardest_none", "rd_line"),
    ),
    Rule("readability.long-word", Severity.WARNING, ("rd_long_word", "rd_times")),
    Rule("readability.passive", Severity.WARNING, ("rd_passive", "rd_passive_agent", "rd_passive_plain")),
    Rule("readability.override-reason", Severity.ERROR, ("rd_override_reason",)),
    Rule(
        "readability.override-value",
        Severity.ERROR,
        ("rd_override_key", "rd_override_rule", "rd_override_number"),
    ),
]


class Verdict(StrEnum):
    """A page's readability verdict, in the dashboard and `.helder/report.json`."""

    OK = "ok"
    TOO_HARD = "too-hard"


#: Long words the law fixes: a page must use them (and may explain them), so they are never reported.
LEGAL_TERMS = frozenset({"toegankelijkheidsverklaring", "burgerservicenummer"})


# --- shared with words.py -----------------------------------------------------------------------------------


def page_language(page: SourcePage) -> str | None:
    """The page's language for the engine, or None to skip the page.

    A wrong `lang:` in a page's front matter is a content error the front matter rule already reports; we skip
    that page. An unsupported site default (`content_lang`, `theme.language`) is a configuration error: the
    engine raises `UnsupportedLanguageError` rather than scoring Dutch formulas on German text.
    """
    own = page.meta.get("lang")
    if own is not None:
        try:
            return check_language(own)
        except UnsupportedLanguageError:
            return None
    return check_language(page.default_lang)


_WHAT = {
    "title": "rd_what_heading",
    "heading": "rd_what_heading",
    "table-cell": "rd_what_cell",
    "list-item": "rd_what_item",
}


def _number(value: float) -> str:
    """Whole numbers in messages: "35", not "34.8" (and no decimal point in a Dutch sentence)."""
    return str(int(round(value)))


# --- per-page overrides -------------------------------------------------------------------------------------

#: Front matter `limits:` keys per rule, and the `Limits` field each one sets.
OVERRIDABLE: dict[str, dict[str, str]] = {
    "readability.sentence-length": {"max": "sentence_words"},
    "readability.page-score": {"flesch_min": "flesch_min", "lix_max": "lix_max"},
    "readability.long-word": {"syllables": "long_word_syllables"},
}


def page_limits(page: SourcePage, limits: Limits) -> tuple[Limits, list[Hit]]:
    """The limits after the page's `limits:` overrides, and hits for overrides Helder refuses.

    An override only counts with a written reason: a court or ombudsman may ask why a page is harder than the
    norm, and "because the editor wanted it" is no answer. Without a reason the override is refused (the
    normal limit applies) and reported at the line of `limits`.
    """
    overrides = page.meta.get("limits")
    if not isinstance(overrides, dict):
        return limits, []
    line = page.line_of("limits")
    hits: list[Hit] = []
    changes: dict[str, Any] = {}
    for rule, settings in overrides.items():
        rule = str(rule)
        if not rule.startswith("readability."):
            continue
        if rule not in OVERRIDABLE:
            values = {"rule": rule, "allowed": ", ".join(OVERRIDABLE)}
            hits.append(Hit("readability.override-value", line, "rd_override_rule", values))
            continue
        if not isinstance(settings, dict):
            continue  # the front matter validator reports a `limits` entry that is not a mapping
        reason = settings.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            hits.append(Hit("readability.override-reason", line, "rd_override_reason", {"rule": rule}))
            continue
        allowed = OVERRIDABLE[rule]
        for key, value in settings.items():
            if key == "reason":
                continue
            if key not in allowed:
                values = {"rule": rule, "key": key, "allowed": ", ".join(allowed)}
                hits.append(Hit("readability.override-value", line, "rd_override_key", values))
                continue
            field = allowed[key]
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                values = {"rule": rule, "key": key, "example": _number(getattr(limits, field))}
                hits.append(Hit("readability.override-value", line, "rd_override_number", values))
                continue
            changes[field] = int(value) if field in ("sentence_words", "long_word_syllables") else value
    return (replace(limits, **changes) if changes else limits), hits


# --- the checks ---------------------------------------------------------------------------------------------


def _split_advice(sentence: Sentence) -> Msg:
    split = suggest_split(sentence)
    if split is None:
        return Msg("rd_split_none", opening=sentence.opening())
    if split.mark and split.conjunction:
        return Msg("rd_split_mark_conjunction", before=split.before, conjunction=split.conjunction)
    if split.conjunction:
        return Msg("rd_split_conjunction", after=split.after)
    return Msg("rd_split_mark", before=split.before)


def _sentence_length(analysis: TextAnalysis, limits: Limits) -> list[Hit]:
    hits: list[Hit] = []
    for sentence in analysis.sentences:
        if sentence.word_count <= limits.sentence_words:
            continue
        values = {
            "what": Msg(_WHAT.get(sentence.kind, "rd_what_sentence")),
            "words": sentence.word_count,
            "max": limits.sentence_words,
            "advice": _split_advice(sentence),
        }
        hits.append(Hit("readability.sentence-length", sentence.line, "rd_sentence_long", values))
    return hits


def _long_words(
    analysis: TextAnalysis,
    limits: Limits,
    allow: set[str],
    elsewhere: frozenset[str] = frozenset(),
    jargon: WordList | None = None,
) -> list[Hit]:
    """One hit per distinct long word, at its first line: repeating it for every use is only noise.

    A capitalised word inside a sentence is a name ("Klantcontactcentrum", "Immigration and Naturalisation
    Service"): the editor cannot shorten it, so it is not reported. A word that a rule with a better fix
    reports is left to that rule, so an editor sees one finding per word: a jargon word (`jargon`: it comes
    with the plain word) and, per kind the engine judges it (`elsewhere`), a long compound (where to cut it)
    or a word few readers know.
    """
    first: dict[str, tuple[str, int, int]] = {}
    counts: dict[str, int] = {}
    for sentence in analysis.sentences:
        covered: set[str] | None = None
        for position, word in enumerate(sentence.words):
            if word.tag != "word" or word.syllables < limits.long_word_syllables or word.lower in allow:
                continue
            if position > 0 and word.text[:1].isupper():
                continue
            if elsewhere and judge(word.lower, analysis.lang).kind in elsewhere:
                continue
            if jargon is not None:
                if covered is None:
                    covered = {w for m in jargon.find(sentence) for w in m.found.lower().split()}
                if word.lower in covered:
                    continue
            counts[word.lower] = counts.get(word.lower, 0) + 1
            if word.lower not in first:
                first[word.lower] = (word.text, word.syllables, sentence.line_at(word.start))
    hits = []
    for lower, (text, syllables, line) in first.items():
        times = Msg("rd_times", count=counts[lower]) if counts[lower] > 1 else ""
        values = {"word": text, "syllables": syllables, "times": times}
        hits.append(Hit("readability.long-word", line, "rd_long_word", values))
    return hits


def _passives(analysis: TextAnalysis) -> list[Hit]:
    hits = []
    for sentence in analysis.sentences:
        for passive in find_passives(sentence):
            advice = (
                Msg("rd_passive_agent", agent=passive.agent) if passive.agent else Msg("rd_passive_plain")
            )
            values = {"fragment": passive.fragment, "advice": advice}
            hits.append(Hit("readability.passive", sentence.line_at(passive.start), "rd_passive", values))
    return hits


def scores_record(
    analysis: TextAnalysis, limits: Limits, *, measured: bool, too_hard: bool, hardest: list[Sentence]
) -> dict[str, Any]:
    """The page's scores as plain, JSON-ready data for the dashboard (`ctx.data_for(path)["readability"]`).

    Keys: lang, words, sentences, syllables, words_per_sentence, syllables_per_word, flesch_douma (nl) or
    flesch_reading_ease (en), brouwer (None for en), lix, long_word_share, measured (False under `min_words`),
    verdict (a `Verdict`), limits (the effective ones), long_sentences, hardest ([{line, words, text}], only for
    a page that is too hard).
    """
    record = analysis.scores.as_dict()
    record.update(
        {
            "measured": measured,
            "verdict": Verdict.TOO_HARD if too_hard else Verdict.OK,
            "limits": {
                "sentence_words": limits.sentence_words,
                "flesch_min": limits.flesch_min,
                "lix_max": limits.lix_max,
                "long_word_syllables": limits.long_word_syllables,
            },
            "long_sentences": sum(1 for s in analysis.sentences if s.word_count > limits.sentence_words),
            "hardest": [{"line": s.line, "words": s.word_count, "text": s.text} for s in hardest],
        }
    )
    return record


def _page_score(
    analysis: TextAnalysis, limits: Limits, opts: RuleSettings, content_lang: str
) -> tuple[list[Hit], dict[str, Any]]:
    scores = analysis.scores
    measured = scores.words >= opts.min_words
    flesch_value, lix_value = scores.flesch, scores.lix
    problems: list[Msg] = []
    hardest: list[Sentence] = []
    if measured and flesch_value is not None and lix_value is not None:
        if flesch_value < limits.flesch_min:
            formula = Msg(f"formula_{content_lang}")
            values = {"formula": formula, "score": _number(flesch_value), "limit": _number(limits.flesch_min)}
            problems.append(Msg("rd_flesch_low", **values))
        if lix_value > limits.lix_max:
            problems.append(Msg("rd_lix_high", score=_number(lix_value), limit=_number(limits.lix_max)))
        metric = "flesch" if flesch_value < limits.flesch_min else "lix"
        hardest = analysis.hardest(opts.hardest, metric)
    record = scores_record(analysis, limits, measured=measured, too_hard=bool(problems), hardest=hardest)
    if not problems:
        return [], record
    lines = Joined(tuple(Msg("rd_line", line=s.line, opening=s.opening(4)) for s in hardest))
    advice = Msg("rd_hardest", sentences=lines) if hardest else Msg("rd_hardest_none")
    values = {"problems": Joined(tuple(problems)), "advice": advice}
    return [Hit("readability.page-score", None, "rd_page_score", values)], record


_ATTRS = re.compile(r"\s*(?:\{:?[^{}]*\})?\s*")


def link_lines(page: SourcePage) -> frozenset[int]:
    """Source lines of list items that are one link and nothing else (`- [Paspoort](paspoort.md)`).

    A list of links is a menu, not prose: readers scan it for a name. Counted as sentences, a long list of
    product names would make the page score of an overview hard, however plain its text is.
    """
    tokens = page.tokens
    lines = set()
    for index, token in enumerate(tokens[:-2]):
        inline = tokens[index + 2]
        if token.type != "list_item_open" or tokens[index + 1].type != "paragraph_open" or not inline.map:
            continue
        # Blank text, line breaks and an attribute list (`{ lang="en" }`, a title in another language) are
        # not words of the item.
        children = [
            c
            for c in inline.children or []
            if c.type != "softbreak" and not (c.type == "text" and _ATTRS.fullmatch(c.content))
        ]
        if len(children) >= 3 and children[0].type == "link_open" and children[-1].type == "link_close":
            inside = children[1:-1]
            if all(c.type in ("text", "code_inline", "em_open", "em_close") for c in inside):
                lines.add(page.source_line(inline.map[0]))
    return frozenset(lines)


def prose(analysis: TextAnalysis, links: frozenset[int]) -> TextAnalysis:
    """The analysis without the sentences of link-only list items, for the page score."""
    if not links:
        return analysis
    kept, scores = [], analysis.scores
    for sentence in analysis.sentences:
        if sentence.kind == "list-item" and sentence.line in links:
            scores = scores.without(sentence.word_count, sentence.syllables, sentence.long_words)
        else:
            kept.append(sentence)
    return TextAnalysis(analysis.lang, kept, scores)


#: The rule that reports a long word instead of `readability.long-word`, per kind the engine judges it.
_BETTER_RULE = {"long-compound": "readability.compound", "rare": "readability.rare-word"}


def _reported_elsewhere(ctx: CheckContext, lang: str) -> tuple[frozenset[str], WordList | None]:
    """The word kinds and the jargon list whose rules are on, site-wide: they report those words themselves."""

    def on(rule: str) -> bool:
        return not ctx.levels or ctx.levels.level_for(rule) != "ignore"

    kinds = frozenset(kind for kind, rule in _BETTER_RULE.items() if on(rule))
    jargon = ctx.words.get(lang) if on("words.jargon") and on("words.jargon-tip") else None
    return kinds, jargon


def check(page: SourcePage, ctx: CheckContext) -> list[Hit]:
    """All readability hits of one page (body only: front matter is data, code is not prose)."""
    lang = page_language(page)
    if lang is None:
        return []
    opts = ctx.settings
    limits, hits = page_limits(page, opts.limits[lang])
    analysis = ctx.analysis(page, lang)
    allow = set(LEGAL_TERMS) | opts.long_word_allow | ctx.names
    # The product's own name (the page title, often its UPL name such as "Gehandicaptenparkeerkaart") is what
    # readers search for: it stays, however long.
    allow.update(
        word.lower for sentence in analyze_text(page.title, lang).sentences for word in sentence.words
    )
    hits.extend(_sentence_length(analysis, limits))
    hits.extend(_long_words(analysis, limits, allow, *_reported_elsewhere(ctx, lang)))
    hits.extend(_passives(analysis))
    score_hits, record = _page_score(prose(analysis, link_lines(page)), limits, opts, lang)
    hits.extend(score_hits)
    ctx.data_for(page.path)["readability"] = record
    return hits


__all__ = [
    "DEFAULT_LIMITS",
    "OVERRIDABLE",
    "RULES",
    "SUPPORTED_LANGUAGES",
    "Limits",
    "Verdict",
    "check",
    "page_language",
    "page_limits",
]
