"""Broken pages get a finding at their file and line, never a traceback, and never hide other pages' findings."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitelib import GOOD_PRODUCT

BROKEN = {
    "yaml.md": ("---\ntitle: Kapot\nsummary: [niet dicht\n---\n# Kapot\n", "frontmatter.syntax", 3),
    "lijst.md": ("---\n- title\n- summary\n---\n# Lijst\n", "frontmatter.syntax", 2),
    "latin1.md": ("---\ntitle: Caf\xe9\n---\n".encode("latin-1"), "file.encoding", 2),
    "datum.md": (
        GOOD_PRODUCT.replace("reviewed: 2026-10-01", "reviewed: 2026-02-30").replace("Paspoort", "Datum"),
        "frontmatter.value",
        8,
    ),
    "doelgroep.md": (
        GOOD_PRODUCT.replace("audience: [inwoners]", "audience: [burgers]").replace("Paspoort", "Doelgroep"),
        "frontmatter.value",
        4,
    ),
    "open.md": ("---\ntitle: Open\nsummary: Nooit dicht.\n# Open\n", "frontmatter.syntax", 1),
}


@pytest.fixture
def broken_site(site):
    for name, (text, _, _) in BROKEN.items():
        site.page(f"kapot/{name}", text)
    site.page("leeg.md", "")
    site.page("goed.md", GOOD_PRODUCT)
    site.page(
        "zonder-stappen.md",
        GOOD_PRODUCT.replace("## Stappen", "## Anders").replace("Paspoort aanvragen", "ID-kaart aanvragen"),
    )
    return site


def test_check_reports_every_broken_page_in_one_run(broken_site):
    code, found = broken_site.check_json()
    assert code == 1
    got = {(f["path"], f["rule"], f["line"]) for f in found}
    for name, (_, rule, line) in BROKEN.items():
        assert (f"content/kapot/{name}", rule, line) in got, name
    # An empty file is a product page without data: it is told what is missing, it does not crash.
    assert ("content/leeg.md", "frontmatter.required", 1) in got
    # The other pages are still checked.
    assert ("content/zonder-stappen.md", "sections.steps-missing", None) in got
    assert not [f for f in found if f["path"] == "content/goed.md"]
    assert not [f for f in found if f["rule"] == "internal"]


def test_build_reports_the_same_findings_and_refuses(broken_site):
    result = broken_site.build()
    assert result.code == 1
    assert "Traceback" not in result.text
    assert (
        "content/kapot/latin1.md:2: [file.encoding] Dit bestand is niet opgeslagen als UTF-8." in result.text
    )
    assert "content/kapot/yaml.md:3: [frontmatter.syntax]" in result.text
    assert "content/zonder-stappen.md: [sections.steps-missing]" in result.text
    assert "De site kan nog niet online." in result.text


def test_missing_catalogue_is_a_finding_not_a_crash(site):
    site.page("goed.md", GOOD_PRODUCT)
    (site.root / "data" / "hulp.yml").unlink()
    code, found = site.check_json()
    assert code == 1
    assert found[0]["path"] == "data/hulp.yml" and found[0]["rule"] == "help.catalogue"
    # Without a catalogue no help key can be known, so the page's keys are reported too.
    assert {f["rule"] for f in found} == {"help.catalogue", "help.unknown"}


def test_broken_catalogue_yaml_is_reported_at_its_line(site):
    site.page("goed.md", GOOD_PRODUCT)
    site.write("data/hulp.yml", "offers:\n  telefoon:\n    name: [kapot\n")
    code, found = site.check_json()
    assert code == 1
    assert (found[0]["path"], found[0]["rule"], found[0]["line"]) == ("data/hulp.yml", "help.catalogue", 3)


def test_a_file_is_outside_the_docs_folder_only_when_its_real_path_is(tmp_path: Path) -> None:
    from helder.source import outside

    docs = tmp_path / "content"
    docs.mkdir()
    (docs / "echt.md").write_text("# Echt\n", encoding="utf-8")
    (tmp_path / "geheim.md").write_text("# Geheim\n", encoding="utf-8")
    (docs / "naar-buiten.md").symlink_to(tmp_path / "geheim.md")
    (docs / "naar-binnen.md").symlink_to(docs / "echt.md")
    (docs / "kapot.md").symlink_to(docs / "bestaat-niet.md")
    (docs / "kapot-buiten.md").symlink_to(tmp_path / "bestaat-niet.md")
    (docs / "rondje-a.md").symlink_to(docs / "rondje-b.md")
    (docs / "rondje-b.md").symlink_to(docs / "rondje-a.md")
    expected = {
        "echt.md": False,
        "naar-binnen.md": False,
        "bestaat-niet.md": False,  # a missing file is unreadable, not outside
        "kapot.md": False,
        "naar-buiten.md": True,
        "kapot-buiten.md": True,
        "rondje-a.md": True,  # a link loop leads nowhere inside
    }
    for real in (False, True):
        folder = docs.resolve() if real else docs
        assert {name: outside(docs / name, folder, real=real) for name in expected} == expected
