"""Plain Dutch (B1) explanations for the results of HTML_CodeSniffer and axe-core.

pa11y reports in English and in tool jargon ("H91.InputCheckbox.Name"). Editors need to know in their own
words what is wrong and what to do. This table covers the results that are common on content pages; anything
else gets a general text plus the tool's own English message, so no result is ever dropped for lack of a
translation.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Explanation:
    """What is wrong (`problem`) and how to fix it (`fix`), both in B1 Dutch."""

    problem: str
    fix: str


_ALT = Explanation(
    "Een afbeelding heeft geen tekstalternatief. Wie niet kan zien, weet niet wat erop staat.",
    "Beschrijf de afbeelding kort in de alt-tekst: ![wat je ziet](foto.jpg). "
    "Is de afbeelding alleen versiering? Gebruik dan een lege alt-tekst.",
)
_CONTRAST = Explanation(
    "De tekst heeft te weinig contrast met de achtergrond. Slechtzienden kunnen hem moeilijk lezen.",
    "Maak de tekst donkerder of de achtergrond lichter. Nodig is een verhouding van 4,5:1 "
    "(3:1 voor grote tekst). Komt dit door het thema? Meld het aan de beheerder van de site.",
)
_LINK_NAME = Explanation(
    "Een link heeft geen tekst. Een schermlezer leest dan alleen 'link' voor.",
    "Zet tekst in de link die zegt waar hij heen gaat: [Vraag een paspoort aan](paspoort.md). "
    "Is de link een afbeelding? Geef de afbeelding dan een alt-tekst.",
)
_FIELD_NAME = Explanation(
    "Een invoerveld heeft geen naam (label). Een schermlezer kan niet zeggen wat je moet invullen.",
    'Geef het veld een zichtbaar label, bijvoorbeeld <label for="naam">Naam</label>, of een aria-label.',
)
_BUTTON_NAME = Explanation(
    "Een knop heeft geen tekst. Een schermlezer kan niet zeggen wat de knop doet.",
    "Zet tekst in de knop, of geef hem een aria-label dat zegt wat hij doet.",
)
_TITLE = Explanation(
    "De pagina heeft geen titel. Die titel staat in het tabblad en wordt als eerste voorgelezen.",
    "Geef de pagina een kop 1 (# Titel) of een title in de front matter.",
)
_LANG = Explanation(
    "De taal van de pagina is niet (goed) ingesteld. Een schermlezer spreekt de tekst dan verkeerd uit.",
    "Zet in mkdocs.yml theme.language: nl. Voor een Engelse pagina: gebruik de Engelse versie van de site.",
)
_EMPTY_HEADING = Explanation(
    "Een kop is leeg. Schermlezers gebruiken koppen om door de pagina te gaan; een lege kop verwart.",
    "Zet tekst in de kop of haal de kop weg.",
)
_ARIA = Explanation(
    "Een ARIA-kenmerk klopt niet. Hulpsoftware krijgt dan verkeerde informatie over dit onderdeel.",
    "Gebruik gewone HTML waar dat kan. Gebruik anders alleen ARIA-kenmerken en -waarden die bij de rol "
    "horen.",
)
_LIST = Explanation(
    "Een lijst is niet goed opgebouwd. Een schermlezer telt de punten dan verkeerd.",
    "Zet in een lijst alleen lijstpunten. Schrijf in Markdown elk punt op een eigen regel met - of 1.",
)
_FRAME = Explanation(
    "Een ingesloten frame (iframe), bijvoorbeeld een video of kaart, heeft geen titel.",
    "Geef het iframe een title die zegt wat erin staat, "
    'bijvoorbeeld title="Video: zo vraagt u een paspoort aan".',
)
_DUPLICATE_ID = Explanation(
    "Twee onderdelen op de pagina hebben dezelfde id. Labels en links kunnen dan naar het verkeerde deel "
    "wijzen.",
    "Geef elk onderdeel een eigen id. Twee koppen met dezelfde tekst geven dit soms: maak de koppen anders.",
)

#: HTML_CodeSniffer techniques, by the part of the code after the success criterion
#: (`WCAG2AA.Principle1.Guideline1_1.1_1_1.H37` -> `H37`). Longest match wins.
HTMLCS: dict[str, Explanation] = {
    "H37": _ALT,
    "H36": Explanation(
        "Een afbeeldingsknop heeft geen tekstalternatief.",
        "Geef de knop een alt-tekst die zegt wat hij doet.",
    ),
    "H30.2": _LINK_NAME,
    "H2.EG3": Explanation(
        "De alt-tekst van een afbeelding in een link herhaalt de linktekst.",
        "Maak de alt-tekst leeg als de linktekst al zegt waar de link heen gaat.",
    ),
    "H91.A.NoContent": _LINK_NAME,
    "H91.A.Empty": _LINK_NAME,
    "H91.A.EmptyNoId": _LINK_NAME,
    "H91.A.NoHref": Explanation(
        "Een link heeft geen adres (href). Met het toetsenbord kom je er niet.",
        "Geef de link een adres, of maak er gewone tekst van.",
    ),
    "H91.InputText.Name": _FIELD_NAME,
    "H91.InputEmail.Name": _FIELD_NAME,
    "H91.InputSearch.Name": _FIELD_NAME,
    "H91.InputCheckbox.Name": _FIELD_NAME,
    "H91.InputRadio.Name": _FIELD_NAME,
    "H91.Select.Name": _FIELD_NAME,
    "H91.Textarea.Name": _FIELD_NAME,
    "H91.Button.Name": _BUTTON_NAME,
    "H91": _ARIA,
    "F68": _FIELD_NAME,
    "H44.NonExistent": Explanation(
        "Een label verwijst naar een veld dat niet bestaat (het for-kenmerk klopt niet).",
        'Zorg dat for="..." van het label gelijk is aan de id van het veld.',
    ),
    "H44.NotFormControl": Explanation(
        "Een label verwijst naar iets dat geen invoerveld is.",
        "Laat het for-kenmerk van het label naar de id van een invoerveld wijzen.",
    ),
    "H93": _DUPLICATE_ID,
    "F77": _DUPLICATE_ID,
    "H42.2": _EMPTY_HEADING,
    "H71.NoLegend": Explanation(
        "Een groep velden (fieldset) heeft geen titel (legend).",
        "Zet als eerste in de fieldset een <legend> die zegt waar de vragen over gaan.",
    ),
    "H43.HeadersRequired": Explanation(
        "Een ingewikkelde tabel zegt niet welke kop bij welke cel hoort.",
        "Maak de tabel eenvoudiger: één rij met kolomkoppen. Of splits hem in meer tabellen.",
    ),
    "H43.IncorrectAttr": Explanation(
        "In een tabel verwijst een cel naar een kop die niet bestaat.",
        "Controleer de headers- en id-kenmerken van de tabel, of maak de tabel eenvoudiger.",
    ),
    "G18.Fail": _CONTRAST,
    "G145.Fail": _CONTRAST,
    "H64.1": _FRAME,
    "H25.1.NoTitleEl": _TITLE,
    "H25.1.EmptyTitle": _TITLE,
    "H57.2": _LANG,
    "H57.3.Lang": _LANG,
    "H58.1.Lang": Explanation(
        "Een stuk tekst heeft een taalcode die niet bestaat.",
        'Gebruik een geldige taalcode, zoals lang="en" voor Engels.',
    ),
    "H32.2": Explanation(
        "Een formulier heeft geen verzendknop. Wie geen muis gebruikt, kan het dan soms niet versturen.",
        'Geef het formulier een knop <button type="submit">Verstuur</button>.',
    ),
    "H63.1": Explanation(
        "Bij een tabelkop staat niet of hij voor een rij of een kolom geldt.",
        "Gebruik een eenvoudige Markdown-tabel met één rij kolomkoppen.",
    ),
}

#: axe-core rule ids.
AXE: dict[str, Explanation] = {
    "image-alt": _ALT,
    "input-image-alt": HTMLCS["H36"],
    "role-img-alt": _ALT,
    "svg-img-alt": _ALT,
    "color-contrast": _CONTRAST,
    "link-name": _LINK_NAME,
    "label": _FIELD_NAME,
    "select-name": _FIELD_NAME,
    "aria-input-field-name": _FIELD_NAME,
    "aria-toggle-field-name": _FIELD_NAME,
    "button-name": _BUTTON_NAME,
    "aria-command-name": _BUTTON_NAME,
    "document-title": _TITLE,
    "html-has-lang": _LANG,
    "html-lang-valid": _LANG,
    "valid-lang": HTMLCS["H58.1.Lang"],
    "empty-heading": _EMPTY_HEADING,
    "heading-order": Explanation(
        "Een kop slaat een niveau over, bijvoorbeeld van kop 2 naar kop 4. "
        "Wie met een schermlezer van kop naar kop gaat, denkt dan dat er iets mist.",
        "Gebruik koppen op volgorde: # voor de titel, ## voor een onderdeel, ### daaronder.",
    ),
    "page-has-heading-one": Explanation(
        "De pagina heeft geen kop 1. Die kop zegt waar de pagina over gaat.",
        "Begin de pagina met één kop 1: # Titel van de pagina.",
    ),
    "list": _LIST,
    "listitem": _LIST,
    "definition-list": _LIST,
    "dlitem": _LIST,
    "aria-allowed-attr": _ARIA,
    "aria-allowed-role": _ARIA,
    "aria-prohibited-attr": _ARIA,
    "aria-required-attr": _ARIA,
    "aria-required-children": _ARIA,
    "aria-required-parent": _ARIA,
    "aria-roles": _ARIA,
    "aria-valid-attr": _ARIA,
    "aria-valid-attr-value": _ARIA,
    "aria-hidden-focus": Explanation(
        "Een onderdeel is verborgen voor schermlezers, maar je kunt er wel met de Tab-toets op komen.",
        'Maak het onderdeel ook onbereikbaar met het toetsenbord (tabindex="-1"), of haal aria-hidden weg.',
    ),
    "aria-dialog-name": Explanation(
        "Een venster (dialoog) heeft geen naam. Een schermlezer kan niet zeggen waar het venster voor is.",
        'Geef het venster een aria-label, bijvoorbeeld aria-label="Zoeken". Dit zit meestal in het thema.',
    ),
    "duplicate-id-aria": _DUPLICATE_ID,
    "frame-title": _FRAME,
    "region": Explanation(
        "Er staat tekst buiten de vaste delen van de pagina (kop, menu, inhoud, voettekst). "
        "Schermlezers slaan die tekst makkelijk over.",
        "Zet alle inhoud in de Markdown van de pagina, niet in losse HTML buiten de inhoud.",
    ),
    "landmark-one-main": Explanation(
        "De pagina heeft geen hoofdgedeelte (main). Schermlezers springen daarheen om de inhoud te lezen.",
        "Gebruik het standaardthema van de site; dat heeft een hoofdgedeelte.",
    ),
    "link-in-text-block": Explanation(
        "Een link in een zin is alleen aan de kleur te herkennen.",
        "Zorg dat links in lopende tekst onderstreept zijn. Dit zit in het thema.",
    ),
    "nested-interactive": Explanation(
        "Een knop of link zit in een andere knop of link. Hulpsoftware kan er dan niet goed mee werken.",
        "Zet knoppen en links naast elkaar, niet in elkaar.",
    ),
    "scrollable-region-focusable": Explanation(
        "Een deel dat scrollt (bijvoorbeeld een brede tabel) is niet te bereiken met het toetsenbord.",
        'Maak de tabel smaller, of geef het scrollende deel tabindex="0".',
    ),
    "meta-viewport": Explanation(
        "Inzoomen op de telefoon is uitgezet. Slechtzienden kunnen de tekst dan niet vergroten.",
        "Haal user-scalable=no en maximum-scale weg uit de viewport-instelling van het thema.",
    ),
    "tabindex": Explanation(
        "Een onderdeel heeft een tabindex boven 0. De volgorde van de Tab-toets klopt dan niet meer.",
        'Gebruik alleen tabindex="0" of tabindex="-1".',
    ),
    "th-has-data-cells": HTMLCS["H43.HeadersRequired"],
    "td-headers-attr": HTMLCS["H43.IncorrectAttr"],
    "bypass": Explanation(
        "Er is geen manier om het menu over te slaan en direct naar de inhoud te gaan.",
        "Gebruik het standaardthema: dat heeft een link 'Ga naar inhoud'.",
    ),
}

GENERIC = Explanation(
    "Deze pagina voldoet op dit punt niet aan de toegankelijkheidseisen (WCAG 2.1 AA).",
    "Lees de uitleg van de testtool hieronder. Weet u niet wat u moet doen? Vraag de beheerder van de site.",
)

NOT_CHECKED = Explanation(
    "Deze pagina is niet gecontroleerd op toegankelijkheid: {reason} Een pagina die niet gecontroleerd is, "
    "mag niet online.",
    "Bouw de site opnieuw en start de controle nog eens. Blijft dit gebeuren? Kijk of de pagina in een "
    "browser opent, of vraag de beheerder van de site.",
)


def technique(code: str) -> str:
    """The part of an HTML_CodeSniffer code after the success criterion: `...1_1_1.H37` -> `H37`."""
    parts = code.split(".")
    if len(parts) > 4 and parts[0].startswith("WCAG2"):
        return ".".join(parts[4:])
    return code


def explain(runner: str, code: str) -> tuple[Explanation, bool]:
    """The Dutch explanation for a result, and whether it is a specific one (False = the generic text)."""
    if runner == "helder":  # Helder's own checks: False, so their Dutch detail is shown with the explanation
        from .browser_messages import explain_helder

        return explain_helder(code) or GENERIC, False
    if runner == "axe":
        found = AXE.get(code)
        return (found, True) if found else (GENERIC, False)
    parts = technique(code).split(".")
    for end in range(len(parts), 0, -1):
        found = HTMLCS.get(".".join(parts[:end]))
        if found:
            return found, True
    return GENERIC, False
