"""A result cache, so a re-audit after editing one page only sends that page to pa11y-ci.

A cached result is only valid for exactly what was tested, so the key covers everything that can change it:
the rendered page HTML, every CSS and JavaScript file of the site (pages share them: a theme change must
re-audit all pages), the viewport, the test settings and the versions of pa11y-ci, pa11y, axe-core,
HTML_CodeSniffer, Puppeteer and Chromium. Ignores are *not* in the key: the cache holds pa11y's raw issues and
ignores are applied afterwards, so changing an ignore never costs a re-audit.

Only pages that were really tested are stored; a page that failed to load is never cached.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..files import write_atomic

#: Bump when the stored format or the meaning of a result changes.
CACHE_FORMAT = 1

#: File types that every page may load and that can change what pa11y finds.
ASSET_SUFFIXES = (".css", ".js", ".mjs")


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def assets_hash(site_dir: Path) -> str:
    """One hash over the names and contents of all CSS/JS files in the site."""
    digest = hashlib.sha256()
    for path in sorted(p for p in site_dir.rglob("*") if p.suffix in ASSET_SUFFIXES and p.is_file()):
        digest.update(path.relative_to(site_dir).as_posix().encode("utf-8"))
        digest.update(b"\0")
        digest.update(file_hash(path).encode("ascii"))
        digest.update(b"\n")
    return digest.hexdigest()


def result_key(
    *, page_hash: str, assets: str, settings: Mapping[str, Any], viewport: Mapping[str, Any]
) -> str:
    """The cache key of one page at one viewport. `settings` holds the test settings and tool versions."""
    payload = {
        "format": CACHE_FORMAT,
        "page": page_hash,
        "assets": assets,
        "settings": settings,
        "viewport": dict(viewport),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode("utf-8")).hexdigest()


class ResultCache:
    """Raw pa11y issues per key, one small JSON file each. `directory=None` switches the cache off."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory

    def _path(self, key: str) -> Path:
        assert self.directory is not None
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> list[dict[str, Any]] | None:
        if self.directory is None:
            return None
        path = self._path(key)
        try:
            with open(path, encoding="utf-8") as handle:
                data = json.load(handle)
        except (OSError, ValueError):
            return None
        issues = data.get("issues") if isinstance(data, dict) else None
        return issues if isinstance(issues, list) else None

    def put(self, key: str, issues: list[dict[str, Any]], *, url: str = "") -> None:
        """Write atomically, so an interrupted build never leaves a half entry; a full disk only costs a
        re-test next time."""
        if self.directory is None:
            return
        with contextlib.suppress(OSError):
            write_atomic(self._path(key), json.dumps({"url": url, "issues": issues}, ensure_ascii=False))
