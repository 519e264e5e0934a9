"""The README's section for editors ("Voor redacteuren", right after the two set-up commands) passes Helder's own
rules and tells the truth: every command it names exists, and its signs are the preview's signs."""

from __future__ import annotations

import re

from helder.preview.render import SIGNS
from sitelib import REPO

from readability import analyze_markdown, builtin_word_list

README = (REPO / "README.md").read_text(encoding="utf-8")
#: The section from its heading to the next section of the same level.
SECTION = re.search(r"^## Voor redacteuren\n.*?(?=^## )", README, re.MULTILINE | re.DOTALL)
TEXT = re.sub(r"<!--.*?-->", "", SECTION.group(0) if SECTION else "", flags=re.DOTALL)


def test_it_is_the_first_section_after_the_two_commands():
    headings = re.findall(r"^## (.+)$", README, re.MULTILINE)
    assert headings[:2] == ["Two commands", "Voor redacteuren"]
    assert len(TEXT) > 2000  # the whole section, not only its heading


def test_the_dutch_is_b1():
    analysis = analyze_markdown(TEXT, "nl")
    jargon = builtin_word_list("nl")
    long = [s.text for s in analysis.sentences if s.word_count > 20]
    officialese = [m.found for s in analysis.sentences for m in jargon.find(s)]
    assert long == [] and officialese == []
    assert analysis.scores.flesch >= 60 and analysis.scores.lix <= 45


def test_every_make_command_it_names_exists():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    named = set(re.findall(r"`make (\w+)`", TEXT))
    assert named == {"nieuw", "serve", "check"}
    for target in named:
        assert re.search(rf"^{target}:", makefile, re.MULTILINE), target


def test_the_signs_are_the_preview_signs():
    rows = dict(re.findall(r"^\| (Z|M|LV|A|MW) \| ([^|]+) \|", TEXT, re.MULTILINE))
    kinds = {"sentence": "te lange zin", "hard": "moeilijke zin", "passive": "lijdende vorm"}
    kinds |= {"jargon": "ambtelijk woord", "word": "moeilijk woord"}
    assert {SIGNS[kind]: name for kind, name in kinds.items()} == {k: v.strip() for k, v in rows.items()}
