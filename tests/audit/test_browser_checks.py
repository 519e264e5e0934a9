"""Helder's own browser checks end to end: real MkDocs build, real Chromium, real pa11y-ci, real HTTP server.

Every rule has a bad page and a good twin that differ only in the barrier. The site is audited once at the
desktop viewport (the mobile layout of the stock theme has barriers of its own; see test_demo_site.py), and
each test reads what an editor would read: the rule, the element, the Dutch text, the source file.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
from audit_helpers import SEARCH_FORM_IGNORE, build_site, page_map
from helder.audit import explain
from helder.audit.config import load_options
from helder.audit.gate import run_gate
from helder.audit.result import PageStatus
from helder.findings import Finding
from helder.messages import message

pytestmark = pytest.mark.browser

DESKTOP = [{"name": "desktop", "width": 1280, "height": 1024}]

#: The stock theme's own barrier at this viewport, ignored here so each page shows only its own barrier (the
#: theme is being fixed separately; test_demo_site.py reports what it still fails).
BACK_TO_TOP_IGNORE = {
    "rule": "a11y.keyboard.hidden-focus",
    "selector": "button.md-top",
    "reason": "De knop 'Terug naar boven' van het thema krijgt focus terwijl hij verborgen is; dat wordt in het "
    "thema opgelost.",
}

#: Scripts and styles in the pages are the barrier itself (MkDocs passes raw HTML through).
TWINS = {
    "unreachable-bad.md": """\
        # Aanvraag versturen

        Klik op de knop om uw aanvraag te versturen.

        <div class="knop" onclick="this.textContent = 'Verstuurd'" style="cursor: pointer; padding: 8px; border: 2px solid #333; display: inline-block">Verstuur aanvraag</div>
        """,
    "unreachable-good.md": """\
        # Aanvraag versturen

        Klik op de knop om uw aanvraag te versturen.

        <button type="button" onclick="this.textContent = 'Verstuurd'" style="padding: 8px; border: 2px solid #333">Verstuur aanvraag</button>
        """,
    "trap-bad.md": """\
        # Code invullen

        <p><label for="code">Uw code</label> <input id="code" type="text"></p>

        <p><a href="../">Hulp bij de code</a></p>

        <script>
        document.getElementById('code').addEventListener('keydown', function (event) {
          if (event.key === 'Tab' || event.key === 'Escape') event.preventDefault();
        });
        </script>
        """,
    "trap-good.md": """\
        # Code invullen

        <p><label for="code">Uw code</label> <input id="code" type="text"></p>

        <p><a href="../">Hulp bij de code</a></p>
        """,
    "hidden-bad.md": """\
        # Contact

        <style>.sprong { position: absolute; left: -9999px; }</style>
        <a class="sprong" href="../">Naar het formulier</a>

        Bel ons op werkdagen.
        """,
    "hidden-good.md": """\
        # Contact

        <style>.sprong { position: absolute; left: -9999px; } .sprong:focus { position: static; }</style>
        <a class="sprong" href="../">Naar het formulier</a>

        Bel ons op werkdagen.
        """,
    "order-bad.md": """\
        # Stappen

        <div style="display: flex; flex-direction: row-reverse; justify-content: flex-end; gap: 2rem">
        <a href="../">Stap een</a> <a href="../index.html">Stap twee</a>
        </div>
        """,
    "order-good.md": """\
        # Stappen

        <div style="display: flex; gap: 2rem">
        <a href="../">Stap een</a> <a href="../index.html">Stap twee</a>
        </div>
        """,
    "focus-bad.md": """\
        # Keuze

        <span class="keuze" tabindex="0" role="button" style="outline: none !important; box-shadow: none !important">Kies deze dag</span>
        """,
    "focus-good.md": """\
        # Keuze

        <span class="keuze" tabindex="0" role="button">Kies deze dag</span>
        """,
    "reflow-bad.md": """\
        # Adres

        <div class="adres" style="width: 600px; background: #eee">Gemeente Voorbeeld, Stadhuisplein 1, 1234 AB Voorbeeld. Open op werkdagen van 9 tot 17 uur.</div>
        """,
    "reflow-good.md": """\
        # Adres

        <div class="adres" style="max-width: 600px; background: #eee">Gemeente Voorbeeld, Stadhuisplein 1, 1234 AB Voorbeeld. Open op werkdagen van 9 tot 17 uur.</div>
        """,
    "spacing-bad.md": """\
        # Afspraak

        <span id="vak" style="display: inline-block; overflow: hidden; white-space: nowrap; border: 1px solid #333">Afspraak maken</span>

        <script>
        var vak = document.getElementById('vak');
        vak.style.width = (vak.scrollWidth + 1) + 'px';
        </script>
        """,
    "spacing-good.md": """\
        # Afspraak

        <span id="vak" style="display: inline-block; overflow: hidden; white-space: nowrap; border: 1px solid #333">Afspraak maken</span>
        """,
    "lang-bad.md": """\
        # Paspoort aanvragen

        U vraagt een paspoort aan bij de balie van de gemeente.

        Residents can apply for a new passport at the town hall. Please bring your old passport with you.
        """,
    "lang-good.md": """\
        # Paspoort aanvragen

        U vraagt een paspoort aan bij de balie van de gemeente.

        <p lang="en">Residents can apply for a new passport at the town hall. Please bring your old passport with you.</p>
        """,
    "lang-page.md": """\
        # Registering in Voorbeeld

        When you move to Voorbeeld from abroad, you have to register with the town. You can do this at
        the town hall. Please bring your passport and a proof of your address with you. It takes about
        twenty minutes and there is no fee for it.
        """,
    "engine-bad.md": """\
        # Plattegrond

        <p><input type="text" name="postcode" class="zonder-label"></p>
        """,
    "target-bad.md": """\
        # Delen

        <div class="delen"><a class="klein" href="../" aria-label="Deel via mail" style="display: inline-block; width: 14px; height: 14px; background: #333"></a><a href="../index.html" aria-label="Deel via sms" style="display: inline-block; width: 32px; height: 32px; background: #333; margin-left: 2px"></a></div>
        """,
    "target-good.md": """\
        # Delen

        <div class="delen"><a class="klein" href="../" aria-label="Deel via mail" style="display: inline-block; width: 14px; height: 14px; background: #333; margin-right: 12px"></a><a href="../index.html" aria-label="Deel via sms" style="display: inline-block; width: 32px; height: 32px; background: #333; margin-left: 2px"></a></div>
        """,
}


def _options(tools: dict[str, str], root: Path, **extra: Any) -> Any:
    return load_options(
        {
            **tools,
            "enabled": True,
            "viewports": DESKTOP,
            "ignores": [SEARCH_FORM_IGNORE, BACK_TO_TOP_IGNORE],
            "cache_dir": str(root / "cache"),
            **extra,
        }
    )


@pytest.fixture(scope="module")
def twins(tmp_path_factory: pytest.TempPathFactory, tools: dict[str, str]) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("twins") / "project"
    pages = {"index.md": "# Start\n\nDe testpagina's voor de browsercontroles.\n", **TWINS}
    site = build_site(root, pages)
    result = run_gate(
        site, pages=page_map(pages), options=_options(tools, root), project_root=root, progress=False
    )
    assert result.gate_error is None, result.gate_error
    return {"root": root, "site": site, "pages": pages, "result": result}


def _on(result: Any, name: str, rule: str) -> list[tuple[Finding, dict[str, Any]]]:
    return [
        (f, d)
        for f, d in ((f, dict(f.data or {})) for f in result.findings)
        if f.path == f"content/{name}" and f.rule == rule
    ]


# The exact finding each bad page must give (rule, the element's opening tag, words from the detail), and
# the good twin must not give.
CASES = [
    ("unreachable", "a11y.keyboard.unreachable", '<div class="knop"', "krijgt nooit focus met de Tab-toets"),
    ("trap", "a11y.keyboard.trap", '<input id="code"', "De focus blijft hangen"),
    ("hidden", "a11y.keyboard.hidden-focus", '<a class="sprong"', "staat buiten het scherm"),
    ("order", "a11y.keyboard.order", '<a href="../index.html"', 'springt de Tab-toets naar "Stap twee"'),
    ("focus", "a11y.focus.not-visible", '<span class="keuze"', "ziet er met focus hetzelfde uit"),
    ("reflow", "a11y.reflow", '<div class="adres"', "320 pixels breed"),
    ("spacing", "a11y.text-spacing", '<span id="vak"', "wordt tekst afgesneden"),
    ("lang", "a11y.lang", "<p>Residents can apply", "Dit stuk tekst is Engels, maar heeft geen eigen lang"),
    ("target", "a11y.target-size", '<a class="klein"', "is 14 × 14 pixels"),
]


@pytest.mark.parametrize(("name", "rule", "element", "detail"), CASES, ids=[c[0] for c in CASES])
def test_bad_twin_gives_the_exact_finding_and_the_good_twin_none(twins, name, rule, element, detail):
    result = twins["result"]
    bad = _on(result, f"{name}-bad.md", rule)
    assert len(bad) == 1, [f.message for f, _ in bad]
    finding, info = bad[0]
    assert info["context"].startswith(element), info["context"]
    assert detail in finding.message
    assert info["viewports"] == ["desktop"]
    expected = "warning" if rule == "a11y.target-size" else "error"
    assert finding.severity.value == expected
    problems = {message("nl", key)[0] for key in explain.HELDER.values()}
    assert finding.suggestion and finding.message.split(" Scherm:")[0] in problems
    assert _on(result, f"{name}-good.md", rule) == []


def test_bad_pages_fail_and_good_twins_pass_at_the_desktop_viewport(twins):
    result = twins["result"]
    status = {page.path: page.status for page in result.pages}
    for name, rule, _, _ in CASES:
        if rule == "a11y.target-size":  # a warning: the page still passes
            assert status[f"content/{name}-bad.md"] is PageStatus.PASSED
        else:
            assert status[f"content/{name}-bad.md"] is PageStatus.FAILED, name
        good = [f"[{f.rule}] {f.message}" for f in result.findings if f.path == f"content/{name}-good.md"]
        assert good == [], name
        assert status[f"content/{name}-good.md"] is PageStatus.PASSED


def test_a_page_in_english_declared_as_dutch_is_one_finding_on_html(twins):
    findings = _on(twins["result"], "lang-page.md", "a11y.lang")
    assert len(findings) == 1
    finding, info = findings[0]
    assert info["selector"] == "html" and info["context"].startswith('<html lang="nl"')
    assert 'De pagina zegt dat ze Nederlands is (lang="nl"). Maar de tekst is Engels.' in finding.message


def test_each_error_has_a_screenshot_crop_in_the_report(twins):
    result = twins["result"]
    errors = [d for f, d in ((f, dict(f.data or {})) for f in result.findings) if f.severity.value == "error"]
    assert errors
    # The page-level language finding has no element to photograph; hidden focus is, by definition, not visible.
    # One crop per (rule, element, HTML) in a run: a theme problem on many pages is photographed once.
    photographed = {
        (d["code"], d["selector"], d["context"]): d
        for d in errors
        if d["selector"] != "html" and d["code"] != "keyboard.hidden-focus"
    }
    shots = {(d["code"], d["selector"], d["context"]) for d in errors if d["screenshot"]}
    assert photographed and set(photographed) <= shots
    assert {"label", "keyboard.unreachable", "focus.not-visible", "reflow"} <= {key[0] for key in shots}
    html = (result.report_dir / "audit.html").read_text(encoding="utf-8")
    assert html.count('<img class="crop" src="data:image/jpeg;base64,') >= len(photographed)
    assert 'alt="Uitsnede van de pagina rond het element met dit probleem"' in html
    assert "Wat deze controle niet kan beoordelen" in html and "Afbeeldingen:" in html


def test_cached_results_keep_the_browser_findings(twins, tools):
    root, site, pages, first = twins["root"], twins["site"], twins["pages"], twins["result"]
    again = run_gate(
        site, pages=page_map(pages), options=_options(tools, root), project_root=root, progress=False
    )
    assert again.summary.from_cache == again.summary.jobs and again.summary.tested == 0
    assert [f.rule for f in again.findings] == [f.rule for f in first.findings]


def test_an_ignore_covers_a_browser_check_like_any_other_rule(twins, tools, tmp_path):
    root, site, pages = twins["root"], twins["site"], twins["pages"]
    ignore = {
        "rule": "a11y.reflow",
        "selector": "div.adres",
        "reason": "Een voorbeeld van een genegeerd resultaat.",
    }
    result = run_gate(
        site,
        pages=page_map(pages),
        options=_options(
            tools, root, ignores=[SEARCH_FORM_IGNORE, BACK_TO_TOP_IGNORE, ignore], report_dir=str(tmp_path)
        ),
        project_root=root,
        progress=False,
    )
    assert _on(result, "reflow-bad.md", "a11y.reflow") == []
    assert any(i.rule == "a11y.reflow" and i.path == "content/reflow-bad.md" for i in result.ignored)
    html = (tmp_path / "audit.html").read_text(encoding="utf-8")
    assert "Een voorbeeld van een genegeerd resultaat." in html


REVIEW_PAGE = {
    "index.md": "# Start\n\nEen pagina zonder twijfel.\n",
    "twijfel.md": """\
        # Tekst op een plaatje

        <p class="op-plaatje" style="background: linear-gradient(90deg, #fff, #999); color: #555; padding: 1rem">Deze tekst staat op een kleurverloop.</p>
        """,
}


def test_needs_review_results_form_a_queue_and_decisions_are_applied(tmp_path, tools):
    root = tmp_path / "project"
    site = build_site(root, REVIEW_PAGE)
    # With the gate's cache, as a web team works: the decisions apply to results from the cache as well.
    options = _options(tools, root, report_dir=str(tmp_path / "rapport"))
    first = run_gate(site, pages=page_map(REVIEW_PAGE), options=options, project_root=root, progress=False)
    assert first.gate_error is None
    contrast = [g for g in first.review if g["rule"] == "a11y.axe.color-contrast"]
    assert contrast, first.review
    item = next(i for i in contrast[0]["items"] if "op-plaatje" in i["context"])
    assert item["decision"] is None and item["count"] == 1 and item["pages"] == ["/twijfel/ (desktop)"]
    # Not an error: the page passes, and the report asks a person to judge it.
    assert not [f for f in first.findings if f.rule == "a11y.axe.color-contrast"]
    html = (tmp_path / "rapport" / "audit.html").read_text(encoding="utf-8")
    assert "Nog te beoordelen" in html and "op-plaatje" in html

    # A confirmed problem becomes an error; who and why are in the report.
    (root / "toegankelijkheid-beoordelingen.yml").write_text(
        "- rule: a11y.axe.color-contrast\n  selector: p.op-plaatje\n  decision: bevestigd\n"
        "  by: Jan Jansen, webredactie\n  reason: Gemeten 3,1 op 1 aan de rechterkant.\n",
        encoding="utf-8",
    )
    confirmed = run_gate(
        site, pages=page_map(REVIEW_PAGE), options=options, project_root=root, progress=False
    )
    assert (confirmed.summary.tested, confirmed.summary.from_cache) == (0, first.summary.jobs)
    errors = [f for f in confirmed.findings if f.rule == "a11y.axe.color-contrast"]
    assert len(errors) == 1 and errors[0].path == "content/twijfel.md" and errors[0].severity.value == "error"
    html = (tmp_path / "rapport" / "audit.html").read_text(encoding="utf-8")
    assert "Jan Jansen, webredactie" in html and "Al beoordeeld" in html

    # A dismissed one leaves the queue and stays listed with its reason.
    (root / "toegankelijkheid-beoordelingen.yml").write_text(
        "- rule: a11y.axe.color-contrast\n  selector: p.op-plaatje\n  decision: afgewezen\n"
        "  by: Jan Jansen, webredactie\n  reason: Het lichtste stuk achter de tekst haalt 4,8 op 1.\n",
        encoding="utf-8",
    )
    dismissed = run_gate(
        site, pages=page_map(REVIEW_PAGE), options=options, project_root=root, progress=False
    )
    assert not [f for f in dismissed.findings if f.rule == "a11y.axe.color-contrast"]
    data = json.loads((tmp_path / "rapport" / "audit.json").read_text(encoding="utf-8"))
    judged = [i for g in data["review"] for i in g["items"] if i["decision"]]
    assert judged and judged[0]["decision"]["reason"] == "Het lichtste stuk achter de tekst haalt 4,8 op 1."

    # A decision without a reason stops the gate (fail closed), with a Dutch message.
    (root / "toegankelijkheid-beoordelingen.yml").write_text(
        "- rule: a11y.axe.color-contrast\n  decision: afgewezen\n  by: Jan\n", encoding="utf-8"
    )
    broken = run_gate(site, pages=page_map(REVIEW_PAGE), options=options, project_root=root, progress=False)
    assert broken.exit_code == 2 and "mist: reason" in " ".join(broken.gate_error.pair("nl"))


# --- what a check saw, in the report's language (issue 11) -------------------------------------------------

ADDRESS = "Gemeente Voorbeeld, Stadhuisplein 1, 1234 AB Voorbeeld. Open op werkdagen van 9 tot 17 uur."
SAW = {
    "nl": rf'Op een scherm van 320 pixels breed moet je opzij scrollen\. "{re.escape(ADDRESS[:59])}…" is 600 pixels '
    r"breed en loopt tot (\d+) pixels\.",
    "en": rf'On a screen 320 pixels wide you have to scroll sideways\. "{re.escape(ADDRESS[:59])}…" is 600 pixels '
    r"wide and reaches (\d+) pixels\.",
}


def test_what_a_check_saw_is_written_in_dutch(twins):
    (finding, _), *rest = _on(twins["result"], "reflow-bad.md", "a11y.reflow") or [(None, None)]
    assert finding is not None and rest == []
    found = re.search(SAW["nl"], finding.message)
    assert found, finding.message
    assert int(found.group(1)) > 320  # it reaches past the right edge of the screen


def test_what_a_check_saw_is_written_in_english_for_an_english_report(tmp_path, tools):
    # A run of its own (no cache): Chromium measures, Python writes the words in the report's language.
    root = tmp_path / "project"
    pages = {"index.md": "# Start\n\nDe testpagina's.\n", "reflow-bad.md": TWINS["reflow-bad.md"]}
    site = build_site(root, pages)
    options = _options(tools, root, cache_dir="", report_dir=str(tmp_path / "report"))
    result = run_gate(
        site, pages=page_map(pages), options=options, project_root=root, progress=False, lang="en"
    )
    assert result.gate_error is None, result.gate_error
    (finding, _), *rest = _on(result, "reflow-bad.md", "a11y.reflow") or [(None, None)]
    assert finding is not None and rest == []
    found = re.search(SAW["en"], finding.message)
    assert found, finding.message
    assert "scherm" not in finding.message and "breed" not in finding.message
    report = (tmp_path / "report" / "audit.json").read_text(encoding="utf-8")
    assert f"is 600 pixels wide and reaches {found.group(1)} pixels." in report
    # The web team reads it in audit.html too, under the problem, before the rule.
    page = html.unescape((tmp_path / "report" / "audit.html").read_text(encoding="utf-8"))
    row = page[page.index("reflow-bad.md") :]
    assert re.search(
        r"<br>What the check saw: " + SAW["en"] + r'<br><span class="klein">Rule: <code>a11y\.reflow', row
    )
