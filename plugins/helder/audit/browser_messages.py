"""What is wrong and how to fix it, for the results of Helder's own browser checks (browser.py).

Dutch (B1) for editors and web teams, English for sites that ask for English messages. The texts are
registered in Helder's message table, so the dogfood test holds them to Helder's own writing rules. The gate
shows the problem, then the check's own detail (which element, how far off), then the fix.
"""

from __future__ import annotations

from helder.messages import message, register

from .messages import Explanation

#: Rule code (after `a11y.`) -> message key.
KEYS = {
    "keyboard.unreachable": "a11y_keyboard_unreachable",
    "keyboard.trap": "a11y_keyboard_trap",
    "keyboard.hidden-focus": "a11y_keyboard_hidden_focus",
    "keyboard.order": "a11y_keyboard_order",
    "focus.not-visible": "a11y_focus_not_visible",
    "reflow": "a11y_reflow",
    "text-spacing": "a11y_text_spacing",
    "lang": "a11y_lang",
    "target-size": "a11y_target_size",
}

register(
    {
        "a11y_keyboard_unreachable": {
            "nl": (
                "Iets op de pagina ziet eruit als een knop of link, maar je komt er niet op met de Tab-toets. "
                "Wie geen muis gebruikt, kan het dus niet gebruiken.",
                "Maak er een echte link (<a href>) of knop (<button>) van. Die krijgen vanzelf focus. "
                "Zit het in het thema, zoals de menuknop? Meld het aan de beheerder van de site.",
            ),
            "en": (
                "Something on the page looks like a button or link, but the Tab key never reaches it. "
                "People who do not use a mouse cannot use it.",
                "Make it a real link (<a href>) or button (<button>); those get focus by themselves. "
                "Is it part of the theme, like the menu button? Tell the site's maintainer.",
            ),
        },
        "a11y_keyboard_trap": {
            "nl": (
                "De focus komt vast te zitten. Met Tab, Shift+Tab of Escape kom je niet meer uit dit deel "
                "van de pagina.",
                "Haal het script weg dat de focus vasthoudt. Of zorg dat Escape en Tab de focus weer "
                "laten gaan.",
            ),
            "en": (
                "Focus gets stuck. Tab, Shift+Tab and Escape do not move it out of this part of the page.",
                "Remove the script that holds on to focus, or let Escape and Tab move focus on again.",
            ),
        },
        "a11y_keyboard_hidden_focus": {
            "nl": (
                "De Tab-toets komt op iets dat je niet ziet. Het staat buiten het scherm, is onzichtbaar of "
                "zit in een menu dat dicht is. Wie het toetsenbord gebruikt, raakt dan de weg kwijt.",
                "Zorg dat wat dicht of verborgen is, ook geen focus krijgt. Gebruik hidden, display: none "
                "of inert. Of laat het zien zodra het focus krijgt.",
            ),
            "en": (
                "The Tab key lands on something you cannot see: it is off screen, invisible, or inside a "
                "closed menu. Keyboard users lose track of where they are.",
                "Make hidden or closed parts unfocusable (hidden, display: none or inert), or show them "
                "as soon as they get focus.",
            ),
        },
        "a11y_keyboard_order": {
            "nl": (
                "De Tab-toets springt in een andere volgorde dan je leest. Hij gaat terug naar boven of "
                "naar links.",
                "Zet de HTML in dezelfde volgorde als op het scherm. Gebruik geen tabindex boven 0. "
                "Zet onderdelen niet met CSS op een andere plek.",
            ),
            "en": (
                "The Tab key moves in a different order than you read: it jumps back up or to the left.",
                "Put the HTML in the same order as on screen. Do not use tabindex above 0 or move parts "
                "around with CSS.",
            ),
        },
        "a11y_focus_not_visible": {
            "nl": (
                "Je ziet niet waar de focus is. Dit element ziet er met focus precies zo uit als zonder.",
                "Geef elementen met focus een duidelijke rand, bijvoorbeeld outline: 3px solid. "
                "Haal outline: none weg. Dit zit meestal in de CSS van het thema.",
            ),
            "en": (
                "You cannot see where focus is: this element looks exactly the same with and without focus.",
                "Give focused elements a clear outline, for example outline: 3px solid, and remove "
                "outline: none. This is usually in the theme's CSS.",
            ),
        },
        "a11y_reflow": {
            "nl": (
                "Op een smal scherm past de pagina niet. Bij 320 pixels breed moet je opzij scrollen, of "
                "valt er een stuk weg. Dat gebeurt ook als iemand de pagina 4 keer groter maakt.",
                "Geef blokken geen vaste breedte in pixels. Laat lange woorden en adressen afbreken. "
                "Zet brede tabellen en code in een blok dat zelf scrollt.",
            ),
            "en": (
                "The page does not fit a narrow screen: at 320 pixels wide you must scroll sideways or "
                "content is cut off. The same happens when someone zooms to 400 %.",
                "Do not give blocks a fixed width in pixels, let long words and addresses wrap, and put "
                "wide tables and code in a box that scrolls by itself.",
            ),
        },
        "a11y_text_spacing": {
            "nl": (
                "Als iemand meer ruimte tussen regels, letters en woorden zet, wordt tekst afgesneden of "
                "valt hij over andere tekst. Sommige mensen met dyslexie lezen zo.",
                "Geef blokken met tekst geen vaste hoogte of breedte. Gebruik geen overflow: hidden op "
                "tekst. Laat de tekst meegroeien.",
            ),
            "en": (
                "When someone increases the space between lines, letters and words, text is cut off or "
                "overlaps other text. Some people with dyslexia read like that.",
                "Do not give blocks of text a fixed height or width, avoid overflow: hidden on text, and "
                "let the text grow.",
            ),
        },
        "a11y_lang": {
            "nl": (
                "De taal in de HTML klopt niet met de taal van de tekst. Een schermlezer spreekt de tekst "
                "dan verkeerd uit.",
                "Is de hele pagina in een andere taal? Zet lang: en in de gegevens boven aan de pagina. "
                'Is het één stuk? Zet er lang="en" bij, bijvoorbeeld: <p lang="en">...</p>.',
            ),
            "en": (
                "The language in the HTML does not match the language of the text, so a screen reader "
                "pronounces it wrongly.",
                "Is the whole page in another language? Set lang: en in the data block at the top. Is it "
                'one part? Add lang="en" to it, for example <p lang="en">...</p>.',
            ),
        },
        "a11y_target_size": {
            "nl": (
                "Een link of knop is kleiner dan 24 bij 24 pixels en staat dicht bij een andere. Met een "
                "trillende hand of een dikke vinger raak je snel de verkeerde.",
                "Maak de link of knop minstens 24 bij 24 pixels. Of zet meer ruimte tussen de links en "
                "knoppen.",
            ),
            "en": (
                "A link or button is smaller than 24 by 24 pixels and close to another one. With a shaky "
                "hand or a large finger you easily hit the wrong one.",
                "Make the link or button at least 24 by 24 pixels, or put more space between them.",
            ),
        },
    }
)

#: Dutch explanations by rule code, in the shape of `messages.AXE` and `messages.HTMLCS`.
HELDER: dict[str, Explanation] = {code: Explanation(*message("nl", key)) for code, key in KEYS.items()}
#: The same in English.
HELDER_EN: dict[str, Explanation] = {code: Explanation(*message("en", key)) for code, key in KEYS.items()}

#: What no automated check can judge: the report lists it, so nobody mistakes a green gate for a full audit.
NOT_AUTOMATED: tuple[tuple[str, str], ...] = (
    ("Afbeeldingen", "Zegt de alt-tekst wat de afbeelding laat zien of betekent?"),
    ("Video en geluid", "Kloppen de ondertitels? Is er een uitgeschreven tekst of audiobeschrijving?"),
    ("Koppen en linkteksten", "Zeggen ze waar het over gaat, ook los van de rest van de pagina?"),
    ("Alleen te zien", "Hangt iets af van kleur, vorm of plaats op het scherm alleen?"),
    ("Formulieren", "Zijn de foutmeldingen duidelijk? Zeggen ze hoe je de fout oplost?"),
    ("Duidelijke taal", "Begrijpt de lezer de tekst? Staat de belangrijkste informatie bovenaan?"),
    ("Schermlezer", "Werkt de pagina echt met een schermlezer en met spraakbesturing?"),
)


def explain_helder(code: str) -> Explanation | None:
    """The Dutch explanation of one of Helder's browser checks, or None for an unknown code."""
    return HELDER.get(code)
