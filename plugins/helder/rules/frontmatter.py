"""Front matter of a page: the product's data (title, summary, audience, UPL, ...), validated with pydantic.

Pydantic does the type work; this module turns each validation error into a hit at the line of the key (or of
the list item) that is wrong, with a message that says what the key is for.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from .. import clock, levels
from ..findings import Hit, Rule, Severity
from ..messages import Msg, Quoted
from ..source import SourcePage, item_line
from ..upl import PREFIX, closest, upl_list
from .context import CheckContext

RULES = [
    Rule("frontmatter.syntax", Severity.ERROR, ("fm_unclosed", "fm_yaml", "fm_not_mapping")),
    Rule("frontmatter.required", Severity.ERROR, ("fm_missing",)),
    Rule(
        "frontmatter.value",
        Severity.ERROR,
        ("fm_choice", "fm_date", "fm_too_long", "fm_empty", "fm_wrong", "fm_markup", "fm_ignore_rule"),
    ),
    Rule(
        "frontmatter.unknown-key", Severity.ERROR, ("fm_unknown", "fm_unknown_hint_close", "fm_unknown_hint")
    ),
    Rule("frontmatter.ignore-reason", Severity.ERROR, ("fm_ignore_reason",)),
    # Across pages: reported by `helder.checker.check_titles`.
    Rule("frontmatter.title-duplicate", Severity.ERROR, ("fm_title_duplicate",)),
    Rule("frontmatter.upl-unknown", Severity.ERROR, ("fm_upl_unknown", "fm_upl_close", "fm_upl_none")),
    Rule("freshness.stale", Severity.WARNING, ("fm_stale",)),
    Rule("frontmatter.apply-url", Severity.WARNING, ("fm_apply_url",)),
    Rule("file.encoding", Severity.ERROR, ("file_encoding",)),
    Rule("file.unreadable", Severity.ERROR, ("file_unreadable",)),
]

AUDIENCES = ("inwoners", "ondernemers")
ONLINE = ("ja", "nee", "digid", "eherkenning")
#: `online:` values that mean "log in to apply": such a page should link to where that is done.
LOGIN = {"digid": "DigiD", "eherkenning": "eHerkenning"}
UPL_PREFIX = PREFIX
SUMMARY_MAX = 200

NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
#: A web address a resident is sent to: `https` only (a form over plain http would leak what they fill in).
HttpsUrl = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^https://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$")
]

#: Keys that MkDocs or Material read from front matter; allowed on every page.
THEME_KEYS = {"hide", "template", "icon", "status", "subtitle", "search", "tags", "description", "comments"}


class Overview(BaseModel):
    """`overview: {audience: ondernemers}` on an overview page; without it the page lists its own folder."""

    model_config = ConfigDict(extra="forbid")
    audience: Literal["inwoners", "ondernemers"] | None = None
    #: `overview: {a_to_z: true}`: every service of the site by its first letter (the A to Z page).
    a_to_z: bool = False


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
    online: Literal["ja", "nee", "digid", "eherkenning"]
    #: Where to apply online ("Direct regelen") and where to see how an application is going.
    apply_url: HttpsUrl | None = None
    status_url: HttpsUrl | None = None
    owner: NonEmpty
    reviewed: dt.date
    help: list[NonEmpty] = Field(default_factory=list)


class PageMeta(_Base):
    """Home, overview and other pages that are not a product: only a title and a summary are needed."""

    audience: list[Literal["inwoners", "ondernemers"]] | None = None
    owner: NonEmpty | None = None
    reviewed: dt.date | None = None
    help: list[NonEmpty] = Field(default_factory=list)


class _Strict:
    """Keys from both models, for 'did you mean'."""

    keys = sorted(set(ProductMeta.model_fields) | set(PageMeta.model_fields) | THEME_KEYS)


#: Keys with an explanation in the catalogue (`fm_hint_<key>`), used in messages about a missing or wrong value.
HINTED = (
    "title",
    "summary",
    "audience",
    "upl",
    "online",
    "owner",
    "reviewed",
    "help",
    "lang",
    "type",
    "ignore",
    "apply_url",
    "status_url",
)
HINTED += ("overview", "limits")


def _hint(key: str) -> Msg | str:
    return Msg(f"fm_hint_{key}", prefix=UPL_PREFIX) if key in HINTED else ""


def _line(page: SourcePage, loc: tuple[Any, ...]) -> int:
    key = str(loc[0])
    if len(loc) > 1 and isinstance(loc[1], int):
        return item_line(page, key, loc[1])
    return page.line_of(key)


#: Allowed values per key, for "choose ..." in a message.
CHOICES = {"audience": AUDIENCES, "online": ONLINE, "lang": ("nl", "en"), "overview": AUDIENCES}


def _error_hit(page: SourcePage, error: dict[str, Any]) -> Hit:
    """One pydantic validation error as a hit at the line of its key."""
    loc = tuple(error["loc"]) or ("?",)
    key = str(loc[0])
    kind = error["type"]
    value = error.get("input")
    line = _line(page, loc)
    if kind == "missing":
        line = page.line_of(key) if key in page.meta_lines else 1
        return Hit("frontmatter.required", line, "fm_missing", {"key": key, "hint": _hint(key)})
    if kind == "extra_forbidden":
        # A wrong name inside a setting (`overview: {audiance: ...}`) is named by itself, not by its parent.
        key = str(loc[-1])
        known = _Strict.keys if len(loc) == 1 else sorted(Overview.model_fields)
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        tip = (
            Msg("fm_unknown_hint_close", close=close[0])
            if close
            else Msg("fm_unknown_hint", known=", ".join(known))
        )
        return Hit("frontmatter.unknown-key", line, "fm_unknown", {"key": key, "hint": tip})
    if key == "ignore" and len(loc) > 1:
        return Hit("frontmatter.ignore-reason", line, "fm_ignore_reason", {"rule": loc[1]})
    if kind == "literal_error":
        values = {"key": key, "value": value, "allowed": Quoted(CHOICES.get(key, ()))}
        return Hit("frontmatter.value", line, "fm_choice", values)
    if kind.startswith("date"):
        return Hit("frontmatter.value", line, "fm_date", {"key": key, "value": value, "hint": _hint(key)})
    if kind == "string_too_long":
        values = {"key": key, "length": len(str(value)), "max": SUMMARY_MAX}
        return Hit("frontmatter.value", line, "fm_too_long", values)
    if kind in ("string_too_short", "too_short") or value in (None, "", []):
        return Hit("frontmatter.value", line, "fm_empty", {"key": key, "hint": _hint(key)})
    return Hit("frontmatter.value", line, "fm_wrong", {"key": key, "hint": _hint(key)})


def validate(page: SourcePage, ctx: CheckContext) -> list[Hit]:
    """All front matter hits of one page, each at the line of the key that is wrong."""
    if not page.front_matter_ok:
        return []
    is_product = page.page_type in ctx.settings.product_types
    model = ProductMeta if is_product else PageMeta
    hits: list[Hit] = []
    try:
        # Keys the theme reads (`description`, `hide`, ...) are allowed on every page; the model has the rest.
        model.model_validate({k: v for k, v in page.meta.items() if k not in THEME_KEYS})
    except ValidationError as exc:
        hits.extend(_error_hit(page, error) for error in exc.errors())
    hits.extend(check_markup(page))
    hits.extend(check_upl(page))
    hits.extend(check_freshness(page, ctx, is_product))
    if is_product and page.meta.get("online") in LOGIN and not page.meta.get("apply_url"):
        values = {"online": LOGIN[page.meta["online"]]}
        hits.append(Hit("frontmatter.apply-url", page.line_of("online"), "fm_apply_url", values))
    ignore = page.meta.get("ignore")
    if isinstance(ignore, dict):
        for rule in ignore:
            if not levels.covers(ctx.known_rules, str(rule)):
                hits.append(
                    Hit("frontmatter.value", page.line_of("ignore"), "fm_ignore_rule", {"rule": rule})
                )
    return hits


#: Front matter texts the site shows as text (in the page header, the menu, lists, the feed).
TEXT_KEYS = ("title", "summary")
#: The start of an HTML tag, comment or declaration.
_MARKUP = re.compile(r"<[A-Za-z/!?]")


def check_markup(page: SourcePage) -> list[Hit]:
    """A title or summary is text: markup in it is never rendered (the theme shows it escaped), so say so."""
    hits = []
    for key in TEXT_KEYS:
        value = page.meta.get(key)
        match = _MARKUP.search(value) if isinstance(value, str) else None
        if match:
            code = value[match.start() : match.start() + 40]
            hits.append(Hit("frontmatter.value", page.line_of(key), "fm_markup", {"key": key, "code": code}))
    return hits


def check_upl(page: SourcePage) -> list[Hit]:
    """A well-formed UPL URI must also be a real one: the national catalogue rejects unknown names."""
    uri = page.meta.get("upl")
    if not isinstance(uri, str) or not uri.startswith(UPL_PREFIX) or uri in upl_list():
        return []
    near = closest(uri)
    hint = (
        Msg("fm_upl_close", names="; ".join(f"{e.name} ({e.uri})" for e in near))
        if near
        else Msg("fm_upl_none")
    )
    return [Hit("frontmatter.upl-unknown", page.line_of("upl"), "fm_upl_unknown", {"uri": uri, "hint": hint})]


def months_between(earlier: dt.date, later: dt.date) -> int:
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (1 if later.day < earlier.day else 0)


def check_freshness(
    page: SourcePage, ctx: CheckContext, is_product: bool, today: dt.date | None = None
) -> list[Hit]:
    """Information goes stale: municipalities worry most about keeping it current (the study's finding)."""
    reviewed = page.meta.get("reviewed")
    max_months = ctx.settings.stale_after_months
    if not is_product or not isinstance(reviewed, dt.date) or not max_months:
        return []
    months = months_between(reviewed, today or clock.today())
    if months < max_months:
        return []
    values = {"months": months, "date": reviewed.isoformat()}
    return [Hit("freshness.stale", page.line_of("reviewed"), "fm_stale", values)]


def check(page: SourcePage, ctx: CheckContext) -> list[Hit]:
    return validate(page, ctx)
