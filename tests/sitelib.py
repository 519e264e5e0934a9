"""Test helpers: real temporary MkDocs sites, built and checked the way users do it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

#: A product page with everything Helder requires; tests change one thing at a time.
GOOD_PRODUCT = """\
---
title: Paspoort aanvragen
summary: U vraagt een paspoort aan bij de balie in het stadhuis.
audience: [inwoners]
upl: http://standaarden.overheid.nl/owms/terms/paspoort
online: nee
owner: Burgerzaken
reviewed: 2026-10-01
help: [telefoon, balie]
---
# Paspoort aanvragen

Een paspoort is een bewijs van wie u bent. U heeft het nodig voor een reis.

## Stappen

1. Maak een afspraak.
2. Kom naar het stadhuis.
3. Haal na een week uw paspoort op.

## Wat heeft u nodig?

- Uw oude paspoort.
- Een pasfoto.

## Kosten

Een paspoort kost € 84,00.

## Hoe lang duurt het?

Het duurt een week.

## Bezwaar maken

Bent u het niet eens met ons besluit? Dan kunt u bezwaar maken.
"""

CATALOGUE = """\
municipality: Gemeente Test
channels:
  telefoon:
    type: phone
    name: het Klantcontactcentrum
    phone: "14 0123"
    hours:
      - {days: [ma, di, wo, do, vr], open: "08:30", close: "17:00"}
  stadhuis:
    type: desk
    name: het stadhuis
    address: {street: Marktplein 1, postcode: 1234 AB, city: Teststad}
    hours:
      - {days: [ma, di, wo, do, vr], open: "09:00", close: "16:30"}
offers:
  telefoon:
    name: Bel ons
    what: Bel ons met uw vraag.
    for: Iedereen
    how: Bel het nummer hieronder.
    cost: Gratis
    channel: telefoon
  balie:
    name: Kom naar de balie
    what: Kom naar het stadhuis.
    for: Iedereen
    how: Maak eerst een afspraak.
    cost: Gratis
    channel: stadhuis
"""


def mkdocs_yml(extra: str = "", helder: str = "") -> str:
    helder_block = "  - helder" + (
        ":\n" + textwrap.indent(textwrap.dedent(helder), "      ") if helder else ""
    )
    return (
        "site_name: Testgemeente\n"
        "docs_dir: content\n"
        "theme:\n  name: material\n  language: nl\n  font: false\n"
        "plugins:\n  - search\n" + helder_block + "\n" + extra
    )


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


class SiteDir:
    """A temporary site: mkdocs.yml, content/ and data/hulp.yml, built and checked by the real commands."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.write("mkdocs.yml", mkdocs_yml())
        self.write("data/hulp.yml", CATALOGUE)

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def page(self, rel: str, text: str) -> Path:
        return self.write(f"content/{rel}", text)

    def run(self, *args: str) -> Run:
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        proc = subprocess.run(args, cwd=self.root, capture_output=True, text=True, env=env, timeout=300)
        return Run(proc.returncode, proc.stdout, proc.stderr)

    def probe(self, code: str, *args: str, workers: str, timeout: float = 300) -> Run:
        """Python `code` run in a process of its own in the site's folder (Helder never forks a process with
        threads, and a test run has threads), with `HELDER_WORKERS=workers`."""
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", HELDER_WORKERS=workers)
        proc = subprocess.run(
            [sys.executable, "-c", code, *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            env=env,
            timeout=timeout,
        )
        return Run(proc.returncode, proc.stdout, proc.stderr)

    def build(self, *extra: str) -> Run:
        return self.run(str(BIN / "mkdocs"), "build", "--strict", *extra)

    def check(self, *args: str) -> Run:
        return self.run(str(BIN / "helder"), "check", *args)

    def check_json(self, *args: str) -> tuple[int, list[dict]]:
        result = self.check("--format", "json", *args)
        return result.code, json.loads(result.out)

    def html(self, rel: str) -> str:
        return (self.root / "site" / rel).read_text(encoding="utf-8")


#: One sentence of 34 words in official language: a `readability.sentence-length` error.
LONG_SENTENCE = (
    "Indien u een aanvraag wilt indienen voor een vergunning dan dient u er rekening mee te houden dat de "
    "behandeling van die aanvraag door de gemeente in sommige gevallen langer kan duren dan verwacht."
)


def twelve_pages(site: SiteDir) -> None:
    """Twelve product pages for the tests of checks over several processes; every third has one sentence that
    is too long (4 errors)."""
    for number in range(12):
        extra = f"\n{LONG_SENTENCE}\n" if number % 3 == 0 else "\nBel ons als u vragen heeft.\n"
        site.page(
            f"dienst-{number:02d}.md", GOOD_PRODUCT.replace("Paspoort aanvragen", f"Dienst {number}") + extra
        )
