"""Which rule modules run, in which order, and which rule ids exist (for levels, `ignore:` and `helder rules`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..audit import rules as a11y
from ..findings import Rule
from ..outputs import history
from . import frontmatter, help, ignores, kinds, markdown, readability, sections, style, words

#: Rule modules in the order they run; each has `RULES` and `check(page, ctx) -> list[Hit]`.
MODULES = (frontmatter, sections, help, markdown, readability, words, style)


def all_rules(section_overrides: Mapping[str, Any] | None = None) -> list[Rule]:
    """Every rule Helder can report, the section rules as the site configured its sections."""
    rules: list[Rule] = []
    for module in MODULES:
        if module is sections:
            rules.extend(kinds.rules_for(kinds.effective_sections(section_overrides)))
        else:
            rules.extend(module.RULES)
    # Reported outside the rule modules: the exception comments in a page (`ignores`, applied after the rules)
    # and the dashboard's history file (`helder.outputs.history`).
    return rules + ignores.RULES + a11y.RULES + history.RULES


def known_rule_ids(section_overrides: Mapping[str, Any] | None = None) -> frozenset[str]:
    """Every id a site may name: Helder's rules and every id the accessibility engines can report."""
    return frozenset(rule.id for rule in all_rules(section_overrides)) | a11y.engine_rule_ids()


def default_levels(section_overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Rule id -> its default level (the one place a default level is looked up)."""
    return {rule.id: rule.severity for rule in all_rules(section_overrides)}
