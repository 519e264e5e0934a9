"""Property-based tests (issue 15): generated front matter and Markdown never make Helder raise, never put a
script from a field into the site, and never break the product feed.

Two properties, both in-process:
- check: a generated page is read and checked with every rule; no exception escapes and no rule crashes (an
  `internal` finding would be a crash that was caught);
- build: a real MkDocs build of a small site with two generated pages (findings do not stop it:
  `fail_on_error: false`); every HTML file is scanned for anything that runs code or loads from another
  host, and the feed is parsed as XML.

`make test` runs a small number of examples. `make fuzz` runs both for a fixed time (FUZZ_SECONDS, default
300) in rounds with fresh random seeds, and prints how many examples it ran.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import shutil
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from helder.checker import check_page, make_context
from helder.source import parse_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sitelib import CATALOGUE
from test_page_safety import runs

FUZZ_SECONDS = float(os.environ.get("FUZZ_SECONDS", "0"))
COUNT = {"check": 0, "build": 0}

# --- what an attacker or a careless editor types ---------------------------------------------------------------

ATTACKS = [
    "</script><script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    '"><svg onload=alert(3)>',
    "javascript:alert(4)",
    '<a href="javascript:alert(5)">x</a>',
    "</title><script>alert(6)</script>",
    "<iframe src=https://evil.example/></iframe>",
    "{{ config }}",
    "{% raw %}",
    "<!--",
    "]]>",
    "&lt;script&gt;",
    "\x01\x0b\x1f\x7f",
    "\u2028\u2029\ufeff",
]
words = st.sampled_from(
    ["paspoort", "aanvragen", "u", "de", "gemeente", "Kosten", "stappen", "DigiD", "€ 84"]
)
text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(ATTACKS),
    st.lists(st.one_of(words, st.sampled_from(ATTACKS)), max_size=8).map(" ".join),
)
scalar = st.one_of(
    text,
    st.integers(),
    st.integers(min_value=10**30, max_value=10**60),
    st.floats(allow_nan=True),
    st.booleans(),
    st.none(),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
)
value = st.recursive(
    scalar, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=3), max_leaves=8
)
KEYS = ["title", "summary", "audience", "upl", "online", "owner", "reviewed", "help", "lang", "type", "ignore",
        "limits", "overview", "description", "hide", "tags", "subtitle", "titel"]  # fmt: skip
GOOD = {"audience": ["inwoners"], "online": "nee", "owner": "Burgerzaken", "reviewed": dt.date(2026, 10, 1)}
#: YAML an editor can write that `yaml.safe_dump` never makes: tags, anchors, bad quoting.
RAW_YAML = [
    "online: !!bool maybe", "reviewed: !!int x", "upl: !!binary aGVsbG8=", "help: !!set {a, b}",
    "a: &a [x, x]\nb: [*a, *a]", "title: 'open", "summary: \"\\x01\"", "reviewed: 2026-13-45",
    "reviewed: " + "9" * 5000, "title: title\ntitle: weer", "? [a, b]\n: c", "<<: {title: x}",
]  # fmt: skip


def dump(meta: dict) -> str:
    try:
        return yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    except (yaml.YAMLError, ValueError):
        return ""


front_matter = st.builds(
    lambda chosen, extra, raw: dump({**GOOD, **chosen}) + "".join(line + "\n" for line in raw) + extra,
    st.dictionaries(st.sampled_from(KEYS), value, max_size=6),
    st.sampled_from(["", "x: 1\n", "title: Paspoort\n"]),
    st.lists(st.sampled_from(RAW_YAML), max_size=2),
)
BLOCKS = [
    "# {t}", "## Stappen", "## Kosten", "1. {t}\n2. {t}", "- {t}\n    - {t}\n        - {t}", "> {t}\n> > {t}",
    "![{t}](https://tracker.example/p.png)", "![{t}](plaatje.png)", "[{t}](https://www.example.org/)",
    "[{t}]({t})", "<div markdown>{t}</div>", "<pre class=\"mermaid\">{t}</pre>", "```\n{t}\n```",
    "| a | b |\n|---|---|\n| {t} | x |", "!!! note \"{t}\"\n    {t}", "*[{t}]: {t}", "{t}", "{t}\n{t}",
    "<span style=\"background:url(https://x.example/a.png)\">{t}</span>", "<video src=\"//cdn.example/v.mp4\"></video>",
    "[^1]\n\n[^1]: {t}", "<details><summary>{t}</summary>{t}</details>",
]  # fmt: skip
block = st.builds(lambda pattern, fill: pattern.replace("{t}", fill), st.sampled_from(BLOCKS), text)
deep = st.builds(
    lambda depth, mark: "".join(mark * n + "x\n" for n in range(depth)),
    st.integers(0, 120),
    st.sampled_from(["  - ", "> ", "\t", "- "]),
)
body = st.builds(
    lambda blocks, nested: "\n\n".join(blocks) + "\n" + nested, st.lists(block, max_size=10), deep
)
page = st.builds(lambda fm, md: f"---\n{fm}---\n{md}", front_matter, body) | st.text(max_size=300)


# --- property 1: checking ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory):
    from helder.catalogue import load_catalogue

    root = tmp_path_factory.mktemp("fuzz-check")
    (root / "hulp.yml").write_text(CATALOGUE, encoding="utf-8")
    catalogue, _ = load_catalogue(root / "hulp.yml", "data/hulp.yml")
    return make_context(catalogue=catalogue, config_dir=root, docs_dir=root)


def check_property(ctx, source: str) -> None:
    COUNT["check"] += 1
    result = check_page(parse_text(source, "content/fuzz.md"), ctx)
    crashed = [f for f in result.findings if f.rule == "internal"]
    assert crashed == [], crashed[0].message


# --- property 2: building --------------------------------------------------------------------------------------

MKDOCS_YML = """\
site_name: Fuzzgemeente
site_url: https://www.fuzz.example/
docs_dir: content
theme: {name: material, language: nl, font: false}
plugins:
  - helder:
      fail_on_error: false
      dashboard: {enabled: false}
"""


class _Fetches(HTMLParser):
    """Every URL a page makes the browser load (src, srcset, poster, data, link href of a fetching rel)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        for name in ("src", "poster", "data"):
            if found.get(name):
                self.urls.append(found[name] or "")
        for part in (found.get("srcset") or "").split(","):
            if part.strip():
                self.urls.append(part.split()[0])
        rel = (found.get("rel") or "").lower().split()
        if tag == "link" and {"stylesheet", "icon", "preload", "modulepreload", "manifest"} & set(rel):
            self.urls.append(found.get("href") or "")


def third_party(html: str) -> list[str]:
    parser = _Fetches()
    parser.feed(html)
    return [url for url in parser.urls if re.match(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", url, re.I)]


def build_property(root: Path, first: str, second: str) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    COUNT["build"] += 1
    shutil.rmtree(root / "content", ignore_errors=True)
    shutil.rmtree(root / "site", ignore_errors=True)
    (root / "content" / "map").mkdir(parents=True)
    (root / "content" / "index.md").write_text(first, encoding="utf-8", errors="surrogatepass")
    (root / "content" / "map" / "b.md").write_text(second, encoding="utf-8", errors="surrogatepass")
    build(load_config(str(root / "mkdocs.yml")))
    pages = list((root / "site").rglob("*.html"))
    assert pages
    for path in pages:
        html = path.read_text(encoding="utf-8", errors="replace")
        assert runs(html) == [], path.relative_to(root)
        assert third_party(html) == [], path.relative_to(root)
    feed = root / "site" / "samenwerkende-catalogi.xml"
    ElementTree.fromstring(feed.read_bytes())  # raises when not well-formed


@pytest.fixture(scope="module")
def build_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz-build")
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (root / "data").mkdir()
    (root / "data" / "hulp.yml").write_text(CATALOGUE, encoding="utf-8")
    return root


# --- running: a few examples in `make test`, rounds for FUZZ_SECONDS in `make fuzz` ---------------------------

COMMON = {"deadline": None, "database": None, "suppress_health_check": list(HealthCheck)}


def _rounds(run_once, budget: float) -> None:
    """Run a property once (make test), or round after round with new seeds until the budget is spent."""
    end = time.monotonic() + budget
    run_once()
    while time.monotonic() < end:
        run_once()


def test_checking_generated_pages_never_raises(context):
    examples = 200 if FUZZ_SECONDS else 40

    @settings(max_examples=examples, **COMMON)
    @given(page)
    def run(source: str) -> None:
        check_property(context, source)

    _rounds(run, FUZZ_SECONDS / 2)
    print(f"\nfuzz: {COUNT['check']} generated pages checked")


def test_building_generated_pages_never_puts_a_script_in_the_site(build_root):
    examples = 10 if FUZZ_SECONDS else 4

    @settings(max_examples=examples, **COMMON)
    @given(page, page)
    def run(first: str, second: str) -> None:
        build_property(build_root, first, second)

    with quiet_mkdocs():
        _rounds(run, FUZZ_SECONDS / 2)
    print(f"\nfuzz: {COUNT['build']} generated sites built")
    results = Path(os.environ.get("FUZZ_REPORT", "")) if os.environ.get("FUZZ_REPORT") else None
    if results:
        results.write_text(f"check {COUNT['check']}\nbuild {COUNT['build']}\n", encoding="utf-8")


@contextlib.contextmanager
def quiet_mkdocs() -> Iterator[None]:
    """MkDocs logs every finding of every generated page; the property only looks at what the build wrote."""
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def test_the_scanners_themselves_can_fail():
    assert third_party('<img src="https://tracker.example/p.png">') == ["https://tracker.example/p.png"]
    assert runs("<p onclick=alert(1)>x</p>") != []
    assert (
        runs('<a href=" java\tscript:alert(1)">x</a>') != []
        and runs('<img alt="javascript:x" src="a.png">') == []
    )
    with pytest.raises(ElementTree.ParseError):
        ElementTree.fromstring(b"<a>\x01</a>")
