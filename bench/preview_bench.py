"""Save-to-preview benchmark: from saving a page to the refreshed preview that shows its new finding.

Serves a copy of the demo site with `mkdocs serve` (as `make serve` does) and opens a product page in the
system Chromium (the Puppeteer of the accessibility gate). Then it saves the page ten times, each time with a
new sentence that is too long, and measures until that sentence is highlighted in the browser: MkDocs
notices the change, rebuilds the site with Helder's checks, the browser reloads, the preview shows the
finding. Reports each save and the median, and leaves a screenshot of the list of findings.

    .venv/bin/python bench/preview_bench.py [--page burgerzaken/rijbewijs.md] [--saves 10]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
OUT = REPO / "bench" / "out"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", default="burgerzaken/rijbewijs.md", help="page under content/")
    parser.add_argument("--saves", type=int, default=10)
    parser.add_argument("--browser", default=os.environ.get("HELDER_BROWSER", "/usr/bin/chromium"))
    parser.add_argument(
        "--node-modules", default=os.environ.get("HELDER_NODE_MODULES", str(REPO / "node_modules"))
    )
    args = parser.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="helder-preview-bench-") as tmp:
        root = Path(tmp) / "site"
        for name in ("content", "data", "overrides"):
            shutil.copytree(REPO / name, root / name)
        shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
        port = free_port()
        url = f"http://127.0.0.1:{port}/" + args.page.removesuffix(".md").removesuffix("index") + "/"
        url = url.replace("//", "/").replace("http:/", "http://")
        log = (Path(tmp) / "serve.log").open("w", encoding="utf-8")
        server = subprocess.Popen(
            [str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"],
            cwd=root,
            stdout=log,
            stderr=log,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        )
        try:
            deadline = time.monotonic() + 180
            while time.monotonic() < deadline:
                try:
                    with urllib.request.urlopen(url, timeout=5):
                        break
                except OSError:
                    time.sleep(0.5)
            shot = OUT / "preview-panel.png"
            done = subprocess.run(
                [
                    "node",
                    str(REPO / "bench" / "preview_bench.cjs"),
                    args.node_modules,
                    args.browser,
                    url,
                    str(root / "content" / args.page),
                    str(args.saves),
                    str(shot),
                ],
                capture_output=True,
                text=True,
                check=False,
                env={**os.environ, "XDG_CONFIG_HOME": f"{tmp}/xdg", "XDG_CACHE_HOME": f"{tmp}/xdg"},
            )
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return 1
        samples = json.loads(done.stdout)["samples"]
    print(f"page: {args.page}, saves: {len(samples)}")
    print("save to preview (s): " + ", ".join(f"{s:.2f}" for s in samples))
    print(f"median: {statistics.median(samples):.2f} s, min {min(samples):.2f} s, max {max(samples):.2f} s")
    print(f"screenshot of the list of findings: {shot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
