"""Exceptions an editor writes down: the one place where findings are silenced on purpose, with a reason.

Two kinds, both applied by `apply` (called once per page by `helder.checker.check_page`, before the site's
levels):

- for one paragraph, a comment right before it (also before a list, a heading or a table):

  ```markdown
  <!-- helder: ignore readability.rare-word "Zo heet de regeling in de wet." -->
  U kunt een tegemoetkoming meerkosten aanvragen.
  ```

  silences that one rule in that block only. Several comments in a row each silence one rule there.
- for a whole page, `ignore: {rule: reason}` in the front matter (its reason is checked by the front matter
  rules).

A comment without a reason, with a rule that does not exist (the closest real id is named) or with nothing
after it is a finding at the comment's line, and silences nothing. Front matter findings and these findings
themselves are never silenced. Every exception that applies is returned, so the dashboard can list them
(page, line, rule, reason).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from typing import Any

from ..findings import Finding, Hit, Rule, Severity
from ..source import SourcePage
from .context import CheckContext

RULES = [
    Rule("ignore.reason", Severity.ERROR, ("ig_reason",)),
    Rule("ignore.unknown-rule", Severity.ERROR, ("ig_unknown", "ig_unknown_close", "ig_no_rule", "ig_never")),
    Rule("ignore.no-block", Severity.ERROR, ("ig_no_block",)),
]

#: `<!-- helder: ignore RULE "reason" -->`; the reason in straight or curly quotes.
_COMMENT = re.compile(r"<!--\s*helder\s*:\s*ignore\b(?P<rest>.*?)-->", re.DOTALL | re.IGNORECASE)
_REST = re.compile(
    r"""\s*(?P<rule>[^\s"'“”‘’]+)?\s*(?:"(?P<q1>[^"]*)"|'(?P<q2>[^']*)'|“(?P<q3>[^”]*)”|‘(?P<q4>[^’]*)’)?""",
    re.DOTALL,
)

#: Findings no exception can silence: the data at the top of the page, and the exceptions' own.
_NEVER = ("frontmatter.", "ignore.")


def apply(
    page: SourcePage, findings: Iterable[Finding], ctx: CheckContext
) -> tuple[list[Finding], list[Hit], list[dict[str, Any]]]:
    """The findings that remain, the problems with the exception comments (as hits), and the exceptions that
    apply: `{"line", "rule", "reason"}` each."""
    page_ignore = page.meta.get("ignore")
    blocks, problems = _comments(page, ctx)
    kept = []
    for finding in findings:
        if finding.rule.startswith(_NEVER):
            kept.append(finding)
        elif _silenced(finding.rule, page_ignore) or any(
            b["rule"] == finding.rule and _inside(finding.line, b) for b in blocks
        ):
            continue
        else:
            kept.append(finding)
    exceptions = _page_exceptions(page) + [{k: b[k] for k in ("line", "rule", "reason")} for b in blocks]
    return kept, problems, exceptions


def _inside(line: int | None, block: Mapping[str, Any]) -> bool:
    return line is not None and block["first"] <= line <= block["last"]


def _silenced(rule: str, ignore: Any) -> bool:
    """A page may switch a rule (or a group) off with `ignore: {rule: reason}`; the reason is checked elsewhere."""
    if not isinstance(ignore, dict):
        return False
    parts = rule.split(".")
    return any(
        ".".join(parts[:end]) in ignore and ignore[".".join(parts[:end])] for end in range(1, len(parts) + 1)
    )


def _comments(page: SourcePage, ctx: CheckContext) -> tuple[list[dict[str, Any]], list[Hit]]:
    """The valid exception comments with the source lines of the block each one is for, and the problems."""
    if "helder" not in page.body:  # most pages have none: no need to walk the tokens
        return [], []
    tokens = page.tokens
    blocks: list[dict[str, Any]] = []
    problems: list[Hit] = []
    for index, token in enumerate(tokens):
        found = _COMMENT.search(token.content) if token.type == "html_block" else None
        if found is None or not token.map:
            continue
        line = page.source_line(token.map[0])
        target = _target(tokens, index)
        rule, reason = _parse(found.group("rest"))
        problem = _problem(rule, reason, target, line, ctx)
        if problem:
            problems.append(problem)
            continue
        assert target is not None and target.map is not None
        first, last = page.source_line(target.map[0]), page.source_line(target.map[1] - 1)
        blocks.append({"line": line, "rule": rule, "reason": reason, "first": first, "last": last})
    return blocks, problems


def _target(tokens: list[Any], index: int) -> Any:
    """The block after the comment (and after other exception comments right after it), at the same depth."""
    level = tokens[index].level
    for token in tokens[index + 1 :]:
        if token.level < level or token.nesting < 0 and token.level == level:
            return None  # the comment is the last thing in its list item, quote or note
        if token.level != level or not token.map:
            continue
        if token.type == "html_block" and _COMMENT.search(token.content):
            continue
        return token
    return None


def _parse(rest: str) -> tuple[str, str]:
    found = _REST.match(rest)
    if not found:
        return "", ""
    reason = next((found.group(g) for g in ("q1", "q2", "q3", "q4") if found.group(g) is not None), "")
    return found.group("rule") or "", " ".join(reason.split())


def _problem(rule: str, reason: str, target: Any, line: int, ctx: CheckContext) -> Hit | None:
    if not rule:
        return Hit("ignore.unknown-rule", line, "ig_no_rule")
    if rule.startswith(_NEVER):
        return Hit("ignore.unknown-rule", line, "ig_never", {"rule": rule})
    if rule not in ctx.default_levels:
        known = sorted(r for r in ctx.default_levels if not r.startswith(_NEVER))
        close = difflib.get_close_matches(rule, known, n=1, cutoff=0.5)
        if close:
            return Hit("ignore.unknown-rule", line, "ig_unknown_close", {"rule": rule, "close": close[0]})
        return Hit("ignore.unknown-rule", line, "ig_unknown", {"rule": rule})
    if not reason:
        return Hit("ignore.reason", line, "ig_reason", {"rule": rule})
    if target is None:
        return Hit("ignore.no-block", line, "ig_no_block", {"rule": rule})
    return None


def _page_exceptions(page: SourcePage) -> list[dict[str, Any]]:
    """`ignore:` in the front matter, each rule at its own line."""
    ignore = page.meta.get("ignore")
    if not isinstance(ignore, dict):
        return []
    lines = page.sub_lines.get("ignore", {})
    return [
        {"line": lines.get(str(rule), page.line_of("ignore")), "rule": str(rule), "reason": str(reason)}
        for rule, reason in ignore.items()
        if reason
    ]
