"""The engine's contract: supported languages, clear errors, no MkDocs, hardest sentences, where to split."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from readability import (
    SUPPORTED_LANGUAGES,
    ReadabilityConfigError,
    UnsupportedLanguageError,
    analyze_markdown,
    analyze_text,
    check_language,
    count_syllables,
    suggest_split,
)

REPO = Path(__file__).resolve().parents[2]
ENGINE = REPO / "readability"


def test_supported_languages_are_explicit() -> None:
    assert SUPPORTED_LANGUAGES == ("nl", "en")


@pytest.mark.parametrize(
    ("given", "code"), [("nl", "nl"), ("en", "en"), ("nl-BE", "nl"), ("nl_NL", "nl"), ("EN", "en")]
)
def test_language_codes(given: str, code: str) -> None:
    assert check_language(given) == code


@pytest.mark.parametrize("lang", ["de", "fr", "", None, "dutch", "xx-nl"])
def test_unsupported_language_is_a_clear_configuration_error(lang: object) -> None:
    with pytest.raises(UnsupportedLanguageError) as caught:
        analyze_markdown("Kom op tijd.", lang)  # type: ignore[arg-type]
    assert isinstance(caught.value, ReadabilityConfigError)
    assert "not supported" in str(caught.value) and "nl, en" in str(caught.value)


@pytest.mark.parametrize("call", [analyze_text, count_syllables])
def test_every_entry_point_checks_the_language(call: object) -> None:
    with pytest.raises(UnsupportedLanguageError):
        call("tekst", "de")  # type: ignore[operator]


def test_engine_source_never_imports_mkdocs_or_helder() -> None:
    for path in ENGINE.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            for name in names:
                assert not name.startswith(("mkdocs", "helder")), f"{path.name} imports {name}"


def test_importing_the_engine_loads_no_mkdocs_helder_or_textstat() -> None:
    script = (
        "import sys; import readability; "
        "readability.analyze_markdown('# Titel\\n\\nKom op tijd.', 'nl'); "
        "readability.builtin_word_list('nl'); "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'helder', 'textstat', 'nltk')]; "
        "assert not bad, bad"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_hardest_sentences_weigh_length_and_words_not_headings() -> None:
    body = (
        "# Omgevingsvergunning\n\n"
        "Kom op tijd. Neem uw paspoort mee.\n\n"
        "Indien u voornemens bent een aanvraag in te dienen voor een omgevingsvergunning, dient u rekening "
        "te houden met een behandeltermijn van acht weken, welke verlengd kan worden.\n\n"
        "U betaalt bij de balie.\n"
    )
    result = analyze_markdown(body, "nl")
    hardest = result.hardest(3)
    assert hardest[0].text.startswith("Indien u voornemens")
    assert all(s.kind != "heading" for s in hardest[:1])
    assert result.hardest(3, metric="lix")[0].text.startswith("Indien u voornemens")


@pytest.mark.parametrize(
    ("sentence", "before", "conjunction"),
    [
        (
            "U krijgt binnen acht weken een brief van de gemeente over uw aanvraag, omdat wij eerst moeten "
            "controleren of alle gegevens kloppen en compleet zijn.",
            "over uw aanvraag,",
            "omdat",
        ),
        (
            "U kunt uw paspoort ophalen bij de balie in het stadhuis, maar u moet dan wel eerst een afspraak "
            "maken via de website.",
            "in het stadhuis,",
            "maar",
        ),
        (
            "Neem bij uw afspraak uw oude paspoort mee en een pasfoto die niet ouder is dan zes maanden en "
            "uw bankpas.",
            "",
            "en",
        ),
    ],
)
def test_split_suggestion(sentence: str, before: str, conjunction: str) -> None:
    split = suggest_split(analyze_text(sentence, "nl").sentences[0])
    assert split is not None
    assert split.conjunction == conjunction
    if before:
        assert split.before == before


def test_no_split_without_a_natural_break() -> None:
    sentence = analyze_text(
        "Deze lange zin loopt zonder pauze door tot aan het einde van de regel hier.", "nl"
    )
    assert suggest_split(sentence.sentences[0]) is None


def test_opening_names_a_sentence() -> None:
    sentence = analyze_text("Indien u een aanvraag wilt indienen, bel ons.", "nl").sentences[0]
    assert sentence.opening(4) == "Indien u een aanvraag …"
