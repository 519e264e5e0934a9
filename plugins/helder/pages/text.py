"""Small pieces of text shared by the generated pages: dates, days, opening hours, phone links, front matter."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

from pydantic import ValidationError

from ..catalogue.model import Slot
from ..messages import DAY_KEYS, data, join, text


def format_date(value: object, lang: str) -> str:
    """`3 september 2026`."""
    if isinstance(value, dt.date):
        return f"{value.day} {data(lang, 'months')[value.month - 1]} {value.year}"
    return str(value)


def format_time(value: str, lang: str) -> str:
    hours, _, minutes = str(value).partition(":")
    return text(lang, "hours_time", hours=int(hours), minutes=minutes or "00")


def format_days(days: Sequence[str], lang: str) -> str:
    """`maandag tot en met vrijdag`, `dinsdag, donderdag en zaterdag`."""
    names = data(lang, "days")
    index = [DAY_KEYS.index(d) for d in days if d in DAY_KEYS]
    if len(index) >= 3 and index == list(range(index[0], index[-1] + 1)):
        return text(lang, "hours_range", first=names[index[0]], last=names[index[-1]])
    return join((names[i] for i in index), lang)


def format_hours(hours: Sequence[Slot], lang: str) -> list[str]:
    """`Maandag tot en met vrijdag: 8.30 tot 17.00 uur` — one line per group of days."""
    lines = []
    for slot in hours:
        start, end = format_time(slot.open, lang), format_time(slot.close, lang)
        line = text(lang, "hours_line", days=format_days(slot.days, lang), start=start, end=end)
        lines.append(line[0].upper() + line[1:])
    return lines


def theme_hours(hours: object, lang: str) -> list[str]:
    """Opening hours as the theme's footer shows them (`contact.hours`, from the catalogue or mkdocs.yml), in
    the same words as the help sections; a slot that is not valid is left out (the catalogue reports it)."""
    slots = []
    for item in hours if isinstance(hours, list) else []:
        try:
            slots.append(item if isinstance(item, Slot) else Slot.model_validate(item))
        except ValidationError:
            continue
    return format_hours(slots, lang)


def mid_sentence(value: str, lang: str) -> str:
    """A line that starts a sentence, continued inside one: Dutch day names lose their capital."""
    return value[0].lower() + value[1:] if value and lang == "nl" else value


def front_matter(title: str, summary: str) -> str:
    """The front matter of a generated page. Values are quoted with JSON escapes, which YAML reads as the
    same text, so a title with a colon or a quote stays one value."""
    title, summary = json.dumps(title, ensure_ascii=False), json.dumps(summary, ensure_ascii=False)
    return f"---\ntype: page\ntitle: {title}\nsummary: {summary}\n---\n"
