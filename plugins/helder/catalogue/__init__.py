"""The help catalogue: one source of truth for channels, help offers, barriers, target groups and the policy.

Loaded once per build. Every problem in it becomes a `help.*` finding at its own line in the data file, and a
partly broken catalogue still serves the keys it has, so pages are not buried under follow-up findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from ..findings import Finding, Severity
from ..messages import Msg, message
from ..source import load_yaml_node, yaml_error_line
from .model import TIME, Barrier, CatalogueModel, Channel, Group, Key, Offer, Policy


@dataclass
class Catalogue:
    """The help catalogue: its typed model (what pages are made from) and the keys of every offer it names.

    A part with a mistake is left out of the model (and reported); the other parts still serve the pages. The
    offer keys include offers with a mistake, so a page that uses one is not buried under follow-up findings.
    """

    path: str
    model: CatalogueModel
    offer_keys_found: list[str] = field(default_factory=list)
    #: True when every part validated.
    valid: bool = True
    #: Where each text of the catalogue stands (the first line of its value), and each entry (its key's line):
    #: a finding on a page made from the catalogue is reported at the line an editor can change.
    text_lines: dict[str, int] = field(default_factory=dict)
    entry_lines: dict[tuple[str, ...], int] = field(default_factory=dict)

    def offer_keys(self) -> list[str]:
        return list(self.offer_keys_found)

    def contact(self) -> dict[str, Any]:
        """What the theme shows in the footer and on the 404 page: the first phone channel's number (and its
        number for calls from abroad) and hours, the first desk's address, the first e-mail address. One source:
        the catalogue."""
        channels = list(self.model.channels.values())
        phone = next((c for c in channels if c.type == "phone" and c.phone), None)
        desk = next((c for c in channels if c.type == "desk" and c.address), None)
        email = next((c.email for c in channels if c.email), None)
        found: dict[str, Any] = {}
        if phone is not None:
            found["phone"] = str(phone.phone)
            if phone.phone_abroad:
                found["phone_abroad"] = phone.phone_abroad
            found["hours"] = [slot.model_dump() for slot in phone.hours]
        if desk is not None and desk.address is not None:
            found["address"] = f"{desk.address.street}, {desk.address.postcode} {desk.address.city}"
        if email:
            found["email"] = email
        return found

    def line_of_text(self, text: str) -> int | None:
        """The line of the longest catalogue text that `text` contains (a page line made from that value)."""
        # Short values (a day, a time, a key) appear in many lines by chance: only texts of some length count.
        found = [
            (len(value), line)
            for value, line in self.text_lines.items()
            if len(value) >= 12 and value in text
        ]
        return max(found)[1] if found else None


def _source_lines(root: yaml.Node | None) -> tuple[dict[str, int], dict[tuple[str, ...], int]]:
    """Text value -> line, and (part, key) -> line of the key, from the YAML node tree."""
    texts: dict[str, int] = {}
    entries: dict[tuple[str, ...], int] = {}

    def walk(node: yaml.Node, path: tuple[str, ...]) -> None:
        if isinstance(node, yaml.ScalarNode):
            texts.setdefault(str(node.value).strip(), node.start_mark.line + 1)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item, path)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = str(getattr(key, "value", ""))
                if len(path) <= 1:
                    entries[(*path, name)] = key.start_mark.line + 1
                walk(value, (*path, name))

    if root is not None:
        walk(root, ())
    return texts, entries


#: The catalogue's named parts and the model of one entry in each.
PARTS: dict[str, type[BaseModel]] = {
    "channels": Channel,
    "offers": Offer,
    "barriers": Barrier,
    "groups": Group,
}
_KEY = TypeAdapter(Key)


def _entries(name: str, raw: object, model: type[BaseModel], errors: list[dict[str, Any]]) -> dict[str, Any]:
    """The valid entries of one part; each mistake is added to `errors` with its full location."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        errors.append({"loc": (name,), "type": "dict_type", "input": raw, "msg": "dict"})
        return {}
    good = {}
    for key, value in raw.items():
        try:
            _KEY.validate_python(key)
            good[str(key)] = model.model_validate(value)
        except ValidationError as exc:
            errors.extend({**e, "loc": (name, key, *e["loc"])} for e in exc.errors())
    return good


def build_model(data: dict[str, Any]) -> tuple[CatalogueModel, list[dict[str, Any]]]:
    """The typed catalogue from the parts that are right, and pydantic's errors for the parts that are not."""
    errors: list[dict[str, Any]] = []
    parts = {name: _entries(name, data.get(name), model, errors) for name, model in PARTS.items()}
    policy = None
    if data.get("policy") is not None:
        try:
            policy = Policy.model_validate(data["policy"])
        except ValidationError as exc:
            errors.extend({**e, "loc": ("policy", *e["loc"])} for e in exc.errors())
    municipality = data.get("municipality")
    if not isinstance(municipality, str) or not municipality.strip():
        errors.append({"loc": ("municipality",), "type": "missing", "input": municipality, "msg": "missing"})
        municipality = ""
    for key in data:
        if key not in CatalogueModel.model_fields:
            errors.append({"loc": (key,), "type": "extra_forbidden", "input": data[key], "msg": "extra"})
    if not parts["channels"] and data.get("channels") is None:
        errors.append({"loc": ("channels",), "type": "missing", "input": None, "msg": "missing"})
    model = CatalogueModel.model_construct(municipality=municipality.strip(), policy=policy, **parts)
    return model, errors


def _node_at(root: yaml.Node | None, loc: tuple[Any, ...]) -> yaml.Node | None:
    """The YAML node at a pydantic error location, as deep as it exists (for the line number).

    For a mapping entry this is the key (`langskomen:`), not the block under it: that is the line editors look at.
    """
    node = root
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            entry = next(((k, v) for k, v in node.value if getattr(k, "value", None) == str(part)), None)
            if entry is None:
                return node
            key, value = entry
            if part == loc[-1] and isinstance(value, (yaml.MappingNode, yaml.SequenceNode)):
                return key
            node = value
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
        else:
            break
    return node


def _line(root: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    node = _node_at(root, loc)
    return node.start_mark.line + 1 if node is not None else None


def _where(loc: tuple[Any, ...]) -> str:
    return " > ".join(str(p) for p in loc if p != "for_") or "de catalogus"


def _pydantic_findings(
    errors: list[dict[str, Any]], root: yaml.Node | None, shown: str, lang: str
) -> list[Finding]:
    findings = []
    for error in errors:
        loc = tuple(
            p for p in error["loc"] if not (isinstance(p, str) and p.startswith(("function-", "literal[")))
        )
        kind = error["type"]
        line = _line(root, loc)
        where = _where(loc[:-1] if kind in ("missing", "extra_forbidden") else loc)
        if kind == "missing":
            rule, texts = "help.catalogue", message(lang, "cat_missing_key", key=loc[-1], where=where)
        elif kind == "extra_forbidden":
            rule, texts = "help.catalogue", message(lang, "cat_unknown_key", key=loc[-1], where=where)
        elif "hours" in loc:
            rule, texts = "help.hours", message(lang, "cat_hours", where=where)
        elif loc and loc[-1] == "phone":
            rule, texts = "help.phone", message(lang, "cat_phone", value=error.get("input"), where=where)
        elif loc and loc[-1] == "phone_abroad":
            rule, texts = (
                "help.phone",
                message(lang, "cat_phone_abroad", value=error.get("input"), where=where),
            )
        else:
            rule, texts = (
                "help.catalogue",
                message(lang, "cat_value", where=where, hint=Msg("cat_value_hint")),
            )
        findings.append(Finding(shown, line, rule, Severity.ERROR, *texts))
    return findings


Problem = tuple[tuple[Any, ...], str, Msg]


def _bad_ref(loc: tuple[Any, ...], value: Any, known: dict[str, Any], section: str) -> list[Problem]:
    if isinstance(value, str) and value in known:
        return []
    where = _where(loc[:-1] if isinstance(loc[-1], int) else loc)
    msg = Msg("cat_bad_ref", where=where, value=value, section=section, known=", ".join(sorted(known)))
    return [(loc, "help.unknown-ref", msg)]


def _offer_refs(parts: dict[str, dict[str, Any]]) -> list[Problem]:
    """Each offer names a channel that exists."""
    found: list[Problem] = []
    for key, offer in parts["offers"].items():
        if not isinstance(offer, dict):
            continue
        if not offer.get("channel"):
            msg = Msg("cat_no_channel", key=key, known=", ".join(sorted(parts["channels"])))
            found.append((("offers", key), "help.offer-channel", msg))
        else:
            found += _bad_ref(("offers", key, "channel"), offer["channel"], parts["channels"], "channels")
    return found


def _barrier_and_group_refs(parts: dict[str, dict[str, Any]]) -> list[Problem]:
    """Each barrier has offers that exist; each group's barriers and offers exist."""
    found: list[Problem] = []
    for key, barrier in parts["barriers"].items():
        if not isinstance(barrier, dict):
            continue
        offers = barrier.get("offers") if isinstance(barrier.get("offers"), list) else []
        if not offers:
            found.append((("barriers", key), "help.barrier-offers", Msg("cat_barrier_empty", key=key)))
        for i, value in enumerate(offers):
            found += _bad_ref(("barriers", key, "offers", i), value, parts["offers"], "offers")
    for key, group in parts["groups"].items():
        if not isinstance(group, dict):
            continue
        for name in ("barriers", "offers"):
            values = group.get(name) if isinstance(group.get(name), list) else []
            for i, value in enumerate(values):
                found += _bad_ref(("groups", key, name, i), value, parts[name], name)
    return found


def _hours_order(parts: dict[str, dict[str, Any]]) -> list[Problem]:
    """Opening hours that close before they open."""
    found: list[Problem] = []
    for key, channel in parts["channels"].items():
        hours = channel.get("hours") if isinstance(channel, dict) else None
        for i, slot in enumerate(hours if isinstance(hours, list) else []):
            if not isinstance(slot, dict):
                continue
            start, end = str(slot.get("open", "")), str(slot.get("close", ""))
            if TIME.match(start) and TIME.match(end) and start >= end:
                msg = Msg("cat_hours_order", where=f"channels > {key}", open=start, close=end)
                found.append((("channels", key, "hours", i), "help.hours", msg))
    return found


def _channel_names(parts: dict[str, dict[str, Any]]) -> list[Problem]:
    """Two channels with one name: the help overview would show the same heading twice ("De gemeente" for the
    chat, the e-mail and the post), and a reader cannot tell them apart."""
    found: list[Problem] = []
    first: dict[str, str] = {}
    for key, channel in parts["channels"].items():
        name = channel.get("name") if isinstance(channel, dict) else None
        if not isinstance(name, str) or not name.strip():
            continue
        other = first.setdefault(name.strip().casefold(), key)
        if other != key:
            msg = Msg("cat_channel_name", key=key, other=other, name=name.strip())
            found.append((("channels", key, "name"), "help.channel-name", msg))
    return found


def cross_check(data: dict[str, Any], root: yaml.Node | None, shown: str, lang: str) -> list[Finding]:
    """References between parts of the catalogue, opening hours that close before they open, and channels
    that share a name (a warning: the pages still work)."""
    # A part with the wrong shape (a list instead of names) is already a validation finding.
    parts = {name: data[name] if isinstance(data.get(name), dict) else {} for name in PARTS}
    problems = [*_offer_refs(parts), *_barrier_and_group_refs(parts), *_hours_order(parts)]
    found = [
        Finding(shown, _line(root, loc), rule, Severity.ERROR, *msg.pair(lang)) for loc, rule, msg in problems
    ]
    found += [
        Finding(shown, _line(root, loc), rule, Severity.WARNING, *msg.pair(lang))
        for loc, rule, msg in _channel_names(parts)
    ]
    return found


def load_catalogue(file: Path, shown: str, lang: str = "nl") -> tuple[Catalogue | None, list[Finding]]:
    """Read and validate the catalogue. Every problem is reported at its own line in the data file."""
    if not file.is_file():
        return None, [Finding(shown, None, "help.catalogue", Severity.ERROR, *message(lang, "cat_missing"))]
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, [Finding(shown, None, "file.encoding", Severity.ERROR, *message(lang, "file_encoding"))]
    try:
        data, root = load_yaml_node(text)
    except yaml.YAMLError as exc:
        line0 = yaml_error_line(exc, text)
        line = line0 + 1 if line0 is not None else None
        problem = getattr(exc, "problem", None) or "?"
        return None, [
            Finding(
                shown, line, "help.catalogue", Severity.ERROR, *message(lang, "cat_yaml", problem=problem)
            )
        ]
    if not isinstance(data, dict) or not isinstance(data.get("offers"), dict):
        return None, [Finding(shown, 1, "help.catalogue", Severity.ERROR, *message(lang, "cat_shape"))]
    model, errors = build_model(data)
    texts, entries = _source_lines(root)
    catalogue = Catalogue(shown, model, [str(k) for k in data["offers"]], not errors, texts, entries)
    findings = _pydantic_findings(errors, root, shown, lang)
    findings.extend(cross_check(data, root, shown, lang))
    # One problem can trip both checks; report each message once.
    unique = {(f.line, f.rule, f.message): f for f in findings}
    return catalogue, sorted(unique.values(), key=lambda f: (f.line or 0, f.rule))


__all__ = ["Catalogue", "build_model", "load_catalogue"]
