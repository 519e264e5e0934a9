"""`words.jargon`: officialese on a page, with the plain word to write instead.

The lists live with the engine (`readability/data/jargon-nl.yml`, `jargon-en.yml`): YAML an editor can read,
of which a site can extend (`readability.jargon_extra`, a YAML file relative to mkdocs.yml) and trim
(`readability.jargon_remove`). Each use is reported at its own line, because each one needs its own fix. The
default level is WARNING: a jargon word is a strong hint, not always wrong ("bezwaar" and "zienswijze" are
legal terms a page sometimes must use), and a site that wants it strict sets `rules: {words.jargon: error}`.
"""

from __future__ import annotations

from pathlib import Path

from readability import WordList, WordListError, site_word_list, unknown_terms

from ..findings import Finding, Severity
from ..messages import message, quote_list
from ..source import SourcePage
from . import CheckContext, Rule
from .readability import analysis_for, options, page_language

RULES = [
    Rule("words.jargon", Severity.WARNING, "Een ambtelijk woord, met een gewoon woord ervoor in de plaats."),
]


_CHECKED_REMOVE: set[tuple[str, str | None, tuple[str, ...]]] = set()


def jargon_path(ctx: CheckContext, extra: str | None) -> Path | None:
    """The site's extra list, relative to the folder of mkdocs.yml (`ctx.config_dir`, else the working
    folder)."""
    if not extra:
        return None
    path = Path(extra)
    if not path.is_absolute():
        base = getattr(ctx, "config_dir", None) or Path.cwd()
        path = Path(base) / path
    return path


def word_list(ctx: CheckContext, lang: str) -> WordList:
    """The jargon list for a page language: built-in + the site's extra file − the site's removals.

    A missing or malformed extra file, or a removed term that is in no list (a typo that would silently do
    nothing), raises `WordListError`: that is a configuration error, reported once by the plugin.
    """
    opts = options(ctx)
    extra = jargon_path(ctx, getattr(opts, "jargon_extra", None))
    remove = tuple(getattr(opts, "jargon_remove", None) or ())
    key = (lang, str(extra) if extra else None, remove)
    if remove and key not in _CHECKED_REMOVE:
        unknown = unknown_terms(remove, extra)
        if unknown:
            raise WordListError("jargon_remove", f"not in any word list: {', '.join(unknown)}")
        _CHECKED_REMOVE.add(key)
    return site_word_list(lang, extra, remove)


def _advice(lang: str, alternatives: tuple[str, ...], note: str) -> str:
    parts = []
    if alternatives:
        parts.append(
            message(lang, "words_jargon_alternatives", alternatives=quote_list(alternatives, lang))[0]
        )
    if note:
        parts.append(note)
    return " ".join(parts)


def check(page: SourcePage, ctx: CheckContext) -> list[Finding]:
    lang = page_language(page)
    if lang is None:
        return []
    words = word_list(ctx, lang)
    analysis = analysis_for(page, lang)
    findings: list[Finding] = []
    for sentence in analysis.sentences:
        for match in words.find(sentence):
            entry = match.entry
            advice = _advice(ctx.lang, entry.alternatives, entry.note)
            findings.append(
                Finding(
                    page.path,
                    sentence.line_at(match.start),
                    "words.jargon",
                    Severity.WARNING,
                    *message(ctx.lang, "words_jargon", found=match.found, advice=advice),
                )
            )
    return findings


__all__ = ["RULES", "check", "jargon_path", "word_list"]
