"""Findings an editor can act on: at the line the editor wrote, never in a page Helder generated.

Pages made from the help catalogue list products and repeat the catalogue's texts. A problem caused by a page's
data (its title) is reported once, at that page; a problem in a catalogue text at its line in `data/hulp.yml`.
"""

from __future__ import annotations

import shutil
import time

from sitelib import GOOD_PRODUCT, REPO, SiteDir


def demo(tmp_path) -> SiteDir:
    site = SiteDir.__new__(SiteDir)
    site.root = tmp_path / "demo"
    for name in ("content", "data", "overrides"):
        shutil.copytree(REPO / name, site.root / name)
    shutil.copy(REPO / "mkdocs.yml", site.root / "mkdocs.yml")
    return site


def test_a_page_with_an_existing_title_gives_one_error_at_its_own_title_line(tmp_path):
    site = demo(tmp_path)
    original = (site.root / "content/burgerzaken/paspoort-en-id-kaart.md").read_text(encoding="utf-8")
    time.sleep(0.05)  # the copy is the page changed last
    site.page("burgerzaken/paspoort-kopie.md", original)
    code, found = site.check_json()
    assert code == 1
    assert [(f["path"], f["line"], f["rule"], f["severity"]) for f in found] == [
        ("content/burgerzaken/paspoort-kopie.md", 2, "frontmatter.title-duplicate", "error")
    ]
    assert found[0]["message"] == (
        'De titel "Paspoort of ID-kaart aanvragen" staat ook boven content/burgerzaken/paspoort-en-id-kaart.md. '
        "Lezers kunnen de twee pagina's dan niet uit elkaar houden."
    )


def test_no_finding_points_at_a_file_that_is_not_in_the_repository(tmp_path):
    site = demo(tmp_path)
    long_name = GOOD_PRODUCT.replace("Paspoort aanvragen", "Gehandicaptenparkeerkaart aanvragen").replace(
        "help: [telefoon, balie]", "help: [telefoon, formulierenhulp]"
    )
    site.page("parkeren/gehandicaptenparkeerkaart.md", long_name)
    catalogue = site.root / "data" / "hulp.yml"
    text = catalogue.read_text(encoding="utf-8")
    # A catalogue text with a sentence far too long: it shows on the help pages, it is fixed in the catalogue.
    long_sentence = (
        "Wij helpen u bij het invullen van formulieren voor de gemeente en voor andere instanties, zoals de "
        "Belastingdienst en het UWV, op afspraak in het stadhuis of bij u thuis."
    )
    text = text.replace(
        "    what: Vindt u een formulier lastig? Een medewerker vult het samen met u in.",
        f"    what: {long_sentence}",
        1,
    )
    assert long_sentence in text
    catalogue.write_text(text, encoding="utf-8")
    code, found = site.check_json()
    for finding in found:
        assert (site.root / finding["path"]).is_file(), finding
    assert not [f for f in found if f["rule"] == "readability.long-word"]
    on_catalogue = [f for f in found if f["path"] == "data/hulp.yml"]
    # Once each, not once per help page: the long sentence, and "UWV" that the catalogue never writes out.
    assert sorted(f["rule"] for f in on_catalogue) == [
        "readability.abbreviation",
        "readability.sentence-length",
    ]
    line = on_catalogue[0]["line"]
    assert long_sentence in catalogue.read_text(encoding="utf-8").splitlines()[line - 1]
