"""The gate never passes a page it did not test, and never leaves Chromium behind (issue 15, items 6 and 7).

Real builds, a real HTTP server, real pa11y-ci and Chromium. The one outside event made on purpose is the kill
of pa11y-ci by its PID while it runs, as a CI time-out or the out-of-memory killer does.
"""

from __future__ import annotations

import os
import shutil
import signal
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from audit_helpers import SEARCH_FORM_IGNORE, build_site, page_map
from helder.audit.config import load_options
from helder.audit.gate import run_gate
from helder.audit.manifest import read_manifest
from helder.audit.result import PageStatus
from helder.audit.runner import GateError, Job, find_tools, processes_using, run_pa11y_ci
from helder.audit.server import SiteServer
from sitelib import GOOD_PRODUCT, SiteDir

pytestmark = pytest.mark.browser
DESKTOP = {"name": "desktop", "width": 1280, "height": 1024}

PAGES = {
    "index.md": "# Gemeente Voorbeeld\n\nLees hoe u een [paspoort aanvraagt](paspoort.md).\n",
    "paspoort.md": "# Paspoort aanvragen\n\nU vraagt een paspoort aan bij de balie.\n",
}


def _options(tools: dict[str, str], tmp: Path) -> Any:
    """The gate at one viewport: these tests are about which page was checked, not about its layout (each
    viewport is a second page load)."""
    return load_options(
        {
            **tools,
            "enabled": True,
            "timeout": 20,
            "ignores": [SEARCH_FORM_IGNORE],
            "cache_dir": "",
            "viewports": [{"name": "desktop", "width": 1280, "height": 1024}],
        }
    )


# --- item 6: the page itself, or "not checked" ---------------------------------------------------------------


def test_a_folder_without_its_page_is_a_404_never_a_listing(tmp_path):
    site = build_site(tmp_path / "project", PAGES, overrides=None)
    (site / "paspoort" / "index.html").unlink()
    with SiteServer(site) as server:
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.urlopen(server.base_url + "/paspoort/", timeout=10)
        assert answer.value.code == 404
        with urllib.request.urlopen(server.base_url + "/", timeout=10) as home:
            assert home.status == 200
        assert server.serves_page("/", "/") and not server.serves_page("/paspoort/", "/paspoort/")


def test_a_page_removed_after_the_build_is_not_checked_and_fails_the_gate(tmp_path, tools):
    root = tmp_path / "project"
    site = build_site(root, PAGES, overrides=None)
    (site / "paspoort" / "index.html").unlink()
    result = run_gate(
        site, pages=page_map(PAGES), options=_options(tools, root), project_root=root, progress=False
    )
    statuses = {page.url: page.status for page in result.pages}
    # The home page is tested (plain Material has findings of its own); the removed page is not.
    assert statuses["/paspoort/"] is PageStatus.NOT_CHECKED and statuses["/"] is not PageStatus.NOT_CHECKED
    assert result.exit_code != 0
    missing = [f for f in result.findings if f.path == "content/paspoort.md"]
    assert missing and all(f.rule == "a11y.not-checked" for f in missing), missing
    assert "HTTP 404" in missing[0].message


def test_another_page_at_a_pages_address_is_not_checked(tmp_path, tools):
    # A real Helder build: every page carries the marker of its own address.
    project = SiteDir(tmp_path / "helder")
    project.page(
        "index.md", "---\ntype: page\ntitle: Home\nsummary: De start.\n---\n# Home\n\nWelkom op de site.\n"
    )
    project.page("paspoort.md", GOOD_PRODUCT)
    assert project.build().code == 0
    site = project.root / "site"
    assert '<meta name="helder-page" content="/paspoort/">' in project.html("paspoort/index.html")
    shutil.copy(
        site / "index.html", site / "paspoort" / "index.html"
    )  # the home page at the product's address
    manifest = read_manifest(project.root / ".helder" / "pages.json") or {}
    pages = {url: source for url, source in manifest.items() if url in ("/", "/paspoort/")}
    assert len(pages) == 2
    result = run_gate(
        site, pages=pages, options=_options(tools, project.root), project_root=project.root, progress=False
    )
    statuses = {page.url: page.status for page in result.pages}
    assert statuses["/paspoort/"] is PageStatus.NOT_CHECKED and statuses["/"] is not PageStatus.NOT_CHECKED
    finding = next(f for f in result.findings if f.path == "content/paspoort.md")
    assert "gaf niet de gebouwde pagina zelf terug" in finding.message
    assert result.exit_code != 0
    assert result.summary.retried == 0  # the same address gives the same other page again: no second try


# --- item 7: no Chromium left behind ------------------------------------------------------------------------


def _my_pa11y() -> list[tuple[int, Path]]:
    """The pa11y-ci that this test process started, with its temp folder (from `--config <tmp>/...`)."""
    found = []
    for pid in processes_using(Path("pa11y-ci")):
        try:
            args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            parent = int(Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if parent != os.getpid():
            continue
        config = next((a.decode() for a in args if a.endswith(b"/pa11y-ci.json")), None)
        if config and "/helder-audit-" in config:
            found.append((pid, Path(config).parent))
    return found


def test_chromium_and_its_profile_go_when_pa11y_ci_is_killed(tmp_path, tools):
    root = tmp_path / "project"
    site = build_site(root, PAGES, overrides=None)
    found: dict[str, Any] = {}

    def kill_pa11y_when_it_tests(event: str, url: str) -> None:
        if event != "begin" or found:
            return
        mine = _my_pa11y()
        assert len(mine) == 1
        pid, tmp = mine[0]
        found.update(pid=pid, tmp=tmp, chromium=[p for p in processes_using(tmp / "profile") if p != pid])
        os.kill(pid, signal.SIGKILL)

    tool_set = find_tools(root, browser=tools["browser"], node_modules=tools["node_modules"])
    with SiteServer(site) as server, pytest.raises(GateError):
        run_pa11y_ci(
            [Job("/", DESKTOP), Job("/paspoort/", DESKTOP)],
            tools=tool_set,
            base_url=server.base_url,
            standard="WCAG2AA",
            runners=["axe"],
            concurrency=1,
            timeout_s=20,
            on_progress=kill_pa11y_when_it_tests,
        )
    assert found, "pa11y-ci never started testing"
    assert found["chromium"], "no Chromium was running with the run's own profile folder"
    assert processes_using(found["tmp"]) == []  # no Chromium (or anything else) uses the run's folder
    for pid in found["chromium"]:
        assert not Path(f"/proc/{pid}").exists() or b") Z" in Path(f"/proc/{pid}/stat").read_bytes()
    assert not found["tmp"].exists()  # the profile folder went with the run's temp folder


# --- item 2: the browser records every request a page makes ---------------------------------------------------


def test_a_request_to_another_host_is_a_finding_of_the_browser_check(tmp_path, tools):
    # Built without Helder's plugin (whose cleaners would remove the image): the browser check is the last line.
    pages = {
        **PAGES,
        "teller.md": '# Teller\n\nWelkom.\n\n<img src="http://127.0.0.2:9/teller.png" alt="Bezoekersteller">\n',
    }
    root = tmp_path / "project"
    site = build_site(root, pages, overrides=None)
    result = run_gate(
        site, pages=page_map(pages), options=_options(tools, root), project_root=root, progress=False
    )
    found = [f for f in result.findings if f.rule == "a11y.third-party-request"]
    assert found and {f.path for f in found} == {"content/teller.md"}, [f.path for f in found]
    assert "http://127.0.0.2:9" in found[0].message
    assert found[0].severity.value == "error"
    assert found[0].message.startswith("Deze pagina haalt iets op bij een andere website dan de eigen site.")


def test_a_request_that_starts_during_the_checks_is_a_finding_too(tmp_path, tools):
    # The image is asked for only when the link gets focus: during the Tab walk, after pa11y loaded the page and
    # after the checks read what it had loaded. Only their watch of requests can see it.
    script = (
        "<script>document.getElementById('lees-uitleg').addEventListener('focus', () => "
        "{ new Image().src = 'http://127.0.0.3:8/focus.png'; }, {once: true});</script>"
    )
    pages = {
        **PAGES,
        "uitleg.md": f'# Uitleg\n\n<a id="lees-uitleg" href="#">Lees de uitleg</a>\n\n{script}\n',
    }
    root = tmp_path / "project"
    site = build_site(root, pages, overrides=None)
    result = run_gate(
        site, pages=page_map(pages), options=_options(tools, root), project_root=root, progress=False
    )
    found = [f for f in result.findings if f.rule == "a11y.third-party-request"]
    assert [f.path for f in found] == ["content/uitleg.md"]
    assert "http://127.0.0.3:8" in found[0].message


def test_the_checks_chromium_goes_when_their_script_is_killed(tmp_path, tools):
    from helder.audit.browser import ChecksRun

    root = tmp_path / "project"
    site = build_site(root, PAGES, overrides=None)
    tool_set = find_tools(root, browser=tools["browser"], node_modules=tools["node_modules"])
    seen: dict[str, Any] = {}

    def kill_script(event: str, job: Job) -> None:
        if event != "begin" or seen:
            return
        run_dir = Path(run._tmp.name)  # type: ignore[union-attr]
        seen.update(tmp=run_dir, chromium=processes_using(run_dir / "profile"))
        os.kill(run._process.pid, signal.SIGKILL)  # type: ignore[union-attr]

    with SiteServer(site) as server:
        jobs = [Job("/", DESKTOP), Job("/paspoort/", DESKTOP)]
        run = ChecksRun(  # the crop pass: the one that starts a Chromium of its own
            jobs,
            tools=tool_set,
            base_url=server.base_url,
            concurrency=1,
            timeout_s=20,
            mode="crop",
            crops={job: ["h1"] for job in jobs},
            on_progress=kill_script,
        )
        run.start()
        with pytest.raises(GateError):
            run.finish()
    assert seen and seen["chromium"], "no Chromium ran with the run's own profile folder"
    assert processes_using(seen["tmp"]) == []
    assert not seen["tmp"].exists()
