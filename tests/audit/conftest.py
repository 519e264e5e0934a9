"""Fixtures for the accessibility gate tests: real MkDocs builds, real Chromium, real pa11y-ci.

pa11y-ci is found in `$HELDER_NODE_MODULES` or in the repository's `node_modules` (run `npm ci` first);
Chromium in `$HELDER_BROWSER` or `/usr/bin/chromium`. Tests that need them are marked `browser` and are
fail when a tool is missing (set HELDER_SKIP_BROWSER=1 to skip them on purpose); `pytest -m "not browser"` runs anywhere.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
from audit_helpers import REPO, build_site, page_map


def _node_modules() -> Path | None:
    configured = os.environ.get("HELDER_NODE_MODULES")
    candidate = Path(configured) if configured else REPO / "node_modules"
    return candidate if (candidate / ".bin" / "pa11y-ci").exists() else None


def _browser() -> Path | None:
    candidate = Path(os.environ.get("HELDER_BROWSER", "/usr/bin/chromium"))
    return candidate if candidate.is_file() and os.access(candidate, os.X_OK) else None


def _missing(reason: str) -> None:
    """`make test` installs both tools, so a missing tool there is a failure, never a quiet skip.

    Only with HELDER_SKIP_BROWSER=1 (a machine without Chromium, on purpose) are the browser tests skipped.
    """
    if os.environ.get("HELDER_SKIP_BROWSER") == "1":
        pytest.skip(reason)
    pytest.fail(reason)


@pytest.fixture(scope="session")
def node_modules() -> Path:
    found = _node_modules()
    if found is None:
        _missing("pa11y-ci ontbreekt: voer 'npm ci' uit in de repository of zet HELDER_NODE_MODULES")
    return found


@pytest.fixture(scope="session")
def browser() -> Path:
    found = _browser()
    if found is None:
        _missing("Chromium ontbreekt: apt-get install chromium, of zet HELDER_BROWSER")
    return found


@pytest.fixture(scope="session")
def tools(node_modules: Path, browser: Path) -> dict[str, str]:
    """The audit options that point at the real tools."""
    return {"node_modules": str(node_modules), "browser": str(browser)}


@pytest.fixture
def site_builder(tmp_path: Path) -> Callable[..., tuple[Path, dict[str, str]]]:
    def make(pages: Mapping[str, str], **kwargs: Any) -> tuple[Path, dict[str, str]]:
        return build_site(tmp_path / "project", pages, **kwargs), page_map(pages)

    return make
