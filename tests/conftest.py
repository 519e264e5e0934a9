"""Fixtures shared by all tests (the helpers themselves live in sitelib.py, importable from any folder)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sitelib import REPO, SiteDir


@pytest.fixture
def site(tmp_path: Path) -> SiteDir:
    return SiteDir(tmp_path)


@pytest.fixture(scope="session")
def demo_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demo site (content, data, overrides, mkdocs.yml) so tests never write into the repo."""
    root = tmp_path_factory.mktemp("demo")
    for name in ("content", "data", "overrides"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root
