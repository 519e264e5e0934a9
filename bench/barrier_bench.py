"""Detection benchmark: how many single-barrier pages stock pa11y-ci finds, and how many `helder audit` finds.

The pages are in `bench/barriers.py` (49 of our own, 15 held out, plus one clean page). A tool finds a barrier
when it reports a result (rule + element) on the barrier page that it does not report on the clean page.
Three tools, same Chromium, pages served over HTTP on 127.0.0.1:

- stock pa11y-ci: its defaults (HTML_CodeSniffer, WCAG2AA, 1280x1024, errors only, concurrency 1);
- Helder's engines only: `run_gate` with `browser_checks: false` (htmlcs + axe, desktop and mobile);
- `helder audit`: `run_gate` with its browser checks (the default), errors and warnings.

Usage:
    python bench/barrier_bench.py [--workdir DIR] [--markdown bench/barrier-results.md]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
try:
    import helder.findings  # noqa: F401
except ImportError:  # a checkout without `pip install -e .`
    sys.path.insert(0, str(REPO / "plugins"))

from barriers import CLEAN, HELD_OUT, OWN, Barrier, page_html  # noqa: E402
from helder.audit.browser import rule_id  # noqa: E402
from helder.audit.config import load_options  # noqa: E402
from helder.audit.gate import run_gate  # noqa: E402
from helder.audit.result import PageStatus  # noqa: E402
from helder.audit.runner import CHROMIUM_ARGS, find_tools, tool_env  # noqa: E402
from helder.audit.server import SiteServer  # noqa: E402

Found = dict[str, set[tuple[str, str]]]


def write_site(root: Path) -> Path:
    site = root / "site"
    for barrier in [CLEAN, *OWN, *HELD_OUT]:
        folder = site / barrier.id
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(page_html(barrier), encoding="utf-8")
    (site / "index.html").write_text(page_html(CLEAN), encoding="utf-8")
    return site


def page_id(url: str) -> str:
    return url.strip("/").split("/")[0].split("?")[0]


def run_stock(site: Path, tools: Any, workdir: Path) -> tuple[Found, float]:
    args = list(CHROMIUM_ARGS)
    if os.geteuid() == 0:
        args.insert(0, "--no-sandbox")
    found: Found = defaultdict(set)
    with SiteServer(site) as server:
        urls = [f"{server.base_url}/{b.id}/" for b in [CLEAN, *OWN, *HELD_OUT]]
        config = workdir / "stock.json"
        config.write_text(
            json.dumps(
                {
                    "defaults": {"chromeLaunchConfig": {"executablePath": str(tools.browser), "args": args}},
                    "urls": urls,
                }
            ),
            encoding="utf-8",
        )
        report_path = workdir / "stock-report.json"
        started = time.monotonic()
        with open(report_path, "w", encoding="utf-8") as out:
            done = subprocess.run(
                [str(tools.node), str(tools.pa11y_ci), "--config", str(config), "--json"],
                stdout=out,
                stderr=subprocess.PIPE,
                text=True,
                cwd=workdir,
                env=tool_env(workdir),
                check=False,
            )
        seconds = time.monotonic() - started
        if done.returncode not in (0, 2):
            raise SystemExit(f"stock pa11y-ci failed ({done.returncode}): {done.stderr[-2000:]}")
        report = json.loads(report_path.read_text(encoding="utf-8"))
        for url, issues in report["results"].items():
            for issue in issues:
                if "code" not in issue:
                    raise SystemExit(f"stock pa11y-ci could not load {url}: {issue}")
                found[page_id(url[len(server.base_url) :])].add((rule_id(issue), str(issue.get("selector"))))
    return found, seconds


def run_helder(site: Path, tools: Any, workdir: Path, *, checks: bool) -> tuple[Found, float, Any]:
    options = load_options(
        {
            "enabled": True,
            "browser": str(tools.browser),
            "node_modules": str(tools.node_modules),
            "browser_checks": checks,
            "cache_dir": "",
            "review_file": "",
        }
    )
    started = time.monotonic()
    result = run_gate(site, options=options, project_root=workdir, progress=False, write_reports=False)
    seconds = time.monotonic() - started
    if result.gate_error:
        raise SystemExit(f"helder audit could not run: {result.gate_error}")
    found: Found = defaultdict(set)
    for finding, detail in ((f, dict(f.data or {})) for f in result.findings):
        found[page_id(str(detail.get("url")))].add((finding.rule, str(detail.get("selector") or "")))
    return found, seconds, result


def detected(found: Found, barrier: Barrier) -> set[str]:
    """The rules that report something on the barrier page that they do not report on the clean page."""
    return {rule for rule, selector in found.get(barrier.id, set()) - found.get(CLEAN.id, set())}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--workdir", default="")
    parser.add_argument("--browser", default="/usr/bin/chromium")
    parser.add_argument("--node-modules", default=os.environ.get("HELDER_NODE_MODULES", ""))
    parser.add_argument("--markdown", default="", help="write the result table to this file as well")
    args = parser.parse_args()
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="helder-barriers-"))
    workdir.mkdir(parents=True, exist_ok=True)
    tools = find_tools(REPO, browser=args.browser, node_modules=args.node_modules)
    site = write_site(workdir)

    stock, stock_s = run_stock(site, tools, workdir)
    engines, engines_s, _ = run_helder(site, tools, workdir, checks=False)
    helder, helder_s, result = run_helder(site, tools, workdir, checks=True)
    not_checked = [p.url for p in result.pages if p.status is PageStatus.NOT_CHECKED]

    lines = [
        f"# Detection on single-barrier pages ({date.today().isoformat()})",
        "",
        f"pa11y-ci {tools.versions['pa11y-ci']}, axe-core {tools.versions['axe-core']}, "
        f"HTML_CodeSniffer {tools.versions['html_codesniffer']}, {os.cpu_count()} cores. "
        "A barrier counts as found when the tool reports a result on its page that it does not report on the "
        "clean page. Produced by `python bench/barrier_bench.py`.",
        "",
    ]
    for name, barriers in (("own set", OWN), ("held-out set", HELD_OUT)):
        categories: dict[str, list[Barrier]] = defaultdict(list)
        for barrier in barriers:
            categories[barrier.category].append(barrier)
        lines += [
            f"## {name} ({len(barriers)} pages)",
            "",
            "| category | pages | stock pa11y-ci | Helder engines (htmlcs + axe) | helder audit |",
            "|---|---|---|---|---|",
        ]
        totals = [0, 0, 0]
        for category, items in categories.items():
            counts = [sum(1 for b in items if detected(found, b)) for found in (stock, engines, helder)]
            totals = [a + b for a, b in zip(totals, counts, strict=True)]
            lines.append(f"| {category} | {len(items)} | " + " | ".join(str(c) for c in counts) + " |")
        n = len(barriers)
        lines.append(
            f"| **total** | **{n}** | " + " | ".join(f"**{c} ({100 * c / n:.0f} %)**" for c in totals) + " |"
        )
        lines += ["", "| page | barrier | stock | helder audit |", "|---|---|---|---|"]
        for barrier in barriers:
            found_stock = ", ".join(sorted(detected(stock, barrier))) or "—"
            found_helder = ", ".join(sorted(detected(helder, barrier))) or "—"
            lines.append(f"| {barrier.id} | {barrier.description} | {found_stock} | {found_helder} |")
        lines.append("")
    lines += [
        f"Time: stock pa11y-ci {stock_s:.1f} s (1 viewport, concurrency 1); Helder engines {engines_s:.1f} s; "
        f"helder audit {helder_s:.1f} s (both 2 viewports, concurrency 4).",
    ]
    if not_checked:
        lines.append(f"Not checked by helder audit: {', '.join(not_checked)}")
    text = "\n".join(lines) + "\n"
    print(text)
    if args.markdown:
        Path(args.markdown).write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
