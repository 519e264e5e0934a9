"""Required sections: a product page says what to do (steps), what to bring (documents) and where to get help.

This is the law's demand (Awb 2:1, memorie van toelichting under c) made checkable. Section kinds, their
headings and the page types that need them come from mkdocs.yml, merged over `DEFAULT_SECTIONS`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..findings import Hit
from ..messages import Msg
from ..source import Heading, SourcePage
from .context import CheckContext
from .kinds import DEFAULT_SECTIONS, SectionKind, effective_sections, rules_for

__all__ = [
    "DEFAULT_SECTIONS",
    "RULES",
    "SectionKind",
    "check",
    "check_sections",
    "effective_sections",
    "find_section",
]

RULES = rules_for(DEFAULT_SECTIONS)


_PUNCT = re.compile(r"[\s?!.:;,]+")


def normalise(heading: str) -> str:
    """`Wat heeft u nodig?` and `wat heeft u nodig` are the same heading."""
    return _PUNCT.sub(" ", heading.casefold()).strip()


def find_section(page: SourcePage, kind: SectionKind) -> Heading | None:
    wanted = {normalise(name) for name in kind.headings_for(page.lang)}
    return next((h for h in page.headings if h.level >= 2 and normalise(h.text) in wanted), None)


def section_tokens(page: SourcePage, heading: Heading) -> list[Any]:
    """The tokens from a heading up to the next heading of the same or a higher level."""
    tokens = page.tokens
    end = len(tokens)
    for other in page.headings:
        if other.token_index > heading.token_index and other.level <= heading.level:
            end = other.token_index
            break
    return tokens[heading.token_index + 3 : end]


def has_content(tokens: list[Any], content: str) -> bool:
    if content == "numbered-list":
        return any(t.type == "ordered_list_open" for t in tokens)
    if content == "list":
        return any(t.type in ("ordered_list_open", "bullet_list_open") for t in tokens)
    return True


#: Kinds with their own "how to add it" text; the others get `how_other`.
_HOW = ("steps", "documents", "help")


def check_sections(page: SourcePage, kinds: Mapping[str, SectionKind]) -> list[Hit]:
    hits: list[Hit] = []
    for kind in kinds.values():
        required = page.page_type in kind.required_for
        if not (required or page.page_type in kind.recommended_for):
            continue
        label = kind.label(page.lang)
        heading = find_section(page, kind)
        if heading is None:
            if kind.generated_from and page.str_list(kind.generated_from):
                continue
            rule = f"sections.{kind.name}-missing"
            if required:
                how = Msg(f"how_{kind.name}" if kind.name in _HOW else "how_other", label=label)
                hits.append(Hit(rule, None, "sec_missing", {"label": label, "how": how}))
            else:
                hits.append(Hit(rule, None, "sec_recommended", {"label": label}))
            continue
        if not has_content(section_tokens(page, heading), kind.content):
            key = "sec_numbered" if kind.content == "numbered-list" else "sec_list"
            hits.append(Hit(f"sections.{kind.name}-list", heading.line, key, {"heading": heading.text}))
    return hits


def check(page: SourcePage, ctx: CheckContext) -> list[Hit]:
    if not page.front_matter_ok:
        return []
    return check_sections(page, ctx.sections or effective_sections(None))
