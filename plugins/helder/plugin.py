"""The `helder` MkDocs plugin: wires MkDocs events to Helder's checks and generators. No rules live here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from . import generate
from .checker import PageReport, Report, check_page
from .config import HelderConfig
from .findings import Finding, Severity, format_text, summary_counts
from .messages import message, register
from .site import Site, SiteConfigError, from_mkdocs_config
from .source import parse_text, read_page

log = get_plugin_logger(__name__)

register(
    {
        "build_refused": {
            "nl": ("Helder heeft fouten gevonden: {error}. De site is niet klaar om te publiceren.",
                   "Verbeter de fouten hierboven en bouw de site opnieuw."),
            "en": ("Helder found errors: {error}. The site is not ready to publish.",
                   "Fix the errors above and build the site again."),
        },
    }
)


class HelderPlugin(BasePlugin[HelderConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.site: Site | None = None
        self.report = Report()
        self.urls: dict[str, str] = {}

    # -- set-up ----------------------------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # `mkdocs serve` rebuilds on every save: slow gates (the browser audit) are skipped there.
        self.command = command

    def on_config(self, config: Any) -> Any:
        self.report = Report()  # serve rebuilds start clean
        self.urls = {}
        if not self.config.enabled:
            return config
        try:
            self.site = from_mkdocs_config(config)
        except SiteConfigError as exc:
            raise PluginError(str(exc)) from exc
        return config

    # -- checks ---------------------------------------------------------------------------------------

    def on_files(self, files: Files, *, config: Any) -> Files:
        """Check every page before any is rendered, so overview pages can list products that come later."""
        if not self.config.enabled or self.site is None:
            return files
        site = self.site
        self.report.site_findings = list(site.site_findings)
        for file in files.documentation_pages():
            if file.abs_src_path:
                page = read_page(Path(file.abs_src_path), site.shown(file.abs_src_path),
                                 default_lang=site.default_lang, lang=self.config.lang)
            else:  # a page made by another plugin
                page = parse_text(file.content_string, file.src_uri, default_lang=site.default_lang)
            if self.config.checks:
                result = check_page(page, site.ctx)
            else:
                result = PageReport(page, list(page.problems))
            self.report.pages[file.src_uri] = result
            self.urls[file.src_uri] = "/" + ("" if file.url == "./" else file.url)
        for finding in self.report.findings:
            self._log(finding)
        return files

    def _log(self, finding: Finding) -> None:
        text = format_text(finding)
        if finding.severity is Severity.ERROR:
            log.error(text)  # counted by MkDocs: `--strict` fails, and so does on_post_build below
        elif finding.severity is Severity.WARNING:
            log.warning(text) if self.config.warnings_fail else log.info(text)
        else:
            log.info(text)

    def on_page_read_source(self, *, page: Page, config: Any) -> str | None:
        """A file that is not UTF-8 is already a finding; read it leniently so the other pages still build."""
        result = self.report.pages.get(page.file.src_uri)
        if result and any(f.rule == "file.encoding" for f in result.findings) and page.file.abs_src_path:
            return Path(page.file.abs_src_path).read_bytes().decode("utf-8", errors="replace")
        return None

    # -- generated content ----------------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, *, page: Page, config: Any, files: Files) -> str:
        if not self.config.enabled or self.site is None:
            return markdown
        result = self.report.pages.get(page.file.src_uri)
        if result is None:
            return markdown
        return generate.page_markdown(markdown, result, self.report, page.file.src_uri, self.site)

    # -- after the build ------------------------------------------------------------------------------

    def on_post_build(self, *, config: Any) -> None:
        if not self.config.enabled or self.site is None:
            return
        self._write_state(config)
        counts = summary_counts(self.report.findings)
        if counts["error"] and self.command == "build" and self.config.fail_on_error:
            raise Abort(" ".join(message(self.config.lang, "build_refused", **counts)))

    def _write_state(self, config: Any) -> None:
        """`pages.json` (url -> source file) and `report.json` (findings, scores) for the audit and dashboards."""
        assert self.site is not None
        state = self.site.root / self.config.state_dir
        state.mkdir(parents=True, exist_ok=True)
        pages: dict[str, str] = {}
        report: dict[str, Any] = {}
        for src_uri, result in self.report.pages.items():
            url = self.urls[src_uri]
            pages[url] = result.page.path
            report[result.page.path] = {
                "url": url,
                "title": result.page.title,
                "type": result.page.page_type,
                "findings": [f.to_dict() for f in result.findings],
                "data": result.data,
            }
        with open(state / "pages.json", "w", encoding="utf-8") as fh:
            json.dump(pages, fh, ensure_ascii=False, indent=1, sort_keys=True)
        with open(state / "report.json", "w", encoding="utf-8") as fh:
            json.dump(report, fh, ensure_ascii=False, indent=1, sort_keys=True, default=str)

