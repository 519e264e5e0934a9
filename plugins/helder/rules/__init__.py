"""The content rules: pure functions from a parsed page (plus the site's context) to hits.

Every rule module has the same shape:

- `RULES`: the rules it can report, each declared once (`helder.findings.Rule`) with its id, its default level
  and its message keys;
- `check(page, ctx) -> list[Hit]`: what is wrong on the page, as data (a message key and values, a line).

`registry.MODULES` lists them in the order they run; `helder.checker` turns hits into `Finding`s with the rule's
level and the message in the language Helder speaks, and applies the site's levels. `context` holds what a rule
may know besides the page, `settings` the site's options as rules read them, `kinds` the section kinds. Nothing
here knows MkDocs.
"""
