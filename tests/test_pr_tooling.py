"""The pre-commit hooks and the pull-request workflow run what they promise, with Python only."""

from __future__ import annotations

import re
import shlex
import tomllib

import yaml
from sitelib import BIN, GOOD_PRODUCT, REPO, SiteDir

HOOKS = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
WORKFLOW = yaml.safe_load((REPO / ".github" / "workflows" / "pr.yml").read_text(encoding="utf-8"))


def hook(hook_id: str) -> dict:
    return next(h for h in HOOKS if h["id"] == hook_id)


def run_hook(site: SiteDir, hook_id: str, files: list[str]):
    """What pre-commit does: pick the files matching the hook, run its entry (with them, unless told not to)."""
    spec = hook(hook_id)
    chosen = [f for f in files if re.search(spec["files"], f)]
    if not chosen:
        return None
    program, *args = shlex.split(spec["entry"])
    assert program == "helder"  # the console script this package installs
    extra = chosen if spec.get("pass_filenames", True) else []
    return site.run(str(BIN / program), *args, *extra)


def test_the_hooks_use_the_helder_command_this_package_installs():
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert "helder" in scripts
    for spec in HOOKS:
        assert spec["language"] == "python" and spec["entry"].startswith("helder check")


def test_the_page_hook_checks_the_committed_pages_and_stops_on_an_error(site: SiteDir):
    site.page("paspoort.md", GOOD_PRODUCT)
    site.page(
        "kapot.md", GOOD_PRODUCT.replace("## Stappen", "## Iets anders").replace("Paspoort", "ID-kaart")
    )
    site.write("README.md", "# Over deze site\n")
    good = run_hook(site, "helder-check", ["content/paspoort.md", "README.md"])
    assert good is not None and good.code == 0, good.text
    assert run_hook(site, "helder-check", ["README.md"]) is None  # not a page: the hook does not run
    bad = run_hook(site, "helder-check", ["content/kapot.md"])
    assert bad is not None and bad.code == 1
    assert "content/kapot.md" in bad.out and "sections.steps-missing" in bad.out


def test_the_site_hook_runs_when_the_settings_or_the_catalogue_change(site: SiteDir):
    site.page("paspoort.md", GOOD_PRODUCT)
    assert run_hook(site, "helder-check-site", ["content/paspoort.md"]) is None
    ran = run_hook(site, "helder-check-site", ["data/hulp.yml"])
    assert ran is not None and ran.code == 0 and "0 fouten" in ran.err


def test_the_pull_request_workflow_annotates_the_changed_lines_with_python_only():
    assert "pull_request" in WORKFLOW[True]  # YAML reads the key `on` as True
    (job,) = WORKFLOW["jobs"].values()
    steps = job["steps"]
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # the base branch's history, for --changed-since
    commands = " ".join(s.get("run", "") for s in steps)
    assert "helder check --changed-since" in commands and "--format github" in commands
    assert "npm" not in commands and "chromium" not in commands and "make site" not in commands
