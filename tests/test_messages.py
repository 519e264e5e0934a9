"""One message catalogue per language: every key in every language, every key the code uses exists, and no
module writes a sentence of its own (so a translator or a B1 reviewer finds every word in `messages/*.yml`)."""

from __future__ import annotations

import ast
import re
import string
import sys
from pathlib import Path

import pytest
from helder.audit import browser
from helder.audit.explain import AXE, GENERIC, HELDER, HTMLCS
from helder.audit.report_sections import NOT_AUTOMATED
from helder.messages import LANGUAGES, catalogue
from helder.pages.statement import REASON_KEYS
from helder.preview.render import KINDS
from helder.rules import registry
from helder.rules.frontmatter import HINTED, ONLINE
from helder.rules.sections import DEFAULT_SECTIONS
from pygments.lexers import JavascriptLexer  # Material's code highlighter: a real JavaScript tokenizer
from pygments.token import String
from sitelib import REPO

PACKAGE = REPO / "plugins" / "helder"
#: What Helder counts in its summaries (`findings.count`).
COUNTED = ("pages", "errors", "warnings", "tips", "screens", "ignored", "changes")
TEMPLATES = PACKAGE / "templates"
#: The theme's templates: `h.t("menu")` is the catalogue's `th_menu` (`messages.theme_words`).
THEME = REPO / "overrides"


def placeholders(entry: object) -> dict[str, set[str]]:
    parts = entry if isinstance(entry, dict) and "text" in entry else {"text": entry}
    return {
        part: {name for _, name, _, _ in string.Formatter().parse(str(value)) if name}
        for part, value in parts.items()
        if isinstance(value, str)
    }


def test_every_language_has_every_key_with_the_same_values():
    dutch = catalogue("nl")
    for lang in LANGUAGES[1:]:
        other = catalogue(lang)
        assert set(dutch) == set(other), set(dutch) ^ set(other)
        for key, entry in dutch.items():
            if isinstance(entry, list):
                assert isinstance(other[key], list) and len(other[key]) in (len(entry), *range(1, 20)), key
            elif key != "click":
                assert placeholders(entry) == placeholders(other[key]), key


# --- every key the code names is in the catalogue -----------------------------------------------------------

_CALLS = {"Msg": 0, "message": 1, "text": 1, "Hit": 2, "fail": None}


def keys_in_python() -> set[str]:
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            # click help texts are catalogue keys, written in the user's language by `cli.localize`.
            found.update(
                k.value.value for k in node.keywords if k.arg == "help" and isinstance(k.value, ast.Constant)
            )
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            index = _CALLS.get(name or "")
            if index is not None and len(node.args) > index:
                arg = node.args[index]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.add(arg.value)
    return found


def script_strings(path: Path) -> list[tuple[int, str]]:
    """Every string literal of a JavaScript file with its line (comments and regular expressions left out)."""
    found = []
    line = 1
    for token, value in JavascriptLexer().get_tokens(path.read_text(encoding="utf-8")):
        if token in String and token not in String.Regex:
            found.append((line, value.strip("'\"`")))
        line += value.count("\n")
    return found


#: The browser checks' script names the catalogue's sentences for what it saw (`say` in the script).
SCRIPTS = sorted(PACKAGE.rglob("*.cjs"))


def keys_in_scripts() -> set[str]:
    return {
        value
        for path in SCRIPTS
        for _, value in script_strings(path)
        if value.startswith(browser.SAID_PREFIXES)
    }


def test_every_key_the_browser_script_names_is_a_sentence_in_every_language():
    keys = keys_in_scripts()
    assert {"bc_saw_trap", "bc_saw_reflow_past", "bc_page_no_answer"} <= keys
    for lang in LANGUAGES:
        assert sorted(keys - set(catalogue(lang))) == [], lang


def keys_in_templates() -> set[str]:
    found: set[str] = set()
    for path in TEMPLATES.rglob("*"):
        if path.is_file():
            source = path.read_text(encoding="utf-8")
            found.update(re.findall(r"""\bt\(\s*["']([\w.-]+)["']\s*[,)]""", source))
    for path in THEME.rglob("*.html"):
        source = path.read_text(encoding="utf-8")
        call = r"\b(?:h\.)?t" if path.name == "text.html" else r"\bh\.t"  # Material's own `t()` is not ours
        found.update(f"th_{key}" for key in re.findall(call + r"""\(\s*["'](\w+)["']\s*\)""", source))
    return found


def keys_made_by_code() -> set[str]:
    """Keys the code builds from parts: one per section kind, hint, status, reason, formula, explanation."""
    keys = {f"fm_hint_{key}" for key in HINTED}
    keys |= {f"sec_label_{kind}" for kind in DEFAULT_SECTIONS} | {
        f"sec_headings_{kind}" for kind in DEFAULT_SECTIONS
    }
    keys |= {f"how_{kind}" for kind in ("steps", "documents", "help", "other")}
    keys |= {f"st_status_{letter}" for letter in "ABCDE"} | {f"st_reason_{reason}" for reason in REASON_KEYS}
    keys |= {f"st_status_name_{letter}" for letter in "ABCDE"}  # the national register's status names
    keys |= {f"status_{status}" for status in ("passed", "failed", "not_checked")}
    keys |= {"formula_nl", "formula_en", GENERIC, *HTMLCS.values(), *AXE.values(), *HELDER.values()}
    keys |= {f"rep_manual_{topic}" for topic in NOT_AUTOMATED}  # what a person must still check
    keys |= {f"lang_name_{lang}" for lang in LANGUAGES}  # the language checks name the languages
    keys |= {"rule.sections.missing", "rule.sections.list"}  # `helder rules`, with the kind's label
    keys |= {f"new_ph_first_{online}" for online in ONLINE}  # the first step of a new page
    keys |= {f"level_{level}" for level in ("error", "warning", "info")}  # every text line starts with it
    keys |= {f"n_{what}{one}" for what in COUNTED for one in ("", "_one")}  # counts with singular and plural
    levels = ("error", "warning", "info")  # the preview's words per level and per kind of highlight
    keys |= {f"pv_{level}_{n}" for level in levels for n in ("one", "many")}
    keys |= {f"pv_{part}_{level}" for part in ("level", "word") for level in levels}
    keys |= {f"pv_kind_{kind}" for kind in KINDS}
    for rule in registry.all_rules():
        keys.update(rule.messages)
        if not rule.id.startswith("sections."):
            keys.add(f"rule.{rule.id}")
    return keys


def test_every_key_the_code_names_is_in_the_catalogue():
    used = keys_in_python() | keys_in_templates() | keys_made_by_code() | keys_in_scripts()
    missing = sorted(key for key in used if key not in catalogue("nl"))
    assert missing == []


def strings_in_code() -> set[str]:
    """Every string constant in the package and every quoted word in the templates."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    for path in TEMPLATES.rglob("*"):
        if path.is_file():
            found.update(re.findall(r"""["']([\w.-]+)["']""", path.read_text(encoding="utf-8")))
    return found


def test_the_catalogue_has_no_entries_nobody_uses():
    used = (
        keys_in_python() | keys_in_templates() | keys_made_by_code() | strings_in_code() | keys_in_scripts()
    )
    assert sorted(set(catalogue("nl")) - used) == []


# --- no sentences outside the catalogue ---------------------------------------------------------------------

#: Three words in a row: the shape of a sentence in any language Helder speaks.
_SENTENCE = re.compile(r"[A-Za-zÀ-ÿ'’]+ [A-Za-zÀ-ÿ'’]+ [A-Za-zÀ-ÿ'’]+")

#: Strings that look like words but are not for people: what other tools write, which Helder matches on, and
#: code. Each with its reason.
NOT_FOR_PEOPLE = {
    ("audit/runner.py", "Failed to launch the browser"): "pa11y-ci's own output, matched to explain it",
    ("audit/runner.py", "Browser was not found"): "pa11y-ci's own output, matched to explain it",
    ("audit/runner.py", "'use strict'"): "the progress reporter, JavaScript for Node",
    ("messages/__init__.py", ".yml is not"): "a bug in Helder's own catalogue file, for its developers",
    ("messages/__init__.py", " is not in "): "a bug: a key missing from the catalogue, for its developers",
    ("site.py", "Plugin '"): "MkDocs' own message about a setting, matched to name the setting",
}


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def sentences_outside_the_catalogue() -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree)
        rel = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)) or id(node) in skip:
                continue
            if _SENTENCE.search(node.value) and not any(
                rel == where and node.value.startswith(start) or start in node.value and rel == where
                for where, start in NOT_FOR_PEOPLE
            ):
                found.append(f"{rel}:{node.lineno}: {node.value[:60]!r}")
    for path in SCRIPTS:  # the browser checks' Node script: its findings are catalogue keys too (issue 11)
        rel = path.relative_to(PACKAGE).as_posix()
        found += [
            f"{rel}:{line}: {value[:60]!r}" for line, value in script_strings(path) if _SENTENCE.search(value)
        ]
    return found


def test_no_module_writes_a_sentence_of_its_own():
    assert sentences_outside_the_catalogue() == []


def test_the_check_finds_a_sentence_written_in_code(tmp_path, monkeypatch):
    # The scan itself must be able to fail: a module with a Dutch sentence in a string is found.
    bad = PACKAGE / "zz_test_sentence.py"
    bad.write_text('MESSAGE = "Deze pagina heeft een fout."\n', encoding="utf-8")
    try:
        assert any("zz_test_sentence.py:1" in line for line in sentences_outside_the_catalogue())
    finally:
        bad.unlink()


def test_the_check_finds_a_sentence_written_in_the_browser_script(monkeypatch, tmp_path):
    # The same for the Node script: a Dutch sentence in a string is found, one in a comment or a regex is not.
    script = tmp_path / "checks.cjs"
    script.write_text(
        "// Een zin in commentaar is geen tekst voor mensen.\n"
        "const words = text.match(/[\\p{L}']+/gu);\n"
        "const say = 'De focus blijft hangen.';\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(sys.modules[__name__], "SCRIPTS", [script])
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", tmp_path)
    found = [line for line in sentences_outside_the_catalogue() if line.startswith("checks.cjs")]
    assert found == ["checks.cjs:3: 'De focus blijft hangen.'"]


# --- the command line in Dutch and in English --------------------------------------------------------------

ENGLISH_CLICK = ("Usage:", "Options", "Show this message and exit.", "Commands")


@pytest.mark.parametrize("command", [[], ["check"], ["rules"], ["audit"], ["nieuw"]])
def test_help_is_dutch_by_default(site, command):
    result = site.run(str(Path(__import__("sys").executable).parent / "helder"), *command, "--help")
    assert result.code == 0, result.text
    assert "Gebruik:" in result.out and "Opties" in result.out and "Toon deze hulp en stop." in result.out
    for english in ENGLISH_CLICK:
        assert english not in result.out


@pytest.mark.parametrize("how", ["flag", "env"])
def test_help_is_english_when_asked(site, how, monkeypatch):
    helder = str(Path(__import__("sys").executable).parent / "helder")
    if how == "flag":
        result = site.run(helder, "--lang", "en", "check", "--help")
    else:
        monkeypatch.setenv("LANG", "en_GB.UTF-8")
        monkeypatch.delenv("LANGUAGE", raising=False)
        monkeypatch.delenv("LC_ALL", raising=False)
        monkeypatch.delenv("LC_MESSAGES", raising=False)
        result = site.run(helder, "check", "--help")
    assert result.code == 0, result.text
    assert "Usage:" in result.out and "Check Markdown pages without building the site" in result.out
    assert "Gebruik:" not in result.out and "Controleer" not in result.out


def test_a_wrong_option_is_told_in_dutch(site):
    result = site.run(str(Path(__import__("sys").executable).parent / "helder"), "check", "--formaat", "json")
    assert result.code == 2
    assert "Fout: De optie '--formaat' bestaat niet." in result.err
