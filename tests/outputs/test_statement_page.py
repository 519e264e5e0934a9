"""The generated accessibility statement in a real build: status, research, known problems, approval."""

from __future__ import annotations

import re

from sitelib import GOOD_PRODUCT, mkdocs_yml

STATEMENT = """\
statement:
  scope: Deze verklaring gaat over www.test.nl.
  research: {date: 2026-06-15, method: WCAG-EM, result: not-all-met, by: Bureau Test}
  planned_research: 2027-03-01
  known_problems:
    - {problem: Het zoekveld werkt alleen met JavaScript., fix: Wij maken een zoekpagina zonder JavaScript., planned: 2027-02-01}
  approved_by: het college van burgemeester en wethouders
  approved_on: 2026-07-01
  contact: Mail naar [toegankelijk@test.nl](mailto:toegankelijk@test.nl).
audit:
  ignores:
    - {rule: htmlcs.WCAG2AA.Principle4.Guideline4_1.4_1_2.H91.InputCheckbox.Name, reason: Een leeg vinkje dat niemand ziet.}
"""


def text_of(html: str) -> str:
    main = html[html.index("<article") : html.index("</article>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def test_statement_page_follows_the_dutch_model(site):
    site.write("mkdocs.yml", mkdocs_yml(helder=STATEMENT))
    site.page("paspoort.md", GOOD_PRODUCT)
    result = site.build()
    assert result.code == 0, result.text
    text = text_of(site.html("toegankelijkheid/index.html"))
    assert "Status: B – voldoet gedeeltelijk" in text  # the national register's name of the status
    assert "voldoet deels aan de eisen" in text
    assert "Deze verklaring gaat over www.test.nl." in text
    assert "Datum: 15 juni 2026" in text and "Methode: WCAG-EM" in text and "Gedaan door: Bureau Test" in text
    assert "Het zoekveld werkt alleen met JavaScript." in text and "Wanneer: 1 februari 2027" in text
    # A list, not a three-column table: it fits a phone 320 px wide.
    problems = (
        site.html("toegankelijkheid/index.html").split('id="wat-nog-niet-goed-gaat"')[1].split("<h2")[0]
    )
    assert "<table" not in problems and problems.count("<li>") == 2
    assert "Wanneer: geen actie nodig" in text
    # Configured ignores are listed with their reason, in words, without the tool's rule code.
    assert "Wij hebben dit bekeken. Een leeg vinkje dat niemand ziet." in text
    assert "H91" not in text and "htmlcs" not in text and "a11y." not in text
    assert "toegankelijk@test.nl" in text
    assert (
        "Het college van burgemeester en wethouders heeft deze verklaring vastgesteld op 1 juli 2026." in text
    )


def test_statement_without_research_is_d_and_can_be_switched_off(site):
    site.page("paspoort.md", GOOD_PRODUCT)
    assert site.build().code == 0
    assert "Status: D" in text_of(site.html("toegankelijkheid/index.html"))
    site.write("mkdocs.yml", mkdocs_yml(helder="statement: {enabled: false}\n"))
    assert site.build().code == 0
    assert not (site.root / "site" / "toegankelijkheid").exists()
