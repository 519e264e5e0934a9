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

from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from readability import (
    SUPPORTED_LANGUAGES,
    Sentence,
    TextAnalysis,
    analyze_markdown,
    analyze_text,
    check_language,
    find_passives,
    suggest_split,
)
from readability.errors import UnsupportedLanguageError

from ..findings import Finding, Severity
from ..messages import message
from ..source import SourcePage
from . import CheckContext, Rule

RULES = [
    Rule("readability.sentence-length", Severity.ERROR, "Een zin is te lang."),
    Rule(
        "readability.page-score",
        Severity.ERROR,
        "De pagina is te moeilijk om te lezen (Flesch-Douma of LIX).",
    ),
    Rule("readability.long-word", Severity.WARNING, "Een woord heeft veel lettergrepen."),
    Rule("readability.passive", Severity.WARNING, "Een zin staat in de lijdende vorm."),
    Rule(
        "readability.override-reason", Severity.ERROR, "Een grens is voor een pagina veranderd zonder reden."
    ),
    Rule("readability.override-value", Severity.ERROR, "Een grens voor een pagina klopt niet."),
]


# --- options ------------------------------------------------------------------------------------------------


class LanguageLimits(Config):
    """Limits for one language; what a site leaves out keeps Helder's default (`DEFAULT_LIMITS`)."""

    sentence_words = c.Optional(c.Type(int))
    flesch_min = c.Optional(c.Type((int, float)))
    lix_max = c.Optional(c.Type((int, float)))
    long_word_syllables = c.Optional(c.Type(int))


class ReadabilityOptions(Config):
    """`readability:` in the helder plugin's options.

    ```yaml
    readability:
      nl: {sentence_words: 22, flesch_min: 55}
      jargon_extra: data/ambtelijk.yml     # relative to mkdocs.yml
      jargon_remove: [indien]
      long_word_allow: [burgerservicenummer]
    ```
    """

    nl = c.SubConfig(LanguageLimits)
    en = c.SubConfig(LanguageLimits)
    #: Pages with fewer words get no page score (too few sentences for a stable score).
    min_words = c.Type(int, default=50)
    #: How many of the hardest sentences a page-score finding names.
    hardest = c.Type(int, default=3)
    #: Words the long-word rule accepts (product names a site cannot avoid), case-insensitive.
    long_word_allow = c.ListOfItems(c.Type(str), default=[])
    #: A YAML list of extra jargon (same format as readability/data/jargon-nl.yml), relative to mkdocs.yml.
    #: A plain list is Dutch; use {nl: [...], en: [...]} for both languages.
    jargon_extra = c.Optional(c.Type(str))
    #: Terms of the built-in jargon lists a site does not want reported.
    jargon_remove = c.ListOfItems(c.Type(str), default=[])


@dataclass(frozen=True)
class Limits:
    sentence_words: int
    flesch_min: float
    lix_max: float
    long_word_syllables: int


DEFAULT_LIMITS: dict[str, Limits] = {
    "nl": Limits(sentence_words=20, flesch_min=60, lix_max=45, long_word_syllables=7),
    "en": Limits(sentence_words=20, flesch_min=60, lix_max=45, long_word_syllables=6),
}

_SEVERITY = {rule.id: rule.severity for rule in RULES}

#: Long words the law fixes: a page must use them (and may explain them), so they are never reported.
LEGAL_TERMS = frozenset({"toegankelijkheidsverklaring", "burgerservicenummer"})
_DEFAULT_OPTIONS: ReadabilityOptions | None = None


def options(ctx: CheckContext) -> Any:
    """The site's readability options; Helder's defaults when the plugin config has none (yet)."""
    global _DEFAULT_OPTIONS
    found = getattr(ctx.options, "readability", None)
    if found is not None:
        return found
    if _DEFAULT_OPTIONS is None:
        defaults = ReadabilityOptions()
        defaults.load_dict({})
        defaults.validate()
        _DEFAULT_OPTIONS = defaults
    return _DEFAULT_OPTIONS


def limits_for(opts: Any, lang: str) -> Limits:
    limits = DEFAULT_LIMITS[lang]
    site = getattr(opts, lang, None)
    if site is None:
        return limits
    changes = {
        name: getattr(site, name)
        for name in Limits.__dataclass_fields__
        if getattr(site, name, None) is not None
    }
    return replace(limits, **changes) if changes else limits


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


_CACHE: OrderedDict[tuple[str, str, int, str], TextAnalysis] = OrderedDict()
_CACHE_SIZE = 8


def analysis_for(page: SourcePage, lang: str) -> TextAnalysis:
    """The engine's analysis of the page body, shared by this module and words.py (one parse, one pass).

    Keyed by the body text itself, so a page edited during `mkdocs serve` is analysed again.
    """
    key = (page.path, page.body, page.body_line, lang)
    found = _CACHE.get(key)
    if found is not None:
        _CACHE.move_to_end(key)
        return found
    result = analyze_markdown(page.body, lang, first_line=page.body_line, tokens=page.tokens)
    _CACHE[key] = result
    while len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return result


# --- messages -----------------------------------------------------------------------------------------------


_FORMULA_NAME = {
    "nl": {"nl": "Flesch-Douma-score", "en": "Flesch-Douma score"},
    "en": {"nl": "Flesch-score", "en": "Flesch Reading Ease"},
}
_WHAT = {"heading": "rd_what_heading", "table-cell": "rd_what_cell", "list-item": "rd_what_item"}


def _text(lang: str, key: str, **values: object) -> str:
    return message(lang, key, **values)[0]


def _finding(
    page: SourcePage, line: int | None, rule_id: str, lang: str, key: str, /, **values: object
) -> Finding:
    """A finding with the rule's default level (the site's levels are applied centrally, later)."""
    return Finding(page.path, line, rule_id, _SEVERITY[rule_id], *message(lang, key, **values))


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


def page_limits(page: SourcePage, limits: Limits, lang: str) -> tuple[Limits, list[Finding]]:
    """The limits after the page's `limits:` overrides, and findings for overrides Helder refuses.

    An override only counts with a written reason: a court or ombudsman may ask why a page is harder than the
    norm, and "because the editor wanted it" is no answer. Without a reason the override is refused (the
    normal limit applies) and reported at the line of `limits`.
    """
    overrides = page.meta.get("limits")
    if not isinstance(overrides, dict):
        return limits, []
    line = page.line_of("limits")
    findings: list[Finding] = []
    changes: dict[str, Any] = {}
    for rule, settings in overrides.items():
        rule = str(rule)
        if not rule.startswith("readability."):
            continue
        if rule not in OVERRIDABLE:
            findings.append(
                _finding(
                    page,
                    line,
                    "readability.override-value",
                    lang,
                    "rd_override_rule",
                    rule=rule,
                    allowed=", ".join(OVERRIDABLE),
                )
            )
            continue
        if not isinstance(settings, dict):
            continue  # the front matter validator reports a `limits` entry that is not a mapping
        reason = settings.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            findings.append(
                _finding(page, line, "readability.override-reason", lang, "rd_override_reason", rule=rule)
            )
            continue
        allowed = OVERRIDABLE[rule]
        for key, value in settings.items():
            if key == "reason":
                continue
            if key not in allowed:
                findings.append(
                    _finding(
                        page,
                        line,
                        "readability.override-value",
                        lang,
                        "rd_override_key",
                        rule=rule,
                        key=key,
                        allowed=", ".join(allowed),
                    )
                )
                continue
            field = allowed[key]
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                example = _number(getattr(limits, field))
                findings.append(
                    _finding(
                        page,
                        line,
                        "readability.override-value",
                        lang,
                        "rd_override_number",
                        rule=rule,
                        key=key,
                        example=example,
                    )
                )
                continue
            changes[field] = int(value) if field in ("sentence_words", "long_word_syllables") else value
    return (replace(limits, **changes) if changes else limits), findings


# --- the checks ---------------------------------------------------------------------------------------------


def _sentence_length(page: SourcePage, analysis: TextAnalysis, limits: Limits, lang: str) -> list[Finding]:
    findings: list[Finding] = []
    for sentence in analysis.sentences:
        if sentence.word_count <= limits.sentence_words:
            continue
        what = _text(lang, _WHAT.get(sentence.kind, "rd_what_sentence"))
        split = suggest_split(sentence)
        if split is None:
            advice = _text(lang, "rd_split_none", opening=sentence.opening())
        elif split.mark and split.conjunction:
            advice = _text(
                lang, "rd_split_mark_conjunction", before=split.before, conjunction=split.conjunction
            )
        elif split.conjunction:
            advice = _text(lang, "rd_split_conjunction", after=split.after)
        else:
            advice = _text(lang, "rd_split_mark", before=split.before)
        findings.append(
            _finding(
                page,
                sentence.line,
                "readability.sentence-length",
                lang,
                "rd_sentence_long",
                what=what,
                words=sentence.word_count,
                max=limits.sentence_words,
                advice=advice,
            )
        )
    return findings


def _long_words(
    page: SourcePage, analysis: TextAnalysis, limits: Limits, allow: set[str], lang: str
) -> list[Finding]:
    """One finding per distinct long word, at its first line: repeating it for every use is only noise.

    A capitalised word inside a sentence is a name ("Klantcontactcentrum", "Immigration and Naturalisation
    Service"): the editor cannot shorten it, so it is not reported.
    """
    first: dict[str, tuple[str, int, int]] = {}
    counts: dict[str, int] = {}
    for sentence in analysis.sentences:
        for position, word in enumerate(sentence.words):
            if word.tag != "word" or word.syllables < limits.long_word_syllables or word.lower in allow:
                continue
            if position > 0 and word.text[:1].isupper():
                continue
            counts[word.lower] = counts.get(word.lower, 0) + 1
            if word.lower not in first:
                first[word.lower] = (word.text, word.syllables, sentence.line_at(word.start))
    findings = []
    for lower, (text, syllables, line) in first.items():
        times = _text(lang, "rd_times", count=counts[lower]) if counts[lower] > 1 else ""
        findings.append(
            _finding(
                page,
                line,
                "readability.long-word",
                lang,
                "rd_long_word",
                word=text,
                syllables=syllables,
                times=times,
            )
        )
    return findings


def _passives(page: SourcePage, analysis: TextAnalysis, lang: str) -> list[Finding]:
    findings = []
    for sentence in analysis.sentences:
        for passive in find_passives(sentence):
            if passive.agent:
                advice = _text(lang, "rd_passive_agent", agent=passive.agent)
            else:
                advice = _text(lang, "rd_passive_plain")
            findings.append(
                _finding(
                    page,
                    sentence.line_at(passive.start),
                    "readability.passive",
                    lang,
                    "rd_passive",
                    fragment=passive.fragment,
                    advice=advice,
                )
            )
    return findings


def _hardest_text(sentences: list[Sentence], lang: str) -> str:
    parts = [_text(lang, "rd_line", line=s.line, opening=s.opening(4)) for s in sentences]
    if len(parts) <= 1:
        return "".join(parts)
    joiner = " en " if lang == "nl" else " and "
    return ", ".join(parts[:-1]) + joiner + parts[-1]


def scores_record(
    analysis: TextAnalysis, limits: Limits, *, measured: bool, too_hard: bool, hardest: list[Sentence]
) -> dict[str, Any]:
    """The page's scores as plain, JSON-ready data for the dashboard (`ctx.data_for(path)["readability"]`).

    Keys: lang, words, sentences, syllables, words_per_sentence, syllables_per_word, flesch_douma (nl) or
    flesch_reading_ease (en), brouwer (None for en), lix, long_word_share, measured (False under `min_words`),
    verdict ("ok" / "te moeilijk"), limits (the effective ones), long_sentences, hardest ([{line, words,
    text}], only for a page that is too hard).
    """
    record = analysis.scores.as_dict()
    record.update(
        {
            "measured": measured,
            "verdict": "te moeilijk" if too_hard else "ok",
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
    page: SourcePage, analysis: TextAnalysis, limits: Limits, opts: Any, lang: str, content_lang: str
) -> tuple[list[Finding], dict[str, Any]]:
    scores = analysis.scores
    measured = scores.words >= opts.min_words
    flesch_value, lix_value = scores.flesch, scores.lix
    problems: list[str] = []
    hardest: list[Sentence] = []
    if measured and flesch_value is not None and lix_value is not None:
        if flesch_value < limits.flesch_min:
            problems.append(
                _text(
                    lang,
                    "rd_flesch_low",
                    formula=_FORMULA_NAME[content_lang][lang],
                    score=_number(flesch_value),
                    limit=_number(limits.flesch_min),
                )
            )
        if lix_value > limits.lix_max:
            problems.append(
                _text(lang, "rd_lix_high", score=_number(lix_value), limit=_number(limits.lix_max))
            )
        metric = "flesch" if flesch_value < limits.flesch_min else "lix"
        hardest = analysis.hardest(opts.hardest, metric)
    record = scores_record(analysis, limits, measured=measured, too_hard=bool(problems), hardest=hardest)
    if not problems:
        return [], record
    joiner = " en " if lang == "nl" else " and "
    advice = (
        _text(lang, "rd_hardest", sentences=_hardest_text(hardest, lang))
        if hardest
        else _text(lang, "rd_hardest_none")
    )
    finding = _finding(
        page,
        None,
        "readability.page-score",
        lang,
        "rd_page_score",
        problems=joiner.join(problems),
        advice=advice,
    )
    return [finding], record


def check(page: SourcePage, ctx: CheckContext) -> list[Finding]:
    """All readability findings of one page (body only: front matter is data, code is not prose)."""
    lang = page_language(page)
    if lang is None:
        return []
    opts = options(ctx)
    limits, findings = page_limits(page, limits_for(opts, lang), ctx.lang)
    analysis = analysis_for(page, lang)
    allow = set(LEGAL_TERMS) | {word.lower() for word in (opts.long_word_allow or [])}
    # The product's own name (the page title, often its UPL name such as "Gehandicaptenparkeerkaart") is what
    # readers search for: it stays, however long.
    allow.update(
        word.lower for sentence in analyze_text(page.title, lang).sentences for word in sentence.words
    )
    findings.extend(_sentence_length(page, analysis, limits, ctx.lang))
    findings.extend(_long_words(page, analysis, limits, allow, ctx.lang))
    findings.extend(_passives(page, analysis, ctx.lang))
    score_findings, record = _page_score(page, analysis, limits, opts, ctx.lang, lang)
    findings.extend(score_findings)
    ctx.data_for(page.path)["readability"] = record
    return findings


__all__ = [
    "DEFAULT_LIMITS",
    "OVERRIDABLE",
    "RULES",
    "SUPPORTED_LANGUAGES",
    "LanguageLimits",
    "Limits",
    "ReadabilityOptions",
    "analysis_for",
    "check",
    "limits_for",
    "options",
    "page_language",
    "page_limits",
]
