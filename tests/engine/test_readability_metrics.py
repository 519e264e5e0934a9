"""Syllables and the formulas: hand-computed values, textstat as a second opinion, and no downloads."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from readability import (
    Scores,
    analyze_text,
    brouwer,
    count_syllables,
    flesch_douma,
    flesch_reading_ease,
    lix,
    word_profile,
)
from readability.textstat_check import textstat_counts, textstat_flesch, textstat_lix

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("paspoort", 2),
        ("gemeente", 3),
        ("omgevingsvergunning", 6),
        ("aansprakelijkheidsverzekering", 9),
        ("over", 2),  # pyphen alone says 1: it never splits off one letter
        ("open", 2),
        ("idee", 2),
        ("milieu", 2),  # pyphen alone says mi-li-eu
        ("afvalontheffing", 5),  # pyphen alone has a vowel-less fragment: af-va-l-ont
        ("nationaal", 4),  # hiatus: na-ti-o-naal (pyphen splits it)
        ("ideaal", 3),
        ("geïnteresseerd", 5),
        ("beëindigen", 4),
        ("e-mailadres", 4),
        ("ID-kaart", 2),
        ("€ 84,00", 1),  # a number is one syllable
        ("12 oktober 2026", 4),  # oktober (3) + the numbers (1)
        ("9.00 uur", 2),
        ("bijv.", 1),
    ],
)
def test_dutch_syllables(word: str, syllables: int) -> None:
    assert count_syllables(word, "nl") == syllables


@pytest.mark.parametrize(
    ("word", "syllables"),
    [("passport", 2), ("application", 4), ("people", 2), ("certificate", 4), ("are", 1), ("municipality", 6)],
)
def test_english_syllables(word: str, syllables: int) -> None:
    assert count_syllables(word, "en") == syllables


def test_letters_for_lix_ignore_digits_and_marks() -> None:
    assert word_profile("e-mailadres", "nl") == (4, 10)
    assert word_profile("12-10-2026", "nl") == (1, 0)


# --- formulas, hand-computed --------------------------------------------------------------------------------


def test_formulas_by_hand() -> None:
    # 100 words, 5 sentences, 150 syllables, 30 long words: 20 words/sentence, 1.5 syllables/word.
    assert flesch_douma(20, 1.5) == pytest.approx(206.835 - 18.6 - 115.5)  # 72.735
    assert flesch_reading_ease(20, 1.5) == pytest.approx(206.835 - 20.3 - 126.9)  # 59.635
    assert brouwer(20, 1.5) == pytest.approx(195 - 40 - 100)  # 2/3 x 150 syllables per 100 words
    assert lix(100, 5, 30) == pytest.approx(20 + 30)
    scores = Scores("nl", words=100, sentences=5, syllables=150, long_words=30)
    assert scores.flesch == pytest.approx(72.735)
    assert scores.brouwer == pytest.approx(55.0)
    assert scores.lix == pytest.approx(50.0)
    assert scores.long_word_share == pytest.approx(0.3)
    assert Scores("en", 100, 5, 150, 30).flesch == pytest.approx(59.635)
    assert Scores("en", 100, 5, 150, 30).brouwer is None


def test_scores_of_a_small_text_by_hand() -> None:
    # "Kom op tijd." = 3 words, 3 syllables. "Neem uw paspoort mee." = 4 words, 5 syllables (pas-poort).
    # 7 words, 2 sentences, 8 syllables, 1 long word (paspoort, 8 letters).
    scores = analyze_text("Kom op tijd. Neem uw paspoort mee.", "nl").scores
    assert (scores.words, scores.sentences, scores.syllables, scores.long_words) == (7, 2, 8, 1)
    assert scores.flesch == pytest.approx(206.835 - 0.93 * 3.5 - 77 * 8 / 7)  # 115.58
    assert scores.brouwer == pytest.approx(195 - 2 * 3.5 - (200 / 3) * 8 / 7)  # 111.81
    assert scores.lix == pytest.approx(3.5 + 100 / 7)  # 17.79


def test_unrounded_and_not_clamped() -> None:
    hard = Scores("nl", words=40, sentences=1, syllables=120, long_words=30)
    assert hard.flesch == pytest.approx(206.835 - 37.2 - 231)
    assert hard.flesch < 0


# --- textstat as a second opinion ---------------------------------------------------------------------------

#: Clean prose where our segmentation and textstat's agree: every sentence has 3+ words, no abbreviations,
#: numbers, hyphens, or words where pyphen and our vowel count differ.
CLEAN = (
    "Wij sturen u binnen twee weken een brief. U krijgt de pas met de post. "
    "De pas kost twaalf euro. Neem de pas mee naar de balie."
)


def test_flesch_douma_matches_textstat_on_clean_prose() -> None:
    ours = analyze_text(CLEAN, "nl").scores
    theirs = textstat_counts(CLEAN, "nl")
    assert (ours.words, ours.sentences, ours.syllables) == (
        theirs["words"],
        theirs["sentences"],
        theirs["syllables"],
    )
    assert ours.flesch == pytest.approx(textstat_flesch(CLEAN, "nl"))
    assert ours.lix == pytest.approx(textstat_lix(CLEAN, "nl"))


def test_formula_constants_match_textstat_on_any_text() -> None:
    """Whatever textstat counts, our formula on its counts gives its score: the constants are the same."""
    text = "Indien u een aanvraag wenst in te dienen, dient u zich te wenden tot het Klantcontactcentrum."
    counts = textstat_counts(text, "nl")
    words_per_sentence = counts["words"] / counts["sentences"]
    syllables_per_word = counts["syllables"] / counts["words"]
    assert flesch_douma(words_per_sentence, syllables_per_word) == pytest.approx(textstat_flesch(text, "nl"))
    assert lix(counts["words"], counts["sentences"], counts["long_words"]) == pytest.approx(
        textstat_lix(text, "nl")
    )


def test_where_we_differ_from_textstat_on_purpose() -> None:
    """textstat drops sentences of two words or fewer; plain writing would look harder than it is."""
    text = "Kom op tijd. Let op. Neem uw oude paspoort mee naar de balie."
    assert analyze_text(text, "nl").scores.sentences == 3
    assert textstat_counts(text, "nl")["sentences"] < 3


def test_textstat_english_is_refused_not_downloaded() -> None:
    from readability import ReadabilityConfigError

    with pytest.raises(ReadabilityConfigError, match="downloads"):
        textstat_flesch("This is a plain sentence.", "en")


# --- offline ------------------------------------------------------------------------------------------------


def test_english_scores_need_no_nltk_and_no_network(tmp_path: Path) -> None:
    """English scores with NLTK data absent and every socket refused: nothing may download at run time."""
    script = textwrap.dedent(
        """
        import socket, sys

        def refuse(*args, **kwargs):
            raise AssertionError("network access during readability analysis")

        socket.socket.connect = refuse
        socket.create_connection = refuse

        from readability import analyze_text
        result = analyze_text("Your pass is free. Call us if you need help with the form.", "en")
        assert result.scores.words == 13, result.scores
        assert result.scores.flesch is not None
        assert "nltk" not in sys.modules and "textstat" not in sys.modules, "engine imported nltk/textstat"
        print("ok", round(result.scores.flesch, 1))
        """
    )
    env = dict(os.environ, NLTK_DATA=str(tmp_path / "no-nltk-data"), HOME=str(tmp_path))
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")])
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")
