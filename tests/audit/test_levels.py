"""Levels (`rules:` in mkdocs.yml) for the gate's own rule ids: accepted by the build, `helder check` and `helder
audit`, applied once before the report is written, so the report, the summary and the exit code agree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sitelib import BIN, GOOD_PRODUCT, REPO, SiteDir, mkdocs_yml

OVERRIDES = REPO / "overrides"

pytestmark = pytest.mark.browser

#: Levels do not depend on the screen: one viewport (each one is a second page load per page).
DESKTOP = "[{name: desktop, width: 1280, height: 1024}]"

IMAGE = '\n<p><img src="kaart.png"></p>\n'  # an image without alt text: axe image-alt and htmlcs H37 errors


def raw_site(root: Path, rules: str, node_modules: str) -> SiteDir:
    """A built site folder (plain HTML) and a mkdocs.yml with only the gate's settings and levels."""
    site = SiteDir.__new__(SiteDir)
    site.root = root
    site.write(
        "site/index.html",
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Kaart</title></head>'
        f"<body><main><h1>Kaart</h1>{IMAGE}</main></body></html>",
    )
    site.write(
        "mkdocs.yml",
        f"site_name: t\nplugins:\n  - helder:\n      rules: {rules}\n"
        f"      audit:\n        node_modules: {node_modules}\n        cache_dir: ''\n        viewports: {DESKTOP}\n",
    )
    return site


def test_audit_applies_levels_before_its_report(tmp_path, tools):
    site = raw_site(tmp_path, "{a11y.axe.image-alt: warning, a11y.htmlcs.H37: ignore}", tools["node_modules"])
    result = site.run(str(BIN / "helder"), "audit", "site", "--no-progress")
    assert result.code == 0, result.text
    report = json.loads((tmp_path / "helder-audit" / "audit.json").read_text(encoding="utf-8"))
    assert report["passed"] is True and report["exit_code"] == 0
    assert [(f["rule"], f["severity"]) for f in report["findings"]] == [("a11y.axe.image-alt", "warning")]
    assert report["summary"]["errors"] == 0 and report["summary"]["warnings"] == 1
    assert report["pages"][0]["status"] == "passed"
    assert "Goedgekeurd: geen fouten gevonden." in (tmp_path / "helder-audit" / "audit.html").read_text(
        encoding="utf-8"
    )


def test_audit_without_levels_fails_on_the_same_site(tmp_path, tools):
    site = raw_site(tmp_path, "{}", tools["node_modules"])
    result = site.run(str(BIN / "helder"), "audit", "site", "--no-progress")
    assert result.code == 1
    report = json.loads((tmp_path / "helder-audit" / "audit.json").read_text(encoding="utf-8"))
    assert report["summary"]["errors"] == 2 and report["pages"][0]["status"] == "failed"


@pytest.mark.parametrize("levels", ["", ", a11y.axe.image-alt: warning, a11y.htmlcs.H37: info"])
def test_the_build_and_its_report_agree(site, tools, levels):
    code = 0 if levels else 1
    # The image is what this test is about: the Markdown rule that would refuse it first is switched off, and
    # so is the search form's result that every Material site has (the demo ignores it, with its reason).
    rules = f"rules: {{markdown.image-alt: ignore, markdown.missing-file: ignore, a11y.htmlcs.H32.2: ignore{levels}}}"
    audit = f"audit:\n  enabled: true\n  node_modules: {tools['node_modules']}\n  cache_dir: ''\n  viewports: {DESKTOP}\n"
    config = mkdocs_yml(helder=f"{rules}\n{audit}")
    site.write("mkdocs.yml", config.replace("  font: false\n", f"  font: false\n  custom_dir: {OVERRIDES}\n"))
    site.page("index.md", GOOD_PRODUCT + IMAGE)
    result = site.build()
    assert result.code == code, result.text
    report = json.loads((site.root / "helder-audit" / "audit.json").read_text(encoding="utf-8"))
    assert report["exit_code"] == code
    assert report["summary"]["errors"] == (2 if code else 0)
    found = {(f["rule"].rsplit(".", 1)[-1], f["severity"]) for f in report["findings"]}
    assert found == (
        {("image-alt", "error"), ("H37", "error")} if code else {("image-alt", "warning"), ("H37", "info")}
    )


@pytest.mark.parametrize("command", ["check", "audit", "build"])
def test_a_misspelt_rule_id_is_refused_with_the_closest_real_one(site, command, tools):
    site.write("mkdocs.yml", mkdocs_yml(helder="rules:\n  a11y.axe.regoin: warning\n"))
    site.page("index.md", GOOD_PRODUCT)
    # A setting problem: exit 2 for every command, the build too (issue 15).
    result = site.build() if command == "build" else site.run(str(BIN / "helder"), command)
    assert result.code == 2
    assert 'de regel "a11y.axe.regoin". Die regel bestaat niet. Bedoelt u "a11y.axe.region"?' in result.text


def test_real_gate_ids_are_accepted_by_check(site):
    site.write(
        "mkdocs.yml",
        mkdocs_yml(
            helder="rules:\n  a11y.axe.region: warning\n  a11y.not-checked: error\n  a11y.axe.*: warning\n"
        ),
    )
    site.page("index.md", GOOD_PRODUCT)
    result = site.check()
    assert result.code == 0, result.text
