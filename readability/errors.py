"""Errors the engine raises. All are configuration problems, never content findings.

Content problems (a long sentence, a hard word) are results, not exceptions. An exception means the engine was
asked for something it cannot do honestly, such as scoring a language it has no formula or syllable data for.
The plugin turns these into a configuration error, so the build stops with one clear message instead of
publishing scores computed with the wrong constants.
"""

from __future__ import annotations


class ReadabilityConfigError(ValueError):
    """The engine was configured wrongly (a language, a word list). Subclasses say which part."""


class UnsupportedLanguageError(ReadabilityConfigError):
    """A language the engine has no formulas, syllable dictionary or word lists for."""

    def __init__(self, lang: object, supported: tuple[str, ...]) -> None:
        self.lang = lang
        self.supported = supported
        super().__init__(
            f"readability: language {lang!r} is not supported; use one of {', '.join(supported)}. "
            "Scores with another language's constants would be wrong, so Helder does not guess."
        )


class WordListError(ReadabilityConfigError):
    """A word list (YAML) that cannot be read or has entries in the wrong shape."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"readability: word list {source}: {problem}")
