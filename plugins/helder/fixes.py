"""The safe fixes of `helder fix PAGE`: findings with a structured `replacement` (jargon swaps such as
"Indien" -> "Als"), placed exactly in the source text, shown before they are made.

A fix changes only the words it names: the file's other bytes (line endings, a byte order mark, spacing, the
front matter) stay as they are. A finding whose words cannot be found as written on its line (they are split
by markup, or inside code or a link address) is not a safe fix: it is left for the editor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .findings import Finding


@dataclass(frozen=True)
class Fix:
    finding: Finding
    #: Where the words are in the file's text, and what comes instead.
    start: int
    end: int
    new: str

    @property
    def line(self) -> int:
        assert self.finding.line is not None
        return self.finding.line


def fixable(findings: Iterable[Finding]) -> list[Finding]:
    """Findings that carry a replacement and the words it replaces."""
    return [f for f in findings if f.replacement is not None and f.line and (f.data or {}).get("found")]


def plan(text: str, findings: Iterable[Finding]) -> tuple[list[Fix], list[Finding]]:
    """Each fixable finding placed in `text` (the whole file, front matter included), and those that cannot be
    placed safely. Several findings of the same words on one line take the occurrences left to right."""
    starts = _line_starts(text)
    fixes: list[Fix] = []
    manual: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for finding in fixable(findings):
        line = finding.line or 0
        if line > len(starts):
            manual.append(finding)
            continue
        span = _place(text, str((finding.data or {})["found"]), starts, line, taken)
        if span is None:
            manual.append(finding)
            continue
        taken.append(span)
        fixes.append(Fix(finding, span[0], span[1], str(finding.replacement)))
    return fixes, manual


def apply(text: str, fixes: Iterable[Fix]) -> str:
    """`text` with the fixes made (from the end, so earlier offsets stay right)."""
    for fix in sorted(fixes, key=lambda f: f.start, reverse=True):
        text = text[: fix.start] + fix.new + text[fix.end :]
    return text


def before_after(text: str, fix: Fix) -> tuple[str, str]:
    """The line of the fix as it is and as it will be (a fix that runs over a line end shows all its lines)."""
    first = text.rfind("\n", 0, fix.start) + 1
    last = text.find("\n", fix.end)
    last = len(text) if last < 0 else last
    old = text[first:last].rstrip("\r")
    new = (text[first : fix.start] + fix.new + text[fix.end : last]).rstrip("\r")
    return old, new


def _line_starts(text: str) -> list[int]:
    return [0] + [match.end() for match in re.finditer("\n", text)]


def _place(
    text: str, found: str, starts: list[int], line: int, taken: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The first free occurrence of `found` (as whole words, any spacing between them) starting on `line`,
    outside inline code and link addresses."""
    words = found.split()
    if not words:
        return None
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)")
    begin = starts[line - 1]
    end = starts[line] if line < len(starts) else len(text)
    for match in pattern.finditer(text, begin):
        if match.start() >= end:
            break
        span = match.span()
        if any(s < span[1] and span[0] < e for s, e in taken):
            continue
        if _in_code_or_address(text[begin : match.start()]):
            continue
        return span
    return None


def _in_code_or_address(before: str) -> bool:
    """Whether a position follows an open inline code span or an open link address on its line."""
    if before.count("`") % 2:
        return True
    opened = before.rfind("](")
    return opened >= 0 and ")" not in before[opened:]
