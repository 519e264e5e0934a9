"""What the accessibility gate found: the types the gate fills and the report, the statement and the dashboard
read. Kept apart from the gate so the views never import the machinery (and the machinery never the views)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from ..findings import Finding, Severity, has_errors
from ..messages import Msg


class PageStatus(StrEnum):
    """A page's verdict (at every viewport together, and per viewport). Its words are `status_<value>`."""

    PASSED = "passed"
    FAILED = "failed"
    NOT_CHECKED = "not_checked"

    def label(self, lang: str) -> str:
        return Msg(f"status_{self.value}").render(lang)


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
    status: PageStatus
    viewports: dict[str, PageStatus] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "path": self.path, "status": self.status, "viewports": dict(self.viewports)}


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
    """Findings (after the site's levels; each carries its details: url, viewports, selector, failing HTML),
    the summary, the ignored results, the verdict per page, and why the gate could not run (if so)."""

    findings: list[Finding] = field(default_factory=list)
    summary: AuditSummary = field(default_factory=AuditSummary)
    ignored: list[IgnoredResult] = field(default_factory=list)
    pages: list[PageResult] = field(default_factory=list)
    gate_error: Msg | None = None
    report_dir: Path | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    #: axe's "needs review" results, grouped by rule, with the decisions kept in the repository (review.py).
    review: list[dict[str, Any]] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 = every page passed, 1 = error findings (or pages not checked), 2 = the gate could not run."""
        if self.gate_error:
            return 2
        return 1 if has_errors(self.findings) else 0

    def count(self) -> None:
        """Fill the summary's counts from the pages and the (levelled) findings."""
        summary = self.summary
        summary.passed = sum(1 for p in self.pages if p.status is PageStatus.PASSED)
        summary.failed = sum(1 for p in self.pages if p.status is PageStatus.FAILED)
        summary.not_checked = sum(1 for p in self.pages if p.status is PageStatus.NOT_CHECKED)
        summary.checked = summary.passed + summary.failed
        summary.errors = sum(1 for f in self.findings if f.severity is Severity.ERROR)
        summary.warnings = sum(1 for f in self.findings if f.severity is Severity.WARNING)
        summary.ignored = len(self.ignored)
