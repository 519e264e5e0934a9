"""Accessibility gate: WCAG 2.1 AA with pa11y-ci on the built site, failing closed.

The MkDocs plugin calls `run_gate` after a build; `helder audit` (in `cli.py`) calls it on a built site.
Layers, each usable without the one above: `runner` (pa11y-ci as a subprocess) <- `gate` (pages, cache,
retries, findings) <- `cli` / the plugin. Nothing here parses Markdown.
"""

from .config import AuditOptions, Ignore, Viewport, load_options
from .gate import AuditResult, AuditSummary, IgnoredResult, format_summary, run_gate
from .manifest import page_map, read_manifest, write_manifest
from .runner import GateError

__all__ = [
    "AuditOptions",
    "AuditResult",
    "AuditSummary",
    "GateError",
    "Ignore",
    "IgnoredResult",
    "Viewport",
    "format_summary",
    "load_options",
    "page_map",
    "read_manifest",
    "run_gate",
    "write_manifest",
]
