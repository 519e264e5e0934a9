"""`helder nieuw` (alias `new`): start a product page with everything Helder asks for, ready to fill in.

The command asks for (or takes as options) the theme folder, the title, the audience, whether it can be done
online, the department that owns the page, the help offers (from the site's help catalogue) and the product's
name in the Uniforme Productnamenlijst (UPL), offering the closest names when there is no exact match. It
writes a page that passes `helder check` as it is: every required heading is there, with short placeholder
text marked `[Vul in: ...]` so the editor sees what to write. It never overwrites a page, and refuses a title
that another page already has.

The logic is in pure functions (`slugify`, `page_markdown`, `plan_page`, `theme_folders`); `nieuw` is the
click command around them.
"""

from __future__ import annotations

import copy
import datetime as dt
import difflib
import json
import re
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from .messages import message, text
from .rules.frontmatter import AUDIENCES, ONLINE
from .upl import UplEntry, by_name

NO_UPL = ("", "geen", "none", "-")
#: Section kinds a new page gets, in this order ("help" is made from the `help:` keys).
SECTIONS = ("steps", "documents", "costs", "duration", "objection")


class NewPageError(Exception):
    """Helder will not write the page; `texts` is the (message, fix) pair to show."""

    def __init__(self, texts: tuple[str, str]) -> None:
        super().__init__(" ".join(part for part in texts if part))
        self.texts = texts


@dataclass
class PageSpec:
    folder: str
    title: str
    audience: list[str]
    online: str
    owner: str
    help: list[str]
    upl: UplEntry | None = None
    #: Where people apply online ("Direct regelen"); empty: no button yet (a page with DigiD gets a warning).
    apply_url: str = ""
    reviewed: dt.date = field(default_factory=dt.date.today)


def slugify(title: str) -> str:
    """A file name from a title: "Afvalpas aanvragen (nieuw)" -> "afvalpas-aanvragen-nieuw"."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "pagina"


def theme_folders(docs_dir: Path) -> list[str]:
    """Folders of the site that group product pages: they have an overview page (`index.md`, type overview)."""
    found = []
    for index in sorted(docs_dir.glob("*/index.md")):
        head = index.read_text(encoding="utf-8")[:2000]
        if re.search(r"^type:\s*overview\s*$", head, re.MULTILINE):
            found.append(index.parent.name)
    return found


def _yaml_text(value: str) -> str:
    """A front matter value as a quoted YAML string: a title such as "Nee" or "Let op: nieuw" stays text."""
    return json.dumps(value, ensure_ascii=False)


def _placeholder(lang: str, key: str, /, **values: str) -> str:
    """A text the editor must still write, marked so it stands out: `[Vul in: ...]`."""
    return text(lang, "new_placeholder", text=text(lang, key, **values))


def page_markdown(spec: PageSpec, headings: dict[str, str], lang: str = "nl") -> str:
    """The new page, in the site's language. `headings` gives the heading per section kind."""
    front = [
        "---",
        f"title: {_yaml_text(spec.title)}",
        f"summary: {_yaml_text(_placeholder(lang, 'new_ph_summary'))}",
        f"audience: [{', '.join(spec.audience)}]",
    ]
    if spec.upl is not None:
        front.append(f"upl: {spec.upl.uri}")
    front += [
        f"online: {spec.online}",
        *([f"apply_url: {spec.apply_url}"] if spec.apply_url else []),
        f"owner: {_yaml_text(spec.owner)}",
        f"reviewed: {spec.reviewed.isoformat()}",
        f"help: [{', '.join(spec.help)}]",
        "---",
    ]
    first = text(lang, f"new_ph_first_{spec.online}")
    body = [
        f"# {spec.title}",
        _placeholder(lang, "new_ph_intro"),
        f"## {headings['steps']}",
        "\n".join(
            [
                "1. " + _placeholder(lang, "new_ph_step_first", first=first),
                "2. " + _placeholder(lang, "new_ph_step_next"),
                "3. " + _placeholder(lang, "new_ph_step_last"),
            ]
        ),
        f"## {headings['documents']}",
        "\n".join("- " + _placeholder(lang, key) for key in ("new_ph_documents", "new_ph_documents_more")),
        f"## {headings['costs']}",
        _placeholder(lang, "new_ph_costs"),
        f"## {headings['duration']}",
        _placeholder(lang, "new_ph_duration"),
        f"## {headings['objection']}",
        _placeholder(lang, "new_ph_objection"),
    ]
    return "\n".join(front) + "\n\n" + "\n\n".join(body) + "\n"


def section_headings(sections: dict[str, Any] | None, lang: str = "nl") -> dict[str, str]:
    """The first heading of each section kind, as the site configures it (Helder's defaults otherwise)."""
    from .rules.kinds import DEFAULT_SECTIONS

    kinds = {**DEFAULT_SECTIONS, **(sections or {})}
    return {name: (kinds[name].headings_for(lang) or (kinds[name].label(lang),))[0] for name in SECTIONS}


def existing_titles(docs_dir: Path) -> dict[str, str]:
    """Title (case folded) -> file, for every page of the site."""
    from .source import read_page

    titles: dict[str, str] = {}
    for file in sorted(docs_dir.rglob("*.md")):
        page = read_page(file, file.as_posix())
        titles.setdefault(page.title.casefold(), file.as_posix())
    return titles


def plan_page(spec: PageSpec, docs_dir: Path, known_folders: Sequence[str], shown: Any = str) -> Path:
    """The file the page goes to, or `NewPageError` when Helder must not write it. `shown` names a path."""
    lang = "nl"
    if spec.folder not in known_folders:
        raise NewPageError(message(lang, "new_no_folder", folder=spec.folder, known=", ".join(known_folders)))
    if not spec.title.strip():
        raise NewPageError(message(lang, "new_no_title"))
    target = docs_dir / spec.folder / f"{slugify(spec.title)}.md"
    if target.exists():
        raise NewPageError(message(lang, "new_exists", path=shown(target)))
    same = existing_titles(docs_dir).get(spec.title.strip().casefold())
    if same:
        raise NewPageError(message(lang, "new_same_title", path=shown(Path(same)), title=spec.title.strip()))
    return target


def check_help(keys: Sequence[str], known: Sequence[str], lang: str = "nl") -> list[str]:
    """The help keys, each one checked against the catalogue (`NewPageError` for an unknown or no key)."""
    chosen = [key.strip() for key in keys if key.strip()]
    if not chosen:
        raise NewPageError(message(lang, "new_no_help"))
    for key in chosen:
        if key not in known:
            close = difflib.get_close_matches(key, list(known), n=1)
            hint = message(lang, "new_close", close=close[0])[0] if close else ""
            raise NewPageError(message(lang, "new_bad_help", key=key, close=hint, known=", ".join(known)))
    return list(dict.fromkeys(chosen))


# --- the command ------------------------------------------------------------------------------------------


def _fail(texts: tuple[str, str]) -> None:
    text, fix = texts
    click.echo(f"helder: {text}" + (f" {fix}" if fix else ""), err=True)
    sys.exit(2)


def _ask_upl(name: str, lang: str, interactive: bool) -> UplEntry | None:
    if name.strip().casefold() in NO_UPL:
        return None
    exact, close = by_name(name)
    if exact is not None:
        return exact
    if not interactive:
        hint = (
            message(lang, "new_upl_close", names="; ".join(entry.name for entry in close))[0]
            if close
            else message(lang, "new_upl_nothing")[0]
        )
        _fail(message(lang, "new_upl_unknown", name=name, hint=hint))
    if not close:
        click.echo(message(lang, "new_upl_unknown", name=name, hint=message(lang, "new_upl_nothing")[0])[0])
        return None
    click.echo(message(lang, "new_upl_pick", name=name)[0])
    for number, entry in enumerate(close, start=1):
        click.echo(f"  {number}. {entry.name}")
    click.echo(f"  0. {message(lang, 'new_upl_none_option')[0]}")
    choice = click.prompt(message(lang, "new_upl_number")[0], type=click.IntRange(0, len(close)), default=1)
    return close[choice - 1] if choice else None


@click.command("nieuw", help="cli_help_new")
@click.option(
    "--config",
    "-f",
    "config_file",
    default="mkdocs.yml",
    show_default=True,
    help="cli_help_config",
)
@click.option("--map", "--folder", "folder", help="cli_help_new_folder")
@click.option("--titel", "--title", "title", help="cli_help_new_title")
@click.option(
    "--voor",
    "--audience",
    "audience",
    type=click.Choice([*AUDIENCES, "allebei"]),
    help="cli_help_new_audience",
)
@click.option("--online", type=click.Choice(ONLINE), help="cli_help_new_online")
@click.option("--aanvraag", "--apply-url", "apply_url", help="cli_help_new_apply_url")
@click.option("--eigenaar", "--owner", "owner", help="cli_help_new_owner")
@click.option("--hulp", "--offers", "help_keys", help="cli_help_new_help")
@click.option("--upl", "upl_name", help="cli_help_new_upl")
def nieuw(
    config_file: str,
    folder: str | None,
    title: str | None,
    audience: str | None,
    online: str | None,
    apply_url: str | None,
    owner: str | None,
    help_keys: str | None,
    upl_name: str | None,
) -> None:
    from .site import SiteConfigError, load_mkdocs_site

    try:
        site = load_mkdocs_site(config_file, "nl")
    except SiteConfigError as error:
        _fail(error.msg.pair("nl"))
    lang = site.ctx.lang
    folders = theme_folders(site.docs_dir)
    interactive = sys.stdin.isatty() or not all(
        value is not None for value in (folder, title, audience, online, owner, help_keys, upl_name)
    )
    if folder is None:
        folder = click.prompt(message(lang, "new_folder")[0], type=click.Choice(folders))
    if title is None:
        title = click.prompt(message(lang, "new_title")[0]).strip()
    if audience is None:
        both = message(lang, "new_audience_both")[0]
        audience = click.prompt(
            message(lang, "new_audience")[0], type=click.Choice([*AUDIENCES, both]), default=AUDIENCES[0]
        )
        audience = "allebei" if audience == both else audience
    if online is None:
        online = click.prompt(message(lang, "new_online")[0], type=click.Choice(ONLINE))
    if apply_url is None and online != "nee" and interactive:
        apply_url = _ask_apply_url(lang)
    if apply_url and not apply_url.startswith("https://"):
        _fail(message(lang, "new_apply_url_https", url=apply_url))
    if owner is None:
        owner = click.prompt(message(lang, "new_owner")[0]).strip()
    catalogue = site.catalogue
    if catalogue is None or not catalogue.offer_keys():
        _fail(message(lang, "new_no_catalogue"))
    chosen = _ask_help(catalogue, help_keys, lang)
    if upl_name is None:
        upl_name = click.prompt(message(lang, "new_upl")[0], default="", show_default=False)
    upl = _ask_upl(upl_name, lang, interactive)

    spec = PageSpec(
        folder=folder,
        title=title.strip(),
        audience=list(AUDIENCES) if audience == "allebei" else [audience],
        online=online,
        apply_url=apply_url or "",
        owner=owner,
        help=chosen,
        upl=upl,
    )
    try:
        target = plan_page(spec, site.docs_dir, folders, shown=site.shown)
    except NewPageError as error:
        _fail(error.texts)
    _write_and_check(site, spec, target, lang)


def _ask_apply_url(lang: str) -> str:
    """The form's address, asked again until it is empty or starts with https://."""
    while True:
        answer = click.prompt(message(lang, "new_apply_url")[0], default="", show_default=False).strip()
        if not answer or answer.startswith("https://"):
            return answer
        click.echo(" ".join(message(lang, "new_apply_url_https", url=answer)))


def _ask_help(catalogue: Any, help_keys: str | None, lang: str) -> list[str]:
    """The help keys from the option, or asked for with the catalogue's offers listed."""
    known = catalogue.offer_keys()
    if help_keys is not None:
        try:
            return check_help(help_keys.split(","), known, lang)
        except NewPageError as error:
            _fail(error.texts)
    click.echo(message(lang, "new_help_list")[0])
    offers = catalogue.model.offers
    for key in known:
        name = offers[key].name if key in offers else ""
        click.echo(f"  {key}" + (f" ({name})" if name else ""))
    while True:
        answer = click.prompt(message(lang, "new_help")[0])
        try:
            return check_help(answer.split(","), known, lang)
        except NewPageError as error:
            click.echo(" ".join(part for part in error.texts if part))


def _write_and_check(site: Any, spec: PageSpec, target: Path, lang: str) -> None:
    """Write the page (never over a file) and check it at once; an error is told and exit code 1."""
    from .checker import check_page
    from .findings import Severity, format_text
    from .source import read_page

    markdown = page_markdown(spec, section_headings(site.ctx.sections, site.default_lang), site.default_lang)
    with open(target, "x", encoding="utf-8") as handle:  # "x": never over a file that appeared meanwhile
        handle.write(markdown)
    written, fix = message(lang, "new_written", path=site.shown(target))
    click.echo(written)
    click.echo(fix)
    page = read_page(target, site.shown(target), default_lang=site.default_lang, lang=lang)
    errors = [f for f in check_page(page, site.ctx).findings if f.severity is Severity.ERROR]
    if errors:
        click.echo(" ".join(message(lang, "new_check_failed")), err=True)
        for finding in errors:
            click.echo(format_text(finding, lang), err=True)
        sys.exit(1)


#: `helder nieuw`, and `helder new` as a hidden alias for people who type English.
new = copy.copy(nieuw)
new.name = "new"
new.hidden = True
COMMANDS = (nieuw, new)

__all__ = ["COMMANDS", "NewPageError", "PageSpec", "page_markdown", "plan_page", "slugify", "theme_folders"]
