"""Help offers and channels as Markdown, the same on every page that uses them."""

from __future__ import annotations

import re
from typing import Any

DAYS = {
    "nl": {
        "ma": "maandag",
        "di": "dinsdag",
        "wo": "woensdag",
        "do": "donderdag",
        "vr": "vrijdag",
        "za": "zaterdag",
        "zo": "zondag",
    },
    "en": {
        "ma": "Monday",
        "di": "Tuesday",
        "wo": "Wednesday",
        "do": "Thursday",
        "vr": "Friday",
        "za": "Saturday",
        "zo": "Sunday",
    },
}
ORDER = ["ma", "di", "wo", "do", "vr", "za", "zo"]

WORDS = {
    "nl": {
        "through": "tot en met",
        "and": "en",
        "from": "van",
        "to": "tot",
        "hour": "uur",
        "closed": "gesloten",
        "phone": "Telefoon",
        "address": "Adres",
        "open": "Open",
        "email": "E-mail",
        "chat": "Chat",
        "form": "Contactformulier",
        "post": "Post",
        "cost": "Kosten",
        "appointment": "Afspraak maken",
        "how": "Zo werkt het",
        "for": "Voor wie",
        "book": "Maak een afspraak bij {name}",
        "start_chat": "Chat met {name}",
        "write_form": "Stuur een bericht via het contactformulier",
    },
    "en": {
        "through": "to",
        "and": "and",
        "from": "from",
        "to": "to",
        "hour": "",
        "closed": "closed",
        "phone": "Phone",
        "address": "Address",
        "open": "Open",
        "email": "Email",
        "chat": "Chat",
        "form": "Contact form",
        "post": "Post",
        "cost": "Cost",
        "appointment": "Appointment",
        "how": "How it works",
        "for": "Who it is for",
        "book": "Make an appointment at {name}",
        "start_chat": "Chat with {name}",
        "write_form": "Send a message with the contact form",
    },
}


def tel_uri(number: str) -> str:
    """`tel:` link for a Dutch number: 14 0123 stays a short number, 010-123 45 67 becomes +31101234567."""
    digits = re.sub(r"\D", "", number)
    if number.strip().startswith("+"):
        return "tel:+" + digits
    if digits.startswith("14") and len(digits) <= 7:
        return "tel:" + digits
    if digits.startswith("0"):
        return "tel:+31" + digits[1:]
    return "tel:" + digits


def format_time(value: str, lang: str) -> str:
    hours, _, minutes = str(value).partition(":")
    if lang == "en":
        return f"{int(hours)}:{minutes or '00'}"
    return f"{int(hours)}.{minutes or '00'}"


def format_days(days: list[str], lang: str) -> str:
    names = DAYS[lang]
    words = WORDS[lang]
    index = [ORDER.index(d) for d in days if d in ORDER]
    if len(index) >= 3 and index == list(range(index[0], index[-1] + 1)):
        return f"{names[ORDER[index[0]]]} {words['through']} {names[ORDER[index[-1]]]}"
    parts = [names[ORDER[i]] for i in index]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + f" {words['and']} " + parts[-1]


def format_hours(hours: list[dict[str, Any]], lang: str) -> list[str]:
    """`maandag tot en met vrijdag: 8.30 tot 17.00 uur` — one line per group of days."""
    words = WORDS[lang]
    lines = []
    for slot in hours or []:
        days = format_days(list(slot.get("days", [])), lang)
        start, end = format_time(slot["open"], lang), format_time(slot["close"], lang)
        unit = f" {words['hour']}" if words["hour"] else ""
        lines.append(f"{days[0].upper()}{days[1:]}: {start} {words['to']} {end}{unit}")
    return lines


def render_channel(channel: dict[str, Any], lang: str) -> list[str]:
    words = WORDS[lang]
    out: list[str] = []
    name = channel.get("name", "")
    if channel.get("phone"):
        out.append(f"{words['phone']}: [{channel['phone']}]({tel_uri(str(channel['phone']))})")
    address = channel.get("address")
    if isinstance(address, dict):
        out.append(
            f"{words['address']}: "
            + ", ".join(str(address[k]) for k in ("street", "postcode", "city") if address.get(k))
        )
    if channel.get("email"):
        out.append(f"{words['email']}: [{channel['email']}](mailto:{channel['email']})")
    if channel.get("url") and channel.get("type") == "chat":
        out.append(f"[{words['start_chat'].format(name=name)}]({channel['url']})")
    if channel.get("form"):
        out.append(f"[{words['write_form']}]({channel['form']})")
    if channel.get("appointment"):
        out.append(f"[{words['book'].format(name=name)}]({channel['appointment']})")
    hours = format_hours(channel.get("hours", []), lang)
    if hours:
        out.append(f"{words['open']}: " + "; ".join(h[0].lower() + h[1:] for h in hours) + ".")
    return out


def render_offer(catalogue: Any, key: str, lang: str, level: int = 3) -> str:
    offer = catalogue.data["offers"][key]
    channels = catalogue.data.get("channels") or {}
    words = WORDS[lang]
    lines = [f"{'#' * level} {offer.get('name', key)}", ""]
    if offer.get("what"):
        lines += [str(offer["what"]).strip(), ""]
    items: list[str] = []
    if offer.get("how"):
        items.append(f"{words['how']}: {str(offer['how']).strip()}")
    channel = channels.get(offer.get("channel"))
    if isinstance(channel, dict):
        items.extend(render_channel(channel, lang))
    if offer.get("cost"):
        items.append(f"{words['cost']}: {offer['cost']}")
    lines += [f"- {item}" for item in items]
    return "\n".join(lines).rstrip() + "\n"


def render_help(catalogue: Any, keys: list[str], lang: str, level: int = 3) -> str:
    return "\n".join(render_offer(catalogue, key, lang, level) for key in keys)
