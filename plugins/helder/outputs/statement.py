"""The accessibility statement ("toegankelijkheidsverklaring") following the Dutch model, status A to E.

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

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class ResearchOptions(Config):
    date = c.Optional(c.Type(dt.date))
    method = c.Type(str, default="WCAG-EM")
    #: `all-met` (all 50 criteria met) or `not-all-met`.
    result = c.Choice(("all-met", "not-all-met"), default="not-all-met")
    by = c.Type(str, default="")
    report_url = c.Type(str, default="")


class ProblemOptions(Config):
    problem = c.Type(str)
    fix = c.Type(str)
    #: When the fix is planned.
    planned = c.Optional(c.Type(dt.date))


class StatementOptions(Config):
    enabled = c.Type(bool, default=True)
    #: Where the statement appears in the site.
    page = c.Type(str, default="toegankelijkheid.md")
    scope = c.Type(str, default="")
    research = c.SubConfig(ResearchOptions)
    planned_research = c.Optional(c.Type(dt.date))
    known_problems = c.ListOfItems(c.SubConfig(ProblemOptions), default=[])
    approved_by = c.Type(str, default="")
    approved_on = c.Optional(c.Type(dt.date))
    contact = c.Type(str, default="")


@dataclass(frozen=True)
class Research:
    date: dt.date | None
    method: str = "WCAG-EM"
    all_met: bool = False


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

STATUS_TEXT = {
    "A": "Deze website voldoet volledig aan de eisen voor toegankelijkheid.",
    "B": "Deze website voldoet deels aan de eisen voor toegankelijkheid. Wij werken aan de problemen hieronder.",
    "C": "Wij hebben de website nog niet laten onderzoeken. Het onderzoek staat gepland.",
    "D": "Wij hebben de website nog niet laten onderzoeken. Wij hebben ook nog geen onderzoek gepland.",
    "E": "Er is geen toegankelijkheidsverklaring.",
}
REASON_TEXT = {
    "research-valid": "Een onderzoek met de methode WCAG-EM is minder dan drie jaar oud.",
    "all-met": "Het onderzoek vond geen problemen, en de automatische controle ook niet.",
    "not-all-met": "Het onderzoek vond problemen. Die staan hieronder, met wat wij eraan doen.",
    "gate-errors": "De automatische controle vond nieuwe problemen.",
    "gate-not-run": "Van de automatische controle is nog geen uitslag. Zonder die uitslag is de status niet A.",
    "research-none": "Er is nog geen onderzoek gedaan.",
    "research-old": "Het laatste onderzoek is ouder dan drie jaar. Dat telt niet meer.",
    "research-method": "Het onderzoek gebruikte niet de methode WCAG-EM. Dat telt niet.",
    "planned": "Er is een nieuw onderzoek gepland binnen zes maanden.",
    "not-planned": "Er is geen onderzoek gepland binnen zes maanden.",
}


def _date(value: dt.date | None) -> str:
    from ..catalogue.pages import format_date

    return format_date(value, "nl") if value else "onbekend"


def statement_markdown(
    options: StatementOptions,
    status: Status,
    *,
    site_name: str,
    site_url: str,
    ignores: list[tuple[str, str]],
    last_audit: dict | None,
) -> str:
    """The statement in B1 Dutch, with the facts a supervisor or a resident may ask for."""
    research = options.research
    scope = options.scope or f"Deze verklaring gaat over de website {site_url or site_name}."
    out = [
        "---",
        "type: page",
        "title: Toegankelijkheidsverklaring",
        'summary: "Hoe toegankelijk deze website is, wat nog niet goed gaat en hoe u een probleem meldt."',
        "---",
        "# Toegankelijkheidsverklaring",
        "",
        f"{site_name} wil dat iedereen deze website kan gebruiken. Ook mensen met een beperking. "
        "Daarom volgen wij de norm Web Content Accessibility Guidelines (WCAG) 2.1 op niveau AA. "
        "Dat is de wettelijke eis voor websites van de overheid.",
        "",
        f"## Status: {status.letter}",
        "",
        STATUS_TEXT[status.letter],
        "",
    ]
    out += [f"- {REASON_TEXT[r]}" for r in status.reasons if r in REASON_TEXT]
    out += ["", "## Waar gaat deze verklaring over?", "", scope, "", "## Het onderzoek", ""]
    if research.date:
        out += [f"- Datum: {_date(research.date)}", f"- Methode: {research.method}"]
        if research.by:
            out.append(f"- Gedaan door: {research.by}")
        if research.report_url:
            out.append(f"- [Lees het rapport van het onderzoek]({research.report_url})")
    else:
        out.append("Er is nog geen onderzoek gedaan.")
    if options.planned_research:
        out += ["", f"Het volgende onderzoek staat gepland op {_date(options.planned_research)}."]
    out += [
        "",
        "## De automatische controle",
        "",
        "Bij elke nieuwe versie opent een computer elke pagina in een browser. "
        "Dat gebeurt op het formaat van een computer en van een telefoon. "
        "De computer controleert de pagina volgens WCAG 2.1 AA. "
        "Een pagina met een fout komt niet online.",
        "",
    ]
    if last_audit:
        out.append(
            f"De laatste controle was op {last_audit['date']}. Gecontroleerd: {last_audit['pages']} pagina's. "
            f"Fouten: {last_audit['errors']}. Niet te controleren: {last_audit['not_checked']}."
        )
    else:
        out.append("Van deze versie is nog geen uitslag bewaard.")
    out += ["", "## Wat nog niet goed gaat", ""]
    if options.known_problems or ignores:
        out += ["| Probleem | Wat wij eraan doen | Wanneer |", "| --- | --- | --- |"]
        for problem in options.known_problems:
            out.append(
                f"| {problem.problem} | {problem.fix} | {_date(problem.planned) if problem.planned else 'doorlopend'} |"
            )
        for rule, reason in ignores:
            out.append(
                f"| De automatische controle meldt `{rule}`. | Dit is geen echt probleem: {reason} | niet nodig |"
            )
    else:
        out.append("Wij kennen op dit moment geen problemen.")
    out += [
        "",
        "## Een probleem melden",
        "",
        "Kunt u iets op deze website niet lezen of niet gebruiken? Laat het ons weten. "
        "Wij antwoorden binnen vijf werkdagen.",
        "",
    ]
    if options.contact:
        out += [options.contact, ""]
    out += [
        "Krijgt u geen goed antwoord? Dan kunt u een klacht sturen naar de Nationale ombudsman.",
        "",
        "## Vastgesteld",
        "",
    ]
    if options.approved_by:
        who = options.approved_by[0].upper() + options.approved_by[1:]
        out.append(f"{who} heeft deze verklaring vastgesteld op {_date(options.approved_on)}.")
    else:
        out.append("Niemand heeft deze verklaring nog vastgesteld.")
    return "\n".join(out) + "\n"
