"""Matching configured ignores against pa11y results.

pa11y's selectors are long structural paths (`html > body > header > nav > div:nth-child(6) > div > form`)
that break when the theme changes. An ignore may therefore name the element the way a person would: a simple
CSS selector such as `form.md-search__form` or `#__toc`, matched against the element's own opening tag in
pa11y's `context`. The exact pa11y selector also works.

A rule matches by its id (`a11y.axe.region`), by a prefix at a dot (`a11y.htmlcs.WCAG2AA.Principle3`), or for
HTML_CodeSniffer by the technique alone (`a11y.htmlcs.H32.2`), so an ignore does not depend on the standard.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from html.parser import HTMLParser
from typing import Any

from .rules import technique


def normalise_rule(rule: str) -> str:
    rule = rule.strip()
    return rule if rule.startswith("a11y.") else f"a11y.{rule}"


def rule_matches(pattern: str, rule: str) -> bool:
    """True when the configured `pattern` covers `rule` (both like `a11y.<runner>.<code>`)."""
    pattern = normalise_rule(pattern)
    if rule == pattern or rule.startswith(pattern + "."):
        return True
    # a11y.htmlcs.H32.2 matches the technique of a11y.htmlcs.WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2
    prefix = "a11y.htmlcs."
    if pattern.startswith(prefix) and rule.startswith(prefix):
        wanted = pattern[len(prefix) :]
        have = technique(rule[len(prefix) :])
        return have == wanted or have.startswith(wanted + ".")
    return False


class _FirstTag(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tag: str | None = None
        self.attrs: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.tag is None:
            self.tag = tag
            self.attrs = {name: value or "" for name, value in attrs}


def first_tag(context: str) -> tuple[str | None, dict[str, str]]:
    """Tag name and attributes of the first element in a pa11y context snippet."""
    parser = _FirstTag()
    try:
        parser.feed(context or "")
    except Exception:  # noqa: BLE001 - a broken snippet just does not match
        return None, {}
    return parser.tag, parser.attrs


_COMPOUND = re.compile(
    r"""(?P<tag>^[a-zA-Z][\w-]*|^\*)?
        (?P<rest>(?:\#[\w-]+|\.[\w-]+|\[[\w:-]+(?:[~^$*|]?=(?:"[^"]*"|'[^']*'|[^\]]*))?\])*)$""",
    re.VERBOSE,
)
_PART = re.compile(
    r"""\#(?P<id>[\w-]+)|\.(?P<cls>[\w-]+)|\[(?P<attr>[\w:-]+)(?:(?P<op>[~^$*|]?=)(?P<val>"[^"]*"|'[^']*'|[^\]]*))?\]"""
)


def _compound_matches(selector: str, tag: str | None, attrs: Mapping[str, str]) -> bool:
    match = _COMPOUND.match(selector.strip())
    if not match or tag is None or not selector.strip():
        return False
    want_tag = match.group("tag")
    if want_tag and want_tag != "*" and want_tag.lower() != tag.lower():
        return False
    classes = attrs.get("class", "").split()
    for part in _PART.finditer(match.group("rest") or ""):
        if part.group("id") is not None and attrs.get("id") != part.group("id"):
            return False
        if part.group("cls") is not None and part.group("cls") not in classes:
            return False
        if part.group("attr") is not None:
            name = part.group("attr").lower()
            if name not in attrs:
                return False
            if part.group("op"):
                value = part.group("val").strip("\"'")
                have = attrs[name]
                op = part.group("op")
                ok = {
                    "=": have == value,
                    "~=": value in have.split(),
                    "^=": have.startswith(value),
                    "$=": have.endswith(value),
                    "*=": value in have,
                    "|=": have == value or have.startswith(value + "-"),
                }[op]
                if not ok:
                    return False
    return True


def selector_matches(pattern: str, issue: Mapping[str, Any]) -> bool:
    """True when `pattern` (pa11y's exact selector, or simple CSS selectors separated by commas) names the
    element of `issue`."""
    selector = str(issue.get("selector") or "")
    if pattern.strip() == selector.strip():
        return True
    tag, attrs = first_tag(str(issue.get("context") or ""))
    return any(_compound_matches(part, tag, attrs) for part in pattern.split(","))


def find_ignore(ignores: Iterable[Any], rule: str, issue: Mapping[str, Any]) -> Any | None:
    """The first configured ignore (an object with `rule`, `selector`, `reason`) that covers this result."""
    for ignore in ignores:
        if not rule_matches(ignore["rule"], rule):
            continue
        selector = ignore.get("selector")
        if selector and not selector_matches(selector, issue):
            continue
        return ignore
    return None
