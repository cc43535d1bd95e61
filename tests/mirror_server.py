"""A loopback HTTP server over a wget-style mirror directory, for end-to-end tests.

``GET /{host}{path}?{query}`` answers with the file
``antara_crawl.mirror.mirror_file(root, "{host}{path}?{query}")`` (200) or 404, which is what
``ANTARA_MIRROR=http://127.0.0.1:PORT`` expects. Every request path (with its query) is
recorded in ``server.requests`` and, optionally, appended to a log file; ``server.arrivals``
keeps when each request arrived, with its User-Agent. Statuses can be
injected per path (``410``, ``503`` with ``Retry-After`` …), permanently or for the first N hits,
requests can be held unanswered until a test releases them (``server.hold(prefix)``) or
answered late (``server.slow(prefix, seconds)``).

    with serve_mirror(root) as server:  # then crawl with ANTARA_MIRROR=server.base_url
        ...
        assert "/kupang.antaranews.com/robots.txt" in server.requests

Run it by hand (serves until interrupted)::

    python -m tests.mirror_server data/sample [--port 8765] [--log requests.log]
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import sys
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from antara_crawl.mirror import mirror_file, mirror_relpath

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".xml": "application/rss+xml",
    ".txt": "text/plain",
    ".json": "application/json",
}


class RequestLog(list):
    """A list of request paths whose updates are guarded by a lock."""

    def __init__(self, items: Iterable[str] = ()) -> None:
        super().__init__(items)
        self._lock = threading.Lock()

    def append(self, item: str) -> None:
        with self._lock:
            super().append(item)

    def clear(self) -> None:
        with self._lock:
            super().clear()

    def snapshot(self) -> list[str]:
        with self._lock:
            return list(self)

    def count_path(self, path: str) -> int:
        """How many requests were made for ``path`` (with or without a query)."""
        return sum(1 for p in self.snapshot() if p == path or p.split("?", 1)[0] == path)

    def __reduce__(self) -> tuple[type[list], tuple[list[str]]]:  # copies are plain lists
        return (list, (self.snapshot(),))


@dataclass(frozen=True)
class Arrival:
    """A request as it reached the server: ``time.monotonic()``, path, User-Agent."""

    at: float
    path: str
    user_agent: str


@dataclass
class Hold:
    """Requests whose path starts with a prefix wait unanswered until ``release`` is set;
    ``waiting`` counts those that came (under the server's lock)."""

    arrived: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    waiting: int = 0


@dataclass
class Injection:
    """A status to answer for one path instead of the file."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    times: int | None = None  # None: always; N: only the next N requests
    body: bytes = b""


class MirrorServer:
    """A ThreadingHTTPServer on 127.0.0.1 serving ``root``. Use :func:`serve_mirror`."""

    def __init__(
        self,
        root: Path,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        log_path: Path | None = None,
        statuses: Mapping[str, int | tuple[int, Mapping[str, str]]] | None = None,
        ignore_tracking: bool = False,
    ) -> None:
        self.root = Path(root).resolve()
        self.ignore_tracking = ignore_tracking
        if not self.root.is_dir():
            raise FileNotFoundError(f"mirror directory not found: {root}")
        self.requests = RequestLog()
        self.responses: list[tuple[str, int]] = []
        self.arrivals: list[Arrival] = []
        self.log_path = Path(log_path) if log_path else None
        self._lock = threading.Lock()
        self._injections: dict[str, Injection] = {}
        self._holds: dict[str, Hold] = {}
        self._latencies: dict[str, float] = {}
        for path, spec in (statuses or {}).items():
            if isinstance(spec, tuple):
                self.inject(path, spec[0], headers=dict(spec[1]))
            else:
                self.inject(path, spec)
        self._httpd = ThreadingHTTPServer((host, port), _make_handler(self))
        self._httpd.daemon_threads = True
        self._httpd.handle_error = lambda request, client_address: None  # quiet
        self._thread: threading.Thread | None = None

    # lifecycle --------------------------------------------------------------------------
    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> MirrorServer:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._httpd.serve_forever,
                kwargs={"poll_interval": 0.05},
                name=f"mirror-server-{self.port}",
                daemon=True,
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        with self._lock:
            for held in self._holds.values():
                held.release.set()
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._httpd.server_close()

    def serve_forever(self) -> None:
        """Serve in the calling thread until interrupted."""
        try:
            self._httpd.serve_forever(poll_interval=0.2)
        finally:
            self._httpd.server_close()

    def __enter__(self) -> MirrorServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # helpers for tests ------------------------------------------------------------------
    def url_for(self, real_url: str) -> str:
        """The loopback URL serving ``real_url`` (``https://kupang.antaranews.com/...``)."""
        return f"{self.base_url}/{mirror_relpath(real_url)}"

    def inject(
        self,
        path: str,
        status: int,
        *,
        headers: Mapping[str, str] | None = None,
        times: int | None = None,
        body: bytes = b"",
    ) -> None:
        """Answer ``status`` for ``path`` (``/{host}{path}``, with a query to match only that
        query); ``times=N`` only for the next N requests. ``path`` may also be a real URL."""
        if "://" in path:
            path = "/" + mirror_relpath(path)
        with self._lock:
            self._injections[path] = Injection(status, dict(headers or {}), times, body)

    def hold(self, prefix: str) -> Hold:
        """Keep requests whose path starts with ``prefix`` (``/{host}{path}``, or a real URL)
        unanswered until the returned hold's ``release`` is set or the server stops;
        ``arrived`` tells that one came."""
        if "://" in prefix:
            prefix = "/" + mirror_relpath(prefix)
        with self._lock:
            return self._holds.setdefault(prefix, Hold())

    def slow(self, prefix: str, seconds: float) -> None:
        """Answer requests whose path starts with ``prefix`` (``/{host}{path}``) ``seconds``
        after they arrive, as a slow server does."""
        with self._lock:
            self._latencies[prefix] = seconds

    def _latency(self, path: str) -> float:
        with self._lock:
            return next((s for p, s in self._latencies.items() if path.startswith(p)), 0.0)

    def _held(self, path: str) -> Hold | None:
        with self._lock:
            return next((h for p, h in self._holds.items() if path.startswith(p)), None)

    def clear_injections(self) -> None:
        with self._lock:
            self._injections.clear()

    def _take_injection(self, path: str) -> Injection | None:
        with self._lock:
            for candidate in (path, path.split("?", 1)[0]):
                found = self._injections.get(candidate)
                if found is None:
                    continue
                if found.times is not None:
                    if found.times <= 0:
                        continue
                    found.times -= 1
                return found
        return None

    def _record(self, path: str, status: int) -> None:
        self.requests.append(path)
        with self._lock:
            self.responses.append((path, status))
            if self.log_path is not None:
                with self.log_path.open("a", encoding="utf-8") as log:
                    log.write(path + "\n")

    def resolve(self, path: str) -> Path | None:
        """The file served for a request path, or None (404)."""
        if "://" in path:  # absolute-form request target
            relpath = mirror_relpath(path)
        else:
            parts = urlsplit(path)
            relpath = parts.path.lstrip("/")
            if parts.query:
                relpath += f"?{parts.query}"
        if not relpath:
            return None
        found = mirror_file(self.root, relpath)
        if found is None and self.ignore_tracking and "?" in relpath:
            bare, query = relpath.split("?", 1)
            params = [p.split("=", 1)[0] for p in query.split("&") if p]
            if params and all(p.lower().startswith("utm_") for p in params):
                found = mirror_file(self.root, bare)
        return found


def _make_handler(server: MirrorServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "AntaraMirror/1.0"

        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            self._serve(send_body=True)

        def do_HEAD(self) -> None:
            self._serve(send_body=False)

        def _serve(self, *, send_body: bool) -> None:
            path = self.path
            if "://" in path:
                path = "/" + mirror_relpath(path)
            arrival = Arrival(time.monotonic(), path, self.headers.get("User-Agent", ""))
            with server._lock:
                server.arrivals.append(arrival)
            held = server._held(path)
            if held is not None:
                with server._lock:
                    held.waiting += 1
                held.arrived.set()
                held.release.wait()
            time.sleep(server._latency(path))
            injected = server._take_injection(path)
            if injected is not None:
                body = injected.body or f"{injected.status}\n".encode()
                self._reply(injected.status, body, "text/plain", injected.headers, send_body)
                server._record(path, injected.status)
                return
            target = server.resolve(path)
            if target is None:
                self._reply(404, b"404 Not Found\n", "text/plain", {}, send_body)
                server._record(path, 404)
                return
            content_type = CONTENT_TYPES.get(target.suffix.lower(), "application/octet-stream")
            body = target.read_bytes()
            etag = f'"{hashlib.sha256(body).hexdigest()[:16]}"'
            if self.headers.get("If-None-Match") == etag:  # as a web server does
                self._reply(304, b"", content_type, {"ETag": etag}, send_body=False)
                server._record(path, 304)
                return
            self._reply(200, body, content_type, {"ETag": etag}, send_body)
            server._record(path, 200)

        def _reply(
            self,
            status: int,
            body: bytes,
            content_type: str,
            headers: Mapping[str, str],
            send_body: bool,
        ) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                if send_body:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


def serve_mirror(
    root: Path,
    *,
    port: int = 0,
    log_path: Path | None = None,
    statuses: Mapping[str, int | tuple[int, Mapping[str, str]]] | None = None,
    ignore_tracking: bool = False,
) -> MirrorServer:
    """Start serving ``root`` on 127.0.0.1 (a free port unless ``port``) in a background
    thread. The returned server is running; use it as a context manager to stop it.

    ``statuses`` maps request paths (``/{host}{path}``) to a status, or to
    ``(status, headers)`` such as ``(503, {"Retry-After": "1"})``. Strict by default: a
    query names another file (wget layout), so ``?utm_...`` URLs are 404 unless the mirror
    holds them; ``ignore_tracking=True`` serves the page without its utm_ query instead,
    as the live site does.
    """
    return MirrorServer(
        root, port=port, log_path=log_path, statuses=statuses, ignore_tracking=ignore_tracking
    ).start()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.mirror_server",
        description="Serve a wget-style ANTARA mirror on 127.0.0.1 (for ANTARA_MIRROR).",
    )
    parser.add_argument("root", type=Path, help="mirror directory ({host}/{path} layout)")
    parser.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    parser.add_argument("--log", type=Path, default=None, help="append request paths here")
    args = parser.parse_args(argv)
    try:
        server = MirrorServer(args.root, port=args.port, log_path=args.log)
    except (FileNotFoundError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(server.base_url, flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
