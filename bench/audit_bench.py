"""Benchmark of the accessibility gate (prints figures; asserts nothing about time).

1. Stock pa11y-ci against Helder's runner on the same N generated Material pages (default 50), both viewports:
   stock = pa11y-ci with its default settings (concurrency 1, incognito contexts), one run per viewport, the
   same runners, standard and Chromium; Helder = `run_gate` without cache. Goal: Helder >= 2.5x faster with
   the identical set of results (page, viewport, runner, code, selector, context).
2. Re-audit after editing one page against the full audit, both through `run_gate` with its result cache.
   Goal: <= 5 %. Run it at scale with `--pages 500 --skip-stock`.
3. `--browser-checks`: the cost of Helder's own browser checks on the demo site. The full gate (engines + browser
   checks) against the engine-only gate (`browser_checks: false`), alternating in the same run, no cache, both
   viewports. Goal: full <= 1.3x engine-only. Then the full gate again on the unchanged site with its cache.
4. `--shards 2 4`: the `helder audit` command once over the whole site, then split in N shards run side by side
   (`--shard K/N`) and `helder audit merge`: the merged report must hold exactly the same findings, ignored
   results, page verdicts and exit code; a merge with one shard left out must exit 2. All runs without cache.

Usage:
    python bench/audit_bench.py [--pages 50] [--skip-stock] [--skip-incremental] [--browser-checks [--rounds 2]]
                                [--shards 2 4] [--browser /usr/bin/chromium] [--node-modules node_modules]
                                [--workdir DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
try:
    import helder.findings  # noqa: F401
except ImportError:  # a checkout without `pip install -e .`
    sys.path.insert(0, str(REPO / "plugins"))

from helder.audit.config import load_options  # noqa: E402
from helder.audit.gate import run_gate  # noqa: E402
from helder.audit.runner import CHROMIUM_ARGS, find_tools, tool_env  # noqa: E402
from helder.audit.server import SiteServer  # noqa: E402

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

MKDOCS_YML = """\
site_name: Gemeente Benchmark
site_url: https://www.voorbeeld.nl/
docs_dir: content
theme:
  name: material
  language: nl
  font: false
  custom_dir: {overrides}
  features: [navigation.sections, navigation.indexes, navigation.prune, navigation.top, search.suggest]
plugins: [search]
markdown_extensions: [admonition, tables]
"""

PAGE = """\
# {title}

U regelt {title_lower} bij de gemeente. Op deze pagina leest u wat u moet doen en wat het kost.
Meer weten? Lees ook [de pagina over {other}](../{other_slug}/).

## Wat moet u doen?

1. Maak een afspraak.
2. Neem uw identiteitsbewijs mee.
3. Betaal de kosten aan de balie.

## Kosten

| Wat | Prijs |
|---|---|
| {title} | € {price},00 |

## Hulp

Bel 14 020 of kom langs bij de balie. Versie {version}.
"""

VIEWPORTS = [
    {"name": "desktop", "width": 1280, "height": 1024},
    {"name": "mobiel", "width": 375, "height": 812, "is_mobile": True},
]


def write_site(root: Path, pages: int, *, version: int = 1, edited: int | None = None) -> Path:
    """N pages in folders of 20 (with navigation.prune the build stays linear) and an index per folder."""
    content = root / "content"
    if content.exists():
        shutil.rmtree(content)
    content.mkdir(parents=True)
    # A snapshot of the theme: an edit of the repository's overrides during a long run would change the CSS
    # hash and (correctly) invalidate every cached result, which is not what this benchmark measures.
    theme = root / "overrides"
    if not theme.exists():
        shutil.copytree(REPO / "overrides", theme)
    (root / "mkdocs.yml").write_text(MKDOCS_YML.format(overrides=theme), encoding="utf-8")
    (content / "index.md").write_text("# Gemeente Benchmark\n\nWelkom.\n", encoding="utf-8")
    made = 1
    number = 0
    while made < pages:
        folder = f"thema-{number // 20:02d}"
        if number % 20 == 0:
            (content / folder).mkdir()
            (content / folder / "index.md").write_text(
                f"# Thema {number // 20}\n\nOverzicht.\n", encoding="utf-8"
            )
            made += 1
            if made >= pages:
                break
        slug = f"dienst-{number:04d}"
        other = f"dienst-{(number + 1) % 20 + (number // 20) * 20:04d}"
        text = PAGE.format(
            title=f"Dienst {number}",
            title_lower=f"dienst {number}",
            other=f"dienst {other[-4:]}",
            other_slug=other,
            price=10 + number % 90,
            version=version if edited == number else 1,
        )
        (content / folder / f"{slug}.md").write_text(text, encoding="utf-8")
        made += 1
        number += 1
    return root


def build(root: Path) -> tuple[Path, float]:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    started = time.monotonic()
    mkdocs_build(load_config(str(root / "mkdocs.yml")))
    return root / "site", time.monotonic() - started


def result_set_from_gate(result: Any) -> set[tuple[str, ...]]:
    out = set()
    for detail in (dict(f.data or {}) for f in result.findings):
        if "code" not in detail:
            continue
        for viewport in detail["viewports"]:
            out.add(
                (
                    detail["url"],
                    viewport,
                    detail["runner"],
                    detail["code"],
                    detail["selector"],
                    detail["context"],
                )
            )
    return out


def run_stock(
    site: Path, *, browser: Path, node_modules: Path, workdir: Path
) -> tuple[float, set[tuple[str, ...]], int]:
    """pa11y-ci as a user would run it out of the box: default settings, one config per viewport.

    Returns the time, the confirmed results and the number of "needs review" results. Those are left out of
    the comparison: pa11y reports them as errors by default, Helder as warnings (option needs_review), because
    they come and go between runs of the same site (measured 850-950 on 51 pages).
    """
    args = list(CHROMIUM_ARGS)
    if os.geteuid() == 0:
        args.insert(0, "--no-sandbox")
    results: set[tuple[str, ...]] = set()
    needs_review = 0
    html_pages = sorted(site.rglob("*.html"))
    with SiteServer(site) as server:
        urls = []
        for html in html_pages:
            rel = html.relative_to(site).as_posix()
            path = "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
            urls.append(server.base_url + path)
        started = time.monotonic()
        for viewport in VIEWPORTS:
            defaults: dict[str, Any] = {
                "standard": "WCAG2AA",
                "runners": ["htmlcs", "axe"],
                "chromeLaunchConfig": {"executablePath": str(browser), "args": args},
            }
            if viewport["name"] != "desktop":  # pa11y's default viewport is the desktop one
                defaults["viewport"] = {
                    "width": viewport["width"],
                    "height": viewport["height"],
                    "isMobile": True,
                    "hasTouch": True,
                }
            config = workdir / f"stock-{viewport['name']}.json"
            config.write_text(json.dumps({"defaults": defaults, "urls": urls}), encoding="utf-8")
            # `pa11y-ci --json > report.json`: a file, because a pipe truncates the report at 64 KiB.
            report_path = workdir / f"stock-{viewport['name']}-report.json"
            with open(report_path, "w", encoding="utf-8") as out:
                done = subprocess.run(
                    ["node", str(node_modules / ".bin" / "pa11y-ci"), "--config", str(config), "--json"],
                    stdout=out,
                    stderr=subprocess.PIPE,
                    text=True,
                    cwd=workdir,
                    env=tool_env(workdir),
                    check=False,
                )
            if done.returncode not in (0, 2):
                raise SystemExit(f"stock pa11y-ci failed ({done.returncode}): {done.stderr[-2000:]}")
            report = json.loads(report_path.read_text(encoding="utf-8"))
            for url, issues in report["results"].items():
                path = url[len(server.base_url) :]
                for issue in issues:
                    if "code" not in issue:
                        raise SystemExit(f"stock pa11y-ci could not load {url}: {issue}")
                    if (issue.get("runnerExtras") or {}).get("needsFurtherReview"):
                        needs_review += 1
                        continue
                    results.add(
                        (
                            path,
                            viewport["name"],
                            issue["runner"],
                            issue["code"],
                            issue["selector"],
                            issue["context"],
                        )
                    )
        seconds = time.monotonic() - started
    return seconds, results, needs_review


def build_demo(root: Path) -> Path:
    """A copy of the demo site, built without its own gate (the benchmark runs the gate itself)."""
    for name in ("content", "data", "overrides"):
        shutil.copytree(REPO / name, root / name, dirs_exist_ok=True)
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    marker = "        enabled: true"
    assert marker in text, "the demo site switches its gate on"
    (root / "mkdocs.yml").write_text(text.replace(marker, "        enabled: false", 1), encoding="utf-8")
    site, _ = build(root)
    return site


def _machine_cpu() -> float:
    """CPU seconds the whole machine spent working (user, nice, system, interrupts; not idle, I/O wait or time
    stolen by the host), from /proc/stat.

    Not `getrusage(RUSAGE_CHILDREN)`: Chromium's renderer processes are never waited for by a process of ours,
    so their time is missing there (measured on the demo: 79 s counted against 323 s the machine worked). The
    machine's figure counts everything, so run the benchmark on an otherwise idle machine."""
    with open("/proc/stat", encoding="utf-8") as handle:
        fields = [int(value) for value in handle.readline().split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq = fields[:7]
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def browser_checks_cost(args: argparse.Namespace, tools: Any, workdir: Path) -> None:
    """Engine-only against the full gate on the demo site, alternating so both see the same machine load."""
    from helder.audit.cli import read_site_config

    root = workdir / "demo"
    site = build_demo(root)
    settings = read_site_config(root / "mkdocs.yml").audit
    base = {
        **settings,
        "enabled": True,
        "browser": args.browser,
        "node_modules": str(tools.node_modules),
        "concurrency": args.concurrency,
        "cache_dir": "",
    }
    pages = len(list(site.rglob("*.html")))
    times: dict[bool, list[float]] = {False: [], True: []}
    cpu: dict[bool, list[float]] = {False: [], True: []}
    errors: dict[bool, int] = {}
    for _ in range(args.rounds):
        for checks in (False, True):
            options = load_options({**base, "browser_checks": checks})
            started, cpu_before = time.monotonic(), _machine_cpu()
            result = run_gate(site, options=options, project_root=root, progress=False, write_reports=False)
            times[checks].append(time.monotonic() - started)
            cpu[checks].append(_machine_cpu() - cpu_before)
            if result.gate_error or result.summary.not_checked:
                raise SystemExit(f"gate failed: {result.gate_error} / {result.summary}")
            errors[checks] = result.summary.errors
    engine, full = (sorted(times[c])[len(times[c]) // 2] for c in (False, True))
    print(f"demo: {pages} pages x 2 viewports, {args.rounds} rounds, concurrency {args.concurrency}")
    print(f"engine-only gate: {', '.join(f'{t:.1f}' for t in times[False])} s -> median {engine:.1f} s")
    print(f"full gate:        {', '.join(f'{t:.1f}' for t in times[True])} s -> median {full:.1f} s")
    pairs = ", ".join(f"{f / e:.2f}" for e, f in zip(times[False], times[True], strict=True))
    print(
        f"ratio full / engine-only: median {full / engine:.2f}, fastest runs "
        f"{min(times[True]) / min(times[False]):.2f}, per round {pairs} (goal <= 1.3); "
        f"errors {errors[False]} vs {errors[True]}"
    )
    # CPU seconds the machine worked during each gate (pa11y-ci, the checks, all of their Chromium): what the
    # gate costs, and less dependent than the wall-clock time on how much of the CPU the host gave this machine.
    print(
        f"machine CPU seconds engine-only {', '.join(f'{c:.1f}' for c in cpu[False])}, "
        f"full {', '.join(f'{c:.1f}' for c in cpu[True])}; ratio per round "
        f"{', '.join(f'{f / e:.2f}' for e, f in zip(cpu[False], cpu[True], strict=True))}; "
        f"load average at the end {os.getloadavg()[0]:.1f}"
    )
    cache = workdir / "demo-cache"
    shutil.rmtree(cache, ignore_errors=True)
    options = load_options({**base, "cache_dir": str(cache)})
    started = time.monotonic()
    run_gate(site, options=options, project_root=root, progress=False, write_reports=False)
    filled = time.monotonic() - started
    started = time.monotonic()
    again = run_gate(site, options=options, project_root=root, progress=False, write_reports=False)
    cached = time.monotonic() - started
    print(
        f"full gate with cache: {filled:.1f} s to fill, {cached:.1f} s unchanged "
        f"({again.summary.from_cache} of {again.summary.jobs} results from the cache, {again.summary.tested} tested)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--skip-stock", action="store_true")
    parser.add_argument("--skip-incremental", action="store_true")
    parser.add_argument("--browser", default="/usr/bin/chromium")
    parser.add_argument(
        "--node-modules", default=os.environ.get("HELDER_NODE_MODULES", str(REPO / "node_modules"))
    )
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workdir", default="")
    parser.add_argument(
        "--browser-checks", action="store_true", help="cost of the browser checks on the demo"
    )
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument(
        "--shards", type=int, nargs="*", default=[], help="compare N shards merged (e.g. 2 4)"
    )
    args = parser.parse_args()

    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="helder-audit-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    tools = find_tools(REPO, browser=args.browser, node_modules=args.node_modules)
    print(
        f"werkmap {workdir}; pa11y-ci {tools.versions['pa11y-ci']}, pa11y {tools.versions['pa11y']}, "
        f"axe-core {tools.versions['axe-core']}; {os.cpu_count()} cores"
    )
    if args.browser_checks:
        browser_checks_cost(args, tools, workdir)
        return
    root = write_site(workdir / "project", args.pages)
    site, build_s = build(root)
    n_html = len(list(site.rglob("*.html")))
    print(f"{n_html} HTML-pagina's (incl. 404.html) gebouwd in {build_s:.1f} s; 2 viewports")
    base = {
        "enabled": True,
        "browser": args.browser,
        "node_modules": str(tools.node_modules),
        "concurrency": args.concurrency,
    }

    if not args.skip_stock:
        options = load_options({**base, "cache_dir": "", "browser_checks": False})  # engines vs stock
        started = time.monotonic()
        helder = run_gate(site, options=options, project_root=root, progress=False, write_reports=False)
        helder_s = time.monotonic() - started
        if helder.gate_error or helder.summary.not_checked:
            raise SystemExit(f"helder run failed: {helder.gate_error} / {helder.summary}")
        helder_set = result_set_from_gate(helder)
        stock_s, stock_set, stock_review = run_stock(
            site, browser=tools.browser, node_modules=tools.node_modules, workdir=workdir
        )
        same = helder_set == stock_set
        print(
            f"stock pa11y-ci (concurrency 1, 2 runs): {stock_s:7.1f} s  "
            f"({stock_s / n_html / 2:.2f} s per job)"
        )
        print(
            f"helder run_gate (concurrency {args.concurrency}, 1 run): {helder_s:7.1f} s  "
            f"({helder_s / n_html / 2:.2f} s per job)"
        )
        print(
            f"versnelling: {stock_s / helder_s:.2f}x (doel >= 2.5x); "
            f"resultaten identiek: {same} ({len(helder_set)} resultaten; {stock_review} 'needs review'-"
            "resultaten van stock niet vergeleken)"
        )
        if not same:
            print("  alleen stock:", sorted(stock_set - helder_set)[:5])
            print("  alleen helder:", sorted(helder_set - stock_set)[:5])

    if not args.skip_incremental:
        cache = workdir / "cache"
        shutil.rmtree(cache, ignore_errors=True)
        options = load_options({**base, "cache_dir": str(cache)})
        started = time.monotonic()
        full = run_gate(
            site, options=options, project_root=root, progress=sys.stderr.isatty(), write_reports=False
        )
        full_s = time.monotonic() - started
        write_site(root, args.pages, version=2, edited=args.pages // 2)
        site, rebuild_s = build(root)
        started = time.monotonic()
        again = run_gate(site, options=options, project_root=root, progress=False, write_reports=False)
        again_s = time.monotonic() - started
        print(
            f"volledige controle met lege cache: {full_s:7.1f} s ({full.summary.tested} jobs getest, "
            f"{full.summary.retried} opnieuw geprobeerd, {full.summary.not_checked} niet gecontroleerd)"
        )
        print(
            f"opnieuw na 1 gewijzigde pagina:   {again_s:7.1f} s ({again.summary.tested} jobs getest, "
            f"{again.summary.from_cache} uit cache; herbouw {rebuild_s:.1f} s niet meegeteld)"
        )
        print(f"verhouding: {100 * again_s / full_s:.1f} % (doel <= 5 %)")

    if args.shards:
        compare_shards(root, site, args)


def helder_audit(root: Path, site: Path, args: argparse.Namespace, *extra: str) -> subprocess.Popen[str]:
    """`helder audit` as CI runs it (a process of its own), without cache, with a report folder per run."""
    config = root / "audit-bench.yml"  # `helder audit` reads only its own settings from it
    config.write_text(
        f"site_dir: {site}\nplugins:\n  - helder:\n      audit:\n        node_modules: {args.node_modules}\n",
        encoding="utf-8",
    )
    command = [
        str(Path(sys.executable).parent / "helder"),
        "audit",
        str(site),
        "--config",
        str(config),
        "--no-cache",
        "--no-progress",
        "--browser",
        args.browser,
        "--concurrency",
        str(args.concurrency),
        "--timeout",
        "60",
        *extra,
    ]
    return subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def comparable(report: dict[str, Any]) -> dict[str, Any]:
    """What must be the same however the audit was split (not the time taken or what came from a cache)."""
    summary = {
        k: v for k, v in report["summary"].items() if k not in ("seconds", "from_cache", "tested", "retried")
    }
    return {
        key: report.get(key)
        for key in ("findings", "ignored", "review", "pages", "exit_code", "passed", "gate_error")
    } | {"summary": summary}


def compare_shards(root: Path, site: Path, args: argparse.Namespace) -> None:
    out = root / "shard-bench"
    shutil.rmtree(out, ignore_errors=True)
    started = time.monotonic()
    whole = helder_audit(root, site, args, "--report-dir", str(out / "whole"))
    whole.communicate()
    whole_s = time.monotonic() - started
    reference = json.loads((out / "whole" / "audit.json").read_text(encoding="utf-8"))
    print(
        f"zonder shards: {whole_s:.1f} s, exitcode {whole.returncode}, {len(reference['findings'])} bevindingen, "
        f"{reference['summary']['pages']} pagina's, {reference['summary']['not_checked']} niet gecontroleerd"
    )
    for count in args.shards:
        started = time.monotonic()
        runs = [
            helder_audit(root, site, args, "--shard", f"{k}/{count}", "--report-dir", str(out / f"n{count}"))
            for k in range(1, count + 1)
        ]
        codes = [run.communicate() and run.returncode for run in runs]
        shards_s = time.monotonic() - started
        parts = [out / f"n{count}" / f"shard-{k}-of-{count}.json" for k in range(1, count + 1)]
        merged_dir = out / f"n{count}-merged"
        merge = subprocess.run(
            [
                str(Path(sys.executable).parent / "helder"),
                "audit",
                "merge",
                *map(str, parts),
                "--report-dir",
                str(merged_dir),
            ],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
        merged = json.loads((merged_dir / "audit.json").read_text(encoding="utf-8"))
        same = comparable(merged) == comparable(reference)
        sizes = [json.loads(p.read_text(encoding="utf-8"))["summary"]["pages"] for p in parts]
        print(
            f"N={count}: shards naast elkaar {shards_s:.1f} s (exitcodes {codes}, pagina's per shard {sizes}); "
            f"merge exitcode {merge.returncode} (zonder shards {whole.returncode}); "
            f"identiek aan de run zonder shards: {same} ({len(merged['findings'])} bevindingen)"
        )
        if not same:
            for key, value in comparable(merged).items():
                if value != comparable(reference)[key]:
                    print(f"  verschil in {key}")
        missing = subprocess.run(
            [
                str(Path(sys.executable).parent / "helder"),
                "audit",
                "merge",
                *map(str, parts[1:]),
                "--report-dir",
                str(out / "missing"),
            ],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
        print(f"  merge zonder deel 1: exitcode {missing.returncode}: {missing.stderr.strip()}")


if __name__ == "__main__":
    main()
