"""Fixtures for the preview tests in a real browser: the Chromium and the Puppeteer that the gate uses.

The same rules as the accessibility gate's tests: `make test` installs both, so a missing tool fails the test;
only HELDER_SKIP_BROWSER=1 skips it on purpose. HELDER_NODE_MODULES and HELDER_BROWSER point elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sitelib import REPO


def _missing(reason: str) -> None:
    if os.environ.get("HELDER_SKIP_BROWSER") == "1":
        pytest.skip(reason)
    pytest.fail(reason)


@pytest.fixture(scope="session")
def node_modules() -> Path:
    configured = os.environ.get("HELDER_NODE_MODULES")
    found = Path(configured) if configured else REPO / "node_modules"
    if not (found / "puppeteer").is_dir() or not (found / ".bin" / "pa11y-ci").exists():
        _missing(
            "Puppeteer en pa11y-ci ontbreken: voer 'npm ci' uit in de repository of zet HELDER_NODE_MODULES"
        )
    return found


@pytest.fixture(scope="session")
def browser() -> Path:
    found = Path(os.environ.get("HELDER_BROWSER", "/usr/bin/chromium"))
    if not (found.is_file() and os.access(found, os.X_OK)):
        _missing("Chromium ontbreekt: apt-get install chromium, of zet HELDER_BROWSER")
    return found
