"""Issue 15, as a table: every bad input found by the attack run, the finding (file, line, rule) or exit code
Helder must give for it, never a traceback.

All page cases live in one real site, so one `helder check` and one `mkdocs build` also show that a broken page
never hides the findings of the others. Catalogue, symlink and settings cases each get their own site.
"""

from __future__ import annotations

import json
import os
import re

import pytest
from click.testing import CliRunner
from helder import cli as helder_cli
from helder.config import check_options
from helder.rules import frontmatter
from helder.source import SourcePage
from sitelib import CATALOGUE, GOOD_PRODUCT, SiteDir, mkdocs_yml


def product(name: str, **changes: str) -> str:
    """The good product page under its own title, with front matter lines changed (None removes a line)."""
    text = GOOD_PRODUCT.replace("Paspoort aanvragen", f"Paspoort {name}")
    for key, value in changes.items():
        line = re.search(rf"^{key}:.*$", text, re.MULTILINE)
        if line:
            text = text.replace(line.group(), f"{key}: {value}", 1)
        else:
            text = text.replace("\n---\n#", f"\n{key}: {value}\n---\n#", 1)
    return text


def line_of(text: str, start: str, last: bool = False) -> int:
    lines = [n for n, line in enumerate(text.split("\n"), start=1) if line.startswith(start)]
    return lines[-1] if last else lines[0]


#: Five levels of ten aliases each: 133,333 values when written out, from a few lines of YAML.
ALIAS_BOMB = (
    "{a: &a [x, x, x, x, x, x, x, x, x, x], "
    + ", ".join(f"{n}: &{n} [{', '.join([f'*{p}'] * 10)}]" for p, n in zip("abc", "bcd", strict=True))
    + ", e: ["
    + ", ".join(["*d"] * 12)
    + "]}"
)
NESTED = product("nest") + "\n" + "".join("  " * depth + "- punt\n" for depth in range(1000))
QUOTES = product("citaat") + "\n" + "> " * 300 + "diep\n"

#: name -> (page text, rule, line or a function of the text for the line)
PAGES: dict[str, tuple[str, str, int | None]] = {
    # item 1: a title or other shown text with markup
    "title-script": (product("a", title="'</script><script>alert(1)</script>'"), "frontmatter.value", 2),
    "description-markup": (
        product("b", description='"<img src=x onerror=alert(1)>"'),
        "frontmatter.value",
        10,
    ),
    # item 2: third-party requests from content
    "image-elsewhere": (
        product("c") + "\n![Logo](https://tracker.example/p.png)\n",
        "markdown.external-resource",
        None,
    ),
    "html-image-elsewhere": (
        product("d") + '\n<img src="//cdn.example/p.png" alt="Logo van de gemeente">\n',
        "markdown.external-resource",
        None,
    ),
    "mermaid": (
        product("e") + '\n<pre class="mermaid">graph TD; A-->B</pre>\n',
        "markdown.external-resource",
        None,
    ),
    # item 3: tracebacks before
    "reviewed-huge": (product("f", reviewed="9" * 5000), "frontmatter.value", 8),
    "online-bool-tag": (product("g", online="!!bool maybe"), "frontmatter.syntax", 6),
    "online-int-tag": (product("h", online="!!int x"), "frontmatter.syntax", 6),
    "online-list": (product("w", online="[]"), "frontmatter.value", 6),
    "hide-number": (product("x", hide="1"), "frontmatter.value", 10),
    "template-number": (product("y", template="3"), "frontmatter.value", 10),
    "online-float-tag": (product("i", online="!!float x"), "frontmatter.syntax", 6),
    "lang-xx": (product("j", lang="xx"), "frontmatter.value", 10),
    "upl-list": (product("k", upl="[a, b]"), "frontmatter.value", 5),
    "upl-mapping": (product("l", upl="{a: b}"), "frontmatter.value", 5),
    "upl-date": (product("m", upl="2026-01-01"), "frontmatter.value", 5),
    "upl-binary": (product("n", upl="!!binary aGVsbG8="), "frontmatter.syntax", 5),
    "summary-huge": (product("o", summary="9" * 15000), "frontmatter.value", 3),
    "nested-list": (NESTED, "markdown.nesting", None),
    "nested-quotes": (QUOTES, "markdown.nesting", None),
    "alias-bomb": (product("p", limits=ALIAS_BOMB), "frontmatter.syntax", 2),
    # item 5: accepted without a finding before
    "duplicate-key": (
        product("q", owner="Burgerzaken\nowner: Iemand anders"),
        "frontmatter.duplicate-key",
        8,
    ),
    "reviewed-future": (product("r", reviewed="2099-01-01"), "frontmatter.value", 8),
    "title-number": (product("s", title="12345"), "frontmatter.value", 2),
    "title-list": (product("t", title="[Paspoort, aanvragen]"), "frontmatter.value", 2),
    "title-1000": (product("u", title="Paspoort " + "a" * 1000), "frontmatter.value", 2),
    "control-character": (
        product("v", summary='"U vraagt een paspoort\\x01 aan bij de balie."'),
        "frontmatter.value",
        3,
    ),
}


@pytest.fixture(scope="module")
def page_site(tmp_path_factory: pytest.TempPathFactory) -> SiteDir:
    site = SiteDir(tmp_path_factory.mktemp("table"))
    site.page(
        "index.md", "---\ntype: page\ntitle: Home\nsummary: De start.\n---\n# Home\n\nWelkom op de site.\n"
    )
    site.page("goed.md", GOOD_PRODUCT)
    # A template the theme does not have: the check cannot know the theme, the build leaves the key out.
    site.page("geen-template.md", product("z", template="bestaat-niet.html"))
    for name, (text, _, _) in PAGES.items():
        site.page(f"geval/{name}.md", text)
    return site


def expected_line(name: str) -> int | None:
    text, rule, line = PAGES[name]
    if line is not None:
        return line
    if name.startswith("nested"):
        return next(
            n for n, row in enumerate(text.split("\n"), start=1) if len(row) - len(row.lstrip(" >-")) > 40
        )
    if rule == "markdown.external-resource":
        return len(text.rstrip("\n").split("\n"))
    return None


@pytest.fixture(scope="module")
def checked(page_site: SiteDir) -> tuple[int, list[dict]]:
    result = page_site.check("--format", "json")
    assert "Traceback" not in result.text
    return result.code, json.loads(result.out)


@pytest.mark.parametrize("name", list(PAGES))
def test_each_bad_page_is_a_finding_at_its_line(checked, name):
    code, found = checked
    assert code == 1
    _, rule, _ = PAGES[name]
    mine = [f for f in found if f["path"] == f"content/geval/{name}.md"]
    assert (rule, expected_line(name)) in {(f["rule"], f["line"]) for f in mine}, mine
    assert not [f for f in mine if f["rule"] == "internal"]


def test_the_good_page_among_them_has_no_finding(checked):
    assert [f for f in checked[1] if f["path"] == "content/goed.md"] == []


def test_the_build_reports_every_case_refuses_and_never_shows_a_traceback(page_site):
    result = page_site.build()
    assert result.code == 1
    assert "Traceback" not in result.text and "RecursionError" not in result.text
    for name in PAGES:
        _, rule, _ = PAGES[name]
        line = expected_line(name)
        place = f"content/geval/{name}.md:{line}: [{rule}]" if line else f"content/geval/{name}.md: [{rule}]"
        assert place in result.text, name


def test_the_messages_say_what_is_wrong(checked):
    by_case = {
        f["path"].rsplit("/", 1)[-1][:-3]: f
        for f in checked[1]
        if f["rule"] not in ("readability.page-score",)
        and f["path"].startswith("content/geval/")
        and f["rule"] == PAGES[f["path"].rsplit("/", 1)[-1][:-3]][1]
    }
    assert by_case["online-bool-tag"]["message"] == (
        'Bij de waarde "maybe" staat "!!bool". Die twee passen niet bij elkaar, of Helder leest "!!bool" niet.'
    )
    assert by_case["upl-binary"]["message"].startswith('Bij de waarde "aGVsbG8=" staat "!!binary".')
    assert by_case["duplicate-key"]["message"] == (
        'Het gegeven "owner" staat twee keer boven aan de pagina. Het staat ook op regel 7.'
    )
    assert by_case["reviewed-future"]["message"] == 'Bij "reviewed" staat 2099-01-01. Die datum komt nog.'
    assert by_case["control-character"]["message"].startswith(
        'Bij "summary" staat een teken dat u niet ziet (U+0001).'
    )
    assert by_case["title-1000"]["message"] == 'De tekst bij "title" is 1009 tekens lang. Dat is te lang.'
    assert by_case["title-1000"]["suggestion"] == "Gebruik hoogstens 100 tekens."
    assert "tracker.example" in by_case["image-elsewhere"]["message"]
    assert by_case["mermaid"]["message"].startswith("Dit diagram haalt een script op bij een andere website.")


def test_a_link_to_another_site_is_fine(site):
    site.page(
        "paspoort.md",
        GOOD_PRODUCT + "\nLees ook [de regels van de overheid](https://www.rijksoverheid.nl/).\n",
    )
    code, found = site.check_json()
    assert code == 0, found


def test_nothing_from_another_host_is_fetched_even_with_the_rules_lowered(site):
    site.write(
        "mkdocs.yml",
        mkdocs_yml(helder="rules: {markdown.external-resource: warning, frontmatter.value: warning}\n"),
    )
    site.page(
        "paspoort.md",
        GOOD_PRODUCT
        + '\n![Wapen van de gemeente Teststad](https://tracker.example/p.png)\n\n<pre class="mermaid">graph TD; A-->B</pre>\n',
    )
    assert site.build().code == 0
    html = site.html("paspoort/index.html")
    assert "tracker.example" not in html
    assert 'class="mermaid"' not in html and "graph TD; A--&gt;B" in html


def test_the_overview_list_shows_a_title_as_text(site):
    site.write("mkdocs.yml", mkdocs_yml(helder="rules: {frontmatter.value: warning}\n"))
    site.page(
        "zaken/index.md",
        "---\ntype: overview\ntitle: Zaken\nsummary: Alle zaken.\n---\n# Zaken\n\nHier staan ze.\n",
    )
    site.page(
        "zaken/p.md",
        GOOD_PRODUCT.replace("title: Paspoort aanvragen", "title: 'Paspoort <b>vet</b> *ster*'").replace(
            "summary: U vraagt", "summary: U <em>vraagt</em>"
        ),
    )
    assert site.build().code == 0
    listing = site.html("zaken/index.html")
    assert "Paspoort &lt;b&gt;vet&lt;/b&gt; *ster*</a>" in listing
    assert "U &lt;em&gt;vraagt&lt;/em&gt;" in listing
    assert "<b>vet</b>" not in listing and "<em>vraagt</em>" not in listing


def test_the_feed_stays_well_formed_xml_with_control_characters(site):
    from xml.etree import ElementTree

    site.write("mkdocs.yml", mkdocs_yml(helder="rules: {frontmatter.value: warning}\n"))
    site.page("paspoort.md", GOOD_PRODUCT.replace("summary: U vraagt", 'summary: "U\\x01\\x0b vraagt'))
    page = (site.root / "content" / "paspoort.md").read_text(encoding="utf-8")
    (site.root / "content" / "paspoort.md").write_text(
        page.replace("stadhuis.\n", 'stadhuis."\n', 1), encoding="utf-8"
    )
    result = site.build()
    assert result.code == 0, result.text[-1500:]
    root = ElementTree.fromstring((site.root / "site" / "samenwerkende-catalogi.xml").read_bytes())
    assert "U vraagt een paspoort" in ElementTree.tostring(root, encoding="unicode")


def test_an_unknown_key_is_never_suggested_as_itself():
    # A key the model refuses where it stands (as `description` was, before theme keys were allowed) must not
    # get "Bedoelt u "description"?" as its fix.
    page = SourcePage(path="x.md", text="")
    for key in frontmatter._Strict.keys:
        hit = frontmatter._error_hit(page, {"loc": (key,), "type": "extra_forbidden", "input": "x"})
        assert hit.values["hint"].values.get("close") != key, key


# --- the help catalogue ----------------------------------------------------------------------------------

CATALOGUE_CASES = {
    "open-25:99": (CATALOGUE.replace('open: "08:30"', 'open: "25:99"'), "help.hours", 8),
    "days-7-null": (
        CATALOGUE.replace(
            'days: [ma, di, wo, do, vr], open: "08:30"', 'days: [maandag, 7, null], open: "08:30"'
        ),
        "help.hours",
        8,
    ),
    "hours-text": (
        CATALOGUE.replace(
            '    hours:\n      - {days: [ma, di, wo, do, vr], open: "08:30", close: "17:00"}',
            "    hours: altijd",
        ),
        "help.hours",
        7,
    ),
    "empty-offer": (CATALOGUE.split("  balie:\n")[0] + "  balie:\n", "help.catalogue", 23),
    "phone-bool": (CATALOGUE.replace('phone: "14 0123"', "phone: true"), "help.phone", 6),
    "phone-huge": (CATALOGUE.replace('phone: "14 0123"', "phone: " + "1" * 5000), "help.phone", 6),
    "tag-int": (CATALOGUE.replace('phone: "14 0123"', "phone: !!int x"), "help.catalogue", 6),
}


@pytest.mark.parametrize("name", list(CATALOGUE_CASES))
def test_each_bad_catalogue_is_a_finding_at_its_line(site, name):
    text, rule, line = CATALOGUE_CASES[name]
    site.write("data/hulp.yml", text)
    site.page("paspoort.md", GOOD_PRODUCT)
    result = site.check("--format", "json")
    assert result.code == 1 and "Traceback" not in result.text
    found = [
        (f["path"], f["rule"], f["line"]) for f in json.loads(result.out) if f["path"] == "data/hulp.yml"
    ]
    if rule is None:
        assert found and all(f[1].startswith("help.") for f in found), found
    else:
        assert ("data/hulp.yml", rule, line) in found, found
    build = site.build()
    assert build.code == 1 and "Traceback" not in build.text


# --- files outside content/ ------------------------------------------------------------------------------


def test_a_link_to_a_file_outside_content_is_refused_and_not_published(site):
    site.write("geheim.md", GOOD_PRODUCT.replace("Een paspoort kost", "GEHEIME TEKST"))
    site.page("paspoort.md", GOOD_PRODUCT.replace("Paspoort aanvragen", "ID-kaart aanvragen"))
    os.symlink(site.root / "geheim.md", site.root / "content" / "link.md")
    code, found = site.check_json()
    assert code == 1
    assert [(f["path"], f["rule"]) for f in found] == [("content/link.md", "file.outside")]
    assert found[0]["message"].startswith(
        "Dit bestand is een snelkoppeling naar een bestand buiten de map content."
    )
    build = site.build()
    assert build.code == 1 and "Traceback" not in build.text
    assert "content/link.md: [file.outside]" in build.text
    assert not (site.root / "site").exists() or "GEHEIME TEKST" not in (
        site.root / "site" / "link" / "index.html"
    ).read_text(encoding="utf-8")


# --- a rule that crashes -----------------------------------------------------------------------------------


def test_a_crashing_rule_is_an_internal_finding_for_that_page_and_exit_2(site, monkeypatch):
    # A fake, because no real input may crash a rule: the crash itself is what is tested.
    from helder.rules import sections

    real = sections.check

    def crash_on_one_page(page, ctx):
        if page.path.endswith("kapot.md"):
            raise ZeroDivisionError("deling door nul")
        return real(page, ctx)

    monkeypatch.setattr(sections, "check", crash_on_one_page)
    site.page("kapot.md", GOOD_PRODUCT.replace("Paspoort aanvragen", "Rijbewijs aanvragen"))
    site.page("anders.md", GOOD_PRODUCT.replace("owner: Burgerzaken\n", ""))
    monkeypatch.chdir(site.root)
    result = CliRunner().invoke(helder_cli.cli, ["check", "--format", "json"])
    assert result.exit_code == 2, result.output
    found = json.loads(result.stdout)
    internal = [f for f in found if f["rule"] == "internal"]
    assert [(f["path"], f["severity"]) for f in internal] == [("content/kapot.md", "error")]
    assert "ZeroDivisionError" in internal[0]["message"]
    assert ("content/anders.md", "frontmatter.required") in {(f["path"], f["rule"]) for f in found}


# --- settings (item 4) -------------------------------------------------------------------------------------

SETTINGS = {
    "stale_after_months: twaalf": ("helder.stale_after_months", '"twaalf"', "stale_after_months: 12"),
    "stale_after_months: -5": ("helder.stale_after_months", "-5", "stale_after_months: 12"),
    "menu_pages: -1": ("helder.menu_pages", "-1", "menu_pages: 30"),
    "rules: error": ("helder.rules", None, None),
    "audit: {port: abc}": ("helder.audit.port", '"abc"', "port: 0"),
    "audit: {port: 70000}": ("helder.audit.port", "70000", "port: 0"),
    "audit: {concurrency: veel}": ("helder.audit.concurrency", '"veel"', "concurrency: 4"),
    "audit: {enabled: misschien}": ("helder.audit.enabled", '"misschien"', "enabled: false"),
    "enabled: 3": ("helder.enabled", "3", "enabled: true"),
    "lang: fr": ("helder.lang", '"fr"', 'lang: "nl"'),
    "feed: 12": ("helder.feed", "12", 'feed: "samenwerkende-catalogi.xml"'),
    "protected_words: DigiD": ("helder.protected_words", '"DigiD"', None),
    "product_types: product": ("helder.product_types", '"product"', None),
    "dashboard: ja": ("helder.dashboard", '"ja"', None),
    "statement: {research: {date: gisteren}}": (
        "helder.statement.research.date",
        '"gisteren"',
        "date: 2026-12-31",
    ),
    "readability: {min_words: veel}": ("helder.readability.min_words", '"veel"', "min_words: 50"),
    "sections: {steps: {content: lijst}}": ("helder.sections.steps.content", '"lijst"', 'content: "any"'),
    "stale_afte_months: 3": ("helder.stale_afte_months", None, None),
}


@pytest.mark.parametrize("setting", list(SETTINGS))
def test_each_wrong_setting_is_a_dutch_message_naming_it_with_an_example_and_exit_2(site, setting):
    option, value, example = SETTINGS[setting]
    site.write("mkdocs.yml", mkdocs_yml(helder=setting + "\n"))
    site.page("paspoort.md", GOOD_PRODUCT)
    result = site.check()
    assert result.code == 2 and "Traceback" not in result.text
    assert f"De instelling {option} in mkdocs.yml" in result.err
    if value is not None:
        assert f"heeft de waarde {value}. Dat kan niet." in result.err
    if example is not None:
        assert f"Schrijf bijvoorbeeld: {example}" in result.err
    assert "Expected" not in result.err and "Unrecognised" not in result.err


@pytest.mark.parametrize(
    "setting", ["stale_after_months: twaalf", "stale_after_months: -5", "audit: {port: abc}"]
)
def test_the_build_stops_on_a_wrong_setting_with_exit_2(site, setting):
    site.write("mkdocs.yml", mkdocs_yml(helder=setting + "\n"))
    site.page("paspoort.md", GOOD_PRODUCT)
    result = site.build()
    assert result.code == 2 and "Traceback" not in result.text
    assert "De instelling helder." in result.text and "Schrijf bijvoorbeeld:" in result.text


def test_every_option_of_the_plugin_is_known_to_the_settings_check():
    # The right value for every option passes (so the check refuses only what is wrong).
    good = {
        "stale_after_months": 0,
        "lang": "en",
        "rules": {"readability": "warning"},
        "audit": {"port": 8000, "runners": ["axe"], "timeout": 2.5},
        "statement": {"research": {"date": __import__("datetime").date(2026, 1, 1)}},
        "readability": {"nl": {"sentence_words": 20, "flesch_min": 55.5}},
    }
    assert check_options(good) == []
    assert [m.key for m in check_options({"stale_after_months": True})] == ["cfg_option"]


def test_the_example_in_a_message_is_itself_accepted():
    for setting, (option, _, example) in SETTINGS.items():
        if example is None or "." in option.removeprefix("helder.").split(".")[0]:
            continue
        path = option.removeprefix("helder.").split(".")
        value = __import__("yaml").safe_load(example)[path[-1]]
        data: dict = {}
        cursor = data
        for part in path[:-1]:
            cursor = cursor.setdefault(part, {})
        cursor[path[-1]] = value
        assert check_options(data) == [], setting
