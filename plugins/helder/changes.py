"""`helder check --changed-since REF`: report only on what changed since a git version (a pull request).

A pull request should hear about the pages it touches, not about every old problem on the site. So:

- the changed files are those that differ between REF and the working tree (where REF and HEAD split off,
  so a branch is compared with where it started), plus files git does not track yet (a new page);
- only findings in those files are reported (a change to `data/hulp.yml` reports the catalogue's findings);
- with `--format github`, only findings on a changed line, or about the whole file, become annotations: a
  pull request shows them next to the lines it changed.

`parse_diff` and `keep` are pure; `changed_since` asks git.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import click

from .findings import Finding
from .messages import message

#: `@@ -12,3 +14,5 @@`: the new file's first changed line and how many lines (1 when left out).
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


class ChangesError(Exception):
    """Git could not say what changed; `texts` is the Dutch (message, fix) pair."""

    def __init__(self, texts: tuple[str, str]) -> None:
        super().__init__(" ".join(part for part in texts if part))
        self.texts = texts


@dataclass
class Changes:
    """Changed files (absolute paths) with their changed line ranges in the new file (first, last)."""

    files: dict[Path, list[tuple[int, int]]] = field(default_factory=dict)

    def has_file(self, path: Path) -> bool:
        return path in self.files

    def has_line(self, path: Path, line: int) -> bool:
        return any(first <= line <= last for first, last in self.files.get(path, ()))


def _unquote(path: str) -> str:
    """Git quotes a path with a quote, a backslash or a control character in it: `"content/a\\"b.md"`."""
    if path.startswith('"') and path.endswith('"'):
        raw = path[1:-1].encode("utf-8").decode("unicode_escape").encode("latin-1")
        return raw.decode("utf-8", errors="replace")
    return path


def parse_diff(diff: str) -> dict[str, list[tuple[int, int]]]:
    """Changed files and line ranges (in the new file) from `git diff --unified=0` output.

    A deleted file is not listed (there is nothing left to check); a renamed file is, with its own changes.
    """
    files: dict[str, list[tuple[int, int]]] = {}
    current: str | None = None
    for line in diff.splitlines():
        if line.startswith("diff --git "):
            current = None
        elif line.startswith("+++ "):
            target = _unquote(line[4:].rstrip("\t"))
            current = None if target == "/dev/null" else target.removeprefix("b/")
            if current is not None:
                files.setdefault(current, [])
        elif line.startswith("rename to "):
            files.setdefault(_unquote(line[len("rename to ") :]), [])
        elif current is not None:
            hunk = _HUNK.match(line)
            if hunk:
                first, count = int(hunk.group(1)), int(hunk.group(2) or "1")
                if count:
                    files[current].append((first, first + count - 1))
    return files


def _git(args: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=cwd,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            check=False,
        )
    except OSError as exc:
        raise ChangesError(message("nl", "chg_no_git", error=exc.strerror or exc)) from exc
    if done.returncode != 0:
        raise subprocess.CalledProcessError(done.returncode, ["git", *args], done.stdout, done.stderr)
    return done.stdout


def changed_since(ref: str, folder: Path) -> Changes:
    """What changed in the git repository holding `folder` since `ref` (up to the working tree)."""
    try:
        top = Path(_git(["rev-parse", "--show-toplevel"], folder).strip())
    except subprocess.CalledProcessError as exc:
        raise ChangesError(message("nl", "chg_not_repo", folder=folder)) from exc
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top)
    except subprocess.CalledProcessError as exc:
        raise ChangesError(message("nl", "chg_bad_ref", ref=ref)) from exc
    try:  # a branch is compared with where it left REF, not with what happened on REF since
        base = _git(["merge-base", ref, "HEAD"], top).strip() or ref
    except subprocess.CalledProcessError:
        base = ref
    diff = _git(
        ["-c", "core.quotepath=off", "diff", "--unified=0", "--no-color", "--no-ext-diff", "-M", base, "--"],
        top,
    )
    files = {top / name: ranges for name, ranges in parse_diff(diff).items()}
    untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], top)
    for name in filter(None, untracked.split("\0")):
        path = top / name
        if path.is_file():
            count = len(path.read_text(encoding="utf-8", errors="replace").splitlines())
            files[path] = [(1, max(count, 1))]
    return Changes({path.resolve(): ranges for path, ranges in files.items()})


def keep(findings: Iterable[Finding], changes: Changes, root: Path, *, lines: bool) -> list[Finding]:
    """The findings in changed files (`lines`: and on a changed line, or about the whole file).

    Finding paths are relative to the site's root (`root`), as given on the command line, or absolute.
    """
    kept = []
    for finding in findings:
        path = root / finding.path
        path = (path if path.exists() else Path(finding.path)).resolve()
        if not changes.has_file(path):
            continue
        if lines and finding.line is not None and not changes.has_line(path, finding.line):
            continue
        kept.append(finding)
    return kept


#: The `helder check` option, declared here so the command needs one line for it.
option = click.option(
    "--changed-since",
    "changed_since",
    metavar="REF",
    help="cli_help_changed_since",
)


def only_changed(findings: list[Finding], ref: str, root: Path, fmt: str) -> list[Finding]:
    """For `helder check`: the findings to report, or a Dutch message and exit code 2 when git cannot say."""
    try:
        changes = changed_since(ref, root)
    except ChangesError as error:
        text, fix = error.texts
        click.echo(f"helder: {text} {fix}", err=True)
        sys.exit(2)
    return keep(findings, changes, root, lines=fmt == "github")
