"""The gate's pure parts, without a browser: options, ignores, messages, report parsing, pages, views."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from audit_helpers import SEARCH_FORM_IGNORE
from helder.audit.cli import read_site_config
from helder.audit.config import load_options
from helder.audit.explain import GENERIC, explain
from helder.audit.gate import collect_pages, finding_for_issue, normalise_url, run_gate
from helder.audit.ignores import find_ignore, rule_matches, selector_matches
from helder.audit.manifest import ManifestError, read_manifest, write_manifest
from helder.audit.report import render_html
from helder.audit.runner import Job, _map_report, _parse_report, pa11y_config
from helder.messages import text

H32 = "a11y.htmlcs.WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2"
SEARCH_FORM = {
    "code": "WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2",
    "runner": "htmlcs",
    "selector": "html > body > header > nav > div:nth-child(6) > div > form",
    "context": '<form class="md-search__form" name="search">\n <input type="text" class...</form>',
}


# --- options -------------------------------------------------------------------------------------------


def test_default_options() -> None:
    options = load_options({})
    assert options.enabled is False  # the plugin runs the gate only when the site switches it on
    assert options.browser == "/usr/bin/chromium"
    assert options.runners == ["htmlcs", "axe"] and options.standard == "WCAG2AA"
    assert [(v.name, v.width, v.height, v.is_mobile) for v in options.viewports] == [
        ("desktop", 1280, 1024, False),
        ("mobiel", 375, 812, True),
    ]
    assert options.concurrency == 4 and options.timeout == 30 and options.run_timeout == 0
    assert options.cache_dir == ".helder/audit-cache" and options.manifest == ".helder/pages.json"
    assert options.ignores == [] and options.include_warnings is False


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"ignores": [{"rule": "a11y.axe.region"}]}, "reason"),
        ({"ignores": [{"rule": "a11y.axe.region", "reason": "  "}]}, "Mag niet leeg zijn"),
        ({"viewports": [{"name": "a"}, {"name": "a"}]}, "andere naam"),
        ({"timeout": 0}, "groter dan 0"),
        ({"runners": []}, "minstens één runner"),
        ({"runners": ["lighthouse"]}, "Expected one of"),
        ({"port": 70000}, "tussen 0 en 65535"),
    ],
)
def test_invalid_options_are_refused(data: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        load_options(data)


def test_numbers_accept_int_and_float() -> None:
    assert load_options({"timeout": 2.5, "run_timeout": 90}).timeout == 2.5


# --- ignores -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (H32, True),
        ("htmlcs.WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2", True),  # a11y. prefix optional
        ("a11y.htmlcs.H32.2", True),  # technique only, any standard
        ("a11y.htmlcs.H32", True),  # prefix of the technique at a dot
        ("a11y.htmlcs.WCAG2AA.Principle3", True),  # prefix of the code at a dot
        ("a11y.htmlcs.H3", False),  # not at a dot
        ("a11y.axe.H32.2", False),
        ("a11y.htmlcs.H32.22", False),
    ],
)
def test_rule_matches(pattern: str, expected: bool) -> None:
    assert rule_matches(pattern, H32) is expected


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        (SEARCH_FORM["selector"], True),  # pa11y's own selector
        ("form.md-search__form", True),
        (".md-search__form", True),
        ("form[name=search]", True),
        ('form[name="search"]', True),
        ("form[name^=sea]", True),
        ("div.md-search__form", False),
        ("form.md-header__option", False),
        ("form[data-md-component=palette], form.md-search__form", True),  # any of a list
        ("#__toc", False),
    ],
)
def test_selector_matches_the_elements_opening_tag(selector: str, expected: bool) -> None:
    assert selector_matches(selector, SEARCH_FORM) is expected


def test_find_ignore_needs_rule_and_selector() -> None:
    assert find_ignore([SEARCH_FORM_IGNORE], H32, SEARCH_FORM) is SEARCH_FORM_IGNORE
    palette = {**SEARCH_FORM, "context": '<form class="md-header__option" data-md-component="palette">'}
    assert find_ignore([SEARCH_FORM_IGNORE], H32, palette) is SEARCH_FORM_IGNORE
    other_form = {**SEARCH_FORM, "context": '<form action="/zoek">'}
    assert find_ignore([SEARCH_FORM_IGNORE], H32, other_form) is None
    assert find_ignore([SEARCH_FORM_IGNORE], "a11y.axe.label", SEARCH_FORM) is None


# --- messages and findings -----------------------------------------------------------------------------


def test_explanations() -> None:
    def problem(runner: str, code: str) -> str:
        return text("nl", explain(runner, code)[0])

    assert problem("htmlcs", "WCAG2AA.Principle1.Guideline1_1.1_1_1.H37").startswith("Een afbeelding")
    checkbox, specific = explain("htmlcs", "WCAG2AA.Principle4.Guideline4_1.4_1_2.H91.InputCheckbox.Name")
    assert specific and "invoerveld" in text("nl", checkbox)
    assert problem("axe", "color-contrast").startswith("De tekst heeft te weinig contrast")
    assert text("en", explain("axe", "color-contrast")[0]).startswith("The text has too little contrast")
    assert explain("axe", "nieuwe-regel") == (GENERIC, False)
    assert explain("htmlcs", "WCAG2AA.Principle9.X.Y.Z99") == (GENERIC, False)


def test_finding_for_issue_is_dutch_and_points_at_the_source() -> None:
    issue = {
        "code": "image-alt",
        "type": "error",
        "runner": "axe",
        "message": "Images must have alternative text (https://dequeuniversity.com/rules/axe/4.11/image-alt)",
        "selector": "#main > p > img",
        "context": '<img   src="kaart.png">',
        "runnerExtras": {"needsFurtherReview": False},
    }
    finding = finding_for_issue("content/paspoort.md", issue, ["desktop", "mobiel"])
    assert finding.path == "content/paspoort.md" and finding.line is None
    assert finding.rule == "a11y.axe.image-alt" and finding.severity.value == "error"
    assert finding.message == (
        "Een afbeelding heeft geen tekstalternatief. Wie niet kan zien, weet niet wat erop staat. "
        'Scherm: desktop en mobiel. Element: #main > p > img — HTML: <img src="kaart.png">'
    )
    assert finding.suggestion.startswith("Beschrijf de afbeelding kort in de alt-tekst")

    unknown = finding_for_issue(
        "x.md",
        {**issue, "code": "nieuwe-regel", "type": "warning", "runnerExtras": {"needsFurtherReview": True}},
        ["mobiel"],
    )
    assert unknown.severity.value == "warning"
    assert "melding van axe: Images must have alternative text" in unknown.message
    assert "dequeuniversity" not in unknown.message
    assert "controleer het zelf" in unknown.message


# --- pa11y-ci: config and report -----------------------------------------------------------------------


DESKTOP = {"name": "desktop", "width": 1280, "height": 1024, "is_mobile": False}
MOBILE = {"name": "mobiel", "width": 375, "height": 812, "is_mobile": True}


def test_pa11y_config() -> None:
    jobs = [Job("/a/", DESKTOP), Job("/a/", MOBILE)]
    config = pa11y_config(
        jobs,
        base_url="http://127.0.0.1:9",
        browser=Path("/usr/bin/chromium"),
        standard="WCAG2AA",
        runners=["htmlcs", "axe"],
        concurrency=4,
        timeout_s=2.5,
        include_warnings=False,
        include_notices=False,
    )
    defaults = config["defaults"]
    assert defaults["useIncognitoBrowserContext"] is False  # pa11y-ci issue #354
    assert defaults["timeout"] == 2500 and defaults["concurrency"] == 4
    assert "--disable-background-networking" in defaults["chromeLaunchConfig"]["args"]
    assert config["urls"] == [
        {"url": "http://127.0.0.1:9/a/?helder-viewport=desktop", "viewport": {"width": 1280, "height": 1024}},
        {
            "url": "http://127.0.0.1:9/a/?helder-viewport=mobiel",
            "viewport": {"width": 375, "height": 812, "isMobile": True, "hasTouch": True},
        },
    ]


def test_report_parsing_fails_closed() -> None:
    base = "http://127.0.0.1:9"
    ok, broken, missing, redirected = (
        Job("/ok/", DESKTOP),
        Job("/kapot/", DESKTOP),
        Job("/weg/", DESKTOP),
        Job("/map", DESKTOP),
    )
    issue = {"code": "image-alt", "runner": "axe", "type": "error"}
    report = {
        "total": 4,
        "passes": 2,
        "errors": 1,
        "results": {
            f"{base}/ok/?helder-viewport=desktop": [issue],
            f"{base}/kapot/?helder-viewport=desktop": [{"message": "net::ERR_EMPTY_RESPONSE"}],
            f"{base}/map/?helder-viewport=desktop": [],  # after a redirect to the trailing slash
            f"{base}/vreemd/?helder-viewport=desktop": [],
        },
    }
    issues, errors = _map_report(report, [ok, broken, missing, redirected], base)
    assert issues == {ok: [issue], redirected: []}
    assert errors == {broken: "net::ERR_EMPTY_RESPONSE"}
    assert missing not in issues and missing not in errors


def test_parse_report() -> None:
    data = {"total": 1, "passes": 1, "errors": 0, "results": {"u": []}}
    assert _parse_report(json.dumps(data)) == data
    assert _parse_report("Een logregel\n" + json.dumps(data) + "\n") == data
    assert _parse_report("") is None
    assert _parse_report("Error: kapot") is None
    assert _parse_report('{"niet": "een rapport"}') is None


# --- pages, manifest, CLI config -----------------------------------------------------------------------


def test_collect_pages_maps_sources_and_keeps_stale_entries(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for rel in ("index.html", "a/index.html", "404.html", "assets/x.css"):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text("x", encoding="utf-8")
    pages = collect_pages(
        site, {"": "content/index.md", "a/": "content/a.md", "/weg/": "content/weg.md"}, tmp_path
    )
    assert [(p.url, p.path, p.html is not None) for p in pages] == [
        ("/", "content/index.md", True),
        ("/404.html", "site/404.html", True),
        ("/a/", "content/a.md", True),
        ("/weg/", "content/weg.md", False),
    ]
    assert normalise_url("burgerzaken/paspoort/#kosten") == "/burgerzaken/paspoort/"
    assert normalise_url("./") == normalise_url("") == "/"


def test_manifest_round_trip(tmp_path: Path) -> None:
    path = tmp_path / ".helder" / "pages.json"
    assert read_manifest(path) is None
    write_manifest(path, {"/b/": "content/b.md", "/": "content/index.md"})
    assert read_manifest(path) == {"/": "content/index.md", "/b/": "content/b.md"}
    path.write_text('{"pages": {"/": "content/index.md"}}', encoding="utf-8")
    assert read_manifest(path) == {"/": "content/index.md"}
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(ManifestError) as caught:
        read_manifest(path)
    assert caught.value.msg.pair("nl")[1] == "Bouw de site opnieuw."


def test_cli_reads_options_from_mkdocs_yml(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\nsite_dir: !ENV [SITE_DIR, public]\nmarkdown_extensions:\n"
        "  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "plugins:\n  - search\n  - helder:\n      audit:\n        concurrency: 2\n",
        encoding="utf-8",
    )
    found = read_site_config(config)
    assert found.audit == {"concurrency": 2} and found.lang == "nl" and found.rules is None
    assert found.site_dir == Path("site")  # an !ENV value is not resolved here: the default is used


# --- run_gate without a browser ------------------------------------------------------------------------


def test_disabled_gate_does_nothing(tmp_path: Path) -> None:
    result = run_gate(tmp_path / "nergens", options={"enabled": False}, project_root=tmp_path)
    assert result.exit_code == 0 and result.findings == [] and result.report_dir is None


def test_missing_site_is_a_gate_error(tmp_path: Path) -> None:
    result = run_gate(tmp_path / "site", options={"enabled": True}, project_root=tmp_path)
    assert result.exit_code == 2
    assert result.gate_error is not None
    assert result.gate_error.pair("nl")[1] == "Bouw de site eerst met 'mkdocs build'."


def test_report_dir_inside_the_site_is_refused(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<html></html>", encoding="utf-8")
    options = {"enabled": True, "report_dir": "site/rapport"}
    result = run_gate(tmp_path / "site", options=options, project_root=tmp_path)
    assert result.exit_code == 2 and "mee online gaan" in str(result.gate_error)
    assert not (tmp_path / "site" / "rapport").exists()


def test_html_report_escapes_and_is_dutch() -> None:
    data = {
        "created": "2026-11-29T12:00:00+00:00",
        "passed": False,
        "gate_error": None,
        "summary": {
            "pages": 1,
            "passed": 0,
            "failed": 1,
            "not_checked": 0,
            "errors": 1,
            "warnings": 0,
            "ignored": 0,
        },
        "settings": {
            "standard": "WCAG2AA",
            "runners": ["axe"],
            "viewports": [DESKTOP],
            "versions": {"axe-core": "4"},
        },
        "findings": [
            {
                "path": "content/a.md",
                "url": "/a/",
                "rule": "a11y.axe.image-alt",
                "severity": "error",
                "problem": "Een afbeelding <zonder> tekst.",
                "message": "m",
                "suggestion": "Schrijf alt-tekst.",
                "viewports": ["desktop"],
                "selector": "img",
                "context": '<img src="x.png" onerror="alert(1)">',
            }
        ],
        "ignored": [],
        "pages": [
            {
                "url": "/a/",
                "path": "content/a.md",
                "status": "failed",
                "viewports": {"desktop": "failed"},
            }
        ],
    }
    html = render_html(data)
    assert html.startswith('<!doctype html>\n<html lang="nl">')
    assert "<img" not in html and "&lt;img src=&#34;x.png&#34; onerror=&#34;alert(1)&#34;&gt;" in html
    assert "Een afbeelding &lt;zonder&gt; tekst." in html
    assert "Afgekeurd: los de fouten hieronder op" in html
    assert html.count("<h1>") == 1 and '<th scope="col">Hoe lost u het op?</th>' in html
    assert "<td>afgekeurd</td><td>desktop: afgekeurd</td>" in html
