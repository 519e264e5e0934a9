"""The page manifest: which source file made which page.

The gate reports findings on the Markdown file an editor must change, but it only sees built HTML. The plugin
knows the mapping during a build and writes it to `.helder/pages.json`; `helder audit` reads it back when it
audits a site without building it.

Format (UTF-8 JSON, one object): keys are page URLs as absolute paths on the site (`/` for the home page,
`/burgerzaken/paspoort/` with directory URLs, `/burgerzaken/paspoort.html` without), values are source paths
relative to the project root (the folder of mkdocs.yml), with forward slashes:

    {"/": "content/index.md", "/burgerzaken/paspoort/": "content/burgerzaken/paspoort.md"}
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..files import write_atomic
from ..messages import MessageError, Msg


class ManifestError(MessageError):
    """The manifest exists but cannot be used; carries a catalogue message."""


def write_manifest(path: Path, pages: Mapping[str, str]) -> None:
    """Write atomically: `helder audit` may read it while `mkdocs serve` rebuilds."""
    write_atomic(path, json.dumps(dict(sorted(pages.items())), ensure_ascii=False, indent=1) + "\n")


def read_manifest(path: Path) -> dict[str, str] | None:
    """The URL -> source map, or None when there is no manifest (then findings use HTML paths).

    Raises `ManifestError` when the file exists but is not a manifest.
    """
    if not path.is_file():
        return None
    try:
        with open(path, encoding="utf-8") as handle:
            data: Any = json.load(handle)
    except ValueError as error:
        raise ManifestError(Msg("gate_manifest_json", path=path, error=error)) from error
    if isinstance(data, dict) and isinstance(data.get("pages"), dict):
        data = data["pages"]
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise ManifestError(Msg("gate_manifest_shape", path=path))
    return dict(data)
