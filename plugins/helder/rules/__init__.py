"""The content rules: pure functions from a parsed page (plus the site's context) to hits.

Every rule module has the same shape:

- `RULES`: the rules it can report, each declared once with its id, its default level and its message keys;
- `check(page, ctx) -> list[Hit]`: what is wrong on the page, as data (a message key and values, a line).

`helder.checker` runs the modules listed in `registry.MODULES`, turns hits into `Finding`s with the rule's
level and the message in the language Helder speaks, and applies the site's levels. Nothing here knows MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..findings import Severity

if TYPE_CHECKING:
    from readability import TextAnalysis, WordList

    from ..catalogue import Catalogue
    from ..config import HelderConfig
    from ..levels import Levels
    from ..source import SourcePage
    from .sections import SectionKind


@dataclass(frozen=True)
class Rule:
    """A rule as `helder rules`, `rules:` in mkdocs.yml and the editor guide know it.

    Its one-line description is the catalogue entry `rule.<id>`; `messages` are the catalogue keys its findings
    use (the dogfood and catalogue tests read them).
    """

    id: str
    #: The default level; a site changes it with `rules:` in mkdocs.yml.
    severity: Severity
    messages: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    """Something wrong on a page, before it has a file, a level and words.

    `line` is the 1-based source line (front matter counted) or None for the whole page; `key` and `values`
    are a catalogue entry and what fills it in (values may be `Msg` objects, written in the same language).
    `data` holds facts for other views (a replacement word for `helder fix`); the JSON view leaves it out
    when empty.
    """

    rule: str
    line: int | None
    key: str
    values: Mapping[str, object] = field(default_factory=dict)
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class CheckContext:
    """What a rule may know besides the page: the site's options and what is worked out once per site.

    A new context is made for every build (`on_config`) and every `helder check`, so nothing a rule learns
    survives a `mkdocs serve` rebuild.
    """

    options: HelderConfig
    lang: str = "nl"  # the language of Helder's messages
    config_dir: Path = field(default_factory=Path.cwd)
    catalogue: Catalogue | None = None
    help_keys: frozenset[str] = frozenset()
    #: The site's section kinds and every rule id (worked out once per site, not once per page).
    sections: dict[str, SectionKind] = field(default_factory=dict)
    known_rules: frozenset[str] = frozenset()
    #: The jargon list per page language: built-in, plus the site's extra list, minus its removals.
    words: dict[str, WordList] = field(default_factory=dict)
    #: Each rule's default level (its declaration), and the site's `rules:` levels applied over them once.
    default_levels: dict[str, Severity] = field(default_factory=dict)
    levels: Levels | None = None
    #: Per-page data that rules compute for later views (the readability scores), by page path.
    page_data: dict[str, dict[str, Any]] = field(default_factory=dict)
    _analysis: tuple[tuple[str, str, int, str], TextAnalysis] | None = None

    def data_for(self, path: str) -> dict[str, Any]:
        return self.page_data.setdefault(path, {})

    def analysis(self, page: SourcePage, lang: str) -> TextAnalysis:
        """The readability engine's analysis of the page body, made once and shared by every rule that reads
        sentences (readability, words). Only the page being checked is kept."""
        from readability import analyze_markdown

        key = (page.path, page.body, page.body_line, lang)
        if self._analysis is None or self._analysis[0] != key:
            result = analyze_markdown(page.body, lang, first_line=page.body_line, tokens=page.tokens)
            self._analysis = (key, result)
        return self._analysis[1]
