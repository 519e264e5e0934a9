"""`helder nieuw`: one command starts a product page that passes Helder and builds, and never overwrites."""

from __future__ import annotations

import subprocess

import pytest
from helder.newpage import slugify
from helder.upl import by_name
from sitelib import BIN, GOOD_PRODUCT, SiteDir

OVERVIEW = (
    "---\ntype: overview\ntitle: Burgerzaken\nsummary: Paspoort, verhuizen en meer.\n---\n# Burgerzaken\n"
)
OPTIONS = [
    "--map",
    "burgerzaken",
    "--titel",
    "Rijbewijs verlengen",
    "--voor",
    "inwoners",
    "--online",
    "digid",
    "--aanvraag",
    "https://www.voorbeeld.nl/loket/rijbewijs",
    "--eigenaar",
    "Burgerzaken",
    "--hulp",
    "telefoon,balie",
    "--upl",
    "rijbewijs",
]


@pytest.fixture
def themed(site: SiteDir) -> SiteDir:
    site.page("index.md", "---\ntype: page\ntitle: Home\nsummary: Welkom.\n---\n# Welkom\n\nHallo.\n")
    site.page("burgerzaken/index.md", OVERVIEW)
    site.page("burgerzaken/paspoort.md", GOOD_PRODUCT)
    return site


def nieuw(site: SiteDir, *args: str, answers: str | None = None) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [str(BIN / "helder"), "nieuw", *args],
        cwd=site.root,
        input=answers if answers is not None else "",
        capture_output=True,
        text=True,
        timeout=120,
    )
    return proc


def test_a_new_page_passes_helder_check_and_builds(themed: SiteDir):
    made = nieuw(themed, *OPTIONS)
    assert made.returncode == 0, made.stderr
    page = themed.root / "content" / "burgerzaken" / "rijbewijs-verlengen.md"
    assert "content/burgerzaken/rijbewijs-verlengen.md" in made.stdout
    text = page.read_text(encoding="utf-8")
    assert "upl: http://standaarden.overheid.nl/owms/terms/rijbewijs\n" in text
    assert "help: [telefoon, balie]" in text and "online: digid" in text
    assert "apply_url: https://www.voorbeeld.nl/loket/rijbewijs\n" in text
    assert "Log in met DigiD." in text  # the first step fits "online: digid"
    assert text.count("[Vul in:") >= 8  # every text the editor must write is marked

    code, findings = themed.check_json()
    assert code == 0 and findings == []
    built = themed.build()
    assert built.code == 0, built.text
    html = themed.html("burgerzaken/rijbewijs-verlengen/index.html")
    assert "[Vul in: de eerste stap." in html and "Bel ons" in html  # placeholders show; help is added


def test_without_a_form_address_the_page_gets_a_warning_at_its_online_line(themed: SiteDir):
    options = [o for o in OPTIONS if o not in ("--aanvraag", "https://www.voorbeeld.nl/loket/rijbewijs")]
    assert nieuw(themed, *options).returncode == 0
    code, findings = themed.check_json()
    assert code == 0  # a warning: the page can go online, the editor sees what is missing
    assert [(f["rule"], f["line"], f["severity"]) for f in findings] == [
        ("frontmatter.apply-url", 6, "warning")
    ]
    assert "geen link naar het formulier" in findings[0]["message"]


def test_a_form_address_without_https_is_refused(themed: SiteDir):
    options = [o if o != "https://www.voorbeeld.nl/loket/rijbewijs" else "http://x.nl/a" for o in OPTIONS]
    made = nieuw(themed, *options)
    assert made.returncode == 2
    assert "Het webadres http://x.nl/a begint niet met https://." in made.stderr
    assert not (themed.root / "content" / "burgerzaken" / "rijbewijs-verlengen.md").exists()


def test_run_twice_with_the_same_title_it_refuses(themed: SiteDir):
    assert nieuw(themed, *OPTIONS).returncode == 0
    page = themed.root / "content" / "burgerzaken" / "rijbewijs-verlengen.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMijn eigen tekst.\n", encoding="utf-8")
    again = nieuw(themed, *OPTIONS)
    assert again.returncode == 2
    assert "content/burgerzaken/rijbewijs-verlengen.md bestaat al" in again.stderr
    assert "Helder schrijft er niet overheen" in again.stderr
    assert page.read_text(encoding="utf-8").endswith("Mijn eigen tekst.\n")


def test_a_title_another_page_has_is_refused(themed: SiteDir):
    options = [*OPTIONS]
    options[options.index("Rijbewijs verlengen")] = "paspoort aanvragen"
    refused = nieuw(themed, *options)
    assert refused.returncode == 2
    assert 'content/burgerzaken/paspoort.md heeft al de titel "paspoort aanvragen"' in refused.stderr
    assert not (themed.root / "content" / "burgerzaken" / "paspoort-aanvragen.md").exists()


def test_it_asks_what_it_does_not_know_and_offers_the_nearest_upl_names(themed: SiteDir):
    answers = "\n".join(
        [
            "burgerzaken",  # folder
            "Parkeerkaart voor gehandicapten",  # title
            "allebei",  # audience
            "ja",  # online
            "www.voorbeeld.nl/loket",  # the form's address without https://: asked again
            "https://www.voorbeeld.nl/loket/parkeerkaart",
            "Parkeren",  # owner
            "telefon",  # a typo: asked again, with the right name offered
            "telefoon, balie",
            "gehandicapten parkeerkaart",  # not exact: the nearest names are offered
            "1",
        ]
    )
    made = nieuw(themed, answers=answers + "\n")
    assert made.returncode == 0, made.stdout + made.stderr
    assert 'Bedoelt u "telefoon"?' in made.stdout
    assert "1. gehandicaptenparkeerkaart" in made.stdout
    text = (themed.root / "content" / "burgerzaken" / "parkeerkaart-voor-gehandicapten.md").read_text("utf-8")
    assert "upl: http://standaarden.overheid.nl/owms/terms/gehandicaptenparkeerkaart\n" in text
    assert "audience: [inwoners, ondernemers]" in text
    assert "Het webadres www.voorbeeld.nl/loket begint niet met https://." in made.stdout
    assert "apply_url: https://www.voorbeeld.nl/loket/parkeerkaart\n" in text
    assert themed.check().code == 0


def test_an_unknown_upl_name_without_questions_names_the_nearest(themed: SiteDir):
    options = [*OPTIONS]
    options[options.index("rijbewijs")] = "rijbewys"
    refused = nieuw(themed, *options)
    assert refused.returncode == 2
    assert '"rijbewys" staat niet in de UPL. Bedoelt u een van deze? rijbewijs' in refused.stderr


def test_an_unknown_folder_or_help_key_is_refused_with_the_choices(themed: SiteDir):
    options = [*OPTIONS]
    options[options.index("burgerzaken")] = "burgerzaak"
    refused = nieuw(themed, *options)
    assert refused.returncode == 2 and 'De map "burgerzaak" bestaat niet' in refused.stderr
    assert "Kies een van deze mappen: burgerzaken" in refused.stderr
    options = [*OPTIONS]
    options[options.index("telefoon,balie")] = "huisbezoek"
    refused = nieuw(themed, *options)
    assert refused.returncode == 2 and 'De hulp "huisbezoek" staat niet in de hulpcatalogus' in refused.stderr


def test_new_is_the_english_name_of_the_same_command(themed: SiteDir):
    proc = themed.run(str(BIN / "helder"), "new", *OPTIONS)
    assert proc.code == 0, proc.err
    assert (themed.root / "content" / "burgerzaken" / "rijbewijs-verlengen.md").is_file()


@pytest.mark.parametrize(
    ("title", "file"),
    [
        ("Paspoort aanvragen", "paspoort-aanvragen"),
        ("Uittreksel BRP (Basisregistratie Personen)", "uittreksel-brp-basisregistratie-personen"),
        ("Één keer per jaar: afvalpas", "een-keer-per-jaar-afvalpas"),
        ("  Café-vergunning  ", "cafe-vergunning"),
        ("!!!", "pagina"),
    ],
)
def test_file_names_come_from_the_title(title, file):
    assert slugify(title) == file


def test_upl_names_exact_or_nearest():
    exact, close = by_name("Rijbewijs")
    assert exact is not None and exact.uri.endswith("/rijbewijs") and close == []
    exact, close = by_name("parkeerkaart")
    assert exact is None
    assert [entry.name for entry in close][:1] == ["gehandicaptenparkeerkaart"]
    assert by_name("") == (None, [])
