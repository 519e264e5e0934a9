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
    if channel.phone_abroad:
        lines.append(
            text(lang, "ch_phone_abroad", number=channel.phone_abroad, uri=tel_uri(channel.phone_abroad))
        )
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
        lines.extend(channel_lines(channel.in_language(lang) or channel, lang))
    if offer.cost:
        lines.append(text(lang, "of_cost", cost=offer.cost))
    return lines


def render_help(catalogue: Catalogue, keys: list[str], lang: str, level: int = 3, page_lang: str = "") -> str:
    """The offers `keys` as Markdown, each under a heading of `level`, in the catalogue's language `lang`.

    On a page in another language (`page_lang`, "en"), an offer that has its texts in that language (`en:` in
    the catalogue) is shown in it; one that has not stays in the catalogue's words, and its every heading,
    paragraph and list item says so (`lang="nl"`), so a screen reader reads it with the right pronunciation."""
    offers = []
    for key in keys:
        offer = catalogue.model.offers.get(key)
        if offer is None:
            continue
        translated = offer.in_language(page_lang) if page_lang and page_lang != lang else None
        if translated is not None:
            offers.append(
                {"offer": translated, "lines": offer_lines(translated, catalogue, page_lang), "mark": ""}
            )
        else:
            mark = lang if page_lang and page_lang != lang else ""
            offers.append({"offer": offer, "lines": offer_lines(offer, catalogue, lang), "mark": mark})
    return render("pages/help-block.md", lang, offers=offers, hashes="#" * level)


def add_help(markdown: str, result: PageReport, site: Site) -> str:
    """Put the catalogue's help under the page's own "Hulp" heading, or add that heading at the end."""
    page = result.page
    catalogue = site.catalogue
    keys = [k for k in page.str_list("help") if k in site.ctx.help_keys]
    if not keys or catalogue is None:
        return markdown
    kind = site.ctx.sections.get("help")
    heading = find_section(page, kind) if kind else None
    # The catalogue is written in the site's language; on a page in another language each offer is in that
    # language when the catalogue has its texts (`en:`), else in the catalogue's words, marked as such.
    lang = site.default_lang
    if heading is None:
        title = text(page.lang, "gen_help_heading")
        block = render_help(catalogue, keys, lang, level=3, page_lang=page.lang)
        return markdown.rstrip("\n") + f"\n\n## {title}\n\n{block}\n"
    block = render_help(catalogue, keys, lang, level=heading.level + 1, page_lang=page.lang)
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
