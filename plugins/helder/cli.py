"""`helder`: check pages without building, audit a built site, list the rules.

Exit codes (the same for every command): 0 no errors, 1 error findings, 2 usage or configuration problem (or a
gate that could not run).
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from . import changes, newpage
from .audit.cli import audit
from .checker import check_files, check_page, discover
from .findings import Finding, apply_levels, format_github, format_text, has_errors, summary_counts, to_json
from .messages import message, register
from .source import parse_text

register(
    {
        "cli_no_config": {
            "nl": (
                "Helder vindt het bestand {config} niet.",
                "Start helder in de map van de site, of geef het pad met --config.",
            ),
            "en": (
                "Helder cannot find the file {config}.",
                "Run helder in the site's folder, or give the path with --config.",
            ),
        },
        "cli_bad_config": {
            "nl": (
                "De instellingen in {config} kloppen niet: {error}",
                "Verbeter mkdocs.yml en probeer het opnieuw.",
            ),
            "en": ("The settings in {config} are not right: {error}", "Fix mkdocs.yml and try again."),
        },
        "cli_no_path": {
            "nl": ("Het pad {path} bestaat niet.", "Kijk of de naam goed is gespeld."),
            "en": ("The path {path} does not exist.", "Check the spelling of the name."),
        },
        "cli_summary": {
            "nl": (
                "{pages} pagina's gecontroleerd: {error} fouten, {warning} waarschuwingen, {info} tips.",
                "",
            ),
            "en": ("{pages} pages checked: {error} errors, {warning} warnings, {info} tips.", ""),
        },
    }
)

FORMATS = click.Choice(["text", "json", "github"])
config_option = click.option(
    "--config",
    "-f",
    "config_file",
    default="mkdocs.yml",
    show_default=True,
    help="Het mkdocs.yml van de site.",
)


def emit(findings: list[Finding], fmt: str, summary: str = "") -> None:
    """Print findings in one of the three views; the summary goes to stderr so JSON stays clean."""
    if fmt == "json":
        click.echo(to_json(findings))
    else:
        view = format_github if fmt == "github" else format_text
        for finding in findings:
            click.echo(view(finding))
    if summary:
        click.echo(summary, err=True)


def load_site(config_file: str):  # -> Site
    """Load mkdocs.yml exactly as `mkdocs build` would, and build Helder's view of the site."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    from .site import SiteConfigError, from_mkdocs_config

    if not Path(config_file).is_file():
        fail(message("nl", "cli_no_config", config=config_file))
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # MkDocs' own notes are not for this command
    try:
        config = load_config(config_file=config_file)
        return from_mkdocs_config(config)
    except (ConfigurationError, SiteConfigError) as exc:
        fail(message("nl", "cli_bad_config", config=config_file, error=str(exc).strip()))


def fail(texts: tuple[str, str], code: int = 2) -> None:
    text, suggestion = texts
    click.echo(f"helder: {text}" + (f" {suggestion}" if suggestion else ""), err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="helder")
def cli() -> None:
    """Helder: duidelijke, complete en toegankelijke productpagina's voor gemeenten."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@config_option
@click.option(
    "--format", "fmt", type=FORMATS, default="text", show_default=True, help="Uitvoer: tekst, JSON of GitHub."
)
@changes.option  # --changed-since REF (helder.changes)
def check(paths: tuple[Path, ...], config_file: str, fmt: str, changed_since: str | None) -> None:
    """Controleer Markdown-pagina's zonder de site te bouwen (standaard: de hele map met pagina's)."""
    site = load_site(config_file)
    lang = site.options.lang
    for path in paths:
        if not path.exists():
            fail(message(lang, "cli_no_path", path=path))
    # Files given on the command line are shown as given; the whole docs folder relative to the site's root.
    files = discover(paths) if paths else [(file, site.shown(file)) for file, _ in discover([site.docs_dir])]
    report = check_files(files, site.ctx, default_lang=site.default_lang)
    if not paths:
        # The pages the build makes from the help catalogue get the same checks.
        by_uri = {
            Path(shown).relative_to(site.shown(site.docs_dir)).as_posix(): r
            for shown, r in report.pages.items()
        }
        for uri, text in site.generated_pages(by_uri).items():
            if uri not in by_uri:
                page = parse_text(text, site.generated_path(uri), default_lang=site.default_lang, lang=lang)
                report.pages[page.path] = check_page(page, site.ctx)
    findings = apply_levels(site.site_findings, site.options.rules) + report.findings
    if changed_since:  # only the pages (with --format github: the lines) changed since a git version
        findings = changes.only_changed(findings, changed_since, site.root, fmt)
    counts = summary_counts(findings)
    emit(findings, fmt, message(lang, "cli_summary", pages=len(report.pages), **counts)[0])
    sys.exit(1 if has_errors(findings) else 0)


@cli.command()
@config_option
def rules(config_file: str) -> None:
    """Toon alle regels met hun standaardniveau."""
    from .rules import registry

    overrides = {}
    if Path(config_file).is_file():
        overrides = dict(load_site(config_file).options.sections or {})
    for rule in sorted(registry.all_rules(overrides), key=lambda r: r.id):
        click.echo(f"{rule.id:32} {rule.severity.value:8} {rule.summary}")


cli.add_command(audit)
for command in newpage.COMMANDS:  # `helder nieuw` and its alias `helder new` (helder.newpage)
    cli.add_command(command)


def main() -> None:
    cli()
