"""Run every content rule over a set of Markdown files: the one path shared by the build and `helder check`.

A broken page never stops the run: file problems become findings, and a rule that crashes on a page becomes an
`internal` finding for that page (a bug to report), while all other pages are still checked.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .catalogue import Catalogue
from .findings import Finding, Severity, apply_levels, sort_key
from .messages import message
from .rules import CheckContext, registry
from .rules.sections import effective_sections
from .source import SourcePage, read_page


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


def make_context(options: Any, catalogue: Catalogue | None, *, config_dir: Path) -> CheckContext:
    ctx = CheckContext(options=options, lang=getattr(options, "lang", "nl"))
    ctx.catalogue = catalogue
    ctx.help_keys = frozenset(catalogue.offer_keys() if catalogue else ())
    ctx.config_dir = config_dir  # type: ignore[attr-defined]
    overrides = dict(getattr(options, "sections", None) or {})
    ctx.sections = effective_sections(overrides)
    ctx.known_rules = frozenset(registry.known_rule_ids(overrides))
    return ctx


def _silenced(rule: str, ignore: Any) -> bool:
    """A page may switch a rule (or a group) off with `ignore: {rule: reason}`; the reason is checked elsewhere."""
    if not isinstance(ignore, dict):
        return False
    parts = rule.split(".")
    return any(
        ".".join(parts[:end]) in ignore and ignore[".".join(parts[:end])] for end in range(1, len(parts) + 1)
    )


def check_page(page: SourcePage, ctx: CheckContext) -> PageReport:
    findings = list(page.problems)
    for module in registry.modules():
        try:
            findings.extend(module.check(page, ctx))
        except Exception as exc:  # noqa: BLE001 - one bad page or rule must not hide the others' findings
            rule = module.__name__.rsplit(".", 1)[-1]
            findings.append(
                Finding(
                    page.path,
                    None,
                    "internal",
                    Severity.ERROR,
                    *message(ctx.lang, "internal", rule=rule, error=f"{type(exc).__name__}: {exc}"),
                )
            )
    ignore = page.meta.get("ignore")
    findings = [f for f in findings if f.rule.startswith("frontmatter.") or not _silenced(f.rule, ignore)]
    findings = apply_levels(findings, dict(getattr(ctx.options, "rules", {}) or {}))
    return PageReport(page, sorted(findings, key=sort_key), ctx.page_data.get(page.path, {}))


def check_files(files: Iterable[tuple[Path, str]], ctx: CheckContext, *, default_lang: str = "nl") -> Report:
    """Check each (file on disk, path to show) pair."""
    report = Report()
    for file, shown in files:
        page = read_page(file, shown, default_lang=default_lang, lang=ctx.lang)
        report.pages[shown] = check_page(page, ctx)
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
