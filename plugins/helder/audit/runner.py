"""Run pa11y-ci as a subprocess: find the tools, write its config, start it, read its JSON report.

This is the thin layer between Python and Node (like pa11y-ci's own bin/lib split): it knows pa11y-ci's
config format, exit codes and report shape, and nothing about Markdown, findings or caching. Anything that
stops it from producing a trustworthy report raises `GateError` with a catalogue message that says what to
install or change.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..messages import MessageError, Msg

#: Chromium flags. As root Chromium refuses to start without --no-sandbox; the others stop it from calling
#: Google services (this network refuses them, and a government audit should not phone home either) and from
#: running out of the small /dev/shm in containers.
CHROMIUM_ARGS = [
    "--disable-dev-shm-usage",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

#: Query parameter that makes each (page, viewport) a distinct URL: pa11y-ci keys its report by URL, so the
#: same URL tested at two sizes would overwrite itself.
VIEWPORT_PARAM = "helder-viewport"

#: A pa11y-ci reporter that prints one line per started and finished page on stderr, for the progress bar and
#: the stall watchdog. Written to a temp dir at run time so it needs no package data.
_PROGRESS_REPORTER = r"""'use strict';
const out = (event, url, extra) => process.stderr.write(
  'helder-progress ' + JSON.stringify(Object.assign({event, url}, extra || {})) + '\n');
// If the Python side dies (build killed, CI cancelled), stop too: exiting runs Puppeteer's exit handler,
// which kills Chromium. Without this an orphaned Chromium keeps running.
const parent = process.ppid;
setInterval(() => { if (process.ppid !== parent) process.exit(3); }, 1000).unref();
module.exports = () => ({
  begin(url) { out('begin', url); },
  results(results) { out('done', results.pageUrl, {issues: results.issues.length}); },
  error(error, url) { out('error', url, {message: String(error && error.message)}); }
});
"""


class GateError(MessageError):
    """The gate could not run. Carries a catalogue message that says what to install or change."""


@dataclass(frozen=True)
class Tools:
    """The programs the gate needs, found and checked before anything runs."""

    node: Path
    pa11y_ci: Path
    node_modules: Path
    browser: Path
    versions: Mapping[str, str] = field(default_factory=dict)


class _FrozenDict(dict):  # type: ignore[type-arg]
    """A viewport that can be part of a hashable Job (jobs are dict keys everywhere)."""

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(tuple(sorted(self.items())))


@dataclass(frozen=True)
class Job:
    """One page at one viewport: the unit pa11y-ci tests."""

    url_path: str
    viewport: Mapping[str, Any]

    def __post_init__(self) -> None:
        if not isinstance(self.viewport, _FrozenDict):
            object.__setattr__(self, "viewport", _FrozenDict(self.viewport))

    @property
    def viewport_name(self) -> str:
        return str(self.viewport["name"])

    @property
    def request_path(self) -> str:
        return f"{self.url_path}?{VIEWPORT_PARAM}={self.viewport_name}"


class Companion(Protocol):
    """A program that works in the Chromium of a pa11y-ci run, beside it (Helder's browser checks, attached)."""

    @property
    def profile(self) -> Path | None:
        """Chromium's profile folder, where the program finds Chromium's DevTools address."""

    @property
    def pa11y_runners(self) -> list[str]:
        """Runners to add to pa11y-ci's list, after the engines (they hand the page over)."""

    @property
    def page_extra_s(self) -> float:
        """What the program may add to one page (for the time limits)."""

    def failed(self) -> Msg | None:
        """Why the program failed while pa11y-ci runs (None while all is well): pa11y-ci is then stopped,
        because its pages would wait for the program in vain."""


@dataclass
class RunOutput:
    """pa11y-ci's report, keyed back to jobs. `issues[job]` is a list of issues, or absent when not tested;
    `errors[job]` says why a page was not tested (pa11y's own message)."""

    issues: dict[Job, list[dict[str, Any]]]
    errors: dict[Job, str | Msg]
    seconds: float


# --- finding the tools ------------------------------------------------------------------------------------


def helder_install_dirs() -> list[Path]:
    """Folders where Helder's own `npm ci` may have put node_modules: the checkout Helder runs from (an
    editable install: plugins/helder -> the repository) and the folder around its virtual environment."""
    here = Path(__file__).resolve()
    folders = [here.parents[3], Path(sys.prefix).resolve().parent]
    return list(dict.fromkeys(folders))


def find_node_modules(project_root: Path, configured: str = "") -> Path | None:
    """`configured` (relative to the project root), else the nearest `node_modules` holding pa11y-ci in the
    project root or a parent folder (npm's own lookup), else `$HELDER_NODE_MODULES`, else the one beside
    Helder's installation (so `helder audit` works on a site folder anywhere), else None."""
    if configured:
        path = Path(configured)
        return path if path.is_absolute() else (project_root / path)
    candidates = [folder / "node_modules" for folder in (project_root, *project_root.resolve().parents)]
    if os.environ.get("HELDER_NODE_MODULES"):
        candidates.append(Path(os.environ["HELDER_NODE_MODULES"]))
    candidates += [folder / "node_modules" for folder in helder_install_dirs()]
    for candidate in candidates:
        if (candidate / "pa11y-ci" / "package.json").is_file():
            return candidate
    return None


def _read_version(node_modules: Path, package: str) -> str:
    for base in (
        node_modules / "pa11y-ci" / "node_modules",
        node_modules / "pa11y" / "node_modules",
        node_modules,
    ):
        manifest = base / package / "package.json"
        if manifest.is_file():
            with open(manifest, encoding="utf-8") as handle:
                return str(json.load(handle).get("version", "?"))
    return "?"


_BROWSER_VERSIONS: dict[tuple[str, int, int], str] = {}


def browser_version(browser: Path, env: Mapping[str, str]) -> str:
    """`chromium --version`, remembered per binary (it is part of the cache key; a new Chromium can change
    results, e.g. contrast of anti-aliased text)."""
    stat = browser.stat()
    key = (str(browser), stat.st_mtime_ns, stat.st_size)
    if key not in _BROWSER_VERSIONS:
        try:
            done = subprocess.run(
                [str(browser), "--version"],
                capture_output=True,
                text=True,
                timeout=30,
                env=dict(env),
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise GateError(Msg("gate_browser_start", browser=browser, error=error)) from error
        lines = [line for line in done.stdout.splitlines() if line.strip()]
        if done.returncode != 0 or not lines:
            raise GateError(Msg("gate_browser_version", browser=browser, code=done.returncode))
        _BROWSER_VERSIONS[key] = lines[0].strip()
    return _BROWSER_VERSIONS[key]


def find_tools(project_root: Path, *, browser: str, node_modules: str = "", node: str = "") -> Tools:
    """Check Node.js, pa11y-ci and the browser before anything runs, so a missing tool is a clear message
    instead of a stack trace from deep inside Puppeteer."""
    node_path = shutil.which(node or "node")
    if not node_path:
        raise GateError(Msg("gate_no_node"))
    modules = find_node_modules(project_root, node_modules)
    bin_path = modules / ".bin" / "pa11y-ci" if modules else None
    if modules is None or bin_path is None or not bin_path.exists():
        where = modules or project_root / "node_modules"
        raise GateError(Msg("gate_no_pa11y", path=where / ".bin" / "pa11y-ci", root=project_root))
    browser_path = Path(browser)
    if not browser_path.is_absolute():
        found = shutil.which(browser)
        browser_path = Path(found) if found else browser_path
    if not browser_path.is_file() or not os.access(browser_path, os.X_OK):
        raise GateError(Msg("gate_no_browser", path=browser_path))
    versions = {
        "pa11y-ci": _read_version(modules, "pa11y-ci"),
        "pa11y": _read_version(modules, "pa11y"),
        "axe-core": _read_version(modules, "axe-core"),
        "html_codesniffer": _read_version(modules, "@pa11y/html_codesniffer"),
        "puppeteer": _read_version(modules, "puppeteer"),
    }
    return Tools(Path(node_path), bin_path.resolve(), modules, browser_path, versions)


# --- running ----------------------------------------------------------------------------------------------


def tool_env(tmp: Path) -> dict[str, str]:
    """Chromium writes under ~/.config and ~/.cache even with a temporary profile: keep that in a temp dir."""
    env = dict(os.environ)
    env["XDG_CONFIG_HOME"] = str(tmp / "config")
    env["XDG_CACHE_HOME"] = str(tmp / "cache")
    env["PUPPETEER_SKIP_DOWNLOAD"] = "1"
    env.pop("NODE_OPTIONS", None)
    return env


def pa11y_config(
    jobs: Iterable[Job],
    *,
    base_url: str,
    browser: Path,
    standard: str,
    runners: list[str],
    concurrency: int,
    timeout_s: float,
    include_warnings: bool,
    include_notices: bool,
    needs_review: str = "warning",
    reporter: Path | None = None,
    profile: Path | None = None,
) -> dict[str, Any]:
    """The pa11y-ci JSON config: one browser, every (page, viewport) as its own URL object.

    One run with per-URL viewports measured faster than one run per viewport (27.6 s vs 29.8 s for 24 pages
    x 2 viewports), because Chromium starts once. `useIncognitoBrowserContext: false` avoids pa11y-ci issue
    #354 (pages lost with concurrency > 1).
    """
    args = list(CHROMIUM_ARGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.insert(0, "--no-sandbox")
    urls = []
    for job in jobs:
        viewport = {"width": int(job.viewport["width"]), "height": int(job.viewport["height"])}
        if job.viewport.get("is_mobile"):
            viewport.update(isMobile=True, hasTouch=True)
        urls.append({"url": base_url + job.request_path, "viewport": viewport})
    return {
        "defaults": {
            "standard": standard,
            "runners": list(runners),
            "concurrency": int(concurrency),
            "timeout": int(timeout_s * 1000),
            "includeWarnings": bool(include_warnings),
            "includeNotices": bool(include_notices),
            "levelCapWhenNeedsReview": needs_review,
            "useIncognitoBrowserContext": False,
            "reporters": [str(reporter)] if reporter else [],
            "chromeLaunchConfig": {
                "executablePath": str(browser),
                "args": args,
                # Our own profile folder, inside the run's temp folder: removed with it, and every Chromium
                # process that uses it can be found (and stopped) by its command line.
                **({"userDataDir": str(profile)} if profile else {}),
            },
        },
        "urls": urls,
    }


def _stderr_reason(lines: Iterable[str]) -> str | Msg:
    text = " ".join(line.strip() for line in lines if line.strip())
    return text[-600:] if text else Msg("gate_no_message")


def run_pa11y_ci(
    jobs: list[Job],
    *,
    tools: Tools,
    base_url: str,
    standard: str,
    runners: list[str],
    concurrency: int,
    timeout_s: float,
    include_warnings: bool = False,
    include_notices: bool = False,
    needs_review: str = "warning",
    run_timeout_s: float = 0,
    on_progress: Callable[[str, str], None] | None = None,
    companion: Companion | None = None,
) -> RunOutput:
    """Run pa11y-ci once on `jobs` and return its report per job, with `companion` (Helder's browser checks)
    attached to its Chromium when given.

    Raises `GateError` when pa11y-ci could not produce a report: exit 1 (config error, browser crash, with an
    empty stdout), no JSON, a run over `run_timeout_s`, no progress for a long time (a hang), or a failed
    companion.
    """
    started = time.monotonic()
    if not jobs:
        return RunOutput({}, {}, 0.0)
    page_extra_s = companion.page_extra_s if companion else 0.0
    run_timeout_s, stall_s = time_limits(len(jobs), timeout_s, concurrency, run_timeout_s, page_extra_s)
    settings = {
        "standard": standard,
        "runners": [*runners, *(companion.pa11y_runners if companion else [])],
        "concurrency": concurrency,
        "timeout_s": timeout_s,
        "include_warnings": include_warnings,
        "include_notices": include_notices,
        "needs_review": needs_review,
    }
    with tempfile.TemporaryDirectory(prefix="helder-audit-", ignore_cleanup_errors=True) as tmp_name:
        tmp = Path(tmp_name)
        reporter = tmp / "progress-reporter.cjs"
        reporter.write_text(_PROGRESS_REPORTER, encoding="utf-8")
        config_path = tmp / "pa11y-ci.json"
        config = pa11y_config(
            jobs,
            base_url=base_url,
            browser=tools.browser,
            reporter=reporter,
            profile=(companion.profile if companion else None) or tmp / "profile",
            **settings,
        )
        with open(config_path, "w", encoding="utf-8") as handle:
            json.dump(config, handle, indent=1)
        command = [str(tools.node), str(tools.pa11y_ci), "--config", str(config_path), "--json"]
        run = NodeProcess(command, tmp, on_progress, profile=companion.profile if companion else None)
        killed = run.wait(
            started=started,
            timeout_s=run_timeout_s,
            stall_s=stall_s,
            companion=companion.failed if companion else None,
        )
        if killed:
            raise GateError(killed)
        report = _parse_report(run.stdout())
        _check_exit(report, run.returncode, _stderr_reason(run.stderr_tail), tools)
    assert report is not None
    issues, errors = _map_report(report, jobs, base_url)
    return RunOutput(issues, errors, time.monotonic() - started)


def time_limits(
    jobs: int, timeout_s: float, concurrency: int, run_timeout_s: float = 0, page_extra_s: float = 0.0
) -> tuple[float, float]:
    """The limit for a whole run of a Node program of the gate (`run_timeout_s` when set), and the silence
    after which it hangs. A page may take its load timeout, the test itself, and `page_extra_s` (what a
    companion adds to it)."""
    if run_timeout_s <= 0:
        # Worst case every page uses its whole timeout; the slack covers the browser start.
        run_timeout_s = 60 + jobs * (timeout_s * 2 + page_extra_s) / max(1, concurrency)
    return run_timeout_s, max(60.0, timeout_s * 3) + page_extra_s


def _check_exit(report: dict[str, Any] | None, returncode: int, reason: str | Msg, tools: Tools) -> None:
    """A report, and an exit code pa11y-ci documents (0 pass, 2 issues), or the gate could not run."""
    if report is None:
        if "Failed to launch the browser" in str(reason) or "Browser was not found" in str(reason):
            raise GateError(Msg("gate_browser_launch", browser=tools.browser, code=returncode, reason=reason))
        raise GateError(Msg("gate_no_report", code=returncode, reason=reason))
    if returncode not in (0, 2):
        raise GateError(Msg("gate_bad_exit", code=returncode, reason=reason))


class NodeProcess:
    """A Node program of the gate, in its own session, so it and its Chromium can be stopped as a whole.

    stdout goes to a file, not a pipe: Node writes to pipes asynchronously and pa11y-ci calls process.exit()
    right after printing, which cut the report off at 64 KiB (measured: a 51-page site at 2 viewports gave exit
    2 and half a JSON document). Writes to a file are synchronous. stderr is read in a thread: progress lines
    (`helder-progress {...}`) go to `on_progress` and keep the watchdog quiet; the rest is kept for messages.
    """

    def __init__(
        self,
        command: list[str],
        tmp: Path,
        on_progress: Callable[[str, str], None] | None,
        profile: Path | None = None,
    ) -> None:
        self.tmp = tmp
        self.profile = profile
        self.stdout_path = tmp / "stdout.json"
        self.stderr_tail: deque[str] = deque(maxlen=40)
        self.last_activity = time.monotonic()
        self.on_progress = on_progress
        self._stdout = open(self.stdout_path, "w", encoding="utf-8")  # noqa: SIM115 - closed in wait()
        try:
            self.process = subprocess.Popen(
                command,
                cwd=tmp,
                env=tool_env(tmp),
                stdin=subprocess.DEVNULL,
                stdout=self._stdout,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                errors="replace",
                start_new_session=True,  # one process group: a timeout kills Chromium too
            )
        except OSError as error:
            self._stdout.close()
            raise GateError(Msg("gate_pa11y_start", error=error)) from error
        self._reader = threading.Thread(target=self._read_stderr, daemon=True)
        self._reader.start()

    def _read_stderr(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.last_activity = time.monotonic()
            if not line.startswith("helder-progress "):
                self.stderr_tail.append(line)
            elif self.on_progress is not None:
                with contextlib.suppress(ValueError, AttributeError):
                    event = json.loads(line[len("helder-progress ") :])
                    self.on_progress(str(event.get("event")), str(event.get("url")))

    def wait(
        self,
        *,
        started: float,
        timeout_s: float,
        stall_s: float,
        companion: Callable[[], Msg | None] | None = None,
    ) -> Msg | None:
        """Wait for the end; stop the process tree `timeout_s` after `started`, after `stall_s` of silence or
        when `companion` says why (a program that works with this one failed), and say why. Ctrl-C or any
        error stops it too: its own session means the terminal's signal never reached it."""
        killed: Msg | None = None
        try:
            while self.process.poll() is None:
                now = time.monotonic()
                if now - started > timeout_s:
                    killed = Msg("gate_run_timeout", seconds=f"{timeout_s:.0f}")
                elif now - self.last_activity > stall_s:
                    killed = Msg("gate_stalled", seconds=f"{stall_s:.0f}")
                elif companion is not None:
                    killed = companion()
                if killed:
                    _kill_group(self.process)
                    break
                time.sleep(0.1)
        except BaseException:
            _kill_group(self.process)
            raise
        finally:
            self.process.wait()
            # pa11y-ci may have ended without closing its browser (killed from outside, a crash): the
            # orphaned Chromium is no longer below it, but its command line names our profile folder.
            stop_processes_using(self.tmp)
            if self.profile is not None:
                stop_processes_using(self.profile)
            self._reader.join(timeout=10)
            self._stdout.close()
        return killed

    @property
    def returncode(self) -> int:
        return int(self.process.returncode)

    def stdout(self) -> str:
        return self.stdout_path.read_text(encoding="utf-8", errors="replace")


def _descendants(root: int) -> list[int]:
    """All processes below `root`, from /proc (Linux; elsewhere an empty list)."""
    children: dict[int, list[int]] = {}
    try:
        entries = [entry.name for entry in os.scandir("/proc") if entry.name.isdigit()]
    except OSError:
        return []
    for name in entries:
        try:
            with open(f"/proc/{name}/stat", "rb") as handle:
                ppid = int(handle.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(name))
    found: list[int] = []
    todo = [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def processes_using(folder: Path) -> list[int]:
    """Processes whose command line names `folder` (Chromium with `--user-data-dir=<folder>/profile`), from
    /proc (Linux; elsewhere an empty list)."""
    needle = str(folder).encode()
    found = []
    with contextlib.suppress(OSError):
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit() or int(entry.name) == os.getpid():
                continue
            with contextlib.suppress(OSError), open(f"/proc/{entry.name}/cmdline", "rb") as handle:
                if needle in handle.read():
                    found.append(int(entry.name))
    return found


def stop_processes_using(folder: Path, wait_s: float = 10.0) -> None:
    """Stop every process that uses `folder`, with its children and process groups, and wait until they are
    gone (so the folder can be removed)."""
    pids = processes_using(folder)
    if not pids:
        return
    own = os.getpgid(0)
    for pid in pids:
        for target in [pid, *_descendants(pid)]:
            with contextlib.suppress(OSError):
                group = os.getpgid(target)
                if group != own:
                    os.killpg(group, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.kill(target, signal.SIGKILL)
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline and any(_alive(pid) for pid in pids):
        time.sleep(0.05)


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for its parent counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return False


def _kill_group(process: subprocess.Popen[str]) -> None:
    """Stop pa11y-ci and its Chromium. Puppeteer starts Chromium detached (its own process group), so killing
    pa11y-ci's group is not enough: an orphaned Chromium stayed behind after a timeout (measured). Kill the
    whole tree, and every process group in it."""
    tree = _descendants(process.pid)
    groups = {process.pid}
    for pid in tree:
        with contextlib.suppress(OSError):
            groups.add(os.getpgid(pid))
    groups.discard(os.getpgid(0))  # never our own group (the build or the test run itself)
    for group in groups:
        with contextlib.suppress(OSError):
            os.killpg(group, signal.SIGKILL)
    for pid in tree:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(OSError):
        process.kill()


def _parse_report(stdout: str) -> dict[str, Any] | None:
    """The JSON report from stdout. pa11y-ci prints it as one line; anything else there (a stray log line from
    a dependency) is skipped rather than trusted."""
    text = stdout.strip()
    if not text:
        return None
    candidates = [text] + [line for line in reversed(text.splitlines()) if line.startswith("{")]
    for candidate in candidates:
        try:
            data = json.loads(candidate)
        except ValueError:
            continue
        if isinstance(data, dict) and isinstance(data.get("results"), dict):
            return data
    return None


def _map_report(
    report: Mapping[str, Any], jobs: list[Job], base_url: str
) -> tuple[dict[Job, list[dict[str, Any]]], dict[Job, str | Msg]]:
    """Split the report into tested pages (issues, maybe none) and pages that failed to load (why, in pa11y's
    own words or as a message).

    A page that failed to load appears as `[{"message": ...}]` without a `code` and is not counted by pa11y-ci
    (issue #228). Keys are the page URL after redirects, so jobs are matched on path without trailing slash
    plus the viewport parameter.
    """
    from .server import status_key

    by_key = {status_key(job.request_path): job for job in jobs}
    issues: dict[Job, list[dict[str, Any]]] = {}
    errors: dict[Job, str | Msg] = {}
    for url, entries in report.get("results", {}).items():
        path = url[len(base_url) :] if isinstance(url, str) and url.startswith(base_url) else str(url)
        job = by_key.get(status_key(path))
        if job is None:
            continue
        if not isinstance(entries, list):
            errors[job] = Msg("nc_odd_report", entries=repr(entries)[:300])
            continue
        failures = [entry for entry in entries if not isinstance(entry, dict) or "code" not in entry]
        if failures:
            first = failures[0]
            errors[job] = str(first.get("message") if isinstance(first, dict) else first)[:500]
        else:
            issues[job] = [_as_the_engine_saw(entry) for entry in entries]
    return issues, errors


#: What Helder's pa11y runner noted about an issue's element when its engine ended (pa11y_runner_page.js).
_NOTED = {"helderContext": "context", "helderSelector": "selector"}


def _as_the_engine_saw(issue: dict[str, Any]) -> dict[str, Any]:
    """The issue with the element's HTML and selector as they were when its engine ended, when Helder's runner
    noted them: pa11y takes them after every runner, so after the browser checks have changed the page."""
    extras = issue.get("runnerExtras")
    if not isinstance(extras, dict) or not any(key in extras for key in _NOTED):
        return issue
    noted = {field: extras[key] for key, field in _NOTED.items() if key in extras}
    rest = {key: value for key, value in extras.items() if key not in _NOTED}
    return {**issue, **noted, "runnerExtras": rest}
