"""Sentence-level readability against LiNT-II's labelled sets: does Helder flag what Dutch research flags?

Each item of a set (`corpus.json` of the LiNT-II project: `id`, `text`, `should_suggest`, `phenomena`,
`must_not`) becomes one `type: page` page in a temporary site; one `helder check --format json` run checks
them all. An item counts as "found" for a phenomenon when Helder reports at least one finding of a matching
rule on that page (`KINDS` below; the "found" column also counts a jargon finding for rare words and nominal
style, as issue 13 measured the starting point, and "by its own rule" does not). Clean items (`should_suggest: false`) count as a false alarm when Helder
reports any warning or error on them: a tip (info) is allowed, because editors see it without being stopped.

The set this script defaults to is the development set in `../shared/data/lint-ii-eval/`; held-out sets of the
same format are given on the command line and measured the same way.

    .venv/bin/python bench/lint_eval.py [SET.json ...] [--details] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
#: `../shared/...` beside the checkout (or beside the folder of a git worktree).
DEFAULT_SET = next(
    (
        folder / "shared" / "data" / "lint-ii-eval" / "corpus.json"
        for folder in REPO.parents
        if (folder / "shared" / "data" / "lint-ii-eval" / "corpus.json").is_file()
    ),
    REPO.parent / "shared" / "data" / "lint-ii-eval" / "corpus.json",
)

#: Which Helder rules count as flagging a phenomenon ("by its rule"). Long compounds are "word_frequency" in
#: LiNT-II's labels; Helder reports them as compounds, and very long ones as long words too.
KINDS: dict[str, tuple[str, ...]] = {
    "passive": ("readability.passive",),
    "word_frequency": ("readability.rare-word", "readability.compound", "readability.long-word"),
    "abstract_nouns": ("readability.nominal",),
    "enumeration": ("readability.enumeration",),
    "sentence_length": ("readability.sentence-length",),
    "max_sdl": ("readability.sentence-length",),
}
#: The way issue 13 measured "today": a jargon finding on an item also counted for rare words and nominal
#: style (officialese such as "wegens" or "vindt plaats" often sits in those sentences).
RELATED: dict[str, tuple[str, ...]] = {
    "word_frequency": ("words.jargon", "words.jargon-tip"),
    "abstract_nouns": ("words.jargon", "words.jargon-tip"),
}
#: The goals of issue 13 (share of items found, in %); clean items: at most this share with a warning or error.
GOALS = {
    "passive": 95,
    "word_frequency": 90,
    "abstract_nouns": 85,
    "enumeration": 85,
    "sentence_length": 100,
    "max_sdl": 100,
}
CLEAN_GOAL = 5

MKDOCS_YML = """\
site_name: LiNT-II evaluatie
docs_dir: content
theme:
  name: material
  language: nl
  font: false
markdown_extensions: [admonition, attr_list, def_list, tables, abbr]
plugins:
  - helder:
      catalogue: data/hulp.yml
      help_pages: ""
      feed: ""
"""


def load_items(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    items = data["items"] if isinstance(data, dict) else data
    for item in items:
        missing = {"id", "text", "should_suggest"} - set(item)
        if missing:
            sys.exit(f"{path}: item {item.get('id', '?')} has no {', '.join(sorted(missing))}")
    return items


def page_name(index: int) -> str:
    return f"item-{index:04d}.md"


def make_site(root: Path, items: list[dict[str, Any]]) -> None:
    (root / "data").mkdir(parents=True)
    shutil.copy(REPO / "data" / "hulp.yml", root / "data" / "hulp.yml")
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    content = root / "content"
    content.mkdir()
    (content / "index.md").write_text(
        "---\ntitle: Home\nsummary: De teksten van de evaluatie.\ntype: page\n---\n# Home\n\nDe teksten.\n",
        encoding="utf-8",
    )
    for index, item in enumerate(items):
        # A neutral title: the words of a page's title are never reported, so it must not hide any.
        front = f"---\ntitle: Tekst {index + 1}\nsummary: Een tekst om te testen.\ntype: page\n---\n"
        (content / page_name(index)).write_text(front + item["text"].strip() + "\n", encoding="utf-8")


def run_check(root: Path) -> list[dict[str, Any]]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    proc = subprocess.run(
        [str(BIN / "helder"), "check", "--format", "json"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    if proc.returncode not in (0, 1):
        sys.exit(f"helder check failed ({proc.returncode}):\n{proc.stderr}")
    return json.loads(proc.stdout)


def evaluate(items: list[dict[str, Any]], findings: list[dict[str, Any]]) -> dict[str, Any]:
    """Per phenomenon: items, found, the ids missed; for clean items: the ids with a warning or error."""
    by_page: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for finding in findings:
        by_page[Path(finding["path"]).name].append(finding)
    rows: dict[str, dict[str, Any]] = {}
    clean = {"items": 0, "alarms": [], "rules": defaultdict(int)}
    for index, item in enumerate(items):
        found = by_page.get(page_name(index), [])
        rules = {f["rule"] for f in found}
        if not item["should_suggest"]:
            clean["items"] += 1
            serious = [f for f in found if f["severity"] in ("warning", "error")]
            if serious:
                clean["alarms"].append((item["id"], serious))
                for finding in serious:
                    clean["rules"][finding["rule"]] += 1
            continue
        for phenomenon in item.get("phenomena", []):
            kinds = KINDS.get(phenomenon)
            if kinds is None:
                continue
            row = rows.setdefault(phenomenon, {"items": 0, "found": 0, "own": 0, "missed": []})
            row["items"] += 1
            if rules & set(kinds):
                row["own"] += 1
            if rules & set(kinds + RELATED.get(phenomenon, ())):
                row["found"] += 1
            else:
                row["missed"].append((item["id"], sorted(rules)))
    return {"rows": rows, "clean": clean}


def percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def print_table(name: str, result: dict[str, Any], details: bool) -> bool:
    """The table of issue 13; True when every goal is met."""
    ok = True
    print(f"\n{name}\n")
    print("| phenomenon | items | found | by its own rule | goal |")
    print("|---|---|---|---|---|")
    order = [p for p in GOALS if p in result["rows"]] + sorted(set(result["rows"]) - set(GOALS))
    for phenomenon in order:
        row = result["rows"][phenomenon]
        share = percent(row["found"], row["items"])
        goal = GOALS.get(phenomenon)
        met = goal is None or share >= goal
        ok &= met
        mark = "" if met else " (not met)"
        own = percent(row["own"], row["items"])
        print(f"| {phenomenon} | {row['items']} | {share}%{mark} | {own}% | ≥ {goal}% |")
    clean = result["clean"]
    share = percent(len(clean["alarms"]), clean["items"])
    met = share <= CLEAN_GOAL
    ok &= met
    mark = "" if met else " (not met)"
    print(
        f"| clean items with any warning or error | {clean['items']} | {share}%{mark} "
        f"({len(clean['alarms'])}) | | ≤ {CLEAN_GOAL}% |"
    )
    if clean["rules"]:
        print("\nfalse alarms by rule: " + ", ".join(f"{r} {n}" for r, n in sorted(clean["rules"].items())))
    if details:
        for phenomenon in order:
            for item_id, rules in result["rows"][phenomenon]["missed"]:
                print(f"  missed {phenomenon}: {item_id} (found: {', '.join(rules) or 'nothing'})")
        for item_id, serious in clean["alarms"]:
            for finding in serious:
                print(f"  false alarm {item_id}: [{finding['rule']}] {finding['message']}")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", type=Path, nargs="*", help=f"labelled sets (default: {DEFAULT_SET})")
    parser.add_argument("--details", action="store_true", help="list the items missed and the false alarms")
    parser.add_argument("--keep", type=Path, help="keep the generated sites in this folder")
    args = parser.parse_args()
    sets = args.sets or [DEFAULT_SET]
    work = args.keep or Path(tempfile.mkdtemp(prefix="helder-lint-eval-"))
    all_ok = True
    try:
        for number, path in enumerate(sets):
            items = load_items(path)
            root = work / f"set-{number}"
            if root.exists():
                shutil.rmtree(root)
            make_site(root, items)
            result = evaluate(items, run_check(root))
            all_ok &= print_table(f"{path} ({len(items)} items)", result, args.details)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    sys.exit(0 if all_ok else 1)


if __name__ == "__main__":
    main()
