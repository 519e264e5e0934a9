"""`helder audit`: run the accessibility gate on an already built site.

Only arguments, output formats and exit codes live here (pa11y-ci's bin/ vs lib/ split); the work is in
`helder.audit.gate`. Exit codes: 0 = every page passed, 1 = findings or pages that were not checked,
2 = the gate could not run (a tool is missing, the configuration is wrong). CI must treat 2 as a failure too.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
import yaml

from helder.findings import format_github, format_text

from .config import load_options
from .gate import format_summary, run_gate
from .manifest import read_manifest
from .report import report_data


class _TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml may use tags such as !ENV or !!python/name; the audit options never do, so any unknown tag
    just becomes None instead of stopping the command."""


def _unknown_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("!", _unknown_tag)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _unknown_tag)


def read_site_config(config_file: Path) -> tuple[Path, dict[str, Any]]:
    """`site_dir` and the `audit` options of the helder plugin from mkdocs.yml, without loading MkDocs."""
    with open(config_file, encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=_TolerantLoader) or {}  # noqa: S506 - SafeLoader subclass
    if not isinstance(data, dict):
        raise ValueError(f"{config_file} is geen geldige MkDocs-configuratie.")
    site_dir = Path(str(data.get("site_dir") or "site"))
    audit: Any = {}
    plugins = data.get("plugins") or []
    entries = (
        plugins.items()
        if isinstance(plugins, dict)
        else (next(iter(item.items())) if isinstance(item, dict) and item else (item, {}) for item in plugins)
    )
    for name, value in entries:
        if str(name).split("/")[-1] == "helder" and isinstance(value, dict):
            audit = value.get("audit") or {}
    if not isinstance(audit, dict):
        raise ValueError(f"plugins.helder.audit in {config_file} moet een lijst van instellingen zijn.")
    return site_dir, dict(audit)


def _fail(message: str) -> None:
    click.echo(f"Fout: {message}", err=True)
    sys.exit(2)


@click.command("audit")
@click.argument("site_dir", required=False, type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "-f",
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="mkdocs.yml met de instellingen onder plugins.helder.audit (standaard: ./mkdocs.yml als die er is).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github"]),
    default="text",
    show_default=True,
    help="Uitvoer: tekst, JSON of GitHub-annotaties.",
)
@click.option("--browser", help="Pad naar Chromium (standaard /usr/bin/chromium).")
@click.option("--concurrency", type=click.IntRange(min=1), help="Aantal pagina's tegelijk.")
@click.option("--timeout", type=click.FloatRange(min=1), help="Seconden die één pagina mag laden.")
@click.option(
    "--manifest",
    type=click.Path(dir_okay=False, path_type=Path),
    help="pages.json met URL -> bronbestand (standaard .helder/pages.json).",
)
@click.option(
    "--report-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Map voor audit.json en audit.html (standaard helder-audit/ naast de site).",
)
@click.option("--no-cache", is_flag=True, help="Test alle pagina's opnieuw, ook als er niets veranderd is.")
@click.option(
    "--progress/--no-progress", default=None, help="Voortgangsbalk (standaard: alleen in een terminal)."
)
def audit(
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
) -> None:
    """Controleer een gebouwde site op toegankelijkheid (WCAG 2.1 AA) met pa11y-ci en de browsercontroles
    van Helder (toetsenbord, focus, 320 pixels breed, tekstafstand, taal, grootte van knoppen).

    Werkt op elke map met een gebouwde site. Zonder mkdocs.yml gelden de standaardinstellingen.

    Exitcode 0: alles goed. 1: fouten gevonden of pagina's niet gecontroleerd.
    2: de controle kon niet draaien.
    """
    project_root = Path.cwd()
    settings: dict[str, Any] = {}
    configured_site = Path("site")
    if config_file is None and Path("mkdocs.yml").is_file():
        config_file = Path("mkdocs.yml")
    if config_file is not None:
        if not config_file.is_file():
            _fail(f"Het bestand {config_file} bestaat niet. Geef met --config het pad naar mkdocs.yml.")
        project_root = config_file.resolve().parent
        try:
            configured_site, settings = read_site_config(config_file)
        except (OSError, ValueError, yaml.YAMLError) as error:
            _fail(f"{config_file} kon niet worden gelezen: {error}")

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
        options = load_options(settings, config_file_path=str(config_file) if config_file else None)
    except ValueError as error:
        _fail(str(error))
        return

    own_site = (project_root / configured_site).resolve()
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
        except ValueError as error:
            _fail(str(error))
            return

    result = run_gate(site, pages=pages, options=options, project_root=project_root, progress=progress)

    if fmt == "json":
        click.echo(json.dumps(report_data(result, site_dir=site), ensure_ascii=False, indent=2))
    elif fmt == "github":
        for finding in result.findings:
            click.echo(format_github(finding))
        if result.gate_error:
            body = result.gate_error.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            click.echo(f"::error title=a11y.gate::{body}")
        click.echo(format_summary(result), err=True)
    else:
        for finding in result.findings:
            click.echo(format_text(finding))
        if result.gate_error:
            click.echo(f"Fout: {result.gate_error}", err=True)
        click.echo(format_summary(result))
    sys.exit(result.exit_code)
