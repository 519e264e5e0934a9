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
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from . import levels
from .audit.config import AuditOptions
from .messages import Msg
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
