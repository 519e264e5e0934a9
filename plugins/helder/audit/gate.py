"""The accessibility gate: test every page of a built site with pa11y-ci, and fail closed.

`run_gate` is what the MkDocs plugin and `helder audit` call. It serves the site on 127.0.0.1, sends only
pages whose cached result is out of date to pa11y-ci (one run for all viewports), tries pages that did not
load once more (not a missing page, nor one whose address serves another page), and turns everything into `Finding`s on the page's *source* file. A page that was not tested —
it did not load, timed out, was served with an error status or is missing from pa11y's report — is a
`a11y.not-checked` error, never a pass. When the gate itself cannot run (no Node.js, no browser, pa11y-ci
crashed, the port is taken, the run hung) `AuditResult.gate_error` says why and the exit code is 2. The site's
levels (`rules:`) are applied here, before the report is written, so every view agrees with the exit code.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tqdm import tqdm

from ..findings import Finding, Severity, count, sort_key
from ..levels import Levels
from ..messages import Joined, Msg, text
from . import browser, review
from .cache import ResultCache, assets_hash, file_hash, result_key
from .config import AuditOptions, load_options
from .explain import explain
from .ignores import find_ignore
from .report import write_reports as write_report_files
from .result import AuditResult, AuditSummary, IgnoredResult, PageResult, PageStatus
from .rules import NOT_CHECKED
from .runner import GateError, Job, Tools, browser_version, find_tools, run_pa11y_ci, tool_env
from .server import ServerError, SiteRequestHandler, SiteServer


@dataclass(frozen=True)
class Page:
    """A published page: its URL in the site, the file an editor must change, and its HTML (if it exists)."""

    url: str
    path: str
    html: Path | None


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
    levels: Levels | None = None,
    lang: str = "nl",
    select: Callable[[str], bool] | None = None,
) -> AuditResult:
    """Audit the built site in `site_dir` and return findings, a summary and a gate error (or None).

    `pages` maps page URLs (`/burgerzaken/paspoort/` or MkDocs' `burgerzaken/paspoort/`) to the source file an
    editor must change (`content/burgerzaken/paspoort.md`). `project_root` (the folder of mkdocs.yml; default
    the current folder) anchors relative paths in `options`. `progress` shows a progress bar on stderr
    (default: when stderr is a terminal). `select` keeps only the pages whose URL it accepts (one shard of
    the site, `helder.audit.shards`). Never raises for a tool problem: that becomes `gate_error`.
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
        result.gate_error = Msg("gate_report_in_site", folder=report_dir)
        return result
    try:
        _audit(result, site_dir, pages, options, project_root, progress, server_handler, levels, lang, select)
    except (GateError, ServerError) as error:
        result.gate_error = error.msg
    result.summary.seconds = round(time.monotonic() - started, 2)
    if write_reports and site_dir.is_dir():
        result.report_dir = report_dir
        write_report_files(result, report_dir, site_dir=site_dir, lang=lang)
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
    levels: Levels | None,
    lang: str,
    select: Callable[[str], bool] | None = None,
) -> None:
    if not site_dir.is_dir():
        raise GateError(Msg("gate_no_site", folder=site_dir))
    pages = collect_pages(site_dir, pages_map, project_root)
    if not pages:
        raise GateError(Msg("gate_no_pages", folder=site_dir))
    if select is not None:  # one shard: a small site may leave a shard without pages, which then passes
        pages = [page for page in pages if select(page.url)]

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
            result.gate_error = Msg("gate_none_checked", reason=next(iter(not_checked.values())))

    raw, result.review = review.split(raw, options, project_root)
    _to_findings(result, pages, jobs, raw, not_checked, options, levels, lang)


def _test(
    pending: list[Job],
    raw: dict[Job, list[dict[str, Any]]],
    site_dir: Path,
    options: AuditOptions,
    tools: Tools,
    progress: bool | None,
    server_handler: type[SiteRequestHandler],
    summary: AuditSummary,
) -> dict[Job, Msg]:
    """Run pa11y-ci on `pending` (filling `raw`), try once more what may load then (not a missing page, not
    another page at the address), return why the rest was not tested."""
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(
        total=len(pending),
        desc=text("nl", "gate_progress"),
        unit=text("nl", "gate_progress_unit"),
        file=sys.stderr,
        disable=not show,
        leave=False,
    )

    def on_progress(event: str, url: str) -> None:
        if event in ("done", "error"):
            bar.update(1)

    not_checked: dict[Job, Msg] = {}
    try:
        with SiteServer(site_dir, port=options.port, handler=server_handler) as server:
            todo = pending
            settled: dict[Job, Msg] = {}  # not checked, and a second try would not change that
            for attempt in (1, 2):
                checks = browser.start_checks(todo, tools, server.base_url, options)
                output = run_pa11y_ci(
                    todo,
                    tools=tools,
                    base_url=server.base_url,
                    standard=options.standard,
                    runners=list(options.runners),
                    companion=checks,
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
                    served = status is not None and (200 <= status < 300 or status == 304)
                    if served and not server.serves_page(job.request_path, job.url_path):
                        not_checked[job] = Msg("nc_not_the_page")  # a listing, another file: not this page
                        continue
                    if job in output.issues and served:
                        raw[job] = output.issues[job]
                        continue
                    not_checked[job] = _not_checked_reason(job, output.errors.get(job), status, options)
                # A second try only where it may go otherwise (a timeout, a dropped connection, a server
                # error): the site's own server gives a missing file or another page the same way again.
                settled.update((job, why) for job, why in not_checked.items() if why.key in _FOR_GOOD)
                todo = [job for job in not_checked if job not in settled]
                if not todo or attempt == 2:
                    break
                summary.retried = len(todo)
                bar.total += len(todo)
                bar.refresh()
            not_checked.update(settled)
    finally:
        browser.stop_all()  # never leave the checks' Chromium running when pa11y-ci failed
        bar.close()
    summary.tested = len(pending) - len(not_checked)
    return not_checked


#: Why a page was not checked, when a second try would say the same.
_FOR_GOOD = frozenset({"nc_404", "nc_not_the_page"})


def _not_checked_reason(job: Job, error: str | Msg | None, status: int | None, options: AuditOptions) -> Msg:
    """Why a page was not tested, in words an editor understands."""
    if status is not None and not (200 <= status < 300 or status == 304):
        return Msg("nc_404") if status == 404 else Msg("nc_status", status=status)
    if isinstance(error, Msg):
        return error
    if error and re.search(r"timeout|timed out", error, re.IGNORECASE):
        return Msg("nc_timeout", seconds=options.timeout)
    if error:
        return Msg("nc_error", error=error.strip()[:200])
    return Msg("nc_no_answer") if status is None else Msg("nc_no_result")


# --- findings ---------------------------------------------------------------------------------------------


def _shorten(value: str, limit: int = 160) -> str:
    value = re.sub(r"\s+", " ", value or "").strip()
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def _severity(issue_type: str) -> Severity:
    return Severity.ERROR if issue_type == "error" else Severity.WARNING


def issue_rule(issue: Mapping[str, Any]) -> str:
    """`a11y.axe.region`, `a11y.htmlcs.H37`, or `a11y.keyboard.trap` for Helder's own browser checks."""
    return browser.rule_id(issue)


def finding_for_issue(path: str, issue: Mapping[str, Any], viewports: list[str], lang: str = "nl") -> Finding:
    """One pa11y issue as a Finding: what is wrong, where (screen, selector, HTML) and how to fix it.

    The finding carries the details the report shows (url, viewports, selector, the failing HTML, the tool's
    own text) in `data`.
    """
    runner = str(issue.get("runner") or "htmlcs")
    key, specific = explain(runner, str(issue.get("code")))
    problem, fix = Msg(key).pair(lang)
    parts = [problem, Msg("a11y_where_screen", viewports=Joined(tuple(viewports))).render(lang)]
    if issue.get("selector"):
        parts[-1] += " " + Msg("a11y_where_element", selector=issue["selector"]).render(lang)
    context = _shorten(str(issue.get("context") or ""))
    tails = [Msg("a11y_where_html", context=context).render(lang)] if context else []
    extras = issue.get("runnerExtras") if isinstance(issue.get("runnerExtras"), dict) else {}
    tool_text = str(issue.get("message") or "")
    saw = ""
    if runner == "helder":  # what Helder's own check measured (which element, how far off)
        saw = _shorten(browser.issue_message(issue, lang) or tool_text, 300)
        if saw:
            tails.append(Msg("a11y_check_saw", text=saw).render(lang))
    elif not specific:
        english = re.sub(r"\s*\(https?://[^)]*\)\s*$", "", tool_text)
        tails.append(Msg("a11y_tool_says", runner=runner, text=_shorten(english, 300)).render(lang))
    if extras.get("needsFurtherReview"):
        tails.append(Msg("a11y_unsure").render(lang))
    details = {
        "problem": problem,
        "saw": saw,  # the report shows it under the problem
        "viewports": viewports,
        "runner": runner,
        "code": issue.get("code"),
        "selector": issue.get("selector") or "",
        "context": str(issue.get("context") or "")[:2000],
        "tool_message": tool_text,
        "help_url": extras.get("helpUrl", ""),
        "screenshot": extras.get("screenshot", ""),
    }
    message = " — ".join([" ".join(parts), *tails])
    severity = _severity(str(issue.get("type") or "error"))
    return Finding(path, None, issue_rule(issue), severity, message, fix, data=details)


def _not_checked(page: Page, reason: Msg, viewports: list[str], lang: str) -> Finding:
    problem, fix = Msg("a11y_not_checked", reason=reason).pair(lang)
    where = Msg("a11y_not_checked_where", url=page.url, viewports=Joined(tuple(viewports))).render(lang)
    details = {"problem": problem, "url": page.url, "viewports": viewports, "reason": reason.render(lang)}
    return Finding(page.path, None, NOT_CHECKED, Severity.ERROR, f"{problem} {where}", fix, data=details)


def _page_findings(
    result: AuditResult,
    page: Page,
    jobs: list[Job],
    raw: Mapping[Job, list[dict[str, Any]]],
    not_checked: Mapping[Job, Msg],
    ignores: list[dict[str, Any]],
    lang: str,
) -> list[Finding]:
    """The findings of one page: each result once, with every viewport it was seen at; ignored results are
    kept aside with their reason; a viewport that was not tested is an `a11y.not-checked` finding."""
    grouped: dict[tuple[str, str, str], tuple[dict[str, Any], list[str]]] = {}
    missing: dict[Msg, list[str]] = {}
    for job in jobs:
        name = job.viewport_name
        if job in not_checked:
            missing.setdefault(not_checked[job], []).append(name)
            continue
        for issue in raw.get(job, []):
            rule = issue_rule(issue)
            ignore = find_ignore(ignores, rule, issue)
            selector = str(issue.get("selector") or "")
            if ignore is not None:
                result.ignored.append(
                    IgnoredResult(page.path, page.url, name, rule, selector, ignore["reason"])
                )
                continue
            names = grouped.setdefault((rule, selector, str(issue.get("context") or "")), (issue, []))[1]
            if name not in names:
                names.append(name)
    found = []
    for issue, names in grouped.values():
        finding = finding_for_issue(page.path, issue, names, lang)
        found.append(Finding(**{**finding.__dict__, "data": {**(finding.data or {}), "url": page.url}}))
    found.extend(_not_checked(page, reason, names, lang) for reason, names in missing.items())
    return found


def _page_result(
    page: Page, jobs: list[Job], not_checked: Mapping[Job, Msg], findings: list[Finding]
) -> PageResult:
    """A page's verdict per viewport and in all, from its findings after the site's levels."""
    failed = {
        name
        for f in findings
        if f.severity is Severity.ERROR and f.rule != NOT_CHECKED
        for name in (f.data or {}).get("viewports", [])
    }
    per: dict[str, PageStatus] = {}
    for job in jobs:
        name = job.viewport_name
        if job in not_checked:
            per[name] = PageStatus.NOT_CHECKED
        else:
            per[name] = PageStatus.FAILED if name in failed else PageStatus.PASSED
    statuses = set(per.values())
    for status in (PageStatus.NOT_CHECKED, PageStatus.FAILED):
        if status in statuses:
            return PageResult(page.url, page.path, status, per)
    return PageResult(page.url, page.path, PageStatus.PASSED, per)


def _to_findings(
    result: AuditResult,
    pages: list[Page],
    jobs: Mapping[str, list[Job]],
    raw: Mapping[Job, list[dict[str, Any]]],
    not_checked: Mapping[Job, Msg],
    options: AuditOptions,
    levels: Levels | None = None,
    lang: str = "nl",
) -> None:
    """Results into findings, the site's levels over them (once, here), then each page's verdict and the
    counts: so the report, the statement and the exit code all say the same."""
    ignores = [dict(i) for i in options.ignores]
    by_page: dict[str, list[Finding]] = {}
    for page in pages:
        found = _page_findings(result, page, jobs[page.url], raw, not_checked, ignores, lang)
        by_page[page.url] = levels.apply(found) if levels else found
    for page in pages:
        result.pages.append(_page_result(page, jobs[page.url], not_checked, by_page[page.url]))
    findings = [f for found in by_page.values() for f in found]
    findings.sort(
        key=lambda f: (sort_key(f), (f.data or {}).get("url", ""), (f.data or {}).get("selector", ""))
    )
    result.findings = findings
    result.count()


def format_summary(result: AuditResult, lang: str = "nl") -> str:
    """The closing lines for the terminal and the build log."""
    s = result.summary
    if result.gate_error:
        line = Msg("gate_could_not_run", error=" ".join(result.gate_error.pair(lang)).strip()).render(lang)
    else:
        values = {
            **s.to_dict(),
            "viewports": count(lang, "screens", s.viewports),
            "pages": count(lang, "pages", s.pages),
            "errors": count(lang, "errors", s.errors),
            "warnings": count(lang, "warnings", s.warnings),
            "ignored": count(lang, "ignored", s.ignored),
            "cached": s.from_cache,
            "seconds": f"{s.seconds:.1f}",
        }
        line = Msg("gate_summary", **values).render(lang)
    if result.report_dir is not None:
        line += "\n" + Msg("gate_report_at", path=result.report_dir / "audit.html").render(lang)
    return line
