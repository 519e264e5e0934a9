"""A cache of content-check results, so a rebuild or `helder check` only re-checks the pages that changed.

One entry per page, valid for exactly what was checked. The key covers everything that can change a page's
findings:

- the page's bytes and the path it is shown by (findings name it; relative links start from it);
- the site's settings: every option of the plugin, the help catalogue's offers, the site's own word list file,
  the language of the messages and of the pages;
- Helder itself: its version and a digest of its code and data (a developer's edit to a rule counts too);
- the number of months since the page's `reviewed:` date (the freshness rule reads today's date).

Links to files in the docs folder depend on other files: an entry keeps each file it looked for and whether
it was there, and is only used while that is still so. Site-wide checks (duplicate titles, the catalogue) are
never cached: they run over every page each time.

An entry also keeps what the page's front matter gave (its data, with dates tagged, and the line of each key)
and its headings: a page whose key matches is neither read as YAML nor parsed as Markdown again. The key covers
the page's bytes, so these are only used for the bytes they were read from; data JSON cannot give back exactly
(a NaN, a set) is not stored, and that page is simply read again.

The cache is one JSON file in the project's state folder (`.helder/check-cache.json`), written atomically. A
missing, unreadable or corrupt file is an empty cache, never an error: the pages are simply checked again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Mapping
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

from . import __version__, clock
from .files import write_atomic
from .findings import Finding, Severity
from .source import Heading, SourcePage, page_with_front

#: Bump when the stored format or the meaning of an entry changes.
CACHE_FORMAT = 1
CACHE_FILE = "check-cache.json"

#: Where Helder's code and data live: a change to any of these files is a new Helder.
_PACKAGE = Path(__file__).resolve().parent


@cache
def code_version() -> str:
    """Helder's version plus a digest of its code, messages and data, of the readability engine, and the
    versions of the libraries that read pages and words."""
    from importlib import metadata

    import readability

    digest = hashlib.sha256(__version__.encode("utf-8"))
    for name in ("markdown-it-py", "mdit-py-plugins", "PyYAML", "wordfreq"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(f"{name}={metadata.version(name)}\n".encode())
    roots = (_PACKAGE, Path(readability.__file__).resolve().parent)
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix not in (".pyc", ".html", ".css", ".js", ".cjs"):
                digest.update(path.relative_to(root).as_posix().encode("utf-8"))
                digest.update(path.read_bytes())
    return digest.hexdigest()


def plain(value: Any) -> Any:
    """Settings as JSON-ready data in a stable order (sets sorted, dataclasses and mappings as dicts)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return plain(value.value)
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (set, frozenset)):
        return sorted((plain(item) for item in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _file_digest(path: Path | None) -> str:
    if path is None:
        return ""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "missing"


def settings_key(
    options: Any,
    *,
    help_keys: Iterable[str],
    lang: str,
    default_lang: str,
    word_file: Path | None,
    folders: Iterable[Path] = (),
    generated: Iterable[str] = (),
) -> str:
    """One digest of everything outside a page that its findings depend on."""
    payload = {
        "format": CACHE_FORMAT,
        "helder": code_version(),
        "options": plain(dict(options)) if isinstance(options, Mapping) else plain(options),
        "help_keys": sorted(help_keys),
        "lang": lang,
        "default_lang": default_lang,
        "word_file": _file_digest(word_file),
        "folders": [str(folder) for folder in folders],
        "generated": sorted(generated),
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode("utf-8")).hexdigest()


def page_key(
    settings: str, shown: str, raw: bytes, meta: Mapping[str, Any], today: dt.date | None = None
) -> str:
    """The key of one page: the settings, its name and bytes, and how old its `reviewed:` date is today."""
    from .rules.frontmatter import months_between

    reviewed = meta.get("reviewed")
    age = months_between(reviewed, today or clock.today()) if isinstance(reviewed, dt.date) else None
    digest = hashlib.sha256(f"{settings}\0{shown}\0{age}\0".encode())
    digest.update(raw)
    return digest.hexdigest()


class NotStored(ValueError):
    """A front matter value JSON cannot give back exactly (then the page's front matter is not stored)."""


def encode(value: Any) -> Any:
    """Front matter data as JSON that `decode` turns back into exactly the same values: dates and times
    tagged, mappings as lists of pairs (YAML keys need not be text). Raises `NotStored` for anything else."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise NotStored(repr(value))
        return value
    if isinstance(value, dt.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, list):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return {"map": [[encode(key), encode(item)] for key, item in value.items()]}
    raise NotStored(type(value).__name__)


def decode(value: Any) -> Any:
    """The values `encode` was given (raises on data it did not write: the caller treats that as no entry)."""
    if isinstance(value, list):
        return [decode(item) for item in value]
    if isinstance(value, dict):
        if "map" in value:
            return {decode(key): decode(item) for key, item in value["map"]}
        if "datetime" in value:
            return dt.datetime.fromisoformat(value["datetime"])
        return dt.date.fromisoformat(value["date"])
    return value


def front_of(page: SourcePage) -> dict[str, Any] | None:
    """What a page from the cache needs of its front matter, or None when it cannot be stored exactly."""
    try:
        meta = encode(page.meta)
        if decode(meta) != page.meta:
            return None
        json.dumps(meta, ensure_ascii=False).encode("utf-8")  # what `save` will write (no 5,000-digit number)
    except (NotStored, RecursionError, ValueError, UnicodeError):  # lists in lists, deeper than Python goes
        return None
    return {"meta": meta, "lines": page.meta_lines, "sub_lines": page.sub_lines}


@dataclasses.dataclass
class Entry:
    """What checking a page gave: its rule findings (before ignores and levels), the data rules stored for the
    dashboard, and the files its links point at, with whether each was there."""

    findings: list[Finding]
    data: dict[str, Any]
    files: list[tuple[str, bool]]
    #: The page's headings: the build puts the help under its "Hulp" heading without parsing the page again.
    headings: list[Heading] = dataclasses.field(default_factory=list)
    #: The page's front matter (`front_of`), so a page from the cache is not read as YAML again.
    front: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "findings": [f.to_dict() for f in self.findings],
            "data": self.data,
            "files": [[name, there] for name, there in self.files],
            "headings": [[h.level, h.text, h.line, h.token_index] for h in self.headings],
            "front": self.front,
        }

    def seed(self, page: SourcePage) -> None:
        """Give `page` its headings from the cache (they come from the same bytes)."""
        page.use_headings(self.headings)

    @classmethod
    def from_json(cls, value: Any) -> Entry | None:
        """An entry as stored, or None when it is not what this version writes."""
        try:
            findings = [
                Finding(
                    str(f["path"]),
                    f["line"] if isinstance(f["line"], int) else None,
                    str(f["rule"]),
                    Severity(f["severity"]),
                    str(f["message"]),
                    str(f.get("suggestion", "")),
                    f.get("replacement"),
                    data=f.get("data"),
                )
                for f in value["findings"]
            ]
            files = [(str(name), bool(there)) for name, there in value["files"]]
            headings = [Heading(int(lv), str(tx), int(ln), int(ix)) for lv, tx, ln, ix in value["headings"]]
            data = value["data"]
            front = value.get("front")
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError, RecursionError):
            return None
        if not isinstance(data, dict) or not isinstance(front, (dict, type(None))):
            return None
        return cls(findings, data, files, headings, front)

    def still_valid(self) -> bool:
        """Every linked file is still there (or still missing)."""
        return all(Path(name).is_file() == there for name, there in self.files)


class CheckCache:
    """One entry per page path, read once and written once at the end of a run. `path=None` switches the
    cache off."""

    def __init__(self, path: Path | None, settings: str = "") -> None:
        self.path = path
        self.settings = settings
        self.entries: dict[str, Any] = _read(path) if path is not None else {}
        self.seen: set[str] = set()
        self.hits = 0

    def key(self, shown: str, raw: bytes, meta: Mapping[str, Any]) -> str:
        return page_key(self.settings, shown, raw, meta)

    def get(self, shown: str, key: str) -> Entry | None:
        self.seen.add(shown)
        stored = self.entries.get(shown)
        if not isinstance(stored, dict) or stored.get("key") != key:
            return None
        entry = Entry.from_json(stored)
        if entry is None or not entry.still_valid():
            return None
        self.hits += 1
        return entry

    def page(
        self, shown: str, raw: bytes, *, default_lang: str, lang: str
    ) -> tuple[SourcePage, Entry] | None:
        """The page of these bytes with its entry, its front matter from the cache (no YAML parse);
        None when there is no valid entry for exactly these bytes, settings and day. The key covers the
        bytes, so a stored front matter is only used for the bytes it was read from."""
        stored = self.entries.get(shown)
        front = stored.get("front") if isinstance(stored, dict) else None
        if not isinstance(front, dict):
            return None
        try:
            meta = decode(front["meta"])
            lines = {str(name): int(line) for name, line in front["lines"].items()}
            sub_lines = {
                str(name): {str(sub): int(line) for sub, line in subs.items()}
                for name, subs in front["sub_lines"].items()
            }
            text = raw.decode("utf-8")
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError, RecursionError):
            return None
        if not isinstance(meta, dict):
            return None
        page = page_with_front(text, shown, (meta, lines, sub_lines), default_lang=default_lang, lang=lang)
        if page is None:
            return None
        entry = self.get(shown, self.key(shown, raw, page.meta))
        return (page, entry) if entry is not None else None

    def put(self, shown: str, key: str, entry: Entry) -> None:
        self.seen.add(shown)
        self.entries[shown] = {"key": key, **entry.to_json()}

    def forget(self, shown: str) -> None:
        """A page whose result must not be kept (a rule crashed on it)."""
        self.entries.pop(shown, None)

    def save(self, *, whole_site: bool = False) -> None:
        """Write the entries. After a run over the whole site, pages that are gone leave no entry behind. A
        disk that is full or read-only costs a full check next time, nothing more."""
        if self.path is None:
            return
        entries = {k: v for k, v in self.entries.items() if k in self.seen} if whole_site else self.entries
        data = {"format": CACHE_FORMAT, "entries": entries}
        with contextlib.suppress(OSError):
            write_atomic(self.path, json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str))


def _read(path: Path) -> dict[str, Any]:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError, RecursionError):
        return {}
    if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
        return {}
    entries = data.get("entries")
    return entries if isinstance(entries, dict) else {}
