"""The dashboard of a real `mkdocs build` (and `mkdocs serve`) in a temporary site: where it is written, the
order, the reviews due, the formats, the links to the source and the preview, and a broken history file."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sitelib import BIN, GOOD_PRODUCT, SiteDir, mkdocs_yml

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def product(title: str, *, owner: str = "Burgerzaken", reviewed: str = "2026-10-01", extra: str = "") -> str:
    text = GOOD_PRODUCT.replace("Paspoort aanvragen", title).replace("owner: Burgerzaken", f"owner: {owner}")
    return text.replace("reviewed: 2026-10-01", f"reviewed: {reviewed}").replace(
        "\n## Stappen", extra + "\n## Stappen"
    )


def make_site(root: Path, config: str = "") -> SiteDir:
    site = SiteDir(root)
    site.write("mkdocs.yml", mkdocs_yml(config))
    site.page(
        "paspoort.md", product("Paspoort aanvragen", reviewed="2026-01-15")
    )  # review due 15 January 2027
    # A warning (jargon) but no error: on top although its title comes later in the alphabet.
    site.page("rijbewijs.md", product("Rijbewijs verlengen", extra="\nIndien u verhuist, meld het ons.\n"))
    site.page("bijstand.md", product("Bijstand aanvragen", owner="Werk en Inkomen", reviewed="2026-11-20"))
    return site


def dashboard(site: SiteDir, name: str = "index.html") -> str:
    return (site.root / "helder-kwaliteit" / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> SiteDir:
    site = make_site(
        tmp_path_factory.mktemp("dash"),
        "repo_url: https://git.example.nl/gemeente/site\nedit_uri: edit/main/content/\n",
    )
    result = site.run(str(BIN / "mkdocs"), "build")  # not --strict: the jargon warning is the point
    assert result.code == 0, result.text
    return site


def test_the_dashboard_is_in_the_project_not_in_the_site(built):
    assert (built.root / "helder-kwaliteit" / "index.html").is_file()
    assert not (built.root / "site" / "kwaliteit").exists()


def test_worst_first_then_reviews_due_per_owner(built):
    html = dashboard(built)
    table = html[html.index('<table class="pages cards">') :]
    positions = [
        table.index(f">{t}</a>") for t in ("Rijbewijs verlengen", "Paspoort aanvragen", "Bijstand aanvragen")
    ]
    assert positions == sorted(positions), "the page with a warning first, then the oldest review"
    due = html[html.index('<h2 id="controle">') : html.index("<h2>Leesbaarheid</h2>")]
    assert "<h3>Eigenaar: Burgerzaken</h3>" in due
    assert ">Paspoort aanvragen</a>: controleren vóór 15 januari 2027" in due
    assert "Bijstand" not in due and "Rijbewijs" not in due


def test_dutch_formats_and_a_labelled_trend_chart(built):
    html = dashboard(built)
    assert '<html lang="nl">' in html
    scores = re.findall(r'data-label="Leesbaarheid"><span class="ok">([^<]+)</span>', html)
    assert len(scores) == 3 and all(re.fullmatch(r"\d+(,\d)?", score) for score in scores), scores
    assert any("," in score for score in scores)  # a decimal comma, never a point
    assert "Gecontroleerd op</th>" in html and "15 januari 2026" in html and "2026-01-15" not in html
    # One build so far: one point per trend, with its title, axis labels and the sentence.
    assert (
        '<figcaption id="trend-flesch-douma-t">Leesbaarheid per bouw (gemiddelde Flesch-Douma)</figcaption>'
        in html
    )
    assert ">Score</text>" in html and ">Aantal</text>" in html and ">Datum van de bouw</text>" in html
    assert '<p id="trend-warnings-d">Eén bouw: 1 op ' in html
    history = (built.root / ".helder" / "kwaliteit-historie.csv").read_text(encoding="utf-8")
    assert history.splitlines()[0] == "date,pages,errors,warnings,stale,flesch_douma,a11y_errors,not_checked"


def test_each_page_links_to_its_source_in_the_repository(built):
    html = dashboard(built)
    assert (
        'Bron: <a class="path" href="https://git.example.nl/gemeente/site/edit/main/content/paspoort.md">'
        "content/paspoort.md</a>" in html
    )
    assert "Voorvertoning" not in html  # a static build has no preview server


def test_without_a_repository_the_link_is_the_file_itself(tmp_path):
    site = make_site(tmp_path)
    assert site.run(str(BIN / "mkdocs"), "build").code == 0
    html = dashboard(site)
    assert 'Bron: <a class="path" href="../content/paspoort.md">content/paspoort.md</a>' in html
    assert (site.root / "helder-kwaliteit" / "../content/paspoort.md").resolve().is_file()


def test_a_broken_history_file_is_a_dutch_finding_and_stays_as_it_was(tmp_path):
    site = make_site(tmp_path, "")
    site.write("mkdocs.yml", mkdocs_yml(helder="dashboard: {history: data/historie.csv}\n"))
    raw = b"date,pages,errors,warnings,stale,flesch_douma,a11y_errors,not_checked\n2026-11-01,3,vijf,0,0,80.5,0,0\n"
    site.write("data/historie.csv", raw)
    result = site.run(str(BIN / "mkdocs"), "build")
    assert result.code == 0, result.text  # a warning: the site itself is fine
    assert "Traceback" not in result.text
    assert (
        "Waarschuwing: data/historie.csv:2: [dashboard.history] In de kolom errors van data/historie.csv staat "
        '"vijf". Dat is geen getal.' in result.text
    )
    assert (site.root / "data" / "historie.csv").read_bytes() == raw
    html = dashboard(site)
    assert "Het bestand met de geschiedenis heeft een fout." in html
    assert "1 november 2026" in html  # the row is still shown


def test_a_folder_as_history_is_a_finding_at_the_setting(tmp_path):
    site = make_site(tmp_path)
    site.write("mkdocs.yml", mkdocs_yml(helder="dashboard:\n  history: data\n"))
    result = site.run(str(BIN / "mkdocs"), "build")
    assert result.code == 0, result.text
    assert "Traceback" not in result.text
    line = next(n for n, text in enumerate(mkdocs_yml(helder="dashboard:\n  history: data\n").splitlines(), 1)
                if "history: data" in text)  # fmt: skip
    assert (
        f"mkdocs.yml:{line}: [dashboard.history] data is een map. Helder verwacht een bestand." in result.text
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serving(root: Path, port: int) -> Iterator[subprocess.Popen]:
    log = (root / "serve.log").open("w", encoding="utf-8")
    process = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=log,
        stderr=log,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def test_during_serve_the_dashboard_is_in_the_project_with_preview_links(tmp_path):
    site = make_site(tmp_path)
    port = free_port()
    index = site.root / "helder-kwaliteit" / "index.html"
    with serving(site.root, port) as process:
        deadline = time.monotonic() + 180  # a bound for a server that never starts, not a speed test
        while not (index.is_file() and "Voorvertoning" in index.read_text(encoding="utf-8")):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(
                    "no dashboard from mkdocs serve:\n"
                    + (site.root / "serve.log").read_text(encoding="utf-8")
                )
            time.sleep(0.5)
    html = index.read_text(encoding="utf-8")
    assert f'<a href="http://127.0.0.1:{port}/paspoort/">Voorvertoning' in html
    assert 'href="../content/paspoort.md"' in html


def test_an_english_site_gets_an_english_dashboard(tmp_path):
    site = make_site(tmp_path)
    site.write("mkdocs.yml", mkdocs_yml(helder="lang: en\n"))
    assert site.run(str(BIN / "mkdocs"), "build").code == 0
    html = dashboard(site)
    assert '<html lang="en">' in html and "Review due soon" in html
    assert "15 January 2026" in html and ">Paspoort aanvragen</a>: review before 15 January 2027" in html
    scores = re.findall(r'data-label="Readability"><span class="ok">([^<]+)</span>', html)
    assert scores and all(re.fullmatch(r"\d+(\.\d)?", score) for score in scores), scores
