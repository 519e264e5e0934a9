"""Readability and jargon rules on real pages: the line, the message, the suggestion, the scores, limits."""

from __future__ import annotations

from pathlib import Path

import pytest
from helder.checker import make_context, run_rules
from helder.config import load_options
from helder.findings import Finding, Severity
from helder.messages import all_messages
from helder.rules import readability as rules
from helder.rules import style, words
from helder.rules.context import CheckContext
from helder.rules.readability import Verdict
from helder.rules.settings import DEFAULT_LIMITS, Limits
from helder.source import parse_text
from sitelib import GOOD_PRODUCT  # the known-good page of the build tests must pass every readability rule

from readability import UnsupportedLanguageError, WordListError, analyze_text, builtin_word_list

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "tests" / "engine" / "samples"

FRONT = "---\ntitle: Afvalpas aanvragen\nsummary: Indien u een afvalpas wilt, vraag hem aan.\n---\n"
FRONT_LINES = 4


LONG_SENTENCE = (
    "U kunt een afvalpas aanvragen bij de balie in het stadhuis of online met DigiD, omdat wij de pas "
    "alleen geven aan mensen die in de gemeente wonen."
)  # 28 words


def context(lang: str = "nl", config_dir: Path | None = None, **values: object) -> CheckContext:
    """A site's context with these `readability:` options (relative paths from `config_dir`)."""
    return make_context(load_options({"readability": values}), config_dir=config_dir, lang=lang)


def run(text: str, ctx: CheckContext | None = None, path: str = "content/x.md") -> list[Finding]:
    ctx = ctx or context()
    return run_rules(parse_text(text, path), ctx, [rules, words])


def of(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def sample(name: str) -> str:
    return (SAMPLES / name).read_text(encoding="utf-8")


# --- sentence length ----------------------------------------------------------------------------------------


def test_long_sentence_at_its_source_line_with_a_split_suggestion() -> None:
    text = FRONT + "# Afvalpas\n\nKom op tijd.\n" + LONG_SENTENCE + "\n"
    (finding,) = of(run(text), "readability.sentence-length")
    assert finding.line == FRONT_LINES + 4  # front matter counted: heading, blank, "Kom op tijd.", then this
    assert finding.severity is Severity.ERROR
    assert finding.message == "Deze zin heeft 28 woorden. Dat is te lang: de grens is 20."
    assert (
        finding.suggestion == 'Maak er twee zinnen van. Knip bijvoorbeeld na "online met DigiD," bij "omdat".'
    )


def test_long_sentence_starting_on_a_wrapped_line() -> None:
    text = FRONT + "Kom op tijd. " + LONG_SENTENCE.replace(" bij de balie", "\nbij de balie") + "\n"
    (finding,) = of(run(text), "readability.sentence-length")
    assert finding.line == FRONT_LINES + 1


@pytest.mark.parametrize(
    ("body", "what"),
    [
        ("# " + " ".join(["woord"] * 21) + "\n", "Deze kop"),
        ("| a |\n|---|\n| " + " ".join(["woord"] * 21) + " |\n", "Deze cel van de tabel"),
        ("- " + " ".join(["woord"] * 21) + "\n", "Dit punt van de lijst"),
    ],
)
def test_units_without_full_stop_are_measured(body: str, what: str) -> None:
    (finding,) = of(run(FRONT + body), "readability.sentence-length")
    assert finding.message.startswith(f"{what} heeft 21 woorden.")


def test_no_natural_split_names_the_sentence() -> None:
    sentence = " ".join(["Woord"] + ["woord"] * 21) + "."
    (finding,) = of(run(FRONT + sentence + "\n"), "readability.sentence-length")
    assert 'De zin begint met "Woord woord woord woord woord …".' in finding.suggestion


def test_twenty_words_pass_and_the_limit_is_configurable() -> None:
    twenty = " ".join(["woord"] * 19) + " eind."
    assert of(run(FRONT + twenty + "\n"), "readability.sentence-length") == []
    assert (
        of(
            run(FRONT + LONG_SENTENCE + "\n", context(nl={"sentence_words": 30})),
            "readability.sentence-length",
        )
        == []
    )


def test_code_is_not_checked() -> None:
    body = "```\n" + LONG_SENTENCE + " Indien conform middels.\n```\n\n    " + LONG_SENTENCE + "\n"
    assert run(FRONT + body) == []


# --- per-page overrides -------------------------------------------------------------------------------------


def page_with_limits(limits: str) -> str:
    return "---\ntitle: T\nsummary: S\nlimits:\n" + limits + "---\n" + LONG_SENTENCE + "\n"


def test_override_with_a_reason_is_applied() -> None:
    text = page_with_limits(
        '  readability.sentence-length: {max: 30, reason: "Wettelijke naam van de regeling."}\n'
    )
    assert run(text) == []


@pytest.mark.parametrize("reason", ["", 'reason: ""', 'reason: "  "'])
def test_override_without_a_reason_is_refused(reason: str) -> None:
    settings = "{max: 30" + (", " + reason if reason else "") + "}"
    findings = run(page_with_limits(f"  readability.sentence-length: {settings}\n"))
    (refused,) = of(findings, "readability.override-reason")
    assert refused.line == 4  # the line of `limits:`
    assert refused.severity is Severity.ERROR
    assert '"readability.sentence-length"' in refused.message and "zonder reden" in refused.message
    assert len(of(findings, "readability.sentence-length")) == 1  # the normal limit still applies


@pytest.mark.parametrize(
    ("settings", "text"),
    [
        ('readability.sentence-length: {maximum: 30, reason: "x"}', 'staat "maximum" bij'),
        ('readability.sentence-length: {max: dertig, reason: "x"}', "geen getal"),
        ('readability.sentence-length: {max: true, reason: "x"}', "geen getal"),
        ('readability.passive: {max: 3, reason: "x"}', "kunt u geen grens kiezen"),
    ],
)
def test_wrong_override_is_reported(settings: str, text: str) -> None:
    (wrong,) = of(run(page_with_limits(f"  {settings}\n")), "readability.override-value")
    assert text in wrong.message
    assert wrong.line == 4


def test_limits_of_other_rules_are_not_ours() -> None:
    assert (
        of(run(page_with_limits('  sections.steps: {min: 2, reason: "x"}\n')), "readability.override-value")
        == []
    )


def test_page_score_override() -> None:
    text = sample("bureaucratic-nl.md").replace(
        "---\n# Aanvraag",
        "limits:\n  readability.page-score: "
        '{flesch_min: 30, lix_max: 70, reason: "Juridische tekst."}\n---\n# Aanvraag',
    )
    ctx = context()
    assert of(run(text, ctx), "readability.page-score") == []
    assert ctx.page_data["content/x.md"]["readability"]["limits"]["flesch_min"] == 30


# --- page score ---------------------------------------------------------------------------------------------


def test_bureaucratic_page_fails_with_its_scores_and_three_hardest_sentences() -> None:
    ctx = context()
    (finding,) = of(run(sample("bureaucratic-nl.md"), ctx), "readability.page-score")
    assert finding.severity is Severity.ERROR
    assert finding.line is None
    assert finding.message == (
        "Deze pagina is te moeilijk: de Flesch-Douma-score is 32 (minimaal 60) "
        "en de LIX is 65 (hoogstens 45)."
    )
    assert finding.suggestion == (
        'Begin met de moeilijkste zinnen: regel 14 ("De aanvraag dient middels …") en '
        'regel 11 ("Indien u conform de …"). Maak ze korter en kies kortere woorden.'
    )
    record = ctx.page_data["content/x.md"]["readability"]
    assert record["verdict"] is Verdict.TOO_HARD
    assert [h["line"] for h in record["hardest"]] == [14, 11]  # the title (H1) is never one of them


@pytest.mark.parametrize("name", ["plain-nl.md", "ordinary-nl.md"])
def test_plain_and_ordinary_pages_pass(name: str) -> None:
    ctx = context()
    assert of(run(sample(name), ctx), "readability.page-score") == []
    assert ctx.page_data["content/x.md"]["readability"]["verdict"] == "ok"


def test_b1_calibration() -> None:
    """The defaults separate plain from bureaucratic writing with room on both sides (see the rules' docs)."""
    scores = {}
    for name in ("plain-nl", "ordinary-nl", "bureaucratic-nl"):
        page = parse_text(sample(f"{name}.md"), name)
        scores[name] = make_context().analysis(page, "nl").scores
    limits = rules.DEFAULT_LIMITS["nl"]
    assert scores["plain-nl"].flesch > 90 and scores["plain-nl"].lix < 25
    assert limits.flesch_min + 5 < scores["ordinary-nl"].flesch < 80
    assert scores["ordinary-nl"].lix < limits.lix_max - 5
    assert scores["bureaucratic-nl"].flesch < limits.flesch_min - 20
    assert scores["bureaucratic-nl"].lix > limits.lix_max + 10


def test_short_page_gets_no_score_but_its_sentences_are_checked() -> None:
    ctx = context()
    findings = run(FRONT + "# Titel\n\n" + LONG_SENTENCE + "\n", ctx)
    assert of(findings, "readability.page-score") == []
    assert len(of(findings, "readability.sentence-length")) == 1
    record = ctx.page_data["content/x.md"]["readability"]
    assert record["measured"] is False and record["verdict"] == "ok"


def test_min_words_is_configurable() -> None:
    body = (
        FRONT
        + "Indien de aanvrager conform de verordening kosteloos een beschikking ontvangt, geschiedt dat.\n"
    )
    assert of(run(body, context(min_words=5)), "readability.page-score")
    assert not of(run(body), "readability.page-score")


def test_scores_record_shape() -> None:
    ctx = context()
    run(sample("plain-nl.md"), ctx)
    record = ctx.page_data["content/x.md"]["readability"]
    assert set(record) == {
        "lang",
        "words",
        "sentences",
        "syllables",
        "words_per_sentence",
        "syllables_per_word",
        "flesch_douma",
        "brouwer",
        "lix",
        "long_word_share",
        "measured",
        "verdict",
        "limits",
        "long_sentences",
        "hardest",
    }
    assert record["lang"] == "nl" and record["measured"] is True
    assert record["words"] == 114 and record["sentences"] == 18
    assert record["flesch_douma"] == pytest.approx(96.9, abs=0.05)
    assert record["lix"] == pytest.approx(20.4, abs=0.05)
    import json

    json.dumps(record)  # plain data for the dashboard


# --- long words ---------------------------------------------------------------------------------------------


def test_long_word_once_per_page_with_its_count() -> None:
    body = FRONT + "Lees de achtergrondinformatie.\n\nDe achtergrondinformatie staat op de site.\n"
    (finding,) = of(run(body), "readability.long-word")
    assert finding.line == FRONT_LINES + 1
    assert finding.severity is Severity.WARNING
    assert finding.message == (
        'Het woord "achtergrondinformatie" heeft 7 lettergrepen. Dat is lang voor veel lezers. '
        "Het staat 2 keer op deze pagina."
    )


def test_a_long_compound_or_rare_word_is_one_finding_of_the_rule_that_says_how_to_fix_it() -> None:
    every_rule = [rules, words, style]
    compound = FRONT + "Sluit een aansprakelijkheidsverzekering af.\n"
    rare = FRONT.replace("---\n", "---\nlang: en\n", 1) + "You get an indemnification.\n"
    assert [f.rule for f in run_rules(parse_text(compound, "content/x.md"), context(), every_rule)] == [
        "readability.compound"
    ]
    found = run_rules(parse_text(rare, "content/x.md"), context(lang="en"), every_rule)
    assert [f.rule for f in found] == ["readability.rare-word"]
    # A site that switches the compound rule off still hears about the long word.
    off = make_context(load_options({"rules": {"readability.compound": "ignore"}}), lang="nl")
    (finding,) = of(run_rules(parse_text(compound, "content/x.md"), off, every_rule), "readability.long-word")
    assert finding.message.startswith('Het woord "aansprakelijkheidsverzekering" heeft 9 lettergrepen.')


def test_common_product_names_pass_and_sites_can_allow_words() -> None:
    assert of(run(FRONT + "Vraag een omgevingsvergunning aan.\n"), "readability.long-word") == []
    text = FRONT + "Lees de achtergrondinformatie.\n"
    assert len(of(run(text), "readability.long-word")) == 1
    allowed = context(long_word_allow=["Achtergrondinformatie"])
    assert of(run(text, allowed), "readability.long-word") == []


def test_legal_terms_and_the_pages_own_name_are_not_long_words() -> None:
    assert of(run(FRONT + "Geef uw burgerservicenummer.\n"), "readability.long-word") == []
    assert of(run(FRONT + "Lees de toegankelijkheidsverklaring.\n"), "readability.long-word") == []
    own = "---\ntitle: Achtergrondinformatie\nsummary: S\n---\nDe achtergrondinformatie is gratis.\n"
    assert of(run(own), "readability.long-word") == []
    other = own.replace("title: Achtergrondinformatie", "title: Parkeren")
    assert len(of(run(other), "readability.long-word")) == 1


def test_names_inside_a_sentence_are_not_long_words() -> None:
    text = FRONT + "Bel de Achtergrondinformatiedienst of de Naturalisation Service.\n"
    assert of(run(text), "readability.long-word") == []
    assert len(of(run(FRONT + "Achtergrondinformatie is nodig.\n"), "readability.long-word")) == 1


def test_numbers_and_abbreviations_are_never_long_words() -> None:
    assert (
        of(
            run(FRONT + "Kom op 12 september 2026 om 10.30 uur, bel 010-123 45 67.\n"),
            "readability.long-word",
        )
        == []
    )


# --- passive ------------------------------------------------------------------------------------------------


def test_passive_with_and_without_agent() -> None:
    body = FRONT + "Uw aanvraag wordt door de gemeente beoordeeld.\n\nDaarna wordt de pas verstuurd.\n"
    first, second = of(run(body), "readability.passive")
    assert (first.line, second.line) == (FRONT_LINES + 1, FRONT_LINES + 3)
    assert first.severity is Severity.WARNING
    assert first.message == 'Deze zin staat in de lijdende vorm: "wordt door de gemeente beoordeeld".'
    assert first.suggestion.startswith('Begin de zin met wie het doet: "de gemeente".')
    assert second.suggestion.startswith("Schrijf wie het doet.")


def test_active_page_has_no_passive() -> None:
    assert (
        of(run(FRONT + "Wij beoordelen uw aanvraag. Daarna sturen wij u de pas.\n"), "readability.passive")
        == []
    )


# --- jargon -------------------------------------------------------------------------------------------------


def test_jargon_each_use_at_its_own_line() -> None:
    body = (
        FRONT
        + "Indien u vragen heeft,\nkunt u middels dit formulier\ncontact opnemen.\n\nU dient te betalen.\n"
    )
    found = of(run(body), "words.jargon")
    assert [(f.line, f.message) for f in found] == [
        (FRONT_LINES + 1, '"Indien" is ambtelijke taal.'),
        (FRONT_LINES + 2, '"middels" is ambtelijke taal.'),
        (FRONT_LINES + 5, '"dient te" is ambtelijke taal.'),
    ]
    assert found[0].suggestion == 'Schrijf liever "als".'
    assert found[1].suggestion == 'Schrijf liever "met" of "door".'
    assert found[2].suggestion.startswith('Schrijf liever "moeten". Schrijf "u moet ..."')
    assert {f.severity for f in found} == {Severity.WARNING}


def test_front_matter_text_is_not_checked() -> None:
    """FRONT's summary says "Indien": front matter is data, only the body is read."""
    assert of(run(FRONT + "Kom op tijd.\n"), "words.jargon") == []


def test_site_jargon_list_relative_to_the_config_dir(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "ambtelijk.yml").write_text(
        "- term: stadsdeelkantoor\n  alternatives: [balie]\n", encoding="utf-8"
    )
    ctx = context(config_dir=tmp_path, jargon_extra="data/ambtelijk.yml", jargon_remove=["indien"])
    found = of(run(FRONT + "Indien u wilt, ga naar het stadsdeelkantoor.\n", ctx), "words.jargon")
    assert [f.message for f in found] == ['"stadsdeelkantoor" is ambtelijke taal.']


def test_site_jargon_list_without_config_dir_uses_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "extra.yml").write_text(
        "- term: stadsdeelkantoor\n  alternatives: [balie]\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    found = of(
        run(FRONT + "Ga naar het stadsdeelkantoor.\n", context(jargon_extra="extra.yml")), "words.jargon"
    )
    assert len(found) == 1


def test_misconfigured_jargon_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(WordListError, match="missing.yml"):
        context(config_dir=tmp_path, jargon_extra="missing.yml")
    with pytest.raises(WordListError, match="indein"):
        context(jargon_remove=["indein"])


# --- English pages, message language, languages -------------------------------------------------------------


def test_english_page() -> None:
    ctx = context(lang="en")
    findings = run(sample("bureaucratic-en.md"), ctx)
    (score,) = of(findings, "readability.page-score")
    assert (
        score.message == "This page is too hard to read: the Flesch Reading Ease is 10 (at least 60) "
        "and the LIX is 65 (at most 45)."
    )
    assert ctx.page_data["content/x.md"]["readability"]["flesch_reading_ease"] == pytest.approx(
        10.1, abs=0.05
    )
    assert ctx.page_data["content/x.md"]["readability"]["brouwer"] is None
    jargon = {f.message for f in of(findings, "words.jargon")}
    assert '"In order to" is officialese.' in jargon and '"prior to" is officialese.' in jargon
    long_words = {f.message.split('"')[1] for f in of(findings, "readability.long-word")}
    assert "municipality" in long_words  # 6 syllables; English limit is 5
    # "approximately" is long too, but the jargon list has a plainer word for it: one finding, with that word.
    assert "approximately" not in long_words
    assert [f.replacement for f in of(findings, "words.jargon-tip") if "approximately" in f.message] == [
        "about"
    ]
    assert of(findings, "readability.passive")
    assert run(sample("plain-en.md"), context(lang="en")) == []


def test_dutch_page_with_english_messages() -> None:
    (finding,) = of(run(FRONT + LONG_SENTENCE + "\n", context(lang="en")), "readability.sentence-length")
    assert finding.message == "This sentence has 28 words. That is too long: the limit is 20."
    assert (
        finding.suggestion == 'Make it two sentences. For example, cut after "online met DigiD," at "omdat".'
    )


def test_unsupported_site_language_is_a_configuration_error() -> None:
    page = parse_text(FRONT + "Kom op tijd.\n", "content/x.md", default_lang="de")
    with pytest.raises(UnsupportedLanguageError):
        rules.check(page, context())


def test_wrong_page_language_is_left_to_the_front_matter_rule() -> None:
    text = "---\ntitle: T\nsummary: S\nlang: fr\n---\n" + LONG_SENTENCE + " Indien.\n"
    assert run(text) == []


def test_defaults_when_the_plugin_config_has_no_readability_options() -> None:
    ctx = make_context()
    page = parse_text(FRONT + LONG_SENTENCE + "\n", "content/x.md")
    assert len(of(run_rules(page, ctx, [rules]), "readability.sentence-length")) == 1
    assert run_rules(page, ctx, [words]) == []


def test_numbers_in_options_accept_int_and_float() -> None:
    ctx = context(nl={"flesch_min": 55, "lix_max": 47.5})
    assert ctx.settings.limits["nl"] == Limits(20, 55, 47.5, 7)
    assert ctx.settings.limits["en"] == DEFAULT_LIMITS["en"]
    with pytest.raises(ValueError, match="readability"):
        context(nl={"flesch_min": "zestig"})


# --- the whole page and Helder's own text -------------------------------------------------------------------


def test_good_product_page_has_no_findings() -> None:
    ctx = context()
    assert run(GOOD_PRODUCT, ctx) == []
    assert ctx.page_data["content/x.md"]["readability"]["verdict"] == "ok"


def test_rule_ids_and_default_levels() -> None:
    declared = {rule.id: rule.severity for rule in rules.RULES + words.RULES}
    assert declared == {
        "readability.sentence-length": Severity.ERROR,
        "readability.page-score": Severity.ERROR,
        "readability.long-word": Severity.WARNING,
        "readability.passive": Severity.WARNING,
        "readability.override-reason": Severity.ERROR,
        "readability.override-value": Severity.ERROR,
        "words.jargon": Severity.WARNING,
        "words.jargon-tip": Severity.INFO,
    }


OUR_MESSAGES = [key for key in all_messages() if key.startswith(("rd_", "words_"))]


@pytest.mark.parametrize("key", OUR_MESSAGES)
def test_our_dutch_messages_pass_our_own_rules(key: str) -> None:
    """Dogfood: every Dutch sentence Helder writes here is at most 20 words and free of officialese."""
    jargon = builtin_word_list("nl")
    for template in all_messages()[key]["nl"]:
        if not template:
            continue
        for sentence in analyze_text(template, "nl").sentences:
            assert sentence.word_count <= 20, (key, sentence.text)
            assert jargon.find(sentence) == [], (key, sentence.text)


ENGLISH = "---\ntitle: Reporting a birth\nsummary: Report the birth of your baby.\n---\n"


@pytest.mark.parametrize(
    ("line", "judged"),
    [
        ("You also get a *akte van naamskeuze*.\n", True),  # Dutch words read as English: rare, long
        ("You also get a *akte van naamskeuze*{ lang=nl }.\n", False),  # marked Dutch: not judged as English
        ('You also get a **akte van naamskeuze**{: lang="nl" }.\n', False),
        ("Read the [akte van naamskeuze](akte.md){ lang=nl } page.\n", False),
        ("You also get a *akte van naamskeuze*{ .note }.\n", True),  # an attribute list without a language
    ],
)
def test_a_part_marked_with_its_own_language_is_not_judged_by_the_pages(line: str, judged: bool) -> None:
    every_rule = [rules, words, style]
    found = run_rules(parse_text(ENGLISH + line, "content/geboorte.en.md"), context(lang="en"), every_rule)
    about = [f for f in found if "naamskeuze" in f.message]
    assert bool(about) is judged, [f.message for f in found]
