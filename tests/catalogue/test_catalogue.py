"""The help catalogue: validation as a table of good and bad data, each problem at its line in the data file."""

from __future__ import annotations

from pathlib import Path

import pytest
from helder.catalogue import load_catalogue
from helder.catalogue.model import Slot, phone_ok, tel_uri
from helder.pages.text import format_hours

GOOD = """\
municipality: Gemeente Test
channels:
  telefoon:
    type: phone
    name: het Klantcontactcentrum
    phone: "14 0123"
    hours:
      - {days: [ma, di, wo, do, vr], open: "08:30", close: "17:00"}
  balie:
    type: desk
    name: het stadhuis
    address: {street: Marktplein 1, postcode: 1234 AB, city: Test}
offers:
  bellen:
    name: Bel ons
    what: Bel ons met uw vraag.
    for: Iedereen
    how: Bel het nummer.
    channel: telefoon
  langskomen:
    name: Kom langs
    what: Kom naar het stadhuis.
    for: Iedereen
    how: Maak een afspraak.
    channel: balie
barriers:
  lezen:
    title: Ik kan niet goed lezen
    description: Wij helpen u.
    offers: [bellen, langskomen]
groups:
  ouderen:
    title: Ouderen
    description: Voor ouderen.
    barriers: [lezen]
    we_expect: [U belt ons.]
"""


def load(tmp_path: Path, text: str):
    file = tmp_path / "hulp.yml"
    file.write_text(text, encoding="utf-8")
    return load_catalogue(file, "data/hulp.yml")


def test_good_catalogue_has_no_findings(tmp_path):
    catalogue, findings = load(tmp_path, GOOD)
    assert findings == []
    assert catalogue.model is not None
    assert catalogue.offer_keys() == ["bellen", "langskomen"]


@pytest.mark.parametrize(
    ("old", "new", "rule", "line", "words"),
    [
        ('    phone: "14 0123"', '    phone: "123"', "help.phone", 6, 'Het telefoonnummer "123"'),
        ('open: "08:30", close: "17:00"', 'open: "8 uur", close: "17:00"', "help.hours", 8, "openingstijd"),
        (
            'open: "08:30", close: "17:00"',
            'open: "17:00", close: "08:30"',
            "help.hours",
            8,
            "eerder dan de begintijd",
        ),
        ("days: [ma, di, wo, do, vr]", "days: [maandag]", "help.hours", 8, "openingstijd"),
        ("    channel: balie\n", "", "help.offer-channel", 20, 'De hulp "langskomen" heeft geen kanaal.'),
        (
            "    channel: balie\n",
            "    channel: loket\n",
            "help.unknown-ref",
            25,
            'staat "loket". Dat staat niet in channels.',
        ),
        (
            "    offers: [bellen, langskomen]",
            "    offers: []",
            "help.barrier-offers",
            27,
            'Voor de drempel "lezen" staat geen hulp.',
        ),
        (
            "    offers: [bellen, langskomen]",
            "    offers: [bellen, chatten]",
            "help.unknown-ref",
            30,
            '"chatten"',
        ),
        (
            "    barriers: [lezen]",
            "    barriers: [lopen]",
            "help.unknown-ref",
            35,
            '"lopen". Dat staat niet in barriers.',
        ),
        ("    what: Bel ons met uw vraag.\n", "", "help.catalogue", 15, 'ontbreekt "what"'),
        (
            "    for: Iedereen\n    how: Bel",
            "    voor: Iedereen\n    how: Bel",
            "help.catalogue",
            17,
            'kent "voor" niet',
        ),
        (
            "postcode: 1234 AB",
            "postcode: 12345",
            "help.catalogue",
            12,
            "channels > balie > address > postcode",
        ),
    ],
)
def test_bad_catalogue_is_reported_at_its_line(tmp_path, old, new, rule, line, words):
    assert old in GOOD
    _, findings = load(tmp_path, GOOD.replace(old, new, 1))
    got = [(f.rule, f.line) for f in findings]
    assert (rule, line) in got, got
    finding = next(f for f in findings if (f.rule, f.line) == (rule, line))
    assert words in f"{finding.message} {finding.suggestion}"
    assert all(f.path == "data/hulp.yml" for f in findings)


@pytest.mark.parametrize(
    ("number", "ok", "uri"),
    [
        ("14 0123", True, "tel:140123"),
        ("14 020", True, "tel:14020"),
        ("010-123 45 67", True, "tel:+31101234567"),
        ("06-12345678", True, "tel:+31612345678"),
        ("0800 1234", True, "tel:+318001234"),
        ("+31 10 123 45 67", True, "tel:+31101234567"),
        ("123", False, None),
        ("06-123", False, None),
        ("bel ons", False, None),
    ],
)
def test_phone_numbers(number, ok, uri):
    assert phone_ok(number) is ok
    if uri:
        assert tel_uri(number) == uri


@pytest.mark.parametrize(
    ("hours", "nl"),
    [
        (
            [{"days": ["ma", "di", "wo", "do", "vr"], "open": "08:30", "close": "17:00"}],
            ["Maandag tot en met vrijdag: 8.30 tot 17.00 uur"],
        ),
        (
            [{"days": ["ma", "wo"], "open": "09:00", "close": "12:00"}],
            ["Maandag en woensdag: 9.00 tot 12.00 uur"],
        ),
        (
            [{"days": ["di", "do", "za"], "open": "10:00", "close": "13:00"}],
            ["Dinsdag, donderdag en zaterdag: 10.00 tot 13.00 uur"],
        ),
        ([{"days": ["do"], "open": "09:00", "close": "20:00"}], ["Donderdag: 9.00 tot 20.00 uur"]),
    ],
)
def test_opening_hours_read_the_same_everywhere(hours, nl):
    assert format_hours([Slot(**h) for h in hours], "nl") == nl


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("barriers:\n  lezen:", "barriers: [lezen]\nx:\n  lezen:"),
        ("groups:\n  ouderen:", "groups: [ouderen]\ny:\n  ouderen:"),
        ("    channel: balie\n", "    channel: {a: 1}\n"),
        ("channels:\n", "channels: [telefoon]\nz:\n"),
    ],
)
def test_wrongly_shaped_catalogue_is_a_finding_not_a_crash(tmp_path, old, new):
    _, findings = load(tmp_path, GOOD.replace(old, new, 1))
    assert findings and all(f.path == "data/hulp.yml" and f.line for f in findings)


def test_two_channels_with_one_name_are_a_warning_at_the_second_name(tmp_path):
    text = GOOD.replace("    name: het stadhuis\n", "    name: Het Klantcontactcentrum\n")
    catalogue, findings = load(tmp_path, text)
    assert [(f.rule, f.line, f.severity.value) for f in findings] == [("help.channel-name", 11, "warning")]
    assert findings[0].message.startswith('Het kanaal "balie" heeft dezelfde naam als "telefoon"')
    assert catalogue is not None and catalogue.valid  # the pages are still made


def test_the_footer_contact_comes_from_the_first_phone_desk_and_email(tmp_path):
    catalogue, _ = load(
        tmp_path, GOOD.replace("    address: {street", "    email: balie@test.nl\n    address: {street")
    )
    assert catalogue.contact() == {
        "phone": "14 0123",
        "hours": [{"days": ["ma", "di", "wo", "do", "vr"], "open": "08:30", "close": "17:00"}],
        "address": "Marktplein 1, 1234 AB Test",
        "email": "balie@test.nl",
    }
    # With a number that works from abroad (+31), the footer shows that too.
    text = GOOD.replace(
        '    phone: "14 0123"\n', '    phone: "14 0123"\n    phone_abroad: "+31 85 123 0123"\n', 1
    )
    catalogue, findings = load(tmp_path, text)
    assert findings == [] and catalogue.contact()["phone_abroad"] == "+31 85 123 0123"
    # A number for abroad must start with +: else it is no help abroad either.
    catalogue, findings = load(tmp_path, text.replace('"+31 85 123 0123"', '"085 123 0123"'))
    assert [(f.rule, f.line) for f in findings] == [("help.phone", 7)]  # the phone_abroad line
    assert findings[0].message == (
        'Het nummer "085 123 0123" bij channels > telefoon > phone_abroad werkt niet vanuit het buitenland.'
    )
    assert findings[0].suggestion == "Schrijf het nummer met +31 ervoor, bijvoorbeeld +31 85 123 0123."
