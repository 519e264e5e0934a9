"""The site as Helder sees it: options from mkdocs.yml, the help catalogue and the check context.

Both the MkDocs plugin and `helder check` start here, so a page gets the same findings in the build and in the
editor's terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from readability import SUPPORTED_LANGUAGES, WordListError

from .catalogue import Catalogue, load_catalogue
from .checker import make_context
from .findings import Finding
from .messages import message
from .rules import CheckContext, registry
from .rules.words import word_list


class SiteConfigError(Exception):
    """A setting in mkdocs.yml that Helder cannot work with (exit code 2, a PluginError in the build)."""


@dataclass
class Site:
    root: Path  # the folder of mkdocs.yml; finding paths are relative to it
    docs_dir: Path
    options: Any
    default_lang: str
    catalogue: Catalogue | None
    ctx: CheckContext
    site_findings: list[Finding] = field(default_factory=list)

    def generated_pages(self, pages: dict[str, Any]) -> dict[str, str]:
        """Help pages made from the catalogue (src_uri -> Markdown), given the checked pages by src_uri."""
        from .catalogue.pages import Product, help_pages

        folder = (self.options.help_pages or "").strip("/")
        if self.catalogue is None or not folder:
            return {}
        products = [
            Product(uri, r.page.title, r.page.str_list("help"))
            for uri, r in sorted(pages.items(), key=lambda item: item[1].page.title.casefold())
            if r.page.page_type in self.options.product_types
        ]
        return help_pages(self.catalogue, products, folder, self.default_lang)

    def generated_path(self, src_uri: str) -> str:
        """How a generated page is named in findings: where it would be if it were a file in the docs folder."""
        return f"{self.shown(self.docs_dir)}/{src_uri}"

    def shown(self, file: Path | str) -> str:
        """A path as editors see it: relative to the site's root, with forward slashes."""
        path = Path(file)
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


def check_rule_levels(options: Any) -> None:
    for rule in options.rules or {}:
        if not registry.is_known(rule, dict(options.sections or {})):
            raise SiteConfigError(message(options.lang, "cfg_rule", rule=rule)[0])


def make_site(*, root: Path, docs_dir: Path, options: Any, theme_language: str | None) -> Site:
    check_rule_levels(options)
    default_lang = options.content_lang or (theme_language or "nl")[:2]
    if default_lang not in SUPPORTED_LANGUAGES:
        raise SiteConfigError(
            message(options.lang, "cfg_lang", lang=default_lang, known=", ".join(SUPPORTED_LANGUAGES))[0]
        )
    catalogue_file = root / options.catalogue
    site = Site(root, docs_dir, options, default_lang, None, make_context(options, None, config_dir=root))
    catalogue, findings = load_catalogue(catalogue_file, site.shown(catalogue_file), options.lang)
    site.catalogue = catalogue
    site.site_findings = findings
    site.ctx = make_context(options, catalogue, config_dir=root)
    try:  # a broken word list is a setting problem: say so once, not on every page
        for lang in SUPPORTED_LANGUAGES:
            word_list(site.ctx, lang)
    except WordListError as exc:
        raise SiteConfigError(message(options.lang, "cfg_words", error=exc)[0]) from exc
    return site


def from_mkdocs_config(config: Any) -> Site:
    """Build the Site from a loaded MkDocs config (in the plugin, or in the CLI via `load_config`)."""
    plugin = config.plugins.get("helder")
    if plugin is not None:
        options = plugin.config
    else:
        from .config import HelderConfig

        options = HelderConfig()
        options.load_dict({})
        options.validate()
    root = Path(config.config_file_path).parent
    theme_language = config.theme.get("language") if config.theme else None
    return make_site(
        root=root, docs_dir=Path(config.docs_dir), options=options, theme_language=theme_language
    )
