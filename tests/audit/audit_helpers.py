"""Helpers for the accessibility gate tests: build a real MkDocs site, and the page map the plugin writes.

A module with its own name (not conftest) so test files can import it without clashing with other
`conftest` modules in the test suite.
"""

from __future__ import annotations

import base64
import os
import sys
import textwrap
from collections.abc import Mapping
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OVERRIDES = REPO / "overrides"

try:  # a checkout without `pip install -e .`
    import helder.findings  # noqa: F401
except ImportError:  # pragma: no cover
    sys.path.insert(0, str(REPO / "plugins"))

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

#: A 1x1 PNG, for pages that need a real image.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)

#: The one ignore a stock Material site needs (see overrides/main.html and TOOLCHAIN.md).
SEARCH_FORM_IGNORE = {
    "rule": "a11y.htmlcs.H32.2",
    "selector": "form.md-search__form, form[data-md-component=palette]",
    "reason": "Zoeken en kleurenschema werken alleen met JavaScript en versturen niets; "
    "een verzendknop zou een nutteloze tabstop zijn.",
}


def audit_block(tools: dict[str, str], cache_dir: Path, extra: str = "") -> str:
    """The plugin's `audit:` settings for a test's mkdocs.yml (under `  - helder:`): the real tools, a cache of
    the test's own, the search-form ignore, and `extra` lines (already indented by 8 spaces)."""
    return (
        "      audit:\n"
        f"        node_modules: {tools['node_modules']}\n        browser: {tools['browser']}\n"
        f"        cache_dir: {cache_dir}\n" + extra + "        ignores:\n"
        f"          - rule: {SEARCH_FORM_IGNORE['rule']}\n"
        f"            selector: '{SEARCH_FORM_IGNORE['selector']}'\n"
        f"            reason: '{SEARCH_FORM_IGNORE['reason']}'\n"
    )


MKDOCS_YML = """\
site_name: Gemeente Voorbeeld
site_url: https://www.voorbeeld.nl/
docs_dir: content
theme:
  name: material
  language: nl
  font: false
  custom_dir: {overrides}
  features: [navigation.sections, navigation.indexes, navigation.prune, navigation.top, search.suggest]
plugins: [search, helder: {{enabled: false}}]  # the plugin off: it only hands the theme its words
markdown_extensions: [admonition, tables, attr_list, md_in_html]
"""


def build_site(root: Path, pages: Mapping[str, str], *, overrides: Path | None = OVERRIDES) -> Path:
    """Write mkdocs.yml and `content/` under `root`, build with MkDocs in-process and return the site dir."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    root.mkdir(parents=True, exist_ok=True)
    config_text = MKDOCS_YML.format(overrides=overrides or "null")
    if overrides is None:
        config_text = config_text.replace("  custom_dir: null\n", "")
    (root / "mkdocs.yml").write_text(config_text, encoding="utf-8")
    for name, text in pages.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    config = load_config(str(root / "mkdocs.yml"))
    build(config)
    return root / "site"


def page_map(pages: Mapping[str, str]) -> dict[str, str]:
    """URL -> source path as the plugin's manifest has it (`content/x/index.md` -> `/x/`)."""
    out: dict[str, str] = {}
    for name in pages:
        if not name.endswith(".md"):
            continue
        stem = name[: -len(".md")]
        if stem == "index":
            url = "/"
        elif stem.endswith("/index"):
            url = "/" + stem[: -len("index")]
        else:
            url = f"/{stem}/"
        out[url] = f"content/{name}"
    return out
