"""The editor's path needs Python only: `make check`, `make serve` and `make nieuw` install no npm packages
and no Chromium, and work on a machine that has neither."""

from __future__ import annotations

import ast
import contextlib
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from sitelib import BIN, GOOD_PRODUCT, REPO

#: A PATH with no node, npm or chromium on it (the commands below are called by their full path).
NO_TOOLS = {"PATH": "/nonexistent", "NO_MKDOCS_2_WARNING": "1", "HOME": os.environ.get("HOME", "/tmp")}


def test_the_editor_targets_install_only_python():
    # -B: as on a fresh clone, every step is shown, also the set-up of the venv.
    plan = subprocess.run(
        ["make", "-n", "-B", "check", "serve", "nieuw"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    assert "pip install" in plan and ".venv/bin/helder check" in plan and ".venv/bin/mkdocs serve" in plan
    assert ".venv/bin/helder nieuw" in plan
    for heavy in ("npm", "node_modules", "chromium", "pa11y"):
        assert heavy not in plan, heavy


def fresh_demo(root: Path) -> Path:
    """A copy of the demo site as it is in the repository (the shared `demo_copy` is built in by other tests)."""
    for name in ("content", "data", "overrides"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def test_check_works_without_node_and_chromium(tmp_path: Path):
    demo = fresh_demo(tmp_path / "site")
    done = subprocess.run(
        [str(BIN / "helder"), "check"],
        cwd=demo,
        capture_output=True,
        text=True,
        env=NO_TOOLS,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "0 fouten" in done.stderr


def test_serve_shows_the_preview_without_node_and_chromium(tmp_path: Path):
    root = fresh_demo(tmp_path / "site")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = (tmp_path / "serve.log").open("w", encoding="utf-8")
    server = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=log,
        stderr=log,
        env=NO_TOOLS,
    )
    page = ""
    try:
        deadline = time.monotonic() + 180  # a bound for a server that never starts, not a speed test
        while not page and time.monotonic() < deadline and server.poll() is None:
            with (
                contextlib.suppress(OSError),
                urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/burgerzaken/rijbewijs/", timeout=5
                ) as answer,
            ):
                page = answer.read().decode("utf-8")
            time.sleep(0.5)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    if not page:
        pytest.fail((tmp_path / "serve.log").read_text(encoding="utf-8"))
    assert "Helder vond op deze pagina geen problemen." in page


LOADED = """\
import sys
from helder import cli
sys.argv = ["helder", *sys.argv[1:]]
try:
    cli.main()
except SystemExit:
    pass
heavy = ("cli", "gate", "runner", "browser", "server", "report", "shards")
print("LOADED", sorted(m for m in sys.modules if m in {"helder.newpage", *(f"helder.audit.{n}" for n in heavy)}))
"""


def test_check_loads_neither_the_gate_nor_the_new_page_assistant(site) -> None:
    """The gate (pa11y-ci runner, browser checks, server, report) and the new-page assistant are loaded when
    they are used (0.2 s of each `helder check`); their help still comes in the language asked for."""
    site.page("paspoort.md", GOOD_PRODUCT)

    def run(*args: str) -> tuple[str, list[str]]:
        done = subprocess.run(
            [str(BIN / "python"), "-c", LOADED, *args], cwd=site.root, capture_output=True, text=True
        )
        out, _, loaded = done.stdout.rpartition("LOADED ")
        return out + done.stderr, ast.literal_eval(loaded.strip())

    out, loaded = run("--lang", "nl", "check")
    assert "2 pagina's gecontroleerd: 0 fouten" in out and loaded == []
    out, loaded = run("--lang", "en", "audit", "--help")
    assert "Check a built site for accessibility" in out and "helder.audit.cli" in loaded
    out, loaded = run("--lang", "nl", "nieuw", "--help")
    assert "Maak een nieuwe productpagina" in out and loaded == ["helder.newpage"]
    out, _ = run("--help")
    assert "audit" in out and "nieuw" in out and "check" in out
