"""`helder check --changed-since REF`: a pull request hears about the pages (and lines) it changed."""

from __future__ import annotations

import json
import os
import subprocess

import pytest
from helder.changes import parse_diff
from sitelib import GOOD_PRODUCT, SiteDir

LONG = (
    "Wij vragen u om bij de aanvraag altijd een recente pasfoto en een geldig identiteitsbewijs mee te "
    "nemen naar het stadhuis in het centrum."
)


def git(site: SiteDir, *args: str) -> str:
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="Redactie",
        GIT_AUTHOR_EMAIL="redactie@voorbeeld.nl",
        GIT_COMMITTER_NAME="Redactie",
        GIT_COMMITTER_EMAIL="redactie@voorbeeld.nl",
    )
    done = subprocess.run(["git", *args], cwd=site.root, capture_output=True, text=True, env=env, check=True)
    return done.stdout


def with_problem(page: str, after: str, text: str) -> str:
    return page.replace(after, after + "\n\n" + text, 1)


@pytest.fixture
def repo(site: SiteDir) -> SiteDir:
    """A site in git: two good pages and one page with an old problem, committed on main; then a branch."""
    site.page("paspoort.md", GOOD_PRODUCT)
    site.page("id-kaart.md", GOOD_PRODUCT.replace("Paspoort aanvragen", "ID-kaart aanvragen"))
    old = GOOD_PRODUCT.replace("Paspoort aanvragen", "Rijbewijs aanvragen")
    site.page("rijbewijs.md", with_problem(old, "U heeft het nodig voor een reis.", LONG))
    git(site, "init", "-q", "-b", "main")
    git(site, "add", ".")
    git(site, "commit", "-q", "-m", "De site")
    git(site, "checkout", "-q", "-b", "nieuwe-tekst")
    return site


def lines_of(site: SiteDir, rel: str, needle: str) -> int:
    text = (site.root / rel).read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


def test_only_the_changed_page_is_reported(repo: SiteDir):
    everything = repo.check_json()[1]
    assert {f["path"] for f in everything} == {"content/rijbewijs.md"}  # the old problem, on main

    page = repo.root / "content" / "paspoort.md"
    page.write_text(with_problem(GOOD_PRODUCT, "## Kosten", LONG), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Langere tekst")
    code, findings = repo.check_json("--changed-since", "main")
    assert code == 1
    assert {f["path"] for f in findings} == {"content/paspoort.md"}
    assert [f["rule"] for f in findings] == ["readability.sentence-length"]
    assert findings[0]["line"] == lines_of(repo, "content/paspoort.md", "Wij vragen u")


def test_github_annotations_only_on_changed_lines(repo: SiteDir):
    page = repo.root / "content" / "rijbewijs.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace("Haal na een week uw paspoort op.", "Haal na een week uw rijbewijs op."), "utf-8"
    )
    # A new page not yet added to git counts as changed as a whole.
    repo.page("nieuw.md", with_problem(GOOD_PRODUCT.replace("Paspoort", "Uittreksel"), "## Kosten", LONG))

    text_run = repo.check("--changed-since", "main")
    assert "content/rijbewijs.md" in text_run.out and "content/nieuw.md" in text_run.out  # whole pages

    github = repo.check("--changed-since", "main", "--format", "github")
    annotations = [line for line in github.out.splitlines() if line.startswith("::")]
    assert len(annotations) == 1, github.out  # the old long sentence is on a line this change did not touch
    assert "file=content/nieuw.md" in annotations[0]
    assert f"line={lines_of(repo, 'content/nieuw.md', 'Wij vragen u')}" in annotations[0]


def test_a_branch_is_compared_with_where_it_started(repo: SiteDir):
    git(repo, "checkout", "-q", "main")
    later = repo.root / "content" / "id-kaart.md"
    later.write_text(with_problem(later.read_text(encoding="utf-8"), "## Kosten", LONG), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Later op main")
    git(repo, "checkout", "-q", "nieuwe-tekst")
    result = repo.check("--changed-since", "main", "--format", "json")
    assert result.code == 0 and json.loads(result.out) == []  # main's later change is not this branch's


def test_an_unknown_version_is_a_clear_message(repo: SiteDir):
    result = repo.check("--changed-since", "origin/bestaat-niet")
    assert result.code == 2
    assert 'Git kent de versie "origin/bestaat-niet" niet.' in result.err


def test_outside_git_it_says_so(site: SiteDir):
    site.page("paspoort.md", GOOD_PRODUCT)
    result = site.check("--changed-since", "main")
    assert result.code == 2 and "is geen git-repository" in result.err


def test_parse_diff_reads_changed_lines_of_the_new_file():
    diff = """\
diff --git a/content/a.md b/content/a.md
index 1..2 100644
--- a/content/a.md
+++ b/content/a.md
@@ -3 +3 @@ Titel
-oud
+nieuw
@@ -10,0 +11,2 @@
+een
+twee
@@ -20,2 +22,0 @@
-weg
-weg
diff --git a/content/weg.md b/content/weg.md
deleted file mode 100644
--- a/content/weg.md
+++ /dev/null
@@ -1,2 +0,0 @@
-a
-b
diff --git a/content/oud.md b/content/nieuw naam.md
similarity index 100%
rename from content/oud.md
rename to content/nieuw naam.md
diff --git "a/content/caf\\303\\251 \\"x\\".md" "b/content/caf\\303\\251 \\"x\\".md"
--- "a/content/caf\\303\\251 \\"x\\".md"
+++ "b/content/caf\\303\\251 \\"x\\".md"
@@ -1 +1 @@
-a
+b
"""
    assert parse_diff(diff) == {
        "content/a.md": [(3, 3), (11, 12)],
        "content/nieuw naam.md": [],
        'content/café "x".md': [(1, 1)],
    }
