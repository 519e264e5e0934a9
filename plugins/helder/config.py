"""Options of the `helder` plugin in mkdocs.yml (also read by `helder check`, so both see the same settings).

```yaml
plugins:
  - helder:
      rules: {sections.costs-missing: warning, readability: error}
      sections:
        steps: {headings: [Stappen, Zo vraagt u het aan]}
```
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError
from mkdocs.exceptions import Abort

from . import levels
from .audit.config import AuditOptions
from .messages import Msg, Quoted
from .rules import registry


class LanguageLimits(Config):
    """Limits for one language; what a site leaves out keeps Helder's default (`DEFAULT_LIMITS`)."""

    sentence_words = c.Optional(c.Type(int))
    flesch_min = c.Optional(c.Type((int, float)))
    lix_max = c.Optional(c.Type((int, float)))
    long_word_syllables = c.Optional(c.Type(int))


class ReadabilityOptions(Config):
    """`readability:` in the helder plugin's options.

    ```yaml
    readability:
      nl: {sentence_words: 22, flesch_min: 55}
      jargon_extra: data/ambtelijk.yml     # relative to mkdocs.yml
      jargon_remove: [indien]
      long_word_allow: [burgerservicenummer]
    ```
    """

    nl = c.SubConfig(LanguageLimits)
    en = c.SubConfig(LanguageLimits)
    #: Pages with fewer words get no page score (too few sentences for a stable score).
    min_words = c.Type(int, default=50)
    #: How many of the hardest sentences a page-score finding names.
    hardest = c.Type(int, default=3)
    #: Words the long-word rule accepts (product names a site cannot avoid), case-insensitive.
    long_word_allow = c.ListOfItems(c.Type(str), default=[])
    #: A YAML list of extra jargon (same format as readability/data/jargon-nl.yml), relative to mkdocs.yml.
    #: A plain list is Dutch; use {nl: [...], en: [...]} for both languages.
    jargon_extra = c.Optional(c.Type(str))
    #: Terms of the built-in jargon lists a site does not want reported.
    jargon_remove = c.ListOfItems(c.Type(str), default=[])


class DashboardOptions(Config):
    enabled = c.Type(bool, default=True)
    #: Published dashboards go into the site (not in the navigation or sitemap); internal ones next to it.
    publish = c.Type(bool, default=False)
    #: Folder name of the dashboard (inside the site when published, else inside the report folder).
    folder = c.Type(str, default="kwaliteit")
    #: A CSV file (relative to mkdocs.yml) that each build adds its totals to; commit it to keep the trend.
    history = c.Type(str, default=".helder/kwaliteit-historie.csv")
    record = c.Type(bool, default=True)


class ResearchOptions(Config):
    date = c.Optional(c.Type(dt.date))
    method = c.Type(str, default="WCAG-EM")
    #: `all-met` (all 50 criteria met) or `not-all-met`.
    result = c.Choice(("all-met", "not-all-met"), default="not-all-met")
    by = c.Type(str, default="")
    report_url = c.Type(str, default="")


class ProblemOptions(Config):
    problem = c.Type(str)
    fix = c.Type(str)
    #: When the fix is planned.
    planned = c.Optional(c.Type(dt.date))


class StatementOptions(Config):
    enabled = c.Type(bool, default=True)
    #: Where the statement appears in the site.
    page = c.Type(str, default="toegankelijkheid.md")
    scope = c.Type(str, default="")
    research = c.SubConfig(ResearchOptions)
    planned_research = c.Optional(c.Type(dt.date))
    known_problems = c.ListOfItems(c.SubConfig(ProblemOptions), default=[])
    approved_by = c.Type(str, default="")
    approved_on = c.Optional(c.Type(dt.date))
    contact = c.Type(str, default="")


class SectionOptions(Config):
    """One kind of section. Every field is optional: what a site leaves out keeps Helder's default."""

    headings = c.Optional(c.ListOfItems(c.Type(str)))
    headings_en = c.Optional(c.ListOfItems(c.Type(str)))
    content = c.Optional(c.Choice(("any", "list", "numbered-list")))
    required_for = c.Optional(c.ListOfItems(c.Type(str)))
    recommended_for = c.Optional(c.ListOfItems(c.Type(str)))


class RuleLevels(c.BaseConfigOption[dict[str, str]]):
    """`rules:`, a level per rule id, group or pattern, checked when the config loads (like MkDocs' own
    `validation:` levels): a typo is refused at once, with the closest real rule id, and every later step reads
    one validated value."""

    def __init__(self) -> None:
        super().__init__()
        self.default: dict[str, str] = {}

    def run_validation(self, value: object) -> dict[str, str]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise ValidationError(" ".join(Msg("cfg_rules_shape").pair("nl")))
        return {str(rule): level for rule, level in value.items()}

    def post_validation(self, config: Config, key_name: str) -> None:
        known = registry.known_rule_ids(dict(config.get("sections") or {}))
        found = levels.problems(config[key_name], known)
        if found:
            lang = config.get("lang") or "nl"
            raise ValidationError(" ".join(" ".join(msg.pair(lang)).strip() for msg in found))


class HelderConfig(Config):
    enabled = c.Type(bool, default=True)
    #: Run the content checks (front matter, sections, readability, Markdown). Off only to measure their cost.
    checks = c.Type(bool, default=True)
    #: Language of Helder's own messages: Dutch by default.
    lang = c.Choice(("nl", "en"), default="nl")
    #: Language of a page without `lang:`; empty means the theme's language (`theme.language`).
    content_lang = c.Type(str, default="")
    #: Stop `mkdocs build` when there are error findings, also without `--strict` (never during `mkdocs serve`).
    fail_on_error = c.Type(bool, default=True)
    #: Log warning findings as MkDocs warnings (then `--strict` fails on them too). Off: they are shown as info.
    warnings_fail = c.Type(bool, default=False)
    #: Level per rule id, rule group or pattern (`a11y.axe.*`): error, warning, info or ignore.
    rules = RuleLevels()
    #: Section kinds and where they are required (merged over the defaults in `sections.DEFAULT_SECTIONS`).
    sections = c.DictOfItems(c.SubConfig(SectionOptions), default={})
    #: Page types that are products and get the product checks; other types (page, overview) opt out.
    product_types = c.ListOfItems(c.Type(str), default=["product"])
    #: The help catalogue (channels, help offers, barriers), relative to mkdocs.yml.
    catalogue = c.Type(str, default="data/hulp.yml")
    #: The municipality's OWMS URI, for the product feed (e.g. http://standaarden.overheid.nl/owms/terms/Utrecht_(gemeente)).
    municipality_uri = c.Type(str, default="")
    #: File name of the Samenwerkende Catalogi 4.0 feed in the built site. Empty: no feed.
    feed = c.Type(str, default="samenwerkende-catalogi.xml")
    #: Add schema.org GovernmentService JSON-LD to every product page.
    structured_data = c.Type(bool, default=True)
    #: A product page whose `reviewed` date is this many months old gets `freshness.stale` (0: never).
    stale_after_months = c.Type(int, default=12)
    #: Folder (in the site) for the generated help pages: overview, barriers, target groups, policy. Empty: none.
    help_pages = c.Type(str, default="hulp")
    #: A menu section with more pages than this shows only the current page and a link to the section's own page,
    #: which lists them all (0: always every page). A long menu is slow to Tab through, and rendering every page
    #: of a big section into each of its pages made the build grow faster than the site.
    menu_pages = c.Type(int, default=30)
    #: Write `pages.json` (url -> source file) and the per-page report here, relative to mkdocs.yml.
    state_dir = c.Type(str, default=".helder")
    #: The accessibility gate (pa11y-ci in Chromium); runs in `mkdocs build`, never in `mkdocs serve`.
    audit = c.SubConfig(AuditOptions)
    #: The accessibility statement page, status A-E computed from the research below.
    statement = c.SubConfig(StatementOptions)
    #: The quality dashboard (internal by default).
    dashboard = c.SubConfig(DashboardOptions)
    #: Readability limits per language (sentence length, Flesch-Douma, LIX, long words) and the jargon lists.
    readability = c.SubConfig(ReadabilityOptions)
    #: Words no style rule reports: the municipality's own names and products (DigiD, MijnOverheid, ...).
    protected_words = c.ListOfItems(c.Type(str), default=[])


def load_options(data: dict[str, Any] | None = None, *, config_file_path: str | None = None) -> HelderConfig:
    """Validate a plain dict (a test's, or the helder section of mkdocs.yml) into `HelderConfig`.

    Raises `ValueError` with the first problem; the build gets the same validation from MkDocs itself.
    """
    options = HelderConfig(config_file_path=config_file_path)
    options.load_dict(dict(data or {}))
    failed, _warnings = options.validate()
    if failed:
        key, error = failed[0]
        raise ValueError(f"{key}: {error}")
    return options


# --- Helder's own check of every option (issue 15): a Dutch message naming the option, its value and an
# example, before MkDocs' own validation (whose messages are English and whose exit code is 1).

#: Lowest and highest allowed number per option (dotted path below `helder`); the rest only need their type.
BOUNDS: dict[str, tuple[float | None, float | None]] = {
    "stale_after_months": (0, 600),
    "menu_pages": (0, None),
    "readability.min_words": (0, None),
    "readability.hardest": (0, 100),
    "audit.port": (0, 65535),
    "audit.run_timeout": (0, None),
    **{f"readability.{lang}.{name}": (1, None) for lang in ("nl", "en") for name in ("sentence_words",)},
    **{f"readability.{lang}.long_word_syllables": (1, None) for lang in ("nl", "en")},
}
#: Examples for options whose default says nothing (an empty text, an empty list).
EXAMPLES = {
    "content_lang": "nl",
    "municipality_uri": "http://standaarden.overheid.nl/owms/terms/Utrecht_(gemeente)",
    "feed": "samenwerkende-catalogi.xml",
    "audit.node_modules": "node_modules",
    "audit.node": "/usr/bin/node",
    "audit.report_dir": "helder-audit",
    "rules": "{sections.costs-missing: warning}",
    "sections": "{steps: {headings: [Stappen]}}",
    "readability.jargon_extra": "data/ambtelijk.yml",
}


class ConfigAbort(Abort):
    """Settings Helder cannot work with: each problem in the user's language, exit code 2 (MkDocs' own
    configuration errors exit with 1, which the README reserves for error findings)."""

    code = 2
    exit_code = 2

    def __init__(self, problems: list[Msg], lang: str = "nl") -> None:
        self.problems = problems
        super().__init__("\n".join("helder: " + " ".join(msg.pair(lang)).strip() for msg in problems))


def _shown_value(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def _kind(option: Any, path: str) -> tuple[Msg, str]:
    """What an option takes (in words, from the catalogue) and an example value (as YAML)."""
    if isinstance(option, c.Optional):
        return _kind(option.option, path)
    if isinstance(option, c.Choice):
        choices = list(option.choices)
        return Msg("cfg_kind_choice", choices=Quoted(tuple(choices))), json.dumps(
            option.default or choices[0]
        )
    if isinstance(option, c.SubConfig):
        return Msg("cfg_kind_mapping"), EXAMPLES.get(path, "{enabled: true}")
    if isinstance(option, c.ListOfItems):
        _, item = _kind(option.option_type, path)
        return Msg("cfg_kind_list"), EXAMPLES.get(path, f"[{item}]")
    if isinstance(option, (c.DictOfItems, RuleLevels)):
        return Msg("cfg_kind_mapping"), EXAMPLES.get(path, "{}")
    if isinstance(option, c.Type):
        types = option._type if isinstance(option._type, tuple) else (option._type,)
        default = option.default
        low, high = BOUNDS.get(path, (None, None))
        if bool in types:
            return Msg("cfg_kind_bool"), "true" if default is None else json.dumps(default)
        if int in types:
            kind = Msg("cfg_kind_int") if float not in types else Msg("cfg_kind_number")
            if type(option).__name__ == "_Positive":
                kind = Msg("cfg_kind_positive")
            elif low is not None and high is not None:
                kind = Msg("cfg_kind_range", kind=kind, min=low, max=high)
            elif low is not None:
                kind = Msg("cfg_kind_min", kind=kind, min=low)
            return kind, str(default if isinstance(default, (int, float)) else max(low or 0, 1))
        if dt.date in types:
            return Msg("cfg_kind_date"), "2026-12-31"
        if str in types:
            return Msg("cfg_kind_text"), json.dumps(EXAMPLES.get(path, default or "abc"), ensure_ascii=False)
    return Msg("cfg_kind_other"), EXAMPLES.get(path, json.dumps(option.default, default=str))


def _wrong(path: str, option: Any, value: object) -> Msg:
    kind, example = _kind(option, path)
    name = path.rsplit(".", 1)[-1]
    return Msg(
        "cfg_option",
        option=f"helder.{path}",
        value=_shown_value(value),
        kind=kind,
        example=f"{name}: {example}",
    )


def _type_ok(option: Any, value: object) -> bool:
    types = option._type if isinstance(option._type, tuple) else (option._type,)
    if isinstance(value, bool) and bool not in types:
        return False  # YAML's yes/no is no number and no text
    return isinstance(value, types)


def check_option(path: str, option: Any, value: object) -> list[Msg]:
    """Problems with one option's value (recursing into sub-settings, lists and mappings)."""
    if isinstance(option, c.Optional):
        return [] if value is None else check_option(path, option.option, value)
    if isinstance(option, c.SubConfig):
        if not isinstance(value, dict):
            return [_wrong(path, option, value)]
        return check_options(value, option.config_class, path + ".")
    if isinstance(option, c.ListOfItems):
        if not isinstance(value, list):
            return [_wrong(path, option, value)]
        found = [msg for item in value for msg in check_option(path, option.option_type, item)]
        if found or type(option) is c.ListOfItems:
            return found
    if isinstance(option, c.DictOfItems):
        if not isinstance(value, dict):
            return [_wrong(path, option, value)]
        return [
            msg
            for key, item in value.items()
            for msg in check_option(f"{path}.{key}", option.option_type, item)
        ]
    if isinstance(option, c.Choice):
        return [] if value in option.choices else [_wrong(path, option, value)]
    if isinstance(option, c.Type):
        if not _type_ok(option, value):
            return [_wrong(path, option, value)]
        low, high = BOUNDS.get(path, (None, None))
        if isinstance(value, (int, float)) and (
            (low is not None and value < low) or (high is not None and value > high)
        ):
            return [_wrong(path, option, value)]
    try:  # the option's own extra rules (a reason that is empty, two viewports with one name)
        option.validate(value)
    except ValidationError as exc:
        return [Msg("cfg_option_says", option=f"helder.{path}", problem=str(exc))]
    return []


def check_options(raw: Any, schema: type[Config] = None, prefix: str = "") -> list[Msg]:  # type: ignore[assignment]
    """Every problem in the `helder` options as written in mkdocs.yml (empty when they are all fine)."""
    schema = schema or HelderConfig
    if raw is None:
        return []
    options = dict(schema._schema)
    problems: list[Msg] = []
    for key, value in raw.items():
        path = f"{prefix}{key}"
        if key not in options:
            close = difflib.get_close_matches(str(key), list(options), n=1, cutoff=0.6)
            hint = (
                Msg("cfg_unknown_close", close=close[0])
                if close
                else Msg("cfg_unknown_list", known=", ".join(options))
            )
            problems.append(Msg("cfg_unknown", option=f"helder.{path}", hint=hint))
            continue
        problems.extend(check_option(path, options[key], value))
    return problems
