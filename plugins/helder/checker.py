"""Run every content rule over a set of Markdown files: the one path shared by the build and `helder check`.

A rule returns hits; here they become `Finding`s with the rule's default level and the message in the language
Helder speaks, a page's justified `ignore:` is honoured, and the site's levels are applied (once, here). A broken
page never stops the run: file problems are findings, and a rule that crashes on a page becomes an `internal`
finding for that page (a bug to report), while all other pages are still checked.
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import threading
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import readability
from readability import SUPPORTED_LANGUAGES

from .checkcache import CheckCache, Entry, front_of
from .findings import Finding, Hit, Severity, sort_key
from .levels import Levels
from .messages import message
from .rules import ignores, registry
from .rules.context import CheckContext
from .rules.kinds import effective_sections
from .rules.settings import DEFAULT_LIMITS, Limits, RuleSettings
from .rules.words import word_lists
from .source import SourcePage, outside, page_from_bytes, read_page

if TYPE_CHECKING:
    from .catalogue import Catalogue
    from .config import HelderConfig


@dataclass
class PageReport:
    page: SourcePage
    findings: list[Finding]
    #: What rules computed for later use (readability scores, ...), by rule module.
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class Report:
    pages: dict[str, PageReport] = field(default_factory=dict)
    #: Findings about shared files (the help catalogue), not about one page.
    site_findings: list[Finding] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        found = list(self.site_findings)
        for page in self.pages.values():
            found.extend(page.findings)
        return sorted(found, key=sort_key)


def make_context(
    options: HelderConfig | None = None,
    catalogue: Catalogue | None = None,
    *,
    config_dir: Path | None = None,
    docs_dir: Path | None = None,
    lang: str | None = None,
) -> CheckContext:
    """Everything rules need that is the same for every page, worked out once per site.

    Raises `readability.WordListError` when the site's word list settings are wrong (a configuration error).
    """
    if options is None:
        from .config import load_options

        options = load_options({})
    config_dir = config_dir or Path.cwd()
    overrides = dict(options.sections or {})
    readability = options.readability
    return CheckContext(
        settings=rule_settings(options),
        lang=lang or options.lang,
        config_dir=config_dir,
        docs_dir=docs_dir,
        catalogue=catalogue,
        help_keys=frozenset(catalogue.offer_keys() if catalogue else ()),
        sections=effective_sections(overrides),
        known_rules=registry.known_rule_ids(overrides),
        default_levels=registry.default_levels(overrides),
        words=word_lists(
            readability.jargon_extra, tuple(readability.jargon_remove), config_dir, SUPPORTED_LANGUAGES
        ),
        levels=Levels(options.rules),
    )


def rule_settings(options: HelderConfig) -> RuleSettings:
    """The options as rules read them: typed, frozen, with Helder's defaults filled in."""
    readability = options.readability
    limits = {}
    for lang, defaults in DEFAULT_LIMITS.items():
        site = readability[lang]
        changes = {name: site[name] for name in Limits.__dataclass_fields__ if site[name] is not None}
        limits[lang] = replace(defaults, **changes)
    return RuleSettings(
        product_types=tuple(options.product_types),
        stale_after_months=options.stale_after_months,
        limits=limits,
        min_words=readability.min_words,
        hardest=readability.hardest,
        long_word_allow=frozenset(word.lower() for word in readability.long_word_allow),
        protected_words=tuple(str(word) for word in options.protected_words),
    )


def findings_from(page: SourcePage, hits: Iterable[Hit], ctx: CheckContext) -> list[Finding]:
    """Hits as findings: the rule's declared level, the message and its fix in the language Helder speaks."""
    found = []
    for hit in hits:
        text, fix = message(ctx.lang, hit.key, **hit.values)
        level = ctx.default_levels[hit.rule]
        found.append(
            Finding(
                page.path, hit.line, hit.rule, level, text, fix, hit.replacement, data=dict(hit.data) or None
            )
        )
    return found


def run_rules(
    page: SourcePage, ctx: CheckContext, modules: Sequence[ModuleType] = registry.MODULES
) -> list[Finding]:
    """The findings of `modules` on one page, at their default levels (no ignores, no site levels)."""
    findings = list(page.problems)
    for module in modules:
        try:
            hits = module.check(page, ctx)
        except Exception as exc:  # noqa: BLE001 - one bad page or rule must not hide the others' findings
            rule = module.__name__.rsplit(".", 1)[-1]
            texts = message(ctx.lang, "internal", rule=rule, error=f"{type(exc).__name__}: {exc}")
            findings.append(Finding(page.path, None, "internal", Severity.ERROR, *texts))
            continue
        findings.extend(findings_from(page, hits, ctx))
    return findings


def check_page(page: SourcePage, ctx: CheckContext) -> PageReport:
    """Every rule on one page, with the editor's exceptions (`ignores`) and then the site's levels applied."""
    return settle(page, run_rules(page, ctx), ctx, ctx.page_data.get(page.path, {}))


def settle(page: SourcePage, findings: list[Finding], ctx: CheckContext, data: dict[str, Any]) -> PageReport:
    """A page's report from its findings at their default levels (fresh or from the check cache): the
    editor's exceptions, then the site's levels."""
    findings, problems, exceptions = ignores.apply(page, findings, ctx)
    findings += findings_from(page, problems, ctx)
    if ctx.levels:
        findings = ctx.levels.apply(findings)
    if exceptions:  # listed on the dashboard: page, line, rule, reason
        data = {**data, "exceptions": exceptions}
    return PageReport(page, sorted(findings, key=sort_key), data)


def check_titles(pages: Iterable[PageReport], ctx: CheckContext) -> None:
    """Two pages with one title: readers (and search, and the lists on overview pages) cannot tell them
    apart. Reported once, on the page changed last, at its title, naming the other page."""
    by_title: dict[str, list[PageReport]] = {}
    for result in pages:
        if result.page.front_matter_ok:
            by_title.setdefault(result.page.title.casefold(), []).append(result)
    for same in by_title.values():
        if len(same) < 2:
            continue
        first, *later = sorted(same, key=lambda r: (_changed(r.page.path, ctx), r.page.path))
        for result in later:
            page = result.page
            line = (
                page.line_of("title")
                if "title" in page.meta_lines
                else next((h.line for h in page.headings if h.level == 1), None)
            )
            hit = Hit(
                "frontmatter.title-duplicate",
                line,
                "fm_title_duplicate",
                {"title": page.title, "other": first.page.path},
            )
            found = findings_from(page, [hit], ctx)
            result.findings = sorted(
                result.findings + (ctx.levels.apply(found) if ctx.levels else found), key=sort_key
            )


def _changed(path: str, ctx: CheckContext) -> float:
    file = Path(path) if Path(path).is_absolute() else ctx.config_dir / path
    try:
        return file.stat().st_mtime
    except OSError:
        return 0.0


def check_files(
    files: Iterable[tuple[Path, str]],
    ctx: CheckContext,
    *,
    default_lang: str = "nl",
    cache: CheckCache | None = None,
) -> Report:
    """Check each (file on disk, path to show) pair, then the titles across all of them."""
    return start_checks(list(files), ctx, default_lang=default_lang, cache=cache).finish_report()


def check_sources(
    files: Sequence[tuple[Path, str]],
    ctx: CheckContext,
    *,
    default_lang: str = "nl",
    cache: CheckCache | None = None,
) -> dict[str, PageReport]:
    """Each page's report, by the path shown. A page whose bytes, settings and linked files are as in the
    cache is not checked again; the others are checked here, or over several processes when there are many."""
    return start_checks(files, ctx, default_lang=default_lang, cache=cache).finish()


def start_checks(
    files: Sequence[tuple[Path, str]],
    ctx: CheckContext,
    *,
    default_lang: str = "nl",
    cache: CheckCache | None = None,
    beside: bool = False,
) -> Checking:
    """Read every page and take what the cache knows; start checking the rest. `beside=True` (a build): the
    processes check while the caller goes on (MkDocs renders the pages), and `Checking.finish` collects;
    one core is left to the caller."""
    reports: dict[str, PageReport] = {}
    todo: list[tuple[SourcePage, str]] = []
    # The docs folder's real path once per run, not once per page.
    real_docs = Path(os.path.realpath(ctx.docs_dir)) if ctx.docs_dir is not None else None
    for file, shown in files:
        raw = _bytes(file, real_docs)
        # The same bytes as last time: the page (without a YAML parse) and its findings from the cache.
        found = cache.page(shown, raw, default_lang=default_lang, lang=ctx.lang) if cache and raw else None
        if found is None:
            page, raw = _read(file, shown, default_lang, ctx.lang, ctx.docs_dir, raw)
            key = cache.key(shown, raw, page.meta) if cache is not None and raw is not None else ""
            entry = cache.get(shown, key) if cache is not None and key else None
            if entry is None:
                todo.append((page, key))
                continue
        else:
            page, entry = found
        entry.seed(page)
        reports[shown] = settle(page, page.problems + entry.findings, ctx, entry.data)
    pages = [page for page, _key in todo]
    # The first page here, so what the rules load on first use (word lists, parsers) is loaded before forking;
    # the rest over several processes, or here one by one (in `finish`).
    first = [fresh_entry(page, ctx) for page in pages[:1]]
    count = workers(len(pages)) - (1 if beside else 0)
    pool = _Pool.start(pages[1:], ctx, count, alone=not beside)
    return Checking(reports, todo, first, pool, ctx, cache)


class Checking:
    """The checks of a set of pages, maybe still running in other processes. `report(shown)` is a page's
    report: final when it came from the cache, else the page with only its own file problems until `finish`
    gives every final report."""

    def __init__(
        self,
        reports: dict[str, PageReport],
        todo: list[tuple[SourcePage, str]],
        first: list[Entry],
        pool: _Pool | None,
        ctx: CheckContext,
        cache: CheckCache | None,
    ) -> None:
        self._reports = reports
        self._todo = todo
        self._waiting = {page.path: page for page, _key in todo}
        self._first = first
        self._pool = pool
        self._ctx = ctx
        self._cache = cache

    @property
    def running(self) -> bool:
        """Whether other processes are checking pages now."""
        return self._pool is not None

    def report(self, shown: str) -> PageReport:
        found = self._reports.get(shown)
        if found is not None:
            return found
        page = self._waiting[shown]
        return settle(page, list(page.problems), self._ctx, {})

    def finish(self) -> dict[str, PageReport]:
        """Every page's report: wait for the processes, or check here what they could not (one died)."""
        ctx, pages = self._ctx, [page for page, _key in self._todo]
        rest = self._pool.results() if self._pool is not None else None
        self._pool = None
        fresh = chain(
            self._first, rest if rest is not None else (fresh_entry(page, ctx) for page in pages[1:])
        )
        for (page, key), entry in zip(self._todo, fresh, strict=True):
            entry.seed(page)
            ctx.page_data[page.path] = entry.data
            self._reports[page.path] = settle(page, page.problems + entry.findings, ctx, entry.data)
            _keep(self._cache, page.path, key, entry)
        self._todo, self._first, self._waiting = [], [], {}
        return self._reports

    def finish_report(self) -> Report:
        """`finish`, then the titles across all the pages."""
        report = Report(self.finish())
        check_titles(report.pages.values(), self._ctx)
        return report

    def cancel(self) -> None:
        """Stop the processes (the build failed): nothing is collected."""
        if self._pool is not None:
            self._pool.cancel()
            self._pool = None


def check_cached(
    page: SourcePage, ctx: CheckContext, cache: CheckCache | None, made_from: bytes
) -> PageReport:
    """Check a page that is no file (a generated page); `made_from` is all it was made from besides its text."""
    key = cache.key(page.path, page.text.encode("utf-8") + b"\0" + made_from, page.meta) if cache else ""
    entry = cache.get(page.path, key) if cache is not None and key else None
    if entry is None:
        entry = fresh_entry(page, ctx)
        _keep(cache, page.path, key, entry)
    else:
        entry.seed(page)
    return settle(page, page.problems + entry.findings, ctx, entry.data)


def _keep(cache: CheckCache | None, shown: str, key: str, entry: Entry) -> None:
    """Store a page's entry, unless a rule crashed on it (that is a bug to fix, not a result to keep)."""
    if cache is not None and key and not any(f.rule == "internal" for f in entry.findings):
        cache.put(shown, key, entry)


def fresh_entry(page: SourcePage, ctx: CheckContext) -> Entry:
    """Run every rule on a page: its findings at default levels (without the file's own problems), the data
    rules stored, and the files its links point at."""
    from .rules.markdown import linked_files

    findings = run_rules(page, ctx)[len(page.problems) :]
    data = ctx.page_data.get(page.path, {})
    return Entry(findings, data, linked_files(page, ctx), page.headings, front_of(page))


_WORK: tuple[CheckContext, list[SourcePage]] | None = None


#: From this many pages to check, they are spread over the machine's cores. Measured with `helder check` on
#: 41 to 1,000 pages of the bench site (2 idle cores): below about 100 pages, starting the processes costs what
#: they save; `bench/site_bench.py` (medians of 2 rounds): 1,000 pages 6.6 s instead of 9.5 s, 5,000 pages
#: 26 s instead of 49 s, with about the same CPU time.
PARALLEL_FROM = 100
#: Never more processes than this: each copies the site's context on its first write.
MAX_WORKERS = 8


def workers(pages: int) -> int:
    """How many processes check `pages` pages: `HELDER_WORKERS` (a number; 1 keeps one process) if set; else
    one below `PARALLEL_FROM` pages, and one per core this process may use (at most `MAX_WORKERS`) from there."""
    asked = os.environ.get("HELDER_WORKERS", "").strip()
    if asked.isdigit():
        return max(1, min(int(asked), pages))
    if pages < PARALLEL_FROM:
        return 1
    return max(1, min(_cores(), MAX_WORKERS))


def _cores() -> int:
    """The cores this process may run on (a container or `taskset` may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


class _Pool:
    """Processes that check pages. They are forked, so they share the site's context and the pages already
    read without copying them (a child gets the numbers of its pages)."""

    def __init__(
        self, executor: ProcessPoolExecutor, chunks: list[range], futures: list[Any], size: int
    ) -> None:
        self._executor = executor
        self._chunks = chunks
        self._futures = futures
        self._size = size

    @classmethod
    def start(cls, pages: list[SourcePage], ctx: CheckContext, count: int, *, alone: bool) -> _Pool | None:
        """`count` processes checking `pages`, or None to check them here: fewer than two processes when the
        caller waits for them (`alone`), or a process with threads (`mkdocs serve`), where forking is unsafe."""
        count = min(count, len(pages))
        if (
            count < (2 if alone else 1)
            or threading.active_count() > 1
            or "fork" not in mp.get_all_start_methods()
        ):
            return None
        # What the rules load on first use, loaded once here: the processes share it (the first page, checked
        # before this, need not have used every part of it).
        for lang in sorted({page.lang for page in pages} & set(SUPPORTED_LANGUAGES)):
            readability.preload(lang)
        numbers = range(len(pages))
        chunks = [numbers[start :: count * 4] for start in range(count * 4)]
        # The site's objects move out of the garbage collector's sight until the processes are done: a child's
        # collections then do not touch (and so copy) the memory it shares with this process, nor do this
        # process's own while it renders the pages.
        gc.freeze()
        executor = None
        try:
            executor = ProcessPoolExecutor(
                count, mp_context=mp.get_context("fork"), initializer=_take_work, initargs=(ctx, pages)
            )
            futures = [executor.submit(_work, chunk) for chunk in chunks]
        except (BrokenProcessPool, OSError):
            if executor is not None:
                _stop(executor)
            gc.unfreeze()
            return None  # a process could not start: the pages are checked here instead
        return cls(executor, chunks, futures, len(pages))

    def results(self) -> list[Entry] | None:
        """Each page's entry, in order; None when a process died (out of memory) and the pages must be checked
        here."""
        try:
            done = [future.result() for future in self._futures]
        except (BrokenProcessPool, OSError):
            return None
        finally:
            self._executor.shutdown(wait=True, cancel_futures=True)
            gc.unfreeze()
        found: list[Entry | None] = [None] * self._size
        for chunk, results in zip(self._chunks, done, strict=True):
            for number, stored in zip(chunk, results, strict=True):
                found[number] = Entry.from_json(stored)
        entries = [entry for entry in found if entry is not None]
        return entries if len(entries) == self._size else None

    def cancel(self) -> None:
        _stop(self._executor)
        gc.unfreeze()


def _stop(executor: ProcessPoolExecutor) -> None:
    """End the processes now, also those in the middle of their pages (`shutdown` alone lets them finish)."""
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=10)


def _take_work(ctx: CheckContext, pages: list[SourcePage]) -> None:
    """In a new process: the context and pages it checks (inherited from the fork, not copied)."""
    global _WORK
    _WORK = (ctx, pages)


def _work(chunk: range) -> list[dict[str, Any]]:
    assert _WORK is not None
    ctx, pages = _WORK
    return [fresh_entry(pages[number], ctx).to_json() for number in chunk]


def _bytes(file: Path, inside: Path | None) -> bytes | None:
    """The file's bytes, or None when it is a link to a file outside the docs folder (`inside`, its real
    path) or cannot be read (`_read` then makes the finding)."""
    if outside(file, inside, real=True):
        return None
    try:
        return file.read_bytes()
    except OSError:
        return None


def _read(
    file: Path, shown: str, default_lang: str, lang: str, inside: Path | None, raw: bytes | None
) -> tuple[SourcePage, bytes | None]:
    """The page of `raw` (the file's bytes from `_bytes`) and the bytes to cache it by: None when the file
    could not be read or is a link to a file outside the docs folder `inside` (a finding that names that
    folder as the editor knows it; nothing to cache)."""
    if raw is None:
        return read_page(file, shown, default_lang=default_lang, lang=lang, inside=inside), None
    page = page_from_bytes(raw, shown, default_lang=default_lang, lang=lang)
    return page, (None if page.problems and not page.front_matter_ok else raw)


def discover(paths: Iterable[Path]) -> list[tuple[Path, str]]:
    """All Markdown files under the given files and folders, shown as the user gave them."""
    found: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.endswith((".md", ".markdown")) and not name.startswith("."):
                        file = Path(root) / name
                        found.append((file, file.as_posix()))
        else:
            found.append((path, path.as_posix()))
    return found
