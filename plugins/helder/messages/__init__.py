"""Every sentence Helder shows, in one catalogue per language: `nl.yml` (Dutch, B1) and `en.yml`.

Code passes a key and values; the catalogue holds the words. So a translator or a B1 reviewer reads one file,
the dogfood test (`tests/test_dogfood.py`) checks every entry with Helder's own rules, and
`tests/test_messages.py` checks that every key exists in every language and that no module writes a
sentence of its own.

An entry is either a text (`key: Tekst met {waarde}.`), a message with its fix (`key: {text: ..., fix: ...}`),
or language data such as a list of accepted headings (`key: [Stappen, Zo werkt het]`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

#: The languages Helder speaks; the first is the default.
LANGUAGES = ("nl", "en")


def language(lang: str | None) -> str:
    """`lang` when Helder speaks it, else Dutch."""
    return lang if lang in LANGUAGES else LANGUAGES[0]


@cache
def catalogue(lang: str) -> dict[str, Any]:
    """The raw catalogue of one language (read once per process: it is part of Helder, not of the site)."""
    text = resources.files(__package__).joinpath(f"{language(lang)}.yml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(data, dict):
        raise TypeError(f"{lang}.yml is not a mapping")
    return data


def _entry(lang: str, key: str) -> Any:
    try:
        return catalogue(language(lang))[key]
    except KeyError:
        raise KeyError(f"message {key!r} is not in {language(lang)}.yml") from None


class Localized:
    """A value that is written differently per language (a message inside a message, a list of words)."""

    def render(self, lang: str) -> str:
        raise NotImplementedError


@dataclass(frozen=True)
class Msg(Localized):
    """A message as data: its key and its values. Rules and gates pass these around; only a view (the build
    log, `helder check`, a report) turns them into words, in the language it speaks."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict)

    def __init__(self, key: str, /, **values: object) -> None:
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "values", values)

    def __hash__(self) -> int:  # equal messages group together (a reason shared by two screens)
        return hash((self.key, repr(sorted(self.values.items()))))

    def render(self, lang: str) -> str:
        return text(lang, self.key, **self.values)

    def pair(self, lang: str) -> tuple[str, str]:
        return message(lang, self.key, **self.values)

    def __str__(self) -> str:
        return self.render(LANGUAGES[0])


class MessageError(Exception):
    """An error that says what went wrong and what to change, as a catalogue message: the CLI and the build
    show `msg` in their own language. Each part of Helder names its own kind (`GateError`, `ShardError`...)."""

    def __init__(self, msg: Msg) -> None:
        super().__init__(str(msg))
        self.msg = msg


@dataclass(frozen=True)
class Quoted(Localized):
    """`"a", "b" of "c"`."""

    items: tuple[object, ...]

    def render(self, lang: str) -> str:
        return quote_list(self.items, lang)


@dataclass(frozen=True)
class Joined(Localized):
    """`a, b en c`, each item itself maybe localized."""

    items: tuple[object, ...]

    def render(self, lang: str) -> str:
        return join((_value(item, lang) for item in self.items), lang)


@dataclass(frozen=True)
class Spaced(Localized):
    """Sentences one after another, each itself maybe localized."""

    items: tuple[object, ...]

    def render(self, lang: str) -> str:
        return " ".join(str(_value(item, lang)) for item in self.items)


@dataclass(frozen=True)
class WithFix(Localized):
    """A message with its fix, as one text (a problem inside another message)."""

    msg: Msg

    def render(self, lang: str) -> str:
        return " ".join(self.msg.pair(lang)).strip()


def _value(value: object, lang: str) -> object:
    return value.render(lang) if isinstance(value, Localized) else value


def message(lang: str, key: str, /, **values: object) -> tuple[str, str]:
    """What is wrong and how to fix it, filled in, in `lang` (Dutch when Helder does not speak `lang`).

    A value that is itself a `Msg` (or another `Localized`) is written in the same language first.
    """
    entry = _entry(lang, key)
    filled = {name: _value(value, lang) for name, value in values.items()}
    if isinstance(entry, dict):
        return str(entry["text"]).format(**filled), str(entry.get("fix") or "").format(**filled)
    return str(entry).format(**filled), ""


def text(lang: str, key: str, /, **values: object) -> str:
    """The text of an entry, filled in."""
    return message(lang, key, **values)[0]


def data(lang: str, key: str) -> Any:
    """Language data (a list of headings, the names of the days) as it stands in the catalogue."""
    return _entry(lang, key)


#: How `data/hulp.yml` and the theme name the days; the catalogue's `days` list follows this order.
DAY_KEYS = ("ma", "di", "wo", "do", "vr", "za", "zo")


@cache
def theme_words(lang: str) -> dict[str, Any]:
    """The words the theme adds to a page (`th_menu` as `menu`), with the names of the months and days.

    The MkDocs plugin hands this to the templates in `overrides/`, so the header, footer, product page and
    404 page take their words from the same catalogue as every other text Helder shows.
    """
    entries = catalogue(language(lang))
    words: dict[str, Any] = {key[3:]: value for key, value in entries.items() if key.startswith("th_")}
    words["months"] = list(entries["months"])
    words["days"] = dict(zip(DAY_KEYS, entries["days"], strict=True))
    return words


def all_messages() -> dict[str, dict[str, tuple[str, str]]]:
    """Every text entry: key -> language -> (text, fix). Language data (lists) is left out."""
    found: dict[str, dict[str, tuple[str, str]]] = {}
    for lang in LANGUAGES:
        for key, entry in catalogue(lang).items():
            if isinstance(entry, str) or (isinstance(entry, dict) and "text" in entry):
                found.setdefault(key, {})[lang] = message_template(entry)
    return found


def message_template(entry: Any) -> tuple[str, str]:
    if isinstance(entry, dict):
        return str(entry["text"]), str(entry.get("fix") or "")
    return str(entry), ""


def quote_list(items: Iterable[object], lang: str = "nl") -> str:
    """`"a", "b" of "c"` — a readable list of allowed values."""
    words = [f'"{_value(item, lang)}"' for item in items]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " " + text(lang, "word_or") + " " + words[-1]


def join(items: Iterable[str], lang: str = "nl") -> str:
    """`a, b en c` — a readable list."""
    parts = list(items)
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " " + text(lang, "word_and") + " " + parts[-1]
