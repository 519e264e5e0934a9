"""Build benchmark: what do Helder's content checks cost, and does the build grow linearly?

Generates sites of 1,000 and 5,000 realistic Dutch product pages (the demo site's pages as templates, spread
over 25 theme folders with an overview page each, as the demo site is grouped; Helder's theme) and measures,
in one run:

- `mkdocs build` with the content checks on, and with them off (`checks: false`): the ratio is the checks'
  cost, cold (no check cache) and warm (the check cache of the previous build, nothing changed);
- `helder check` on the same pages against the plain build, cold and warm;
- `helder check` cold in one process (`HELDER_WORKERS=1`) against the default (from 100 pages, one process per
  core);
- the growth of the build from the smallest to the largest site (linear would be 5x for 1,000 -> 5,000);
- the peak memory (maximum resident set) of each build;
- the pages Helder generates from the help catalogue: every rule on each of them, findings counted.

Each command runs as its own process; wall time and CPU time (user + system, worker processes included) are
both reported. The machine is shared, so wall time swings with the load of others: the ratios of CPU time are
the steadier result. The accessibility gate is off here: it has its own benchmark (`bench/audit_bench.py`).

    .venv/bin/python bench/site_bench.py [--sizes 1000 5000] [--keep DIR] [--skip-extra] [--rounds N] [--code DIR]

Each result is printed as soon as it is measured (a run stopped half-way still says what it measured).
`--rounds N` measures every command N times, round after round, and reports the medians (the machine is
shared: one build of the same site took 20-30 s within ten minutes).
`--skip-extra` leaves out the run in one process and the check of the generated pages. `--code DIR` measures
Helder's code in another checkout (its `plugins/` and `readability/`, with this checkout's libraries), for a
before-and-after on the same machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
THEMES = 25
GOALS = {"cold": 1.15, "warm": 1.05, "check_cold": 0.25, "check_warm": 0.05, "growth": 5.5}

MKDOCS_YML = """\
site_name: Benchmarkgemeente
docs_dir: content
theme:
  name: material
  language: nl
  font: false
  custom_dir: {overrides}
  features: [navigation.indexes, navigation.prune]
markdown_extensions: [admonition, attr_list, def_list, tables]
plugins:
  - search
  - helder:
      checks: {checks}
      catalogue: data/hulp.yml
"""


def templates() -> list[tuple[str, str]]:
    """(front matter, body) of every Dutch demo product page."""
    found = []
    for path in sorted((REPO / "content").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if "\nonline:" not in text or "\nlang: en" in text:
            continue
        _, front, body = text.split("---\n", 2)
        found.append((front, body))
    return found


def make_site(root: Path, pages: int, checks: bool, seed: int = 7) -> None:
    rng = random.Random(seed)
    (root / "data").mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "data" / "hulp.yml", root / "data" / "hulp.yml")
    (root / "mkdocs.yml").write_text(
        MKDOCS_YML.format(checks=str(checks).lower(), overrides=THEME["overrides"]), encoding="utf-8"
    )
    content = root / "content"
    content.mkdir()
    (content / "index.md").write_text(
        "---\ntitle: Home\nsummary: Alle producten.\ntype: page\n---\n# Home\n\n"
        "Hier vindt u alles wat de gemeente voor u doet.\n",
        encoding="utf-8",
    )
    pool = templates()
    for theme in range(THEMES):
        folder = content / f"thema-{theme:02d}"
        folder.mkdir()
        (folder / "index.md").write_text(
            f"---\ntitle: Thema {theme}\nsummary: Producten van thema {theme}.\n"
            f"type: overview\n---\n# Thema {theme}\n\nDit zijn de producten.\n",
            encoding="utf-8",
        )
    for number in range(pages):
        front, body = pool[number % len(pool)]
        title = re.search(r"^title: (.*)$", front, re.M).group(1).strip()
        new_title = f"{title} ({number})"
        front = front.replace(f"title: {title}", f"title: {new_title}", 1)
        body = body.replace(f"# {title}", f"# {new_title}", 1)
        # Vary the text a little, so no two pages are the same and caches do not flatter.
        sentences = body.split(". ")
        rng.shuffle(sentences[1:4])
        body = ". ".join(sentences)
        body = re.sub(r"\]\([^)]*\)", "](../index.md)", body)  # links of the demo site point elsewhere here
        (content / f"thema-{number % THEMES:02d}" / f"product-{number:04d}.md").write_text(
            f"---\n{front}---\n{body}", encoding="utf-8"
        )


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mb: float


#: Extra environment of every measured command (`--code`: PYTHONPATH to another checkout's Helder).
ENV: dict[str, str] = {}
#: Helder's theme, which every site uses (`--code`: the other checkout's).
THEME = {"overrides": REPO / "overrides"}


def run(args: list[str], cwd: Path, **env: str) -> Run:
    """One command as its own process: wall time, CPU time (its worker processes included), peak memory."""
    environ = dict(os.environ, NO_MKDOCS_2_WARNING="1", **ENV, **env)
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, env=environ, stdout=out, stderr=subprocess.STDOUT)
        _pid, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            out.seek(0)
            sys.exit(f"{' '.join(args)} failed ({code}) in {cwd}:\n{out.read().decode()[-3000:]}")
    return Run(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def cold(root: Path) -> None:
    (root / ".helder" / "check-cache.json").unlink(missing_ok=True)


def generated_findings(root: Path) -> tuple[int, list[str]]:
    """Every rule on each page generated from the help catalogue (as the build checks them, before their
    findings are moved to the catalogue line they came from): (pages, findings)."""
    script = f"""
import json, os, sys
from pathlib import Path
os.chdir({str(root)!r})
from helder.checker import check_files, discover
from helder.pages.help_pages import check_generated, generated_pages
from helder.site import load_mkdocs_site
site = load_mkdocs_site("mkdocs.yml", "nl")
report = check_files([(f, site.shown(f)) for f, _ in discover([site.docs_dir])], site.ctx)
docs = site.shown(site.docs_dir)
pages = {{Path(s).relative_to(docs).as_posix(): r for s, r in report.pages.items()}}
made = generated_pages(site, pages)
import helder.pages.help_pages as hp
hp._at_source = lambda finding, *rest: finding  # keep each finding on the generated page itself
results, moved = check_generated(site, pages, made)
print(json.dumps([len(made), [f"{{f.path}}:{{f.line}} {{f.rule}}" for f in moved]]))
"""
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env=dict(os.environ, **ENV),
    )
    count, found = json.loads(done.stdout)
    return count, found


def measure(work: Path, size: int, *, extra: bool = True, rounds: int = 1) -> dict[str, Any]:
    on, off = work / f"{size}-on", work / f"{size}-off"
    for folder, checks in ((on, True), (off, False)):
        if folder.exists():
            shutil.rmtree(folder)
        make_site(folder, size, checks)
    mkdocs, helder = str(BIN / "mkdocs"), str(BIN / "helder")
    found: dict[str, Any] = {"size": size}
    seen: dict[str, list[Run]] = {}

    def note(name: str, result: Run) -> None:
        seen.setdefault(name, []).append(result)
        print(
            f"  {size} {name:<11} wall {result.wall:8.2f} cpu {result.cpu:8.2f} peak {result.peak_mb:6.0f} MB"
            f"  (load {os.getloadavg()[0]:.1f})",
            flush=True,
        )

    # Each round measures every command once, in the same order, so a slow minute of the shared machine
    # falls on one round's commands, not on one command in every round.
    for _ in range(rounds):
        note("plain", run([mkdocs, "build", "-q"], off))
        cold(on)
        note("cold", run([mkdocs, "build", "-q"], on))
        note("warm", run([mkdocs, "build", "-q"], on))
        cold(on)
        note("check_cold", run([helder, "check", "--format", "json"], on))
        note("check_warm", run([helder, "check", "--format", "json"], on))
        if extra:
            cold(on)
            note("check_one", run([helder, "check", "--format", "json"], on, HELDER_WORKERS="1"))
    found.update({name: median(runs) for name, runs in seen.items()})
    if extra:
        found["generated"] = generated_findings(on)
    return found


def median(runs: list[Run]) -> Run:
    """The median of each figure over the rounds (one round: its own figures)."""
    return Run(*(statistics.median(getattr(r, name) for r in runs) for name in ("wall", "cpu", "peak_mb")))


def ratio(row: dict[str, Any], name: str, what: str) -> float:
    return getattr(row[name], what) / getattr(row["plain"], what)


def report(rows: list[dict[str, Any]]) -> None:
    print(f"{'pages':>6} {'what':<34} {'wall s':>8} {'cpu s':>8} {'peak MB':>8}")
    names = {
        "plain": "mkdocs build, checks off",
        "cold": "mkdocs build, checks on, cold",
        "warm": "mkdocs build, checks on, warm",
        "check_cold": "helder check, cold",
        "check_warm": "helder check, warm",
        "check_one": "helder check, cold, 1 process",
    }
    for row in rows:
        for name, label in names.items():
            if name not in row:
                continue
            r = row[name]
            print(f"{row['size']:>6} {label:<34} {r.wall:>8.2f} {r.cpu:>8.2f} {r.peak_mb:>8.0f}")
    print()
    for row in rows:
        print(f"{row['size']} pages (ratios: wall / cpu; goal)")
        for name, goal in (
            ("cold", "cold"),
            ("warm", "warm"),
            ("check_cold", "check_cold"),
            ("check_warm", "check_warm"),
        ):
            print(
                f"  {names[name]:<32} / plain build: {ratio(row, name, 'wall'):.2f} / {ratio(row, name, 'cpu'):.2f}"
                f"  (goal <= {GOALS[goal]:.2f})"
            )
        if "check_one" in row:
            spread, one = row["check_cold"], row["check_one"]
            print(
                f"  helder check cold, default processes / 1 process: wall {spread.wall / one.wall:.2f}, "
                f"cpu {spread.cpu / one.cpu:.2f}"
            )
            count, found = row["generated"]
            print(f"  generated pages: {count}, findings on them: {len(found)} {found[:5]}")
    first, last = rows[0], rows[-1]
    if len(rows) > 1:
        for name in ("plain", "cold", "warm"):
            print(
                f"growth {first['size']} -> {last['size']} pages, {names[name]}: "
                f"wall {last[name].wall / first[name].wall:.2f}x, cpu {last[name].cpu / first[name].cpu:.2f}x "
                f"(linear {last['size'] / first['size']:.0f}x, goal <= {GOALS['growth']}x)"
            )
    print(f"peak memory of the build with checks at {last['size']} pages: {last['cold'].peak_mb:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--keep", type=Path, help="keep the generated sites in this folder")
    parser.add_argument("--skip-extra", action="store_true", help="no 1-process run, no generated-page check")
    parser.add_argument("--rounds", type=int, default=1, help="measure each command this often; medians")
    parser.add_argument("--code", type=Path, help="measure the Helder code of another checkout")
    args = parser.parse_args()
    if args.rounds < 1:
        parser.error("--rounds must be 1 or more")
    if args.code:
        code = args.code.resolve()
        ENV["PYTHONPATH"] = os.pathsep.join([str(code / "plugins"), str(code)])
        THEME["overrides"] = code / "overrides"
        print(f"Helder's code from {code}", flush=True)
    work = args.keep or Path(tempfile.mkdtemp(prefix="helder-bench-"))
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start", flush=True)
    rows = []
    for size in args.sizes:
        rows.append(measure(work, size, extra=not args.skip_extra, rounds=args.rounds))
        print(f"{size} pages measured, load average {os.getloadavg()[0]:.1f}", flush=True)
    report(rows)
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
