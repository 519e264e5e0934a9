"""`helder`: check pages without building, audit a built site, list the rules.

Only arguments, output and exit codes live here (pa11y-ci's bin/ vs lib/ split): the work is in `checker`,
`site` and `audit`. Exit codes (the same for every command): 0 no errors, 1 error findings, 2 usage or
configuration problem (or a gate that could not run).

Helder speaks Dutch, or English with `--lang en` or an English system language (`LANG=en_GB.UTF-8`). Help texts
are catalogue keys until `localize` writes them in that language; click's own words ("Usage:") come from the
catalogue's `click` entry.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import NoReturn

import click

from . import changes, fixes
from .checkcache import CheckCache
from .checker import PageReport, check_files, discover, start_checks
from .files import write_atomic
from .findings import Finding, count, format_github, format_text, has_errors, summary_counts, to_json
from .messages import LANGUAGES, Msg, data, text
from .pages.help_pages import check_generated, generated_pages, generated_uris
from .site import Site, SiteConfigError, load_mkdocs_site

FORMATS = click.Choice(["text", "json", "github"])
config_option = click.option(
    "--config", "-f", "config_file", default="mkdocs.yml", show_default=True, help="cli_help_config"
)


def emit(findings: list[Finding], fmt: str, summary: str = "", lang: str = "nl") -> None:
    """Print findings in one of the three views; the summary goes to stderr so JSON stays clean."""
    if fmt == "json":
        click.echo(to_json(findings))
    elif fmt == "github":
        for finding in findings:
            click.echo(format_github(finding))
    else:
        for finding in findings:
            click.echo(format_text(finding, lang))
    if summary:
        click.echo(summary, err=True)


def fail(msg: Msg, lang: str = "nl", code: int = 2) -> NoReturn:
    click.echo("helder: " + " ".join(msg.pair(lang)).strip(), err=True)
    sys.exit(code)


def load_site(config_file: str, lang: str, *, explicit: bool = False) -> Site:
    """Load mkdocs.yml exactly as `mkdocs build` would; a problem is a message and exit code 2."""
    try:
        return load_mkdocs_site(config_file, lang, explicit=explicit)
    except SiteConfigError as error:
        fail(error.msg, lang)


class LazyGroup(click.Group):
    """Commands whose module is loaded when they are used (click's pattern for lazy subcommands): `helder
    check` does not import the accessibility gate or the new-page assistant (0.2 s of every check)."""

    #: Command name -> the function that imports it.
    lazy: dict[str, Callable[[], click.Command]] = {}
    #: The language `localize` wrote the loaded commands in; a command loaded later gets the same.
    lang: str | None = None

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            command = self.lazy[cmd_name]()
            if self.lang:
                localize(command, self.lang)
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, help="cli_help", context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--lang", type=click.Choice(LANGUAGES), help="cli_help_lang")
@click.version_option(package_name="helder")
@click.pass_context
def cli(ctx: click.Context, lang: str | None) -> None:
    ctx.obj = {"lang": lang}


def _audit() -> click.Command:
    from .audit.cli import audit

    return audit


def _new_page(name: str) -> Callable[[], click.Command]:
    def load() -> click.Command:
        from .newpage import COMMANDS

        return next(command for command in COMMANDS if command.name == name)

    return load


LazyGroup.lazy = {"audit": _audit, "nieuw": _new_page("nieuw"), "new": _new_page("new")}


def _lang(ctx: click.Context, site: Site | None = None) -> str:
    """The language asked for on the command line, else the site's `lang:`, else Dutch."""
    asked = (ctx.find_root().obj or {}).get("lang")
    return asked or (site.options.lang if site else LANGUAGES[0])


@cli.command(help="cli_help_check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@config_option
@click.option("--format", "fmt", type=FORMATS, default="text", show_default=True, help="cli_help_format")
@changes.option  # --changed-since REF (helder.changes)
@click.option("--no-cache", is_flag=True, help="cli_help_check_no_cache")
@click.pass_context
def check(
    ctx: click.Context,
    paths: tuple[Path, ...],
    config_file: str,
    fmt: str,
    changed_since: str | None,
    no_cache: bool,
) -> None:
    asked = (ctx.find_root().obj or {}).get("lang")
    site = load_site(config_file, _lang(ctx), explicit=bool(asked))
    lang = site.ctx.lang
    for path in paths:
        if not path.exists():
            fail(Msg("cli_no_path", path=path), lang)
    # Files given on the command line are shown as given; the whole docs folder relative to the site's root.
    files = discover(paths) if paths else [(file, site.shown(file)) for file, _ in discover([site.docs_dir])]
    site.ctx.generated = generated_uris(site)
    # --no-cache: every page is checked again; the cache file is neither read nor written.
    cache = CheckCache(None) if no_cache else site.check_cache()
    checking = start_checks(files, site.ctx, default_lang=site.default_lang, cache=cache)
    # The pages made from the help catalogue need only what was read: they are made and checked here while
    # other processes (when there are many pages) check the site's own pages.
    made: dict[str, PageReport] = {}
    moved: list[Finding] = []
    if not paths:
        made, moved = _check_generated(site, {shown: checking.report(shown) for _, shown in files}, cache)
    report = checking.finish_report()
    report.pages.update((result.page.path, result) for result in made.values())
    report.site_findings.extend(moved)
    cache.save(whole_site=not paths)
    findings = site.site_findings + report.findings
    if changed_since:  # only the pages (with --format github: the lines) changed since a git version
        findings = changes.only_changed(findings, changed_since, site.root, fmt)
    counts = summary_counts(findings)
    summary = text(
        lang,
        "cli_summary",
        pages=count(lang, "pages", len(report.pages)),
        errors=count(lang, "errors", counts["error"]),
        warnings=count(lang, "warnings", counts["warning"]),
        tips=count(lang, "tips", counts["info"]),
    )
    emit(findings, fmt, summary, lang)
    # A rule that crashed is a bug in Helder, not in the page: the check did not fully run (exit 2).
    sys.exit(2 if any(f.rule == "internal" for f in findings) else 1 if has_errors(findings) else 0)


def _check_generated(
    site: Site, pages: Mapping[str, PageReport], cache: CheckCache
) -> tuple[dict[str, PageReport], list[Finding]]:
    """The pages the build makes from the help catalogue get the same checks; what is wrong on them is
    reported at its line in the catalogue."""
    docs = site.shown(site.docs_dir)
    by_uri = {Path(shown).relative_to(docs).as_posix(): r for shown, r in pages.items()}
    made = {uri: text for uri, text in generated_pages(site, by_uri).items() if uri not in by_uri}
    return check_generated(site, by_uri, made, cache)


@cli.command(help="cli_help_rules")
@config_option
@click.pass_context
def rules(ctx: click.Context, config_file: str) -> None:
    from .rules import registry

    lang = _lang(ctx)
    overrides = {}
    if Path(config_file).is_file():
        site = load_site(config_file, lang)
        lang = _lang(ctx, site)
        overrides = dict(site.options.sections or {})
    kinds = registry.sections.effective_sections(overrides)
    for rule in sorted(registry.all_rules(overrides), key=lambda r: r.id):
        click.echo(f"{rule.id:32} {rule.severity.value:8} {rule_summary(rule.id, lang, kinds)}")
    for runner in ("axe", "htmlcs"):
        click.echo(
            f"{'a11y.' + runner + '.*':32} {'error':8} {text(lang, 'rule.a11y.engine', runner=runner)}"
        )


def rule_summary(rule: str, lang: str, kinds: Mapping) -> str:
    """One line about a rule, from the catalogue (`rule.<id>`)."""
    found = re.fullmatch(r"sections\.(.+)-(missing|list)", rule)
    if found:
        kind = kinds[found.group(1)]
        return text(lang, f"rule.sections.{found.group(2)}", label=kind.label(lang))
    return text(lang, f"rule.{rule}")


@cli.command(help="cli_help_fix")
@click.argument("pages", nargs=-1, required=True, type=click.Path(path_type=Path))
@config_option
@click.option("--yes", "-y", is_flag=True, help="cli_help_fix_yes")
@click.pass_context
def fix(ctx: click.Context, pages: tuple[Path, ...], config_file: str, yes: bool) -> None:
    """Exit 0 when nothing is left that Helder can fix itself, 1 when fixes are pending (not made)."""
    asked = (ctx.find_root().obj or {}).get("lang")
    site = load_site(config_file, _lang(ctx), explicit=bool(asked))
    lang = site.ctx.lang
    for path in pages:
        if not path.is_file():
            fail(Msg("cli_no_path", path=path), lang)
    # Only a person at a terminal is asked; in CI (no terminal) Helder shows the fixes and changes nothing.
    interactive = not yes and sys.stdin.isatty()
    pending = sum(_fix_file(path, site, lang, yes=yes, interactive=interactive) for path in pages)
    sys.exit(1 if pending else 0)


def _fix_file(path: Path, site: Site, lang: str, *, yes: bool, interactive: bool) -> int:
    """Show the safe fixes of one page, make those that are wanted, check again; returns how many wait."""
    shown = path.as_posix()
    findings = check_files([(path, shown)], site.ctx, default_lang=site.default_lang).pages[shown].findings
    try:
        source = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):  # the check above already says so
        source = ""
    planned, manual = fixes.plan(source, findings)
    for finding in manual:
        old = (finding.data or {}).get("found", "")
        click.echo(text(lang, "fix_manual", location=finding.location, old=old))
    if not planned:
        click.echo(text(lang, "fix_none", path=shown))
        return 0
    chosen = []
    for item in planned:
        old, new = fixes.before_after(source, item)
        found = source[item.start : item.end]
        click.echo(text(lang, "fix_change", location=item.finding.location, old=found, new=item.new))
        click.echo(click.style(f"  - {old}", fg="red"))
        click.echo(click.style(f"  + {new}", fg="green"))
        if yes or (interactive and _confirm(lang)):
            chosen.append(item)
    if chosen:
        write_atomic(path, fixes.apply(source, chosen).encode("utf-8"))
        click.echo(text(lang, "fix_done", changes=count(lang, "changes", len(chosen)), path=shown))
        _recheck(path, shown, site, lang)
    if not interactive and not yes:
        click.echo(text(lang, "fix_pending", changes=count(lang, "changes", len(planned)), path=shown))
    return len(planned) - len(chosen)


def _confirm(lang: str) -> bool:
    try:
        answer = click.prompt(text(lang, "fix_ask"), default="", show_default=False)
    except click.Abort:  # the input ended: nothing more is wanted
        return False
    return answer.strip().lower() in data(lang, "fix_yes_words")


def _recheck(path: Path, shown: str, site: Site, lang: str) -> None:
    findings = check_files([(path, shown)], site.ctx, default_lang=site.default_lang).pages[shown].findings
    click.echo(text(lang, "fix_recheck", path=shown))
    counts = summary_counts(findings)
    summary = text(
        lang,
        "cli_summary",
        pages=count(lang, "pages", 1),
        errors=count(lang, "errors", counts["error"]),
        warnings=count(lang, "warnings", counts["warning"]),
        tips=count(lang, "tips", counts["info"]),
    )
    emit(findings, "text", "", lang)
    click.echo(summary)


# --- language -----------------------------------------------------------------------------------------------


def cli_language(argv: Sequence[str], env: Mapping[str, str]) -> str:
    """`--lang en` on the command line, else the system's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG)."""
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1] if argv[index + 1] in LANGUAGES else LANGUAGES[0]
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
            return value if value in LANGUAGES else LANGUAGES[0]
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else LANGUAGES[0]
    return LANGUAGES[0]


def _commands(command: click.Command) -> Iterator[click.Command]:
    yield command
    for sub in getattr(command, "commands", {}).values():  # groups, and `helder audit merge`
        yield from _commands(sub)


def localize(command: click.Command, lang: str) -> None:
    """Write the help of a command tree in `lang`; the catalogue keys stay, so it can be done again."""
    for cmd in _commands(command):
        key = cmd.__dict__.setdefault("helder_help", cmd.help)
        if key:
            cmd.help = text(lang, key)
        for param in cmd.params:
            key = param.__dict__.setdefault("helder_help", getattr(param, "help", None))
            if key and key.startswith("cli_help"):
                param.help = text(lang, key)  # type: ignore[attr-defined]
    if isinstance(command, LazyGroup):
        command.lang = lang
    _translate_click(lang)


def _translate_click(lang: str) -> None:
    """click writes its own words ("Usage:", "Show this message and exit.") through gettext; give it ours."""
    words = data(lang, "click") or {}

    def gettext(message: str) -> str:
        return words.get(message, message)

    def ngettext(singular: str, plural: str, count: int) -> str:
        return gettext(singular if count == 1 else plural)

    for name in ("core", "decorators", "exceptions", "formatting", "parser", "types", "utils", "termui"):
        module = sys.modules.get(f"click.{name}")
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]


def main() -> None:
    lang = cli_language(sys.argv[1:], os.environ)
    localize(cli, lang)
    try:
        cli(prog_name="helder")
    except Exception as exc:  # noqa: BLE001 - never a traceback: a clear message and exit 2 (fail closed)
        fail(Msg("cli_crash", error=type(exc).__name__), lang)
