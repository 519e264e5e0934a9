"""A site in more than one language, built with mkdocs-static-i18n (the MkDocs ecosystem's i18n plugin).

That plugin builds the site once per language: the first build is the main language (Dutch, at `/`), and at
its end it runs MkDocs' whole build again for every other language (English, at `/en/`), with the same plugins
and the same config object. Helder keeps one report, one gate run and one publication over all of them: the
first build starts them, each language build checks its own pages, and the first build's end (after every
language was built) runs the gate and publishes. Everything Helder needs to know of the i18n plugin is read
here, so the rest of Helder never looks at another plugin's attributes.

Pages in another language are `page.en.md` beside `page.md` (the suffix structure): Helder reads the language
from the name, so an English page needs no `lang: en`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File

from readability import SUPPORTED_LANGUAGES

#: `rijbewijs.en.md` → "en": a translation in mkdocs-static-i18n's suffix structure.
_SUFFIX = re.compile(r"\.([a-z]{2})\.md$")


def file_lang(path: str, known: tuple[str, ...] = SUPPORTED_LANGUAGES) -> str | None:
    """The language a file's name gives it (`page.en.md`), if it is one Helder checks."""
    match = _SUFFIX.search(path)
    return match.group(1) if match and match.group(1) in known else None


@dataclass(frozen=True)
class LanguageBuild:
    """Which language the running MkDocs build writes, in a site with more than one."""

    #: The language of this build; None in a site with one language.
    lang: str | None = None
    #: The site's main language (the one at `/`).
    main: str | None = None
    #: True inside a later language's build (run from the end of the first build).
    nested: bool = False

    @property
    def multilingual(self) -> bool:
        return self.lang is not None

    @property
    def is_main(self) -> bool:
        """The main language's build, or a site with one language."""
        return self.lang == self.main

    @property
    def prefix(self) -> str:
        """Where this language's pages are in the site: "" for the main language, "en/" for English."""
        return "" if self.is_main else f"{self.lang}/"


def language_build(config: Any) -> LanguageBuild:
    """The language build MkDocs is running now, from mkdocs-static-i18n's state (none: one language)."""
    plugins = getattr(config, "plugins", None)
    i18n = plugins.get("i18n") if plugins is not None else None
    current = getattr(i18n, "current_language", None)
    if i18n is None or not isinstance(current, str):
        return LanguageBuild()
    return LanguageBuild(lang=current, main=i18n.default_language, nested=bool(i18n.building))


def register_generated(config: Any, file: Any) -> None:
    """A page Helder made (the help pages, the statement) also in mkdocs-static-i18n's own list of this
    language's pages, which its `sitemap.xml` is written from; and with the i18n fields its templates read."""
    i18n = config.plugins.get("i18n")
    lang = getattr(i18n, "current_language", None)
    pages = getattr(i18n, "i18n_files_per_language", None)
    if not isinstance(lang, str) or not isinstance(pages, dict):
        return
    # The fields mkdocs-static-i18n gives each of its own files (suffix.create_i18n_file).
    file.alternates = {lang: file}
    file.locale = file.locale_alternate_of = lang
    file.localization = None
    file.norm_src_uri = file.src_uri
    pages.setdefault(lang, []).append(file)


def url_in_own_language(uri: str, docs_dir: Path, main: str | None, config: Any) -> str | None:
    """The address (from the site's root) of page `uri`, a file in docs_dir, in the build of its own language:
    `verhuizen.md` at `burgerzaken/verhuizen/`, `rijbewijs.en.md` at `en/burgerzaken/rijbewijs/` (the way
    mkdocs-static-i18n places it); None when there is no such file."""
    if not (docs_dir / uri).is_file():
        return None
    lang = file_lang(uri)
    prefix = f"{lang}/" if lang and lang != main else ""
    plain = uri.removesuffix(f".{lang}.md") + ".md" if lang else uri
    url = File(plain, str(docs_dir), config.site_dir, config.use_directory_urls).url
    return prefix + ("" if url == "./" else url)
