"""The accessibility statement and the gate of the same build: the statement is made before the site is built,
and its status and gate sentence are written again when the gate has run."""

from __future__ import annotations

import re

import pytest
from sitelib import GOOD_PRODUCT, REPO, mkdocs_yml

STATEMENT = """\
statement:
  research: {date: 2026-06-15, method: WCAG-EM, result: all-met, by: Bureau Test}
  approved_by: het college van burgemeester en wethouders
  approved_on: 2026-07-01
"""


def text_of(html: str) -> str:
    main = html[html.index("<article") : html.index("</article>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


@pytest.mark.browser
def test_the_status_says_what_the_gate_of_the_same_build_found(site, tools):
    """Research says every criterion is met. On the first build there is no earlier gate result: the status was
    "B, the check has not run" although the gate ran in that very build. It now says A after a clean gate."""
    rules = "rules: {a11y.htmlcs.H32.2: ignore, a11y.htmlcs.H91.InputCheckbox.Name: ignore}\n"
    audit = f"audit:\n  enabled: true\n  node_modules: {tools['node_modules']}\n  cache_dir: ''\n  browser_checks: false\n"
    config = mkdocs_yml(helder=STATEMENT + rules + audit).replace(
        "  font: false\n", f"  font: false\n  custom_dir: {REPO / 'overrides'}\n"
    )
    site.write("mkdocs.yml", config)
    site.page("paspoort.md", GOOD_PRODUCT)
    assert not (site.root / "helder-audit").exists()  # no earlier result
    result = site.build()
    assert result.code == 0, result.text
    text = text_of(site.html("toegankelijkheid/index.html"))
    assert "Status: A – voldoet volledig" in text
    assert "nog niet gecontroleerd" not in text and "Status: B" not in text
    assert "Fouten: 0." in text
