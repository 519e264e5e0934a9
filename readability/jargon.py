"""Officialese ("ambtelijke taal") with plain alternatives: the word lists and the matcher.

The lists are YAML files an editor can read and change (`data/jargon-nl.yml`, `data/jargon-en.yml`). An entry:

```yaml
- term: dienen te              # what the editor sees in the message
  level: warning               # warning (plain-language guides agree) or tip (a known word, a plainer one exists)
  source: ambtelijk            # why it is listed (a short note; the list's header explains the values)
  forms: [dient ... te, diende ... te, dienden ... te]   # more ways to write it (optional)
  alternatives: [moeten]       # what to write instead
  note: Schrijf "moet" of "moeten".   # optional extra advice
  unless_after: [maar]         # optional: not officialese after these words ("maar dan wel")
  swap: false                  # optional: the first alternative cannot simply replace the term
```

A pattern is a sequence of words, matched case-insensitively on whole words (so "conform" is not found inside
"conformiteit"). Two extras cover Dutch inflection without a morphology engine:

- `verstrek*` matches every word that starts with "verstrek" (verstrekt, verstrekte, verstrekken);
- `...` matches up to six words in between, for verbs that split around their object:
  "U dient het formulier te ondertekenen" is found by `dient ... te`. The words in between stay in one
  clause: no comma and no word that starts a new clause ("alvorens", "omdat", "dat"), so "dienen te worden
  voldaan alvorens uw aanvraag in behandeling ..." is "dienen te" and "alvorens", never "dienen ... in". A
  particle followed by "te" belongs to the next verb ("dient het formulier in te leveren" is not "dient ...
  in").

Each entry has a level: "warning" where plain-language guides agree the word is officialese, "tip" where most
readers know it and a plainer word exists. `site_word_list` returns the entries at the levels asked for, so
Helder reports warnings under `words.jargon` and tips under their own rule. A match carries `replacement`:
the first alternative when it can stand in the term's place as is (the term itself matched, without words in
between, and the entry has no note asking the editor to rewrite), for a later `helder fix`.

Matching is on the sentence's words, not on raw text: code, URLs and Markdown are already gone, and two words
only match as a phrase when no comma or other clause mark separates them. Entries are indexed by their first
word, so a list of hundreds of entries costs a dictionary lookup per word, not a regex per entry.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from .analysis import Sentence
from .errors import WordListError
from .languages import SUPPORTED_LANGUAGES, check_language


def _words(text: str) -> frozenset[str]:
    """A word list written as one string (easier to read and edit than a list of quoted words)."""
    return frozenset(text.split())


#: libyaml's loader when PyYAML was built with it: the built-in lists load in ~10 ms instead of ~60 ms.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: How many words `...` may skip.
GAP_WORDS = 6
_ENTRY_KEYS = {"term", "forms", "alternatives", "note", "level", "source", "unless_after", "swap"}
#: The levels an entry can have, most serious first.
LEVELS = ("warning", "tip")
#: Words that start a new clause: a "..." gap never crosses them.
GAP_STOPS = _words(
    """
    alvorens voordat omdat dat als wanneer indien nadat zodat terwijl want maar doordat waardoor tenzij
    hoewel zodra totdat die welke which that because when if before after while unless
    """
)
#: Separable particles: followed by "te" they belong to the next verb ("in te leveren").
PARTICLES = _words("in aan op uit af toe mee over door terug bij")


@dataclass(frozen=True)
class JargonEntry:
    term: str
    alternatives: tuple[str, ...]
    note: str = ""
    #: Every pattern that finds this entry (the term itself included).
    forms: tuple[str, ...] = ()
    #: "warning" or "tip" (see `LEVELS`).
    level: str = "warning"
    #: Why the word is listed: a short note ("ambtelijk", "leenwoord", "wet").
    source: str = ""
    #: Not officialese right after these words ("maar dan wel").
    unless_after: tuple[str, ...] = ()
    #: False when the first alternative cannot simply stand in the term's place.
    swap: bool = True

    @property
    def key(self) -> str:
        return normalize_term(self.term)


class JargonMatch(NamedTuple):
    entry: JargonEntry
    #: The words as the editor wrote them; words skipped by "..." are shown as " … " ("Dient … te").
    found: str
    #: Offset in `Sentence.text`.
    start: int
    end: int
    #: What may replace `found` as is ("Indien" → "Als"), or None when the sentence needs rewriting.
    replacement: str | None = None

    @property
    def level(self) -> str:
        return self.entry.level


def replacement_for(entry: JargonEntry, found: str, gapped: bool) -> str | None:
    """The first alternative, when it can replace `found` without touching the rest of the sentence.

    Not when words were skipped ("dient … te"), when a form matched ("verstrekt": "geven" would need
    inflecting), when the entry has a note (it asks for a rewrite) or says `swap: false`, or when the
    alternative has a gap ("die ... is"). The capital of a sentence start is kept: "Indien" → "Als".
    """
    if gapped or not entry.swap or entry.note or not entry.alternatives:
        return None
    if normalize_term(found) != entry.key:
        return None
    alternative = entry.alternatives[0]
    if "..." in alternative or "…" in alternative:
        return None
    return alternative[:1].upper() + alternative[1:] if found[:1].isupper() else alternative


def normalize_term(term: str) -> str:
    return " ".join(term.lower().split())


class _Pattern(NamedTuple):
    entry: JargonEntry
    #: ("word", "conform"), ("prefix", "verstrek") or ("gap", "")
    elements: tuple[tuple[str, str], ...]


def _compile(pattern: str, entry: JargonEntry, source: str) -> _Pattern:
    elements: list[tuple[str, str]] = []
    for part in pattern.lower().split():
        if part in ("...", "…"):
            if not elements or elements[-1][0] == "gap":
                raise WordListError(
                    source, f"{entry.term!r}: '...' must stand between two words in {pattern!r}"
                )
            elements.append(("gap", ""))
        elif part.endswith("*") and len(part) > 1:
            elements.append(("prefix", part[:-1]))
        else:
            elements.append(("word", part))
    if not elements or elements[-1][0] == "gap":
        raise WordListError(source, f"{entry.term!r}: pattern {pattern!r} must end with a word")
    return _Pattern(entry, tuple(elements))


def _element_matches(element: tuple[str, str], word: str) -> bool:
    kind, value = element
    return word == value if kind == "word" else word.startswith(value)


class WordList:
    """A set of jargon entries, ready to match sentences."""

    def __init__(self, entries: Iterable[JargonEntry], source: str = "<list>") -> None:
        self._entries: dict[str, JargonEntry] = {}
        for entry in entries:
            self._entries[entry.key] = entry  # a later entry with the same term replaces the earlier one
        self._exact: dict[str, list[_Pattern]] = {}
        self._prefix: dict[int, dict[str, list[_Pattern]]] = {}
        for entry in self._entries.values():
            for form in dict.fromkeys((entry.term, *entry.forms)):
                pattern = _compile(form, entry, source)
                kind, value = pattern.elements[0]
                if kind == "word":
                    self._exact.setdefault(value, []).append(pattern)
                else:
                    self._prefix.setdefault(len(value), {}).setdefault(value, []).append(pattern)
        self._prefix_lengths = sorted(self._prefix)
        #: Candidates per word, memoised: a site's vocabulary repeats, and most words have none.
        self._memo: dict[str, tuple[_Pattern, ...]] = {}

    @property
    def entries(self) -> list[JargonEntry]:
        return list(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and normalize_term(term) in self._entries

    def at_levels(self, levels: Iterable[str]) -> WordList:
        """A copy with only the entries at `levels` ("warning", "tip")."""
        wanted = set(levels)
        return WordList(e for e in self._entries.values() if e.level in wanted)

    def without(self, terms: Iterable[str]) -> WordList:
        """A copy without the entries named in `terms` (a site's `jargon_remove`)."""
        drop = {normalize_term(t) for t in terms}
        return WordList((e for k, e in self._entries.items() if k not in drop))

    def plus(self, entries: Iterable[JargonEntry]) -> WordList:
        """A copy with `entries` added; a site's entry replaces a built-in one with the same term."""
        return WordList([*self._entries.values(), *entries])

    def _candidates(self, word: str) -> tuple[_Pattern, ...]:
        found = self._memo.get(word)
        if found is not None:
            return found
        patterns = list(self._exact.get(word, ()))
        for length in self._prefix_lengths:
            if length > len(word):
                break
            patterns.extend(self._prefix[length].get(word[:length], ()))
        found = self._memo[word] = tuple(patterns)
        if len(self._memo) > 200_000:  # bounded: a long `mkdocs serve` session must not grow without end
            self._memo.clear()
        return found

    def _match_at(self, sentence: Sentence, index: int, pattern: _Pattern) -> list[int] | None:
        """Indices of the words that matched `pattern` from word `index` (gaps left out), or None."""
        words = sentence.words
        matched = [index]
        elements = pattern.elements
        step = 1
        while step < len(elements):
            element = elements[step]
            if element[0] == "gap":
                target = elements[step + 1]
                final = step + 2 == len(elements)
                for after in range(matched[-1] + 1, min(matched[-1] + 2 + GAP_WORDS, len(words))):
                    if after in sentence.marks:
                        return None  # the gap would cross a comma: another clause
                    lower = words[after].lower
                    if _element_matches(target, lower):
                        if (
                            final
                            and target[1] in PARTICLES
                            and after + 1 < len(words)
                            and words[after + 1].lower == "te"
                        ):
                            continue  # "in te leveren": the particle of the next verb
                        matched.append(after)
                        break
                    if lower in GAP_STOPS:
                        return None  # the gap would cross into a new clause
                else:
                    return None
                step += 2
                continue
            after = matched[-1] + 1
            if (
                after >= len(words)
                or after in sentence.marks
                or not _element_matches(element, words[after].lower)
            ):
                return None
            matched.append(after)
            step += 1
        return matched

    def find(self, sentence: Sentence) -> list[JargonMatch]:
        """Every entry found in the sentence, left to right, the longest match first, never overlapping."""
        matches: list[JargonMatch] = []
        words = sentence.words
        text = sentence.text
        count = len(words)
        marks = sentence.marks
        memo = self._memo
        index = 0
        while index < count:
            # The memo inline: this loop runs for every word of every page, and most words have no entry.
            lower = words[index].lower
            candidates = memo.get(lower)
            if candidates is None:
                candidates = self._candidates(lower)
            if not candidates:
                index += 1
                continue
            # Most candidates fail on the second word ("in" starts twenty phrases): test it inline first.
            following = words[index + 1].lower if index + 1 < count and (index + 1) not in marks else None
            best: tuple[list[int], _Pattern] | None = None
            previous = words[index - 1].lower if index > 0 and index not in marks else None
            for pattern in candidates:
                if previous is not None and previous in pattern.entry.unless_after:
                    continue
                if len(pattern.elements) > 1:
                    kind, value = pattern.elements[1]
                    if kind == "word" and value != following:
                        continue
                    if kind == "prefix" and (following is None or not following.startswith(value)):
                        continue
                matched = self._match_at(sentence, index, pattern)
                if matched is not None and (best is None or matched[-1] > best[0][-1]):
                    best = (matched, pattern)
            if best is None:
                index += 1
                continue
            matched, pattern = best
            # Quote what matched; the words skipped by "..." become " … " ("dient … te").
            pieces: list[str] = []
            run_start = matched[0]
            for position, current in enumerate(matched):
                if position + 1 == len(matched) or matched[position + 1] != current + 1:
                    pieces.append(text[words[run_start].start : words[current].end])
                    if position + 1 < len(matched):
                        run_start = matched[position + 1]
            start, end = words[matched[0]].start, words[matched[-1]].end
            found = " … ".join(pieces)
            gapped = len(pieces) > 1
            matches.append(
                JargonMatch(pattern.entry, found, start, end, replacement_for(pattern.entry, found, gapped))
            )
            index = matched[-1] + 1
        return matches


# --- loading -----------------------------------------------------------------------------------------------


def _strings(value: Any, what: str, term: str, source: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise WordListError(source, f"{term!r}: {what} must be a list of words")
    return tuple(v.strip() for v in value)


def entries_from_data(data: Any, source: str) -> list[JargonEntry]:
    """Entries from parsed YAML (a list of mappings); `WordListError` says which entry is wrong and why."""
    if data is None:
        return []
    if not isinstance(data, list):
        raise WordListError(source, "expected a list of entries (- term: ..., alternatives: [...])")
    entries: list[JargonEntry] = []
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise WordListError(source, f"entry {number} is not a mapping with term and alternatives")
        term = item.get("term")
        if not isinstance(term, str) or not term.strip():
            raise WordListError(source, f"entry {number} has no term")
        unknown = set(item) - _ENTRY_KEYS
        if unknown:
            raise WordListError(source, f"{term!r}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
        note = item.get("note") or ""
        if not isinstance(note, str):
            raise WordListError(source, f"{term!r}: note must be text")
        alternatives = _strings(item.get("alternatives"), "alternatives", term, source)
        if not alternatives and not note:
            raise WordListError(
                source, f"{term!r}: give alternatives or a note, so the editor knows what to do"
            )
        level = item.get("level", "warning")
        if level not in LEVELS:
            raise WordListError(source, f"{term!r}: level must be {' or '.join(LEVELS)}, not {level!r}")
        note_source = item.get("source") or ""
        if not isinstance(note_source, str):
            raise WordListError(source, f"{term!r}: source must be text")
        swap = item.get("swap", True)
        if not isinstance(swap, bool):
            raise WordListError(source, f"{term!r}: swap must be true or false")
        entry = JargonEntry(
            term.strip(),
            alternatives,
            note.strip(),
            _strings(item.get("forms"), "forms", term, source),
            level,
            note_source.strip(),
            tuple(w.lower() for w in _strings(item.get("unless_after"), "unless_after", term, source)),
            swap,
        )
        for form in (entry.term, *entry.forms):
            _compile(form, entry, source)  # fail on a bad pattern at load time, not on the first page
        entries.append(entry)
    return entries


def read_yaml(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_LOADER)  # noqa: S506 - a safe loader
    except OSError as exc:
        raise WordListError(str(path), exc.strerror or str(exc)) from exc
    except yaml.YAMLError as exc:
        raise WordListError(str(path), f"not valid YAML ({exc})") from exc
    except UnicodeDecodeError as exc:
        raise WordListError(str(path), "not saved as UTF-8") from exc


def entries_by_language(data: Any, source: str) -> dict[str, list[JargonEntry]]:
    """A site's list: a plain list (Dutch) or a mapping {nl: [...], en: [...]}."""
    if isinstance(data, Mapping):
        result: dict[str, list[JargonEntry]] = {}
        for lang, items in data.items():
            if lang in _ENTRY_KEYS:
                raise WordListError(source, "expected a list of entries (- term: ..., alternatives: [...])")
            try:
                code = check_language(lang)
            except Exception as exc:  # noqa: BLE001 - report it as a word list problem with the file name
                raise WordListError(
                    source, f"unknown language {lang!r}; use {', '.join(SUPPORTED_LANGUAGES)}"
                ) from exc
            result[code] = entries_from_data(items, source)
        return result
    return {"nl": entries_from_data(data, source)}


@cache
def builtin_word_list(lang: str) -> WordList:
    """Helder's own list for a language (loaded once per process)."""
    lang = check_language(lang)
    name = f"jargon-{lang}.yml"
    text = importlib.resources.files(__package__).joinpath("data", name).read_text(encoding="utf-8")
    return WordList(entries_from_data(yaml.load(text, Loader=_LOADER), name), name)  # noqa: S506 - safe loader


@cache
def _site_entries(path: str, mtime_ns: int, size: int) -> dict[str, list[JargonEntry]]:
    return entries_by_language(read_yaml(Path(path)), path)


def site_word_list(
    lang: str,
    extra: str | Path | None = None,
    remove: Iterable[str] = (),
    levels: Iterable[str] = ("warning",),
) -> WordList:
    """The built-in list plus a site's extra file, minus the terms a site removes, at the given levels.

    By default only the warnings: that is the list `words.jargon` reports. A site's own entries are warnings
    unless they say `level: tip`.

    The extra file is re-read when it changes (by modification time), so `mkdocs serve` picks up edits; the
    combined list is cached, because building it for every page would cost more than matching.
    """
    lang = check_language(lang)
    stamp: tuple[str, int, int] | None = None
    if extra:
        path = Path(extra)
        try:
            stat = path.stat()
        except OSError as exc:
            raise WordListError(str(path), exc.strerror or "cannot read the file") from exc
        stamp = (str(path), stat.st_mtime_ns, stat.st_size)
    return _combined(
        lang, stamp, tuple(sorted({normalize_term(t) for t in remove})), tuple(sorted(set(levels)))
    )


@cache
def _combined(
    lang: str, stamp: tuple[str, int, int] | None, remove: tuple[str, ...], levels: tuple[str, ...]
) -> WordList:
    words = builtin_word_list(lang)
    if stamp is not None:
        added = _site_entries(*stamp).get(lang, [])
        if added:
            words = words.plus(added)
    if remove:
        words = words.without(remove)
    if set(levels) != set(LEVELS):
        words = words.at_levels(levels)
    return words


def unknown_terms(terms: Iterable[str], extra: str | Path | None = None) -> list[str]:
    """Terms in a site's `jargon_remove` that are in no list at all: almost always a typo worth reporting."""
    known: set[str] = set()
    for lang in SUPPORTED_LANGUAGES:
        known.update(e.key for e in site_word_list(lang, extra, levels=LEVELS).entries)
    return [t for t in terms if normalize_term(t) not in known]
