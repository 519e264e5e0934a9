"""`helder audit` on any built site folder, run from any folder (issue 11), with the real tools.

pa11y-ci and the browser-check script are found beside Helder's installation; without mkdocs.yml the defaults
apply; the project's page list is only used for the project's own site.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

BIN = Path(sys.executable).parent

PAGE = """<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Afval</title>
<style>a:focus-visible { outline: 3px solid #000; }</style></head>
<body>
<header><a href="#inhoud">Naar de inhoud</a></header>
<main id="inhoud">
<h1>Afval</h1>
<p>U zet de container op de dag van ophalen voor 7.30 uur aan de straat. Meer weten? Lees over
<a href="/grofvuil.html">grof afval laten ophalen</a>.</p>
</main>
</body>
</html>
"""


def _site(folder: Path) -> Path:
    site = folder / "uitvoer"
    site.mkdir(parents=True)
    (site / "index.html").write_text(PAGE, encoding="utf-8")
    (site / "grofvuil.html").write_text(
        PAGE.replace("<h1>Afval</h1>", "<h1>Grof afval</h1>"), encoding="utf-8"
    )
    return site


def _run(args: list[str], cwd: Path, browser: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "HELDER_NODE_MODULES"}
    return subprocess.run(
        [str(BIN / "helder"), "audit", *args, "--browser", str(browser), "--no-progress", "--format", "json"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
        check=False,
    )


def test_audit_a_site_folder_from_another_folder_without_mkdocs_yml(tmp_path, browser, node_modules):
    site = _site(tmp_path / "ergens")
    elsewhere = tmp_path / "werkmap"
    elsewhere.mkdir()
    done = _run([str(site)], elsewhere, browser)
    assert "niet geïnstalleerd" not in done.stderr
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    report = json.loads(done.stdout)
    assert report["summary"]["pages"] == 2 and report["summary"]["checked"] == 2
    assert report["settings"]["browser_checks"]["enabled"] is True
    # Defaults anchored beside the site folder, nothing written where the command ran.
    assert (site.parent / "helder-audit" / "audit.html").is_file()
    assert not any(elsewhere.iterdir())


def test_the_project_page_list_is_not_applied_to_another_site(tmp_path, browser, node_modules):
    project = tmp_path / "project"
    (project / ".helder").mkdir(parents=True)
    (project / "mkdocs.yml").write_text("site_name: Project\ndocs_dir: content\n", encoding="utf-8")
    (project / ".helder" / "pages.json").write_text(
        json.dumps({"/": "content/index.md", "/paspoort/": "content/paspoort.md"}), encoding="utf-8"
    )
    other = _site(tmp_path / "andere-site")
    done = _run([str(other), "--report-dir", str(tmp_path / "rapport")], project, browser)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    report = json.loads(done.stdout)
    assert report["summary"]["not_checked"] == 0
    assert sorted(page["path"] for page in report["pages"]) == [
        str(other / "grofvuil.html"),
        str(other / "index.html"),
    ]
