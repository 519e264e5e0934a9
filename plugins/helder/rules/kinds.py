"""Kinds of sections a page needs or should have (steps, documents, help, costs, ...), and their rules.

Their labels and accepted headings are in the message catalogue per language; a site changes kinds and adds
its own in mkdocs.yml (`sections:`), merged over `DEFAULT_SECTIONS` field by field.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from ..findings import Rule, Severity
from ..messages import data, text


@dataclass(frozen=True)
class SectionKind:
    """One kind of section. Its label and accepted headings come from the message catalogue per language
    (`sec_label_<name>`, `sec_headings_<name>`), unless the site sets its own in mkdocs.yml."""

    name: str
    content: str = "any"  # any | list | numbered-list
    required_for: tuple[str, ...] = ()
    recommended_for: tuple[str, ...] = ()
    #: A front matter key whose (non-empty) value stands in for a hand-written section.
    generated_from: str = ""
    #: The site's own headings (Dutch pages, and English pages when `headings_en` is empty).
    headings: tuple[str, ...] = ()
    headings_en: tuple[str, ...] = ()
    #: A kind Helder knows has its label and headings in the catalogue.
    builtin: bool = False

    def headings_for(self, lang: str) -> tuple[str, ...]:
        if lang == "en" and self.headings_en:
            return self.headings_en
        if self.headings and lang != "en":
            return self.headings
        if self.builtin:
            return tuple(data(lang, f"sec_headings_{self.name}"))
        return self.headings

    def label(self, lang: str) -> str:
        return text(lang, f"sec_label_{self.name}") if self.builtin else self.name


DEFAULT_SECTIONS: dict[str, SectionKind] = {
    kind.name: kind
    for kind in (
        SectionKind("steps", "numbered-list", required_for=("product",), builtin=True),
        SectionKind("documents", "list", required_for=("product",), builtin=True),
        SectionKind("help", required_for=("product",), generated_from="help", builtin=True),
        SectionKind("costs", recommended_for=("product",), builtin=True),
        SectionKind("duration", recommended_for=("product",), builtin=True),
        SectionKind("objection", recommended_for=("product",), builtin=True),
    )
}


def effective_sections(overrides: Mapping[str, Any] | None) -> dict[str, SectionKind]:
    """Defaults with the site's changes laid over them, field by field (a field left out keeps its default)."""
    kinds = dict(DEFAULT_SECTIONS)
    for name, opts in (overrides or {}).items():
        base = kinds.get(name) or SectionKind(name)
        changes = {k: tuple(v) if isinstance(v, list) else v for k, v in dict(opts).items() if v is not None}
        kinds[name] = replace(base, **changes)
    return kinds


def rules_for(kinds: Mapping[str, SectionKind]) -> list[Rule]:
    rules: list[Rule] = []
    for kind in kinds.values():
        level = Severity.ERROR if kind.required_for else Severity.INFO
        rules.append(Rule(f"sections.{kind.name}-missing", level, ("sec_missing", "sec_recommended")))
        if kind.content != "any":
            rules.append(Rule(f"sections.{kind.name}-list", Severity.ERROR, ("sec_numbered", "sec_list")))
    return rules
