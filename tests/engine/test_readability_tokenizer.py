"""Dutch tokenisation traps of service pages: what is one word, and where a sentence really ends."""

from __future__ import annotations

import pytest

from readability import analyze_text, tokenize
from readability.tokenizer import split_sentences


def words_of(text: str) -> list[list[str]]:
    """The words of each sentence, as the engine counts them."""
    return [[w.text for w in s.words] for s in analyze_text(text, "nl").sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # abbreviations do not end a sentence
        ("Neem bijv. uw paspoort mee.", [["Neem", "bijv.", "uw", "paspoort", "mee"]]),
        ("U heeft o.a. een pasfoto nodig.", [["U", "heeft", "o.a.", "een", "pasfoto", "nodig"]]),
        ("Dat is d.w.z. de oude regel.", [["Dat", "is", "d.w.z.", "de", "oude", "regel"]]),
        ("Zie art. 2:1 Awb.", [["Zie", "art.", "2:1", "Awb"]]),
        ("Het is huisnr. 12 of nr. 14.", [["Het", "is", "huisnr.", "12", "of", "nr.", "14"]]),
        ("Het duurt ca. vier weken.", [["Het", "duurt", "ca.", "vier", "weken"]]),
        (
            "De prijs is incl. btw en excl. porto.",
            [["De", "prijs", "is", "incl.", "btw", "en", "excl.", "porto"]],
        ),
        ("Open t/m vrijdag.", [["Open", "t/m", "vrijdag"]]),
        ("Bel z.s.m. terug.", [["Bel", "z.s.m.", "terug"]]),
        (
            "Het gaat m.b.t. uw aanvraag i.v.m. de verhuizing.",
            [["Het", "gaat", "m.b.t.", "uw", "aanvraag", "i.v.m.", "de", "verhuizing"]],
        ),
        ("Sluit de deur a.u.b. goed.", [["Sluit", "de", "deur", "a.u.b.", "goed"]]),
        ("Stoelen, tafels e.d. mogen mee.", [["Stoelen", "tafels", "e.d.", "mogen", "mee"]]),
        ("Pen, papier enz. liggen klaar.", [["Pen", "papier", "enz.", "liggen", "klaar"]]),
        (
            "Neem pen, papier enz. Daarna gaat u naar huis.",
            [["Neem", "pen", "papier", "enz."], ["Daarna", "gaat", "u", "naar", "huis"]],
        ),
        ("Neem pen, papier etc. mee.", [["Neem", "pen", "papier", "etc.", "mee"]]),
        ("Tel het geld. Daarna betaalt u.", [["Tel", "het", "geld"], ["Daarna", "betaalt", "u"]]),
        ("Bel tel. 14 0123.", [["Bel", "tel.", "14 0123"]]),
        # amounts
        ("Het kost € 84,00 per jaar.", [["Het", "kost", "€ 84,00", "per", "jaar"]]),
        ("Het kost €84.", [["Het", "kost", "€84"]]),
        ("Het kost € 84,- per jaar.", [["Het", "kost", "€ 84,-", "per", "jaar"]]),
        ("Het kost 84 euro.", [["Het", "kost", "84 euro"]]),
        ("Het kost € 1.250,50 in totaal.", [["Het", "kost", "€ 1.250,50", "in", "totaal"]]),
        # dates
        ("Kom op 12-10-2026 langs.", [["Kom", "op", "12-10-2026", "langs"]]),
        ("Kom op 12 oktober 2026 langs.", [["Kom", "op", "12 oktober 2026", "langs"]]),
        ("Kom op 1 mei.", [["Kom", "op", "1 mei"]]),
        ("Datum: 2026-10-12.", [["Datum", "2026-10-12"]]),
        # times: the dot in 9.00 does not end the sentence
        (
            "Wij zijn open om 9.00 uur. Kom op tijd.",
            [["Wij", "zijn", "open", "om", "9.00 uur"], ["Kom", "op", "tijd"]],
        ),
        ("Kom om 09:30 langs.", [["Kom", "om", "09:30", "langs"]]),
        ("Open van 9.00 tot 17.00 uur.", [["Open", "van", "9.00", "tot", "17.00 uur"]]),
        # phone numbers
        ("Bel 14 0123 voor een afspraak.", [["Bel", "14 0123", "voor", "een", "afspraak"]]),
        ("Bel 010-123 45 67 voor een afspraak.", [["Bel", "010-123 45 67", "voor", "een", "afspraak"]]),
        ("Bel 06-12345678 voor een afspraak.", [["Bel", "06-12345678", "voor", "een", "afspraak"]]),
        ("Bel 0800-1234 gratis.", [["Bel", "0800-1234", "gratis"]]),
        (
            "Bel +31 10 123 45 67 uit het buitenland.",
            [["Bel", "+31 10 123 45 67", "uit", "het", "buitenland"]],
        ),
        # postcodes
        ("Stuur het naar 1234 AB Teststad.", [["Stuur", "het", "naar", "1234 AB", "Teststad"]]),
        ("Stuur het naar 1234AB Teststad.", [["Stuur", "het", "naar", "1234AB", "Teststad"]]),
        # hyphens, apostrophes, slashes
        ("Vul uw e-mailadres in.", [["Vul", "uw", "e-mailadres", "in"]]),
        ("Neem uw ID-kaart mee.", [["Neem", "uw", "ID-kaart", "mee"]]),
        ("Neem de auto's mee.", [["Neem", "de", "auto's", "mee"]]),
        ("Kom 's avonds langs.", [["Kom", "'s", "avonds", "langs"]]),
        ("Kies ja en/of nee.", [["Kies", "ja", "en/of", "nee"]]),
        ("Het is een 18-jarige.", [["Het", "is", "een", "18-jarige"]]),
        # URLs and e-mail addresses are not words
        ("Mail naar info@gemeente.nl voor vragen.", [["Mail", "naar", "voor", "vragen"]]),
        ("Kijk op www.gemeente.nl of gemeente.nl/paspoort.", [["Kijk", "op", "of"]]),
        # short sentences count (textstat drops them)
        ("Kom op tijd. Let op! Ja.", [["Kom", "op", "tijd"], ["Let", "op"], ["Ja"]]),
        ("Wat kost het? Niets.", [["Wat", "kost", "het"], ["Niets"]]),
        ("Wacht… Dan verder.", [["Wacht"], ["Dan", "verder"]]),
    ],
)
def test_words_and_sentences(text: str, expected: list[list[str]]) -> None:
    assert words_of(text) == expected


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("€ 84,00", "amount"),
        ("84 euro", "amount"),
        ("12-10-2026", "date"),
        ("12 oktober 2026", "date"),
        ("9.00 uur", "time"),
        ("09:30", "time"),
        ("14 0123", "phone"),
        ("010-123 45 67", "phone"),
        ("06-12345678", "phone"),
        ("1234 AB", "postcode"),
        ("bijv.", "abbr"),
        ("d.w.z.", "abbr"),
        ("e-mailadres", "word"),
        ("2026", "number"),
    ],
)
def test_tags(text: str, tag: str) -> None:
    (word,) = analyze_text(f"Zie {text} hier", "nl").sentences[0].words[1:2]
    assert (word.text, word.tag) == (text, tag)


def test_offsets_point_into_the_sentence_text() -> None:
    sentence = analyze_text("Het kost € 84,00 per jaar, bel 14 0123.", "nl").sentences[0]
    assert [sentence.text[w.start : w.end] for w in sentence.words] == [w.text for w in sentence.words]
    assert sentence.marks == {5: ","}


TRAPS = [
    "Neem bijv. uw paspoort mee. Kom om 9.00 uur. Bel 14 0123, of mail info@gemeente.nl.",
    "Pen, papier enz. Daarna klaar. Zie art. 2:1 en nr. 5 (of www.x.nl). Kosten: € 84,00!",
    "Een, twee; drie: vier – vijf. Wacht... Ja?! 's Avonds t/m vrijdag z.s.m. Klaar",
]


@pytest.mark.parametrize("text", TRAPS)
def test_public_tokenizer_and_engine_split_alike(text: str) -> None:
    """The engine fuses tokenising and splitting for speed; the public functions must agree with it."""
    public = [[t.text for t in group if t.kind == "word"] for group, _ in split_sentences(tokenize(text))]
    assert public == words_of(text)


def test_tokenize_kinds() -> None:
    kinds = [(t.text, t.kind) for t in tokenize("Ja, kom. Nee!")]
    assert kinds == [
        ("Ja", "word"),
        (",", "break"),
        ("kom", "word"),
        (".", "end"),
        ("Nee", "word"),
        ("!", "end"),
    ]


def test_no_catastrophic_backtracking() -> None:
    """Patterns run over every word of every page: pathological input must not hang (catastrophic
    backtracking takes minutes, not seconds). The speed itself is measured in bench/readability_bench.py; this
    only guards against a hang, in its own process so a hang cannot stop the suite."""
    import subprocess
    import sys

    code = (
        "from readability import tokenize\n"
        "nasty = ('a.' * 5000) + ' ' + ('1-' * 5000) + ' ' + ('x' * 20000) + '@' + ('.nl' * 3000)\n"
        "print(len(tokenize(nasty)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert int(done.stdout) > 0
