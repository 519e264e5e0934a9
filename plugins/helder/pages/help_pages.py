"""Pages made from the help catalogue: the help overview, one page per barrier and per target group, the policy.

Nothing here is copied by hand: when a phone number or an offer changes in the catalogue, every page follows.
The pages go through the same checks and gates as hand-written ones.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..catalogue import Catalogue
from ..messages import text
from ..templating import render
from .help_block import channel_lines, render_help
from .text import format_date, front_matter

if TYPE_CHECKING:
    from ..checker import PageReport
    from ..site import Site


@dataclass
class Product:
    """A product page as the help pages list it."""

    src_uri: str
    title: str
    help: list[str]


def generated_pages(site: Site, pages: Mapping[str, PageReport]) -> dict[str, str]:
    """Help pages made from the catalogue (src_uri -> Markdown), given the checked pages by src_uri."""
    folder = (site.options.help_pages or "").strip("/")
    if site.catalogue is None or not folder:
        return {}
    products = [
        Product(uri, r.page.title, r.page.str_list("help"))
        for uri, r in sorted(pages.items(), key=lambda item: item[1].page.title.casefold())
        if r.page.page_type in site.options.product_types
    ]
    return help_pages(site.catalogue, products, folder, site.default_lang)


def _link(from_uri: str, to_uri: str) -> str:
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def help_pages(catalogue: Catalogue, products: list[Product], folder: str, lang: str) -> dict[str, str]:
    """src_uri -> Markdown for every generated help page."""
    pages = {f"{folder}/index.md": overview_page(catalogue, folder, lang)}
    for key in catalogue.model.barriers:
        pages[f"{folder}/{key}.md"] = barrier_page(catalogue, key, products, folder, lang)
    for key in catalogue.model.groups:
        pages[f"{folder}/voor-{key}.md"] = group_page(catalogue, key, folder, lang)
    if catalogue.model.policy is not None:
        pages[f"{folder}/zo-helpen-wij-u.md"] = policy_page(catalogue, folder, lang)
    return pages


def overview_page(catalogue: Catalogue, folder: str, lang: str) -> str:
    """Channels, barriers, groups and every offer."""
    model = catalogue.model
    uri = f"{folder}/index.md"
    channels = [
        {"heading": channel.name[0].upper() + channel.name[1:], "lines": channel_lines(channel, lang)}
        for channel in model.channels.values()
    ]
    barriers = [{"title": b.title, "link": _link(uri, f"{folder}/{k}.md")} for k, b in model.barriers.items()]
    groups = [
        {"title": g.title, "link": _link(uri, f"{folder}/voor-{k}.md")} for k, g in model.groups.items()
    ]
    policy = None
    if model.policy is not None:
        policy = {"title": model.policy.title, "link": _link(uri, f"{folder}/zo-helpen-wij-u.md")}
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
    uri = f"{folder}/{key}.md"
    keys = [k for k in barrier.offers if k in catalogue.model.offers]
    related = [p for p in products if set(p.help) & set(keys)]
    return render(
        "pages/barrier.md",
        lang,
        front=front_matter(barrier.title, barrier.description),
        barrier=barrier,
        offers=render_help(catalogue, keys, lang, level=3),
        products=[{"title": p.title, "link": _link(uri, p.src_uri)} for p in related],
    )


def group_page(catalogue: Catalogue, key: str, folder: str, lang: str) -> str:
    """What we expect of a target group and what it can expect of us (the law's demand d)."""
    model = catalogue.model
    group = model.groups[key]
    uri = f"{folder}/voor-{key}.md"
    # What we offer follows from the group's barriers, plus its own extra offers: nothing is written twice.
    keys: list[str] = []
    for barrier_key in group.barriers:
        barrier = model.barriers.get(barrier_key)
        keys += [k for k in (barrier.offers if barrier else []) if k not in keys]
    keys += [k for k in group.offers if k not in keys]
    links = [
        {"title": model.barriers[b].title, "link": _link(uri, f"{folder}/{b}.md")}
        for b in group.barriers
        if b in model.barriers
    ]
    return render(
        "pages/group.md",
        lang,
        front=front_matter(group.title, text(lang, "hg_summary")),
        group=group,
        offers=render_help(catalogue, [k for k in keys if k in model.offers], lang, level=3),
        barriers=links,
    )


def policy_page(catalogue: Catalogue, folder: str, lang: str) -> str:
    """The support policy: promises, feedback, version, approval and the change log (evidence for a court)."""
    policy = catalogue.model.policy
    assert policy is not None
    effective = format_date(policy.effective, lang)
    uri = f"{folder}/zo-helpen-wij-u.md"
    return render(
        "pages/policy.md",
        lang,
        front=front_matter(
            policy.title, text(lang, "pol_summary", version=policy.version, effective=effective)
        ),
        policy=policy,
        effective=effective,
        approved_on=format_date(policy.approved_on, lang),
        help_link=_link(uri, f"{folder}/index.md"),
        changes=[(c.version, format_date(c.date, lang), c.change) for c in policy.changes],
    )
