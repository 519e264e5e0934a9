"""The site as Helder sees it: options from mkdocs.yml, the help catalogue and the check context.

Both the MkDocs plugin and `helder check` start here, so a page gets the same findings in the build and in the
editor's terminal.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readability import SUPPORTED_LANGUAGES, WordListError

from .catalogue import Catalogue, load_catalogue
from .checkcache import CACHE_FILE, CheckCache, settings_key
from .checker import make_context
from .findings import Finding
from .messages import Msg, Spaced, WithFix
from .rules.context import CheckContext

if TYPE_CHECKING:
    from .config import HelderConfig


class SiteConfigError(Exception):
    """A setting in mkdocs.yml that Helder cannot work with (exit code 2, a PluginError in the build)."""

    def __init__(self, msg: Msg, lang: str = "nl") -> None:
        super().__init__(" ".join(msg.pair(lang)).strip())
        self.msg = msg


@dataclass
class Site:
    root: Path  # the folder of mkdocs.yml; finding paths are relative to it
    docs_dir: Path
    options: HelderConfig
    default_lang: str
    catalogue: Catalogue | None
    ctx: CheckContext
    site_findings: list[Finding] = field(default_factory=list)

    def generated_path(self, src_uri: str) -> str:
        """How a generated page is named in findings: where it would be if it were a file in the docs folder."""
        return f"{self.shown(self.docs_dir)}/{src_uri}"

    def shown(self, file: Path | str) -> str:
        """A path as editors see it: relative to the site's root, with forward slashes."""
        return _shown(Path(file), self.root)

    def check_cache(self) -> CheckCache:
        """The content-check cache in the state folder (`.helder/check-cache.json`), for these settings (after
        `ctx.generated` is known: a link to a page the build makes is no missing file)."""
        from .rules.words import jargon_path

        key = settings_key(
            self.options,
            help_keys=self.ctx.help_keys,
            lang=self.ctx.lang,
            default_lang=self.default_lang,
            word_file=jargon_path(self.root, self.options.readability.jargon_extra),
            folders=(self.root.resolve(), self.docs_dir.resolve()),
            generated=self.ctx.generated,
        )
        return CheckCache(self.root / self.options.state_dir / CACHE_FILE, key)


def make_site(
    *, root: Path, docs_dir: Path, options: HelderConfig, theme_language: str | None, lang: str | None = None
) -> Site:
    """The site; `lang` (the language Helder speaks) defaults to the site's `lang:` option."""
    lang = lang or options.lang
    default_lang = options.content_lang or (theme_language or "nl")[:2]
    if default_lang not in SUPPORTED_LANGUAGES:
        msg = Msg("cfg_lang", lang=default_lang, known=", ".join(SUPPORTED_LANGUAGES))
        raise SiteConfigError(msg, lang)
    catalogue_file = root / options.catalogue
    catalogue, findings = load_catalogue(catalogue_file, _shown(catalogue_file, root), lang)
    try:  # a broken word list is a setting problem: say so once, not on every page
        ctx = make_context(options, catalogue, config_dir=root, docs_dir=docs_dir, lang=lang)
    except WordListError as exc:  # the engine's own words for a broken list file; Helder's for its settings
        raise SiteConfigError(getattr(exc, "msg", None) or Msg("cfg_words", error=exc), lang) from exc
    site_findings = ctx.levels.apply(findings) if ctx.levels else findings
    return Site(root, docs_dir, options, default_lang, catalogue, ctx, site_findings)


def _shown(file: Path, root: Path) -> str:
    """The path of `file` itself (a link is named as the link, not as where it points), else resolved."""
    try:
        return Path(os.path.abspath(file)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        pass
    try:
        return file.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):
        return file.as_posix()


def from_mkdocs_config(config: Any, *, lang: str | None = None) -> Site:
    """Build the Site from a loaded MkDocs config (in the plugin, or in the CLI via `load_config`)."""
    plugin = config.plugins.get("helder")
    if plugin is not None:
        options = plugin.config
    else:
        from .config import load_options

        options = load_options({})
    root = Path(config.config_file_path).parent
    theme_language = config.theme.get("language") if config.theme else None
    site = make_site(
        root=root, docs_dir=Path(config.docs_dir), options=options, theme_language=theme_language, lang=lang
    )
    site.ctx.mermaid_local = any(
        "mermaid" in str(script).lower() and not re.match(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", str(script), re.I)
        for script in config.get("extra_javascript") or []
    )
    return site


class _Collect(logging.Handler):
    """MkDocs reports each wrong setting as a log record before it gives up; keep them for one message."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def _setting_problem(line: str) -> str:
    """`Config value 'plugins': Plugin 'helder' option 'rules': ...` -> `helder.rules: ...`."""
    found = re.search(r"Plugin '([^']+)' option '([^']+)': (.*)", line, re.DOTALL)
    return f"{found.group(1)}.{found.group(2)}: {found.group(3)}" if found else line


def load_mkdocs_site(config_file: str, lang: str, *, explicit: bool = False) -> Site:
    """Load mkdocs.yml exactly as `mkdocs build` would (for `helder check`, `rules` and `audit`).

    `lang` is the language of a problem with the file itself, and of Helder's messages when `explicit` (the
    user asked for it); else the site's own `lang:` setting decides.
    """
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from .config import ConfigAbort

    if not Path(config_file).is_file():
        raise SiteConfigError(Msg("cli_no_config", config=config_file), lang)
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    logger.addHandler(collect)
    level, logger.level = logger.level, logging.ERROR  # MkDocs' own notes are not for these commands
    logger.propagate, propagate = False, logger.propagate
    try:
        return from_mkdocs_config(load_config(config_file=config_file), lang=lang if explicit else None)
    except ConfigAbort as exc:  # Helder's own check of its options: its messages as they are
        raise SiteConfigError(
            Msg("cli_bad_config", config=config_file, error=Spaced(tuple(WithFix(m) for m in exc.problems))),
            lang,
        ) from exc
    except MkDocsException as exc:  # ConfigurationError, and Abort after MkDocs logged each wrong setting
        problems = [_setting_problem(line) for line in collect.lines] or [str(exc).strip()]
        raise SiteConfigError(
            Msg("cli_bad_config", config=config_file, error=" ".join(problems)), lang
        ) from exc
    finally:
        logger.removeHandler(collect)
        logger.level, logger.propagate = level, propagate
