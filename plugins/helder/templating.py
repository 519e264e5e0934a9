"""Jinja2 templates for everything Helder writes as HTML or Markdown: the dashboard, the accessibility report,
the pages made from the help catalogue, the accessibility statement.

Python builds the data, a template shows it (as Material does). Templates get `t(key, **values)` for the
message catalogue in their language, so no sentence is written in a template either. HTML templates are
autoescaped; Markdown templates are not (their values are escaped for Markdown where needed by the caller).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from .messages import Localized, text

#: Characters that make Markdown out of text: emphasis, links, code, tables, attribute lists, escapes.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}|])")


def markdown_text(value: object) -> str:
    """A value (a title, a summary) as plain text inside Markdown: `<` and `>` as entities (no HTML), and the
    characters that make emphasis, links, code or table cells escaped with a backslash. Written `| md`."""
    text = str(value).replace("\n", " ")
    if not re.search(r"[<>\\`*_\[\]{}|]", text):
        return text
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return text.replace("<", "&lt;").replace(">", "&gt;")


@cache
def environment() -> Environment:
    """One environment per process (templates are part of Helder, not of the site)."""
    env = Environment(
        loader=PackageLoader("helder", "templates"),
        autoescape=select_autoescape(["html"], default_for_string=False),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = markdown_text
    return env


def render(name: str, lang: str, /, **data: Any) -> str:
    """Render template `name` in language `lang`, with `t()` and `say()` for the catalogue."""

    def t(key: str, /, **values: Any) -> str:
        return text(lang, key, **values)

    def say(value: Any) -> str:
        return value.render(lang) if isinstance(value, Localized) else str(value)

    return environment().get_template(name).render(t=t, say=say, lang=lang, **data)
