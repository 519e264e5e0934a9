"""Accessibility gate: WCAG 2.1 AA with pa11y-ci on the built site, failing closed.

The MkDocs plugin calls `gate.run_gate` after a build; `helder audit` (`cli.py`) calls it on a built site.
Layers, each usable without the one above: `server` (the site on 127.0.0.1) and `runner` (pa11y-ci as a
subprocess) <- `gate` (pages, cache, retries, findings, levels) <- `report` (audit.json, audit.html) <- `cli` / the
plugin. `result` holds the types they share, `explain` what each engine result means, `rules` the rule ids.
Nothing here parses Markdown.
"""
