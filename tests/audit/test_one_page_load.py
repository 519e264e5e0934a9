"""Helder's browser checks work on the page pa11y-ci has loaded: one load per page and viewport (issue 11, cost).

Real builds, a real HTTP server, real pa11y-ci and Chromium. The checks' script attaches to pa11y-ci's Chromium;
Helder's pa11y runner hands each page over once axe and HTML_CodeSniffer are done.
"""

from __future__ import annotations

import json
import os
import signal
from collections import Counter
from pathlib import Path
from typing import Any, ClassVar

import pytest
from audit_helpers import SEARCH_FORM_IGNORE, build_site, page_map
from helder.audit.browser import ChecksRun
from helder.audit.config import load_options
from helder.audit.gate import run_gate
from helder.audit.runner import GateError, Job, find_tools, processes_using, run_pa11y_ci
from helder.audit.server import SiteRequestHandler, SiteServer, status_key

pytestmark = pytest.mark.browser

DESKTOP = {"name": "desktop", "width": 1280, "height": 1024}
MOBILE = {"name": "mobile", "width": 390, "height": 844, "is_mobile": True}

PAGES = {
    "index.md": "# Gemeente Voorbeeld\n\nLees hoe u een [paspoort aanvraagt](paspoort.md).\n",
    "paspoort.md": (
        "# Paspoort aanvragen\n\nU vraagt een paspoort aan bij de balie.\n\n"
        '<div onclick="this.textContent = \'Verstuurd\'" style="cursor: pointer; padding: 8px; '
        'border: 2px solid #333; display: inline-block">Verstuur aanvraag</div>\n'
    ),
}


class _Counting(SiteRequestHandler):
    """Counts the requests for each page (path and query), as the gate's server receives them."""

    counts: ClassVar[Counter[tuple[str, str]]] = Counter()

    def do_GET(self) -> None:
        path = self.path.split("?")[0]
        if path.endswith(("/", ".html")):
            type(self).counts[status_key(self.path)] += 1
        super().do_GET()


def test_each_page_and_viewport_is_loaded_once_and_still_gets_the_browser_checks(tmp_path, tools):
    root = tmp_path / "project"
    # Helder's theme: no error of axe or htmlcs, so no crop pass (which loads a page again for a screenshot).
    site = build_site(root, PAGES)
    _Counting.counts.clear()
    options = load_options(
        {
            **tools,
            "enabled": True,
            "timeout": 20,
            "ignores": [SEARCH_FORM_IGNORE],
            "cache_dir": "",
            "viewports": [DESKTOP, MOBILE],
        }
    )
    result = run_gate(
        site,
        pages=page_map(PAGES),
        options=options,
        project_root=root,
        progress=False,
        server_handler=_Counting,
    )
    assert result.gate_error is None
    assert result.summary.tested == 2 * len(result.pages) >= 4
    # pa11y-ci's load is the only one: before, the checks loaded every page and viewport a second time.
    expected = {
        status_key(f"{page.url}?helder-viewport={viewport}"): 1
        for page in result.pages
        for viewport in ("desktop", "mobile")
    }
    assert ("/paspoort", "helder-viewport=mobile") in expected
    assert dict(_Counting.counts) == expected
    assert [(f.rule, f.path) for f in result.findings if f.severity.value == "error"] == [
        ("a11y.keyboard.unreachable", "content/paspoort.md")
    ]
    unreachable = [f for f in result.findings if f.rule == "a11y.keyboard.unreachable"]
    assert "Verstuur aanvraag" in unreachable[0].message


#: A pa11y runner that takes its time, then reports what it saw: the width of the page, what has focus and
#: whether a style sheet of the checks is in the page. Listed before Helder's runner, as axe and htmlcs are.
#: Its issue is on an element that the page's own script changes when the page is resized.
SLOW_ENGINE = r"""'use strict';
module.exports = {
  supports: '>=8.0.0 <10.0.0',
  scripts: [],
  run: async () => {
    await new Promise(resolve => setTimeout(resolve, 1500));
    const seen = {width: window.innerWidth, focus: document.activeElement ? document.activeElement.tagName : '',
      sheets: document.querySelectorAll('style[data-helder]').length};
    return [{code: 'seen', type: 'notice', message: JSON.stringify(seen),
      element: document.getElementById('breedte')}];
  },
};
"""

#: The paspoort page with an element that shows the page's width (the page's script sets it on every resize).
WIDTH_PAGES = {
    **PAGES,
    "paspoort.md": PAGES["paspoort.md"]
    + '\n<p id="breedte" data-breedte="">Breedte</p>\n\n'
    + "<script>\nconst breedte = document.getElementById('breedte');\n"
    + "const meet = () => { breedte.dataset.breedte = String(innerWidth); };\n"
    + "meet();\naddEventListener('resize', meet);\n</script>\n",
}


def _run_both(site: Path, tools: dict[str, str], jobs: list[Job], runners: list[str], **kill: Any) -> Any:
    """pa11y-ci with `runners` and the attached checks, as the gate runs them."""
    tool_set = find_tools(site, browser=tools["browser"], node_modules=tools["node_modules"])
    with SiteServer(site) as server:
        checks = ChecksRun(
            jobs, tools=tool_set, base_url=server.base_url, concurrency=2, timeout_s=20
        ).start()
        try:
            if kill:
                kill["before"](checks)
            output = run_pa11y_ci(
                jobs,
                tools=tool_set,
                base_url=server.base_url,
                standard="WCAG2AA",
                runners=runners,
                concurrency=2,
                timeout_s=20,
                include_notices=True,
                companion=checks,
            )
            kill and kill["seen"].update(pa11y_ci_finished=True)
            return output, checks.finish()
        finally:
            checks.stop()


def test_the_engines_see_the_page_before_the_checks_touch_it(tmp_path, tools):
    root = tmp_path / "project"
    site = build_site(root, WIDTH_PAGES, overrides=None)
    engine = tmp_path / "slow-engine.cjs"
    engine.write_text(SLOW_ENGINE, encoding="utf-8")
    # The mobile job is also measured at 320 px wide, after the Tab walk and the text-spacing check.
    jobs = [Job("/paspoort/", DESKTOP), Job("/paspoort/", MOBILE)]
    output, checked = _run_both(site, tools, jobs, [str(engine)])
    for job in jobs:
        width = job.viewport["width"]
        seen = [i for i in output.issues[job] if i["code"] == "seen"]
        assert [json.loads(i["message"]) for i in seen] == [{"width": width, "focus": "BODY", "sheets": 0}], (
            job
        )
        # The element's HTML as the engine saw it (pa11y itself takes it after every runner: at 320 px).
        assert seen[0]["context"] == f'<p id="breedte" data-breedte="{width}">Breedte</p>'
        assert seen[0]["selector"] == "#breedte"
        assert "helderContext" not in seen[0]["runnerExtras"]
        assert "keyboard.unreachable" in [i["code"] for i in checked.issues[job]]


def test_checks_that_die_stop_pa11y_ci_at_once_and_leave_no_chromium(tmp_path, tools):
    root = tmp_path / "project"
    site = build_site(root, PAGES, overrides=None)
    seen: dict[str, Any] = {}

    def kill_checks(checks: ChecksRun) -> None:
        seen["profile"] = checks.profile
        os.kill(checks._process.pid, signal.SIGKILL)  # type: ignore[union-attr]

    jobs = [Job(path, DESKTOP) for path in ("/", "/paspoort/")]
    with pytest.raises(GateError) as raised:
        _run_both(site, tools, jobs, ["axe"], before=kill_checks, seen=seen)
    # pa11y-ci was stopped for the reason itself: without that, each page would wait for the checks until
    # Helder's runner gives up on them (pa11y 9 gives runners no time limit), and pa11y-ci would end later.
    assert "pa11y_ci_finished" not in seen
    assert raised.value.msg.key == "bc_exit"
    assert "exit -9" in str(raised.value)
    assert processes_using(seen["profile"]) == []
