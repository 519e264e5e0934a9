"""One finding type for every check, and the views of a list of findings.

Every check in Helder (front matter, sections, readability, Markdown accessibility, the WCAG gate) reports
`Finding` objects. The text, JSON and GitHub views below are the only places that turn them into output, so
the build log, `helder check` and CI annotations always say the same thing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from enum import StrEnum


class Severity(StrEnum):
    """How bad a finding is. Only `error` stops a build or makes `helder check` exit 1."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


#: Values allowed where a site sets the level of a rule; `ignore` drops the rule's findings.
LEVELS = ("error", "warning", "info", "ignore")


@dataclass(frozen=True)
class Finding:
    """Something an editor should fix, at a place in a source file.

    `path` is the file as the user knows it (relative to the site's root, or as given on the command line);
    `line` is 1-based in the source file, front matter included, or None when it is about the whole file.
    """

    path: str
    line: int | None
    rule: str
    severity: Severity
    message: str
    suggestion: str = ""
    #: What may replace the reported words as is ("Indien" → "Als"), for `helder fix`; None when the fix needs
    #: the editor (a sentence to rewrite, a word to explain).
    replacement: str | None = None

    def to_dict(self) -> dict[str, object]:
        """The finding as JSON-ready data; `replacement` only when there is one."""
        data = asdict(self)
        data["severity"] = self.severity.value
        if data["replacement"] is None:
            del data["replacement"]
        return data

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


def sort_key(finding: Finding) -> tuple[str, int, int, str]:
    return (finding.path, finding.line or 0, finding.severity.rank, finding.rule)


def apply_levels(findings: Iterable[Finding], levels: Mapping[str, str]) -> list[Finding]:
    """Give each finding the level the site configured for its rule (or its rule group).

    `levels` maps a rule id (`sections.steps-list`) or a prefix (`sections`) to error/warning/info/ignore; the
    longest match wins, as in MkDocs' own `validation` options.
    """
    out: list[Finding] = []
    for finding in findings:
        level = level_for(finding.rule, levels)
        if level is None:
            out.append(finding)
        elif level != "ignore":
            out.append(replace(finding, severity=Severity(level)))
    return out


def level_for(rule: str, levels: Mapping[str, str]) -> str | None:
    parts = rule.split(".")
    for end in range(len(parts), 0, -1):
        key = ".".join(parts[:end])
        if key in levels:
            return levels[key]
    return None


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


# --- views ---------------------------------------------------------------------------------------------


def format_text(finding: Finding) -> str:
    """`content/paspoort.md:14: [sections.steps-list] message — suggestion` (the one line format)."""
    text = f"{finding.location}: [{finding.rule}] {finding.message}"
    if finding.suggestion:
        text += f" — {finding.suggestion}"
    return text


def to_json(findings: Iterable[Finding]) -> str:
    return json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2)


def _github_escape(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def format_github(finding: Finding) -> str:
    """A GitHub Actions workflow command, so the finding shows at its line in a pull request."""
    command = {"error": "error", "warning": "warning", "info": "notice"}[finding.severity.value]
    props = [f"file={_github_escape(finding.path, prop=True)}"]
    if finding.line:
        props.append(f"line={finding.line}")
    props.append(f"title={_github_escape(finding.rule, prop=True)}")
    body = finding.message + (f" {finding.suggestion}" if finding.suggestion else "")
    return f"::{command} {','.join(props)}::{_github_escape(body)}"


def summary_counts(findings: Iterable[Finding]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in findings:
        counts[finding.severity.value] += 1
    return counts
