"""Single-barrier test pages for `bench/barrier_bench.py`: one barrier per page, in a clean page template.

Like the GDS audit of accessibility tools: every page is the same small, accessible municipal page plus exactly
one barrier, so a tool "finds" a barrier when it reports something on that page that it does not report on the
clean page (`CLEAN`). `OWN` is the set the checks were developed against (49 pages); `HELD_OUT` (15 pages) was
written afterwards and only measured, never tuned on. Each entry: (id, category, WCAG criterion, what is wrong,
extra `<head>` HTML, body HTML). All text is written for this benchmark.
"""

from __future__ import annotations

from typing import NamedTuple


class Barrier(NamedTuple):
    id: str
    category: str
    criterion: str
    description: str
    head: str
    body: str


TEMPLATE = """<!doctype html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body {{ font-family: sans-serif; line-height: 1.5; margin: 0; padding: 1rem; color: #1a1a1a; background: #fff; }}
a {{ color: #0b4fa8; }}
:focus-visible {{ outline: 3px solid #000; outline-offset: 2px; }}
main {{ max-width: 40rem; }}
</style>
{head}
</head>
<body>
<header><a href="#inhoud">Naar de inhoud</a></header>
<main id="inhoud">
<h1>{title}</h1>
<p>Op deze pagina leest u hoe u een afspraak maakt bij de gemeente. U kunt ook bellen met 14 020.</p>
{body}
</main>
<footer><p>Gemeente Voorbeeld, <a href="/">naar de startpagina</a></p></footer>
</body>
</html>
"""

CLEAN = Barrier(
    "schoon", "geen", "-", "De schone pagina: geen barrière.", "", "<p>Meer informatie volgt.</p>"
)

_ENGLISH = (
    "Residents can make an appointment at the town hall. Please bring your passport with you, "
    "and your old card if you have one. It takes about ten minutes."
)
_DUTCH = "U maakt een afspraak bij de balie van de gemeente. Neem uw paspoort mee en ook uw oude pas als u die hebt."
_IMG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="

OWN: list[Barrier] = [
    # --- keyboard ---
    Barrier(
        "k1",
        "toetsenbord",
        "2.1.1",
        "Knop als div met onclick",
        "",
        '<div onclick="this.textContent=\'Verstuurd\'" style="cursor:pointer;border:2px solid #333;padding:8px;display:inline-block">Verstuur</div>',
    ),
    Barrier(
        "k2",
        "toetsenbord",
        "2.1.1",
        "role=button zonder tabindex",
        "",
        '<span role="button" style="border:2px solid #333;padding:8px;display:inline-block">Afspraak maken</span>',
    ),
    Barrier(
        "k3",
        "toetsenbord",
        "2.1.1",
        "Link met tabindex=-1",
        "",
        '<p><a href="/afspraak" tabindex="-1">Maak een afspraak</a></p>',
    ),
    Barrier(
        "k4",
        "toetsenbord",
        "2.1.2",
        "Invoerveld houdt Tab vast",
        "",
        '<p><label for="c">Code</label> <input id="c"></p><p><a href="/hulp">Hulp</a></p>'
        "<script>document.getElementById('c').addEventListener('keydown',e=>{if(e.key==='Tab'||e.key==='Escape')e.preventDefault();});</script>",
    ),
    Barrier(
        "k5",
        "toetsenbord",
        "2.4.3",
        "Positieve tabindex op een link onderaan",
        "",
        '<p><a href="/a">Eerste stap</a></p><p><a href="/b">Tweede stap</a></p><p><a href="/c" tabindex="1">Laatste stap</a></p>',
    ),
    Barrier(
        "k6",
        "toetsenbord",
        "2.4.3",
        "Menu in omgekeerde volgorde (row-reverse)",
        "",
        '<nav aria-label="Stappen" style="display:flex;flex-direction:row-reverse;justify-content:flex-end;gap:2rem">'
        '<a href="/1">Een</a><a href="/2">Twee</a><a href="/3">Drie</a></nav>',
    ),
    Barrier(
        "k7",
        "toetsenbord",
        "2.4.7",
        "Link die buiten beeld blijft als hij focus heeft",
        "",
        '<a href="/verborgen" style="position:absolute;left:-9999px">Verborgen link</a><p>Tekst.</p>',
    ),
    Barrier(
        "k8",
        "toetsenbord",
        "2.4.7",
        "Onzichtbaar menu (opacity 0) met links",
        "",
        '<nav aria-label="Menu" style="opacity:0"><a href="/x">Afval</a> <a href="/y">Parkeren</a></nav>',
    ),
    Barrier(
        "k9",
        "toetsenbord",
        "2.1.1",
        "Link zonder href met onclick",
        "",
        '<p><a onclick="location.href=\'/hulp\'" style="text-decoration:underline;cursor:pointer;color:#0b4fa8">Hulp nodig?</a></p>',
    ),
    # --- focus visible ---
    Barrier(
        "f1",
        "focus",
        "2.4.7",
        "Links zonder focusrand",
        "<style>a:focus, a:focus-visible { outline: none; }</style>",
        '<p><a href="/a">Afspraak maken</a> of <a href="/b">afspraak verzetten</a>.</p>',
    ),
    Barrier(
        "f2",
        "focus",
        "2.4.7",
        "Knop zonder focusrand",
        "<style>button:focus, button:focus-visible { outline: none; }</style>",
        '<button type="button" style="border:2px solid #333;background:#fff;padding:8px">Zoeken</button>',
    ),
    Barrier(
        "f3",
        "focus",
        "2.4.7",
        "Eigen vinkje: het echte vakje is doorzichtig",
        "<style>.v input { opacity: 0; position: absolute; } .v span { border: 2px solid #333; padding: 0 .5rem; }</style>",
        '<label class="v"><input type="checkbox"><span>Ik ga akkoord</span></label>',
    ),
    Barrier(
        "f4",
        "focus",
        "2.4.7",
        "Invoerveld zonder focusrand",
        "<style>input:focus, input:focus-visible { outline: 0; }</style>",
        '<p><label for="n">Naam</label> <input id="n" style="border:1px solid #333"></p>',
    ),
    # --- reflow ---
    Barrier(
        "r1",
        "reflow",
        "1.4.10",
        "Blok met vaste breedte van 800 px",
        "",
        '<div style="width:800px;background:#eee">Het gemeentehuis is open van maandag tot en met vrijdag.</div>',
    ),
    Barrier(
        "r2",
        "reflow",
        "1.4.10",
        "Afbeelding met vaste breedte van 900 px",
        "",
        f'<img src="{_IMG}" alt="Plattegrond van het centrum" style="width:900px;height:60px">',
    ),
    Barrier(
        "r3",
        "reflow",
        "1.4.10",
        "Lange zin die niet mag afbreken (nowrap)",
        "",
        '<p style="white-space:nowrap">Het gemeentehuis is open van maandag tot en met vrijdag van negen tot vijf uur.</p>',
    ),
    Barrier(
        "r4",
        "reflow",
        "1.4.10",
        "Lang adres zonder afbreekpunt",
        "",
        "<p>Meer op https://www.voorbeeld.nl/productenendienstenburgerzakenpaspoortaanvragenmetspoed</p>",
    ),
    Barrier(
        "r5",
        "reflow",
        "1.4.10",
        "Twee kolommen met vaste breedte",
        "",
        '<div style="display:grid;grid-template-columns:300px 300px;gap:1rem"><p>Ophalen: dinsdag.</p><p>Papier: vrijdag.</p></div>',
    ),
    # --- text spacing ---
    Barrier(
        "s1",
        "tekstafstand",
        "1.4.12",
        "Tekst in een vak met vaste maten en overflow hidden",
        "",
        '<div id="s1" style="overflow:hidden;display:inline-block">Neem uw paspoort mee</div>'
        "<script>var v=document.getElementById('s1');v.style.width=(v.scrollWidth+1)+'px';"
        "v.style.height=v.clientHeight+'px';</script>",
    ),
    Barrier(
        "s2",
        "tekstafstand",
        "1.4.12",
        "Knop met vaste breedte die tekst afsnijdt",
        "",
        '<button type="button" id="s2" style="white-space:nowrap;overflow:hidden;border:2px solid #333;background:#fff">Afspraak maken</button>'
        "<script>var b=document.getElementById('s2');b.style.width=(b.scrollWidth+6)+'px';</script>",
    ),
    Barrier(
        "s3",
        "tekstafstand",
        "1.4.12",
        "Kaart met vaste maten: tekst loopt over de volgende alinea",
        "",
        '<div id="s3" style="border:1px solid #333;display:inline-block">Kom op tijd naar uw afspraak</div><p>Volgende alinea.</p>'
        "<script>var k=document.getElementById('s3');k.style.width=(k.scrollWidth+1)+'px';"
        "k.style.height=k.clientHeight+'px';</script>",
    ),
    # --- language ---
    Barrier("l1", "taal", "3.1.2", "Engelse alinea zonder lang", "", f"<p>{_ENGLISH}</p>"),
    Barrier("l2", "taal", "3.1.1", "Engelse pagina met lang=nl", "", f"<p>{_ENGLISH}</p><p>{_ENGLISH}</p>"),
    Barrier("l3", "taal", "3.1.1", "Nederlandse pagina met lang=en", "", f"<p>{_DUTCH}</p><p>{_DUTCH}</p>"),
    Barrier(
        "l4",
        "taal",
        "3.1.2",
        "Engelse lijst zonder lang",
        "",
        "<ul><li>Please bring your passport with you.</li><li>You can pay with your bank card at the desk.</li></ul>",
    ),
    Barrier("l5", "taal", "3.1.2", "Nederlandse tekst met lang=en", "", f'<p lang="en">{_DUTCH}</p>'),
    # --- forms ---
    Barrier(
        "fo1",
        "formulieren",
        "1.3.1",
        "Invoerveld zonder label",
        "",
        '<p>Postcode <input type="text" name="postcode"></p>',
    ),
    Barrier(
        "fo2",
        "formulieren",
        "1.3.1",
        "Keuzelijst zonder label",
        "",
        '<p><select name="dag"><option>Maandag</option><option>Dinsdag</option></select></p>',
    ),
    Barrier(
        "fo3",
        "formulieren",
        "3.3.2",
        "Alleen een placeholder als label",
        "",
        '<p><input type="email" name="mail" placeholder="E-mailadres"></p>',
    ),
    Barrier(
        "fo4",
        "formulieren",
        "4.1.2",
        "Knop met alleen een icoon, zonder naam",
        "",
        '<button type="button"><svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true"><circle cx="10" cy="10" r="8"/></svg></button>',
    ),
    Barrier(
        "fo5",
        "formulieren",
        "1.3.1",
        "Label wijst naar een veld dat niet bestaat",
        "",
        '<p><label for="geboortedatum">Geboortedatum</label> <input id="datum" type="text"></p>',
    ),
    Barrier(
        "fo6",
        "formulieren",
        "1.3.1",
        "Keuzerondjes zonder groepsnaam",
        "",
        '<p>Hoe wilt u betalen?</p><p><input type="radio" name="b" id="b1"><label for="b1">Pin</label> '
        '<input type="radio" name="b" id="b2"><label for="b2">Contant</label></p>',
    ),
    # --- images ---
    Barrier(
        "i1",
        "afbeeldingen",
        "1.1.1",
        "Afbeelding zonder alt",
        "",
        f'<img src="{_IMG}" width="40" height="40">',
    ),
    Barrier(
        "i2",
        "afbeeldingen",
        "2.4.4",
        "Afbeelding zonder alt als enige inhoud van een link",
        "",
        f'<p><a href="/afval"><img src="{_IMG}" width="40" height="40"></a></p>',
    ),
    Barrier(
        "i3",
        "afbeeldingen",
        "1.1.1",
        "SVG met role=img zonder naam",
        "",
        '<svg role="img" width="40" height="40"><rect width="40" height="40"/></svg>',
    ),
    Barrier(
        "i4",
        "afbeeldingen",
        "1.1.1",
        "Afbeeldingsknop zonder alt",
        "",
        f'<input type="image" src="{_IMG}" width="40" height="40">',
    ),
    # --- contrast ---
    Barrier(
        "c1",
        "contrast",
        "1.4.3",
        "Lichtgrijze tekst op wit",
        "",
        '<p style="color:#aaaaaa">Let op: de balie is dicht op feestdagen.</p>',
    ),
    Barrier(
        "c2",
        "contrast",
        "1.4.3",
        "Witte tekst op een gele knop",
        "",
        '<button type="button" style="background:#ffd400;color:#fff;border:0;padding:8px">Verstuur</button>',
    ),
    Barrier(
        "c3",
        "contrast",
        "1.4.3",
        "Lichte linkkleur",
        "",
        '<p><a href="/x" style="color:#8fb3d9">Bekijk de openingstijden</a></p>',
    ),
    Barrier(
        "c4",
        "contrast",
        "1.4.3",
        "Grijze tekst op lichtgrijs",
        "",
        '<p style="color:#949494;background:#e0e0e0">Reserveer op tijd.</p>',
    ),
    # --- structure ---
    Barrier(
        "st1",
        "structuur",
        "1.3.1",
        "Kopniveau overgeslagen (h1 naar h4)",
        "",
        "<h4>Wat kost het?</h4><p>Het kost 20 euro.</p>",
    ),
    Barrier("st2", "structuur", "1.3.1", "Lege kop", "", "<h2></h2><p>Het kost 20 euro.</p>"),
    Barrier(
        "st3",
        "structuur",
        "1.3.1",
        "Lijstpunten zonder lijst",
        "",
        "<div><li>Paspoort</li><li>Pasfoto</li></div>",
    ),
    Barrier(
        "st4",
        "structuur",
        "4.1.1",
        "Dubbele id bij een label",
        "",
        '<p><label for="x">Naam</label> <input id="x"></p><p><label for="x">Adres</label> <input id="x"></p>',
    ),
    Barrier(
        "st5",
        "structuur",
        "4.1.2",
        "Iframe zonder titel",
        "",
        '<iframe src="about:blank" width="200" height="50"></iframe>',
    ),
    Barrier(
        "st6",
        "structuur",
        "2.4.2",
        "Lege paginatitel",
        "<!-- titel wordt leeggemaakt -->",
        "<script>document.title='';</script>",
    ),
    Barrier(
        "st7",
        "structuur",
        "1.3.1",
        "Tabel met kopcellen als gewone cellen",
        "",
        "<table><tr><td><b>Product</b></td><td><b>Prijs</b></td></tr><tr><td>Paspoort</td><td>80 euro</td></tr></table>",
    ),
    # --- target size ---
    Barrier(
        "t1",
        "doelgrootte",
        "2.5.8",
        "Twee kleine icoonlinks vlak naast elkaar",
        "",
        '<div><a href="/m" aria-label="Mail" style="display:inline-block;width:14px;height:14px;background:#333"></a>'
        '<a href="/s" aria-label="Sms" style="display:inline-block;width:14px;height:14px;background:#333;margin-left:2px"></a></div>',
    ),
    Barrier(
        "t2",
        "doelgrootte",
        "2.5.8",
        "Paginanummers van 16 px dicht op elkaar",
        "",
        '<nav aria-label="Pagina\'s" style="display:flex;gap:2px;font-size:12px;line-height:16px">'
        '<a href="/p1">1</a><a href="/p2">2</a><a href="/p3">3</a></nav>',
    ),
]

HELD_OUT: list[Barrier] = [
    Barrier(
        "h1",
        "toetsenbord",
        "2.1.1",
        "role=link met tabindex=-1",
        "",
        '<p><span role="link" tabindex="-1" onclick="location.href=\'/x\'" style="color:#0b4fa8;text-decoration:underline">Openingstijden</span></p>',
    ),
    Barrier(
        "h2",
        "toetsenbord",
        "2.4.7",
        "Gesloten venster buiten beeld met knoppen",
        "",
        '<div role="dialog" aria-label="Cookies" style="position:fixed;left:-2000px;top:0"><button type="button">Akkoord</button></div>',
    ),
    Barrier(
        "h3",
        "toetsenbord",
        "2.1.2",
        "Twee velden die de focus rondsturen",
        "",
        '<p><label for="a">Straat</label> <input id="a"> <label for="b">Huisnummer</label> <input id="b"></p><p><a href="/z">Verder</a></p>'
        "<script>document.getElementById('b').addEventListener('keydown',e=>{if(e.key==='Tab'&&!e.shiftKey){e.preventDefault();document.getElementById('a').focus();}});"
        "document.getElementById('a').addEventListener('keydown',e=>{if(e.key==='Tab'&&e.shiftKey){e.preventDefault();document.getElementById('b').focus();}});</script>",
    ),
    Barrier(
        "h4",
        "focus",
        "2.4.7",
        "Links zonder focusrand, alleen een andere kleur bij hover",
        "<style>a:focus{outline:none} a:hover{color:#000}</style>",
        '<p><a href="/a">Afval</a> en <a href="/b">parkeren</a>.</p>',
    ),
    Barrier(
        "h5",
        "reflow",
        "1.4.10",
        "Hoofdinhoud met min-width 600 px",
        "<style>main { min-width: 600px; }</style>",
        "<p>Tekst.</p>",
    ),
    Barrier(
        "h6",
        "tekstafstand",
        "1.4.12",
        "Menu-items met vaste hoogte en overflow hidden",
        "",
        '<ul style="list-style:none;padding:0"><li style="height:1.5em;overflow:hidden;width:9em">Afval en grondstoffen ophalen</li></ul>',
    ),
    Barrier(
        "h7",
        "taal",
        "3.1.2",
        "Engelse tabelcel zonder lang",
        "",
        "<table><caption>Talen</caption><tr><th>Taal</th><th>Tekst</th></tr><tr><td>Engels</td>"
        "<td>You can ask for help at the desk when you are not able to fill in the form yourself.</td></tr></table>",
    ),
    Barrier(
        "h8",
        "formulieren",
        "1.3.1",
        "Tekstvak zonder label",
        "",
        '<p>Uw vraag</p><textarea name="vraag"></textarea>',
    ),
    Barrier(
        "h9",
        "afbeeldingen",
        "1.1.1",
        "Afbeeldingsknop met lege alt",
        "",
        f'<input type="image" src="{_IMG}" alt="" width="40" height="40">',
    ),
    Barrier(
        "h10",
        "contrast",
        "1.4.3",
        "Grijs op lichtgrijs in een kader",
        "",
        '<div style="background:#eeeeee;padding:8px"><p style="color:#8a8a8a">De balie is op woensdag dicht.</p></div>',
    ),
    Barrier(
        "h11", "structuur", "1.3.1", "Twee keer een kop 1", "", "<h1>Kosten</h1><p>Het kost 20 euro.</p>"
    ),
    Barrier(
        "h12",
        "doelgrootte",
        "2.5.8",
        "Kleine sluitknop naast een andere knop",
        "",
        '<div><button type="button" aria-label="Sluiten" style="width:16px;height:16px;padding:0;border:1px solid #333;background:#fff">×</button>'
        '<button type="button" style="width:16px;height:16px;padding:0;margin-left:2px;border:1px solid #333;background:#fff" aria-label="Openen">+</button></div>',
    ),
    Barrier(
        "h13",
        "toetsenbord",
        "2.4.3",
        "Grid met order: -1 op de laatste link",
        "",
        '<div style="display:grid;grid-template-columns:1fr"><a href="/1">Stap een</a><a href="/2">Stap twee</a><a href="/3" style="order:-1">Stap drie</a></div>',
    ),
    Barrier(
        "h14",
        "focus",
        "2.4.7",
        "Knoppen zonder focusrand of schaduw",
        "<style>button{outline:none!important;box-shadow:none!important}</style>",
        '<button type="button" style="border:2px solid #333;background:#fff;padding:8px">Vorige</button> '
        '<button type="button" style="border:2px solid #333;background:#fff;padding:8px">Volgende</button>',
    ),
    Barrier(
        "h15",
        "toetsenbord",
        "2.4.7",
        "Dichtgeklapt blok (hoogte 0) met een link",
        "",
        '<div style="height:0;overflow:hidden"><p><a href="/meer">Lees meer over de kosten</a></p></div><p>Tekst.</p>',
    ),
]


def page_html(barrier: Barrier) -> str:
    """The full HTML of a barrier page (the language pages change the declared language)."""
    lang = {"l2": "nl", "l3": "en"}.get(barrier.id, "nl")
    title = barrier.description if barrier.id != "l2" else "Making an appointment"
    if barrier.id == "l2":
        body = barrier.body
        page = TEMPLATE.format(lang=lang, title=title, head=barrier.head, body=body)
        return (
            page.replace(
                "<p>Op deze pagina leest u hoe u een afspraak maakt bij de gemeente. U kunt ook bellen met 14 020.</p>",
                "<p>On this page you read how to make an appointment with the town. You can also call us.</p>",
            )
            .replace("Naar de inhoud", "Skip to content")
            .replace("naar de startpagina", "to the home page")
        )
    if barrier.id == "l3":
        page = TEMPLATE.format(lang=lang, title=title, head=barrier.head, body=barrier.body)
        return page
    return TEMPLATE.format(lang=lang, title=title, head=barrier.head, body=barrier.body)
