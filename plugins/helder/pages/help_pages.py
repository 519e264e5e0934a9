"""Pages made from the help catalogue: the help overview, one page per barrier and per target group, the policy.

Nothing here is copied by hand: when a phone number or an offer changes in the catalogue, every page follows.
The pages go through the same checks and gates as hand-written ones.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..catalogue import Catalogue
from ..checker import PageReport
from ..findings import Finding
from ..messages import text
from ..templating import render
from .help_block import channel_lines, render_help
from .text import format_date, front_matter

if TYPE_CHECKING:
    from ..checkcache import CheckCache
    from ..site import Site
    from ..source import SourcePage


#: How many services a theme shows on a barrier or group page; the theme's own page lists them all.
SHOWN_PER_THEME = 5


@dataclass
class Product:
    """A product page as the help pages list it."""

    src_uri: str
    title: str
    help: list[str]
    #: The page's own language: a title in another language than the list is marked with it.
    lang: str = ""
    #: The theme: the folder of the page ("" for a page at the top), its title and its overview page.
    theme: str = ""
    theme_title: str = ""
    theme_page: str | None = None


def generated_pages(site: Site, pages: Mapping[str, PageReport]) -> dict[str, str]:
    """Help pages made from the catalogue (src_uri -> Markdown), given the checked pages by src_uri."""
    folder = (site.options.help_pages or "").strip("/")
    if site.catalogue is None or not folder:
        return {}
    products = []
    for uri, r in sorted(pages.items(), key=lambda item: item[1].page.title.casefold()):
        if r.page.page_type not in site.options.product_types:
            continue
        theme = posixpath.dirname(uri)
        index = pages.get(f"{theme}/index.md") if theme else None
        title = (
            index.page.title
            if index
            else (theme.replace("-", " ").capitalize() or text(site.default_lang, "gen_other"))
        )
        page = index and f"{theme}/index.md"
        products.append(Product(uri, r.page.title, r.page.str_list("help"), r.page.lang, theme, title, page))
    return help_pages(site.catalogue, products, folder, site.default_lang)


def by_theme(uri: str, products: list[Product], lang: str) -> list[dict[str, object]]:
    """Services grouped by theme, themes by title. A theme with an overview page shows its first few services
    and a link to that page; a theme without one shows them all (there is no other list to send readers to).
    A title in another language than the page (`lang`) is marked with its own."""
    themes: dict[str, list[Product]] = {}
    for product in products:
        themes.setdefault(product.theme, []).append(product)
    groups = []
    for members in themes.values():
        first = members[0]
        shown = members[:SHOWN_PER_THEME] if first.theme_page else members
        groups.append(
            {
                "title": first.theme_title,
                "items": [
                    {"title": title, "link": _link(uri, p.src_uri), "lang": p.lang if p.lang != lang else ""}
                    for p, title in _unique_titles(shown)
                ],
                "more": _link(uri, first.theme_page)
                if first.theme_page and len(members) > len(shown)
                else None,
            }
        )
    return sorted(groups, key=lambda group: str(group["title"]).casefold())


# -- where each help page lives in the help folder (`hulp/`): the names in one place -------------------------


def overview_uri(folder: str) -> str:
    return f"{folder}/index.md"


def barrier_uri(folder: str, key: str) -> str:
    return f"{folder}/{key}.md"


def group_uri(folder: str, key: str) -> str:
    return f"{folder}/voor-{key}.md"


def policy_uri(folder: str) -> str:
    return f"{folder}/zo-helpen-wij-u.md"


def help_page_uris(catalogue: Catalogue, folder: str) -> list[str]:
    """Every help page the catalogue makes, without making them."""
    model = catalogue.model
    uris = [overview_uri(folder), *(barrier_uri(folder, k) for k in model.barriers)]
    uris += [group_uri(folder, k) for k in model.groups]
    return uris + ([policy_uri(folder)] if model.policy is not None else [])


def generated_uris(site: Site) -> frozenset[str]:
    """The pages the build will make (help pages, the accessibility statement), known before any page is
    checked, so a link to them is not a missing file."""
    folder = (site.options.help_pages or "").strip("/")
    uris = set(help_page_uris(site.catalogue, folder)) if site.catalogue and folder else set()
    if site.options.statement.enabled:
        uris.add(site.options.statement.page)
    return frozenset(uris)


def check_generated(
    site: Site,
    pages: Mapping[str, PageReport],
    made: Mapping[str, str],
    cache: CheckCache | None = None,
    *,
    checks: bool = True,
) -> tuple[dict[str, PageReport], list[Finding]]:
    """Check the pages made from the catalogue like any page, and report what is wrong at its source
    (`checks=False`, the plugin's `checks: false`: read them, run no rule).

    An editor cannot open `content/hulp/digitaal.md`: it is made from `data/hulp.yml`. A finding on such a page
    moves to the catalogue line its text came from (or to the entry the page is made from), once, however
    many pages show that text. Product names listed on these pages are names, not prose: their long words are
    the product pages' own business.
    """
    from ..checker import check_cached
    from ..source import parse_text

    names = {
        word.lower()
        for r in pages.values()
        if r.page.page_type in site.options.product_types
        for word in re.findall(r"\w+", r.page.title)
    }
    ctx = replace(site.ctx, names=frozenset(names))
    made_from = "\n".join(sorted(names)).encode("utf-8")
    results: dict[str, PageReport] = {}
    moved: dict[tuple[object, ...], Finding] = {}
    for uri, markdown in made.items():
        page = parse_text(markdown, site.generated_path(uri), default_lang=site.default_lang, lang=ctx.lang)
        if not checks:
            results[uri] = PageReport(page, [])
            continue
        result = check_cached(page, ctx, cache, made_from)
        for finding in result.findings:
            relocated = _at_source(finding, page, uri, site, pages)
            # One text, one finding: the same words on three pages (a heading here, a list item there) are one
            # thing to fix in the catalogue.
            moved.setdefault((relocated.path, relocated.line, relocated.rule), relocated)
        results[uri] = PageReport(page, [], result.data)
    return results, list(moved.values())


def _at_source(
    finding: Finding, page: SourcePage, uri: str, site: Site, pages: Mapping[str, PageReport]
) -> Finding:
    """The finding where its text came from: a product's title line, the catalogue line of a text, or else
    the catalogue entry the page is made from."""
    catalogue = site.catalogue
    if catalogue is None:
        return finding
    line = None
    lines = page.text.split("\n")
    if finding.line is not None and 0 < finding.line <= len(lines):
        text = lines[finding.line - 1]
        for result in pages.values():
            if f"[{result.page.title}" in text and result.page.path != page.path:
                return replace(finding, path=result.page.path, line=result.page.line_of("title"))
        line = catalogue.line_of_text(text)
    if line is None:
        name = posixpath.basename(uri)[: -len(".md")]
        entry = ("groups", name[len("voor-") :]) if name.startswith("voor-") else ("barriers", name)
        line = catalogue.entry_lines.get(entry) or (
            catalogue.entry_lines.get(("policy",)) if name == "zo-helpen-wij-u" else 1
        )
    return replace(finding, path=catalogue.path, line=line)


def _link(from_uri: str, to_uri: str) -> str:
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def help_pages(catalogue: Catalogue, products: list[Product], folder: str, lang: str) -> dict[str, str]:
    """src_uri -> Markdown for every generated help page."""
    pages = {overview_uri(folder): overview_page(catalogue, folder, lang)}
    for key in catalogue.model.barriers:
        pages[barrier_uri(folder, key)] = barrier_page(catalogue, key, products, folder, lang)
    for key in catalogue.model.groups:
        pages[group_uri(folder, key)] = group_page(catalogue, key, products, folder, lang)
    if catalogue.model.policy is not None:
        pages[policy_uri(folder)] = policy_page(catalogue, folder, lang)
    return pages


def overview_page(catalogue: Catalogue, folder: str, lang: str) -> str:
    """Channels, barriers, groups and every offer."""
    model = catalogue.model
    uri = overview_uri(folder)
    channels = [
        {"heading": channel.name[0].upper() + channel.name[1:], "lines": channel_lines(channel, lang)}
        for channel in model.channels.values()
    ]
    barriers = [
        {"title": b.title, "link": _link(uri, barrier_uri(folder, k))} for k, b in model.barriers.items()
    ]
    groups = [{"title": g.title, "link": _link(uri, group_uri(folder, k))} for k, g in model.groups.items()]
    policy = None
    if model.policy is not None:
        policy = {"title": model.policy.title, "link": _link(uri, policy_uri(folder))}
    return render(
        "pages/help-overview.md",
        lang,
        front=front_matter(text(lang, "hp_title"), text(lang, "hp_summary")),
        channels=channels,
        barriers=barriers,
        groups=groups,
        policy=policy,
        offers=render_help(catalogue, list(model.offers), lang, level=3),
    )


def barrier_page(catalogue: Catalogue, key: str, products: list[Product], folder: str, lang: str) -> str:
    """What makes contact hard, in the resident's words; the help for it; the services where it helps."""
    barrier = catalogue.model.barriers[key]
    uri = barrier_uri(folder, key)
    keys = [k for k in barrier.offers if k in catalogue.model.offers]
    related = [p for p in products if set(p.help) & set(keys)]
    return render(
        "pages/barrier.md",
        lang,
        front=front_matter(barrier.title, barrier.description),
        barrier=barrier,
        offers=render_help(catalogue, keys, lang, level=3),
        themes=by_theme(uri, related, lang),
    )


def _unique_titles(products: list[Product]) -> list[tuple[Product, str]]:
    """Each product with a link text of its own: two products with one title get their file name added, so a
    list of links never has two the same (a screen reader's list of links would show two identical entries).
    The title itself is reported once, at the page (`frontmatter.title-duplicate`)."""
    seen: dict[str, int] = {}
    for product in products:
        seen[product.title.casefold()] = seen.get(product.title.casefold(), 0) + 1

    def told_apart(product: Product) -> str:
        return f"{product.title} ({posixpath.basename(product.src_uri)[: -len('.md')].replace('-', ' ')})"

    return [(p, told_apart(p) if seen[p.title.casefold()] > 1 else p.title) for p in products]


def group_page(catalogue: Catalogue, key: str, products: list[Product], folder: str, lang: str) -> str:
    """What we expect of a target group and what it can expect of us (the law's demand d)."""
    model = catalogue.model
    group = model.groups[key]
    uri = group_uri(folder, key)
    # What we offer follows from the group's barriers, plus its own extra offers: nothing is written twice.
    keys: list[str] = []
    for barrier_key in group.barriers:
        barrier = model.barriers.get(barrier_key)
        keys += [k for k in (barrier.offers if barrier else []) if k not in keys]
    keys += [k for k in group.offers if k not in keys]
    links = [
        {"title": model.barriers[b].title, "link": _link(uri, barrier_uri(folder, b))}
        for b in group.barriers
        if b in model.barriers
    ]
    keys = [k for k in keys if k in model.offers]
    return render(
        "pages/group.md",
        lang,
        front=front_matter(group.title, text(lang, "hg_summary")),
        group=group,
        offers=render_help(catalogue, keys, lang, level=3),
        themes=by_theme(uri, [p for p in products if set(p.help) & set(keys)], lang),
        barriers=links,
    )


def policy_page(catalogue: Catalogue, folder: str, lang: str) -> str:
    """The support policy: promises, feedback, version, approval and the change log (evidence for a court)."""
    policy = catalogue.model.policy
    assert policy is not None
    effective = format_date(policy.effective, lang)
    uri = policy_uri(folder)
    return render(
        "pages/policy.md",
        lang,
        front=front_matter(
            policy.title, text(lang, "pol_summary", version=policy.version, effective=effective)
        ),
        policy=policy,
        effective=effective,
        approved_on=format_date(policy.approved_on, lang),
        help_link=_link(uri, overview_uri(folder)),
        changes=[(c.version, format_date(c.date, lang), c.change) for c in policy.changes],
    )
