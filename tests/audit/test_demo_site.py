"""The demo site passes every gate in a real build, and so do the pages Helder makes for staff."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from helder.audit.gate import run_gate

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def demo_build(demo_copy: Path, tools: dict[str, str]) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """`mkdocs build --strict` of a copy of the demo site, with the real gate (results cached like `make site`)."""
    config = demo_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    marker = "        enabled: true"
    assert marker in text, "the demo site must switch the gate on"
    # The same gate as `make site`: the engines and Helder's browser checks (keyboard, focus, reflow, text
    # spacing, language, target size), results cached in the repository's cache like `make site`.
    extra = (
        f"\n        node_modules: {tools['node_modules']}\n        browser: {tools['browser']}"
        f"\n        cache_dir: {REPO / '.helder' / 'audit-cache'}"
    )
    config.write_text(text.replace(marker, marker + extra, 1), encoding="utf-8")
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict"],
        cwd=demo_copy,
        capture_output=True,
        text=True,
        timeout=1200,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "HOME": str(demo_copy)},
    )
    return demo_copy, result


def test_demo_site_builds_with_zero_findings_in_both_viewports(demo_build):
    root, result = demo_build
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads((root / "helder-audit" / "audit.json").read_text(encoding="utf-8"))
    assert report["passed"] is True and report["findings"] == []
    assert report["settings"]["browser_checks"]["enabled"] is True  # keyboard, focus, reflow ... ran too
    summary = report["summary"]
    assert summary["not_checked"] == 0 and summary["failed"] == 0
    assert summary["checked"] == summary["pages"] > 50
    assert summary["viewports"] == 2
    assert len(report["settings"].get("ignores", [])) <= 2


def test_demo_build_writes_feed_statement_and_dashboard(demo_build):
    root, result = demo_build
    assert result.returncode == 0
    assert (root / "site" / "samenwerkende-catalogi.xml").is_file()
    statement = (root / "site" / "toegankelijkheid" / "index.html").read_text(encoding="utf-8")
    assert "Status: B – voldoet gedeeltelijk" in statement
    # The gate of this very build, not "no result yet": the statement page was made before the gate ran.
    result_line = re.search(r'<p id="helder-gate-result">([^<]*)</p>', statement)
    assert result_line and re.match(
        r"De laatste controle was op \d+ \w+ 20\d\d\. Gecontroleerd: \d+ pagina", result_line.group(1)
    )
    assert "Fouten: 0." in result_line.group(1)
    assert "a11y." not in statement  # no rule codes for residents
    dashboard = (root / "helder-kwaliteit" / "index.html").read_text(encoding="utf-8")
    assert "Kwaliteit van de productpagina" in dashboard
    assert "Toegankelijkheid gecontroleerd op" in dashboard
    data = json.loads((root / "helder-kwaliteit" / "kwaliteit.json").read_text(encoding="utf-8"))
    assert data["totals"]["pages"] >= 18 and data["totals"]["a11y_errors"] == 0
    assert all(page["a11y"] == {"htmlcs": 0, "axe": 0, "not_checked": 0} for page in data["pages"])
    # Internal by default: not in the published site, not in the sitemap.
    assert not (root / "site" / "kwaliteit").exists()
    assert "kwaliteit" not in (root / "site" / "sitemap.xml").read_text(encoding="utf-8")


def test_dashboard_itself_passes_the_gate(demo_build, tools, tmp_path):
    root, result = demo_build
    assert result.returncode == 0
    gate = run_gate(
        root / "helder-kwaliteit",
        options={**tools, "enabled": True, "report_dir": str(tmp_path / "rapport"), "cache_dir": ""},
        project_root=root,
        progress=False,
    )
    assert gate.gate_error is None
    assert [f.rule for f in gate.findings] == []
    assert gate.summary.checked == gate.summary.pages >= 5  # overview and the filter pages
