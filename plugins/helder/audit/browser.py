"""Helder's own browser checks, beside pa11y-ci in the same gate run and the same (system) Chromium.

axe-core and HTML_CodeSniffer read the DOM; they do not press Tab, zoom in or read the text. These checks do,
per page and per viewport (WCAG 2.1 AA unless noted):

| rule id | what a person meets | WCAG |
|---|---|---|
| `a11y.keyboard.unreachable` | something that looks clickable never gets focus with Tab | 2.1.1 |
| `a11y.keyboard.trap` | Tab, Shift+Tab and Escape cannot move focus out of a part | 2.1.2 |
| `a11y.keyboard.hidden-focus` | a Tab stop is off screen, invisible or inside a closed menu or dialog | 2.4.7, 2.4.3 |
| `a11y.keyboard.order` | Tab jumps up or to the left within one column or row | 2.4.3 |
| `a11y.focus.not-visible` | the focused element looks exactly like it does without focus | 2.4.7 |
| `a11y.reflow` | at 320 CSS px wide the page scrolls sideways or cuts content off | 1.4.10 |
| `a11y.text-spacing` | with WCAG's spacing values, text is cut off or runs over other content | 1.4.12 |
| `a11y.lang` | the declared language differs from the text's, or a part in another language has no `lang` | 3.1.1/3.1.2 |
| `a11y.target-size` (warning) | a link or button under 24x24 px with another one too close | 2.2: 2.5.8 |
| `a11y.third-party-request` | the page loads something from another host than the site's own (issue 15) | - |

**Driver.** A Node script (`browser_checks.cjs`) on the Puppeteer that pa11y-ci already installs: no new
package and no browser download. Measured on the demo site (390 px, 2 cores, the same Chromium 156): Puppeteer
walked 100 Tab stops in 0.35 s, because key presses can be sent without waiting for each answer; Playwright for
Python (1.65.2, a 165 MB package) needed 1.8 s for the same walk (its synchronous API cannot pipeline).

**One page load for both.** The script attaches to pa11y-ci's own Chromium (pa11y-ci starts it with a profile
folder of this run, where Chromium writes its DevTools address) and checks the pages pa11y loads. A pa11y
runner of Helder's (`pa11y_runner.cjs`, listed after axe and htmlcs) waits in the page until those engines are
done, then calls a binding the script has added to the page and waits until the script calls back. So the
engines see the page untouched, and each page and viewport is loaded and rendered once for the whole gate
(the crop pass below loads a page again only for a screenshot of an engine's error). pa11y takes the HTML and
selector of an engine's issue only after every runner, so the runner notes them when the engine ends, and
`runner._map_report` uses those notes. Measured on the demo (74 pages x 2 viewports): with a Chromium of its
own, loading every page again, the full gate cost 1.43-1.46x the engine-only gate in machine CPU time (the page
loads were 40 % of the checks' cost); attached, see `bench/audit_bench.py --browser-checks`.

**Failing.** pa11y 9 gives its runners no time limit. The script ends each page's checks within
`job_timeout_s` and then answers; the runner gives up after 3 minutes if that answer is lost. If the script
dies, pa11y-ci is stopped at once (`companion` in `run_pa11y_ci`) with the script's exit code; pa11y-ci's
watchdog allows `page_extra_s` more per page. A page the script did not check is not checked (`merge`).

**Shape.** Results are pa11y issues (`code, type, message, selector, context, runner`) with runner `helder`,
merged into the job's issue list *before* the result cache, so ignores, the cache and the mapping to the
Markdown source treat them like every other result. The rule id is `a11y.<code>` (see `rule_id`). What a
check saw is no text but catalogue keys with values (`runnerExtras.say`, keys `bc_saw_*`): `issue_message` writes
it in the report's language, so one cached result serves a Dutch and an English report. Each error
carries a screenshot crop of the element (`runnerExtras.screenshot`, a JPEG data URL) for the report; so do the
errors of axe and HTML_CodeSniffer (a short second pass, only for pages with errors that are not ignored).

**Language.** The script returns the text blocks of the article; the guess is made here with the readability
engine's Dutch and English word lists (`readability.language_guess`), so it is plain Python and unit-tested.

A check that could not run makes the job "niet gecontroleerd" (fail closed); a crash of the whole script is a
`GateError`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import subprocess
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from readability import language_guess

from ..messages import Msg, Spaced, catalogue
from .ignores import find_ignore
from .rules import BROWSER_CHECKS
from .runner import (
    CHROMIUM_ARGS,
    GateError,
    Job,
    Tools,
    _kill_group,
    stop_processes_using,
    time_limits,
    tool_env,
)

SCRIPT = Path(__file__).with_name("browser_checks.cjs")
#: The pa11y runner that lends pa11y's loaded page to the checks, and the part of it that pa11y puts in the page.
PA11Y_RUNNER = Path(__file__).with_name("pa11y_runner.cjs")
PA11Y_RUNNER_PAGE = Path(__file__).with_name("pa11y_runner_page.js")
RUNNER = "helder"

#: Every rule id of these checks, for documentation, tests and `helder audit --help`.
RULES = tuple(f"a11y.{code}" for code in BROWSER_CHECKS)

#: Keys the script may name for what it saw (`say` in `browser_checks.cjs`).
SAID_PREFIXES = ("bc_saw_", "bc_page_")

#: The narrowest width WCAG 1.4.10 asks for (1280 px at 400 % zoom).
REFLOW_WIDTH = 320

#: Most Tab presses for one page: a round of a large page, plus enough to see a trap.
MAX_TABS = 600

#: How long the attached script waits for pa11y-ci's Chromium to start, and may take to end once pa11y-ci has.
ATTACH_WAIT_S = 120
ATTACH_END_S = 60.0

#: Crops per page: enough to show each distinct problem; the report shows one per group anyway.
MAX_CROPS = 4

#: Requests the checks do not need and that only cost CPU: Material's search index and the worker that builds
#: it on every page load (pa11y-ci still loads them, so the search field is tested there as users get it).
BLOCK_URLS = ["*/search/search_index.json", "*/workers/search.*"]


def rule_id(issue: Mapping[str, Any]) -> str:
    """`a11y.<runner>.<code>` for axe and HTML_CodeSniffer, `a11y.<code>` for Helder's own checks."""
    runner = str(issue.get("runner") or "htmlcs")
    code = str(issue.get("code"))
    return f"a11y.{code}" if runner == RUNNER else f"a11y.{runner}.{code}"


def checks_version() -> str:
    """A hash of everything that decides these results (script and word lists): part of the cache key."""
    digest = hashlib.sha256(SCRIPT.read_bytes())
    digest.update(PA11Y_RUNNER.read_bytes())
    digest.update(PA11Y_RUNNER_PAGE.read_bytes())
    digest.update(Path(language_guess.__file__).read_bytes())
    return digest.hexdigest()[:16]


def checks_settings(enabled: bool) -> dict[str, Any]:
    """What goes into the gate's settings (and so into the cache key and the report)."""
    return {"enabled": bool(enabled), "version": checks_version() if enabled else ""}


def reflow_jobs(jobs: Iterable[Job]) -> set[Job]:
    """Per page the job with the narrowest viewport: there the page is also measured at 320 px."""
    narrowest: dict[str, Job] = {}
    for job in jobs:
        best = narrowest.get(job.url_path)
        if best is None or int(job.viewport["width"]) < int(best.viewport["width"]):
            narrowest[job.url_path] = job
    return set(narrowest.values())


# --- language ---------------------------------------------------------------------------------------------


def said(parts: object) -> Msg | Spaced | None:
    """The script's sentences (`[[key, values], ...]`, keys `bc_saw_*` of the catalogue) as one message; None
    when there are none or one is not a sentence of the catalogue (never a page's words as a key)."""
    if not isinstance(parts, list) or not parts:
        return None
    sentences: list[Msg] = []
    for part in parts:
        if not (isinstance(part, list) and len(part) == 2 and isinstance(part[1], dict)):
            return None
        key = str(part[0])
        if not key.startswith(SAID_PREFIXES) or key not in catalogue("nl"):
            return None
        sentences.append(Msg(key, **{str(name): value for name, value in part[1].items()}))
    return sentences[0] if len(sentences) == 1 else Spaced(tuple(sentences))


def issue_message(issue: Mapping[str, Any], lang: str) -> str | None:
    """The words for what a check saw, in `lang`. The issue keeps catalogue keys with numbers, names and
    language codes, so the cached result is the same for a Dutch and an English report; None when it has
    none."""
    extras = issue.get("runnerExtras")
    if not isinstance(extras, dict):
        return None
    sentences = said(extras.get("say"))
    if sentences is not None:
        return sentences.render(lang)
    key = extras.get("message_key")
    if not key:
        return None

    def name(code: object) -> Msg:
        subtag = language_guess.primary_subtag(str(code or ""))
        return (
            Msg(f"lang_name_{subtag}") if subtag in ("nl", "en") else Msg("lang_name_other", code=code or "-")
        )

    return Msg(
        str(key),
        code=extras.get("declared") or "",
        declared=name(extras.get("declared")),
        found=name(extras.get("found")),
    ).render(lang)


def lang_issues(data: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """`a11y.lang` issues from the page's text blocks (see `textBlocks` in the script).

    The page: the text of the article must be in the language of `<html lang>`. A part: a block whose own
    text is clearly in the other language must say so with `lang`. Only Dutch and English are judged; a
    declared language the engine does not know (`de`, `fr`) is trusted.
    """
    if not data:
        return []
    issues: list[dict[str, Any]] = []
    page_lang = str(data.get("page_lang") or "")
    declared = language_guess.primary_subtag(page_lang)
    page_guess = language_guess.guess_language(str(data.get("main_text") or ""), min_hits=5)
    page_wrong = bool(
        page_guess.language and declared in ("nl", "en", "") and page_guess.language != declared
    )
    if page_wrong:
        issues.append(
            {
                "code": "lang",
                "type": "error",
                "runner": RUNNER,
                "selector": "html",
                "context": str(data.get("html_context") or "<html>"),
                "message": "",
                "runnerExtras": {
                    "declared": page_lang,
                    "found": page_guess.language,
                    "message_key": "bc_lang_page",
                },
            }
        )
    for block in data.get("blocks") or []:
        if page_wrong and block.get("from_html"):
            continue  # the page-level finding covers it
        lang = str(block.get("lang") or "")
        have = language_guess.primary_subtag(lang)
        if have not in ("nl", "en", ""):
            continue
        guess = language_guess.guess_language(str(block.get("text") or ""))
        if guess.language is None or guess.language == have:
            continue
        key = "bc_lang_part_missing" if block.get("from_html") else "bc_lang_part_wrong"
        issues.append(
            {
                "code": "lang",
                "type": "error",
                "runner": RUNNER,
                "selector": str(block.get("selector") or ""),
                "context": str(block.get("context") or ""),
                "message": "",
                "runnerExtras": {
                    "declared": lang,
                    "found": guess.language,
                    "message_key": key,
                    **({"screenshot": block["screenshot"]} if block.get("screenshot") else {}),
                },
            }
        )
    return issues


# --- running the script -----------------------------------------------------------------------------------


@dataclass
class ChecksOutput:
    """Issues per job (absent when the job could not be checked) and why a job could not be checked."""

    issues: dict[Job, list[dict[str, Any]]] = field(default_factory=dict)
    errors: dict[Job, str | Msg] = field(default_factory=dict)
    seconds: float = 0.0


def _job_id(index: int) -> str:
    return f"j{index}"


class ChecksRun:
    """One run of `browser_checks.cjs`, started in the background. `mode="check"`: it attaches to the
    Chromium of the pa11y-ci run that gets this run as its `companion`, and checks the pages pa11y loads.
    `mode="crop"`: it launches a Chromium of its own, loads the pages and cuts the screenshots in `crops`.

    Use as `run = ChecksRun(...); run.start(); ...; output = run.finish()`; `stop()` (also called by
    `finish` on error) kills the script and its Chromium.
    """

    def __init__(
        self,
        jobs: list[Job],
        *,
        tools: Tools,
        base_url: str,
        concurrency: int,
        timeout_s: float,
        mode: str = "check",
        crops: Mapping[Job, list[str]] | None = None,
        run_timeout_s: float = 0,
        on_progress: Callable[[str, Job], None] | None = None,
    ) -> None:
        self.jobs = list(jobs)
        self.tools = tools
        self.base_url = base_url
        self.concurrency = max(1, concurrency)
        self.timeout_s = timeout_s
        self.mode = mode
        self.attach = mode == "check"
        self.crops = dict(crops or {})
        self.run_timeout_s, self.stall_s = time_limits(
            len(self.jobs), timeout_s, self.concurrency, run_timeout_s
        )
        self.on_progress = on_progress
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self._process: subprocess.Popen[str] | None = None
        self._stderr: deque[str] = deque(maxlen=40)
        self._last = time.monotonic()
        self._started = 0.0
        self._reader: threading.Thread | None = None

    def _config(self) -> dict[str, Any]:
        args = list(CHROMIUM_ARGS)
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            args.insert(0, "--no-sandbox")
        reflow = reflow_jobs(self.jobs) if self.mode == "check" else set()
        jobs = []
        for index, job in enumerate(self.jobs):
            jobs.append(
                {
                    "id": _job_id(index),
                    "url": self.base_url + job.request_path,
                    "viewport": {
                        "width": int(job.viewport["width"]),
                        "height": int(job.viewport["height"]),
                        "is_mobile": bool(job.viewport.get("is_mobile")),
                    },
                    "reflow": job in reflow,
                    "mode": self.mode,
                    "crops": list(self.crops.get(job, [])),
                }
            )
        return {
            "nodeModules": str(self.tools.node_modules),
            "browser": str(self.tools.browser),
            "args": args,
            "timeout": int(self.timeout_s * 1000),
            "jobTimeout": int(self.job_timeout_s * 1000),
            "maxTabs": MAX_TABS,
            "maxCrops": MAX_CROPS,
            "blockUrls": BLOCK_URLS,
            # Chromium's profile inside the run's temp folder: found and stopped by it (see `stop`). Attached,
            # pa11y-ci's Chromium uses it, and the script finds that Chromium's address there.
            "profile": str(self.profile) if self.profile else None,
            "attach": self.attach,
            "attachWait": int(ATTACH_WAIT_S * 1000),
            "words": {
                "nl": sorted(language_guess.DUTCH_WORDS),
                "en": sorted(language_guess.ENGLISH_WORDS),
            },
            "concurrency": self.concurrency,
            "jobs": jobs,
        }

    @property
    def job_timeout_s(self) -> float:
        """The longest one page's checks may take (launched: with its own load)."""
        return self.timeout_s * 2 + 10

    @property
    def page_extra_s(self) -> float:
        """What the attached checks may add to one page of pa11y-ci (for its time limits)."""
        return self.job_timeout_s if self.attach and self.jobs else 0.0

    @property
    def profile(self) -> Path | None:
        """Chromium's profile folder for this run (None before `start` and without jobs)."""
        return Path(self._tmp.name) / "profile" if self._tmp else None

    @property
    def pa11y_runners(self) -> list[str]:
        """What pa11y-ci's `runners` needs besides the engines, so these checks get its pages (attached)."""
        return [str(PA11Y_RUNNER)] if self.attach and self.jobs else []

    def start(self) -> ChecksRun:
        if not SCRIPT.is_file():
            raise GateError(Msg("bc_script_missing", script=SCRIPT))
        self._started = time.monotonic()
        if not self.jobs:
            return self
        self._tmp = tempfile.TemporaryDirectory(prefix="helder-checks-", ignore_cleanup_errors=True)
        tmp = Path(self._tmp.name)
        with open(tmp / "config.json", "w", encoding="utf-8") as handle:
            json.dump(self._config(), handle)
        try:
            self._process = subprocess.Popen(
                [str(self.tools.node), str(SCRIPT), str(tmp / "config.json"), str(tmp / "result.json")],
                cwd=tmp,
                env=tool_env(tmp),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
                errors="replace",
                start_new_session=True,
            )
        except OSError as error:
            self.stop()
            raise GateError(Msg("bc_start_failed", error=error)) from error
        ids = {_job_id(index): job for index, job in enumerate(self.jobs)}

        def read() -> None:
            assert self._process is not None and self._process.stderr is not None
            for line in self._process.stderr:
                self._last = time.monotonic()
                if line.startswith("helder-progress "):
                    with contextlib.suppress(ValueError, AttributeError, KeyError):
                        event = json.loads(line[len("helder-progress ") :])
                        if self.on_progress is not None:
                            self.on_progress(str(event["event"]), ids[event["id"]])
                else:
                    self._stderr.append(line)

        self._reader = threading.Thread(target=read, daemon=True)
        self._reader.start()
        return self

    def failed(self) -> Msg | None:
        """Why the attached script failed while pa11y-ci runs (None while it runs or when it ended well): pa11y-ci's
        pages would wait for it in vain. It ends well once pa11y-ci has closed its browser, which may be just
        before pa11y-ci itself exits."""
        process = self._process
        if process is None or process.poll() in (None, 0):
            return None
        if self._reader is not None:
            self._reader.join(timeout=5)
        return Msg("bc_exit", code=process.returncode, stderr=self._stderr_text())

    def _stderr_text(self) -> str:
        return " ".join(line.strip() for line in self._stderr if line.strip())[-600:] or "-"

    def stop(self) -> None:
        """Kill the script and the Chromium that uses this run's profile (its own, or pa11y-ci's when attached;
        idempotent), and remove the temp folder with the profile."""
        if self._process is not None and self._process.poll() is None:
            _kill_group(self._process)
            self._process.wait()
        if self._tmp is not None:
            # The script may have been killed from outside: its Chromium is then no longer below it, but
            # its command line names the profile in our temp folder.
            stop_processes_using(Path(self._tmp.name))
            self._tmp.cleanup()
            self._tmp = None

    def finish(self) -> ChecksOutput:
        """Wait for the script (with the run limit and the stall watchdog) and read its result. Attached, it is
        called when pa11y-ci has ended, and the script ends as soon as it sees pa11y-ci's Chromium go: the
        limit then counts from here, and is short."""
        output = ChecksOutput()
        if not self.jobs:
            return output
        process = self._process
        assert process is not None and self._tmp is not None
        started, limit = (
            (time.monotonic(), ATTACH_END_S) if self.attach else (self._started, self.run_timeout_s)
        )
        try:
            killed: Msg | None = None
            while process.poll() is None:
                now = time.monotonic()
                if now - started > limit:
                    killed = Msg("bc_timeout", seconds=f"{limit:.0f}")
                elif not self.attach and now - self._last > self.stall_s:
                    killed = Msg("bc_stalled", seconds=f"{self.stall_s:.0f}")
                if killed:
                    _kill_group(process)
                    break
                time.sleep(0.05)
            process.wait()
            if self._reader is not None:
                self._reader.join(timeout=10)
            if killed:
                raise GateError(killed)
            result_path = Path(self._tmp.name) / "result.json"
            if process.returncode != 0 or not result_path.is_file():
                raise GateError(Msg("bc_exit", code=process.returncode, stderr=self._stderr_text()))
            with open(result_path, encoding="utf-8") as handle:
                data = json.load(handle)
        except ValueError as error:
            raise GateError(Msg("bc_unreadable", error=error)) from error
        finally:
            self.stop()
        results = data.get("results") if isinstance(data, dict) else None
        if not isinstance(results, dict):
            raise GateError(Msg("bc_no_result"))
        for index, job in enumerate(self.jobs):
            entry = results.get(_job_id(index))
            if not isinstance(entry, dict):
                output.errors[job] = Msg("bc_no_page_result")
            elif entry.get("error"):
                why = said([entry["say"]]) if entry.get("say") else None
                output.errors[job] = Msg("bc_page_error", error=why or str(entry["error"])[:300])
            elif self.mode == "crop":
                output.issues[job] = [dict(item) for item in entry.get("crops") or []]
            else:
                issues = [_clean(item) for item in entry.get("issues") or []]
                issues += lang_issues(entry.get("lang"))
                output.issues[job] = issues
        output.seconds = time.monotonic() - self._started
        return output


def _clean(item: Mapping[str, Any]) -> dict[str, Any]:
    """pa11y's issue shape: drop the script's internal element number, keep the rest."""
    return {
        "code": str(item.get("code")),
        "type": str(item.get("type") or "error"),
        "typeCode": 1 if item.get("type") == "error" else 2,
        "message": str(item.get("message") or ""),
        "selector": str(item.get("selector") or ""),
        "context": str(item.get("context") or ""),
        "runner": RUNNER,
        "runnerExtras": dict(item.get("runnerExtras") or {}),
    }


# --- joining with pa11y-ci's output ------------------------------------------------------------------------

#: Runs that were started and not yet stopped (see `stop_all`).
_RUNNING: list[ChecksRun] = []


def start_checks(jobs: list[Job], tools: Tools, base_url: str, options: Any) -> ChecksRun:
    """Start the checks for `jobs` in the background (nothing when `audit.browser_checks` is off), attached to
    the Chromium of the pa11y-ci run that gets `run.profile` and `run.pa11y_runners`."""
    run = ChecksRun(
        jobs if options.browser_checks else [],
        tools=tools,
        base_url=base_url,
        concurrency=max(1, int(options.concurrency)),
        timeout_s=float(options.timeout),
    )
    _RUNNING.append(run)
    return run.start()


def finish_checks(
    checks: ChecksRun, output: Any, jobs: list[Job], tools: Tools, base_url: str, options: Any
) -> None:
    """Wait for the checks, merge their issues into pa11y's `output` (a `RunOutput`), then make the screenshot
    crops of the errors that have none yet."""
    try:
        done = checks.finish()
    finally:
        checks.stop()
    if not options.browser_checks:
        return
    merge(output.issues, output.errors, done, jobs)
    crops = crop_requests(output.issues, options.ignores)
    if crops:
        shots = ChecksRun(
            list(crops),
            tools=tools,
            base_url=base_url,
            concurrency=max(1, int(options.concurrency) // 2),
            timeout_s=float(options.timeout),
            mode="crop",
            crops=crops,
        )
        _RUNNING.append(shots)
        apply_crops(output.issues, shots.start().finish())


def stop_all() -> None:
    """Stop every run that is still going (after an error elsewhere in the gate)."""
    while _RUNNING:
        _RUNNING.pop().stop()


def merge(
    issues: dict[Job, list[dict[str, Any]]],
    errors: dict[Job, str | Msg],
    checks: ChecksOutput,
    jobs: Iterable[Job],
) -> None:
    """Add Helder's issues to pa11y's (in place). A job that pa11y tested but these checks could not is not
    tested at all: it moves to `errors` (fail closed)."""
    for job in jobs:
        if job not in issues:
            continue
        if job in checks.issues:
            issues[job] = [*issues[job], *checks.issues[job]]
        else:
            errors[job] = checks.errors.get(job, Msg("bc_no_page_result"))
            del issues[job]


def crop_requests(issues: Mapping[Job, list[dict[str, Any]]], ignores: Iterable[Any]) -> dict[Job, list[str]]:
    """Selectors of errors without a screenshot, once per (rule, selector, HTML) in the run, ignores left out."""
    wanted: dict[Job, list[str]] = {}
    seen: set[tuple[str, str, str]] = set()
    ignore_list = [dict(i) for i in ignores]
    have = {
        (rule_id(issue), str(issue.get("selector")), str(issue.get("context")))
        for job_issues in issues.values()
        for issue in job_issues
        if (issue.get("runnerExtras") or {}).get("screenshot")
    }
    for job, job_issues in issues.items():
        for issue in job_issues:
            if issue.get("type") != "error" or issue.get("selector") in (None, "", "html"):
                continue
            key = (rule_id(issue), str(issue.get("selector")), str(issue.get("context")))
            if key in have or key in seen or find_ignore(ignore_list, key[0], issue) is not None:
                continue
            if issue.get("code") == "keyboard.hidden-focus":
                continue
            seen.add(key)
            wanted.setdefault(job, []).append(str(issue["selector"]))
    return wanted


def apply_crops(issues: dict[Job, list[dict[str, Any]]], crops: ChecksOutput) -> None:
    """Put the screenshots of the crop pass into the issues they belong to (a missing crop is no failure:
    the report then shows the HTML only)."""
    for job, shots in crops.issues.items():
        by_selector = {str(s.get("selector")): str(s.get("screenshot") or "") for s in shots}
        for issue in issues.get(job, []):
            shot = by_selector.get(str(issue.get("selector")))
            if shot and issue.get("type") == "error":
                extras = issue.get("runnerExtras")
                if not isinstance(extras, dict):
                    extras = issue["runnerExtras"] = {}
                extras.setdefault("screenshot", shot)
