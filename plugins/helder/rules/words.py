"""`words.jargon`: officialese on a page, with the plain word to write instead.

The lists live with the engine (`readability/data/jargon-nl.yml`, `jargon-en.yml`): YAML an editor can read,
of which a site can extend (`readability.jargon_extra`, a YAML file relative to mkdocs.yml) and trim
(`readability.jargon_remove`). The site's list is built once per build (`helder.site`), so an edited extra list
is read again on the next `mkdocs serve` rebuild. Each use is reported at its own line, because each one needs
its own fix. The default level is WARNING: a jargon word is a strong hint, not always wrong ("bezwaar" and
"zienswijze" are legal terms a page sometimes must use), and a site that wants it strict sets
`rules: {words.jargon: error}`.
"""

from __future__ import annotations

from pathlib import Path

from readability import WordList, WordListError, site_word_list, unknown_terms
from readability.jargon import LEVELS

from ..findings import Hit, Rule, Severity
from ..messages import Msg, Quoted, Spaced
from ..source import SourcePage
from .context import CheckContext
from .readability import page_language

RULES = [
    Rule("words.jargon", Severity.WARNING, ("words_jargon", "words_jargon_alternatives")),
    # Entries of the list at level `tip`: a word most readers know, for which a plainer one exists.
    Rule("words.jargon-tip", Severity.INFO, ("st_jargon_tip", "st_jargon_alternatives")),
]


def jargon_path(config_dir: Path, extra: str | None) -> Path | None:
    """The site's extra list, relative to the folder of mkdocs.yml."""
    if not extra:
        return None
    path = Path(extra)
    return path if path.is_absolute() else config_dir / path


def word_lists(
    extra_list: str | None, remove: tuple[str, ...], config_dir: Path, languages: tuple[str, ...]
) -> dict[str, WordList]:
    """The jargon list per page language: built-in + the site's extra file − the site's removals.

    A missing or malformed extra file, or a removed term that is in no list (a typo that would silently do
    nothing), raises `WordListError`: that is a configuration error, reported once.
    """
    extra = jargon_path(config_dir, extra_list)
    if remove:
        unknown = unknown_terms(remove, extra)
        if unknown:
            raise UnknownRemoval(unknown)
    return {lang: site_word_list(lang, extra, remove, levels=LEVELS) for lang in languages}


class UnknownRemoval(WordListError):
    """`jargon_remove` names terms that are in no word list: a typo that would silently do nothing."""

    def __init__(self, terms: list[str]) -> None:
        super().__init__("jargon_remove", ", ".join(terms))
        self.msg = Msg("cfg_words_remove", terms=", ".join(terms))


def check(page: SourcePage, ctx: CheckContext) -> list[Hit]:
    lang = page_language(page)
    if lang is None or lang not in ctx.words:
        return []
    hits: list[Hit] = []
    for sentence in ctx.analysis(page, lang).sentences:
        for match in ctx.words[lang].find(sentence):
            entry = match.entry
            tip = entry.level == "tip"
            alternatives = Msg(
                "st_jargon_alternatives" if tip else "words_jargon_alternatives",
                alternatives=Quoted(entry.alternatives),
            )
            advice = Spaced(
                ((alternatives,) if entry.alternatives else ()) + ((entry.note,) if entry.note else ())
            )
            values = {"found": match.found, "advice": advice}
            line = sentence.line_at(match.start)
            rule, key = ("words.jargon-tip", "st_jargon_tip") if tip else ("words.jargon", "words_jargon")
            # With a replacement, the words it replaces as written (`helder fix` looks for them at `line`).
            data = {"found": match.found} if match.replacement else {}
            hits.append(Hit(rule, line, key, values, data, replacement=match.replacement))
    return hits
