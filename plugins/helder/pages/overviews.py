"""The product lists of overview pages: a theme page lists the products in its folder, an audience page
(`overview: {audience: ondernemers}`) every product for that audience, grouped by theme, and the A to Z page
(`overview: {a_to_z: true}`) every product by its first letter."""

from __future__ import annotations

import posixpath
import unicodedata
from typing import TYPE_CHECKING

from ..languages import file_lang
from ..templating import render

if TYPE_CHECKING:
    from ..checker import PageReport, Report
    from ..site import Site


def products(report: Report, site: Site) -> list[tuple[str, PageReport]]:
    """Every product page with readable front matter, by title."""
    found = [
        (uri, r)
        for uri, r in report.pages.items()
        if r.page.page_type in site.options.product_types and r.page.front_matter_ok
    ]
    return sorted(found, key=lambda item: item[1].page.title.casefold())


def _item(from_uri: str, to_uri: str, result: PageReport, lang: str) -> dict[str, str]:
    summary = result.page.meta.get("summary")
    return {
        "title": result.page.title,
        "link": posixpath.relpath(to_uri, posixpath.dirname(from_uri) or "."),
        "summary": summary.strip() if isinstance(summary, str) else "",
        # A title in another language than the list is marked, so a screen reader reads it in its own language.
        "lang": result.page.lang if result.page.lang != lang else "",
    }


def overview(src_uri: str, result: PageReport, report: Report, site: Site) -> str:
    """The Markdown list an overview page gets below its own text."""
    lang = result.page.lang
    settings = result.page.meta.get("overview")
    audience = settings.get("audience") if isinstance(settings, dict) else None
    # In a site in two languages (mkdocs-static-i18n) an overview lists the pages of its own language:
    # `producten-a-z.en.md` the English pages (`*.en.md`), `producten-a-z.md` the others.
    own = file_lang(src_uri)
    chosen = [(uri, r) for uri, r in products(report, site) if file_lang(uri) == own]
    if isinstance(settings, dict) and settings.get("a_to_z") is True:
        return a_to_z(src_uri, chosen, lang)
    if audience:
        folders: dict[str, list[dict[str, str]]] = {}
        for uri, r in chosen:
            if audience in r.page.str_list("audience"):
                folders.setdefault(uri.split("/")[0] if "/" in uri else "", []).append(
                    _item(src_uri, uri, r, lang)
                )
        groups = [
            {"title": theme_title(folder, report, lang), "items": items} for folder, items in folders.items()
        ]
        groups.sort(key=lambda group: group["title"].casefold())
        return render("pages/overview.md", lang, groups=groups, items=[])
    folder = posixpath.dirname(src_uri)
    prefix = folder + "/" if folder else ""
    items = [_item(src_uri, uri, r, lang) for uri, r in chosen if uri.startswith(prefix) and uri != src_uri]
    return render("pages/overview.md", lang, groups=[], items=items)


def a_to_z(src_uri: str, chosen: list[tuple[str, PageReport]], lang: str) -> str:
    """Every service under the first letter of its title (É under E, a number under #): a list that works
    without JavaScript, where search does not."""
    letters: dict[str, list[dict[str, str]]] = {}
    for uri, r in chosen:
        item = {**_item(src_uri, uri, r, lang), "summary": ""}  # names only: a list to scan
        letters.setdefault(first_letter(r.page.title), []).append(item)
    groups = [{"title": letter, "items": letters[letter]} for letter in sorted(letters)]
    # A row of letters on top, each a jump to its heading (the toc extension names heading "A" `#a`).
    jumps = [(letter, "#" + ("_1" if letter == "#" else letter.lower())) for letter in sorted(letters)]
    return render("pages/overview.md", lang, groups=groups, items=[], jumps=jumps)


def first_letter(title: str) -> str:
    """ "Één loket" -> "E"; "14 0123 bellen" -> "#"."""
    letter = unicodedata.normalize("NFKD", title.strip()[:1])[:1].upper()
    return letter if letter.isalpha() else "#"


def theme_title(folder: str, report: Report, lang: str) -> str:
    """A theme by the title of its folder's index page."""
    from ..messages import text

    if not folder:
        return text(lang, "gen_other")
    index = report.pages.get(f"{folder}/index.md")
    return index.page.title if index else folder.replace("-", " ").capitalize()
