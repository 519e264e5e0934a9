"""Options of the accessibility gate, as one MkDocs `Config` class.

The plugin mounts this as `audit = c.SubConfig(AuditOptions)`, and `helder audit` validates the same dict from
mkdocs.yml, so a site configures the gate in one place and both entry points behave the same. The gate itself
never reads mkdocs.yml: it only gets a validated `AuditOptions`.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from ..messages import text


def _say(key: str, /, **values: object) -> str:
    """Settings are checked before Helder knows the site's language: their messages are Dutch."""
    return text("nl", key, **values)


#: The two screens we check. Results differ per width (Material hides the tabs and moves the search on
#: phones), so one desktop and one phone viewport is the smallest set that sees both layouts.
DEFAULT_VIEWPORTS: list[dict[str, Any]] = [
    {"name": "desktop", "width": 1280, "height": 1024},
    {"name": "mobiel", "width": 375, "height": 812, "is_mobile": True},
]


class _Text(c.Type):
    """A string that must contain something: an ignore without a reason is not allowed."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        if not text.strip():
            raise ValidationError(_say("opt_not_empty"))
        return text.strip()


class _Positive(c.Type):
    """A number above zero (ints and floats both allowed, see TOOLCHAIN: `c.Type(float)` rejects 30)."""

    def __init__(self, default: float | int, *, integer: bool = False) -> None:
        super().__init__(int if integer else (int, float), default=default)

    def run_validation(self, value: object) -> Any:
        if isinstance(value, bool):
            raise ValidationError(_say("opt_number", value=repr(value)))
        number = super().run_validation(value)
        if number <= 0:
            raise ValidationError(_say("opt_positive", value=repr(number)))
        return number


class Viewport(Config):
    """One screen size. `name` appears in every finding, so it is written for editors (desktop, mobiel)."""

    name = c.Type(str)
    width = _Positive(1280, integer=True)
    height = _Positive(1024, integer=True)
    is_mobile = c.Type(bool, default=False)


class Ignore(Config):
    """One accepted exception. The reason is mandatory: an ignore is a decision someone must be able to defend
    (the accessibility statement lists known problems), not a way to make the gate green."""

    rule = _Text()
    selector = c.Optional(c.Type(str))
    reason = _Text()


class _Viewports(c.ListOfItems):
    """A list of viewports with unique names: the name is how results of the same page are told apart."""

    def __init__(self) -> None:
        super().__init__(c.SubConfig(Viewport), default=DEFAULT_VIEWPORTS)

    def run_validation(self, value: object) -> list[Viewport]:
        viewports = super().run_validation(value)
        if not viewports:
            raise ValidationError(_say("opt_one_viewport"))
        names = [v.name for v in viewports]
        if len(set(names)) != len(names):
            raise ValidationError(_say("opt_viewport_names", names=names))
        return viewports


class AuditOptions(Config):
    """`plugins: [helder: {audit: {...}}]` — the WCAG 2.1 AA gate with pa11y-ci.

    Relative paths are taken from the project root (the folder of mkdocs.yml).
    """

    #: Off unless the site switches it on (`audit: {enabled: true}`): the gate needs Node.js and Chromium.
    enabled = c.Type(bool, default=False)

    # --- tools ---
    #: Chromium (or Chrome) binary; Puppeteer's own download is switched off (.puppeteerrc.cjs).
    browser = c.Type(str, default="/usr/bin/chromium")
    #: Folder holding pa11y-ci (from `npm ci`); empty = `node_modules` in the project root or a parent folder.
    node_modules = c.Type(str, default="")
    #: Node.js binary; empty = `node` on PATH.
    node = c.Type(str, default="")

    # --- what to check ---
    standard = c.Choice(("WCAG2A", "WCAG2AA", "WCAG2AAA"), default="WCAG2AA")
    runners = c.ListOfItems(c.Choice(("htmlcs", "axe")), default=["htmlcs", "axe"])
    viewports = _Viewports()
    #: Warnings and notices need a person to judge them; off by default so the gate only fails on real errors.
    include_warnings = c.Type(bool, default=False)
    include_notices = c.Type(bool, default=False)
    #: Level of axe results that axe itself is not sure about ("needs review"), e.g. the contrast of text
    #: that is partly scrolled out of view. pa11y's default `error` made the gate flaky: on a 51-page site
    #: 850-950 such results came and went between runs, depending on when Material's JavaScript had sized
    #: the sidebar. `warning` keeps them out of the gate (and shows them with include_warnings).
    needs_review = c.Choice(("error", "warning", "notice"), default="warning")
    ignores = c.ListOfItems(c.SubConfig(Ignore), default=[])
    #: Helder's own browser checks (keyboard, focus, reflow, text spacing, language, target size; see
    #: browser.py), in the same run and the same Chromium as pa11y-ci. Off = only axe and HTML_CodeSniffer.
    browser_checks = c.Type(bool, default=True)
    #: axe's "needs review" results become a review queue in the report; the decisions (who, why) are kept
    #: in this YAML file in the repository (see review.py). Empty string = no review queue.
    review_file = c.Type(str, default="toegankelijkheid-beoordelingen.yml")

    # --- speed and limits ---
    #: Pages checked at the same time. 4 keeps 2 cores busy (measured: higher gains nothing).
    concurrency = _Positive(4, integer=True)
    #: Seconds one page may take to load.
    timeout = _Positive(30)
    #: Seconds the whole run may take; 0 = worked out from the number of pages.
    run_timeout = c.Type((int, float), default=0)
    #: Port of the local web server on 127.0.0.1; 0 = any free port.
    port = c.Type(int, default=0)

    # --- files ---
    #: Results of unchanged pages are reused from here. Empty string = no cache.
    cache_dir = c.Type(str, default=".helder/audit-cache")
    #: Where audit.json and audit.html go; empty = `helder-audit/` beside the site folder (never inside it,
    #: so the report is not published).
    report_dir = c.Type(str, default="")
    #: Map of page URL to source file, written by the plugin, read by `helder audit`.
    manifest = c.Type(str, default=".helder/pages.json")

    def validate(self):  # type: ignore[no-untyped-def]
        failed, warnings = super().validate()
        if not failed and not self.runners:
            failed.append(("runners", ValidationError(_say("opt_one_runner"))))
        if not failed and self.run_timeout < 0:
            failed.append(("run_timeout", ValidationError(_say("opt_run_timeout"))))
        if not failed and not 0 <= self.port <= 65535:
            failed.append(("port", ValidationError(_say("opt_port"))))
        return failed, warnings


def load_options(data: dict[str, Any] | None, *, config_file_path: str | None = None) -> AuditOptions:
    """Validate a plain dict (from mkdocs.yml or a test) into `AuditOptions`, raising on the first error.

    The CLI and tests use this; the plugin gets the same object from MkDocs' own validation.
    """
    options = AuditOptions(config_file_path=config_file_path)
    options.load_dict(dict(data or {}))
    failed, _warnings = options.validate()
    if failed:
        key, error = failed[0]
        raise ValueError(_say("opt_audit_setting", key=key, error=error))
    return options
