"""The shape of the help catalogue, as pydantic models.

The catalogue is the municipality's published support policy in data: channels (how to reach us), help offers
(what we do for you), barriers (what makes contact hard, from the resident's side), target groups (what we
expect and what you can expect) and the policy's version history. Cross-references (an offer's channel, a
barrier's offers) are checked in `validate.py`, where each problem gets its own line.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Key = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]

TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
# Dutch numbers without spaces and dashes: 14 + area code (14 0123), 0800/0900 numbers, 10 digits with a 0, +31.
_PHONE = re.compile(r"^(140\d{2,3}|0[89]00\d{4,7}|0\d{9}|\+31\d{9})$")


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Slot(Model):
    days: Annotated[list[Literal["ma", "di", "wo", "do", "vr", "za", "zo"]], Field(min_length=1)]
    open: str
    close: str

    @field_validator("open", "close")
    @classmethod
    def _time(cls, value: str) -> str:
        if not TIME.match(str(value)):
            raise ValueError("time")
        return value


class Exception_(Model):
    date: dt.date
    closed: bool = True
    note: Text | None = None


class Address(Model):
    street: Text
    postcode: Annotated[str, StringConstraints(pattern=r"^\d{4} ?[A-Z]{2}$")]
    city: Text


def phone_ok(number: str) -> bool:
    """`14 0123`, `010-123 45 67`, `0800 1234`, `+31 10 123 45 67` are fine; `123`, `06-123` are not."""
    return bool(_PHONE.match(re.sub(r"[\s-]", "", str(number))))


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


class ChannelText(Model):
    """A channel's name in another language (`en:` under a channel)."""

    name: Text


class Channel(Model):
    type: Literal["phone", "desk", "chat", "email", "post", "business-desk"]
    name: Text
    phone: str | None = None
    #: A number that also works from abroad (+31 ...): a 14-number does not (shown on every page beside `phone`).
    phone_abroad: Annotated[str, StringConstraints(pattern=r"^\+\d[\d ()-]{6,}$")] | None = None
    email: Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$")] | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    form: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    appointment: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")] | None = None
    address: Address | None = None
    hours: list[Slot] = Field(default_factory=list)
    exceptions: list[Exception_] = Field(default_factory=list)
    nl: ChannelText | None = None
    en: ChannelText | None = None

    def in_language(self, lang: str) -> Channel | None:
        """This channel with its name in `lang` (`en:`), or None when it has none in that language."""
        text = getattr(self, lang, None)
        return self.model_copy(update=text.model_dump()) if isinstance(text, ChannelText) else None

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str | None) -> str | None:
        if value is not None and not phone_ok(str(value)):
            raise ValueError("phone")
        return value


class OfferText(Model):
    """An offer's texts: in the catalogue's language, and again under `en:` (all of them, so no page mixes
    languages)."""

    name: Text
    what: Text
    #: Who it is for, in plain words.
    for_: Annotated[Text, Field(alias="for")]
    how: Text
    cost: Text | None = None


class Offer(OfferText):
    channel: Key | None = None
    #: The same texts in another language than the catalogue's (a site in Dutch and English).
    nl: OfferText | None = None
    en: OfferText | None = None

    def in_language(self, lang: str) -> Offer | None:
        """This offer with its texts in `lang` (`en:`), or None when it has none in that language."""
        text = getattr(self, lang, None)
        return self.model_copy(update=text.model_dump()) if isinstance(text, OfferText) else None


class Barrier(Model):
    #: The barrier in the resident's own words: "Ik kan niet goed lezen".
    title: Text
    description: Text
    offers: list[Key] = Field(default_factory=list)


class Group(Model):
    title: Text
    description: Text
    barriers: list[Key] = Field(default_factory=list)
    #: Extra offers for this group besides those of its barriers (the business desk for entrepreneurs).
    offers: list[Key] = Field(default_factory=list)
    we_expect: Annotated[list[Text], Field(min_length=1)]


class Change(Model):
    version: Text
    date: dt.date
    change: Text


class Policy(Model):
    title: Text
    version: Text
    effective: dt.date
    approved_by: Text
    approved_on: dt.date
    principles: Annotated[list[Text], Field(min_length=1)]
    feedback: Text
    changes: Annotated[list[Change], Field(min_length=1)]


class CatalogueModel(Model):
    municipality: Text
    channels: dict[Key, Channel]
    offers: dict[Key, Offer]
    barriers: dict[Key, Barrier] = Field(default_factory=dict)
    groups: dict[Key, Group] = Field(default_factory=dict)
    policy: Policy | None = None
