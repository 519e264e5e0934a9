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

from mkdocs.config import config_options as c
from mkdocs.config.base import Config

from .audit.config import AuditOptions
from .outputs.dashboard import DashboardOptions
from .outputs.statement import StatementOptions
from .rules.readability import ReadabilityOptions


class SectionOptions(Config):
    """One kind of section. Every field is optional: what a site leaves out keeps Helder's default."""

    headings = c.Optional(c.ListOfItems(c.Type(str)))
    headings_en = c.Optional(c.ListOfItems(c.Type(str)))
    content = c.Optional(c.Choice(("any", "list", "numbered-list")))
    required_for = c.Optional(c.ListOfItems(c.Type(str)))
    recommended_for = c.Optional(c.ListOfItems(c.Type(str)))


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
    #: Level per rule id or rule group: error, warning, info or ignore.
    rules = c.DictOfItems(c.Choice(("error", "warning", "info", "ignore")), default={})
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
