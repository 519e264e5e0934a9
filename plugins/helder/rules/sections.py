"""Required sections: a product page says what to do (steps), what to bring (documents) and where to get help.

This is the law's demand (Awb 2:1, memorie van toelichting under c) made checkable. Section kinds, their
headings and the page types that need them come from mkdocs.yml, merged over `DEFAULT_SECTIONS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..findings import Finding, Severity
from ..messages import message
from ..source import Heading, SourcePage
from . import CheckContext, Rule


@dataclass(frozen=True)
class SectionKind:
    name: str
    label_nl: str  # how a message names the section
    label_en: str
    headings: tuple[str, ...]
    headings_en: tuple[str, ...]
    content: str = "any"  # any | list | numbered-list
    required_for: tuple[str, ...] = ()
    recommended_for: tuple[str, ...] = ()
    #: A front matter key whose (non-empty) value stands in for a hand-written section.
    generated_from: str = ""


DEFAULT_SECTIONS: dict[str, SectionKind] = {
    kind.name: kind
    for kind in (
        SectionKind(
            "steps",
            "Stappen",
            "Steps",
            ("Stappen", "Zo vraagt u het aan", "Zo werkt het", "Wat moet u doen?", "Zo doet u het"),
            ("Steps", "How to apply", "What to do"),
            content="numbered-list",
            required_for=("product",),
        ),
        SectionKind(
            "documents",
            "Wat heeft u nodig?",
            "What you need",
            ("Wat heeft u nodig?", "Wat neemt u mee?", "Wat moet u meenemen?", "Dit heeft u nodig"),
            ("What you need", "What to bring", "What you need to bring"),
            content="list",
            required_for=("product",),
        ),
        SectionKind(
            "help",
            "Hulp",
            "Help",
            ("Hulp", "Hulp nodig?", "Hulp en contact", "Hulp bij aanvragen"),
            ("Help", "Get help", "Help and contact"),
            required_for=("product",),
            generated_from="help",
        ),
        SectionKind(
            "costs",
            "Kosten",
            "Costs",
            ("Kosten", "Wat kost het?"),
            ("Costs", "Cost", "What does it cost?"),
            recommended_for=("product",),
        ),
        SectionKind(
            "duration",
            "Hoe lang duurt het?",
            "How long does it take?",
            ("Hoe lang duurt het?", "Hoe lang duurt het", "Doorlooptijd"),
            ("How long does it take?", "How long it takes"),
            recommended_for=("product",),
        ),
        SectionKind(
            "objection",
            "Bezwaar maken",
            "Objection",
            ("Bezwaar maken", "Niet eens met het besluit?", "Niet eens met de beslissing?"),
            ("Objection", "If you disagree", "Disagree with a decision?"),
            recommended_for=("product",),
        ),
    )
}


def effective_sections(overrides: dict[str, Any] | None) -> dict[str, SectionKind]:
    """Defaults with the site's changes laid over them, field by field (a field left out keeps its default)."""
    kinds = dict(DEFAULT_SECTIONS)
    for name, opts in (overrides or {}).items():
        base = kinds.get(name) or SectionKind(name, name, name, (), ())
        changes = {k: tuple(v) if isinstance(v, list) else v for k, v in dict(opts).items() if v is not None}
        fields = {**base.__dict__, **changes}
        kinds[name] = SectionKind(**fields)
    return kinds


def rules_for(kinds: dict[str, SectionKind]) -> list[Rule]:
    rules: list[Rule] = []
    for kind in kinds.values():
        level = Severity.ERROR if kind.required_for else Severity.INFO
        rules.append(Rule(f"sections.{kind.name}-missing", level, f'Het kopje "{kind.label_nl}" ontbreekt.'))
        if kind.content != "any":
            rules.append(
                Rule(
                    f"sections.{kind.name}-list", Severity.ERROR, f'Onder "{kind.label_nl}" staat geen lijst.'
                )
            )
    return rules


RULES = rules_for(DEFAULT_SECTIONS)


_PUNCT = re.compile(r"[\s?!.:;,]+")


def normalise(heading: str) -> str:
    """`Wat heeft u nodig?` and `wat heeft u nodig` are the same heading."""
    return _PUNCT.sub(" ", heading.casefold()).strip()


def find_section(page: SourcePage, kind: SectionKind) -> Heading | None:
    names = kind.headings_en if page.lang == "en" and kind.headings_en else kind.headings
    wanted = {normalise(name) for name in names}
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


def check_sections(page: SourcePage, kinds: dict[str, SectionKind], lang: str) -> list[Finding]:
    findings: list[Finding] = []
    page_type = page.page_type
    for kind in kinds.values():
        required = page_type in kind.required_for
        recommended = page_type in kind.recommended_for
        if not (required or recommended):
            continue
        label = kind.label_en if page.lang == "en" else kind.label_nl
        heading = find_section(page, kind)
        if heading is None:
            if kind.generated_from and page.str_list(kind.generated_from):
                continue
            if required:
                how_key = f"how_{kind.name}" if kind.name in ("steps", "documents", "help") else "how_other"
                how = message(lang, how_key, label=label)[0]
                findings.append(
                    Finding(
                        page.path,
                        None,
                        f"sections.{kind.name}-missing",
                        Severity.ERROR,
                        *message(lang, "sec_missing", label=label, how=how),
                    )
                )
            else:
                findings.append(
                    Finding(
                        page.path,
                        None,
                        f"sections.{kind.name}-missing",
                        Severity.INFO,
                        *message(lang, "sec_recommended", label=label),
                    )
                )
            continue
        if not has_content(section_tokens(page, heading), kind.content):
            key = "sec_numbered" if kind.content == "numbered-list" else "sec_list"
            findings.append(
                Finding(
                    page.path,
                    heading.line,
                    f"sections.{kind.name}-list",
                    Severity.ERROR,
                    *message(lang, key, heading=heading.text),
                )
            )
    return findings


def check(page: SourcePage, ctx: CheckContext) -> list[Finding]:
    if not page.front_matter_ok:
        return []
    kinds = ctx.sections or effective_sections(getattr(ctx.options, "sections", None))
    return check_sections(page, kinds, ctx.lang)
