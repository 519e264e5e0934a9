"""Atomic publishing: `mkdocs build` writes into a new folder beside `site/`, and that folder replaces `site/` only
when the build finished and Helder found no errors.

A build that is refused, crashes or is killed (`kill -9`, a CI time-out) leaves the previous `site/` exactly as
it was, so a deploy step that copies `site/` never publishes half a site or a refused one. A lock file beside
`site/` refuses a second build into the same folder while one runs (two builds writing one folder destroyed
each other's files). The lock is an OS lock (`fcntl.flock`): the kernel lets go of it when the process ends,
however it ends, so a killed build never blocks the next one.

`mkdocs serve` is left alone: it builds into a temporary folder of its own and never touches `site/`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; the build is still atomic, only not locked
    fcntl = None  # type: ignore[assignment]

#: Names of the working folders beside the site folder `site`: `.site.helder-new-…` and `.site.helder-old-…`.
NEW, OLD, LOCK = ".helder-new-", ".helder-old-", ".helder-lock"


class Locked(Exception):
    """Another build is writing the same site folder."""

    def __init__(self, site_dir: Path) -> None:
        super().__init__(str(site_dir))
        self.site_dir = site_dir


@dataclass
class Publication:
    """One build on its way to `site_dir`: the folder it writes into and the lock it holds."""

    site_dir: Path
    work_dir: Path
    lock: IO[str] | None = field(default=None, repr=False)

    def publish(self) -> None:
        """Put the finished build in place of the site: the old site moves aside, then goes."""
        old = self.site_dir.with_name(f".{self.site_dir.name}{OLD}{os.getpid()}")
        if self.site_dir.exists():
            os.replace(self.site_dir, old)
        os.replace(self.work_dir, self.site_dir)
        shutil.rmtree(old, ignore_errors=True)
        self.release()

    def discard(self) -> None:
        """A refused or failed build: its folder goes, the published site stays as it was."""
        shutil.rmtree(self.work_dir, ignore_errors=True)
        self.release()

    def release(self) -> None:
        if self.lock is not None:
            self.lock.close()  # closing the file lets go of the lock
            self.lock = None


def _lock(site_dir: Path) -> IO[str] | None:
    path = site_dir.with_name(f".{site_dir.name}{LOCK}")
    handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held open for the whole build
    if fcntl is None:
        return handle
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise Locked(site_dir) from None
    return handle


def _recover(site_dir: Path) -> None:
    """Left by a build killed earlier (we hold the lock, so no build is running): a site moved aside but not
    replaced is put back; unfinished builds and old sites are removed."""
    for path in sorted(site_dir.parent.glob(f".{site_dir.name}{OLD}*")):
        if not site_dir.exists():
            os.replace(path, site_dir)
        else:
            shutil.rmtree(path, ignore_errors=True)
    for path in site_dir.parent.glob(f".{site_dir.name}{NEW}*"):
        shutil.rmtree(path, ignore_errors=True)


def start(site_dir: Path, *, dirty: bool = False) -> Publication:
    """Lock the site folder and make the folder this build writes into (beside it, so the final move is a
    rename on one disk). A `--dirty` build starts from a copy of the current site."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    lock = _lock(site_dir)
    try:
        _recover(site_dir)
        work_dir = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}{NEW}", dir=site_dir.parent))
        mask = os.umask(0)
        os.umask(mask)
        work_dir.chmod(0o777 & ~mask)  # mkdtemp makes it private; a published site is read by a web server
        if dirty and site_dir.is_dir():
            shutil.copytree(site_dir, work_dir, dirs_exist_ok=True, symlinks=True)
    except BaseException:
        if lock is not None:
            lock.close()
        raise
    return Publication(site_dir, work_dir, lock)
