"""Exceptions in the text: `<!-- helder: ignore RULE "reason" -->` before a paragraph silences that one rule in
that paragraph only, with a reason; every mistake in the comment is a finding at its line (real `helder check`
and `mkdocs build` on temporary sites)."""

from __future__ import annotations

from sitelib import GOOD_PRODUCT, SiteDir

INTRO = "Een paspoort is een bewijs van wie u bent. U heeft het nodig voor een reis."


def page_with(body: str) -> str:
    return GOOD_PRODUCT.replace(INTRO, body)


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def findings(site: SiteDir, rel: str = "content/paspoort.md") -> list[tuple[int, str, str]]:
    _, found = site.check_json()
    return [(f["line"], f["rule"], f["message"]) for f in found if f["path"] == rel]


def test_the_comment_silences_one_rule_in_the_next_paragraph_only(site):
    body = (
        '<!-- helder: ignore words.jargon "Zo staat het in de verordening." -->\n'
        "Indien u verhuist, meldt u dat. Wij nemen ingevolge de wet contact op.\n\n"
        "Indien u trouwt, meldt u dat ook.\n"
    )
    text = page_with(body)
    site.page("paspoort.md", text)
    found = findings(site)
    silenced = line_of(text, "Indien u verhuist")
    after = line_of(text, "Indien u trouwt")
    assert [f for f in found if f[0] == silenced] == []  # both jargon words of that paragraph
    assert (after, "words.jargon", '"Indien" is ambtelijke taal.') in found
    assert not any(f[1].startswith("ignore.") for f in found)


def test_other_rules_in_that_paragraph_still_count(site):
    long = "Indien u " + " ".join(["een paspoort aanvraagt"] * 8) + " dan komt u naar het stadhuis."
    text = page_with('<!-- helder: ignore words.jargon "Wettelijke term." -->\n' + long + "\n")
    site.page("paspoort.md", text)
    rules = {rule for line, rule, _ in findings(site) if line == line_of(text, "Indien u")}
    assert "readability.sentence-length" in rules and "words.jargon" not in rules


def test_a_comment_without_a_reason_is_a_finding_and_silences_nothing(site):
    text = page_with("<!-- helder: ignore words.jargon -->\nIndien u verhuist, meldt u dat.\n")
    site.page("paspoort.md", text)
    found = findings(site)
    comment = line_of(text, "<!-- helder")
    assert (
        comment,
        "ignore.reason",
        'De regel "words.jargon" staat hier uit zonder reden.',
    ) in found
    assert (comment + 1, "words.jargon", '"Indien" is ambtelijke taal.') in found
    code, _ = site.check_json()
    assert code == 1  # an error: a reason is required


def test_an_empty_reason_is_no_reason(site):
    site.page(
        "paspoort.md",
        page_with('<!-- helder: ignore words.jargon "  " -->\nIndien u verhuist, meldt u dat.\n'),
    )
    assert any(rule == "ignore.reason" for _, rule, _ in findings(site))


def test_an_unknown_rule_names_the_closest_real_one(site):
    text = page_with(
        '<!-- helder: ignore readability.rare-wrd "Vakterm." -->\nIndien u verhuist, meldt u dat.\n'
    )
    site.page("paspoort.md", text)
    _, found = site.check_json()
    problem = next(f for f in found if f["rule"] == "ignore.unknown-rule")
    assert problem["line"] == line_of(text, "<!-- helder")
    assert problem["message"] == 'De regel "readability.rare-wrd" bestaat niet.'
    assert problem["suggestion"] == 'Bedoelt u "readability.rare-word"?'
    assert problem["severity"] == "error"


def test_front_matter_rules_cannot_be_silenced_in_the_text(site):
    text = page_with('<!-- helder: ignore frontmatter.required "Geen tijd." -->\nIndien u verhuist.\n')
    site.page("paspoort.md", text)
    assert (line_of(text, "<!-- helder"), "ignore.unknown-rule",
            'De regel "frontmatter.required" kunt u niet uitzetten voor een alinea.') in findings(site)  # fmt: skip


def test_a_comment_with_nothing_after_it_is_a_finding(site):
    text = GOOD_PRODUCT + '\n<!-- helder: ignore words.jargon "Reden." -->\n'
    site.page("paspoort.md", text)
    assert (line_of(text, "<!-- helder"), "ignore.no-block",
            'Na deze uitzondering voor "words.jargon" staat geen tekst.') in findings(site)  # fmt: skip


def test_two_comments_in_a_row_silence_two_rules_and_a_list_item_works_too(site):
    text = page_with(
        '<!-- helder: ignore words.jargon "Wettelijke term." -->\n'
        '<!-- helder: ignore readability.sentence-length "Een citaat uit de wet." -->\n'
        "Indien u " + " ".join(["een paspoort aanvraagt"] * 8) + " dan komt u naar het stadhuis.\n"
    ).replace(
        "- Een pasfoto.",
        '- Een pasfoto.\n\n  <!-- helder: ignore words.jargon "Naam van het formulier." -->\n  Het formulier Indien.\n',
    )
    site.page("paspoort.md", text)
    found = findings(site)
    assert [f for f in found if f[0] == line_of(text, "Indien u ")] == []
    assert [f for f in found if f[0] == line_of(text, "Het formulier Indien")] == []


def test_exceptions_are_on_the_dashboard_and_not_in_the_built_page(site):
    text = page_with(
        '<!-- helder: ignore words.jargon "Zo heet de regeling in de wet." -->\nIndien u verhuist, meldt u dat.\n'
    )
    text = text.replace(
        "reviewed: 2026-10-01",
        "reviewed: 2026-10-01\nignore: {sections.objection-missing: Er komt geen besluit.}",
    )
    site.page("paspoort.md", text)
    result = site.build()
    assert result.code == 0, result.text
    dashboard = (site.root / "helder-kwaliteit" / "index.html").read_text(encoding="utf-8")
    section = dashboard[dashboard.index('<h2 id="uitzonderingen">') :]
    comment = line_of(text, "<!-- helder")
    assert (
        f'<td data-label="Regel">{comment}</td><td data-label="Controle">words.jargon</td>'
        '<td data-label="Reden">Zo heet de regeling in de wet.</td>' in section
    )
    assert (
        f'<td data-label="Regel">{line_of(text, "ignore:")}</td><td data-label="Controle">'
        'sections.objection-missing</td><td data-label="Reden">Er komt geen besluit.</td>' in section
    )
    assert ">content/paspoort.md</a></th>" in section
    # The editor's note stays in the source: the published page does not carry it.
    assert "Zo heet de regeling" not in site.html("paspoort/index.html")
