"""Helpers for the theme tests: a built copy of the demo site, a local web server and a Tab walk in Chromium.

A module with its own name (not conftest), so test files can import it without clashing with other modules.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def build_demo(root: Path) -> Path:
    """Copy the demo site to `root`, switch off the slow browser gate, build with --strict."""
    for name in ("content", "data", "overrides"):
        shutil.copytree(REPO / name, root / name)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config, switched = re.subn(r"(\n      audit:\n        enabled:) true", r"\1 false", config)
    assert switched == 1, "the demo's mkdocs.yml must have `audit: {enabled: true}` for the helder plugin"
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = subprocess.run(
        [str(BIN / "mkdocs"), "build", "--strict"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(root)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve `site` on http://127.0.0.1:<free port>; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


#: What the focused element is and where the reader sees it. `shown`: it has a size, is not hidden, and it is
#: the element on top at its own position (not covered by a menu or an overlay).
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const rects = el.getClientRects();
  const box = el.getBoundingClientRect();
  const first = rects.length ? rects[0] : box;
  const style = getComputedStyle(el);
  let opacity = 1;
  for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
    opacity = Math.min(opacity, parseFloat(getComputedStyle(node).opacity));
  }
  const cx = first.left + Math.min(first.width / 2, 4), cy = first.top + first.height / 2;
  const hit = document.elementFromPoint(cx, cy);
  const onTop = !!hit && (hit === el || el.contains(hit) || hit.contains(el));
  const regions = ['header', '.md-sidebar--primary', '.md-content', '.helder-footer__block', '.md-footer-meta'];
  let region = el.classList.contains('md-skip') ? 'skip' : 'other';
  for (const selector of regions) { if (el.closest(selector)) { region = selector; break; } }
  const block = region === '.helder-footer__block' ? el.closest(region) : null;
  return {
    tag: el.tagName.toLowerCase(),
    text: (el.innerText || el.getAttribute('aria-label') || el.value || '').trim().replace(/\\s+/g, ' ').slice(0, 50),
    className: typeof el.className === 'string' ? el.className : '',
    href: el.getAttribute('href'),
    region: block ? region + ':' + Array.from(document.querySelectorAll(region)).indexOf(block) : region,
    width: box.width, height: box.height,
    top: first.top + scrollY, left: first.left + scrollX, bottom: first.bottom + scrollY,
    shown: box.width > 0 && box.height > 0 && style.visibility === 'visible' && opacity > 0 && onTop,
    covered: onTop || !hit ? null : hit.tagName.toLowerCase() + '.' + String(hit.className).split(' ').join('.'),
    inViewport: box.top >= -1 && box.left >= -1 && box.bottom <= innerHeight + 1 && box.right <= innerWidth + 1,
  };
}"""


def tab_walk(page: Any, limit: int = 250) -> list[dict[str, Any]]:
    """Press Tab from the top of the page until focus leaves the page; every stop as `FOCUSED` describes it."""
    stops: list[dict[str, Any]] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate(FOCUSED)
        if info is None or (stops and info == stops[0]):
            break
        stops.append(info)
    else:
        raise AssertionError(f"more than {limit} Tab stops: the walk never left the page")
    return stops


def describe(stop: dict[str, Any]) -> str:
    covered = f", under <{stop['covered']}>" if stop.get("covered") else ""
    return f"<{stop['tag']} class={stop['className']!r}> {stop['text']!r} ({stop['region']}{covered})"


def order_problems(stops: list[dict[str, Any]]) -> list[str]:
    """Focus order against what the reader sees: regions (header, menu, content, footer columns) are visited
    once each, in order; inside a region every stop is on the same line and to the right of the one before, or
    lower on the page."""
    problems = []
    seen: list[str] = []
    for before, after in zip(stops, stops[1:], strict=False):
        if after["region"] != before["region"]:
            if after["region"] in seen:
                problems.append(f"focus goes back to {after['region']}: {describe(after)}")
            seen.append(before["region"])
            continue
        same_line = after["top"] < before["bottom"] - 1 and before["top"] < after["bottom"] - 1
        if same_line and after["left"] < before["left"] - 1:
            problems.append(f"{describe(after)} comes after {describe(before)} but is to its left")
        if not same_line and after["top"] < before["top"]:
            problems.append(f"{describe(after)} comes after {describe(before)} but is higher on the page")
    return problems
