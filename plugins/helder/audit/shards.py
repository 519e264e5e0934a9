"""The accessibility gate over several CI machines: each checks one shard of the pages, one merge says the rest.

`helder audit --shard K/N` checks the pages whose URL hash falls in shard K of N (stable: a page stays in its
shard however the site grows) and writes a partial result, `shard-K-of-N.json`. `helder audit merge RESULT...`
reads all N partial results and makes the one report (`audit.json`, `audit.html`: the statement's input) and
the one exit code, exactly as one run over the whole site would.

The merge fails closed: a shard that is missing or given twice, a file that is no partial result, and shards
made with other settings (standard, viewports, ignores, levels, tool versions) or from another build of the
site are each a clear message and exit code 2, never a report that silently covers part of the site.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..files import write_atomic
from ..findings import Finding, Severity, sort_key
from ..messages import MessageError, Msg
from .cache import file_hash
from .report import report_data
from .result import AuditResult, AuditSummary, IgnoredResult, PageResult, PageStatus

#: Bump when the partial result's shape changes.
SHARD_FORMAT = 1
_SPEC = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")
#: Keys of a report finding that are the finding itself; the others are its details.
_FINDING_KEYS = ("path", "line", "rule", "severity", "message", "suggestion", "replacement")


class ShardError(MessageError):
    """Something that makes a merge (or a shard run) impossible; exit code 2."""


@dataclass(frozen=True)
class Shard:
    index: int  # 1-based
    count: int

    @property
    def file_name(self) -> str:
        return f"shard-{self.index}-of-{self.count}.json"

    def holds(self, url: str) -> bool:
        """Whether this shard checks the page at `url`: by a hash of the URL, so it never moves."""
        number = int.from_bytes(hashlib.sha256(url.encode("utf-8")).digest()[:8], "big")
        return number % self.count == self.index - 1


def parse_shard(value: str) -> Shard:
    """`2/4` -> Shard(2, 4); anything else raises ShardError."""
    found = _SPEC.fullmatch(value or "")
    if found:
        index, total = int(found.group(1)), int(found.group(2))
        if 1 <= index <= total:
            return Shard(index, total)
    raise ShardError(Msg("shard_bad_spec", value=value))


def site_digest(site_dir: Path) -> str:
    """One hash over every file of the built site (names and contents): two shards of one build agree."""
    digest = hashlib.sha256()
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        digest.update(path.relative_to(site_dir).as_posix().encode("utf-8") + b"\0")
        digest.update(file_hash(path).encode("ascii") + b"\n")
    return digest.hexdigest()


def settings_digest(
    result: AuditResult, *, ignores: Sequence[Any], levels: Mapping[str, str], lang: str
) -> str:
    """Everything besides the pages that decides the result: the test settings and tool versions, the
    ignores, the site's levels and the language of the messages."""
    payload = {"settings": result.settings, "ignores": list(ignores), "levels": dict(levels), "lang": lang}
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode("utf-8")).hexdigest()


def write_shard(
    result: AuditResult, shard: Shard, report_dir: Path, *, site: str, settings: str, lang: str
) -> Path:
    """The partial result of one shard, beside where the merged report will be."""
    data = report_data(result, lang=lang)
    data.update({"shard": {"index": shard.index, "count": shard.count, "format": SHARD_FORMAT}, "site": site})
    data["shard_settings"] = settings
    path = report_dir / shard.file_name
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    return path


def _load(file: Path) -> dict[str, Any]:
    try:
        with open(file, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError:
        raise ShardError(Msg("shard_unreadable", file=file)) from None
    except ValueError:
        raise ShardError(Msg("shard_not_partial", file=file)) from None
    shard = data.get("shard") if isinstance(data, dict) else None
    if not isinstance(shard, dict) or shard.get("format") != SHARD_FORMAT:
        raise ShardError(Msg("shard_not_partial", file=file))
    return data


def check_complete(parts: Sequence[tuple[Path, dict[str, Any]]]) -> None:
    """Exactly shards 1..N, of one build, made with one set of settings."""
    first_file, first = parts[0]
    count = first["shard"]["count"]
    seen: dict[int, Path] = {}
    for file, data in parts:
        index = data["shard"]["index"]
        if data["shard"]["count"] != count:
            raise ShardError(
                Msg("shard_other_count", file=file, count=data["shard"]["count"], expected=count)
            )
        if index in seen:
            raise ShardError(Msg("shard_twice", index=index, count=count, file=file, other=seen[index]))
        seen[index] = file
        if data.get("shard_settings") != first.get("shard_settings"):
            raise ShardError(Msg("shard_other_settings", file=file, other=first_file))
        if data.get("site") != first.get("site"):
            raise ShardError(Msg("shard_other_site", file=file, other=first_file))
    missing = [str(i) for i in range(1, count + 1) if i not in seen]
    if missing:
        raise ShardError(Msg("shard_missing", missing=", ".join(missing), count=count))


def _finding(item: Mapping[str, Any]) -> Finding:
    details = {key: value for key, value in item.items() if key not in _FINDING_KEYS}
    return Finding(
        str(item["path"]),
        item.get("line"),
        str(item["rule"]),
        Severity(item["severity"]),
        str(item["message"]),
        str(item.get("suggestion", "")),
        item.get("replacement"),
        data=details or None,
    )


def merge(files: Sequence[Path]) -> tuple[AuditResult, str]:
    """The one result of all shards, and the language they were made in. Raises ShardError."""
    parts = [(file, _load(file)) for file in files]
    if not parts:
        raise ShardError(Msg("shard_missing", missing="1", count=1))
    check_complete(parts)
    result = AuditResult(settings=parts[0][1].get("settings") or {})
    summary = AuditSummary()
    for file, data in parts:
        try:
            _add(result, summary, data)
        except (KeyError, TypeError, ValueError):
            raise ShardError(Msg("shard_not_partial", file=file)) from None
    result.summary = summary
    result.pages.sort(key=lambda page: page.url)
    result.ignored.sort(key=lambda item: item.url)  # stable: a page's own order stays
    result.findings.sort(
        key=lambda f: (sort_key(f), (f.data or {}).get("url", ""), (f.data or {}).get("selector", ""))
    )
    result.count()
    return result, str(parts[0][1].get("lang") or "nl")


def _add(result: AuditResult, summary: AuditSummary, data: Mapping[str, Any]) -> None:
    """One shard's findings, ignored results, pages and counts into the merged result."""
    if data.get("gate_error"):
        index, count = data["shard"]["index"], data["shard"]["count"]
        result.gate_error = Msg("shard_gate_error", index=index, count=count, error=data["gate_error"])
    result.findings.extend(_finding(item) for item in data["findings"])
    result.ignored.extend(IgnoredResult(**item) for item in data["ignored"])
    result.pages.extend(
        PageResult(
            page["url"],
            page["path"],
            PageStatus(page["status"]),
            {name: PageStatus(value) for name, value in page["viewports"].items()},
        )
        for page in data["pages"]
    )
    merge_review(result.review, data.get("review") or [])
    part = data["summary"]
    for name in ("pages", "jobs", "from_cache", "tested", "retried"):
        setattr(summary, name, getattr(summary, name) + int(part[name]))
    summary.viewports = max(summary.viewports, int(part["viewports"]))
    summary.seconds = max(summary.seconds, float(part["seconds"]))


def merge_review(queue: list[dict[str, Any]], more: Sequence[Mapping[str, Any]]) -> None:
    """Add one shard's "needs review" queue to `queue`, grouped as the gate groups it: by rule, then by element
    (selector and HTML), with the counts added up. The example pages stay capped at 20 per element, so for an
    element on more pages the examples may differ from one run over the whole site; the count does not."""
    by_rule = {group["rule"]: group for group in queue}
    for group in more:
        mine = by_rule.get(group["rule"])
        if mine is None:
            mine = by_rule[group["rule"]] = {**group, "items": []}
            queue.append(mine)
        items = {(item["selector"], item["context"]): item for item in mine["items"]}
        for item in group["items"]:
            known = items.get((item["selector"], item["context"]))
            if known is None:
                items[(item["selector"], item["context"])] = {**item, "pages": list(item["pages"])}
                continue
            known["count"] += item["count"]
            known["pages"] += [page for page in item["pages"] if page not in known["pages"]]
            del known["pages"][20:]
        mine["items"] = sorted(items.values(), key=lambda item: (-item["count"], item["selector"]))
    queue.sort(key=lambda group: group["rule"])
