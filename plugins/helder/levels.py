"""The site's levels per rule (`rules:` in mkdocs.yml): validated when the config loads, applied once.

```yaml
plugins:
  - helder:
      rules:
        sections.costs-missing: warning   # one rule
        readability: error                # a group: every readability.* rule
        a11y.axe.*: warning               # a pattern
        a11y.htmlcs.H32.2: info           # HTML_CodeSniffer by technique, whatever the standard
```

The most specific setting wins: an exact id, then the longest group or pattern. `ignore` drops the rule's
findings. `Levels.apply` is the one place levels are applied: the content checks (`helder.checker`) and the
gate (`helder.audit.gate`) call it before any view (log, report, statement, dashboard) is made, so all of them
agree with the exit code.
"""

from __future__ import annotations

import difflib
import fnmatch
from collections.abc import Iterable, Mapping
from dataclasses import replace

from .audit.rules import is_engine_rule, short_id
from .findings import Finding, Severity
from .messages import Msg

#: Values a site may give a rule; `ignore` drops its findings.
LEVELS = ("error", "warning", "info", "ignore")


class Levels:
    """`rules:` compiled for fast lookup: exact ids, groups (`sections`) and patterns (`a11y.axe.*`)."""

    def __init__(self, settings: Mapping[str, str] | None = None) -> None:
        self.settings = {short_id(str(rule)): str(level) for rule, level in (settings or {}).items()}
        self._patterns = sorted(
            ((rule, level) for rule, level in self.settings.items() if _is_pattern(rule)),
            key=lambda item: -len(item[0]),
        )
        self._cache: dict[str, str | None] = {}

    def __bool__(self) -> bool:
        return bool(self.settings)

    def level_for(self, rule: str) -> str | None:
        if rule not in self._cache:
            self._cache[rule] = self._lookup(short_id(rule))
        return self._cache[rule]

    def _lookup(self, rule: str) -> str | None:
        parts = rule.split(".")
        for end in range(len(parts), 0, -1):  # the rule itself, then its groups, longest first
            level = self.settings.get(".".join(parts[:end]))
            if level is not None:
                return level
        return next((level for pattern, level in self._patterns if fnmatch.fnmatchcase(rule, pattern)), None)

    def apply(self, findings: Iterable[Finding]) -> list[Finding]:
        """Each finding at the level the site set for its rule; findings of ignored rules dropped."""
        out: list[Finding] = []
        for finding in findings:
            level = self.level_for(finding.rule) if self.settings else None
            if level is None:
                out.append(finding)
            elif level != "ignore":
                out.append(replace(finding, severity=Severity(level)))
        return out


def _is_pattern(rule: str) -> bool:
    return any(char in rule for char in "*?[")


def covers(known: Iterable[str], rule: str) -> bool:
    """`rule` is a known id, a group of some (`sections` covers `sections.steps-missing`), a pattern that
    matches some, or an id of the accessibility engines."""
    known = set(known)
    if _is_pattern(rule):
        return any(fnmatch.fnmatchcase(r, rule) for r in known) or rule.startswith("a11y.")
    rule = short_id(rule)
    return rule in known or any(r.startswith(rule + ".") for r in known) or is_engine_rule(rule)


def problems(settings: Mapping[str, object], known: Iterable[str]) -> list[Msg]:
    """What is wrong with a `rules:` setting: an unknown rule (with the closest real one) or a wrong level."""
    known = sorted(set(known))
    found: list[Msg] = []
    for rule, level in settings.items():
        if not isinstance(rule, str) or not covers(known, rule):
            close = difflib.get_close_matches(str(rule), known, n=1, cutoff=0.6)
            hint = Msg("cfg_rule_close", close=close[0]) if close else Msg("cfg_rule_list")
            found.append(Msg("cfg_rule", rule=rule, hint=hint))
        elif level not in LEVELS:
            found.append(Msg("cfg_level", rule=rule, level=level))
    return found
