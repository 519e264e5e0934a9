"""Which rule modules run, in which order, and which rule ids exist (for levels and `ignore:` checks)."""

from __future__ import annotations

import importlib
from functools import cache
from types import ModuleType
from typing import Any

from ..findings import Severity
from . import Rule

#: Rule modules in the order they run.
MODULES = ("frontmatter", "sections", "help", "markdown", "readability", "words", "style")


@cache
def modules() -> tuple[ModuleType, ...]:
    return tuple(importlib.import_module(f"{__package__}.{name}") for name in MODULES)


def all_rules(section_overrides: dict[str, Any] | None = None) -> list[Rule]:
    from .sections import effective_sections, rules_for

    rules: list[Rule] = []
    for module in modules():
        if module.__name__.endswith(".sections"):
            rules.extend(rules_for(effective_sections(section_overrides)))
        else:
            rules.extend(getattr(module, "RULES", []))
    # The gates outside the content rules report these too; a site may set their level.
    rules.append(Rule("a11y", Severity.ERROR, "Toegankelijkheid in de browser (WCAG)."))
    return rules


def is_known(rule: str, section_overrides: dict[str, Any] | None = None) -> bool:
    """A rule id or a rule group (`sections`, `a11y`) that exists, for levels in mkdocs.yml and `ignore:`."""
    return covers(known_rule_ids(section_overrides), rule)


def covers(known: set[str] | frozenset[str], rule: str) -> bool:
    """`rule` is one of the known ids, or the group of some (`sections` covers `sections.steps-missing`)."""
    return rule in known or any(r.startswith(rule + ".") for r in known)


def known_rule_ids(section_overrides: dict[str, Any] | None = None) -> set[str]:
    return {rule.id for rule in all_rules(section_overrides)}
