"""The `helder` MkDocs plugin: wires MkDocs events to Helder's checks and generators. No rules live here."""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

import markdown
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler, get_relative_url

from . import clock, publishing
from .catalogue.model import tel_uri
from .checkcache import CheckCache
from .checker import Checking, PageReport, Report, check_page, check_titles, start_checks
from .config import ConfigAbort, HelderConfig, check_options
from .findings import Finding, Severity, count, format_text, sort_key, summary_counts
from .languages import LanguageBuild, language_build, register_generated, url_in_own_language
from .messages import Msg, message, theme_words
from .outputs.history import read_history, setting_line
from .outputs.jsonld import government_service, script_tag
from .outputs.publish import (
    Links,
    is_product,
    preview_base,
    refresh_statement,
    statement_page,
    write_dashboard,
    write_feed,
    write_state,
)
from .pages import page_markdown
from .pages.help_pages import check_generated, generated_pages, generated_uris
from .pages.text import format_date, theme_hours
from .pages.translations import links_to_other_language
from .preview import preview_content, preview_style
from .publishing import Publication
from .rules.frontmatter import THEME_KEYS, theme_value_ok
from .rules.safety import cap_nesting
from .sanitize import PagePolicy, clean_html, clean_page, escape_value, theme_scripts, without_class
from .site import Site, SiteConfigError, from_mkdocs_config
from .source import parse_text, read_page

if TYPE_CHECKING:  # the gate is loaded when a build runs it, not by `helder check` or `mkdocs serve`
    from .audit.result import AuditResult

log = get_plugin_logger(__name__)


class HelderPlugin(BasePlugin[HelderConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.command = "build"
        self.site: Site | None = None
        self.report = Report()
        self.urls: dict[str, str] = {}
        #: MkDocs' edit link of each page (`repo_url` + `edit_uri`), for the dashboard.
        self.edit_urls: dict[str, str] = {}
        #: Pages that are checked but not published (`draft_docs`: the editors' guide): the gate skips them.
        self.drafts: set[str] = set()
        self.page_policy = PagePolicy([])
        self.dirty = False
        self.publication: Publication | None = None
        self.cache: CheckCache | None = None
        #: This language build's checks while they run beside the render, with the files they are for.
        self.checking: Checking | None = None
        self.checking_files: list[tuple[File, str]] = []
        #: The pages checked before this language build (its own findings are the others), and whether its
        #: findings still wait to be reported (`_checks_done`).
        self.before: set[str] = set()
        self.unreported = False
        #: This language build's pages that must have titles of their own (not the generated help pages).
        self.titled: list[str] = []
        #: The language MkDocs is building now, in a site with more than one (mkdocs-static-i18n).
        self.build = LanguageBuild()
        #: Each language's 404 page (the language builds all write `404.html`; each goes in its own folder).
        self.not_found: dict[str, str] = {}

    # -- set-up ----------------------------------------------------------------------------------------

    def load_config(self, options: dict[str, Any], config_file_path: str | None = None) -> Any:
        """Every option checked by Helder first: a wrong one stops MkDocs with a message in the site's language
        that names the option, its value and an example, and exit code 2."""
        lang = options.get("lang") if options.get("lang") in ("nl", "en") else "nl"
        problems = check_options(options)
        if problems:
            raise ConfigAbort(problems, lang)
        errors, warnings = super().load_config(options, config_file_path)
        if errors:  # a rule that needs the other options (a rule id under `rules:`), in Helder's own words
            raise ConfigAbort(
                [Msg("cfg_option_says", option=f"helder.{k}", problem=str(e)) for k, e in errors], lang
            )
        return errors, warnings

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # `mkdocs serve` rebuilds on every save: slow gates (the browser audit) are skipped there.
        self.command = command
        self.dirty = dirty

    def on_config(self, config: Any) -> Any:
        if language_build(
            config
        ).nested:  # English after Dutch: one report, one gate and one publication for all
            return config
        self.report = Report()  # serve rebuilds start clean
        self.not_found = {}
        if "attr_list" not in config.markdown_extensions:  # what Helder writes marks languages and lists
            config.markdown_extensions.append("attr_list")
        self.urls = {}
        self.cache = None
        self.edit_urls = {}
        self.drafts = set()
        if not self.config.enabled:
            return config
        try:
            self.site = from_mkdocs_config(config)
        except SiteConfigError as exc:
            raise PluginError(str(exc)) from exc
        self.page_policy = PagePolicy(theme_scripts(list(config.theme.dirs)))
        if self.site.catalogue is not None:  # the footer's contact block, unless mkdocs.yml has its own
            theme = config.extra.setdefault("helder", {})
            # Escaped here: the theme prints `contact.address` and `contact.email` as they are.
            theme.setdefault("contact", escape_value(self.site.catalogue.contact()))
        self._start_publication(config)
        return config

    def _start_publication(self, config: Any) -> None:
        """Build into a new folder beside `site/`; `site/` is replaced only at the end of a good build.
        `mkdocs serve` builds into a temporary folder of its own: left alone."""
        if self.command == "serve":
            return
        try:
            self.publication = publishing.start(Path(config.site_dir), dirty=self.dirty)
        except publishing.Locked as exc:
            raise ConfigAbort([Msg("build_locked", folder=exc.site_dir)], self.config.lang) from None
        config.site_dir = str(self.publication.work_dir)

    def _finish_publication(self, config: Any, *, refused: bool) -> None:
        """The end of a build: publish the new site, or throw it away and keep the previous one."""
        publication, self.publication = self.publication, None
        if publication is None:
            return
        config.site_dir = str(publication.site_dir)  # `gh-deploy` reads it after the build
        strict_failed = config.strict and any(
            handler.counts
            for handler in logging.getLogger("mkdocs").handlers
            if isinstance(handler, CountHandler)
        )
        if refused or strict_failed:
            publication.discard()
            log.info(message(self.config.lang, "build_kept_site", folder=publication.site_dir)[0])
        else:
            publication.publish()

    def on_build_error(self, *, error: Exception) -> None:
        if self.unreported:  # the render broke while the checks ran: their findings may explain it
            try:
                self._checks_done()
            except Exception as problem:  # MkDocs reports the build's own error next
                log.warning(message(self.config.lang, "checks_not_reported", error=problem)[0])
            finally:
                self._stop_checks()
        if self.publication is not None:
            self.publication.discard()
            self.publication = None

    def on_shutdown(self) -> None:
        self._stop_checks()
        if self.publication is not None:
            self.publication.discard()
            self.publication = None

    def _stop_checks(self) -> None:
        if self.checking is not None:
            self.checking.cancel()
            self.checking = None

    # -- checks ---------------------------------------------------------------------------------------

    @event_priority(-110)  # after mkdocs-static-i18n (-100) chose this language's pages and their addresses
    def on_files(self, files: Files, *, config: Any) -> Files:
        """Read and start checking every page before any is rendered, so overview pages can list products that
        come later.

        In a build, the pages that need a fresh check are checked by other processes while MkDocs renders
        (rendering needs only what was read here), or by this process after the render when one process is
        faster (a small site, `HELDER_WORKERS=1`); `on_post_build` collects and reports the findings.
        `mkdocs serve` checks here: its preview shows the findings in the page.

        In a site with more than one language, each language build checks its own pages into the one report;
        the help pages and the statement are made once, in the main language."""
        if not self.config.enabled or self.site is None:
            return files
        self.build = language_build(config)
        site = self.site
        self.before = set(self.report.pages)
        self.unreported = True
        if not self.build.nested:
            self.report.site_findings = list(site.site_findings)
            site.ctx.generated = generated_uris(site)
        # Drafts too (the editors' guide): they are not published, but they are read, so they are checked.
        self._check_files(files.documentation_pages(inclusion=InclusionLevel.is_in_serve))
        self.titled = [uri for uri in self.report.pages if uri not in self.before]
        if self.build.is_main:
            self._add_help_pages(files, config)
            for file in self._statement_page(files, config):
                files.append(file)
                self._check_file(file)
                register_generated(config, file)
        if self.command == "serve":
            self._checks_done()
        return files

    @event_priority(50)  # before mkdocs-static-i18n (-100) starts the next language's build
    def _collect_checks(self, *, config: Any) -> None:
        if self.unreported:
            self._checks_done()

    def _checks_done(self) -> None:
        """The checks of this language build are complete: the titles across its pages, the cache saved, and
        its findings in the log (an error there also fails `--strict`)."""
        assert self.site is not None
        self.unreported = False
        checking, self.checking = self.checking, None
        if checking is not None:
            results = checking.finish()
            for file, shown in self.checking_files:
                self._record(file, results[shown])
            self.checking_files = []
        new = [uri for uri in self.report.pages if uri not in self.before]
        if self.config.checks:  # the site's own pages: a help page's title is the catalogue's business
            check_titles([self.report.pages[uri] for uri in self.titled], self.site.ctx)
        if self.cache is not None:
            self.cache.save(whole_site=True)
        found = [] if self.build.nested else list(self.report.site_findings)
        found += [f for uri in new for f in self.report.pages[uri].findings]
        for finding in sorted(found, key=sort_key):
            self._log(finding)

    def _check_files(self, files: list[File]) -> None:
        """The pages on disk in one go, through the check cache (`.helder/check-cache.json`); then the pages
        other plugins made."""
        site = self.site
        assert site is not None
        on_disk = [file for file in files if file.abs_src_path] if self.config.checks else []
        if on_disk:
            # One cache for every language build: it keeps the entries of all of them.
            cache = self.cache = self.cache or site.check_cache()
            sources = [(Path(file.abs_src_path), site.shown(file.abs_src_path)) for file in on_disk]
            checking = start_checks(
                sources, site.ctx, default_lang=site.default_lang, cache=cache, beside=self.command != "serve"
            )
            # Until the checks are done, a page's report holds the page and the problems of its file.
            self.checking_files = [
                (file, shown) for file, (_path, shown) in zip(on_disk, sources, strict=True)
            ]
            for file, shown in self.checking_files:
                self._record(file, checking.report(shown))
            self.checking = checking
        checked = {id(file) for file in on_disk}
        for file in files:
            if id(file) not in checked:
                self._check_file(file)

    def _check_file(self, file: File) -> None:
        site = self.site
        assert site is not None
        if file.abs_src_path:
            page = read_page(
                Path(file.abs_src_path),
                site.shown(file.abs_src_path),
                default_lang=site.default_lang,
                lang=self.config.lang,
                inside=site.docs_dir,
            )
        else:  # generated by Helder or another plugin: shown by its place in the site
            page = parse_text(
                file.content_string,
                site.generated_path(file.src_uri),
                default_lang=site.default_lang,
                lang=self.config.lang,
            )
        result = check_page(page, site.ctx) if self.config.checks else PageReport(page, list(page.problems))
        self._record(file, result)

    def _record(self, file: File, result: PageReport) -> None:
        self.report.pages[file.src_uri] = result
        self.urls[file.src_uri] = "/" + ("" if file.url == "./" else file.url)
        if not file.inclusion.is_included():
            self.drafts.add(file.src_uri)

    def _add_help_pages(self, files: Files, config: Any) -> None:
        """The help overview, barrier, target-group and policy pages, made from the catalogue and checked; what
        is wrong on them is reported at its line in the catalogue."""
        assert self.site is not None
        made = generated_pages(self.site, self.report.pages)
        # A page the site wrote itself wins over a generated one with the same name.
        made = {uri: text for uri, text in made.items() if files.get_file_from_path(uri) is None}
        results, moved = check_generated(
            self.site, self.report.pages, made, self.cache, checks=self.config.checks
        )
        for uri, text in made.items():
            file = File.generated(config, uri, content=text)
            files.append(file)
            register_generated(config, file)
            self.report.pages[uri] = results[uri]
            self.urls[uri] = "/" + file.url
        self.report.site_findings.extend(moved)

    def _statement_page(self, files: Files, config: Any) -> list[File]:
        options = self.config.statement
        if not options.enabled or files.get_file_from_path(options.page) is not None:
            return []
        _status, text = statement_page(
            options,
            ignores=self.config.audit.ignores,
            report_dir=self._audit_report_dir(config),
            site_name=self._municipality(config),
            site_url=config.site_url or "",
            today=clock.today(),
            lang=self.site.default_lang,
        )
        return [File.generated(config, options.page, content=text)]

    def _audit_report_dir(self, config: Any) -> Path:
        assert self.site is not None
        if self.config.audit.report_dir:
            return self.site.root / self.config.audit.report_dir
        from .audit.gate import default_report_dir

        return default_report_dir(Path(config.site_dir))

    def _log(self, finding: Finding) -> None:
        text = format_text(finding, self.config.lang)
        if finding.severity is Severity.ERROR:
            log.error(text)  # counted by MkDocs: `--strict` fails, and so does on_post_build below
        elif finding.severity is Severity.WARNING:
            log.warning(text) if self.config.warnings_fail else log.info(text)
        else:
            log.info(text)

    def on_page_read_source(self, *, page: Page, config: Any) -> str | None:
        """A file that is not UTF-8 is already a finding; read it leniently so the other pages still build."""
        result = self.report.pages.get(page.file.src_uri)
        if result and any(f.rule == "file.outside" for f in result.findings):
            return ""  # a link to a file elsewhere on the computer: nothing of it is published
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
        if page.edit_url:
            self.edit_urls[page.file.src_uri] = page.edit_url
        if self.build.multilingual:  # a link to a page that this language's build does not have
            markdown = links_to_other_language(
                markdown,
                page.file.src_uri,
                in_build=lambda uri: files.get_file_from_path(uri) is not None,
                url_of=lambda uri: self._link_to_other_language(uri, page, config),
            )
        # Lists nested hundreds deep would crash Python-Markdown: `markdown.nesting` refuses the page, and the
        # build gets a text it can render, so the other pages' findings are still reported.
        return page_markdown(cap_nesting(markdown), result, self.report, page.file.src_uri, self.site)

    def _link_to_other_language(self, uri: str, page: Page, config: Any) -> str | None:
        """A link from `page` to page `uri` in the build of that page's own language (None: no such page)."""
        assert self.site is not None
        url = url_in_own_language(uri, self.site.docs_dir, self.build.main, config)
        return None if url is None else get_relative_url(url, page.file.url)

    @event_priority(-100)  # after every other plugin: nothing changes the page after the cleaner
    def on_post_page(self, output: str, *, page: Page, config: Any) -> str:
        """Structured data, then the last step of every page: nothing that runs code outside the theme's own."""
        if not self.config.enabled:
            return output
        output = self._structured_data(output, page, config)
        output = clean_page(output, self.page_policy, content=page.content or "")
        url = self.urls.get(page.file.src_uri)
        if url:  # the gate checks that a page's address serves this page itself (issue 15)
            marker = f'<meta name="helder-page" content="{html.escape(url)}">'
            output = output.replace("</head>", marker + "\n</head>", 1)
        if self.command == "serve" and page.file.src_uri in self.report.pages:
            output = preview_style(output)  # the findings are in the body (on_page_content)
        return output

    def _structured_data(self, output: str, page: Page, config: Any) -> str:
        """Structured data for search engines: a product page is a schema.org GovernmentService."""
        result = self.report.pages.get(page.file.src_uri)
        if not (self.config.structured_data and result and self._is_product(result)):
            return output
        data = government_service(
            name=result.page.title,
            description=result.page.str_value("summary"),
            url=page.canonical_url or page.url,
            municipality=self._municipality(config),
            site_url=config.site_url or "",
            lang=result.page.lang,
            audience=result.page.str_list("audience"),
            upl=result.page.str_value("upl") or None,
        )
        return output.replace("</head>", script_tag(data) + "\n</head>", 1)

    @event_priority(-100)
    def on_post_template(self, output: str, *, template_name: str, config: Any) -> str:
        """Pages the theme makes without a Markdown source (404.html) get the same last check as every page."""
        if self.config.enabled and template_name.endswith(".html"):
            output = clean_page(output, self.page_policy)
        if template_name == "404.html" and self.build.lang:
            # Every language build writes `/404.html`: the main language's stays there, each other one goes into
            # its own folder (`/en/404.html`) when its build ends.
            self.not_found[self.build.lang] = output
            output = self.not_found.get(self.build.main or "", output)
        return output

    def _is_product(self, result: PageReport) -> bool:
        return is_product(result, self.config.product_types)

    def _municipality(self, config: Any) -> str:
        catalogue = self.site.catalogue if self.site else None
        return (
            catalogue.model.municipality if catalogue and catalogue.model.municipality else config.site_name
        )

    def on_nav(self, nav: Any, *, config: Any, files: Files) -> Any:
        """A section's title comes from its folder name, which an editor chooses: the theme prints it as text."""
        if self.config.enabled:
            for item in _sections(nav.items):
                if item.title:
                    item.title = escape_value(item.title)
        return nav

    def on_env(self, env: Any, *, config: Any, files: Files) -> Any:
        """Every page is read, no template has run yet: make each title and front matter value plain text.

        The theme prints `page.title` and `page.meta` values without escaping (in `<title>`, the header, the
        menu and the breadcrumbs, also of other pages), so a title with `<script>` would run on every page
        that lists it. `frontmatter.value` already refuses such a title; this makes sure it can never run.
        """
        # The theme's words and formats come from the same owners as every other text Helder writes.
        env.globals.update(
            helder_words=theme_words, helder_date=format_date, helder_hours=theme_hours, helder_tel=tel_uri
        )
        env.globals["helder_here"] = self._here(files)
        env.globals["helder_menu_pages"] = self.config.menu_pages
        if not self.config.enabled:
            return env
        for file in files.documentation_pages():
            page = file.page
            if page is None:
                continue
            title = page.title
            # A theme key with a wrong type (`hide: 1`, `template: 3`) would crash the theme: it is a
            # `frontmatter.value` finding, and the page is built without it.
            meta = {k: v for k, v in (page.meta or {}).items() if k not in THEME_KEYS or theme_value_ok(k, v)}
            if "template" in meta and not _template_exists(env, meta["template"]):
                meta.pop("template")
            result = self.report.pages.get(file.src_uri)
            if result is not None and "lang" not in meta and result.page.lang != self.site.default_lang:
                meta["lang"] = result.page.lang  # `page.en.md`: the theme reads the page's language here
            page.meta = {key: escape_value(value) for key, value in meta.items()}
            if isinstance(title, str) and escape_value(title) is not title:
                page.title = escape_value(title)
                # Material prints `page.title | striptags` in <title> when there is no `meta.title`, and
                # striptags turns escaped text back into markup: give it the escaped `meta.title` instead.
                page.meta["title"] = page.title
        return env

    def _here(self, files: Files) -> dict[str, Any]:
        """For the theme, in a site with more than one language: this build's language, the main one, and the
        address in this language of each main language page that has a translation (`producten-a-z/` →
        `en/producten-a-z/`), so the header and footer link to the English A to Z from an English page."""
        build = self.build
        if not build.multilingual:
            return {}
        prefix = build.prefix
        urls = {
            f.url[len(prefix) :]: f.url
            for f in files.documentation_pages()
            if prefix and f.url.startswith(prefix)
        }
        return {"lang": build.lang, "main": build.main, "urls": urls}

    def on_page_context(self, context: Any, *, page: Page, config: Any, nav: Any) -> Any:
        """mkdocs-static-i18n names the other language's home page as the translation of a page that has none
        (Material prints it as `<link rel="alternate" hreflang>`); the theme names only real translations."""
        if self.build.multilingual:
            config.extra.alternate = []  # as mkdocs-static-i18n sets it (an attribute, which Jinja reads first)
        return context

    @event_priority(-100)  # after every other plugin, so the cleaned content is the content
    def on_page_content(self, html: str, *, page: Page, config: Any, files: Files) -> str:
        """Unsafe HTML (script, iframe, on*= attributes, javascript: links) never reaches the site.

        The `markdown.unsafe-html` rule already refused the page; this makes sure that, even in a build where
        that rule is set to a lower level, the published page cannot run it.
        """
        if not self.config.enabled:
            return html
        html = clean_html(html, local_only=True)  # no image from another host (markdown.external-resource)
        # `<pre class="mermaid">` makes the theme fetch mermaid from a CDN, unless the site serves it itself.
        if not (self.site and self.site.ctx.mermaid_local):
            html = without_class(html, "mermaid")
        if self.command == "serve":  # the editor's preview shows the findings in the page; never built
            html = preview_content(html, self.report.pages.get(page.file.src_uri), self.site)
        return html

    # -- after the build ------------------------------------------------------------------------------

    @event_priority(-110)  # last, also after mkdocs-static-i18n (-100) built the other languages
    def _post_build(self, *, config: Any) -> None:
        if language_build(config).nested:  # one language of several: the first build's end does the rest
            self._write_not_found(config)
            return
        if not self.config.enabled or self.site is None:
            self._finish_publication(config, refused=False)
            return
        self._write_state(config)
        self._write_feed(config)
        audit = self._run_audit(config)
        if audit is not None:
            self._refresh_statement(config)
        history = self._write_dashboard(config, audit)
        counts = summary_counts(self.report.findings + (audit.findings if audit else []) + history)
        if audit and audit.gate_error:
            counts["error"] += 1
        refused = bool(counts["error"]) and self.command != "serve" and self.config.fail_on_error
        self._finish_publication(config, refused=refused)
        if refused:  # build and gh-deploy
            errors = count(self.config.lang, "errors", counts["error"])
            key = "build_refused_one" if counts["error"] == 1 else "build_refused"
            raise Abort(" ".join(message(self.config.lang, key, errors=errors)))

    on_post_build = CombinedEvent(_collect_checks, _post_build)

    def _write_not_found(self, config: Any) -> None:
        """A later language's 404 page, in its own folder (`/en/404.html`)."""
        page = self.not_found.get(self.build.lang or "")
        if page is not None and not self.build.is_main:
            target = Path(config.site_dir) / self.build.prefix / "404.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page, encoding="utf-8")

    def _refresh_statement(self, config: Any) -> None:
        """The statement was made before the site was built: give it the result of this build's own gate."""
        url = self.urls.get(self.config.statement.page)
        if self.config.statement.enabled and url:
            page_html = Path(config.site_dir) / url.strip("/") / "index.html"
            refresh_statement(
                page_html,
                self._audit_report_dir(config),
                self.config.statement,
                today=clock.today(),
                lang=self.site.default_lang,
                to_html=lambda text: markdown.markdown(
                    text, extensions=config.markdown_extensions, extension_configs=config.mdx_configs
                ),
            )

    def _run_audit(self, config: Any) -> AuditResult | None:
        """The WCAG gate on the built site. Skipped while serving: it takes seconds per page."""
        if not self.config.audit.enabled:
            return None
        if self.command == "serve":
            log.info(message(self.config.lang, "audit_skipped_serve")[0])
            return None
        assert self.site is not None
        pages = {url: result.page.path for url, result in self._pages_by_url().items()}
        from .audit.gate import run_gate

        result = run_gate(
            Path(config.site_dir),
            pages=pages,
            options=self.config.audit,
            project_root=self.site.root,
            levels=self.site.ctx.levels,
            lang=self.config.lang,
        )
        for finding in sorted(result.findings, key=sort_key):
            self._log(finding)
        if result.gate_error:  # the gate could not run: that is a failure, never a pass
            log.error(" ".join(result.gate_error.pair(self.config.lang)).strip())
        summary = result.summary
        log.info(
            message(
                self.config.lang,
                "audit_summary",
                checked=count(self.config.lang, "pages", summary.checked),
                passed=summary.passed,
                failed=summary.failed,
                not_checked=summary.not_checked,
                cached=summary.from_cache,
                report=result.report_dir or "-",
            )[0]
        )
        return result

    def _pages_by_url(self) -> dict[str, PageReport]:
        pages = self.report.pages.items()
        return {self.urls[uri]: result for uri, result in pages if uri not in self.drafts}

    def _write_dashboard(self, config: Any, audit: AuditResult | None) -> list[Finding]:
        """The dashboard; returns what is wrong with its history file (already logged)."""
        options = self.config.dashboard
        if not options.enabled or self.site is None:
            return []
        site = self.site
        # Internal (the default): in the project beside mkdocs.yml, so it is never published, also while serving
        # (serve builds into a temporary folder). Published: in the site, but not in the navigation or the
        # sitemap (both are made before this).
        folder = (
            Path(config.site_dir).resolve() / options.folder
            if options.publish
            else site.root / f"helder-{options.folder}"
        )
        history_file = site.root / options.history
        config_file = Path(config.config_file_path)
        history = read_history(
            history_file,
            site.shown(history_file),
            self.config.lang,
            config_line=(site.shown(config_file), setting_line(config_file, "history")),
        )
        # Only a build whose gate ran says something true about the site: a broken gate is no data point.
        record = options.record and self.command == "build" and not (audit and audit.gate_error)
        index = write_dashboard(
            folder,
            self.report,
            self.urls,
            audit,
            product_types=self.config.product_types,
            history=history,
            history_file=history_file,
            record=record,
            site_name=config.site_name,
            site_url=config.site_url or "",
            stale_months=self.config.stale_after_months,
            today=clock.today(),
            links=Links(
                site.root,
                self.edit_urls,
                preview_base(self.command, config.dev_addr, config.site_url or ""),
                published=options.publish,
            ),
            lang=self.config.lang,
        )
        log.info(message(self.config.lang, "dashboard_written", path=index)[0])
        found = site.ctx.levels.apply(history.findings) if site.ctx.levels else history.findings
        for finding in found:
            self._log(finding)
        return found

    def _write_feed(self, config: Any) -> None:
        if self.config.feed:
            write_feed(
                Path(config.site_dir, self.config.feed),
                self.report,
                self.urls,
                product_types=self.config.product_types,
                site_url=config.site_url or "",
                municipality=self._municipality(config),
                municipality_uri=self.config.municipality_uri,
            )

    def _write_state(self, config: Any) -> None:
        assert self.site is not None
        write_state(self.site.root / self.config.state_dir, self.report, self.urls)


def _template_exists(env: Any, name: str) -> bool:
    """A page's `template:` that the theme has (else MkDocs stops with TemplateNotFound)."""
    try:
        env.get_template(name)
    except Exception:  # noqa: BLE001 - not found, or a template with a syntax error: both are unusable
        return False
    return True


def _sections(items: list[Any]) -> Any:
    """Every section in the navigation, at any depth."""
    for item in items:
        if getattr(item, "is_section", False):
            yield item
            yield from _sections(item.children)
