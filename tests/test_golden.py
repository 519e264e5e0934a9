"""The exact findings on a site full of mistakes, in Dutch and in English.

`tests/golden/bad-site/` has a page with a mistake of every kind, broken files and an English page. The JSON that
`helder check` gives on it is stored beside it; any change to a message, a line number or a level shows up here
as a diff a reviewer can read. After a deliberate change, write the new output with:

    cd tests/golden/bad-site && SOURCE_DATE_EPOCH=1796083200 helder check --format json > ../bad-site.json
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
from sitelib import BIN, REPO

GOLDEN = REPO / "tests" / "golden"
#: 2026-12-01: freshness findings count months up to this day.
EPOCH = "1796083200"


@pytest.mark.parametrize(
    ("config", "expected"), [("mkdocs.yml", "bad-site.json"), ("mkdocs-en.yml", "bad-site-en.json")]
)
def test_check_output_is_exactly_the_stored_one(tmp_path, config, expected):
    site = tmp_path / "bad-site"
    shutil.copytree(GOLDEN / "bad-site", site)
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run(
        [str(BIN / "helder"), "check", "-f", config, "--format", "json"],
        cwd=site,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    got = json.loads(proc.stdout)
    want = json.loads((GOLDEN / expected).read_text(encoding="utf-8"))
    assert got == want
