"""Front matter rules as a table: each case changes one key of a good product page."""

from __future__ import annotations

import pytest
from helder.checker import findings_from, make_context, run_rules
from helder.config import load_options
from helder.rules import frontmatter
from helder.rules.context import CheckContext
from helder.source import parse_text

GOOD = {
    "title": "Paspoort aanvragen",
    "summary": "U vraagt een paspoort aan bij de balie.",
    "audience": "[inwoners]",
    "online": "nee",
    "owner": "Burgerzaken",
    "reviewed": "2026-10-01",
}


def page_with(changes: dict[str, str | None], page_type: str | None = None) -> str:
    data = dict(GOOD)
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    lines = [f"{key}: {value}" for key, value in data.items()]
    if page_type:
        lines.insert(0, f"type: {page_type}")
    return "---\n" + "\n".join(lines) + "\n---\n# Titel\n"


def context(**options: object) -> CheckContext:
    return make_context(load_options(options))


CONTEXT = context()


def findings(text: str) -> list[tuple[str, int | None, str]]:
    page = parse_text(text, "content/p.md")
    return [(f.rule, f.line, f"{f.message} {f.suggestion}") for f in run_rules(page, CONTEXT, [frontmatter])]


def test_good_product_has_no_findings():
    assert findings(page_with({})) == []


@pytest.mark.parametrize(
    ("changes", "rule", "line", "words"),
    [
        ({"title": None}, "frontmatter.required", 1, '"title" ontbreekt'),
        ({"summary": None}, "frontmatter.required", 1, '"summary" ontbreekt'),
        ({"summary": '"' + "lang " * 45 + '"'}, "frontmatter.value", 3, "is 225 tekens lang"),
        ({"audience": "[burgers]"}, "frontmatter.value", 4, 'Bij "audience" staat "burgers". Dat kan niet.'),
        ({"audience": "[]"}, "frontmatter.value", 4, 'Bij "audience" staat niets.'),
        ({"online": "misschien"}, "frontmatter.value", 5, '"ja", "nee", "digid" of "eherkenning"'),
        ({"owner": '""'}, "frontmatter.value", 6, 'Bij "owner" staat niets.'),
        (
            {"reviewed": "2026-13-01"},
            "frontmatter.value",
            7,
            'Bij "reviewed" staat "2026-13-01". Dat is geen goede datum.',
        ),
        ({"reviewed": "gisteren"}, "frontmatter.value", 7, "geen goede datum"),
        ({"reviewed": None}, "frontmatter.required", 1, '"reviewed" ontbreekt'),
        ({"upl": "https://example.org/paspoort"}, "frontmatter.value", 8, 'Bij "upl"'),
        ({"sumary": "Tikfout."}, "frontmatter.unknown-key", 8, 'Helder kent het gegeven "sumary" niet.'),
        ({"lang": "de"}, "frontmatter.value", 8, '"nl" of "en"'),
        ({"ignore": "{sections.costs-missing: }"}, "frontmatter.ignore-reason", 8, "staat uit zonder reden"),
        ({"ignore": "{sections.kosten: Gratis.}"}, "frontmatter.value", 8, 'de regel "sections.kosten"'),
    ],
)
def test_bad_value_is_reported_at_its_line(changes, rule, line, words):
    found = findings(page_with(changes))
    assert [(r, ln) for r, ln, _ in found] == [(rule, line)]
    assert words in found[0][2]


def test_unknown_key_suggests_the_close_name():
    page = parse_text(page_with({"sumary": "x"}), "content/p.md")
    (finding,) = run_rules(page, CONTEXT, [frontmatter])
    assert 'Bedoelt u "summary"?' in finding.suggestion


def test_help_item_line_points_at_the_item():
    text = page_with({"help": "\n  - telefoon\n  - balie"})
    page = parse_text(text, "content/p.md")
    from helder.source import item_line

    assert [item_line(page, "help", i) for i in (0, 1)] == [9, 10]


def test_non_product_page_needs_only_title_and_summary():
    text = "---\ntype: page\ntitle: Home\nsummary: Welkom.\n---\n# Home\n"
    assert findings(text) == []
    assert [r for r, _, _ in findings("---\ntype: page\ntitle: Home\n---\n")] == ["frontmatter.required"]


def test_ignore_with_reason_is_accepted():
    assert findings(page_with({"ignore": "{sections.costs-missing: Dit product is gratis.}"})) == []


def test_unknown_upl_uri_suggests_the_closest_real_names():
    found = findings(page_with({"upl": "http://standaarden.overheid.nl/owms/terms/terasvergunning"}))
    assert [(r, ln) for r, ln, _ in found] == [("frontmatter.upl-unknown", 8)]
    assert "terrasvergunning (http://standaarden.overheid.nl/owms/terms/terrasvergunning)" in found[0][2]


def test_upl_is_case_sensitive():
    found = findings(page_with({"upl": "http://standaarden.overheid.nl/owms/terms/Paspoort"}))
    assert found[0][0] == "frontmatter.upl-unknown"
    assert "paspoort (http://standaarden.overheid.nl/owms/terms/paspoort)" in found[0][2]


@pytest.mark.parametrize(
    ("reviewed", "today", "limit", "stale"),
    [
        ("2025-11-29", "2026-11-28", 12, False),  # one day short of a year
        ("2025-11-29", "2026-11-29", 12, True),
        ("2026-05-01", "2026-11-29", 6, True),
        ("2026-05-01", "2026-11-29", 0, False),  # 0 switches the rule off
    ],
)
def test_freshness_table(reviewed, today, limit, stale):
    import datetime as dt

    from helder.rules.frontmatter import check_freshness

    page = parse_text(page_with({"reviewed": reviewed}), "content/p.md")
    ctx = context(stale_after_months=limit)
    found = findings_from(page, check_freshness(page, ctx, True, today=dt.date.fromisoformat(today)), ctx)
    assert bool(found) is stale
    if stale:
        assert found[0].line == 7 and found[0].rule == "freshness.stale"
        assert "maanden geleden voor het laatst gecontroleerd" in found[0].message


def test_overview_settings_are_checked():
    text = "---\ntype: overview\ntitle: Voor ondernemers\nsummary: Alles.\noverview: {audiance: ondernemers}\n---\n"
    found = findings(text)
    assert [(r, ln) for r, ln, _ in found] == [("frontmatter.unknown-key", 5)]
    assert 'Helder kent het gegeven "audiance" niet. Bedoelt u "audience"?' in found[0][2]
    text = text.replace("audiance: ondernemers", "audience: burgers")
    found = findings(text)
    assert [(r, ln) for r, ln, _ in found] == [("frontmatter.value", 5)]
    assert '"inwoners" of "ondernemers"' in found[0][2]


def test_keys_the_theme_reads_are_allowed_on_every_page():
    # `description` is read by the theme (<meta name="description">); it used to be refused with the
    # suggestion to write "description".
    assert findings(page_with({"description": "Alles over uw paspoort.", "hide": "[toc]"})) == []
