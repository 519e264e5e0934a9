"""The preview in a real `mkdocs serve` and a real Chromium: what an editor sees while writing a page.

One page with known problems (the one from issue 12: long sentence, officialese, no steps, an image without
alt text, "klik hier", an unknown help key) is served by `mkdocs serve` on 127.0.0.1 and opened in the
system Chromium with the Puppeteer of the accessibility gate. A plain `mkdocs build` of the same site must
contain none of the preview.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from helder.audit.gate import run_gate
from sitelib import BIN, REPO

pytestmark = pytest.mark.browser

PROBE = Path(__file__).with_name("preview_probe.cjs")
PAGE = "parkeren/gehandicaptenparkeerkaart.md"
URL_PATH = "/parkeren/gehandicaptenparkeerkaart/"
LONG = (
    "Ingevolge de regels dient u de aanvraag in te dienen bij de gemeente, waarna deze door een medisch "
    "adviseur wordt beoordeeld en u binnen acht weken een besluit ontvangt over uw aanvraag."
)
BAD_PAGE = f"""\
---
title: Gehandicaptenparkeerkaart aanvragen
summary: Met een gehandicaptenparkeerkaart parkeert u dichter bij uw bestemming.
audience: [inwoners]
upl: http://standaarden.overheid.nl/owms/terms/gehandicaptenparkeerkaart
online: digid
owner: Parkeren
reviewed: 2026-09-01
help: [telefoon, huisbezoek]
---

# Gehandicaptenparkeerkaart aanvragen

Heeft u een beperking? Dan kunt u een kaart aanvragen.

{LONG}

![](kaart.png)

Meer informatie over de voorwaarden vindt u [klik hier](https://www.voorbeeld.nl/voorwaarden).

## Wat heeft u nodig?

- een pasfoto
- uw DigiD
"""
#: The one ignore of the demo site (mkdocs.yml): Material's search form has no submit button.
SEARCH_FORM_IGNORE = {
    "rule": "a11y.htmlcs.H32.2",
    "selector": "form.md-search__form",
    "reason": "Het zoekveld werkt alleen met JavaScript en verstuurt niets.",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serve(root: Path) -> Iterator[str]:
    """`mkdocs serve` on a free port of 127.0.0.1, as an editor starts it; stopped afterwards."""
    port = free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    log = (root / "serve.log").open("w", encoding="utf-8")
    process = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"], cwd=root, stdout=log, stderr=log, env=env
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180  # a bound for a server that never starts, not a speed test
        while True:
            if process.poll() is not None:
                pytest.fail("mkdocs serve stopped:\n" + (root / "serve.log").read_text(encoding="utf-8"))
            with contextlib.suppress(OSError), urllib.request.urlopen(base + URL_PATH, timeout=5) as answer:
                if answer.status == 200:
                    break
            if time.monotonic() > deadline:
                pytest.fail(
                    "mkdocs serve did not answer:\n" + (root / "serve.log").read_text(encoding="utf-8")
                )
            time.sleep(0.5)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def probe(node_modules: Path, browser: Path, url: str, tmp: Path) -> dict:
    done = subprocess.run(
        ["node", str(PROBE), str(node_modules), str(browser), url, "", "5"],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env={**os.environ, "XDG_CONFIG_HOME": str(tmp / ".xdg"), "XDG_CACHE_HOME": str(tmp / ".xdg")},
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.fixture
def bad_site(tmp_path: Path) -> Path:
    """A fresh copy of the demo site with the bad page added; the build's browser gate is off (this test runs
    the gate itself, on the preview)."""
    root = tmp_path / "site-src"
    for name in ("content", "data", "overrides"):
        shutil.copytree(REPO / name, root / name)
    config, switched = re.subn(
        r"(\n\s+audit:\n\s+enabled:) true",
        r"\1 false",
        (REPO / "mkdocs.yml").read_text(encoding="utf-8"),
        count=1,
    )
    assert switched == 1
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "content" / PAGE).write_text(BAD_PAGE, encoding="utf-8")
    return root


def test_the_preview_shows_the_findings_in_the_page(
    bad_site: Path, node_modules: Path, browser: Path, tmp_path
):
    checked = subprocess.run(
        [str(BIN / "helder"), "check", "--format", "json", f"content/{PAGE}"],
        cwd=bad_site,
        capture_output=True,
        text=True,
        check=False,
    )
    expected = {(f["rule"], f["line"], f["severity"]) for f in json.loads(checked.stdout)}
    with serve(bad_site) as base:
        seen = probe(node_modules, browser, base + URL_PATH, tmp_path)
        with urllib.request.urlopen(base + URL_PATH) as answer:
            served = answer.read().decode("utf-8")
    items = seen["items"]

    # The list at the top has exactly the findings `helder check` reports, each under its level.
    assert {(i["rule"], i["line"], i["level"]) for i in items} == expected
    headings = {"error": "Fout — blokkeert publicatie", "warning": "Waarschuwing", "info": "Tip"}
    words = {"error": "Fout", "warning": "Waarschuwing", "info": "Tip"}
    for item in items:
        assert headings[item["level"]] in item["group"], item
        assert item["levelWord"] == words[item["level"]]
    assert seen["panel"]["title"].startswith("Helder vond op deze pagina: ")

    # The highlighted sentence is the one at the reported line.
    long = next(i for i in items if i["rule"] == "readability.sentence-length")
    assert long["line"] == line_of(BAD_PAGE, "Ingevolge")
    assert long["targetFound"] and long["blockLine"] == long["line"]
    assert long["highlighted"] == LONG
    jargon = next(i for i in items if i["rule"] == "words.jargon" and "Ingevolge" in i["message"])
    assert jargon["highlighted"] == "Ingevolge" and jargon["blockLine"] == jargon["line"]
    image = next(i for i in items if i["rule"] == "markdown.image-alt")
    assert image["blockLine"] == line_of(BAD_PAGE, "![](kaart.png)")

    # The unknown help key: a visible error block under the help heading, where the help would be.
    unknown = next(i for i in items if i["rule"] == "help.unknown")
    assert unknown["line"] == line_of(BAD_PAGE, "help:") and unknown["inMissingHelp"]
    assert seen["missingHelp"]["visible"] and seen["missingHelp"]["after"] == "Hulp"
    assert "huisbezoek" in seen["missingHelp"]["text"]

    # The keyboard: the skip link, then one Tab is in the list; Enter goes to the place in the page.
    keyboard = seen["keyboard"]
    assert keyboard["skip"]["skipLink"]
    reached = keyboard["reachedPanel"]
    assert reached and reached["tabsAfterSkipLink"] == 1 and reached["outline"]
    assert keyboard["followed"]["hash"] == reached["href"] and keyboard["followed"]["targetInView"]

    # The built site has none of it; the same page passes the accessibility gate with the preview in it.
    # A refused build publishes nothing (issue 15): `fail_on_error: false` makes this one write every page.
    config = (bad_site / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - helder:\n", "  - helder:\n      fail_on_error: false\n", 1)
    (bad_site / "mkdocs.yml").write_text(config, encoding="utf-8")
    build = subprocess.run(
        [str(BIN / "mkdocs"), "build"],
        cwd=bad_site,
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    assert build.returncode == 0, build.stderr  # the page has errors, but every page was written
    site = bad_site / "site"
    built = (site / URL_PATH.strip("/") / "index.html").read_text(encoding="utf-8")
    assert "Ingevolge" in built
    for html in site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        for trace in (
            "helder-meldingen",
            "data-helder-line",
            "helder-mark",
            "helder-badge",
            "data-helder-preview",
        ):
            assert trace not in text, (html, trace)
    assert "helder-meldingen" in served

    gate_site = tmp_path / "gate" / "site"
    shutil.copytree(site / "assets", gate_site / "assets")
    (gate_site / URL_PATH.strip("/")).mkdir(parents=True)
    (gate_site / URL_PATH.strip("/") / "index.html").write_text(served, encoding="utf-8")
    result = run_gate(
        gate_site,
        pages={URL_PATH: f"content/{PAGE}"},
        options={
            "enabled": True,
            "node_modules": str(node_modules),
            "browser": str(browser),
            "cache_dir": "",
            "ignores": [SEARCH_FORM_IGNORE],
        },
        project_root=tmp_path / "gate",
        progress=False,
        write_reports=False,
    )
    assert result.gate_error is None
    assert result.summary.checked == 1 and result.summary.passed == 1, [f.message for f in result.findings]
    assert result.findings == []
