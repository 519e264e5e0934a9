"""The help section of a product page: the catalogue's offers with their channels, the same on every page.

Generated text comes from one source (the catalogue), so no editor copies a phone number or opening hours by
hand. The section goes under the page's own "Hulp" heading, or under a new one at the end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..catalogue import Catalogue
from ..catalogue.model import Channel, Offer, tel_uri
from ..messages import text
from ..rules.sections import find_section
from ..templating import render
from .text import format_hours, mid_sentence

if TYPE_CHECKING:
    from ..checker import PageReport
    from ..site import Site


def channel_lines(channel: Channel, lang: str) -> list[str]:
    """How to reach a channel, one line each: phone, address, e-mail, chat, form, appointment, hours."""
    lines: list[str] = []
    if channel.phone:
        lines.append(text(lang, "ch_phone", number=channel.phone, uri=tel_uri(channel.phone)))
    if channel.address:
        address = channel.address
        lines.append(
            text(lang, "ch_address", address=f"{address.street}, {address.postcode}, {address.city}")
        )
    if channel.email:
        lines.append(text(lang, "ch_email", email=channel.email))
    if channel.url and channel.type == "chat":
        lines.append(text(lang, "ch_chat", name=channel.name, url=channel.url))
    if channel.form:
        lines.append(text(lang, "ch_form", url=channel.form))
    if channel.appointment:
        lines.append(text(lang, "ch_book", name=channel.name, url=channel.appointment))
    hours = format_hours(channel.hours, lang)
    if hours:
        lines.append(text(lang, "ch_open", hours="; ".join(mid_sentence(h, lang) for h in hours)))
    return lines


def offer_lines(offer: Offer, catalogue: Catalogue, lang: str) -> list[str]:
    """What an offer's list says: how it works, how to reach it, what it costs."""
    lines = [text(lang, "of_how", how=offer.how.strip())]
    channel = catalogue.model.channels.get(offer.channel or "")
    if channel is not None:
        lines.extend(channel_lines(channel, lang))
    if offer.cost:
        lines.append(text(lang, "of_cost", cost=offer.cost))
    return lines


def render_help(catalogue: Catalogue, keys: list[str], lang: str, level: int = 3, mark: str = "") -> str:
    """The offers `keys` as Markdown, each under a heading of `level`. With `mark` ("nl"), every heading,
    paragraph and list item says it is in that language: the catalogue's text on a page in another language."""
    offers = [
        {"offer": offer, "lines": offer_lines(offer, catalogue, lang)}
        for key in keys
        if (offer := catalogue.model.offers.get(key)) is not None
    ]
    return render("pages/help-block.md", lang, offers=offers, hashes="#" * level, mark=mark)


def add_help(markdown: str, result: PageReport, site: Site) -> str:
    """Put the catalogue's help under the page's own "Hulp" heading, or add that heading at the end."""
    page = result.page
    catalogue = site.catalogue
    keys = [k for k in page.str_list("help") if k in site.ctx.help_keys]
    if not keys or catalogue is None:
        return markdown
    kind = site.ctx.sections.get("help")
    heading = find_section(page, kind) if kind else None
    # The catalogue is written in the site's language: on a page in another language its help stays in the
    # catalogue's words, marked as such, so a screen reader reads it with the right pronunciation.
    lang = site.default_lang
    mark = lang if page.lang != lang else ""
    if heading is None:
        title = text(page.lang, "gen_help_heading")
        block = render_help(catalogue, keys, lang, level=3, mark=mark)
        return markdown.rstrip("\n") + f"\n\n## {title}\n\n{block}\n"
    block = render_help(catalogue, keys, lang, level=heading.level + 1, mark=mark)
    # MkDocs hands over the body without its leading blank lines (and other plugins may have changed it): map
    # Helder's source lines onto this text, or, when it is not the same text, put the help at the very end.
    if not page.body.endswith(markdown):
        return markdown.rstrip("\n") + "\n\n" + block
    lines = markdown.split("\n")
    first = page.body_line + page.body[: len(page.body) - len(markdown)].count("\n")
    # The section ends at the next heading of the same or a higher level.
    end = len(lines)
    for other in page.headings:
        if other.line > heading.line and other.level <= heading.level:
            end = other.line - first
            break
    return "\n".join(lines[:end]).rstrip("\n") + f"\n\n{block}\n\n" + "\n".join(lines[end:])
