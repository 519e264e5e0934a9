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

from .messages import message, register
from .upl import UplEntry, by_name

register(
    {
        "new_folder": {
            "nl": ("In welke map komt de pagina?", ""),
            "en": ("Which folder is the page for?", ""),
        },
        "new_title": {
            "nl": ("Wat is de titel? Begin met het product, bijvoorbeeld: Paspoort aanvragen", ""),
            "en": ("What is the title? Start with the product, for example: Paspoort aanvragen", ""),
        },
        "new_audience": {
            "nl": ("Voor wie is het product?", ""),
            "en": ("Who is the product for?", ""),
        },
        "new_online": {
            "nl": ("Kan het online? Kies ja, nee of digid (online met DigiD)", ""),
            "en": ("Can it be done online? Choose ja, nee or digid (online with DigiD)", ""),
        },
        "new_owner": {
            "nl": ("Welke afdeling beheert de pagina? Bijvoorbeeld: Burgerzaken", ""),
            "en": ("Which department looks after the page? For example: Burgerzaken", ""),
        },
        "new_help_list": {
            "nl": ("Deze hulp staat in de hulpcatalogus:", ""),
            "en": ("The help catalogue offers:", ""),
        },
        "new_help": {
            "nl": ("Welke hulp past bij dit product? Zet komma's tussen de namen", ""),
            "en": ("Which help fits this product? Put commas between the names", ""),
        },
        "new_upl": {
            "nl": ("Wat is de naam van het product in de UPL? Laat leeg als u het niet weet", ""),
            "en": ("What is the product's name in the UPL? Leave it empty if you do not know", ""),
        },
        "new_upl_pick": {
            "nl": ('"{name}" staat niet precies zo in de UPL. Bedoelt u een van deze?', ""),
            "en": ('"{name}" is not in the UPL exactly like this. Do you mean one of these?', ""),
        },
        "new_upl_none_option": {
            "nl": ("geen van deze: de pagina krijgt geen UPL-adres", ""),
            "en": ("none of these: the page gets no UPL address", ""),
        },
        "new_upl_number": {"nl": ("Kies een nummer", ""), "en": ("Choose a number", "")},
        "new_exists": {
            "nl": (
                "Het bestand {path} bestaat al. Helder schrijft er niet overheen.",
                "Kies een andere titel.",
            ),
            "en": ("The file {path} already exists. Helder does not overwrite it.", "Choose another title."),
        },
        "new_same_title": {
            "nl": (
                'De pagina {path} heeft al de titel "{title}".',
                "Kies een andere titel. Elke titel komt één keer voor.",
            ),
            "en": (
                'The page {path} already has the title "{title}".',
                "Choose another title. Each title is used once.",
            ),
        },
        "new_no_folder": {
            "nl": ('De map "{folder}" bestaat niet.', "Kies een van deze mappen: {known}."),
            "en": ('The folder "{folder}" does not exist.', "Choose one of these folders: {known}."),
        },
        "new_no_title": {
            "nl": ("Er staat geen titel.", "Schrijf een titel, bijvoorbeeld: Paspoort aanvragen."),
            "en": ("There is no title.", "Write a title, for example: Paspoort aanvragen."),
        },
        "new_bad_help": {
            "nl": ('De hulp "{key}" staat niet in de hulpcatalogus.', "{close}Kies uit: {known}."),
            "en": ('The help "{key}" is not in the help catalogue.', "{close}Choose from: {known}."),
        },
        "new_close": {"nl": ('Bedoelt u "{close}"? ', ""), "en": ('Did you mean "{close}"? ', "")},
        "new_no_help": {
            "nl": ("Kies minstens één soort hulp.", "Elke productpagina zegt waar de lezer hulp krijgt."),
            "en": ("Choose at least one kind of help.", "Every product page says where readers get help."),
        },
        "new_no_catalogue": {
            "nl": (
                "De hulpcatalogus ontbreekt of klopt niet.",
                "Draai eerst helder check en verbeter de catalogus.",
            ),
            "en": (
                "The help catalogue is missing or not right.",
                "Run helder check first and fix the catalogue.",
            ),
        },
        "new_upl_unknown": {
            "nl": ('"{name}" staat niet in de UPL.', "{hint}"),
            "en": ('"{name}" is not in the UPL.', "{hint}"),
        },
        "new_upl_close": {
            "nl": ("Bedoelt u een van deze? {names}. Of laat de UPL weg met --upl geen.", ""),
            "en": ("Do you mean one of these? {names}. Or leave it out with --upl geen.", ""),
        },
        "new_upl_nothing": {
            "nl": ("Zoek de naam op in de UPL. Of laat de UPL weg met --upl geen.", ""),
            "en": ("Look the name up in the UPL. Or leave it out with --upl geen.", ""),
        },
        "new_written": {
            "nl": (
                "Klaar: {path}",
                "Vervang elke tekst tussen [Vul in: ...] door uw eigen tekst. Bekijk de pagina met make serve.",
            ),
            "en": (
                "Done: {path}",
                "Replace each text between [Vul in: ...] with your own text. See the page with make serve.",
            ),
        },
        "new_check_failed": {
            "nl": ("Helder vond nog iets op de nieuwe pagina:", "Los dit op voordat u verder schrijft."),
            "en": ("Helder found something on the new page:", "Fix this before you write on."),
        },
        "new_audience_both": {"nl": ("allebei", ""), "en": ("both", "")},
    }
)

AUDIENCES = ("inwoners", "ondernemers")
ONLINE = ("ja", "nee", "digid")
NO_UPL = ("", "geen", "none", "-")
#: The mark of every text the editor must still write.
PLACEHOLDER = "[Vul in: {text}]"

#: Placeholder texts per section kind (Dutch: the pages are Dutch). Short B1 sentences, so the page passes.
_TEXT = {
    "intro": "leg in twee of drie korte zinnen uit wat dit is. Zeg ook voor wie het is.",
    "summary": "zeg in een of twee korte zinnen wat de lezer hier kan regelen.",
    "steps": (
        "de eerste stap. Begin met wat de lezer doet, bijvoorbeeld: {first}",
        "de volgende stap.",
        "de laatste stap. Zeg wat de lezer dan krijgt.",
    ),
    "first": {
        "digid": "Log in met DigiD.",
        "ja": "Vul het formulier online in.",
        "nee": "Maak een afspraak.",
    },
    "documents": (
        "wat heeft de lezer nodig? Bijvoorbeeld: een paspoort of ID-kaart.",
        "zet elk ding op een eigen regel. Haal lege regels weg.",
    ),
    "costs": "wat kost het? Schrijf een bedrag zo: € 25,00. Is het gratis? Zeg dat dan.",
    "duration": "hoe lang duurt het? Zeg wanneer de lezer iets hoort of krijgt.",
    "objection": (
        "hoe maakt de lezer bezwaar als hij het niet eens is met ons besluit? "
        "Is er geen besluit? Haal dit kopje dan weg."
    ),
}
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


def page_markdown(spec: PageSpec, headings: dict[str, str]) -> str:
    """The new page. `headings` gives the heading text per section kind (the site may have its own)."""
    fill = PLACEHOLDER.format
    front = [
        "---",
        f"title: {_yaml_text(spec.title)}",
        f'summary: "{fill(text=_TEXT["summary"])}"',
        f"audience: [{', '.join(spec.audience)}]",
    ]
    if spec.upl is not None:
        front.append(f"upl: {spec.upl.uri}")
    front += [
        f"online: {spec.online}",
        f"owner: {_yaml_text(spec.owner)}",
        f"reviewed: {spec.reviewed.isoformat()}",
        f"help: [{', '.join(spec.help)}]",
        "---",
    ]
    steps = _TEXT["steps"]
    first = _TEXT["first"][spec.online]
    body = [
        f"# {spec.title}",
        fill(text=_TEXT["intro"]),
        f"## {headings['steps']}",
        "\n".join(
            [
                "1. " + fill(text=steps[0].format(first=first)),
                "2. " + fill(text=steps[1]),
                "3. " + fill(text=steps[2]),
            ]
        ),
        f"## {headings['documents']}",
        "\n".join("- " + fill(text=text) for text in _TEXT["documents"]),
        f"## {headings['costs']}",
        fill(text=_TEXT["costs"]),
        f"## {headings['duration']}",
        fill(text=_TEXT["duration"]),
        f"## {headings['objection']}",
        fill(text=_TEXT["objection"]),
    ]
    return "\n".join(front) + "\n\n" + "\n\n".join(body) + "\n"


def section_headings(sections: dict[str, Any] | None) -> dict[str, str]:
    """The first heading of each section kind, as the site configures it (Helder's defaults otherwise)."""
    from .rules.sections import DEFAULT_SECTIONS

    kinds = {**DEFAULT_SECTIONS, **(sections or {})}
    return {name: kinds[name].headings[0] for name in SECTIONS}


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


@click.command("nieuw")
@click.option(
    "--config",
    "-f",
    "config_file",
    default="mkdocs.yml",
    show_default=True,
    help="Het mkdocs.yml van de site.",
)
@click.option("--map", "folder", help="De map van het thema, bijvoorbeeld burgerzaken.")
@click.option("--titel", "title", help="De titel, bijvoorbeeld: Paspoort aanvragen.")
@click.option(
    "--voor", "audience", type=click.Choice([*AUDIENCES, "allebei"]), help="Voor wie het product is."
)
@click.option("--online", type=click.Choice(ONLINE), help="Kan het online? ja, nee of digid.")
@click.option("--eigenaar", "owner", help="De afdeling die de pagina beheert.")
@click.option("--hulp", "help_keys", help="Soorten hulp uit de hulpcatalogus, met komma's: telefoon,balie.")
@click.option("--upl", "upl_name", help='De naam van het product in de UPL, of "geen".')
def nieuw(
    config_file: str,
    folder: str | None,
    title: str | None,
    audience: str | None,
    online: str | None,
    owner: str | None,
    help_keys: str | None,
    upl_name: str | None,
) -> None:
    """Maak een nieuwe productpagina met alle vaste kopjes. Helder vraagt wat het nog niet weet."""
    from .checker import check_page
    from .cli import load_site
    from .findings import Severity, format_text
    from .source import read_page

    site = load_site(config_file)
    lang = site.options.lang
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
    if owner is None:
        owner = click.prompt(message(lang, "new_owner")[0]).strip()
    catalogue = site.catalogue
    if catalogue is None or not catalogue.offer_keys():
        _fail(message(lang, "new_no_catalogue"))
    known = catalogue.offer_keys()
    if help_keys is None:
        click.echo(message(lang, "new_help_list")[0])
        offers = catalogue.section("offers")
        for key in known:
            name = offers.get(key, {}).get("name", "") if isinstance(offers.get(key), dict) else ""
            click.echo(f"  {key}" + (f" ({name})" if name else ""))
        while True:
            answer = click.prompt(message(lang, "new_help")[0])
            try:
                chosen = check_help(answer.split(","), known, lang)
                break
            except NewPageError as error:
                click.echo(" ".join(part for part in error.texts if part))
    else:
        try:
            chosen = check_help(help_keys.split(","), known, lang)
        except NewPageError as error:
            _fail(error.texts)
    if upl_name is None:
        upl_name = click.prompt(message(lang, "new_upl")[0], default="", show_default=False)
    upl = _ask_upl(upl_name, lang, interactive)

    spec = PageSpec(
        folder=folder,
        title=title.strip(),
        audience=list(AUDIENCES) if audience == "allebei" else [audience],
        online=online,
        owner=owner,
        help=chosen,
        upl=upl,
    )
    try:
        target = plan_page(spec, site.docs_dir, folders, shown=site.shown)
    except NewPageError as error:
        _fail(error.texts)
    text = page_markdown(spec, section_headings(site.ctx.sections))
    with open(target, "x", encoding="utf-8") as handle:  # "x": never over a file that appeared meanwhile
        handle.write(text)
    written, fix = message(lang, "new_written", path=site.shown(target))
    click.echo(written)
    click.echo(fix)
    result = check_page(
        read_page(target, site.shown(target), default_lang=site.default_lang, lang=lang), site.ctx
    )
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    if errors:
        click.echo(" ".join(message(lang, "new_check_failed")), err=True)
        for finding in errors:
            click.echo(format_text(finding), err=True)
        sys.exit(1)


#: `helder nieuw`, and `helder new` as a hidden alias for people who type English.
new = copy.copy(nieuw)
new.name = "new"
new.hidden = True
COMMANDS = (nieuw, new)

__all__ = ["COMMANDS", "NewPageError", "PageSpec", "page_markdown", "plan_page", "slugify", "theme_folders"]
