"""The rule ids of the accessibility gate, for levels (`rules:` in mkdocs.yml), ignores and `helder rules`.

The engines name their own results: `a11y.axe.<rule>` (axe-core's rule ids) and `a11y.htmlcs.<technique>`
(HTML_CodeSniffer's WCAG technique, such as `H37` or `G18.Fail`; Helder leaves out the standard and the success
criterion in front of it, as ignores do). `data/a11y-rules.txt` lists every id the installed engines can report
(made by `scripts/refresh-a11y-rules`); Helder's own rules are declared here.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from ..findings import Rule, Severity

NOT_CHECKED = "a11y.not-checked"
#: Helder's own browser checks (`browser.py`), by their code: the rule id is `a11y.<code>`.
BROWSER_CHECKS = (
    "keyboard.unreachable",
    "keyboard.trap",
    "keyboard.hidden-focus",
    "keyboard.order",
    "focus.not-visible",
    "reflow",
    "text-spacing",
    "lang",
    "target-size",
)
#: WCAG 2.2 only (2.5.8): a warning while the law asks for 2.1.
WCAG22_ONLY = ("target-size",)


def explanation_key(code: str) -> str:
    """`keyboard.hidden-focus` -> `ax_helder_keyboard_hidden_focus`, the catalogue entry of a browser check."""
    return "ax_helder_" + code.replace(".", "_").replace("-", "_")


#: Helder's own rules in the gate: a page not checked, and the browser checks (`browser.py`) with the
#: catalogue key of their explanation (`explain.HELDER`). Target size is WCAG 2.2: a warning while the law
#: asks for 2.1.
RULES = [
    Rule(NOT_CHECKED, Severity.ERROR, ("a11y_not_checked",)),
    *(
        Rule(
            f"a11y.{code}",
            Severity.WARNING if code in WCAG22_ONLY else Severity.ERROR,
            (explanation_key(code),),
        )
        for code in BROWSER_CHECKS
    ),
]


@cache
def engine_rule_ids() -> frozenset[str]:
    """Every id axe-core and HTML_CodeSniffer can report (static data of Helder, read once)."""
    text = resources.files("helder").joinpath("data/a11y-rules.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def _htmlcs_techniques() -> frozenset[str]:
    """The technique names (H91, G18, F68) in front of HTML_CodeSniffer's result codes."""
    prefix = "a11y.htmlcs."
    return frozenset(i[len(prefix) :].split(".")[0] for i in engine_rule_ids() if i.startswith(prefix))


def is_engine_rule(rule: str) -> bool:
    """`a11y.axe.region`, or `a11y.htmlcs.H91.InputCheckbox.Name` (a known technique with its own detail)."""
    rule = short_id(rule)
    if rule in engine_rule_ids():
        return True
    prefix = "a11y.htmlcs."
    return rule.startswith(prefix) and rule[len(prefix) :].split(".")[0] in _htmlcs_techniques()


def technique(code: str) -> str:
    """The part of an HTML_CodeSniffer code after the success criterion: `...1_1_1.H37` -> `H37`."""
    parts = code.split(".")
    if len(parts) > 4 and parts[0].startswith("WCAG2"):
        return ".".join(parts[4:])
    return code


def short_id(rule: str) -> str:
    """An HTML_CodeSniffer result named by its technique: `a11y.htmlcs.WCAG2AA.Principle1.Guideline1_1.1_1_1.H37`
    -> `a11y.htmlcs.H37`, so a level or an ignore does not depend on the standard. Other ids stay as they are."""
    prefix = "a11y.htmlcs."
    return prefix + technique(rule[len(prefix) :]) if rule.startswith(prefix) else rule
