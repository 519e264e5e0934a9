"""The accessibility statement ("toegankelijkheidsverklaring") following the Dutch model, status A to E.

The page is made from `templates/pages/statement.md`, in the site's language, with the words of the catalogue.

The status is computed, not typed in, from the configured research and today's date:

- A: research by the WCAG-EM method, less than 3 years old, with all criteria met (and the gate finds no errors now);
- B: such research, but not all criteria are met; the known problems and planned fixes are listed;
- C: no valid research, but research is planned within 6 months;
- D: no valid research and none planned within 6 months;
- E: no statement at all (statement switched off).

Research older than 3 years is no basis for A or B: then the status falls back to C or D.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..messages import text
from ..templating import render
from .text import format_date, front_matter

if TYPE_CHECKING:
    from ..config import StatementOptions


@dataclass(frozen=True)
class Research:
    date: dt.date | None
    method: str = "WCAG-EM"
    all_met: bool = False


#: Every reason a status can give (`st_reason_<key>` in the catalogue).
REASON_KEYS = (
    "research-valid",
    "all-met",
    "not-all-met",
    "gate-errors",
    "gate-not-run",
    "research-none",
    "research-old",
    "research-method",
    "planned",
    "not-planned",
    "no-statement",
)


@dataclass
class Status:
    letter: str
    #: Why this status, in the editor's words (keys into the message table of the statement page).
    reasons: list[str] = field(default_factory=list)


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def compute_status(
    *,
    enabled: bool,
    research: Research,
    planned: dt.date | None,
    today: dt.date,
    gate_errors: int,
    gate_ran: bool = True,
) -> Status:
    if not enabled:
        return Status("E", ["no-statement"])
    valid = (
        research.date is not None
        and research.method.upper().replace(" ", "") == "WCAG-EM"
        and research.date <= today
        and add_years(research.date, 3) > today
    )
    if valid:
        if research.all_met and gate_errors == 0 and gate_ran:
            return Status("A", ["research-valid", "all-met"])
        problem = "not-all-met" if not research.all_met else "gate-errors" if gate_ran else "gate-not-run"
        reasons = ["research-valid", problem]
        return Status("B", reasons)
    reasons = ["research-none"] if research.date is None else ["research-old"]
    if research.date is not None and research.method.upper().replace(" ", "") != "WCAG-EM":
        reasons = ["research-method"]
    if planned is not None and today <= planned <= add_months(today, 6):
        return Status("C", [*reasons, "planned"])
    return Status("D", [*reasons, "not-planned"])


# -- the page ---------------------------------------------------------------------------------------------

#: The paragraph with the gate's result has this id: the build writes the result of its own gate run into it
#: after the gate (the page itself is made before the site is built).
GATE_RESULT_ID = "helder-gate-result"
#: The status heading's id: the status section is written again after the gate, like the gate's result.
STATUS_ID = "helder-status"


def status_markdown(status: Status, lang: str = "nl") -> str:
    """The status section alone (its heading, what it means, why), as the statement has it."""
    return render("pages/statement-status.md", lang, status=status, status_id=STATUS_ID)


def gate_paragraph(last_audit: dict[str, Any] | None, lang: str = "nl") -> str:
    """The sentence about the automatic check: its date and totals, or that there is no result."""
    if not last_audit:
        return text(lang, "st_gate_none")
    try:
        day = format_date(dt.date.fromisoformat(str(last_audit["date"])), lang)
    except ValueError:
        day = text(lang, "st_unknown_date")
    values = {key: last_audit.get(key, 0) for key in ("pages", "errors", "not_checked")}
    return text(lang, "st_gate_last", date=day, **values)


def statement_markdown(
    options: StatementOptions,
    status: Status,
    *,
    site_name: str,
    site_url: str,
    ignores: list[tuple[str, str]],
    last_audit: dict[str, Any] | None,
    lang: str = "nl",
) -> str:
    """The statement in plain language, with the facts a supervisor or a resident may ask for."""

    def date(value: dt.date | None) -> str:
        return format_date(value, lang) if value else text(lang, "st_unknown_date")

    research = options.research
    approved_by = options.approved_by[0].upper() + options.approved_by[1:] if options.approved_by else ""
    return render(
        "pages/statement.md",
        lang,
        front=front_matter(text(lang, "st_title"), text(lang, "st_summary")),
        site_name=site_name,
        scope=options.scope or text(lang, "st_scope_default", site=site_url or site_name),
        status=status,
        research=research,
        research_date=date(research.date),
        planned=date(options.planned_research) if options.planned_research else "",
        gate_text=gate_paragraph(last_audit, lang),
        gate_id=GATE_RESULT_ID,
        status_id=STATUS_ID,
        problems=[
            (p.problem, p.fix, date(p.planned) if p.planned else text(lang, "st_ongoing"))
            for p in options.known_problems
        ],
        ignores=ignores,
        contact=options.contact,
        approved_by=approved_by,
        approved_on=date(options.approved_on),
    )
