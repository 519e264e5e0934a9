"""A quiet local web server for the built site, that remembers what it answered.

pa11y must load pages over http (Material's search only starts over http, so `file://` under-reports), and
Puppeteer treats a 404 or 500 page as a normal page: pa11y-ci would test the error page and call it a pass.
The server therefore records the HTTP status of every request, so the gate can refuse results for a page that
was not served correctly (fail closed).

It also records which file it sent for each request, and the page marker in that file (`<meta
name="helder-page" content="/url/">`, written by the plugin into every page), so the gate accepts a result only
for the built page itself. A folder without its `index.html` gets a 404, never a folder listing: pa11y would
test the listing and the page would pass untested.
"""

from __future__ import annotations

import contextlib
import html
import os
import re
import socketserver
import threading
from collections.abc import Callable
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from urllib.parse import urlsplit

from ..messages import MessageError, Msg

#: The marker the plugin writes into the `<head>` of every page: which URL the page belongs to.
PAGE_MARKER = re.compile(rb'<meta name="helder-page" content="([^"<>]*)"')


class ServerError(MessageError):
    """The server could not start; carries a catalogue message that says what to change."""


def status_key(raw_path: str) -> tuple[str, str]:
    """Path and query of a request, with a trailing slash removed, so `/a?x` and `/a/?x` (redirect) match."""
    parts = urlsplit(raw_path)
    return parts.path.rstrip("/") or "/", parts.query


class SiteRequestHandler(SimpleHTTPRequestHandler):
    """Serves files from the site folder, logs nothing to the terminal and records every status code."""

    # HTTP/1.1 keeps connections open between the many asset requests of a page (measurably faster).
    protocol_version = "HTTP/1.1"
    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".webmanifest": "application/manifest+json",
    }
    server: SiteServerHTTP

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        """Stay quiet: the gate prints its own summary and a progress bar."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        with contextlib.suppress(TypeError, ValueError):
            self.server.record(self.path, int(code))

    def send_head(self) -> object:
        """Note the file this request gets (a folder's `index.html`); a folder without one is a 404."""
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            index = next(
                (path / name for name in ("index.html", "index.htm") if (path / name).is_file()), None
            )
            if index is None:
                self.send_error(404)
                return None
            path = index
        if path.is_file():
            self.server.record_file(self.path, path)
        return super().send_head()

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        """Never a folder listing (see the module's docstring)."""
        self.send_error(404)
        return None

    def handle(self) -> None:
        """A browser that closes a connection early is normal here, not something to print a traceback for."""
        with contextlib.suppress(ConnectionError, TimeoutError):
            super().handle()


class SiteServerHTTP(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], handler: Callable[..., SiteRequestHandler]) -> None:
        super().__init__(address, handler)
        self._lock = threading.Lock()
        self.statuses: dict[tuple[str, str], int] = {}
        #: Per request: the file sent and the page marker in it (None when the file has none).
        self.files: dict[tuple[str, str], tuple[Path, str | None]] = {}

    def server_bind(self) -> None:
        """Bind without `HTTPServer`'s reverse DNS lookup of the host, which stalls on offline machines."""
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)

    def record(self, raw_path: str, code: int) -> None:
        with self._lock:
            self.statuses[status_key(raw_path)] = code

    def record_file(self, raw_path: str, file: Path) -> None:
        marker = None
        if file.suffix in (".html", ".htm"):
            with contextlib.suppress(OSError):
                found = PAGE_MARKER.search(file.read_bytes()[:200_000])
                marker = html.unescape(found.group(1).decode("utf-8", "replace")) if found else None
        with self._lock:
            self.files[status_key(raw_path)] = (file.resolve(), marker)

    def handle_error(self, request: object, client_address: object) -> None:
        """No tracebacks on the terminal for broken connections; the gate judges pages by their status."""


class SiteServer:
    """`with SiteServer(site_dir) as server:` serves `site_dir` on http://127.0.0.1:<port>/ in a thread.

    `handler` can be replaced by a subclass of `SiteRequestHandler` (tests use that for a page that answers
    500, closes the connection or never answers).
    """

    def __init__(
        self,
        root: Path,
        *,
        port: int = 0,
        handler: type[SiteRequestHandler] = SiteRequestHandler,
    ) -> None:
        self.root = Path(root)
        self.port = port
        self.handler = handler
        self._httpd: SiteServerHTTP | None = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> SiteServer:
        factory = partial(self.handler, directory=str(self.root))
        try:
            self._httpd = SiteServerHTTP(("127.0.0.1", self.port), factory)
        except OSError as error:
            if self.port:
                raise ServerError(Msg("gate_port_taken", port=self.port, error=error.strerror)) from error
            raise ServerError(Msg("gate_server_start", error=error.strerror)) from error
        self.port = self._httpd.server_address[1]
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name="helder-audit-http", daemon=True
        )
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def serves_page(self, raw_path: str, url_path: str) -> bool:
        """True when the request got the built page of `url_path` itself: its own file (`/a/` ->
        `a/index.html`), HTML, and, when the page carries Helder's marker, the marker of that URL."""
        assert self._httpd is not None
        sent = self._httpd.files.get(status_key(raw_path))
        if sent is None:
            return False
        file, marker = sent
        expected = self.root / url_path.lstrip("/")
        if url_path.endswith("/") or not url_path.strip("/"):
            expected = expected / "index.html"
        return file == expected.resolve() and file.suffix in (".html", ".htm") and marker in (None, url_path)

    def status(self, raw_path: str) -> int | None:
        """The last status code sent for this path and query, or None when it was never answered."""
        assert self._httpd is not None
        return self._httpd.statuses.get(status_key(raw_path))
