"""The accessibility gate end to end: real MkDocs builds, real Chromium, real pa11y-ci, a real HTTP server.

Each test checks what a user notices: which file a finding points at, the Dutch message, the exit code and the
report. Fakes are only used for what real tools cannot be made to do on demand (a crashing pa11y-ci).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from audit_helpers import PNG, SEARCH_FORM_IGNORE, audit_block, build_site, page_map
from click.testing import CliRunner
from helder.audit.cli import audit
from helder.audit.config import load_options
from helder.audit.gate import run_gate
from helder.audit.result import PageStatus
from helder.audit.rules import NOT_CHECKED as NOT_CHECKED_RULE
from helder.audit.server import SiteRequestHandler
from helder.findings import format_text

pytestmark = pytest.mark.browser

GOOD = {
    "index.md": """\
        # Gemeente Voorbeeld

        Hier leest u hoe u een [paspoort aanvraagt](paspoort.md). Bel ons op [14 020](tel:14020).

        ## Hulp nodig?

        | Wat | Waar |
        |---|---|
        | Paspoort | Balie |

        !!! note "Let op"
            Neem uw oude paspoort mee.
        """,
    "paspoort.md": """\
        # Paspoort aanvragen

        Deze pagina heeft geen tussenkopjes, dus ook geen inhoudsopgave.
        """,
}

BAD = {
    "slecht.md": """\
        # Slechte pagina

        <img src="../kaart.png">

        <p style="color: #b0b0b0; background: #ffffff">Deze tekst is bijna niet te lezen.</p>

        <p><a href="https://www.voorbeeld.nl/leeg"></a></p>

        <p><input type="text" name="postcode"></p>
        """,
}


def _options(tools: dict[str, str], tmp: Path, **extra: Any) -> Any:
    data = {
        **tools,
        "enabled": True,
        # This module tests the pa11y-ci side of the gate; Helder's own browser checks have their own tests
        # (test_browser_checks.py), and the stock theme's mobile menu does not pass them yet.
        "browser_checks": False,
        "concurrency": 4,
        "timeout": 20,
        "ignores": [SEARCH_FORM_IGNORE],
        "cache_dir": str(tmp / "cache"),
        **extra,
    }
    return load_options(data)


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory, tools: dict[str, str]) -> dict[str, Any]:
    """One site with good and bad pages, audited once at both viewports; several tests read the result."""
    root = tmp_path_factory.mktemp("mixed") / "project"
    pages = {**GOOD, **BAD}
    site = build_site(root, pages)
    (site / "kaart.png").write_bytes(PNG)
    options = _options(tools, root)
    started = time.monotonic()
    result = run_gate(site, pages=page_map(pages), options=options, project_root=root, progress=False)
    return {"root": root, "site": site, "result": result, "seconds": time.monotonic() - started}


def test_bad_page_fails_with_findings_on_its_source(audited: dict[str, Any]) -> None:
    result = audited["result"]
    assert result.gate_error is None
    assert result.exit_code == 1
    bad = [f for f in result.findings if f.path == "content/slecht.md"]
    rules = {f.rule for f in bad}
    # Each known defect is found, by at least one of the two runners, on the Markdown source.
    assert {"a11y.axe.image-alt", "a11y.htmlcs.WCAG2AA.Principle1.Guideline1_1.1_1_1.H37"} & rules
    assert "a11y.axe.color-contrast" in rules
    assert "a11y.axe.link-name" in rules
    assert "a11y.axe.label" in rules
    alt = next(f for f in bad if f.rule == "a11y.axe.image-alt")
    assert alt.severity.value == "error" and alt.line is None
    assert alt.message.startswith("Een afbeelding heeft geen tekstalternatief.")
    assert "Scherm: desktop en mobiel" in alt.message
    assert '<img src="../kaart.png">' in alt.message
    assert "alt-tekst" in alt.suggestion
    assert format_text(alt).startswith("Fout: content/slecht.md: [a11y.axe.image-alt] Een afbeelding")
    page = next(p for p in result.pages if p.path == "content/slecht.md")
    assert page.status is PageStatus.FAILED


def test_good_material_pages_pass_at_both_viewports_with_one_ignore(audited: dict[str, Any]) -> None:
    result = audited["result"]
    for source in ("content/index.md", "content/paspoort.md"):
        assert [format_text(f) for f in result.findings if f.path == source] == []
        page = next(p for p in result.pages if p.path == source)
        assert page.viewports == {"desktop": PageStatus.PASSED, "mobiel": PageStatus.PASSED}
    # The search form is the only thing ignored, and every ignore is listed with its reason.
    assert result.ignored
    assert {i.rule for i in result.ignored} == {"a11y.htmlcs.WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2"}
    assert all(i.reason == SEARCH_FORM_IGNORE["reason"] for i in result.ignored)
    assert result.summary.ignored == len(result.ignored)
    # 404.html is published too, so it is audited, under its HTML path.
    assert any(p.url == "/404.html" and p.status is PageStatus.PASSED for p in result.pages)


def test_reports_are_written_beside_the_site_and_are_accessible(audited: dict[str, Any]) -> None:
    result, site = audited["result"], audited["site"]
    assert result.report_dir == site.parent / "helder-audit"
    assert not (site / "audit.html").exists()
    data = json.loads((result.report_dir / "audit.json").read_text(encoding="utf-8"))
    assert data["summary"]["failed"] == 1 and data["summary"]["passed"] == 3
    assert data["ignored"][0]["reason"] == SEARCH_FORM_IGNORE["reason"]
    assert any(f["path"] == "content/slecht.md" and f["selector"] for f in data["findings"])
    html = (result.report_dir / "audit.html").read_text(encoding="utf-8")
    assert html.startswith('<!doctype html>\n<html lang="nl">')
    assert "<h1>" in html and '<th scope="col">Wat is er mis?</th>' in html
    assert "&lt;img src=&#34;../kaart.png&#34;&gt;" in html  # the failing HTML, escaped
    assert "<img src=" not in html
    assert "http://" not in html.replace("https://dequeuniversity.com", "")


def test_html_report_itself_passes_the_gate(
    audited: dict[str, Any], tools: dict[str, str], tmp_path: Path
) -> None:
    """The report goes to communication staff: it must meet the same standard, without any ignore."""
    site = tmp_path / "report-site"
    site.mkdir()
    (site / "index.html").write_bytes((audited["result"].report_dir / "audit.html").read_bytes())
    options = load_options({**tools, "enabled": True, "cache_dir": ""})
    result = run_gate(site, options=options, project_root=tmp_path, progress=False, write_reports=False)
    assert result.exit_code == 0, [format_text(f) for f in result.findings]


def test_cli_text_output_exit_codes_and_cache(audited: dict[str, Any], tools: dict[str, str]) -> None:
    """`helder audit` with the plugin options in mkdocs.yml: text output, exit 1, all results from cache."""
    root: Path = audited["root"]
    config = root / "mkdocs-helder.yml"
    config.write_text(
        "site_name: x\ndocs_dir: content\nplugins:\n  - search\n  - helder:\n"
        + audit_block(tools, root / "cache", "        browser_checks: false\n"),
        encoding="utf-8",
    )
    (root / ".helder").mkdir(exist_ok=True)
    (root / ".helder" / "pages.json").write_text(json.dumps(page_map({**GOOD, **BAD})), encoding="utf-8")
    result = CliRunner().invoke(audit, ["--config", str(config), "--no-progress"], catch_exceptions=False)
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert any(
        line.startswith("Fout: content/slecht.md: [a11y.axe.image-alt] Een afbeelding") for line in lines
    )
    assert not any("content/index.md" in line for line in lines)
    assert "4 pagina's, 3 goedgekeurd, 1 afgekeurd, 0 niet gecontroleerd" in result.stdout
    assert "8 van 8 resultaten uit de cache" in result.stdout


def test_only_the_edited_page_is_tested_again(
    site_builder: Any, tools: dict[str, str], tmp_path: Path
) -> None:
    pages = {
        "index.md": "# Start\n\nWelkom.\n",
        "a.md": "# Pagina A\n\nTekst A.\n",
        "b.md": "# Pagina B\n\nTekst B.\n",
    }
    site, mapping = site_builder(pages)
    options = _options(tools, tmp_path, viewports=[{"name": "desktop", "width": 1280, "height": 1024}])
    first = run_gate(site, pages=mapping, options=options, project_root=tmp_path, progress=False)
    assert first.exit_code == 0, [format_text(f) for f in first.findings]
    assert (first.summary.from_cache, first.summary.tested) == (0, 4)

    site, mapping = site_builder({**pages, "b.md": "# Pagina B\n\nTekst B, nu anders.\n"})
    second = run_gate(site, pages=mapping, options=options, project_root=tmp_path, progress=False)
    assert second.exit_code == 0
    assert (second.summary.from_cache, second.summary.tested) == (3, 1)

    # A theme change (any CSS or JS file) invalidates every page.
    css = site / "assets" / "stylesheets" / "helder.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* changed */\n", encoding="utf-8")
    third = run_gate(site, pages=mapping, options=options, project_root=tmp_path, progress=False)
    assert (third.summary.from_cache, third.summary.tested) == (0, 4)


class _FaultyHandler(SiteRequestHandler):
    """Real pages, except /kapot/ (500) and /weg/ (connection closed without an answer)."""

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        if self.path.startswith("/kapot/"):
            self.send_error(500, "Kapot")
        elif self.path.startswith("/weg/"):
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
        else:
            super().do_GET()


def test_pages_that_do_not_load_fail_as_not_checked(
    site_builder: Any, tools: dict[str, str], tmp_path: Path
) -> None:
    pages = {"index.md": "# Start\n\nWelkom.\n", "kapot.md": "# Kapot\n\nx\n", "weg.md": "# Weg\n\nx\n"}
    site, mapping = site_builder(pages)
    mapping["/bestaat-niet/"] = "content/bestaat-niet.md"  # stale manifest entry: 404
    options = _options(tools, tmp_path, viewports=[{"name": "desktop", "width": 1280, "height": 1024}])
    result = run_gate(
        site,
        pages=mapping,
        options=options,
        project_root=tmp_path,
        progress=False,
        server_handler=_FaultyHandler,
    )
    assert result.gate_error is None
    assert result.exit_code == 1
    missing = {f.path: f for f in result.findings if f.rule == NOT_CHECKED_RULE}
    assert set(missing) == {"content/kapot.md", "content/weg.md", "content/bestaat-niet.md"}
    assert "HTTP 500" in missing["content/kapot.md"].message
    assert "HTTP 404" in missing["content/bestaat-niet.md"].message
    assert "laadde niet" in missing["content/weg.md"].message
    assert all(f.severity.value == "error" for f in missing.values())
    # The server error and the dropped connection were tried twice; a missing page is missing again.
    assert result.summary.retried == 2
    assert result.summary.not_checked == 3 and result.summary.passed == 2  # index and 404.html


class _HangingHandler(SiteRequestHandler):
    """/hangt/ never answers (until the test ends)."""

    release = threading.Event()

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        if self.path.startswith("/hangt/"):
            self.release.wait(120)
            return
        super().do_GET()


def test_hanging_page_times_out_and_is_not_checked(
    site_builder: Any, tools: dict[str, str], tmp_path: Path
) -> None:
    site, mapping = site_builder({"index.md": "# Start\n\nWelkom.\n", "hangt.md": "# Hangt\n\nx\n"})
    options = _options(
        tools, tmp_path, timeout=3, viewports=[{"name": "desktop", "width": 1280, "height": 1024}]
    )
    try:
        result = run_gate(
            site,
            pages=mapping,
            options=options,
            project_root=tmp_path,
            progress=False,
            server_handler=_HangingHandler,
        )
    finally:
        _HangingHandler.release.set()
    assert result.exit_code == 1
    finding = next(f for f in result.findings if f.rule == NOT_CHECKED_RULE)
    assert finding.path == "content/hangt.md"
    assert "laadde niet binnen 3 seconden" in finding.message


def _processes_under(folder: Path) -> list[int]:
    """Processes whose XDG_CONFIG_HOME lies in `folder` (the gate gives each run's Chromium its own)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
        except OSError:
            continue
        if f"XDG_CONFIG_HOME={folder}".encode() in environ:
            found.append(int(entry.name))
    return found


def test_run_over_its_time_limit_is_a_gate_error(
    site_builder: Any, tools: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))  # the run's Chromium profile lives here
    _HangingHandler.release.clear()
    site, mapping = site_builder({"index.md": "# Start\n\nWelkom.\n", "hangt.md": "# Hangt\n\nx\n"})
    options = _options(
        tools,
        tmp_path,
        timeout=60,
        run_timeout=5,
        viewports=[{"name": "desktop", "width": 1280, "height": 1024}],
    )
    try:
        result = run_gate(
            site,
            pages=mapping,
            options=options,
            project_root=tmp_path,
            progress=False,
            server_handler=_HangingHandler,
        )
    finally:
        _HangingHandler.release.set()
    assert result.exit_code == 2
    assert "langer dan 5 seconden" in str(result.gate_error)
    assert result.summary.seconds < 30
    # pa11y-ci and its Chromium (which Puppeteer starts in its own process group) are gone, not orphaned.
    deadline = time.monotonic() + 5
    while _processes_under(temp) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _processes_under(temp) == []


# --- the gate cannot run: exit 2 with a message that says what to do ---------------------------------------


def _cli(site: Path, *args: str) -> Any:
    return CliRunner().invoke(audit, [str(site), "--no-progress", *args], catch_exceptions=False)


def _config(tmp_path: Path, **audit_options: Any) -> Path:
    lines = ["site_name: x", "plugins:", "  - helder:", "      audit:"]
    lines += [f"        {key}: {json.dumps(value)}" for key, value in audit_options.items()]
    path = tmp_path / "mkdocs-fault.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def small_site(site_builder: Any) -> Path:
    site, _ = site_builder({"index.md": "# Start\n\nWelkom.\n"})
    return site


def test_missing_browser_is_exit_2(small_site: Path, tools: dict[str, str], tmp_path: Path) -> None:
    config = _config(tmp_path, node_modules=tools["node_modules"], cache_dir="")
    result = _cli(small_site, "--config", str(config), "--browser", "/nergens/chromium")
    assert result.exit_code == 2
    assert "Er is geen browser op /nergens/chromium" in result.stderr
    assert "apt-get install chromium" in result.stderr


def test_browser_that_does_not_start_is_exit_2(
    small_site: Path, tools: dict[str, str], tmp_path: Path
) -> None:
    """A real pa11y-ci run whose real browser launch fails (exit 1, empty stdout)."""
    fake_browser = tmp_path / "chromium"
    fake_browser.write_text("#!/bin/sh\necho 'kapotte browser' >&2\nexit 1\n", encoding="utf-8")
    fake_browser.chmod(0o755)
    config = _config(tmp_path, node_modules=tools["node_modules"], cache_dir="")
    result = _cli(small_site, "--config", str(config), "--browser", str(fake_browser))
    assert result.exit_code == 2
    assert "kon de browser" in result.stderr and "niet starten" in result.stderr


def test_crashing_pa11y_ci_is_exit_2(small_site: Path, tools: dict[str, str], tmp_path: Path) -> None:
    """Fake pa11y-ci: exits 1 with an empty stdout (what a config error or launch crash looks like)."""
    fake = tmp_path / "fake_modules"
    (fake / ".bin").mkdir(parents=True)
    (fake / ".bin" / "pa11y-ci").write_text(
        "process.stderr.write('Onverwachte fout in pa11y-ci\\n'); process.exit(1);\n", encoding="utf-8"
    )
    # Without the browser checks: they would fail as well in these modules (no Puppeteer), and whichever of
    # the two ends first gives the message (test_one_page_load.py covers checks that die).
    config = _config(
        tmp_path, node_modules=str(fake), browser=tools["browser"], cache_dir="", browser_checks=False
    )
    result = _cli(small_site, "--config", str(config))
    assert result.exit_code == 2
    assert "pa11y-ci is gestopt zonder rapport (exit 1)" in result.stderr
    assert "Onverwachte fout in pa11y-ci" in result.stderr


def test_port_taken_is_exit_2(small_site: Path, tools: dict[str, str], tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        config = _config(tmp_path, port=port, cache_dir="", **tools)
        result = _cli(small_site, "--config", str(config))
    assert result.exit_code == 2
    assert f"Poort {port} op 127.0.0.1 is al in gebruik" in result.stderr


def test_missing_node_and_missing_pa11y_ci_are_exit_2(
    small_site: Path, tools: dict[str, str], tmp_path: Path
) -> None:
    config = _config(tmp_path, node="/nergens/node", cache_dir="", **tools)
    result = _cli(small_site, "--config", str(config))
    assert result.exit_code == 2 and "Node.js is niet gevonden" in result.stderr

    config = _config(tmp_path, node_modules=str(tmp_path / "leeg"), browser=tools["browser"], cache_dir="")
    result = _cli(small_site, "--config", str(config))
    assert result.exit_code == 2 and "npm ci" in result.stderr


# --- the theme: what pa11y cannot see -----------------------------------------------------------------------


def test_theme_skip_link_focus_ring_and_no_third_party_requests(
    site_builder: Any, tools: dict[str, str]
) -> None:
    from helder.audit.server import SiteServer

    site, _ = site_builder(GOOD)
    probe = Path(__file__).with_name("theme_probe.cjs")
    with SiteServer(site) as server:
        done = subprocess.run(
            ["node", str(probe), tools["node_modules"], tools["browser"], server.base_url + "/", "8"],
            capture_output=True,
            text=True,
            timeout=90,
            check=False,
            env={
                **os.environ,
                "XDG_CONFIG_HOME": str(site.parent / ".xdg"),
                "XDG_CACHE_HOME": str(site.parent / ".xdg"),
            },
        )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["external"] == []  # no fonts, CDN or analytics
    skip = data["focused"][0]
    assert skip["className"].startswith("md-skip") and skip["text"] == "Ga naar inhoud"
    assert skip["opacity"] == 1 and skip["inViewport"]  # visible the moment it has focus
    for element in filter(None, data["focused"]):
        assert element["inViewport"], element  # no focus on invisible things
        assert element["outlineStyle"] != "none" and element["outlineWidth"] >= 2, element
