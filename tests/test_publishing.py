"""Atomic publishing (issue 15, item 8): a killed, refused or parallel build never changes the published `site/`.

Real `mkdocs build` processes on a real site; a build is killed with SIGKILL by its PID while it runs, and the
previous site is compared file by file (SHA-256 of every file, and the list of files).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from sitelib import BIN, GOOD_PRODUCT, SiteDir

#: Enough pages that a build takes some seconds; each kill falls at a part of a measured build of this site.
PAGES = 240


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` (relative path -> SHA-256 of its bytes)."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def product(number: int) -> str:
    return GOOD_PRODUCT.replace("Paspoort aanvragen", f"Paspoort aanvragen {number}").replace(
        "paspoort aan bij", f"paspoort aan bij loket {number} van"
    )


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> SiteDir:
    site = SiteDir(tmp_path_factory.mktemp("publish"))
    site.page(
        "index.md", "---\ntype: page\ntitle: Home\nsummary: De start.\n---\n# Home\n\nWelkom op de site.\n"
    )
    for number in range(PAGES):
        site.page(f"zaken/p{number:03}.md", product(number))
    first = site.build()
    assert first.code == 0, first.text[-2000:]
    # How long a build of this site takes on this machine now (the check cache is warm, as in the kill test):
    # the kills fall at parts of it, so a faster Helder or machine cannot let the build finish first.
    started = time.monotonic()
    assert site.build().code == 0
    site.seconds = time.monotonic() - started
    return site


@pytest.mark.parametrize(
    "part", [0.1, 0.3, 0.5]
)  # well before the end: a build killed after it published has published
def test_a_build_killed_while_it_runs_leaves_the_previous_site_byte_identical(big_site, part):
    seconds = big_site.seconds * part
    site_dir = big_site.root / "site"
    before = snapshot(site_dir)
    assert len(before) > PAGES  # a whole site: every page, the feed, the search index
    # A change that a finished build would publish: the kill must be what keeps it out.
    big_site.page("zaken/p000.md", product(0).replace("Een paspoort kost", "Een nieuw paspoort kost"))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    build = subprocess.Popen(
        [str(BIN / "mkdocs"), "build", "--strict"],
        cwd=big_site.root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(seconds)
        assert build.poll() is None, "the build finished before the kill: the site is too small for this test"
        os.kill(build.pid, signal.SIGKILL)
    finally:
        build.wait(timeout=60)
    assert build.returncode == -signal.SIGKILL
    assert snapshot(site_dir) == before


def test_the_next_build_after_a_kill_publishes_and_clears_what_the_killed_one_left(big_site):
    result = big_site.build()
    assert result.code == 0, result.text[-2000:]
    assert "Een nieuw paspoort kost" in big_site.html("zaken/p000/index.html")
    assert not list(big_site.root.glob(".site.helder-new-*")) and not list(
        big_site.root.glob(".site.helder-old-*")
    )


def test_a_refused_build_leaves_the_previous_site_byte_identical(site):
    site.page("paspoort.md", GOOD_PRODUCT)
    assert site.build().code == 0
    before = snapshot(site.root / "site")
    site.page("paspoort.md", GOOD_PRODUCT.replace("owner: Burgerzaken\n", ""))  # an error finding
    refused = site.build()
    assert refused.code == 1
    assert "De vorige site in" in refused.text and "blijft staan" in refused.text
    assert snapshot(site.root / "site") == before
    assert not list(site.root.glob(".site.helder-new-*"))


def test_a_second_build_in_the_same_folder_is_refused_with_a_clear_message(site):
    site.page("paspoort.md", GOOD_PRODUCT)
    assert site.build().code == 0
    before = snapshot(site.root / "site")
    # The lock a running build holds (an OS lock on the lock file beside site/), taken by another process.
    holder = subprocess.Popen(
        [
            str(BIN / "python"),
            "-c",
            "import fcntl, sys, time; f = open(sys.argv[1], 'a+'); fcntl.flock(f, fcntl.LOCK_EX); "
            "print('locked', flush=True); time.sleep(120)",
            str(site.root / ".site.helder-lock"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        second = site.build()
    finally:
        holder.kill()
        holder.wait(timeout=30)
    assert second.code == 2
    assert (
        "Er loopt al een andere bouw van de site in" in second.text
        and "Twee tegelijk kan niet." in second.text
    )
    assert "Traceback" not in second.text
    assert snapshot(site.root / "site") == before
    # Once the other build has ended (its lock goes with its process), building works again.
    with open(site.root / ".site.helder-lock", "a+", encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    assert site.build().code == 0


def test_two_builds_at_once_never_break_the_site(site):
    for number in range(20):
        site.page(f"p{number}.md", product(number))
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    builds = [
        subprocess.Popen(
            [str(BIN / "mkdocs"), "build"],
            cwd=site.root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for _ in range(2)
    ]
    errors = [build.communicate(timeout=300)[0] for build in builds]
    codes = [build.returncode for build in builds]
    assert sorted(codes) in ([0, 0], [0, 2]), errors
    if 2 in codes:
        assert any("Er loopt al een andere bouw" in text for text in errors)
    site_files = snapshot(site.root / "site")
    assert all(f"p{number}/index.html" in site_files for number in range(20))


def test_a_dirty_build_keeps_the_pages_it_did_not_rebuild(site):
    site.page("paspoort.md", GOOD_PRODUCT)
    site.page("rijbewijs.md", product(1))
    assert site.build().code == 0
    site.page("paspoort.md", GOOD_PRODUCT.replace("Een paspoort kost", "Een nieuw paspoort kost"))
    result = site.run(str(BIN / "mkdocs"), "build", "--dirty")  # not --strict: MkDocs warns about --dirty
    assert result.code == 0, result.text[-2000:]
    assert (site.root / "site" / "rijbewijs" / "index.html").is_file()
    assert "Een nieuw paspoort kost" in site.html("paspoort/index.html")
