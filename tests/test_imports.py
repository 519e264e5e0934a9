"""PyPI has other packages that install a top-level `readability`; make sure the imported modules are ours."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import helder

import readability

REPO = Path(__file__).resolve().parents[1]


def test_helder_is_this_repository():
    assert Path(helder.__file__).resolve() == REPO / "plugins" / "helder" / "__init__.py"


def test_readability_is_this_repository():
    assert Path(readability.__file__).resolve() == REPO / "readability" / "__init__.py"


def test_no_conflicting_distribution_is_installed():
    names = {dist.metadata["Name"].lower() for dist in importlib.metadata.distributions()}
    assert not names & {"readability", "readability-lxml", "plugins"}


def test_mkdocs_finds_the_plugin_entry_point():
    points = importlib.metadata.entry_points(group="mkdocs.plugins")
    (point,) = [p for p in points if p.name == "helder"]
    assert point.value == "helder.plugin:HelderPlugin"
    assert point.load().__module__ == "helder.plugin"
