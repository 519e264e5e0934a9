"""The site's options as rules read them: a typed, frozen object made once per site from mkdocs.yml.

Rules never read MkDocs' config objects: `helder.checker.make_context` turns `HelderConfig` into `RuleSettings`.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Limits:
    """Readability limits for one language (see `rules.readability` for the defaults and why)."""

    sentence_words: int
    flesch_min: float
    lix_max: float
    long_word_syllables: int


DEFAULT_LIMITS: dict[str, Limits] = {
    "nl": Limits(sentence_words=20, flesch_min=60, lix_max=45, long_word_syllables=7),
    "en": Limits(sentence_words=20, flesch_min=60, lix_max=45, long_word_syllables=6),
}


@dataclass(frozen=True)
class RuleSettings:
    #: Page types that are products and get the product checks.
    product_types: tuple[str, ...] = ("product",)
    #: A product page reviewed this many months ago is stale (0: never).
    stale_after_months: int = 12
    #: Readability limits per page language, the site's over Helder's defaults.
    limits: dict[str, Limits] = field(default_factory=lambda: dict(DEFAULT_LIMITS))
    #: Pages with fewer words get no page score.
    min_words: int = 50
    #: How many of the hardest sentences a page-score finding names.
    hardest: int = 3
    #: Long words the long-word rule accepts, lowercase.
    long_word_allow: frozenset[str] = frozenset()
    #: Names no style rule reports: the municipality's own names and products (DigiD, MijnOverheid, ...).
    protected_words: tuple[str, ...] = ()
