"""One finding type for every check, and the views of a list of findings.

Every check in Helder (front matter, sections, readability, Markdown accessibility, the WCAG gate) reports
`Finding` objects. The text, JSON and GitHub views below are the only places that turn them into output, so
the build log, `helder check` and CI annotations always say the same thing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from .messages import text


class Severity(StrEnum):
    """How bad a finding is. Only `error` stops a build or makes `helder check` exit 1."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


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
    #: What may replace the reported words as is ("Indien" -> "Als"), for `helder fix`; None when the fix needs
    #: the editor (a sentence to rewrite, a word to explain).
    replacement: str | None = None
    #: More for the views that show more than one line: the failing HTML of a gate result.
    data: Mapping[str, Any] | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, object]:
        found: dict[str, object] = {
            "path": self.path,
            "line": self.line,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "suggestion": self.suggestion,
        }
        if self.replacement is not None:
            found["replacement"] = self.replacement
        if self.data:
            found["data"] = dict(self.data)
        return found

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Rule:
    """A rule as `helder rules`, `rules:` in mkdocs.yml and the editor guide know it: declared once, in the
    module that reports it.

    Its one-line description is the catalogue entry `rule.<id>`; `messages` are the catalogue keys its findings
    use (the catalogue tests read them).
    """

    id: str
    #: The default level; a site changes it with `rules:` in mkdocs.yml.
    severity: Severity
    messages: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hit:
    """Something wrong on a page, before it has a file, a level and words.

    `line` is the 1-based source line (front matter counted) or None for the whole page; `key` and `values`
    are a catalogue entry and what fills it in (values may be `Msg` objects, written in the same language).
    `replacement` is what may replace the reported words as is (for `helder fix`); `data` holds facts for
    other views. The JSON view leaves both out when empty.
    """

    rule: str
    line: int | None
    key: str
    values: Mapping[str, object] = field(default_factory=dict)
    data: Mapping[str, Any] = field(default_factory=dict)
    replacement: str | None = None


def sort_key(finding: Finding) -> tuple[str, int, int, str]:
    return (finding.path, finding.line or 0, finding.severity.rank, finding.rule)


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)


# --- views ---------------------------------------------------------------------------------------------


def format_text(finding: Finding, lang: str = "nl") -> str:
    """`Fout: content/paspoort.md:14: [sections.steps-list] message — suggestion` (the one line format): the level
    first, in words, so an editor sees at once what blocks publishing and what is a tip."""
    return f"{text(lang, f'level_{finding.severity.value}')}: {finding.location}: {format_short(finding)}"


def format_short(finding: Finding) -> str:
    """`[rule] message — suggestion`, for views that show the file and the level themselves."""
    line = f"[{finding.rule}] {finding.message}"
    return line + (f" — {finding.suggestion}" if finding.suggestion else "")


def count(lang: str, what: str, number: int) -> str:
    """`1 fout`, `3 fouten`: a number with its word in the right form (`n_<what>_one`, `n_<what>`)."""
    return text(lang, f"n_{what}_one" if number == 1 else f"n_{what}", n=number)


def to_json(findings: Iterable[Finding]) -> str:
    return json.dumps([f.to_dict() for f in findings], ensure_ascii=False, indent=2)


def _github_escape(value: str, *, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def github_command(command: str, body: str, **props: object) -> str:
    """A GitHub Actions workflow command (`::error file=...,line=...::text`), escaped as GitHub requires."""
    listed = ",".join(f"{name}={_github_escape(str(value), prop=True)}" for name, value in props.items())
    return f"::{command} {listed}::{_github_escape(body)}"


def format_github(finding: Finding) -> str:
    """A workflow command, so the finding shows at its line in a pull request."""
    command = {"error": "error", "warning": "warning", "info": "notice"}[finding.severity.value]
    props: dict[str, object] = {"file": finding.path}
    if finding.line:
        props["line"] = finding.line
    props["title"] = finding.rule
    body = finding.message + (f" {finding.suggestion}" if finding.suggestion else "")
    return github_command(command, body, **props)


def summary_counts(findings: Iterable[Finding]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in findings:
        counts[finding.severity.value] += 1
    return counts
