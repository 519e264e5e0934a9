"""In a build, the content checks run in other processes while MkDocs renders the pages (issue 14): a cold build
of a large site then costs little more than a build without checks. The findings, the exit code and the cache
are those of a build that checks everything first.

Real temporary sites built by the real `mkdocs build --strict`, each in a process of its own (Helder never
forks a process with threads, and a test run has threads). A probe replaces the function the checking
processes run, to prove that they ran beside the render, or to let them die.
"""

from __future__ import annotations

import json
import os

import pytest
from helder.checkcache import CACHE_FILE
from sitelib import GOOD_PRODUCT, Run, SiteDir, twelve_pages
from sitelib import LONG_SENTENCE as LONG

#: `mkdocs build --strict` with marks: each checking process leaves `proces-<pid>`, then waits until the main
#: process has written a page (`gerenderd`) and leaves `naast-<pid>`, so it can only get on while the pages are
#: being rendered. `sterft`: it then dies. `breekt`: the build fails while the pages are rendered.
BUILD_PROBE = """
import os, sys, time
from helder import checker, plugin
mode = sys.argv[1]
real_work = checker._work
def work(chunk):
    open(f"proces-{os.getpid()}", "w").close()
    for _ in range(600):
        if os.path.exists("gerenderd"):
            open(f"naast-{os.getpid()}", "w").close()
            break
        time.sleep(0.05)
    if mode == "sterft":
        os._exit(9)
    return real_work(chunk)
checker._work = work
real_post_page = plugin.HelderPlugin.on_post_page
def post_page(self, output, **kwargs):
    open("gerenderd", "a").close()
    if mode == "breekt":
        raise RuntimeError("de build breekt af")
    return real_post_page(self, output, **kwargs)
plugin.HelderPlugin.on_post_page = post_page
from mkdocs.__main__ import cli
cli(["build", "--strict"])
"""


def _build(site: SiteDir, mode: str, workers: str) -> Run:
    for mark in site.root.glob("*-*"):
        if mark.name.startswith(("proces-", "naast-")):
            mark.unlink()
    (site.root / "gerenderd").unlink(missing_ok=True)
    (site.root / ".helder" / CACHE_FILE).unlink(missing_ok=True)  # every page is checked afresh
    return site.probe(BUILD_PROBE, mode, workers=workers)


def _marks(site: SiteDir, prefix: str) -> list[int]:
    return [int(mark.name.split("-")[1]) for mark in site.root.glob(f"{prefix}-*")]


def _findings(run: Run) -> list[str]:
    return [line for line in run.err.splitlines() if "content/dienst-" in line]


def test_the_checks_run_while_the_pages_are_rendered_and_report_the_same(site: SiteDir) -> None:
    twelve_pages(site)
    alone = _build(site, "wacht", "1")  # one process: it checks every page itself
    assert not _marks(site, "proces")
    beside = _build(site, "wacht", "2")  # one process checks beside the one that renders
    assert len(_marks(site, "proces")) == 1
    # The checking process got on only once the main process had written a page: it ran beside the render.
    assert _marks(site, "naast") == _marks(site, "proces")
    assert (alone.code, beside.code) == (1, 1)  # --strict: the errors refuse the build
    assert _findings(beside) == _findings(alone)
    assert len([line for line in _findings(beside) if "readability.sentence-length" in line]) == 4
    assert "Helder vond 4 fouten. De site kan nog niet online." in beside.out
    # What the process found went into the check cache, and `helder check` says the same.
    cache = json.loads((site.root / ".helder" / CACHE_FILE).read_text(encoding="utf-8"))
    assert len([path for path in cache["entries"] if path.startswith("content/dienst-")]) == 12
    check = site.check("--format", "json")
    assert check.code == 1
    assert len([f for f in json.loads(check.out) if f["rule"] == "readability.sentence-length"]) == 4


def test_a_checking_process_that_dies_during_the_render_loses_no_page(site: SiteDir) -> None:
    """The main process then checks the pages itself when the render is done: same findings, no traceback."""
    twelve_pages(site)
    alone = _build(site, "wacht", "1")
    died = _build(site, "sterft", "2")
    assert len(_marks(site, "naast")) == 1  # the process ran beside the render, and died
    assert "Traceback" not in died.err
    assert died.code == 1
    assert _findings(died) == _findings(alone)


def test_a_build_that_breaks_during_the_render_still_reports_the_findings(site: SiteDir) -> None:
    """They may explain what broke; and no checking process outlives the build."""
    twelve_pages(site)
    broke = _build(site, "breekt", "3")
    assert broke.code == 1
    assert "de build breekt af" in broke.err
    assert len(_marks(site, "naast")) == 2
    assert len([line for line in _findings(broke) if "readability.sentence-length" in line]) == 4
    for pid in _marks(site, "proces"):
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


#: Starts the checks of the docs folder beside this process, whose checking processes never finish a page,
#: then cancels them (as a failing build does) and prints the processes' numbers.
CANCEL_PROBE = """
import json, os, time
from helder import checker
from helder.checker import discover, start_checks
from helder.site import load_mkdocs_site
def never(chunk):
    open(f"proces-{os.getpid()}", "w").close()
    time.sleep(600)
checker._work = never
site = load_mkdocs_site("mkdocs.yml", "nl")
files = [(f, site.shown(f)) for f, _ in discover([site.docs_dir])]
checking = start_checks(files, site.ctx, default_lang=site.default_lang, beside=True)
assert checking.running
while not [name for name in os.listdir(".") if name.startswith("proces-")]:
    time.sleep(0.05)
checking.cancel()
print(json.dumps([int(name[7:]) for name in os.listdir(".") if name.startswith("proces-")]))
"""


def test_cancelled_checks_end_their_processes_at_once(site: SiteDir) -> None:
    """Also a process in the middle of its pages: the build's end does not wait for it."""
    twelve_pages(site)
    # Without the cancel, the probe would wait ten minutes for its processes.
    done = site.probe(CANCEL_PROBE, workers="3", timeout=120)
    assert done.code == 0, done.err
    pids = json.loads(done.out)
    assert pids
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_each_language_build_checks_beside_its_render_and_reports_once(site: SiteDir) -> None:
    """mkdocs-static-i18n builds English from within the Dutch build's end: the Dutch checks are collected
    before that, and every finding of both languages is reported once."""
    from test_languages import ENGLISH_PRODUCT, _theme_site

    site = _theme_site(site.root)
    english = (
        " If you lost your passport or if it was stolen from you while you were travelling abroad on holiday"
    )
    site.page("burgerzaken/paspoort.en.md", ENGLISH_PRODUCT + "\n" + english + " or for work, call us.\n")
    site.page(
        "burgerzaken/verhuizen.md", GOOD_PRODUCT.replace("Paspoort aanvragen", "Verhuizen") + f"\n{LONG}\n"
    )
    alone = _build(site, "wacht", "1")
    beside = _build(site, "wacht", "2")
    assert len(_marks(site, "proces")) == 2  # a checking process in each language's build
    assert (alone.code, beside.code) == (1, 1)
    found = [line for line in beside.err.splitlines() if "content/burgerzaken/" in line]
    assert found == [line for line in alone.err.splitlines() if "content/burgerzaken/" in line]
    long = [line for line in found if "[readability.sentence-length]" in line]
    assert len(long) == 2 and len(set(long)) == 2
    assert any("verhuizen.md:" in line for line in long) and any("paspoort.en.md:" in line for line in long)
