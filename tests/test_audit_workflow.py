"""The GitHub Actions workflow that runs the gate on several machines (issue 14) is valid and complete:
one build, a matrix of audit jobs (one per shard, each with its own result cache), and a merge that runs even
when a shard failed, over exactly the shards the matrix makes."""

from __future__ import annotations

import re

import yaml
from sitelib import REPO

WORKFLOW = REPO / ".github" / "workflows" / "audit-shards.yml"


def _load() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    data["on"] = data.pop(True, data.get("on"))
    return data


def _runs(job: dict) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


def _uses(job: dict, action: str) -> list[dict]:
    return [step for step in job["steps"] if str(step.get("uses", "")).startswith(action + "@")]


def test_one_build_uploads_the_site_without_running_the_gate():
    build = _load()["jobs"]["build"]
    step = next(s for s in build["steps"] if "mkdocs build" in s.get("run", ""))
    # The step switches the demo's gate off, and fails when that line is not there to switch.
    sed, check = step["run"].splitlines()[:2]
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    switched = re.sub(r"^        enabled: true  ", "        enabled: false ", config, count=1, flags=re.M)
    assert switched != config and re.search(r"^        enabled: false  *# the WCAG gate", switched, re.M)
    assert sed.startswith("sed -i 's/^        enabled: true  /        enabled: false /' mkdocs.yml")
    assert check.startswith("grep -q '^        enabled: false  *# the WCAG gate' mkdocs.yml")
    upload = _uses(build, "actions/upload-artifact")[0]
    assert "site" in upload["with"]["path"] and ".helder/pages.json" in upload["with"]["path"]
    assert _uses(build, "actions/cache")[0]["with"]["path"] == ".helder/check-cache.json"


def test_the_audit_is_a_matrix_of_shards_each_with_its_cache():
    data = _load()
    audit = data["jobs"]["audit"]
    assert audit["needs"] == "build"
    shards = audit["strategy"]["matrix"]["shard"]
    assert shards == list(range(1, int(data["env"]["SHARDS"]) + 1))
    assert audit["strategy"]["fail-fast"] is False  # one failing shard must not cancel the others
    command = next(run for run in _runs(audit) if "helder audit" in run)
    assert re.search(r"--shard \"\$\{\{ matrix\.shard \}\}/\$SHARDS\"", command)
    cache = _uses(audit, "actions/cache")[0]["with"]
    assert cache["path"] == ".helder/audit-cache"
    assert "matrix.shard" in cache["key"] and "matrix.shard" in cache["restore-keys"]
    upload = _uses(audit, "actions/upload-artifact")[0]
    assert upload["if"] == "always()" and "shard-*.json" in upload["with"]["path"]


def test_the_merge_runs_always_over_every_shard():
    merge = _load()["jobs"]["merge"]
    assert merge["needs"] == "audit" and merge["if"] == "always()"
    download = _uses(merge, "actions/download-artifact")[0]["with"]
    assert download["pattern"] == "shard-*" and download["merge-multiple"] is True
    command = next(run for run in _runs(merge) if "helder audit merge" in run)
    assert "shards/shard-*.json" in command
    saved = _uses(merge, "actions/cache/save")[0]["with"]
    assert saved["path"] == "helder-audit" and saved["key"].startswith("helder-report-")
