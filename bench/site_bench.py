"""Build benchmark: what do Helder's content checks cost, and does the build grow linearly?

Generates sites of 250, 500 and 1,000 realistic Dutch product pages (the demo site's pages as templates, spread
over 25 theme folders with an overview page each, as the demo site is grouped) and times, in one run:

- `mkdocs build` with the content checks on, and with them off (`checks: false`): the ratio is the checks' cost;
- `helder check` on the same pages, against the plain build;
- the 1,000-page build against the 250-page build (linear growth would be 4x).

The accessibility gate is off here: it has its own benchmark (`bench/audit_bench.py`). Absolute times mean
little on shared machines; the ratios are the result.

    .venv/bin/python bench/site_bench.py [--sizes 250 500 1000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
THEMES = 25
GOALS = {"checks_cost": 1.15, "check_vs_build": 0.10, "growth": 4.5}

MKDOCS_YML = """\
site_name: Benchmarkgemeente
docs_dir: content
theme:
  name: material
  language: nl
  font: false
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
    (root / "mkdocs.yml").write_text(MKDOCS_YML.format(checks=str(checks).lower()), encoding="utf-8")
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


def timed(args: list[str], cwd: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    proc = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(args)} failed in {cwd}:\n{proc.stdout}\n{proc.stderr}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000])
    parser.add_argument("--keep", type=Path, help="keep the generated sites in this folder")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="helder-bench-"))
    rows = []
    for size in args.sizes:
        on, off = work / f"{size}-on", work / f"{size}-off"
        for folder, checks in ((on, True), (off, False)):
            if folder.exists():
                shutil.rmtree(folder)
            make_site(folder, size, checks)
        build_on = timed([str(BIN / "mkdocs"), "build", "-q"], on)
        build_off = timed([str(BIN / "mkdocs"), "build", "-q"], off)
        check = timed([str(BIN / "helder"), "check", "--format", "json"], on)
        rows.append((size, build_on, build_off, check))
    print(
        f"{'pages':>6} {'build+checks':>13} {'build plain':>12} {'ratio':>6} {'helder check':>13} {'check/plain':>12}"
    )
    for size, build_on, build_off, check in rows:
        print(
            f"{size:>6} {build_on:>12.2f}s {build_off:>11.2f}s {build_on / build_off:>6.2f} {check:>12.2f}s "
            f"{check / build_off:>12.2f}"
        )
    first, last = rows[0], rows[-1]
    growth = last[2] / first[2]
    print(
        f"\nbuild growth {first[0]} -> {last[0]} pages: {growth:.2f}x "
        f"(with checks {last[1] / first[1]:.2f}x; linear = {last[0] / first[0]:.0f}x, goal <= {GOALS['growth']}x)"
    )
    print(f"checks cost at {last[0]} pages: +{(last[1] / last[2] - 1) * 100:.0f}% (goal <= 15%)")
    print(f"helder check at {last[0]} pages: {last[3] / last[2] * 100:.0f}% of a plain build (goal <= 10%)")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
