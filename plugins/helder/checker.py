"""Run every content rule over a set of Markdown files: the one path shared by the build and `helder check`.

A rule returns hits; here they become `Finding`s with the rule's default level and the message in the language
Helder speaks, a page's justified `ignore:` is honoured, and the site's levels are applied (once, here). A broken
page never stops the run: file problems are findings, and a rule that crashes on a page becomes an `internal`
finding for that page (a bug to report), while all other pages are still checked.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from readability import SUPPORTED_LANGUAGES

from .findings import Finding, Hit, Severity, sort_key
from .levels import Levels
from .messages import message
from .rules import ignores, registry
from .rules.context import CheckContext
from .rules.kinds import effective_sections
from .rules.settings import DEFAULT_LIMITS, Limits, RuleSettings
from .rules.words import word_lists
from .source import SourcePage, read_page

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
    findings, problems, exceptions = ignores.apply(page, run_rules(page, ctx), ctx)
    findings += findings_from(page, problems, ctx)
    if ctx.levels:
        findings = ctx.levels.apply(findings)
    data = ctx.page_data.get(page.path, {})
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


def check_files(files: Iterable[tuple[Path, str]], ctx: CheckContext, *, default_lang: str = "nl") -> Report:
    """Check each (file on disk, path to show) pair."""
    report = Report()
    for file, shown in files:
        page = read_page(file, shown, default_lang=default_lang, lang=ctx.lang, inside=ctx.docs_dir)
        report.pages[shown] = check_page(page, ctx)
    check_titles(report.pages.values(), ctx)
    return report


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
