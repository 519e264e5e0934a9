"""The content-check cache (issue 14): a rebuild or `helder check` re-checks only what changed, and says
exactly what a run without cache says.

Real temporary sites, checked by the real `helder check` and `mkdocs build`; the cache lives in `.helder/`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from helder import checker
from helder.checkcache import CACHE_FILE, CheckCache
from helder.checker import check_files, discover
from helder.pages.help_pages import generated_uris
from helder.site import load_mkdocs_site
from sitelib import BIN, GOOD_PRODUCT, SiteDir, mkdocs_yml, twelve_pages
from sitelib import LONG_SENTENCE as LONG


def _cache(site: SiteDir) -> Path:
    return site.root / ".helder" / CACHE_FILE


def _product(title: str, extra: str = "") -> str:
    return GOOD_PRODUCT.replace("Paspoort aanvragen", title) + extra


def _checked(site: SiteDir) -> tuple[int, CheckCache]:
    """Check the docs folder through the cache the way `helder check` does; the cache tells how many pages
    came from it."""
    cwd = os.getcwd()
    os.chdir(site.root)
    try:
        loaded = load_mkdocs_site("mkdocs.yml", "nl")
        loaded.ctx.generated = generated_uris(loaded)
        cache = loaded.check_cache()
        files = [(f, loaded.shown(f)) for f, _ in discover([loaded.docs_dir])]
        report = check_files(files, loaded.ctx, default_lang=loaded.default_lang, cache=cache)
        cache.save(whole_site=True)
    finally:
        os.chdir(cwd)
    return len(report.pages), cache


def test_second_check_comes_from_the_cache_and_says_the_same(site: SiteDir) -> None:
    site.page("index.md", "---\ntitle: Start\ntype: page\nsummary: Begin hier.\n---\n# Start\n\nWelkom.\n")
    site.page("paspoort.md", _product("Paspoort aanvragen", f"\n{LONG}\n"))
    site.page("rijbewijs.md", _product("Rijbewijs verlengen"))
    first = site.check("--format", "json")
    assert first.code == 1  # the long sentence is an error
    assert _cache(site).is_file()
    second = site.check("--format", "json")
    assert (second.code, second.out, second.err) == (first.code, first.out, first.err)
    findings = json.loads(second.out)
    assert any(
        f["rule"] == "readability.sentence-length" and f["path"] == "content/paspoort.md" for f in findings
    )
    pages, cache = _checked(site)
    assert cache.hits == pages == 3


def test_only_the_changed_page_is_checked_again(site: SiteDir) -> None:
    for number in range(6):
        site.page(f"dienst-{number}.md", _product(f"Dienst {number}"))
    site.check()
    site.page("dienst-3.md", _product("Dienst 3", f"\n{LONG}\n"))
    pages, cache = _checked(site)
    assert (pages, cache.hits) == (6, 5)
    code, findings = site.check_json()
    assert code == 1
    assert {f["path"] for f in findings if f["rule"] == "readability.sentence-length"} == {
        "content/dienst-3.md"
    }


def test_site_wide_checks_still_see_every_page(site: SiteDir) -> None:
    """A duplicate title between a cached page and a new one is found; so is a link to a file that went."""
    site.page("a.md", _product("Dienst aanvragen", "\nLees ook [over de kosten](kosten.md).\n"))
    site.page("kosten.md", _product("Kosten"))
    assert site.check().code == 0
    site.page("b.md", _product("Dienst aanvragen"))
    (site.root / "content" / "kosten.md").unlink()
    code, findings = site.check_json()
    assert code == 1
    rules = {(f["path"], f["rule"]) for f in findings}
    assert ("content/b.md", "frontmatter.title-duplicate") in rules or (
        "content/a.md",
        "frontmatter.title-duplicate",
    ) in rules
    assert ("content/a.md", "markdown.missing-file") in rules


def test_changed_settings_are_never_answered_from_the_cache(site: SiteDir) -> None:
    site.page("paspoort.md", _product("Paspoort aanvragen", f"\n{LONG}\n"))
    assert site.check().code == 1
    site.write("mkdocs.yml", mkdocs_yml(helder="rules:\n  readability.sentence-length: warning\n"))
    code, findings = site.check_json()
    assert code == 0
    assert [f["severity"] for f in findings if f["rule"] == "readability.sentence-length"] == ["warning"]
    site.write("mkdocs.yml", mkdocs_yml(helder="rules:\n  readability.sentence-length: ignore\n"))
    code, findings = site.check_json()
    assert not [f for f in findings if f["rule"] == "readability.sentence-length"]


@pytest.mark.parametrize(
    "content", [b"{niet af", b"\x00\xff\xfe", b'{"format": 1, "entries": {"content/paspoort.md": 5}}', b"[]"]
)
def test_a_corrupt_cache_is_ignored(site: SiteDir, content: bytes) -> None:
    site.page("paspoort.md", _product("Paspoort aanvragen", f"\n{LONG}\n"))
    clean = site.check("--format", "json")
    _cache(site).write_bytes(content)
    again = site.check("--format", "json")
    assert (again.code, again.out) == (clean.code, clean.out)
    assert "Traceback" not in again.err
    json.loads(_cache(site).read_text(encoding="utf-8"))  # written anew, whole


def test_a_tampered_entry_is_not_trusted_blindly(site: SiteDir) -> None:
    """An entry for another version of the page (another key) is never used, even for the same path."""
    site.page("paspoort.md", _product("Paspoort aanvragen"))
    site.check()
    stored = json.loads(_cache(site).read_text(encoding="utf-8"))
    site.page("paspoort.md", _product("Paspoort aanvragen", f"\n{LONG}\n"))
    _cache(site).write_text(json.dumps(stored), encoding="utf-8")  # the entry of the old text
    code, findings = site.check_json()
    assert code == 1
    assert any(f["rule"] == "readability.sentence-length" for f in findings)


def test_build_writes_and_uses_the_cache(site: SiteDir) -> None:
    site.page("index.md", "---\ntitle: Start\ntype: page\nsummary: Begin hier.\n---\n# Start\n\nWelkom.\n")
    site.page("paspoort.md", _product("Paspoort aanvragen", f"\n{LONG}\n"))
    first = site.build()
    assert first.code == 1 and "readability.sentence-length" in first.text
    stored = json.loads(_cache(site).read_text(encoding="utf-8"))["entries"]
    assert "content/paspoort.md" in stored
    second = site.build()
    assert second.code == 1
    shown = [line for line in second.text.splitlines() if "content/paspoort.md" in line]
    assert shown == [line for line in first.text.splitlines() if "content/paspoort.md" in line]
    # `helder check` after a build uses the build's entries: same findings.
    assert site.check().code == 1


#: Checks the docs folder in a process of its own (a test run has threads of its own, and Helder never forks
#: a process with threads) and says whether the pages went over several processes.
PARALLEL_PROBE = """
import json, sys
from helder import checker
from helder.checker import check_files, discover
from helder.site import load_mkdocs_site
used = []
real = checker._Pool.results
def spy(self):
    found = real(self)
    used.append(found is not None)
    return found
checker._Pool.results = spy
site = load_mkdocs_site("mkdocs.yml", "nl")
files = [(f, site.shown(f)) for f, _ in discover([site.docs_dir])]
report = check_files(files, site.ctx, default_lang=site.default_lang)
print(json.dumps({
    "used": used,
    "findings": [f.to_dict() for f in report.findings],
    "data": {path: r.data for path, r in report.pages.items()},
}, sort_keys=True, default=str))
"""


def test_many_pages_in_several_processes_give_what_one_process_gives(site: SiteDir) -> None:
    twelve_pages(site)

    def run(workers: str) -> dict:
        done = site.probe(PARALLEL_PROBE, workers=workers)
        assert done.code == 0, done.err
        return json.loads(done.out)

    one, many = run("1"), run("3")
    assert (one["used"], many["used"]) == (
        [],
        [True],
    )  # only the second run started processes, and they answered
    assert one["findings"] == many["findings"] and one["data"] == many["data"]
    assert sum(1 for f in many["findings"] if f["rule"] == "readability.sentence-length") == 4
    assert all(data["readability"]["words"] > 0 for data in many["data"].values())


def test_a_checking_process_that_dies_leaves_the_pages_to_the_main_process(site: SiteDir) -> None:
    """A process of the pool that dies (here: it exits at once, as the kernel's out-of-memory killer would end
    it) is no crash and loses no page: the main process checks them all, with the same findings."""
    twelve_pages(site)
    # Each process leaves a mark, so the test knows the pool started (and did not just stay unused).
    die = "import os\ndef die(chunk):\n    open('gestorven', 'w').close()\n    os._exit(9)\nchecker._work = die\n"
    probe = PARALLEL_PROBE.replace("used = []\n", "used = []\n" + die)
    done = site.probe(probe, workers="3")
    assert done.code == 0, done.err
    found = json.loads(done.out)
    assert (site.root / "gestorven").exists()  # the pool's processes ran, and died
    assert found["used"] == [False]  # the pool gave nothing back: the main process checked the pages
    assert sum(1 for f in found["findings"] if f["rule"] == "readability.sentence-length") == 4
    assert len(found["data"]) == 12


@pytest.mark.parametrize(
    ("asked", "pages", "cores", "expected"),
    [
        ("", 12, 4, 1),  # a small site: starting processes costs what they save
        ("", 99, 4, 1),
        ("", 100, 4, 4),  # from 100 pages: one process per core
        ("", 1000, 2, 2),
        ("", 5000, 32, 8),  # never more than eight
        ("", 1000, 1, 1),
        ("1", 5000, 4, 1),  # HELDER_WORKERS=1 keeps one process
        ("3", 12, 1, 3),  # asked for: also on a small site and beyond the cores
        ("3", 2, 4, 2),  # never more processes than pages
        ("0", 50, 4, 1),
        ("veel", 1000, 4, 4),  # not a number: as if not set
    ],
)
def test_how_many_processes_check_the_pages(
    asked: str, pages: int, cores: int, expected: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HELDER_WORKERS", asked)
    monkeypatch.setattr(checker, "_cores", lambda: cores)
    assert checker.workers(pages) == expected


def test_a_page_goes_stale_in_the_cache_as_the_days_pass(
    site: SiteDir, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The freshness rule reads today's date: an unchanged page that grows too old is reported all the same."""
    site.page("paspoort.md", _product("Paspoort aanvragen"))  # reviewed: 2026-10-01
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1793491200")  # 2026-11-01
    code, findings = site.check_json()
    assert not [f for f in findings if f["rule"] == "freshness.stale"]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1856563200")  # 2028-10-31
    code, findings = site.check_json()
    assert [f["path"] for f in findings if f["rule"] == "freshness.stale"] == ["content/paspoort.md"]


def test_no_cache_checks_every_page_again_and_leaves_the_cache_alone(site: SiteDir) -> None:
    """`helder check --no-cache` reads no entry and writes none: a wrong entry (one the key cannot tell from a
    right one, as after a bug in Helder) is answered by the cache without it, and by a real check with it."""
    site.page("paspoort.md", _product("Paspoort aanvragen", f"\n{LONG}\n"))
    assert site.check().code == 1
    stored = json.loads(_cache(site).read_text(encoding="utf-8"))
    entry = stored["entries"]["content/paspoort.md"]
    assert any(f["rule"] == "readability.sentence-length" for f in entry["findings"])
    entry["findings"] = []  # same key, the long sentence forgotten
    _cache(site).write_text(json.dumps(stored), encoding="utf-8")
    assert site.check().code == 0  # the cache answered: the page's own text was not read again
    wrong = _cache(site).read_text(encoding="utf-8")  # as that check wrote it back

    code, findings = site.check_json("--no-cache")
    assert code == 1
    assert [f["path"] for f in findings if f["rule"] == "readability.sentence-length"] == [
        "content/paspoort.md"
    ]
    assert _cache(site).read_text(encoding="utf-8") == wrong  # not written: the file is as it was
    _cache(site).unlink()
    assert site.check("--no-cache").code == 1
    assert not _cache(site).exists()  # and no new file either


def test_no_cache_is_in_the_help_in_both_languages(site: SiteDir) -> None:
    dutch = " ".join(site.run(str(BIN / "helder"), "check", "--help").out.split())
    english = " ".join(site.run(str(BIN / "helder"), "--lang", "en", "check", "--help").out.split())
    assert "--no-cache Controleer alle pagina's opnieuw." in dutch
    assert "--no-cache Check every page again." in english


def test_a_page_from_the_cache_gets_its_help_under_its_own_heading_without_being_parsed(
    site: SiteDir, monkeypatch: pytest.MonkeyPatch
) -> None:
    own_heading = "## Hulp\n\nWij helpen u graag.\n\n## Bezwaar maken"
    site.page("paspoort.md", _product("Paspoort aanvragen").replace("## Bezwaar maken", own_heading))
    assert site.build().code == 0
    cold = site.html("paspoort/index.html")
    assert site.build().code == 0  # every page from the cache
    warm = site.html("paspoort/index.html")
    assert warm.index('id="hulp"') < warm.index('id="bel-ons"') < warm.index('id="bezwaar-maken"')
    assert warm == cold
    # The cache gives the headings: checking again parses no page.
    from helder import source

    def no_parsing(text: str) -> list:
        raise AssertionError("a page from the cache was parsed again")

    monkeypatch.chdir(site.root)
    loaded = load_mkdocs_site("mkdocs.yml", "nl")
    loaded.ctx.generated = generated_uris(loaded)
    files = [(f, loaded.shown(f)) for f, _ in discover([loaded.docs_dir])]
    monkeypatch.setattr(source._PARSER, "parse", no_parsing)
    report = check_files(files, loaded.ctx, default_lang=loaded.default_lang, cache=loaded.check_cache())
    headings = [(h.level, h.text) for h in report.pages["content/paspoort.md"].page.headings]
    assert (2, "Hulp") in headings and (2, "Bezwaar maken") in headings


def test_a_page_from_the_cache_is_not_read_as_yaml_again_and_reports_the_same(
    site: SiteDir, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A warm check takes each unchanged page's front matter from the cache (YAML was the largest part of a
    warm `helder check`): the same findings at the same lines, the same data, the same exceptions."""
    ignored = _product(
        "Parkeervergunning",
        f"\n{LONG}\n",
    ).replace(
        "help: [telefoon, balie]\n",
        "help: [telefoon, balie]\nextra: {1: een, 2026-01-02 10:30:00+01:00: twee, x: [1.5, true, null]}\n"
        "ignore:\n  readability.page-score: De lange zin staat in de wet.\n"
        "  readability.sentence-length: De lange zin staat in de wet.\n",
    )
    site.page("parkeren.md", ignored)
    site.page("paspoort.md", _product("Paspoort aanvragen", f"\n{LONG}\n"))
    monkeypatch.chdir(site.root)

    def report() -> tuple[list[tuple[str, int | None, str, str]], dict[str, object]]:
        loaded = load_mkdocs_site("mkdocs.yml", "nl")
        loaded.ctx.generated = generated_uris(loaded)
        files = [(f, loaded.shown(f)) for f, _ in discover([loaded.docs_dir])]
        cache = loaded.check_cache()
        checked = check_files(files, loaded.ctx, default_lang=loaded.default_lang, cache=cache)
        cache.save(whole_site=True)
        found = [(f.path, f.line, f.rule, f.message) for f in checked.findings]
        pages = {
            shown: (result.page.meta, result.page.meta_lines, result.data.get("exceptions"))
            for shown, result in checked.pages.items()
        }
        return found, pages

    cold = report()
    from helder import source

    def no_yaml(text: str) -> tuple[object, object]:
        raise AssertionError("an unchanged page was read as YAML again")

    monkeypatch.setattr(source, "load_yaml_node", no_yaml)
    warm = report()
    assert warm == cold
    assert ("content/paspoort.md", 38, "readability.sentence-length") in [f[:3] for f in warm[0]]
    meta, lines, exceptions = warm[1]["content/parkeren.md"]
    assert meta["reviewed"].isoformat() == "2026-10-01" and lines["ignore"] == 11
    assert [(e["line"], e["rule"]) for e in exceptions] == [
        (12, "readability.page-score"),
        (13, "readability.sentence-length"),
    ]
    # A changed page is read as YAML again (and here that is what the stand-in refuses).
    site.page("paspoort.md", _product("Paspoort aanvragen", "\nEen nieuwe zin.\n"))
    with pytest.raises(AssertionError, match="read as YAML again"):
        report()


@pytest.mark.parametrize(
    "meta",
    [
        {"title": "Paspoort", "reviewed": dt.date(2026, 10, 1), "help": ["telefoon", "balie"]},
        {"t": dt.datetime(2026, 1, 2, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))},
        {1: "een", False: [None, 1.5, {"a": {}}], dt.date(2026, 1, 1): "datum als sleutel"},
        {"map": "een sleutel die zo heet", "date": [], "datetime": {"map": 1}},
    ],
)
def test_front_matter_comes_back_from_the_cache_exactly(meta: dict) -> None:
    from helder.checkcache import decode, encode

    stored = json.loads(json.dumps(encode(meta)))
    back = decode(stored)
    assert back == meta
    assert [type(v) for v in back.values()] == [type(v) for v in meta.values()]


@pytest.mark.parametrize("value", [float("nan"), float("inf"), {1, 2}, b"bytes"])
def test_front_matter_json_cannot_give_back_is_not_stored(value: object) -> None:
    from helder.checkcache import front_of
    from helder.source import SourcePage

    assert front_of(SourcePage("content/a.md", "", meta={"x": value})) is None
    assert front_of(SourcePage("content/a.md", "", meta={"x": "tekst"})) is not None


@pytest.mark.parametrize(
    "front",
    [
        {"meta": {"map": [["title", "x"]]}, "lines": {"title": 1e400}, "sub_lines": {}},
        {"meta": json.loads("[" * 900 + "]" * 900), "lines": {}, "sub_lines": {}},
        {"meta": {"date": "gisteren"}, "lines": {}, "sub_lines": {}},
        {"meta": {"map": [[["lijst"], "als sleutel"]]}, "lines": {}, "sub_lines": {}},
        "geen front matter",
    ],
)
def test_a_bad_front_matter_in_the_cache_means_the_page_is_checked_again(
    site: SiteDir, front: object
) -> None:
    site.page("paspoort.md", _product("Paspoort aanvragen", f"\n{LONG}\n"))
    first = site.check()
    data = json.loads(_cache(site).read_text(encoding="utf-8"))
    for entry in data["entries"].values():
        entry["front"] = front
    _cache(site).write_text(json.dumps(data), encoding="utf-8")
    again = site.check()
    assert again.code == first.code == 1 and "Traceback" not in again.text
    assert again.out == first.out and "readability.sentence-length" in again.out


def test_front_matter_too_deep_or_too_big_for_json_is_not_stored(site: SiteDir) -> None:
    """Values YAML reads but JSON cannot give back (a list in a list 600 deep, a 4,000-digit number) leave
    the page out of the front matter cache, and the check runs as before."""
    deep = "[" * 600 + "]" * 600
    site.page(
        "diep.md",
        _product("Diep", "").replace("help: [telefoon, balie]", f"help: [telefoon, balie]\nx: {deep}"),
    )
    site.page(
        "groot.md",
        _product("Groot", "").replace(
            "help: [telefoon, balie]", f"help: [telefoon, balie]\nx: 0x{'f' * 4000}"
        ),
    )
    result = site.check()
    assert "Traceback" not in result.text and result.code == 1, result.text
    assert "frontmatter.unknown-key" in result.out
    data = json.loads(_cache(site).read_text(encoding="utf-8"))
    assert {
        name: entry["front"] for name, entry in data["entries"].items() if "diep" in name or "groot" in name
    } == {
        "content/diep.md": None,
        "content/groot.md": None,
    }
