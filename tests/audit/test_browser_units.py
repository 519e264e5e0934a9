"""Helder's browser checks without a browser: the language guess, rule ids, the review file, crops, the report.

And, with the real pa11y-ci but a fake check script, that the gate fails closed when the checks crash or cannot
check a page (a crash cannot be produced on demand with the real script).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helder.audit import browser, explain, review
from helder.audit import rules as audit_rules
from helder.audit.config import load_options
from helder.audit.gate import run_gate
from helder.audit.report import render_html
from helder.audit.runner import GateError, Job

from readability.language_guess import guess_language, primary_subtag

ENGLISH = "Residents can apply for a passport at the town hall. Please bring your old passport with you."
DUTCH = "U vraagt een paspoort aan bij de balie van de gemeente. Neem uw oude paspoort mee."


def test_language_guess_knows_dutch_and_english_and_refuses_to_guess_on_little_evidence():
    assert guess_language(ENGLISH).language == "en"
    assert guess_language(DUTCH).language == "nl"
    assert guess_language("Contact").language is None  # a label is never judged
    assert guess_language("Bitte bringen Sie Ihren Ausweis mit.").language is None  # German: not known
    mixed = guess_language("De gemeente is open. The town hall is open.")
    assert mixed.language is None and mixed.dutch and mixed.english
    assert primary_subtag("nl-NL") == "nl" and primary_subtag("EN_gb") == "en" and primary_subtag("") == ""


def _blocks(page_lang: str, main: str, blocks: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "page_lang": page_lang,
        "html_context": f'<html lang="{page_lang}">',
        "main_text": main,
        "blocks": blocks,
    }


def test_lang_issues_page_part_and_declared_part():
    # An English page declared Dutch: one finding on <html>, not one per paragraph.
    page = browser.lang_issues(
        _blocks("nl", ENGLISH * 3, [{"selector": "p", "text": ENGLISH, "lang": "nl", "from_html": True}])
    )
    assert [(i["code"], i["selector"]) for i in page] == [("lang", "html")]
    said = browser.issue_message(page[0], "nl")
    assert said == 'De pagina zegt dat ze Nederlands is (lang="nl"). Maar de tekst is Engels.'
    assert (
        browser.issue_message(page[0], "en")
        == 'The page says it is Dutch (lang="nl"). But the text is English.'
    )
    # An English part without lang on a Dutch page, and a Dutch part marked English.
    parts = browser.lang_issues(
        _blocks(
            "nl",
            DUTCH * 3,
            [
                {"selector": "p.a", "text": ENGLISH, "lang": "nl", "from_html": True},
                {"selector": "p.b", "text": DUTCH, "lang": "en", "from_html": False},
                {"selector": "p.c", "text": ENGLISH, "lang": "en-GB", "from_html": False},
                {"selector": "p.d", "text": ENGLISH, "lang": "de", "from_html": False},
            ],
        )
    )
    assert [(i["selector"], browser.issue_message(i, "nl")) for i in parts] == [
        (
            "p.a",
            "Dit stuk tekst is Engels, maar heeft geen eigen lang-kenmerk. Een schermlezer leest het dan uit als "
            "Nederlands.",
        ),
        ("p.b", 'Dit stuk tekst is Nederlands, maar heeft lang="en".'),
    ]
    assert all(i["runner"] == "helder" and i["type"] == "error" for i in parts)


def _saw(*parts: object) -> dict[str, object]:
    return {"code": "reflow", "runner": "helder", "message": "", "runnerExtras": {"say": list(parts)}}


def test_what_the_script_saw_is_written_from_the_catalogue_in_either_language():
    # Issue 11: the script returns catalogue keys with numbers and names; Python writes the words.
    issue = _saw(
        ["bc_saw_reflow_scrolls", {}], ["bc_saw_reflow_past", {"label": "Adres", "width": 600, "right": 610}]
    )
    assert browser.issue_message(issue, "nl") == (
        'Op een scherm van 320 pixels breed moet je opzij scrollen. "Adres" is 600 pixels breed en loopt tot 610 pixels.'
    )
    assert browser.issue_message(issue, "en") == (
        'On a screen 320 pixels wide you have to scroll sideways. "Adres" is 600 pixels wide and reaches 610 pixels.'
    )
    # A key that is not a sentence of the script's own (or a broken shape) gives no words, never a KeyError.
    for bad in (_saw(["lang_name_nl", {}]), _saw(["bc_saw_nonexistent", {}]), _saw(["bc_saw_trap"]), _saw()):
        assert browser.issue_message(bad, "nl") is None


def test_rule_ids():
    assert browser.rule_id({"runner": "helder", "code": "keyboard.trap"}) == "a11y.keyboard.trap"
    assert browser.rule_id({"runner": "axe", "code": "label"}) == "a11y.axe.label"
    declared = {rule.id for rule in audit_rules.RULES}
    assert set(browser.RULES) <= declared  # each has a level and an explanation in the catalogue
    assert {f"a11y.{code}" for code in explain.HELDER} == set(browser.RULES)


def test_reflow_is_measured_once_per_page_on_the_narrowest_viewport():
    desktop = {"name": "desktop", "width": 1280, "height": 1024}
    mobile = {"name": "mobiel", "width": 375, "height": 812}
    jobs = [Job(url, v) for url in ("/", "/a/") for v in (desktop, mobile)]
    assert {(j.url_path, j.viewport_name) for j in browser.reflow_jobs(jobs)} == {
        ("/", "mobiel"),
        ("/a/", "mobiel"),
    }


def test_crops_are_asked_once_per_element_and_never_for_ignored_results():
    job_a, job_b = (
        Job("/a/", {"name": "d", "width": 1, "height": 1}),
        Job("/b/", {"name": "d", "width": 1, "height": 1}),
    )
    axe = {"runner": "axe", "code": "label", "type": "error", "selector": "#x", "context": "<input id=x>"}
    ignored = {
        "runner": "htmlcs",
        "code": "WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2",
        "type": "error",
        "selector": "form",
        "context": '<form class="md-search__form">',
    }
    shot = {
        "runner": "helder",
        "code": "reflow",
        "type": "error",
        "selector": "div",
        "context": "<div>",
        "runnerExtras": {"screenshot": "data:image/jpeg;base64,AAAA"},
    }
    warning = {
        "runner": "helder",
        "code": "target-size",
        "type": "warning",
        "selector": "a",
        "context": "<a>",
    }
    issues = {job_a: [axe, ignored, shot, warning], job_b: [dict(axe), dict(shot)]}
    ignores = [{"rule": "a11y.htmlcs.H32.2", "selector": "form.md-search__form", "reason": "x"}]
    assert browser.crop_requests(issues, ignores) == {job_a: ["#x"]}
    crops = browser.ChecksOutput(
        issues={job_a: [{"selector": "#x", "screenshot": "data:image/jpeg;base64,BBBB"}]}
    )
    browser.apply_crops(issues, crops)
    assert axe["runnerExtras"]["screenshot"] == "data:image/jpeg;base64,BBBB"


def _review_options(tmp_path: Path, **extra: Any) -> Any:
    return load_options({"enabled": True, "review_file": str(tmp_path / "beoordelingen.yml"), **extra})


def _needs_review(selector: str) -> dict[str, Any]:
    return {
        "runner": "axe",
        "code": "color-contrast",
        "type": "warning",
        "selector": selector,
        "context": f'<p class="{selector[2:]}">',
        "message": "Elements must meet contrast",
        "runnerExtras": {
            "needsFurtherReview": True,
            "help": "Elements must meet contrast",
            "helpUrl": "https://x",
        },
    }


def test_review_split_queue_decisions_and_dropped_warnings(tmp_path):
    jobs = [Job(f"/{n}/", {"name": "desktop", "width": 1, "height": 1}) for n in "abc"]
    htmlcs_warning = {
        "runner": "htmlcs",
        "code": "H48",
        "type": "warning",
        "selector": "ul",
        "context": "<ul>",
    }
    own_warning = {
        "runner": "helder",
        "code": "target-size",
        "type": "warning",
        "selector": "a",
        "context": "<a>",
    }
    raw = {
        jobs[0]: [_needs_review("p.een"), htmlcs_warning, own_warning],
        jobs[1]: [_needs_review("p.een"), _needs_review("p.twee")],
        jobs[2]: [_needs_review("p.drie")],
    }
    (tmp_path / "beoordelingen.yml").write_text(
        "- rule: a11y.axe.color-contrast\n  selector: p.twee\n  decision: bevestigd\n  by: Jan\n  reason: Te licht.\n"
        "- rule: a11y.axe.color-contrast\n  selector: p.drie\n  decision: afgewezen\n  by: Ans\n  reason: Effen vlak.\n",
        encoding="utf-8",
    )
    rest, queue = review.split(raw, _review_options(tmp_path), tmp_path)
    assert rest[jobs[0]] == [own_warning]  # htmlcs warnings were only fetched for the queue
    assert [(i["selector"], i["type"]) for i in rest[jobs[1]]] == [("p.twee", "error")]
    assert rest[jobs[2]] == []
    (group,) = queue
    items = {i["selector"]: i for i in group["items"]}
    assert items["p.een"]["count"] == 2 and items["p.een"]["decision"] is None
    assert items["p.een"]["pages"] == ["/a/ (desktop)", "/b/ (desktop)"]
    assert items["p.twee"]["decision"]["decision"] == "bevestigd"
    assert items["p.drie"]["decision"] == {
        "rule": "a11y.axe.color-contrast",
        "selector": "p.drie",
        "url": "",
        "decision": "afgewezen",
        "by": "Ans",
        "reason": "Effen vlak.",
        "date": "",
    }
    # With include_warnings the other warnings stay; without a review file there is no queue at all.
    rest, _ = review.split(raw, _review_options(tmp_path, include_warnings=True), tmp_path)
    assert htmlcs_warning in rest[jobs[0]]
    rest, queue = review.split(raw, load_options({"enabled": True, "review_file": ""}), tmp_path)
    assert queue == [] and rest == raw


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("- rule: a11y.axe.x\n  decision: weg\n  by: a\n  reason: b\n", "Kies bevestigd of afgewezen"),
        ("- rule: a11y.axe.x\n  decision: afgewezen\n", "mist: by, reason"),
        ("rule: x\n", "moet een lijst zijn"),
        ("- [\n", "kan niet gelezen worden"),
    ],
)
def test_a_broken_review_file_stops_the_gate_with_a_dutch_message(tmp_path, text, words):
    path = tmp_path / "b.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GateError) as raised:
        review.load_decisions(path)
    assert words in " ".join(raised.value.msg.pair("nl"))


def test_report_groups_repeated_ignores_and_findings_and_lists_what_a_person_must_check():
    ignored = [
        {
            "path": f"content/p{n}.md",
            "url": f"/p{n}/",
            "viewport": v,
            "rule": "a11y.htmlcs.H32.2",
            "selector": "form",
            "reason": "Zoeken werkt alleen met JavaScript.",
        }
        for n in range(56)
        for v in ("desktop", "mobiel")
    ]
    finding = {
        "rule": "a11y.keyboard.unreachable",
        "selector": "label.menu",
        "context": "<label>",
        "problem": "Iets ziet eruit als een knop.",
        "message": "m",
        "suggestion": "s",
        "severity": "error",
        "path": "content/a.md",
        "viewports": ["mobiel"],
        "screenshot": "data:image/jpeg;base64,AAAA",
    }
    findings = [
        {
            **finding,
            "url": f"/p{n}/",
            "path": f"content/p{n}.md",
            "screenshot": "" if n else finding["screenshot"],
        }
        for n in range(3)
    ]
    data = {
        "created": "nu",
        "passed": False,
        "gate_error": None,
        "summary": {
            k: 0 for k in ("pages", "passed", "failed", "not_checked", "errors", "warnings", "ignored")
        },
        "settings": {"standard": "WCAG2AA", "runners": ["htmlcs", "axe"], "viewports": []},
        "findings": findings,
        "ignored": ignored,
        "pages": [],
        "review": [],
    }
    html = render_html(data)
    assert html.count("Zoeken werkt alleen met JavaScript.") == 1  # 112 page x viewport rows, one row
    assert "112 keer (56 bestanden, schermen: desktop, mobiel)" in html
    assert (
        "Problemen die op meer pagina" in html and "<td>3 pagina&#39;s (3 keer, alle schermen samen)" in html
    )
    # The crop of the first page is shown for the others too.
    assert html.count('<img class="crop" src="data:image/jpeg;base64,AAAA"') == 4
    assert "Wat deze controle niet kan beoordelen" in html and "zegt de alt-tekst" in html


# --- fail closed, with the real pa11y-ci and a fake check script -------------------------------------------

PAGE = '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Start</title></head><body><main><h1>Start</h1><p>Welkom.</p></main></body></html>'


@pytest.fixture
def plain_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(PAGE, encoding="utf-8")
    return site


def _fake(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, body: str) -> None:
    script = tmp_path / "nep.cjs"
    script.write_text(body, encoding="utf-8")
    monkeypatch.setattr(browser, "SCRIPT", script)


@pytest.mark.browser
def test_crashing_browser_checks_stop_the_gate(plain_site, tools, tmp_path, monkeypatch):
    _fake(monkeypatch, tmp_path, "process.stderr.write('kapot\\n'); process.exit(1);\n")
    result = run_gate(plain_site, options={**tools, "enabled": True, "cache_dir": ""}, progress=False)
    assert result.exit_code == 2
    said = " ".join(result.gate_error.pair("nl")) if result.gate_error else ""
    assert "De browsercontroles van Helder stopten met een fout (exit 1)" in said
    assert "kapot" in said


@pytest.mark.browser
def test_a_page_the_checks_could_not_open_is_not_checked(plain_site, tools, tmp_path, monkeypatch):
    _fake(
        monkeypatch,
        tmp_path,
        "const fs = require('fs'); const c = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));\n"
        "const r = {}; for (const j of c.jobs) r[j.id] = {error: 'net::ERR_ABORTED'};\n"
        "fs.writeFileSync(process.argv[3], JSON.stringify({results: r}));\n",
    )
    result = run_gate(
        plain_site, options={**tools, "enabled": True, "cache_dir": str(tmp_path / "c")}, progress=False
    )
    assert result.exit_code != 0 and result.summary.not_checked == 1
    (finding,) = [f for f in result.findings if f.rule == "a11y.not-checked"]
    assert "de browsercontroles van Helder konden niet draaien (net::ERR_ABORTED)" in finding.message
    assert not any((tmp_path / "c").rglob("*.json"))  # a page that was not checked is never cached
