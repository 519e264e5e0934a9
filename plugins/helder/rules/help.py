"""Help keys on a product page must exist in the site's help catalogue (`data/hulp.yml`)."""

from __future__ import annotations

import difflib

from ..findings import Finding, Severity
from ..messages import message
from ..source import SourcePage, item_line
from . import CheckContext, Rule

RULES = [
    Rule("help.unknown", Severity.ERROR, "Een soort hulp die niet in de hulpcatalogus staat."),
    Rule("help.catalogue", Severity.ERROR, "De hulpcatalogus ontbreekt of klopt niet."),
    Rule("help.hours", Severity.ERROR, "Een openingstijd in de hulpcatalogus klopt niet."),
    Rule("help.phone", Severity.ERROR, "Een telefoonnummer in de hulpcatalogus klopt niet."),
    Rule("help.unknown-ref", Severity.ERROR, "De hulpcatalogus noemt iets wat er niet in staat."),
    Rule("help.offer-channel", Severity.ERROR, "Een soort hulp zonder kanaal."),
    Rule("help.barrier-offers", Severity.ERROR, "Een drempel zonder hulp."),
]



def check(page: SourcePage, ctx: CheckContext) -> list[Finding]:
    keys = page.meta.get("help")
    if not isinstance(keys, list):
        return []
    known = sorted(ctx.help_keys)
    findings = []
    for index, key in enumerate(keys):
        if not isinstance(key, str) or key in ctx.help_keys:
            continue
        close = difflib.get_close_matches(key, known, n=1)
        hint = message(ctx.lang, "help_close", close=close[0])[0] if close else ""
        findings.append(
            Finding(
                page.path,
                item_line(page, "help", index),
                "help.unknown",
                Severity.ERROR,
                *message(ctx.lang, "help_unknown", key=key, close=hint, known=", ".join(known)),
            )
        )
    return findings
