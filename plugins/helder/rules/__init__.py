"""The content rules: pure functions from a parsed page (plus site context) to findings.

Each rule module declares the rules it can report (`RULES`, with their default level) and a
`check(page, ctx) -> list[Finding]` function. `helder.checker` runs them in order; nothing here knows MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..findings import Severity


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    #: One line for the docs and `helder rules`.
    summary: str


@dataclass
class CheckContext:
    """What a rule may know besides the page: the site's options and shared data (the help catalogue)."""

    options: Any  # HelderConfig (attribute access)
    lang: str = "nl"  # language of the messages
    help_keys: frozenset[str] = frozenset()
    #: The site's section kinds and every rule id, worked out once per site (not once per page).
    sections: dict[str, Any] | None = None
    known_rules: frozenset[str] = frozenset()
    catalogue: Any = None
    #: Per-page data that rules compute for later consumers (scores), by page path.
    page_data: dict[str, dict[str, Any]] = field(default_factory=dict)

    def data_for(self, path: str) -> dict[str, Any]:
        return self.page_data.setdefault(path, {})
