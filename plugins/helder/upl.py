"""The Uniforme Productnamenlijst (UPL): the standard name and URI of every municipal product.

Helder ships a copy (`data/upl.csv`, converted from the official `UPL-actueel.json`); `scripts/refresh-upl`
rebuilds it. URIs are case-sensitive.
"""

from __future__ import annotations

import csv
import difflib
from dataclasses import dataclass
from functools import cache
from importlib import resources

PREFIX = "http://standaarden.overheid.nl/owms/terms/"


@dataclass(frozen=True)
class UplEntry:
    name: str
    uri: str
    citizens: bool
    businesses: bool


@cache
def upl_list() -> dict[str, UplEntry]:
    """URI -> entry, read once per process."""
    text = resources.files("helder").joinpath("data/upl.csv").read_text(encoding="utf-8")
    entries = {}
    for row in csv.DictReader(text.splitlines()):
        entry = UplEntry(
            row["UniformeProductnaam"], row["URI"], row.get("Burger") == "X", row.get("Bedrijf") == "X"
        )
        entries[entry.uri] = entry
    return entries


def closest(uri: str, n: int = 3) -> list[UplEntry]:
    """The real entries nearest to an unknown URI, by its last part and by product name."""
    entries = upl_list()
    tail = uri.rsplit("/", 1)[-1].casefold()
    by_tail = {e.uri.rsplit("/", 1)[-1].casefold(): e for e in entries.values()}
    by_name = {e.name.casefold(): e for e in entries.values()}
    found: list[UplEntry] = []
    for key in difflib.get_close_matches(tail, list(by_tail), n=n, cutoff=0.5):
        found.append(by_tail[key])
    for key in difflib.get_close_matches(tail.replace("_", " "), list(by_name), n=n, cutoff=0.5):
        if by_name[key] not in found:
            found.append(by_name[key])
    return found[:n]


def by_name(name: str, n: int = 5) -> tuple[UplEntry | None, list[UplEntry]]:
    """The entry with exactly this product name (any case), or None and the nearest names.

    Nearest: names that look alike ("paspoort" for "pasport"), then names that contain what was typed
    ("gehandicaptenparkeerkaart bestuurder" for "parkeerkaart"), at most `n`.
    """
    wanted = " ".join(name.casefold().split())
    by_lower = {entry.name.casefold(): entry for entry in upl_list().values()}
    if wanted in by_lower:
        return by_lower[wanted], []
    if not wanted:
        return None, []
    found = [by_lower[key] for key in difflib.get_close_matches(wanted, list(by_lower), n=n, cutoff=0.6)]
    containing = sorted((key for key in by_lower if wanted in key), key=lambda key: (len(key), key))
    for key in containing:
        if by_lower[key] not in found:
            found.append(by_lower[key])
    return None, found[:n]
