"""A loopback HTTP server over a wget-style mirror that misbehaves on purpose (standard library).

Like :mod:`tests.mirror_server` it answers ``GET /{host}{path}?{query}`` with the mirror's
file (the layout ``ANTARA_MIRROR=http://127.0.0.1:PORT`` expects), but a *plan* can give any
path a sequence of faults, one per hit; once the sequence is used up the path is served
normally (``forever=True`` repeats the last fault instead)::

    with serve_faults(root) as server:
        server.plan("https://kupang.antaranews.com/berita/1/x", "503", "reset")  # then fine
        server.plan("https://kupang.antaranews.com/berita/2/y", "bomb", forever=True)
        ...  # crawl with ANTARA_MIRROR=server.base_url, DOWNLOAD_TIMEOUT below STALL
        hits = server.snapshot()  # what each request got, and when

Faults (:data:`FAULTS`): error statuses (``503`` and ``429`` with ``Retry-After: 0``,
``500`` without), stalls before the headers and in the middle of the body, resets (a TCP
RST) before and during the body, a body shorter than its ``Content-Length``, a status line
that is not HTTP, a binary
content type, the page re-encoded as windows-1252 with and without a declared charset, a
UTF-8 page with invalid bytes, garbage, a redirect loop, an endless chain of redirects (each
to a new URL), an off-site redirect, a page past
any sane size (with and without ``Content-Length``), endless headers, a gzip bomb, a broken
gzip body.
Every hit is recorded in ``server.hits`` as ``Hit(path, fault or "ok" or "404", when)``.
"""

from __future__ import annotations

import gzip
import random
import re
import socket
import struct
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import NamedTuple
from urllib.parse import parse_qsl, urlsplit

from antara_crawl.mirror import mirror_file, mirror_relpath

STALL = 3.0
"""Seconds a stalled answer hangs: set the crawl's DOWNLOAD_TIMEOUT well below it."""
HUGE = 6 * 1024 * 1024
"""Bytes of a huge page: more than the project's DOWNLOAD_MAXSIZE."""
BOMB_EXPANDED = 1024 * 1024 * 1024
"""Bytes a gzip bomb expands to (it is about 1 MB on the wire)."""
EVIL = "http://evil.example"

TRANSIENT = (
    "503",
    "429",
    "500",
    "stall_headers",
    "stall_body",
    "reset",
    "reset_body",
    "truncate",
    "bad_status",
)
"""Faults a retry gets past."""
DIFFERENT_FORM = ("wrong_type", "cp1252", "cp1252_undeclared", "bad_utf8")
"""The page itself, served in a form the crawler must cope with."""
FAULTS = (
    *TRANSIENT,
    *DIFFERENT_FORM,
    "garbage",
    "loop",
    "chain",
    "offsite",
    "huge",
    "huge_stream",
    "huge_headers",
    "bomb",
    "bad_gzip",
)

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/rss+xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}
_META_CHARSET = re.compile(rb"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.IGNORECASE)


class Hit(NamedTuple):
    """One request the server answered: its path, how (a fault, ``ok``, ``404``), when."""

    path: str
    what: str
    at: float


@dataclass
class Plan:
    """The faults still to serve for one path, in order."""

    faults: list[str]
    forever: bool = False

    def take(self) -> str | None:
        if not self.faults:
            return None
        if self.forever and len(self.faults) == 1:
            return self.faults[0]
        return self.faults.pop(0)


def real_url(path: str) -> str:
    """The ANTARA URL a request path ``/{host}{path}?{query}`` stands for."""
    return "https://" + path.lstrip("/")


def gzip_bomb(expanded: int = BOMB_EXPANDED) -> bytes:
    """A gzip body of about ``expanded / 1000`` bytes that expands to ``expanded`` zero bytes
    (concatenated members of one MiB each, which every gzip reader must accept)."""
    member = gzip.compress(b"\0" * (1 << 20), compresslevel=9, mtime=0)
    return member * (expanded >> 20)


def garbage(size: int = 20_000, seed: int = 11) -> bytes:
    """Deterministic random bytes."""
    return random.Random(seed).randbytes(size)


def as_cp1252(page: bytes, *, declared: bool) -> bytes:
    """A UTF-8 page re-encoded as windows-1252, its ``<meta charset>`` saying so or gone."""
    meta = b'<meta charset="windows-1252">' if declared else b""
    text = _META_CHARSET.sub(meta, page).decode("utf-8")
    return text.encode("cp1252", errors="xmlcharrefreplace")


def with_bad_utf8(page: bytes) -> bytes:
    """The page with bytes that are not UTF-8 in a comment of its head."""
    return page.replace(b"<head>", b"<head><!-- \xff\xfe\xc3( -->", 1)


class FaultServer:
    """A ThreadingHTTPServer on 127.0.0.1 serving ``root`` with planned faults."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root).resolve()
        self.hits: list[Hit] = []
        self._plans: dict[str, Plan] = {}
        self._lock = threading.Lock()
        self._bomb: bytes | None = None
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(self))
        self._httpd.daemon_threads = True
        self._httpd.handle_error = lambda request, client_address: None  # quiet
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def plan(self, path: str, *faults: str, forever: bool = False) -> None:
        """Serve ``faults`` to the next hits of ``path`` (a request path or a real URL)."""
        unknown = [fault for fault in faults if fault not in FAULTS]
        if unknown:
            raise ValueError(f"unknown faults: {unknown}")
        if "://" in path:
            path = "/" + mirror_relpath(path)
        with self._lock:
            self._plans[path] = Plan(list(faults), forever)

    def snapshot(self) -> list[Hit]:
        """Every hit so far, in order."""
        with self._lock:
            return list(self.hits)

    def bomb(self) -> bytes:
        with self._lock:
            if self._bomb is None:
                self._bomb = gzip_bomb()
            return self._bomb

    def _take(self, path: str) -> str | None:
        """The next fault planned for ``path``, or for it without its query."""
        with self._lock:
            plan = self._plans.get(path) or self._plans.get(path.split("?", 1)[0])
            return plan.take() if plan is not None else None

    def _record(self, path: str, what: str) -> None:
        with self._lock:
            self.hits.append(Hit(path, what, time.monotonic()))

    def __enter__(self) -> FaultServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._thread.join(timeout=5)
        self._httpd.server_close()


@contextmanager
def serve_faults(root: Path) -> Iterator[FaultServer]:
    """Serve ``root`` with faults on a free loopback port until the block ends."""
    with FaultServer(root) as server:
        yield server


def _make_handler(server: FaultServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            path = self.path
            fault = server._take(path)
            target = mirror_file(server.root, urlsplit(path).path.lstrip("/") + _query(path))
            if fault is None and target is None:
                server._record(path, "404")
                self._send(404, b"404 Not Found\n", "text/plain")
                return
            server._record(path, fault or "ok")
            page = target.read_bytes() if target is not None else b"<html></html>"
            content_type = CONTENT_TYPES.get(target.suffix if target else ".html", "text/html")
            try:
                if fault is None:
                    self._send(200, page, content_type)
                else:
                    self._fault(fault, path, page, content_type)
            except OSError:  # the crawler gave up on this connection first
                self.close_connection = True

        def _fault(self, fault: str, path: str, page: bytes, content_type: str) -> None:
            if fault in ("503", "429", "500"):
                headers = {} if fault == "500" else {"Retry-After": "0"}
                self._send(int(fault), f"{fault}\n".encode(), "text/plain", headers)
            elif fault == "stall_headers":
                time.sleep(STALL)
                self._reset()
            elif fault == "stall_body":
                self._start(200, content_type, len(page))
                self.wfile.write(page[: len(page) // 2])
                self.wfile.flush()
                time.sleep(STALL)
                self._reset()
            elif fault == "reset":
                self._reset()
            elif fault == "reset_body":
                self._start(200, content_type, len(page))
                self.wfile.write(page[: len(page) // 2])
                self.wfile.flush()
                self._reset()
            elif fault == "truncate":
                self._start(200, content_type, len(page))
                self.wfile.write(page[: len(page) // 2])
                self.close_connection = True
            elif fault == "bad_status":
                self.wfile.write(b"GARBAGE\r\n\r\n")
                self.close_connection = True
            elif fault == "wrong_type":
                self._send(200, page, "application/octet-stream")
            elif fault in ("cp1252", "cp1252_undeclared"):
                declared = fault == "cp1252"
                charset = "; charset=windows-1252" if declared else ""
                self._send(200, as_cp1252(page, declared=declared), f"text/html{charset}")
            elif fault == "bad_utf8":
                self._send(200, with_bad_utf8(page), content_type)
            elif fault == "garbage":
                self._send(200, garbage(), "text/html")
            elif fault == "loop":
                self._redirect(real_url(path.split("?", 1)[0]) + ("" if "?" in path else "?r=1"))
            elif fault == "chain":
                hop = int(dict(parse_qsl(urlsplit(path).query)).get("hop", "0")) + 1
                self._redirect(f"{real_url(path.split('?', 1)[0])}?hop={hop}")
            elif fault == "offsite":
                self._redirect(f"{EVIL}/{path.lstrip('/')}")
            elif fault == "huge":
                self._send(200, b"<html><body>" + b"x" * HUGE, "text/html")
            elif fault == "huge_stream":
                self._start(200, "text/html", None)
                for _ in range(HUGE // 65536 + 1):
                    self.wfile.write(b"x" * 65536)
                self.close_connection = True
            elif fault == "huge_headers":
                self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                line = b"X-Padding: " + b"x" * 1000 + b"\r\n"
                for _ in range(HUGE // len(line)):
                    self.wfile.write(line)
                self.close_connection = True
            elif fault == "bomb":
                self._send(200, server.bomb(), content_type, {"Content-Encoding": "gzip"})
            elif fault == "bad_gzip":
                self._send(200, garbage(2000), content_type, {"Content-Encoding": "gzip"})

        def _start(
            self, status: int, content_type: str, length: int | None, **headers: str
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            if length is None:
                self.send_header("Connection", "close")
            else:
                self.send_header("Content-Length", str(length))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()

        def _send(
            self,
            status: int,
            body: bytes,
            content_type: str,
            headers: dict[str, str] | None = None,
        ) -> None:
            self._start(status, content_type, len(body), **(headers or {}))
            self.wfile.write(body)

        def _redirect(self, location: str) -> None:
            self._send(302, b"", "text/plain", {"Location": location})

        def _reset(self) -> None:
            """Abort the connection with a TCP RST."""
            self.wfile.flush()
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True

    return Handler


def _query(path: str) -> str:
    query = urlsplit(path).query
    return f"?{query}" if query else ""
