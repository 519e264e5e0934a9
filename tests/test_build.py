"""Real temporary MkDocs builds: what editors see in the log and what residents get in the HTML."""

from __future__ import annotations

import json
import re
import time

from sitelib import BIN, GOOD_PRODUCT, mkdocs_yml

OVERVIEW = "---\ntitle: Burgerzaken\nsummary: Alles over uw gegevens.\ntype: overview\n---\n# Burgerzaken\n\nDit zijn de producten.\n"
HOME = "---\ntitle: Home\nsummary: Welkom.\ntype: page\n---\n# Welkom\n\nFijn dat u er bent.\n"


def test_good_site_builds_strict_with_help_from_the_catalogue(site):
    site.page("index.md", HOME)
    site.page("burgerzaken/index.md", OVERVIEW)
    site.page("burgerzaken/paspoort.md", GOOD_PRODUCT)
    result = site.build()
    assert result.code == 0, result.text
    assert not re.search(r"helder: \S+(:\d+)?: \[", result.text), result.text  # no findings at all
    html = site.html("burgerzaken/paspoort/index.html")
    assert '<h2 id="hulp">Hulp</h2>' in html
    assert '<h3 id="bel-ons">Bel ons</h3>' in html
    assert '<a href="tel:140123">14 0123</a>' in html
    assert (
        "Maandag tot en met vrijdag: 8.30 tot 17.00 uur" not in html
    )  # hours are one sentence in a list item
    assert "maandag tot en met vrijdag: 8.30 tot 17.00 uur." in html
    assert "Marktplein 1, 1234 AB, Teststad" in html


def test_overview_page_lists_its_products(site):
    site.page("burgerzaken/index.md", OVERVIEW)
    site.page("burgerzaken/paspoort.md", GOOD_PRODUCT)
    site.page("burgerzaken/rijbewijs.md", GOOD_PRODUCT.replace("Paspoort aanvragen", "Rijbewijs verlengen"))
    assert site.build().code == 0
    html = site.html("burgerzaken/index.html")
    assert html.index('href="paspoort/">Paspoort aanvragen</a>') < html.index(
        'href="rijbewijs/">Rijbewijs verlengen</a>'
    )
    assert "U vraagt een paspoort aan bij de balie in het stadhuis." in html


def test_audience_overview_groups_products_by_theme(site):
    site.page("burgerzaken/index.md", OVERVIEW)
    site.page("burgerzaken/paspoort.md", GOOD_PRODUCT)
    site.page("ondernemen/index.md", OVERVIEW.replace("Burgerzaken", "Ondernemen"))
    site.page(
        "ondernemen/terras.md",
        GOOD_PRODUCT.replace("[inwoners]", "[ondernemers]").replace("Paspoort aanvragen", "Terras"),
    )
    site.page(
        "ondernemers.md",
        "---\ntitle: Voor ondernemers\nsummary: Alles voor bedrijven.\ntype: overview\n"
        "overview: {audience: ondernemers}\n---\n# Voor ondernemers\n",
    )
    assert site.build().code == 0
    html = site.html("ondernemers/index.html")
    assert '<h2 id="ondernemen">Ondernemen</h2>' in html
    assert "Terras</a>" in html and "Paspoort aanvragen</a>" not in html


def test_hand_written_help_keeps_its_text_and_gets_the_catalogue(site):
    page = GOOD_PRODUCT.replace("## Bezwaar maken", "## Hulp\n\nVraag ook uw buren.\n\n## Bezwaar maken")
    site.page("paspoort.md", page)
    assert site.build().code == 0
    html = site.html("paspoort/index.html")
    hulp = html[html.index('id="hulp"') : html.index('id="bezwaar-maken"')]
    assert "Vraag ook uw buren." in hulp and "Bel ons</h3>" in hulp


def test_missing_section_fails_the_build_with_the_dutch_message(site):
    site.page(
        "paspoort.md",
        GOOD_PRODUCT.replace("1. Maak", "- Maak").replace("2. Kom", "- Kom").replace("3. Haal", "- Haal"),
    )
    result = site.build()
    assert result.code == 1
    assert (
        'content/paspoort.md:15: [sections.steps-list] Onder "Stappen" staat geen genummerde lijst.'
        " — Zet elke stap op een eigen regel met 1., 2., 3."
    ) in result.text


def test_build_without_strict_still_refuses_an_error(site):
    site.page("paspoort.md", GOOD_PRODUCT.replace("## Wat heeft u nodig?", "## Meenemen"))
    result = site.run(str(BIN / "mkdocs"), "build")
    assert result.code == 1
    assert "[sections.documents-missing]" in result.text
    # One error: the closing words speak of one.
    assert (
        "Helder vond 1 fout. De site kan nog niet online. Verbeter de fout hierboven en bouw" in result.text
    )


def test_rule_level_from_mkdocs_yml(site):
    site.write("mkdocs.yml", mkdocs_yml(helder="rules:\n  sections.documents-missing: warning\n"))
    site.page("paspoort.md", GOOD_PRODUCT.replace("## Wat heeft u nodig?", "## Meenemen"))
    result = site.build()
    assert result.code == 0, result.text
    assert "[sections.documents-missing]" in result.text  # still shown, as a warning
    code, found = site.check_json()
    assert code == 0 and found[0]["severity"] == "warning"


def test_page_may_silence_a_rule_only_with_a_reason(site):
    page = GOOD_PRODUCT.replace("## Wat heeft u nodig?\n\n- Uw oude paspoort.\n- Een pasfoto.\n", "")
    site.page(
        "a.md",
        page.replace(
            "help: [", "ignore:\n  sections.documents-missing: U hoeft niets mee te nemen.\nhelp: ["
        ),
    )
    page = page.replace("Paspoort aanvragen", "ID-kaart aanvragen")  # a title of its own
    site.page("b.md", page.replace("help: [", "ignore:\n  sections.documents-missing:\nhelp: ["))
    code, found = site.check_json()
    assert code == 1
    assert [(f["path"], f["rule"], f["line"]) for f in found] == [
        ("content/b.md", "sections.documents-missing", None),
        ("content/b.md", "frontmatter.ignore-reason", 9),
    ]


def test_unknown_help_key_names_file_line_and_known_keys(site):
    site.page(
        "paspoort.md", GOOD_PRODUCT.replace("help: [telefoon, balie]", "help:\n  - telefoon\n  - baile")
    )
    result = site.build()
    assert result.code == 1
    assert (
        'content/paspoort.md:11: [help.unknown] De hulp "baile" staat niet in de hulpcatalogus. — '
        'Bedoelt u "balie"? Kies uit: balie, telefoon.'
    ) in result.text


def test_unknown_rule_in_config_is_a_configuration_error(site):
    site.write("mkdocs.yml", mkdocs_yml(helder="rules:\n  sections.kosten: warning\n"))
    site.page("paspoort.md", GOOD_PRODUCT)
    result = site.check()
    assert result.code == 2
    assert 'regel "sections.kosten". Die regel bestaat niet.' in result.err
    build = site.build()  # a setting problem: exit 2 in the build too (issue 15), not 1 as for findings
    assert build.code == 2 and "Die regel bestaat niet." in build.text and "Traceback" not in build.text


def test_check_formats_and_exit_codes(site):
    site.page("goed.md", GOOD_PRODUCT)
    assert site.check().code == 0
    fout = GOOD_PRODUCT.replace("online: nee", "online: soms").replace(
        "Paspoort aanvragen", "Rijbewijs aanvragen"
    )
    site.page("fout.md", fout)
    text = site.check()
    assert text.code == 1
    assert text.out.splitlines() == [
        'Fout: content/fout.md:6: [frontmatter.value] Bij "online" staat "soms". Dat kan niet. — Kies "ja", "nee", "digid" of "eherkenning".'
    ]
    github = site.check("--format", "github")
    assert github.out.startswith("::error file=content/fout.md,line=6,title=frontmatter.value::Bij")
    code, found = site.check_json("content/fout.md")
    assert code == 1 and set(found[0]) == {"path", "line", "rule", "severity", "message", "suggestion"}
    assert site.check("content/bestaat-niet.md").code == 2
    assert site.check("--format", "xml").code == 2


def test_build_writes_the_page_map_and_scores_for_later_gates(site):
    site.page("index.md", HOME)
    site.page("burgerzaken/paspoort.md", GOOD_PRODUCT)
    assert site.build().code == 0
    pages = json.loads((site.root / ".helder" / "pages.json").read_text(encoding="utf-8"))
    assert pages == {
        "/": "content/index.md",
        "/burgerzaken/paspoort/": "content/burgerzaken/paspoort.md",
        "/hulp/": "content/hulp/index.md",  # generated from the catalogue; named where it would be
        "/toegankelijkheid/": "content/toegankelijkheid.md",  # the generated accessibility statement
    }


def test_unsupported_site_language_is_a_configuration_error(site):
    site.write("mkdocs.yml", mkdocs_yml().replace("language: nl", "language: de"))
    site.page("paspoort.md", GOOD_PRODUCT)
    result = site.check()
    assert result.code == 2
    assert 'De taal "de" kan Helder niet controleren. Helder kent: nl, en.' in result.err


def test_broken_jargon_list_is_a_configuration_error(site):
    site.write("mkdocs.yml", mkdocs_yml(helder="readability:\n  jargon_remove: [bestaatniet]\n"))
    site.page("paspoort.md", GOOD_PRODUCT)
    result = site.check()
    assert result.code == 2
    assert (
        "jargon_remove in mkdocs.yml staat bestaatniet. Dat staat in geen enkele woordenlijst." in result.err
    )
    assert "Traceback" not in result.text


def test_unsafe_html_never_reaches_the_site(site):
    site.write("mkdocs.yml", mkdocs_yml(helder="rules:\n  markdown.unsafe-html: warning\n"))
    site.page(
        "paspoort.md",
        GOOD_PRODUCT + '\n<script>alert(1)</script>\n\n<a href="javascript:alert(2)" onclick="x()">Bel</a>\n',
    )
    result = site.build()
    assert result.code == 0, result.text
    assert "[markdown.unsafe-html]" in result.text
    html = site.html("paspoort/index.html")
    assert "alert(1)" not in html and "javascript:" not in html and "onclick" not in html


def test_messages_in_english_when_the_site_asks(site):
    site.write("mkdocs.yml", mkdocs_yml(helder="lang: en\n"))
    site.page("paspoort.md", GOOD_PRODUCT.replace("## Stappen", "## Anders"))
    code, found = site.check_json()
    assert code == 1
    assert found[0]["message"] == 'The page has no heading "Stappen".'
    # The heading to write is the page's own language's: this page is Dutch.
    assert (
        found[0]["suggestion"] == 'Write a heading "## Stappen". Put the steps under it as a list: 1., 2., 3.'
    )


def test_english_page_is_checked_with_english_headings_and_limits(site):
    page = (
        GOOD_PRODUCT.replace("help: [", "lang: en\nhelp: [")
        .replace("## Stappen", "## Steps")
        .replace("## Wat heeft u nodig?", "## What you need")
        .replace("## Kosten", "## Costs")
        .replace("## Hoe lang duurt het?", "## How long does it take?")
        .replace("## Bezwaar maken", "## Objection")
    )
    site.page("passport.md", page)
    code, found = site.check_json()
    assert [f["rule"] for f in found if f["rule"].startswith("sections.")] == []


def test_help_goes_under_the_hand_written_heading_also_after_blank_lines(site):
    page = GOOD_PRODUCT.replace("---\n# Paspoort", "---\n\n\n# Paspoort").replace(
        "## Kosten", "## Hulp\n\nVraag ook uw buren.\n\n## Kosten"
    )
    site.page("paspoort.md", page)
    assert site.build().code == 0
    html = site.html("paspoort/index.html")
    hulp = html[html.index('id="hulp"') : html.index('id="kosten"')]
    assert "Vraag ook uw buren." in hulp and "Bel ons</h3>" in hulp


def test_wrong_list_values_are_findings_not_crashes(site):
    site.page("a.md", GOOD_PRODUCT.replace("help: [telefoon, balie]", "help: 5"))
    site.page("b.md", GOOD_PRODUCT.replace("audience: [inwoners]", "audience: inwoners"))
    site.page("c.md", GOOD_PRODUCT.replace("audience: [inwoners]", "audience: 5"))
    result = site.build()
    assert result.code == 1 and "Traceback" not in result.text
    for name, line in (("a", 9), ("b", 4), ("c", 4)):
        assert f"content/{name}.md:{line}: [frontmatter.value]" in result.text
    assert "content/a.md: [sections.help-missing]" in result.text  # a number is no list of help


def test_every_line_says_its_level_and_the_summary_counts_in_words(site):
    page = GOOD_PRODUCT.replace("## Stappen", "## Anders").replace("## Kosten", "## Prijs")
    site.page("paspoort.md", page)
    result = site.check("content/paspoort.md")
    assert result.code == 1
    lines = result.out.splitlines()
    assert lines[0].startswith("Fout: content/paspoort.md: [sections.steps-missing] ")
    assert any(line.startswith("Tip: content/paspoort.md: [sections.costs-missing]") for line in lines)
    assert "1 pagina gecontroleerd: 1 fout, 0 waarschuwingen, 1 tip." in result.err


def test_a_link_or_image_to_a_missing_file_is_a_dutch_finding_at_its_line(site):
    site.write("content/formulier.pdf", b"%PDF-1.4\n")
    page = GOOD_PRODUCT + (
        "\n![Kaart van het centrum](kaart.png)\n\n"  # line 38: missing image
        "Lees [het formulier (pdf, 1 kB)](formulier.pdf) of [de regels (pdf, 2 kB)](regels.pdf).\n\n"  # 40
        "Zie ook [de website van de Rijksoverheid](https://www.rijksoverheid.nl/) en [Kosten](#kosten).\n"
    )
    site.page("paspoort.md", page)
    code, found = site.check_json()
    missing = [(f["line"], f["message"]) for f in found if f["rule"] == "markdown.missing-file"]
    assert missing == [
        (38, 'De afbeelding "kaart.png" bestaat niet. De lezer ziet dan niets.'),
        (40, 'De link naar "regels.pdf" werkt niet. Dat bestand staat niet bij de pagina\'s van de site.'),
    ]
    assert code == 1


def test_a_duplicate_title_is_one_error_in_the_build_too_and_nothing_on_generated_pages(site):
    site.page("a.md", GOOD_PRODUCT)
    time.sleep(0.05)
    site.page("b.md", GOOD_PRODUCT)
    result = site.build()
    assert result.code == 1
    assert "Fout: content/b.md:2: [frontmatter.title-duplicate]" in result.text
    assert "content/hulp/" not in result.text and "[markdown.link-text]" not in result.text
    # A refused build publishes nothing (issue 15): a build told to go on writes the pages to look at.
    site.write("mkdocs.yml", mkdocs_yml(helder="fail_on_error: false\n"))
    assert site.run(str(BIN / "mkdocs"), "build").code == 0
    links = re.findall(r'href="../(?:a|b)/">([^<]+)</a>', site.html("hulp/index.html"))
    assert links == [] or len(set(links)) == len(links)
