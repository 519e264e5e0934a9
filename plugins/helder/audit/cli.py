"""`helder audit`: run the accessibility gate on an already built site.

Only arguments, output formats and exit codes live here (pa11y-ci's bin/ vs lib/ split); the work is in
`helder.audit.gate`. Exit codes: 0 = every page passed, 1 = findings or pages that were not checked,
2 = the gate could not run (a tool is missing, the configuration is wrong). CI must treat 2 as a failure too.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import click
import yaml

from .. import levels
from ..findings import format_github, format_text, github_command
from ..levels import Levels
from ..messages import LANGUAGES, MessageError, Msg, text
from ..rules import registry
from . import shards
from .config import AuditOptions, load_options
from .gate import default_report_dir, format_summary, run_gate
from .manifest import ManifestError, read_manifest
from .report import report_data, write_reports
from .result import AuditResult


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may use tags such as !ENV or !!python/name; the audit options never do, so any unknown tag
    just becomes None instead of stopping the command."""


def _unknown_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("!", _unknown_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _unknown_tag)


@dataclass
class SiteSettings:
    """What `helder audit` reads from mkdocs.yml."""

    site_dir: Path
    audit: dict[str, Any]
    lang: str = LANGUAGES[0]
    rules: Any = None
    sections: Any = None


def read_site_config(config_file: Path) -> SiteSettings:
    """`site_dir` and the helder plugin's `audit`, `lang`, `rules` and `sections` from mkdocs.yml, without
    loading MkDocs (the audit needs no pages, no theme, no docs folder)."""
    with open(config_file, encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=_TolerantLoader) or {}  # noqa: S506 - SafeLoader subclass
    if not isinstance(data, dict):
        raise SettingsError(Msg("audit_not_mkdocs", config=config_file))
    site_dir = Path(str(data.get("site_dir") or "site"))
    helder: Any = {}
    plugins = data.get("plugins") or []
    entries = (
        plugins.items()
        if isinstance(plugins, dict)
        else (next(iter(item.items())) if isinstance(item, dict) and item else (item, {}) for item in plugins)
    )
    for name, value in entries:
        if str(name).split("/")[-1] == "helder" and isinstance(value, dict):
            helder = value
    audit = helder.get("audit") or {}
    if not isinstance(audit, dict):
        raise SettingsError(Msg("audit_options_shape", config=config_file))
    lang = helder.get("lang") if helder.get("lang") in LANGUAGES else LANGUAGES[0]
    return SiteSettings(site_dir, dict(audit), lang, helder.get("rules"), helder.get("sections"))


class SettingsError(MessageError):
    """mkdocs.yml cannot be read for the audit; the message says what to change."""


def _fail(msg: Msg, lang: str) -> NoReturn:
    error = " ".join(msg.pair(lang)).strip()
    click.echo(text(lang, "gate_error_prefix", error=error), err=True)
    sys.exit(2)


class _AuditCommand(click.Command):
    """`helder audit [SITE_DIR]`, and `helder audit merge RESULT...` for the partial results of shards."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = {"merge": merge}

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args[:1] == ["merge"]:
            ctx.meta["helder_merge"] = args[1:]
            return []
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        if "helder_merge" in ctx.meta:
            name = f"{ctx.info_name} merge"  # so its usage line reads `helder audit merge`
            with merge.make_context(name, ctx.meta.pop("helder_merge"), parent=ctx.parent) as sub:
                return merge.invoke(sub)
        return super().invoke(ctx)


#: The options `helder audit` and `helder audit merge` share.
_config_option = click.option(
    "-f",
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="cli_help_audit_config",
)
_format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="cli_help_audit_format",
)


@click.command("merge", help="cli_help_audit_merge")
@click.argument("results", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@_config_option
@_format_option
@click.option("--report-dir", type=click.Path(file_okay=False, path_type=Path), help="cli_help_report_dir")
@click.pass_context
def merge(
    ctx: click.Context, results: tuple[Path, ...], config_file: Path | None, fmt: str, report_dir: Path | None
) -> None:
    asked = (ctx.find_root().obj or {}).get("lang")
    lang = asked or LANGUAGES[0]
    try:
        result, made_in = shards.merge(list(results))
    except shards.ShardError as error:
        _fail(error.msg, lang)
    lang = asked or made_in
    project_root, found, _ = _site_settings(config_file, lang)
    options = _options(found.audit, config_file, lang, None, None, None, report_dir, False)
    site = project_root / found.site_dir
    folder = _report_dir(options, project_root, site)
    result.report_dir = folder
    write_reports(result, folder, site_dir=site.resolve(), lang=lang)
    _show(result, fmt, site, lang)
    sys.exit(result.exit_code)


def _site_settings(config_file: Path | None, lang: str) -> tuple[Path, SiteSettings, Path | None]:
    """The project folder, what mkdocs.yml says (or the defaults without one), and the file read."""
    project_root = Path.cwd()
    found = SiteSettings(Path("site"), {})
    if config_file is None and Path("mkdocs.yml").is_file():
        config_file = Path("mkdocs.yml")
    if config_file is not None:
        if not config_file.is_file():
            _fail(Msg("audit_no_config", config=config_file), lang)
        project_root = config_file.resolve().parent
        try:
            found = read_site_config(config_file)
        except SettingsError as error:
            _fail(error.msg, lang)
        except (OSError, ValueError, yaml.YAMLError) as error:
            _fail(Msg("audit_bad_config", config=config_file, error=error), lang)
    return project_root, found, config_file


def _report_dir(options: AuditOptions, project_root: Path, site: Path) -> Path:
    """Where the report goes: `report_dir` (relative to mkdocs.yml), else beside the site."""
    if options.report_dir:
        path = Path(options.report_dir)
        return path if path.is_absolute() else project_root / path
    return default_report_dir(site)


@click.command("audit", cls=_AuditCommand, help="cli_help_audit")
@click.argument("site_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@_config_option
@_format_option
@click.option("--browser", help="cli_help_browser")
@click.option("--concurrency", type=click.IntRange(min=1), help="cli_help_concurrency")
@click.option("--timeout", type=click.FloatRange(min=1), help="cli_help_timeout")
@click.option("--manifest", type=click.Path(dir_okay=False, path_type=Path), help="cli_help_manifest")
@click.option("--report-dir", type=click.Path(file_okay=False, path_type=Path), help="cli_help_report_dir")
@click.option("--no-cache", is_flag=True, help="cli_help_no_cache")
@click.option("--progress/--no-progress", default=None, help="cli_help_progress")
@click.option("--shard", help="cli_help_shard")
@click.pass_context
def audit(
    ctx: click.Context,
    site_dir: Path | None,
    config_file: Path | None,
    fmt: str,
    browser: str | None,
    concurrency: int | None,
    timeout: float | None,
    manifest: Path | None,
    report_dir: Path | None,
    no_cache: bool,
    progress: bool | None,
    shard: str | None,
) -> None:
    asked = ((ctx.find_root().obj or {}) if ctx.parent else {}).get("lang")
    lang = asked or LANGUAGES[0]
    project_root, found, config_file = _site_settings(config_file, lang)
    if config_file is not None:
        lang = asked or found.lang
    try:
        part = shards.parse_shard(shard) if shard is not None else None
    except shards.ShardError as error:
        _fail(error.msg, lang)
    site_levels = _levels(found.rules, found.sections, lang)
    options = _options(found.audit, config_file, lang, browser, concurrency, timeout, report_dir, no_cache)
    own_site = (project_root / found.site_dir).resolve()
    site = site_dir.resolve() if site_dir else own_site
    if config_file is None and site_dir is not None:
        # No mkdocs.yml: the defaults, anchored beside the site folder (cache, report and review file there),
        # never in whatever folder the command happens to run in.
        project_root = site.parent
    # The project's page list belongs to the project's own site: applied to another folder it would call
    # every page "niet gecontroleerd". Another site gets findings on its HTML files (or give --manifest).
    pages = None
    if manifest is not None or site == own_site:
        manifest_path = manifest.resolve() if manifest else project_root / options.manifest
        try:
            pages = read_manifest(manifest_path)
        except ManifestError as error:
            _fail(error.msg, lang)
    result = run_gate(
        site,
        pages=pages,
        options=options,
        project_root=project_root,
        progress=progress,
        levels=site_levels,
        lang=lang,
        write_reports=part is None,
        select=part.holds if part else None,
    )
    _show(result, fmt, site, lang)
    if part is not None:
        _write_part(result, part, options, site_levels, _report_dir(options, project_root, site), site, lang)
    sys.exit(result.exit_code)


def _write_part(
    result: AuditResult,
    part: shards.Shard,
    options: AuditOptions,
    site_levels: Levels,
    folder: Path,
    site: Path,
    lang: str,
) -> None:
    """A shard's partial result, for `helder audit merge`; written even when the gate could not run, so the
    merge can say which shard failed."""
    settings = shards.settings_digest(
        result, ignores=[dict(i) for i in options.ignores], levels=site_levels.settings, lang=lang
    )
    digest = shards.site_digest(site) if site.is_dir() else ""
    path = shards.write_shard(result, part, folder, site=digest, settings=settings, lang=lang)
    click.echo(text(lang, "shard_written", index=part.index, count=part.count, path=path), err=True)


def _options(
    settings: dict[str, Any],
    config_file: Path | None,
    lang: str,
    browser: str | None,
    concurrency: int | None,
    timeout: float | None,
    report_dir: Path | None,
    no_cache: bool,
) -> AuditOptions:
    overrides = {
        "browser": browser,
        "concurrency": concurrency,
        "timeout": timeout,
        "report_dir": str(report_dir.resolve()) if report_dir else None,
    }
    settings.update({key: value for key, value in overrides.items() if value is not None})
    if no_cache:
        settings["cache_dir"] = ""
    # `audit.enabled` decides whether `mkdocs build` runs the gate; asking for `helder audit` always runs it
    # (a disabled gate that exits 0 here would be a silent pass).
    settings["enabled"] = True
    try:
        return load_options(settings, config_file_path=str(config_file) if config_file else None)
    except ValueError as error:
        _fail(Msg("audit_bad_config", config=config_file or "audit", error=error), lang)


def _levels(rules: Any, sections: Any, lang: str) -> Levels:
    """The site's `rules:` levels, checked as the build checks them (so audit, build and check agree)."""
    if not rules:
        return Levels()
    if not isinstance(rules, dict):
        _fail(Msg("cfg_rules_shape"), lang)
    known = registry.known_rule_ids(sections if isinstance(sections, dict) else {})
    for problem in levels.problems(rules, known):
        _fail(problem, lang)
    return Levels(rules)


def _show(result: AuditResult, fmt: str, site: Path, lang: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(report_data(result, site_dir=site, lang=lang), ensure_ascii=False, indent=2))
        return
    gate_error = " ".join(result.gate_error.pair(lang)).strip() if result.gate_error else None
    if fmt == "github":
        for finding in result.findings:
            click.echo(format_github(finding))
        if gate_error:
            click.echo(github_command("error", gate_error, title="a11y.gate"))
        click.echo(format_summary(result, lang), err=True)
        return
    for finding in result.findings:
        click.echo(format_text(finding, lang))
    if gate_error:
        click.echo(text(lang, "gate_error_prefix", error=gate_error), err=True)
    click.echo(format_summary(result, lang))
