"""Jinja2 templates for everything Helder writes as HTML or Markdown: the dashboard, the accessibility report,
the pages made from the help catalogue, the accessibility statement.

Python builds the data, a template shows it (as Material does). Templates get `t(key, **values)` for the
message catalogue in their language, so no sentence is written in a template either. HTML templates are
autoescaped; Markdown templates are not (their values are escaped for Markdown where needed by the caller).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from .messages import Localized, text


@cache
def environment() -> Environment:
    """One environment per process (templates are part of Helder, not of the site)."""
    return Environment(
        loader=PackageLoader("helder", "templates"),
        autoescape=select_autoescape(["html"], default_for_string=False),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(name: str, lang: str, /, **data: Any) -> str:
    """Render template `name` in language `lang`, with `t()` and `say()` for the catalogue."""

    def t(key: str, /, **values: Any) -> str:
        return text(lang, key, **values)

    def say(value: Any) -> str:
        return value.render(lang) if isinstance(value, Localized) else str(value)

    return environment().get_template(name).render(t=t, say=say, lang=lang, **data)
