"""What a rule may know besides the page: the site's settings and what is worked out once per site.

A new context is made for every build (`on_config`) and every `helder check`, so nothing a rule learns
survives a `mkdocs serve` rebuild.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..findings import Severity
from .settings import RuleSettings

if TYPE_CHECKING:
    from readability import TextAnalysis, WordList

    from ..catalogue import Catalogue
    from ..levels import Levels
    from ..source import SourcePage
    from .kinds import SectionKind


@dataclass
class CheckContext:
    settings: RuleSettings = field(default_factory=RuleSettings)
    lang: str = "nl"  # the language of Helder's messages
    config_dir: Path = field(default_factory=Path.cwd)
    #: The folder of the pages (`docs_dir`), for links to files; None when Helder does not know it.
    docs_dir: Path | None = None
    #: Pages the build makes itself (help pages, the statement), as paths in the docs folder: links to them work.
    generated: frozenset[str] = frozenset()
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
    #: Words of names a page may use however long they are (the product names listed on generated pages).
    names: frozenset[str] = frozenset()
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
