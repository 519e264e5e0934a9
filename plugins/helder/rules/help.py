"""Help keys on a product page must exist in the site's help catalogue (`data/hulp.yml`)."""

from __future__ import annotations

import difflib

from ..findings import Hit, Rule, Severity
from ..messages import Msg
from ..source import SourcePage, item_line
from .context import CheckContext

RULES = [
    Rule("help.unknown", Severity.ERROR, ("help_unknown", "help_close")),
    # Reported by the catalogue's own validation (`helder.catalogue`), at lines in the data file.
    Rule("help.catalogue", Severity.ERROR, ("cat_missing", "cat_yaml", "cat_shape", "cat_missing_key")),
    Rule("help.hours", Severity.ERROR, ("cat_hours", "cat_hours_order")),
    Rule("help.phone", Severity.ERROR, ("cat_phone",)),
    Rule("help.unknown-ref", Severity.ERROR, ("cat_bad_ref",)),
    Rule("help.offer-channel", Severity.ERROR, ("cat_no_channel",)),
    Rule("help.barrier-offers", Severity.ERROR, ("cat_barrier_empty",)),
    Rule("help.channel-name", Severity.WARNING, ("cat_channel_name",)),
]


def check(page: SourcePage, ctx: CheckContext) -> list[Hit]:
    keys = page.meta.get("help")
    if not isinstance(keys, list):
        return []
    known = sorted(ctx.help_keys)
    hits = []
    for index, key in enumerate(keys):
        if not isinstance(key, str) or key in ctx.help_keys:
            continue
        close = difflib.get_close_matches(key, known, n=1)
        hint = Msg("help_close", close=close[0]) if close else ""
        values = {"key": key, "close": hint, "known": ", ".join(known)}
        hits.append(Hit("help.unknown", item_line(page, "help", index), "help_unknown", values))
    return hits
