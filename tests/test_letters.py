"""Five fictional municipal letters at three LiNT-II levels: Helder passes the plain ones, refuses the others.

The letters in `tests/letters/` were written for this test in the style of the letters LiNT-II scores: two at
level 2 (plain: short sentences, everyday words, "u" and "wij"), two at level 3 (mostly plain, with some long
sentences and a passive) and one at level 4 (officialese: long sentences, nominal style, jargon). Helder's
page verdict must keep that order: a level-2 letter passes `helder check` without a single finding, a harder
letter is refused (exit code 1) with the errors an editor would start with.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sitelib import SiteDir

LETTERS = Path(__file__).resolve().parent / "letters"
PLAIN = ["niveau2-afvalpas.md", "niveau2-paspoort.md"]
HARDER = ["niveau3-parkeren.md", "niveau3-bijstand.md", "niveau4-kwijtschelding.md"]


@pytest.fixture(scope="module")
def findings(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, list[dict]]]:
    """Each letter checked on its own in one temporary site: (exit code, findings) per letter."""
    site = SiteDir(tmp_path_factory.mktemp("letters"))
    for letter in PLAIN + HARDER:
        site.page(letter, (LETTERS / letter).read_text(encoding="utf-8"))
    return {letter: site.check_json(f"content/{letter}") for letter in PLAIN + HARDER}


def test_the_fixture_holds_five_letters() -> None:
    assert sorted(path.name for path in LETTERS.glob("*.md")) == sorted(PLAIN + HARDER)


@pytest.mark.parametrize("letter", PLAIN)
def test_plain_letters_pass_without_findings(findings: dict, letter: str) -> None:
    code, found = findings[letter]
    assert (code, found) == (0, [])


@pytest.mark.parametrize("letter", HARDER)
def test_harder_letters_are_refused(findings: dict, letter: str) -> None:
    code, found = findings[letter]
    assert code == 1
    errors = {f["rule"] for f in found if f["severity"] == "error"}
    assert errors & {"readability.sentence-length", "readability.page-score"}


def test_the_hardest_letter_gets_the_sentence_level_advice(findings: dict) -> None:
    _, found = findings["niveau4-kwijtschelding.md"]
    rules = {f["rule"] for f in found}
    assert {"readability.page-score", "readability.nominal", "readability.passive", "words.jargon"} <= rules
    nominal = next(f for f in found if f["rule"] == "readability.nominal")
    assert nominal["line"] == 10
    assert '"wij beoordelen uw verzoek"' in nominal["suggestion"]
    jargon = {f["message"] for f in found if f["rule"] == "words.jargon"}
    assert '"alvorens" is ambtelijke taal.' in jargon
    assert '"dient te" is ambtelijke taal.' in jargon
