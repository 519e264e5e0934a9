"""The accessibility gate: test every page of a built site with pa11y-ci, and fail closed.

`run_gate` is what the MkDocs plugin and `helder audit` call. It serves the site on 127.0.0.1, sends only
pages whose cached result is out of date to pa11y-ci (one run for all viewports), retries pages that did not
load once, and turns everything into `Finding`s on the page's *source* file. A page that was not tested —
it did not load, timed out, was served with an error status or is missing from pa11y's report — is a
`a11y.not-checked` error, never a pass. When the gate itself cannot run (no Node.js, no browser, pa11y-ci
crashed, the port is taken, the run hung) `AuditResult.gate_error` says why in Dutch and the exit code is 2.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqdm import tqdm

from helder.findings import Finding, Severity, has_errors, sort_key

from . import browser, review
from .cache import ResultCache, assets_hash, file_hash, result_key
from .config import AuditOptions, load_options
from .ignores import find_ignore
from .messages import NOT_CHECKED, explain
from .report import write_reports as write_report_files
from .runner import GateError, Job, Tools, browser_version, find_tools, run_pa11y_ci, tool_env
from .server import ServerError, SiteRequestHandler, SiteServer

NOT_CHECKED_RULE = "a11y.not-checked"

PASSED, FAILED, NOT_CHECKED_STATUS = "goedgekeurd", "afgekeurd", "niet gecontroleerd"


@dataclass(frozen=True)
class Page:
    """A published page: its URL in the site, the file an editor must change, and its HTML (if it exists)."""

    url: str
    path: str
    html: Path | None


@dataclass(frozen=True)
class IgnoredResult:
    """A result that matched a configured ignore: still listed in the report, with the reason."""

    path: str
    url: str
    viewport: str
    rule: str
    selector: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return dict(self.__dict__)


@dataclass
class PageResult:
    url: str
    path: str
    status: str
    viewports: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class AuditSummary:
    """Counts per page (a page passes only when it passes at every viewport) and per test job."""

    pages: int = 0
    checked: int = 0
    passed: int = 0
    failed: int = 0
    not_checked: int = 0
    errors: int = 0
    warnings: int = 0
    ignored: int = 0
    viewports: int = 0
    jobs: int = 0
    from_cache: int = 0
    tested: int = 0
    retried: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class AuditResult:
    findings: list[Finding] = field(default_factory=list)
    summary: AuditSummary = field(default_factory=AuditSummary)
    ignored: list[IgnoredResult] = field(default_factory=list)
    pages: list[PageResult] = field(default_factory=list)
    gate_error: str | None = None
    report_dir: Path | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    #: Per finding (same order): url, viewports, selector, the failing HTML and the tool's own text, for the
    #: HTML and JSON reports, which show more than the one-line message.
    details: list[dict[str, Any]] = field(default_factory=list)
    #: axe's "needs review" results, grouped by rule, with the decisions kept in the repo (see review.py).
    review: list[dict[str, Any]] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 = every page passed, 1 = findings (or pages not checked), 2 = the gate could not run."""
        if self.gate_error:
            return 2
        return 1 if has_errors(self.findings) else 0

    @property
    def ok(self) -> bool:
        return self.exit_code == 0


# --- pages ------------------------------------------------------------------------------------------------


def url_for_html(site_dir: Path, html: Path) -> str:
    """`site/a/b/index.html` -> `/a/b/`; `site/404.html` -> `/404.html`."""
    rel = html.relative_to(site_dir).as_posix()
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


def normalise_url(url: str) -> str:
    """MkDocs page URLs (`burgerzaken/paspoort/`, `` for the home page) as absolute paths on the site."""
    url = url.split("#", 1)[0].split("?", 1)[0].strip()
    if url in (".", "./"):  # MkDocs' URL of the home page
        url = ""
    return "/" + url.lstrip("/")


def html_for_url(site_dir: Path, url: str) -> Path:
    rel = url.lstrip("/")
    return site_dir / rel / "index.html" if url.endswith("/") else site_dir / rel


def _display_path(path: Path, project_root: Path) -> str:
    try:
        return path.resolve().relative_to(project_root.resolve()).as_posix()
    except ValueError:
        return str(path)


def collect_pages(site_dir: Path, pages: Mapping[str, str] | None, project_root: Path) -> list[Page]:
    """Every HTML page in the site plus every page the caller knows about.

    Pages in `pages` point at their Markdown source; other HTML files (404.html, pages made by other
    plugins) are published too, so they are checked with their HTML path. A page in `pages` without HTML
    is still sent: the server answers 404 and the page becomes `a11y.not-checked`.
    """
    sources = {normalise_url(url): str(src) for url, src in (pages or {}).items()}
    found: dict[str, Page] = {}
    for html in sorted(site_dir.rglob("*.html")):
        url = url_for_html(site_dir, html)
        found[url] = Page(url, sources.get(url) or _display_path(html, project_root), html)
    for url, source in sources.items():
        if url not in found:
            html = html_for_url(site_dir, url)
            found[url] = Page(url, source, html if html.is_file() else None)
    return sorted(found.values(), key=lambda page: page.url)


# --- the gate ---------------------------------------------------------------------------------------------


def _resolve(project_root: Path, value: str) -> Path:
    path = Path(value)
    return path if path.is_absolute() else project_root / path


def default_report_dir(site_dir: Path) -> Path:
    """`<site_dir>/../helder-audit`: beside the published folder, so the report itself is never published."""
    return site_dir.resolve().parent / "helder-audit"


def run_gate(
    site_dir: Path,
    *,
    pages: Mapping[str, str] | None = None,
    options: AuditOptions | Mapping[str, Any] | None = None,
    project_root: Path | None = None,
    progress: bool | None = None,
    write_reports: bool = True,
    server_handler: type[SiteRequestHandler] = SiteRequestHandler,
) -> AuditResult:
    """Audit the built site in `site_dir` and return findings, a summary and a gate error (or None).

    `pages` maps page URLs (`/burgerzaken/paspoort/` or MkDocs' `burgerzaken/paspoort/`) to the source file an
    editor must change (`content/burgerzaken/paspoort.md`). `project_root` (the folder of mkdocs.yml; default
    the current folder) anchors relative paths in `options`. `progress` shows a progress bar on stderr
    (default: when stderr is a terminal). Never raises for a tool problem: that becomes `gate_error`.
    """
    started = time.monotonic()
    if options is None or not isinstance(options, AuditOptions):
        options = load_options(dict(options or {}))
    project_root = Path(project_root or Path.cwd())
    site_dir = Path(site_dir).resolve()
    result = AuditResult(settings=_settings(options))
    if not options.enabled:
        return result

    report_dir = (
        _resolve(project_root, options.report_dir) if options.report_dir else default_report_dir(site_dir)
    )
    if write_reports and site_dir in (report_dir.resolve(), *report_dir.resolve().parents):
        result.gate_error = (
            f"De rapportmap {report_dir} ligt in de gebouwde site en zou dan mee online gaan. "
            "Kies met audit.report_dir een map buiten de site."
        )
        return result
    try:
        _audit(result, site_dir, pages, options, project_root, progress, server_handler)
    except (GateError, ServerError) as error:
        result.gate_error = str(error)
    result.summary.seconds = round(time.monotonic() - started, 2)
    if write_reports and site_dir.is_dir():
        result.report_dir = report_dir
        write_report_files(result, report_dir, site_dir=site_dir)
    return result


def _settings(options: AuditOptions) -> dict[str, Any]:
    """The settings that decide what pa11y reports (part of the cache key, and shown in the report)."""
    return {
        "standard": options.standard,
        "runners": list(options.runners),
        "include_warnings": bool(options.include_warnings),
        "include_notices": bool(options.include_notices),
        "needs_review": options.needs_review,
        "viewports": [dict(v) for v in options.viewports],
        "browser_checks": browser.checks_settings(options.browser_checks),
    }


def _audit(
    result: AuditResult,
    site_dir: Path,
    pages_map: Mapping[str, str] | None,
    options: AuditOptions,
    project_root: Path,
    progress: bool | None,
    server_handler: type[SiteRequestHandler],
) -> None:
    if not site_dir.is_dir():
        raise GateError(f"De map {site_dir} bestaat niet. Bouw de site eerst met 'mkdocs build'.")
    pages = collect_pages(site_dir, pages_map, project_root)
    if not pages:
        raise GateError(f"In {site_dir} staan geen HTML-pagina's. Bouw de site eerst met 'mkdocs build'.")

    tools = find_tools(
        project_root, browser=options.browser, node_modules=options.node_modules, node=options.node
    )
    viewports = [dict(v) for v in options.viewports]
    jobs = {page.url: [Job(page.url, v) for v in viewports] for page in pages}
    all_jobs = [job for page_jobs in jobs.values() for job in page_jobs]
    summary = result.summary
    summary.pages, summary.viewports, summary.jobs = len(pages), len(viewports), len(all_jobs)

    # --- cache lookup ---
    cache = ResultCache(_resolve(project_root, options.cache_dir) if options.cache_dir else None)
    keys: dict[Job, str] = {}
    raw: dict[Job, list[dict[str, Any]]] = {}
    if cache.directory is not None:
        with tempfile.TemporaryDirectory(prefix="helder-audit-") as tmp:
            chromium = browser_version(tools.browser, tool_env(Path(tmp)))
        key_settings = {**result.settings, "versions": {**tools.versions, "chromium": chromium}}
        key_settings.pop("viewports")
        assets = assets_hash(site_dir)
        for page in pages:
            if page.html is None:
                continue
            page_hash = file_hash(page.html)
            for job in jobs[page.url]:
                keys[job] = result_key(
                    page_hash=page_hash, assets=assets, settings=key_settings, viewport=job.viewport
                )
                cached = cache.get(keys[job])
                if cached is not None:
                    raw[job] = cached
        result.settings["versions"] = key_settings["versions"]
    else:
        result.settings["versions"] = dict(tools.versions)
    summary.from_cache = len(raw)

    # --- test what is left, retry what did not load ---
    pending = [job for job in all_jobs if job not in raw]
    not_checked: dict[Job, str] = {}
    if pending:
        not_checked = _test(pending, raw, site_dir, options, tools, progress, server_handler, summary)
        for job in pending:
            if job in raw and job in keys:
                cache.put(keys[job], raw[job], url=job.request_path)
        if len(not_checked) == len(pending) and not summary.from_cache:
            first = next(iter(not_checked.values()))
            result.gate_error = (
                f"Geen enkele pagina kon worden gecontroleerd ({first}). Controleer of de site goed "
                "gebouwd is en of Chromium pagina's kan openen."
            )

    raw, result.review = review.split(raw, options, project_root)
    _to_findings(result, pages, jobs, raw, not_checked, options)


def _test(
    pending: list[Job],
    raw: dict[Job, list[dict[str, Any]]],
    site_dir: Path,
    options: AuditOptions,
    tools: Tools,
    progress: bool | None,
    server_handler: type[SiteRequestHandler],
    summary: AuditSummary,
) -> dict[Job, str]:
    """Run pa11y-ci on `pending` (filling `raw`), retry failures once, return why the rest was not tested."""
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(
        total=len(pending),
        desc="Toegankelijkheid",
        unit="pagina",
        file=sys.stderr,
        disable=not show,
        leave=False,
    )

    def on_progress(event: str, url: str) -> None:
        if event in ("done", "error"):
            bar.update(1)

    not_checked: dict[Job, str] = {}
    try:
        with SiteServer(site_dir, port=options.port, handler=server_handler) as server:
            todo = pending
            for attempt in (1, 2):
                checks = browser.start_checks(todo, tools, server.base_url, options)
                output = run_pa11y_ci(
                    todo,
                    tools=tools,
                    base_url=server.base_url,
                    standard=options.standard,
                    runners=list(options.runners),
                    concurrency=options.concurrency,
                    timeout_s=float(options.timeout),
                    include_warnings=options.include_warnings or review.wanted(options),
                    include_notices=options.include_notices,
                    needs_review=options.needs_review,
                    run_timeout_s=float(options.run_timeout),
                    on_progress=on_progress,
                )
                browser.finish_checks(checks, output, todo, tools, server.base_url, options)
                not_checked = {}
                for job in todo:
                    status = server.status(job.request_path)
                    if job in output.issues and status is not None and (200 <= status < 300 or status == 304):
                        raw[job] = output.issues[job]
                        continue
                    not_checked[job] = _not_checked_reason(job, output.errors.get(job), status, options)
                if not not_checked or attempt == 2:
                    break
                todo = list(not_checked)
                summary.retried = len(todo)
                bar.total += len(todo)
                bar.refresh()
    finally:
        browser.stop_all()  # never leave the checks' Chromium running when pa11y-ci failed
        bar.close()
    summary.tested = len(pending) - len(not_checked)
    return not_checked


def _not_checked_reason(job: Job, error: str | None, status: int | None, options: AuditOptions) -> str:
    """Why a page was not tested, in words an editor understands."""
    if status is not None and not (200 <= status < 300 or status == 304):
        if status == 404:
            return "de pagina bestaat niet in de gebouwde site (HTTP 404)."
        return f"de webserver gaf een foutcode (HTTP {status})."
    if error and re.search(r"timeout|timed out", error, re.IGNORECASE):
        return f"de pagina laadde niet binnen {options.timeout} seconden."
    if error:
        return f"de pagina laadde niet ({error.strip()[:200]})."
    if status is None:
        return "de pagina gaf geen antwoord."
    return "de testtool gaf geen resultaat voor deze pagina."


# --- findings ---------------------------------------------------------------------------------------------


def _shorten(text: str, limit: int = 160) -> str:
    text = re.sub(r"\s+", " ", text or "").strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def _severity(issue_type: str) -> Severity:
    return Severity.ERROR if issue_type == "error" else Severity.WARNING


def finding_for_issue(path: str, issue: Mapping[str, Any], viewports: list[str]) -> Finding:
    """One pa11y issue as a Finding: a Dutch explanation, where (screen, selector, HTML) and how to fix it."""
    runner = str(issue.get("runner") or "htmlcs")
    code = str(issue.get("code"))
    explanation, specific = explain(runner, code)
    message = f"{explanation.problem} Scherm: {_join(viewports)}."
    if issue.get("selector"):
        message += f" Element: {issue['selector']}"
    context = _shorten(str(issue.get("context") or ""))
    if context:
        message += f" — HTML: {context}"
    extras = issue.get("runnerExtras") or {}
    if not specific:
        english = re.sub(r"\s*\(https?://[^)]*\)\s*$", "", str(issue.get("message") or ""))
        message += f" — melding van {runner}: {_shorten(english, 300)}"
    if isinstance(extras, dict) and extras.get("needsFurtherReview"):
        message += " — de testtool is hier niet zeker van: controleer het zelf."
    return Finding(
        path=path,
        line=None,
        rule=browser.rule_id(issue),
        severity=_severity(str(issue.get("type") or "error")),
        message=message,
        suggestion=explanation.fix,
    )


def _to_findings(
    result: AuditResult,
    pages: list[Page],
    jobs: Mapping[str, list[Job]],
    raw: Mapping[Job, list[dict[str, Any]]],
    not_checked: Mapping[Job, str],
    options: AuditOptions,
) -> None:
    ignores = [dict(i) for i in options.ignores]
    items: list[tuple[Finding, dict[str, Any]]] = []
    summary = result.summary
    for page in pages:
        grouped: dict[tuple[str, str, str], tuple[dict[str, Any], list[str]]] = {}
        missing: dict[str, list[str]] = {}
        viewport_status: dict[str, str] = {}
        for job in jobs[page.url]:
            name = job.viewport_name
            if job in not_checked:
                missing.setdefault(not_checked[job], []).append(name)
                viewport_status[name] = NOT_CHECKED_STATUS
                continue
            viewport_status[name] = PASSED
            for issue in raw.get(job, []):
                rule = browser.rule_id(issue)
                ignore = find_ignore(ignores, rule, issue)
                if ignore is not None:
                    result.ignored.append(
                        IgnoredResult(
                            page.path,
                            page.url,
                            name,
                            rule,
                            str(issue.get("selector") or ""),
                            ignore["reason"],
                        )
                    )
                    continue
                if _severity(str(issue.get("type"))) is Severity.ERROR:
                    viewport_status[name] = FAILED
                key = (rule, str(issue.get("selector") or ""), str(issue.get("context") or ""))
                names = grouped.setdefault(key, (issue, []))[1]
                if name not in names:
                    names.append(name)
        for issue, names in grouped.values():
            extras = issue.get("runnerExtras") if isinstance(issue.get("runnerExtras"), dict) else {}
            detail = {
                "problem": explain(str(issue.get("runner") or "htmlcs"), str(issue.get("code")))[0].problem,
                "url": page.url,
                "viewports": names,
                "runner": issue.get("runner"),
                "code": issue.get("code"),
                "selector": issue.get("selector") or "",
                "context": str(issue.get("context") or "")[:2000],
                "tool_message": issue.get("message") or "",
                "help_url": extras.get("helpUrl", ""),
                "screenshot": extras.get("screenshot", ""),
            }
            items.append((finding_for_issue(page.path, issue, names), detail))
        for reason, names in missing.items():
            finding = Finding(
                path=page.path,
                line=None,
                rule=NOT_CHECKED_RULE,
                severity=Severity.ERROR,
                message=NOT_CHECKED.problem.format(reason=reason)
                + f" Pagina: {page.url}, scherm: {_join(names)}.",
                suggestion=NOT_CHECKED.fix,
            )
            problem = NOT_CHECKED.problem.format(reason=reason)
            items.append(
                (finding, {"problem": problem, "url": page.url, "viewports": names, "reason": reason})
            )
        statuses = set(viewport_status.values())
        status = (
            NOT_CHECKED_STATUS if NOT_CHECKED_STATUS in statuses else FAILED if FAILED in statuses else PASSED
        )
        result.pages.append(PageResult(page.url, page.path, status, viewport_status))

    items.sort(key=lambda item: (sort_key(item[0]), item[1].get("url", ""), item[1].get("selector", "")))
    result.findings = [finding for finding, _ in items]
    result.details = [detail for _, detail in items]
    summary.passed = sum(1 for p in result.pages if p.status == PASSED)
    summary.failed = sum(1 for p in result.pages if p.status == FAILED)
    summary.not_checked = sum(1 for p in result.pages if p.status == NOT_CHECKED_STATUS)
    summary.checked = summary.passed + summary.failed
    summary.errors = sum(1 for f in result.findings if f.severity is Severity.ERROR)
    summary.warnings = sum(1 for f in result.findings if f.severity is Severity.WARNING)
    summary.ignored = len(result.ignored)


def format_summary(result: AuditResult) -> str:
    """The closing lines for the terminal and the build log, in Dutch."""
    s = result.summary
    if result.gate_error:
        text = f"Toegankelijkheid: de controle kon niet draaien. {result.gate_error}"
    else:
        text = (
            f"Toegankelijkheid (WCAG 2.1 AA, {s.viewports} schermen): {s.pages} pagina's, "
            f"{s.passed} goedgekeurd, {s.failed} afgekeurd, {s.not_checked} niet gecontroleerd. "
            f"{s.errors} fouten, {s.warnings} waarschuwingen, {s.ignored} genegeerd. "
            f"{s.from_cache} van {s.jobs} resultaten uit de cache, {s.seconds:.1f} s."
        )
    if result.report_dir is not None:
        text += f"\nRapport: {result.report_dir / 'audit.html'}"
    return text
