"""Benchmark: the readability engine and rules over N generated Dutch service pages.

    .venv/bin/python bench/readability_bench.py            # 1,000 pages
    .venv/bin/python bench/readability_bench.py -n 5000 --seed 7

The pages look like real product pages (headings, steps, a cost table, an admonition, amounts, dates, phone
numbers, some officialese and some long sentences), and their vocabulary is generated from Dutch word parts so
that most compounds are unique: a benchmark that repeats the same 200 words would only measure the syllable
cache. Caches are cleared before the timed run, so the first page pays for pyphen like a fresh build does.

Prints the time of each stage and pages per second; the target is well under 2 s for 1,000 pages.
"""

from __future__ import annotations

import argparse
import random
import time

from helder.checker import make_context, run_rules
from helder.rules import readability as readability_rules
from helder.rules import words as words_rules
from helder.source import SourcePage, parse_text

from readability import syllables


def _split(text: str) -> list[str]:
    return text.split()


FIRST = _split(
    "aanvraag afval bouw burger dienst gemeente grond huur inkomen jeugd kind markt milieu parkeer reis "
    "school sport straat subsidie uitkering verhuis vestiging water woning zorg belasting bestemming "
    "evenement horeca kapvergunning leerling mantel monument nood ondernemer pas rijbewijs schuld taxi "
    "verkeer wijk"
)
SECOND = _split(
    "vergunning regeling loket aanvraag formulier kaart pas melding plan toeslag bijdrage heffing dienst "
    "verklaring bewijs register afspraak overzicht termijn ontheffing keuring controle vergoeding"
)
VERBS = _split("vraagt krijgt betaalt stuurt meldt maakt kiest bekijkt ontvangt regelt leest vult")
OBJECTS = [
    "het formulier",
    "een afspraak",
    "uw paspoort",
    "een brief",
    "de kosten",
    "uw gegevens",
    "een pasfoto",
]
PLACES = [
    "bij de balie",
    "op het stadhuis",
    "online met DigiD",
    "in de bibliotheek",
    "per post",
    "bij het loket",
]
MONTHS = _split("januari februari maart april mei juni juli augustus september oktober november december")
JARGON = [
    "Indien u vragen heeft, kunt u contact opnemen met het Klantcontactcentrum.",
    "U dient het formulier volledig in te vullen conform de instructies.",
    "De vergunning wordt middels een brief aan u verstrekt.",
    "Ten behoeve van de aanvraag dient u een kopie van uw identiteitsbewijs te overleggen.",
]
LONG = (
    "Wanneer u een aanvraag indient voor een {a} terwijl u nog niet beschikt over alle gegevens die wij "
    "nodig hebben, kan het gebeuren dat de behandeling langer duurt omdat wij u dan eerst om aanvullende "
    "informatie moeten vragen."
)


def _compound(rng: random.Random) -> str:
    word = rng.choice(FIRST) + rng.choice(SECOND)
    if rng.random() < 0.3:
        word = rng.choice(FIRST) + "s" + word
    return word


def _sentence(rng: random.Random) -> str:
    pick = rng.random()
    if pick < 0.08:
        return rng.choice(JARGON)
    if pick < 0.14:
        return LONG.format(a=_compound(rng))
    if pick < 0.30:
        return f"De {_compound(rng)} kost € {rng.randint(5, 400)},{rng.choice(['00', '50', '95'])}."
    if pick < 0.40:
        day, month, hour = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(8, 16)
        return f"Kom op {day} {month} 2026 om {hour}.{rng.choice(['00', '30'])} uur."
    if pick < 0.48:
        return f"Bel ons op 14 0{rng.randint(10, 999)} of mail naar info@gemeente.nl."
    if pick < 0.55:
        return f"Uw {_compound(rng)} wordt binnen {rng.randint(2, 8)} weken door ons beoordeeld."
    return f"U {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(PLACES)} voor uw {_compound(rng)}."


def make_page(rng: random.Random, number: int) -> str:
    title = _compound(rng).capitalize()
    lines = [
        "---",
        f"title: {title} aanvragen",
        f"summary: Zo vraagt u een {title.lower()} aan.",
        "audience: [inwoners]",
        "online: digid",
        "owner: Publiekszaken",
        "reviewed: 2026-10-01",
        "---",
        f"# {title} aanvragen",
        "",
        " ".join(_sentence(rng) for _ in range(rng.randint(2, 4))),
        "",
        "## Stappen",
        "",
    ]
    lines += [f"{step}. {_sentence(rng)}" for step in range(1, rng.randint(3, 6))]
    lines += ["", "## Wat heeft u nodig?", ""]
    lines += [f"- {_sentence(rng)}" for _ in range(rng.randint(2, 5))]
    lines += ["", "## Kosten", "", "| Product | Prijs |", "|---|---|"]
    lines += [f"| {_compound(rng)} | € {rng.randint(5, 300)},00 |" for _ in range(rng.randint(1, 3))]
    lines += ["", '!!! note "Let op"', "    " + _sentence(rng), "", "## Meer informatie", ""]
    for _ in range(rng.randint(2, 4)):
        lines += [" ".join(_sentence(rng) for _ in range(rng.randint(3, 6))), ""]
    lines += ["```", "code die niet meetelt", "```", f"Zie [de regels](https://example.nl/{number})."]
    return "\n".join(lines) + "\n"


def run(count: int, seed: int) -> dict[str, float]:
    rng = random.Random(seed)
    texts = [make_page(rng, number) for number in range(count)]

    started = time.perf_counter()
    pages: list[SourcePage] = [parse_text(text, f"content/p{number}.md") for number, text in enumerate(texts)]
    front_matter = time.perf_counter() - started

    started = time.perf_counter()
    for page in pages:
        _ = page.tokens  # markdown-it, shared with the other rules
    markdown = time.perf_counter() - started

    ctx = make_context()
    syllables.cache_clear()
    findings = 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for page in pages:
        findings += len(run_rules(page, ctx, [readability_rules, words_rules]))
    rules = time.perf_counter() - started
    rules_cpu = time.process_time() - cpu_started

    words = sum(ctx.page_data[p.path]["readability"]["words"] for p in pages)
    return {
        "pages": count,
        "words": words,
        "findings": findings,
        "front_matter_s": front_matter,
        "markdown_s": markdown,
        "rules_s": rules,
        "rules_cpu_s": rules_cpu,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--pages", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    result = run(args.pages, args.seed)
    pages = result["pages"]
    print(f"pages: {pages}, words: {result['words']}, findings: {result['findings']}")
    print(f"front matter (helder.source): {result['front_matter_s']:.3f} s")
    print(f"markdown-it parse (shared):   {result['markdown_s']:.3f} s")
    print(
        f"readability + words rules:    {result['rules_s']:.3f} s  ({pages / result['rules_s']:.0f} pages/s)"
        f"  [CPU {result['rules_cpu_s']:.3f} s: wall time suffers when other jobs share the cores]"
    )
    total = result["markdown_s"] + result["rules_s"]
    print(f"parse + rules:                {total:.3f} s  ({pages / total:.0f} pages/s)")


if __name__ == "__main__":
    main()
