"""The status of the accessibility statement (A-E), as a table of research, plans, dates and gate results."""

from __future__ import annotations

import datetime as dt

import pytest
from helder.pages.statement import Research, add_months, compute_status

TODAY = dt.date(2026, 11, 29)
D = dt.date.fromisoformat


@pytest.mark.parametrize(
    ("enabled", "research", "planned", "errors", "letter"),
    [
        (False, Research(D("2026-06-01"), all_met=True), None, 0, "E"),
        (True, Research(D("2026-06-01"), all_met=True), None, 0, "A"),
        (True, Research(D("2026-06-01"), all_met=True), None, 3, "B"),  # the gate finds errors now: not A
        (True, Research(D("2026-06-01"), all_met=False), None, 0, "B"),
        (True, Research(D("2023-11-30"), all_met=True), None, 0, "A"),  # one day under 3 years
        (True, Research(D("2023-11-29"), all_met=True), None, 0, "D"),  # exactly 3 years: no basis
        (True, Research(D("2023-11-29"), all_met=True), D("2027-05-29"), 0, "C"),  # planned within 6 months
        (True, Research(D("2023-11-29"), all_met=True), D("2027-05-30"), 0, "D"),  # planned too late
        (True, Research(None), D("2027-01-15"), 0, "C"),
        (True, Research(None), None, 0, "D"),
        (True, Research(None), D("2026-10-01"), 0, "D"),  # a plan in the past is no plan
        (True, Research(D("2026-06-01"), method="Quickscan", all_met=True), None, 0, "D"),  # not WCAG-EM
        (
            True,
            Research(D("2027-01-01"), all_met=True),
            None,
            0,
            "D",
        ),  # research in the future does not count
    ],
)
def test_status_table(enabled, research, planned, errors, letter):
    assert (
        compute_status(
            enabled=enabled, research=research, planned=planned, today=TODAY, gate_errors=errors
        ).letter
        == letter
    )


def test_no_a_without_a_result_of_the_automatic_check():
    status = compute_status(
        enabled=True,
        research=Research(D("2026-06-01"), all_met=True),
        planned=None,
        today=TODAY,
        gate_errors=0,
        gate_ran=False,
    )
    assert (status.letter, status.reasons) == ("B", ["research-valid", "gate-not-run"])


def test_add_months_keeps_the_end_of_the_month():
    assert add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 11, 29), 6) == dt.date(2027, 5, 29)
