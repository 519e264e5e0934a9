"""The words Helder says to editors, in Dutch (B1) and English.

Every message has two parts: what is wrong, and how to fix it. Rule modules keep their own tables and register
them here, so one test can check all of Helder's Dutch text with Helder's own readability rules (dogfood).
"""

from __future__ import annotations

from collections.abc import Mapping

#: message id -> language -> (message, suggestion); both are `str.format` templates.
MessageTable = Mapping[str, Mapping[str, tuple[str, str]]]

LANGUAGES = ("nl", "en")

_TABLES: dict[str, Mapping[str, tuple[str, str]]] = {}


def register(table: MessageTable) -> None:
    for key, texts in table.items():
        missing = [lang for lang in LANGUAGES if lang not in texts]
        if missing:
            raise ValueError(f"message {key!r} has no text for {missing}")
        if key in _TABLES and _TABLES[key] != texts:
            raise ValueError(f"message {key!r} is registered twice with different text")
        _TABLES[key] = texts


def message(lang: str, msg_id: str, /, **values: object) -> tuple[str, str]:
    """The message and the suggestion for `msg_id` in `lang` (English when the site asks for English)."""
    texts = _TABLES[msg_id]
    text, suggestion = texts.get(lang) or texts["nl"]
    return text.format(**values), suggestion.format(**values)


def all_messages() -> dict[str, Mapping[str, tuple[str, str]]]:
    return dict(_TABLES)


def quote_list(items: object, lang: str = "nl") -> str:
    """`"a", "b" of "c"` — a readable list of allowed values."""
    words = [f'"{item}"' for item in items]  # type: ignore[attr-defined]
    if len(words) <= 1:
        return "".join(words)
    joiner = " of " if lang == "nl" else " or "
    return ", ".join(words[:-1]) + joiner + words[-1]


register(
    {
        "file_unreadable": {
            "nl": (
                "Helder kan dit bestand niet lezen ({error}).",
                "Kijk of het bestand bestaat en of u het mag lezen.",
            ),
            "en": (
                "Helder cannot read this file ({error}).",
                "Check that the file exists and that you may read it.",
            ),
        },
        "file_encoding": {
            "nl": (
                "Dit bestand is niet opgeslagen als UTF-8. Op deze regel staat een teken dat Helder niet kan lezen.",
                "Sla het bestand opnieuw op met de codering UTF-8. Dat kan in elke teksteditor.",
            ),
            "en": (
                "This file is not saved as UTF-8. This line has a character Helder cannot read.",
                "Save the file again with the UTF-8 encoding. Every text editor can do that.",
            ),
        },
        "fm_unclosed": {
            "nl": (
                "De gegevens boven aan de pagina zijn niet goed afgesloten.",
                "Zet na de laatste regel met gegevens een regel met alleen drie streepjes: ---",
            ),
            "en": (
                "The data block at the top of the page is not closed.",
                "Put a line with only three dashes (---) after the last line of data.",
            ),
        },
        "fm_yaml": {
            "nl": (
                "De gegevens boven aan de pagina kloppen niet: {problem}.",
                "Kijk naar deze regel. Zet na elke naam een dubbele punt en een spatie. Zet tekst met een dubbele punt"
                " tussen aanhalingstekens.",
            ),
            "en": (
                "The data block at the top of the page is not valid: {problem}.",
                "Look at this line. Put a colon and a space after each name. Put text with a colon in quotes.",
            ),
        },
        "fm_not_mapping": {
            "nl": (
                "De gegevens boven aan de pagina zijn geen lijst van namen met waarden.",
                "Schrijf elke regel als naam: waarde, bijvoorbeeld title: Paspoort aanvragen.",
            ),
            "en": (
                "The data block at the top of the page is not a list of names with values.",
                "Write each line as name: value, for example title: Apply for a passport.",
            ),
        },
    }
)
