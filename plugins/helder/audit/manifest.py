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
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Protocol


class _SourceFile(Protocol):
    """The part of `mkdocs.structure.files.File` used here (duck-typed: this module never imports MkDocs)."""

    url: str
    abs_src_path: str | None

    def is_documentation_page(self) -> bool: ...


def page_map(files: Iterable[_SourceFile], project_root: Path) -> dict[str, str]:
    """URL -> source path for every Markdown page in MkDocs' `Files` (call it in `on_files` or later)."""
    pages: dict[str, str] = {}
    for file in files:
        if not file.is_documentation_page() or not file.abs_src_path:
            continue
        src = Path(file.abs_src_path)
        try:
            shown = src.resolve().relative_to(project_root.resolve()).as_posix()
        except ValueError:
            shown = src.as_posix()
        url = "" if file.url in (".", "./") else file.url  # MkDocs' URL of the home page is "./"
        pages["/" + url.lstrip("/")] = shown
    return pages


def write_manifest(path: Path, pages: Mapping[str, str]) -> None:
    """Write atomically: `helder audit` may read it while `mkdocs serve` rebuilds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump(dict(sorted(pages.items())), handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    os.replace(tmp, path)


def read_manifest(path: Path) -> dict[str, str] | None:
    """The URL -> source map, or None when there is no manifest (then findings use HTML paths).

    Raises ValueError with a Dutch message when the file exists but is not a manifest.
    """
    if not path.is_file():
        return None
    try:
        with open(path, encoding="utf-8") as handle:
            data: Any = json.load(handle)
    except ValueError as error:
        raise ValueError(f"{path} is geen geldig JSON-bestand ({error}). Bouw de site opnieuw.") from error
    if isinstance(data, dict) and isinstance(data.get("pages"), dict):
        data = data["pages"]
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise ValueError(f'{path} heeft niet de vorm {{"/url/": "content/pagina.md"}}. Bouw de site opnieuw.')
    return dict(data)
