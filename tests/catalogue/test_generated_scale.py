"""Generated help pages that stay readable on a large site (issue 14): the help first, then the services
grouped by theme, each theme short with a link to its own page; a list of links is not prose."""

from __future__ import annotations

import re

from helder.checker import make_context
from helder.rules import readability
from helder.source import parse_text
from sitelib import GOOD_PRODUCT, REPO


def _product(title: str) -> str:
    return GOOD_PRODUCT.replace("Paspoort aanvragen", title).replace(
        "help: [telefoon, balie]", "help: [formulierenhulp]"
    )


def _theme(title: str) -> str:
    return f"---\ntitle: {title}\ntype: overview\nsummary: Alles over {title.lower()}.\n---\n# {title}\n\nKies een dienst.\n"


def test_barrier_page_groups_services_by_theme_and_keeps_each_theme_short(site):
    site.write("data/hulp.yml", (REPO / "data" / "hulp.yml").read_text(encoding="utf-8"))
    site.page("afval/index.md", _theme("Afval"))
    for number in range(12):
        site.page(f"afval/dienst-{number:02d}.md", _product(f"Afvaldienst {number:02d}"))
    site.page("parkeren/index.md", _theme("Parkeren"))
    for number in range(3):
        site.page(f"parkeren/dienst-{number}.md", _product(f"Parkeerdienst {number}"))
    for number in range(7):  # a folder without an overview page: no page to send readers to
        site.page(f"losse-zaken/dienst-{number}.md", _product(f"Losse dienst {number}"))
    result = site.build()
    # --strict and Helder's own rules: the generated pages pass every rule, or the build fails.
    assert result.code == 0, result.text
    html = site.html("hulp/laaggeletterd/index.html")
    main = html[html.index("<article") : html.index("</article>")]
    assert main.index("Deze hulp is er voor u") < main.index("Hier helpt het bij")
    headings = re.findall(r"<h3[^>]*>([^<]+)<", main[main.index("Hier helpt het bij") :])
    assert headings == ["Afval", "Losse zaken", "Parkeren"]
    afval = main[main.index(">Afval<") : main.index(">Losse zaken<")]
    assert re.findall(r">(Afvaldienst \d+)</a>", afval) == [f"Afvaldienst {n:02d}" for n in range(5)]
    assert '<a href="../../afval/">Alle diensten over Afval</a>' in afval
    loose = main[main.index(">Losse zaken<") : main.index(">Parkeren<")]
    assert len(re.findall(r">Losse dienst \d</a>", loose)) == 7 and "Alle diensten" not in loose
    parking = main[main.index(">Parkeren<") :]
    assert len(re.findall(r">Parkeerdienst \d</a>", parking)) == 3 and "Alle diensten" not in parking
    # The group page of the same help does the same, after what it offers.
    group = site.html("hulp/voor-laaggeletterden/index.html")
    assert group.index("Wat u van ons mag verwachten") < group.index("Hier helpt het bij")
    assert "Alle diensten over Afval" in group and group.count(">Afvaldienst ") == 5


LINKS = "".join(
    f"- [Tegemoetkoming arbeidsongeschiktheidsverzekering zelfstandigen {n}](regeling-{n}.md)\n"
    for n in range(30)
)
PAGE = "---\ntitle: Regelingen\ntype: page\nsummary: Alle regelingen.\n---\n# Regelingen\n\n" + (
    "Hier staan alle regelingen. Kies de regeling die bij u past. Bel ons als u twijfelt.\n\n{list}"
)


def _score(text: str) -> tuple[list[str], dict]:
    page = parse_text(text, "content/regelingen.md")
    ctx = make_context()
    hits = readability.check(page, ctx)
    return [hit.rule for hit in hits], ctx.page_data[page.path]["readability"]


def test_a_list_of_links_is_not_prose_in_the_page_score():
    rules, record = _score(PAGE.format(list=LINKS))
    assert "readability.page-score" not in rules
    assert record["words"] == 16  # the three sentences only (4 + 7 + 5 words)
    # The same words as plain list items are prose, and too hard.
    rules, record = _score(PAGE.format(list=re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", LINKS)))
    assert "readability.page-score" in rules
    assert record["words"] > 16


def test_a_list_item_with_a_link_and_more_text_is_still_prose():
    mixed = "".join(
        f"- [Regeling {n}](regeling-{n}.md): een tegemoetkoming voor arbeidsongeschiktheidsverzekeringen\n"
        for n in range(30)
    )
    rules, record = _score(PAGE.format(list=mixed))
    assert record["words"] > 16
    assert "readability.page-score" in rules
