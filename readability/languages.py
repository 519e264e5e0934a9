"""The languages the engine can score, and the one place that checks a language code.

textstat silently falls back to English constants for a language it does not know; a Dutch municipality that
sets `de` by mistake would then get English scores without noticing. Here every entry point calls
`check_language`, which accepts only what is in `SUPPORTED_LANGUAGES` and raises otherwise.
"""

from __future__ import annotations

from .errors import UnsupportedLanguageError

SUPPORTED_LANGUAGES: tuple[str, ...] = ("nl", "en")

#: Pyphen dictionary per language. Both ship inside the pyphen wheel, so nothing is downloaded.
PYPHEN_DICTIONARIES: dict[str, str] = {"nl": "nl_NL", "en": "en_US"}


def check_language(lang: object) -> str:
    """The engine's language code for `lang`, or `UnsupportedLanguageError`.

    A region variant of a supported language (`nl-BE`, `nl_NL`, `en-GB`) is the same language for our formulas
    and word lists, so it is accepted as its base code. Anything else is refused, never guessed.
    """
    if not isinstance(lang, str) or not lang.strip():
        raise UnsupportedLanguageError(lang, SUPPORTED_LANGUAGES)
    base = lang.strip().lower().replace("_", "-").split("-", 1)[0]
    if base not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguageError(lang, SUPPORTED_LANGUAGES)
    return base
