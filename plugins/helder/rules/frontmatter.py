"""Front matter of a page: the product's data (title, summary, audience, UPL, ...), validated with pydantic.

Pydantic does the type work; this module turns each validation error into a Dutch finding at the line of the
key (or of the list item) that is wrong.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from .. import clock
from ..findings import Finding, Severity
from ..messages import message, quote_list
from ..source import SourcePage, item_line
from ..upl import closest, upl_list
from . import CheckContext, Rule, registry

RULES = [
    Rule("frontmatter.syntax", Severity.ERROR, "De gegevens boven aan de pagina zijn geen geldige YAML."),
    Rule("frontmatter.required", Severity.ERROR, "Een verplicht gegeven ontbreekt."),
    Rule("frontmatter.value", Severity.ERROR, "Een gegeven heeft een verkeerde waarde."),
    Rule("frontmatter.unknown-key", Severity.ERROR, "Een gegeven dat Helder niet kent (vaak een tikfout)."),
    Rule("frontmatter.ignore-reason", Severity.ERROR, "Een regel is uitgezet zonder reden."),
    Rule(
        "frontmatter.upl-unknown",
        Severity.ERROR,
        "Het UPL-adres staat niet in de Uniforme Productnamenlijst.",
    ),
    Rule("freshness.stale", Severity.WARNING, "De pagina is lang niet gecontroleerd."),
    Rule("file.encoding", Severity.ERROR, "Het bestand is niet opgeslagen als UTF-8."),
    Rule("file.unreadable", Severity.ERROR, "Het bestand kan niet gelezen worden."),
]

AUDIENCES = ("inwoners", "ondernemers")
ONLINE = ("ja", "nee", "digid")
UPL_PREFIX = "http://standaarden.overheid.nl/owms/terms/"
SUMMARY_MAX = 200

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

#: Keys that MkDocs or Material read from front matter; allowed on every page.
THEME_KEYS = {"hide", "template", "icon", "status", "subtitle", "search", "tags", "description", "comments"}


class Overview(BaseModel):
    """`overview: {audience: ondernemers}` on an overview page; without it the page lists its own folder."""

    model_config = ConfigDict(extra="forbid")
    audience: Literal["inwoners", "ondernemers"] | None = None


class _Base(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False)

    title: NonEmpty
    summary: Annotated[NonEmpty, StringConstraints(max_length=SUMMARY_MAX)]
    lang: Literal["nl", "en"] | None = None
    type: NonEmpty = "product"
    ignore: dict[str, NonEmpty] = Field(default_factory=dict)
    limits: dict[str, dict[str, Any]] = Field(default_factory=dict)
    overview: Overview | None = None


class ProductMeta(_Base):
    audience: Annotated[list[Literal["inwoners", "ondernemers"]], Field(min_length=1)]
    upl: (
        Annotated[str, StringConstraints(pattern=r"^http://standaarden\.overheid\.nl/owms/terms/\S+$")] | None
    ) = None
    online: Literal["ja", "nee", "digid"]
    owner: NonEmpty
    reviewed: dt.date
    help: list[NonEmpty] = Field(default_factory=list)


class PageMeta(_Base):
    """Home, overview and other pages that are not a product: only a title and a summary are needed."""

    audience: list[Literal["inwoners", "ondernemers"]] | None = None
    owner: NonEmpty | None = None
    reviewed: dt.date | None = None
    help: list[NonEmpty] = Field(default_factory=list)


#: What each key means, in the editor's words; used in messages about a missing or wrong value.
FIELD_HINTS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Schrijf de naam van het product, bijvoorbeeld title: Paspoort aanvragen.",
        "summary": "Schrijf in een of twee zinnen waar de pagina over gaat. Gebruik hoogstens 200 tekens.",
        "audience": "Schrijf voor wie het product is: audience: [inwoners] of audience: [inwoners, ondernemers].",
        "upl": f"Gebruik het adres uit de Uniforme Productnamenlijst. Het begint met {UPL_PREFIX}.",
        "online": 'Schrijf of mensen het online kunnen aanvragen: "ja", "nee" of "digid".',
        "owner": "Schrijf welke afdeling de pagina beheert, bijvoorbeeld owner: Burgerzaken.",
        "reviewed": "Schrijf de datum van de laatste controle als jaar-maand-dag, bijvoorbeeld 2026-03-01.",
        "help": "Schrijf een lijst met soorten hulp, bijvoorbeeld help: [telefoon, balie].",
        "lang": 'Schrijf "nl" voor Nederlands of "en" voor Engels.',
        "type": "Laat type weg voor een productpagina. Schrijf type: page voor een gewone pagina.",
        "ignore": "Schrijf per regel de reden, bijvoorbeeld ignore: {sections.costs-missing: Dit product is gratis.}",
        "overview": "Schrijf overview: {audience: inwoners} of overview: {audience: ondernemers}.",
        "limits": "Schrijf per regel een grens en een reden. Kijk in de handleiding bij de regels.",
    },
    "en": {
        "title": "Write the name of the product, for example title: Apply for a passport.",
        "summary": "Say in one or two sentences what the page is about. Use at most 200 characters.",
        "audience": "Say who the product is for: audience: [inwoners] or audience: [inwoners, ondernemers].",
        "upl": f"Use the address from the Uniform Product Name List. It starts with {UPL_PREFIX}.",
        "online": 'Say whether people can apply online: "ja", "nee" or "digid".',
        "owner": "Write which department looks after the page, for example owner: Burgerzaken.",
        "reviewed": "Write the date of the last check as year-month-day, for example 2026-03-01.",
        "help": "Write a list of kinds of help, for example help: [telefoon, balie].",
        "lang": 'Write "nl" for Dutch or "en" for English.',
        "type": "Leave out type for a product page. Write type: page for an ordinary page.",
        "ignore": "Give the reason for each rule, for example ignore: {sections.costs-missing: It is free.}",
        "overview": "Write overview: {audience: inwoners} or overview: {audience: ondernemers}.",
        "limits": "Give a limit and a reason for each rule. See the rules in the guide.",
    },
}



class _Strict:
    """Keys from both models, for 'did you mean'."""

    keys = sorted(set(ProductMeta.model_fields) | set(PageMeta.model_fields) | THEME_KEYS)


def _hint(lang: str, key: str) -> str:
    return FIELD_HINTS.get(lang, FIELD_HINTS["nl"]).get(key, "")


def _line(page: SourcePage, loc: tuple[Any, ...]) -> int:
    key = str(loc[0])
    if len(loc) > 1 and isinstance(loc[1], int):
        return item_line(page, key, loc[1])
    return page.line_of(key)


def _error_finding(page: SourcePage, error: dict[str, Any], lang: str) -> Finding:
    loc = tuple(error["loc"]) or ("?",)
    key = str(loc[0])
    kind = error["type"]
    value = error.get("input")
    line = _line(page, loc)
    hint = _hint(lang, key)
    if kind == "missing":
        return Finding(
            page.path,
            page.line_of(key) if key in page.meta_lines else 1,
            "frontmatter.required",
            Severity.ERROR,
            *message(lang, "fm_missing", key=key, hint=hint),
        )
    if kind == "extra_forbidden":
        # A wrong name inside a setting (`overview: {audiance: ...}`) is named by itself, not by its parent.
        key = str(loc[-1])
        known = _Strict.keys if len(loc) == 1 else sorted(Overview.model_fields)
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        if close:
            tip = message(lang, "fm_unknown_hint_close", close=close[0])[0]
        else:
            tip = message(lang, "fm_unknown_hint", known=", ".join(known))[0]
        return Finding(
            page.path,
            line,
            "frontmatter.unknown-key",
            Severity.ERROR,
            *message(lang, "fm_unknown", key=key, hint=tip),
        )
    if key == "ignore" and len(loc) > 1:
        return Finding(
            page.path,
            line,
            "frontmatter.ignore-reason",
            Severity.ERROR,
            *message(lang, "fm_ignore_reason", rule=loc[1]),
        )
    if kind == "literal_error":
        allowed = {"audience": AUDIENCES, "online": ONLINE, "lang": ("nl", "en"), "overview": AUDIENCES}.get(
            key, ()
        )
        return Finding(
            page.path,
            line,
            "frontmatter.value",
            Severity.ERROR,
            *message(lang, "fm_choice", key=key, value=value, allowed=quote_list(allowed, lang)),
        )
    if kind.startswith("date"):
        return Finding(
            page.path,
            line,
            "frontmatter.value",
            Severity.ERROR,
            *message(lang, "fm_date", key=key, value=value, hint=hint),
        )
    if kind == "string_too_long":
        return Finding(
            page.path,
            line,
            "frontmatter.value",
            Severity.ERROR,
            *message(lang, "fm_too_long", key=key, length=len(str(value)), max=SUMMARY_MAX),
        )
    if kind in ("string_too_short", "too_short") or value in (None, "", []):
        return Finding(
            page.path,
            line,
            "frontmatter.value",
            Severity.ERROR,
            *message(lang, "fm_empty", key=key, hint=hint),
        )
    return Finding(
        page.path, line, "frontmatter.value", Severity.ERROR, *message(lang, "fm_wrong", key=key, hint=hint)
    )


def validate(page: SourcePage, ctx: CheckContext, known_rules: set[str]) -> list[Finding]:
    """All front matter findings of one page, each at the line of the key that is wrong."""
    if not page.front_matter_ok:
        return []
    lang = ctx.lang
    is_product = page.page_type in ctx.options.product_types
    model = ProductMeta if is_product else PageMeta
    findings: list[Finding] = []
    try:
        # Keys the theme reads (`description`, `hide`, ...) are allowed on every page; the model has the rest.
        model.model_validate({k: v for k, v in page.meta.items() if k not in THEME_KEYS})
    except ValidationError as exc:
        for error in exc.errors():
            findings.append(_error_finding(page, error, lang))
    findings.extend(check_markup(page, lang))
    findings.extend(check_upl(page, lang))
    findings.extend(check_freshness(page, ctx, is_product))
    ignore = page.meta.get("ignore")
    if isinstance(ignore, dict):
        for rule in ignore:
            if not registry.covers(known_rules, str(rule)):
                findings.append(
                    Finding(
                        page.path,
                        page.line_of("ignore"),
                        "frontmatter.value",
                        Severity.ERROR,
                        *message(lang, "fm_ignore_rule", rule=rule),
                    )
                )
    return findings


#: Front matter texts the site shows as text (in the page header, the menu, lists, the feed).
TEXT_KEYS = ("title", "summary")
#: The start of an HTML tag, comment or declaration.
_MARKUP = re.compile(r"<[A-Za-z/!?]")


def check_markup(page: SourcePage, lang: str) -> list[Finding]:
    """A title or summary is text: markup in it is never rendered (the theme shows it escaped), so say so."""
    findings = []
    for key in TEXT_KEYS:
        value = page.meta.get(key)
        match = _MARKUP.search(value) if isinstance(value, str) else None
        if match:
            code = value[match.start() : match.start() + 40]
            findings.append(
                Finding(
                    page.path,
                    page.line_of(key),
                    "frontmatter.value",
                    Severity.ERROR,
                    *message(lang, "fm_markup", key=key, code=code),
                )
            )
    return findings


def check_upl(page: SourcePage, lang: str) -> list[Finding]:
    """A well-formed UPL URI must also be a real one: the national catalogue rejects unknown names."""
    uri = page.meta.get("upl")
    if not isinstance(uri, str) or not uri.startswith(UPL_PREFIX) or uri in upl_list():
        return []
    near = closest(uri)
    if near:
        hint = message(lang, "fm_upl_close", names="; ".join(f"{e.name} ({e.uri})" for e in near))[0]
    else:
        hint = message(lang, "fm_upl_none")[0]
    return [
        Finding(
            page.path,
            page.line_of("upl"),
            "frontmatter.upl-unknown",
            Severity.ERROR,
            *message(lang, "fm_upl_unknown", uri=uri, hint=hint),
        )
    ]


def months_between(earlier: dt.date, later: dt.date) -> int:
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if later.day < earlier.day else 0)


def check_freshness(
    page: SourcePage, ctx: CheckContext, is_product: bool, today: dt.date | None = None
) -> list[Finding]:
    """Information goes stale: municipalities worry most about keeping it current (the study's finding)."""
    reviewed = page.meta.get("reviewed")
    max_months = getattr(ctx.options, "stale_after_months", 12)
    if not is_product or not isinstance(reviewed, dt.date) or not max_months:
        return []
    today = today or getattr(ctx, "today", None) or clock.today()
    months = months_between(reviewed, today)
    if months < max_months:
        return []
    return [
        Finding(
            page.path,
            page.line_of("reviewed"),
            "freshness.stale",
            Severity.WARNING,
            *message(ctx.lang, "fm_stale", months=months, date=reviewed.isoformat()),
        )
    ]


def check(page: SourcePage, ctx: CheckContext) -> list[Finding]:
    known = ctx.known_rules or registry.known_rule_ids(dict(getattr(ctx.options, "sections", None) or {}))
    return validate(page, ctx, known)
