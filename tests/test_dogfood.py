"""Helder's own Dutch passes Helder's own checks: its messages, the editor guide, the demo site."""

from __future__ import annotations

import importlib
import pkgutil
import re
import string

import helder
import pytest
from helder.messages import all_messages
from sitelib import BIN, SiteDir

from readability import analyze_text, builtin_word_list

# Import every module so that every message table is registered.
for module in pkgutil.walk_packages(helder.__path__, "helder."):
    importlib.import_module(module.name)

JARGON = {lang: builtin_word_list(lang) for lang in ("nl", "en")}


def filled(template: str) -> str:
    """A template with each {value} replaced by one neutral word, as a reader would see it."""
    names = [name for _, name, _, _ in string.Formatter().parse(template) if name]
    return template.format(**dict.fromkeys(names, "iets"))


def entries(lang: str) -> list[tuple[str, str, str]]:
    """Every text of the catalogue in `lang`, with its values filled in, as (key, part, text)."""
    return sorted(
        (key, part, filled(text))
        for key, texts in all_messages().items()
        for part, text in zip(("message", "suggestion"), texts[lang], strict=True)
        if text.strip()
    )


DUTCH = entries("nl")
ENGLISH = entries("en")


def test_every_part_of_helder_has_its_messages_checked():
    # One message from each module that speaks to editors: if a module stops registering, this fails.
    keys = {key for key, _, _ in DUTCH}
    assert {
        "fm_missing",
        "sec_missing",
        "help_unknown",
        "cat_phone",
        "md_img_alt_missing",
        "rd_page_score",
        "build_refused",
        "cli_summary",
        "gen_help_heading",
        "hp_title",
    } <= keys


@pytest.mark.parametrize(("key", "part", "text"), DUTCH, ids=[f"{k}-{p}" for k, p, _ in DUTCH])
def test_dutch_message_is_b1(key, part, text):
    analysis = analyze_text(text, "nl")
    for sentence in analysis.sentences:
        assert len(sentence.words) <= 20, f"{key}: te lange zin: {sentence.text}"
        assert not JARGON["nl"].find(sentence), f"{key}: ambtelijk woord in: {sentence.text}"


@pytest.mark.parametrize(("key", "part", "text"), ENGLISH, ids=[f"{k}-{p}" for k, p, _ in ENGLISH])
def test_english_message_is_plain(key, part, text):
    analysis = analyze_text(text, "en")
    for sentence in analysis.sentences:
        assert len(sentence.words) <= 20, f"{key}: sentence too long: {sentence.text}"
        assert not JARGON["en"].find(sentence), f"{key}: officialese in: {sentence.text}"


def test_demo_site_and_editor_guide_have_no_findings(demo_copy):
    site = SiteDir.__new__(SiteDir)
    site.root = demo_copy
    result = site.run(str(BIN / "helder"), "check", "--format", "json")
    assert result.code == 0, result.out
    assert result.out.strip() == "[]"
    checked = int(
        re.search(r"(\d+) pagina's gecontroleerd: 0 fouten, 0 waarschuwingen, 0 tips", result.err).group(1)
    )
    written = len(list((demo_copy / "content").rglob("*.md")))
    assert checked > written  # the editor guide is among them, and so are the pages made from the catalogue
