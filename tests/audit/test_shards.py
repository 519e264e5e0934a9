"""The gate over several CI machines: `helder audit --shard K/N` and `helder audit merge` (issue 14).

A real site, real Chromium and pa11y-ci: the site is audited once whole, then in shards, and the merged report
must say exactly what the whole run said (findings, ignored results, page verdicts, exit code). The shards
share the whole run's result cache, so they see the same pa11y results: what is under test here is the split
and the merge (`bench/audit_bench.py --shards 2 4` compares runs without any cache). A merge that is missing a
shard, or mixes settings or builds, fails with a Dutch message and exit code 2.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from audit_helpers import PNG, audit_block, build_site, page_map
from click.testing import CliRunner
from helder.audit.shards import Shard, ShardError, parse_shard
from helder.cli import cli

PAGES = {
    "index.md": "# Gemeente Voorbeeld\n\nLees hoe u een [paspoort aanvraagt](paspoort.md).\n",
    "paspoort.md": "# Paspoort aanvragen\n\nNeem uw oude paspoort mee naar de balie.\n",
    "rijbewijs.md": "# Rijbewijs\n\nU verlengt uw rijbewijs bij de balie.\n",
    "slecht.md": '# Slechte pagina\n\n<img src="../kaart.png">\n\n<p><input type="text" name="postcode"></p>\n',
    "afval/index.md": "# Afval\n\nAlles over afval.\n",
    "afval/grofvuil.md": "# Grofvuil\n\nU meldt grofvuil online.\n",
}


def _helder(*args: str) -> Any:
    return CliRunner().invoke(cli, ["--lang", "nl", *args], catch_exceptions=False)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory, tools: dict[str, str]) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("shards") / "project"
    site = build_site(root, PAGES, overrides=None)  # plain Material: the split is under test, not the theme
    (site / "kaart.png").write_bytes(PNG)
    config = root / "audit.yml"
    config.write_text(
        "site_name: x\nplugins:\n  - helder:\n" + audit_block(tools, root / "cache", "        timeout: 30\n"),
        encoding="utf-8",
    )
    (root / ".helder").mkdir(exist_ok=True)
    (root / ".helder" / "pages.json").write_text(json.dumps(page_map(PAGES)), encoding="utf-8")
    whole = _helder(
        "audit", str(site), "-f", str(config), "--no-progress", "--report-dir", str(root / "whole")
    )
    return {"root": root, "site": site, "config": config, "whole": whole}


def _comparable(report: dict[str, Any]) -> dict[str, Any]:
    summary = {
        k: v for k, v in report["summary"].items() if k not in ("seconds", "from_cache", "tested", "retried")
    }
    keys = ("findings", "ignored", "review", "pages", "exit_code", "passed", "gate_error")
    return {key: report.get(key) for key in keys} | {"summary": summary}


def _shards(project: dict[str, Any], count: int, folder: str) -> list[Path]:
    out = project["root"] / folder
    for index in range(1, count + 1):
        run = _helder(
            "audit",
            str(project["site"]),
            "-f",
            str(project["config"]),
            "--no-progress",
            "--shard",
            f"{index}/{count}",
            "--report-dir",
            str(out),
        )
        assert run.exit_code in (0, 1), run.output
        assert f"Deelresultaat {index} van {count} staat in" in run.stderr
    return [out / f"shard-{index}-of-{count}.json" for index in range(1, count + 1)]


@pytest.mark.browser
@pytest.mark.parametrize("count", [2, 4])
def test_merged_shards_say_exactly_what_one_run_says(project: dict[str, Any], count: int) -> None:
    whole = project["whole"]
    assert whole.exit_code == 1, whole.output  # slecht.md fails
    reference = json.loads((project["root"] / "whole" / "audit.json").read_text(encoding="utf-8"))
    parts = _shards(project, count, f"n{count}")
    # A shard writes its partial result only: no audit.json the statement could take for the whole site.
    assert not (project["root"] / f"n{count}" / "audit.json").exists()
    sizes = [json.loads(p.read_text(encoding="utf-8"))["summary"]["pages"] for p in parts]
    assert sum(sizes) == reference["summary"]["pages"] == len(list(project["site"].rglob("*.html")))
    merged_dir = project["root"] / f"n{count}-merged"
    merged = _helder("audit", "merge", *map(str, parts), "--report-dir", str(merged_dir))
    assert merged.exit_code == whole.exit_code == 1
    report = json.loads((merged_dir / "audit.json").read_text(encoding="utf-8"))
    assert _comparable(report) == _comparable(reference)
    assert any(f["path"] == "content/slecht.md" and f["rule"].startswith("a11y.") for f in report["findings"])
    assert "content/slecht.md" in (merged_dir / "audit.html").read_text(encoding="utf-8")
    verdict = re.compile(r"\d+ pagina's, \d+ goedgekeurd, \d+ afgekeurd, \d+ niet gecontroleerd")
    assert verdict.search(merged.stdout).group(0) == verdict.search(whole.stdout).group(0)


@pytest.mark.browser
def test_merge_fails_closed(project: dict[str, Any], tmp_path: Path) -> None:
    parts = _shards(project, 2, "closed")
    first, second = parts

    missing = _helder("audit", "merge", str(first), "--report-dir", str(tmp_path / "a"))
    assert missing.exit_code == 2
    assert "Er ontbreken delen: 2 (van 2). Zonder alle delen is de controle niet af." in missing.stderr
    assert not (tmp_path / "a" / "audit.json").exists()

    twice = _helder(
        "audit", "merge", str(first), str(first), str(second), "--report-dir", str(tmp_path / "b")
    )
    assert twice.exit_code == 2
    assert "Deel 1 van 2 staat er twee keer bij" in twice.stderr

    other_site = tmp_path / "other-site.json"
    data = json.loads(second.read_text(encoding="utf-8"))
    other_site.write_text(json.dumps({**data, "site": "0" * 64}), encoding="utf-8")
    built = _helder("audit", "merge", str(first), str(other_site), "--report-dir", str(tmp_path / "c"))
    assert built.exit_code == 2
    assert "hoort bij een andere bouw van de site" in built.stderr

    other_settings = tmp_path / "other-settings.json"
    other_settings.write_text(json.dumps({**data, "shard_settings": "1" * 64}), encoding="utf-8")
    settings = _helder("audit", "merge", str(first), str(other_settings), "--report-dir", str(tmp_path / "d"))
    assert settings.exit_code == 2
    assert "is gemaakt met andere instellingen" in settings.stderr

    garbage = tmp_path / "kapot.json"
    garbage.write_text("{niet af", encoding="utf-8")
    broken = _helder("audit", "merge", str(first), str(garbage), "--report-dir", str(tmp_path / "e"))
    assert broken.exit_code == 2
    assert f"Het bestand {garbage} is geen deelresultaat van 'helder audit --shard'." in broken.stderr
    assert "Traceback" not in broken.output


@pytest.mark.browser
def test_a_shard_of_another_build_is_refused(project: dict[str, Any], tmp_path: Path) -> None:
    """The site is built again with one changed page between the shards: the merge must notice."""
    first = _shards(project, 2, "build-a")[0]
    copy = tmp_path / "project"
    shutil.copytree(project["root"], copy, ignore=shutil.ignore_patterns("cache"))
    (copy / "site" / "rijbewijs" / "index.html").write_text("<html lang=nl><title>x</title></html>")
    changed = {**project, "root": copy, "site": copy / "site"}
    second = _shards(changed, 2, "build-b")[1]
    merged = _helder("audit", "merge", str(first), str(second), "--report-dir", str(tmp_path / "m"))
    assert merged.exit_code == 2
    assert "hoort bij een andere bouw van de site" in merged.stderr


def test_shard_spec_and_a_stable_split() -> None:
    assert parse_shard("2/4") == Shard(2, 4)
    for bad in ("0/4", "5/4", "2", "a/b", ""):
        with pytest.raises(ShardError):
            parse_shard(bad)
    urls = [f"/thema-{n // 20}/dienst-{n}/" for n in range(2000)]
    for count in (1, 2, 4, 7):
        owners = [[k for k in range(1, count + 1) if Shard(k, count).holds(url)] for url in urls]
        assert all(len(found) == 1 for found in owners)  # every page in exactly one shard
        sizes = [sum(1 for found in owners if found == [k]) for k in range(1, count + 1)]
        assert min(sizes) > len(urls) / count * 0.8  # and the shards about equal
    # A page keeps its shard on every machine: the split depends on the URL alone, not on Python's
    # per-process string hashing.
    code = "from helder.audit.shards import Shard; print([Shard(k, 4).holds('/afval/grofvuil/') for k in range(1, 5)])"
    seen = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(seen) == 1 and seen.pop().count("True") == 1


def test_bad_shard_spec_is_exit_2_in_dutch(tmp_path: Path) -> None:
    run = _helder("audit", str(tmp_path), "--shard", "3/2")
    assert run.exit_code == 2
    assert "--shard 3/2 is geen deel dat Helder kent." in run.stderr
