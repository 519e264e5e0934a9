"""Pages generated from the catalogue: help overview, one page per barrier, per target group, and the policy.

Nothing here is copied by hand: when a phone number or an offer changes in the catalogue, every page follows.
The pages go through the same checks and gates as hand-written ones.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass
from typing import Any

from ..messages import message
from .render import render_channel, render_offer

MONTHS = {
    "nl": [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def format_date(value: Any, lang: str) -> str:
    if isinstance(value, dt.date):
        return f"{value.day} {MONTHS[lang][value.month - 1]} {value.year}"
    return str(value)


def _m(lang: str, key: str, **values: Any) -> str:
    return message(lang, key, **values)[0]


def _front(title: str, summary: str) -> str:
    # Quoted with JSON-style escapes, which YAML reads as the same text.
    import json

    return f"---\ntype: page\ntitle: {json.dumps(title, ensure_ascii=False)}\nsummary: {json.dumps(summary, ensure_ascii=False)}\n---\n"


@dataclass
class Product:
    src_uri: str
    title: str
    help: list[str]


def _link(from_uri: str, to_uri: str) -> str:
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def help_pages(catalogue: Any, products: list[Product], folder: str, lang: str) -> dict[str, str]:
    """src_uri -> Markdown for every generated help page."""
    data = catalogue.data
    pages: dict[str, str] = {}
    index_uri = f"{folder}/index.md"
    policy_uri = f"{folder}/zo-helpen-wij-u.md"
    barriers = catalogue.section("barriers")
    groups = catalogue.section("groups")
    offers = catalogue.section("offers")

    # Overview: channels, barriers, groups, all offers.
    out = [
        _front(_m(lang, "hp_title"), _m(lang, "hp_summary")),
        f"# {_m(lang, 'hp_title')}",
        "",
        _m(lang, "hp_intro"),
        "",
    ]
    out += [f"## {_m(lang, 'hp_channels')}", ""]
    for channel in catalogue.section("channels").values():
        if isinstance(channel, dict):
            name = str(channel.get("name", ""))
            out += [f"### {name[0].upper()}{name[1:]}" if name else "###", ""]
            out += [f"- {line}" for line in render_channel(channel, lang)] + [""]
    if barriers:
        out += [f"## {_m(lang, 'hp_barriers')}", "", _m(lang, "hp_barriers_intro"), ""]
        for key, barrier in barriers.items():
            out.append(f"- [{barrier.get('title', key)}]({_link(index_uri, f'{folder}/{key}.md')})")
        out.append("")
    if groups:
        out += [f"## {_m(lang, 'hp_groups')}", ""]
        for key, group in groups.items():
            out.append(f"- [{group.get('title', key)}]({_link(index_uri, f'{folder}/voor-{key}.md')})")
        out.append("")
    if data.get("policy"):
        out += [
            _m(
                lang,
                "hp_policy_link",
                title=data["policy"].get("title", ""),
                link=_link(index_uri, policy_uri),
            ),
            "",
        ]
    out += [f"## {_m(lang, 'hp_all')}", ""]
    out += [render_offer(catalogue, key, lang, level=3) for key in offers]
    pages[index_uri] = "\n".join(out)

    for key, barrier in barriers.items():
        uri = f"{folder}/{key}.md"
        title = str(barrier.get("title", key))
        keys = [k for k in barrier.get("offers") or [] if k in offers]
        body = [
            _front(title, str(barrier.get("description", ""))),
            f"# {title}",
            "",
            str(barrier.get("description", "")).strip(),
            "",
            f"## {_m(lang, 'hb_help')}",
            "",
        ]
        body += [render_offer(catalogue, k, lang, level=3) for k in keys]
        related = [p for p in products if set(p.help) & set(keys)]
        if related:
            body += [f"## {_m(lang, 'hb_products')}", "", _m(lang, "hb_products_intro"), ""]
            body += [f"- [{p.title}]({_link(uri, p.src_uri)})" for p in related]
        pages[uri] = "\n".join(body) + "\n"

    for key, group in groups.items():
        uri = f"{folder}/voor-{key}.md"
        title = str(group.get("title", key))
        body = [
            _front(title, _m(lang, "hg_summary")),
            f"# {title}",
            "",
            str(group.get("description", "")).strip(),
            "",
        ]
        body += (
            [f"## {_m(lang, 'hg_we_expect')}", ""]
            + [f"- {item}" for item in group.get("we_expect") or []]
            + [""]
        )
        # What we offer follows from the group's barriers, plus its own extra offers: nothing is written twice.
        keys: list[str] = []
        for barrier_key in group.get("barriers") or []:
            keys += [k for k in (barriers.get(barrier_key) or {}).get("offers") or [] if k not in keys]
        keys += [k for k in group.get("offers") or [] if k not in keys]
        body += [f"## {_m(lang, 'hg_you_expect')}", ""]
        body += [render_offer(catalogue, k, lang, level=3) for k in keys if k in offers]
        links = [
            f"- [{barriers[b].get('title', b)}]({_link(uri, f'{folder}/{b}.md')})"
            for b in group.get("barriers") or []
            if b in barriers
        ]
        if links:
            body += [f"## {_m(lang, 'hg_barriers')}", ""] + links
        pages[uri] = "\n".join(body) + "\n"

    policy = data.get("policy")
    if isinstance(policy, dict):
        effective = format_date(policy.get("effective"), lang)
        title = str(policy.get("title", ""))
        body = [
            _front(title, _m(lang, "pol_summary", version=policy.get("version"), effective=effective)),
            f"# {title}",
            "",
            f"## {_m(lang, 'pol_principles')}",
            "",
        ]
        body += [f"- {p}" for p in policy.get("principles") or []] + [""]
        body += [_m(lang, "pol_help_link", link=_link(policy_uri, index_uri)), ""]
        body += [f"## {_m(lang, 'pol_feedback')}", "", str(policy.get("feedback", "")).strip(), ""]
        body += [f"## {_m(lang, 'pol_status')}", ""]
        body += [
            f"- {_m(lang, 'pol_version', version=policy.get('version'))}",
            f"- {_m(lang, 'pol_effective', date=effective)}",
            f"- {_m(lang, 'pol_approved', by=policy.get('approved_by'), date=format_date(policy.get('approved_on'), lang))}",
            "",
        ]
        body += [f"## {_m(lang, 'pol_changes')}", "", _m(lang, "pol_table"), "| --- | --- | --- |"]
        for change in policy.get("changes") or []:
            body.append(
                f"| {change.get('version')} | {format_date(change.get('date'), lang)} | {change.get('change')} |"
            )
        pages[policy_uri] = "\n".join(body) + "\n"
    return pages
