"""HTTP downloads with bounded response headers, not only bounded bodies.

Scrapy stops a body at ``DOWNLOAD_MAXSIZE`` but reads response headers without limit: a
server that sends header lines forever fills memory until ``DOWNLOAD_TIMEOUT`` (about
190 MB a second on loopback). :class:`BoundedHTTP11DownloadHandler` is Scrapy's HTTP/1.1
handler whose response parser gives up past :data:`MAX_HEADER_BYTES`; the download then
fails with :class:`HeadersTooLarge` as its reason (counted as ``antara/fault/oversize``).

It reaches into Scrapy's private HTTP/1.1 classes (the parser, the protocol that swaps it
in, the connection pool's factory), as Scrapy itself does to make the parser lenient.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.core.downloader.handlers.http11 import (
    HTTP11DownloadHandler,
    _LenientHTTP11ClientFactory,
    _LenientHTTP11ClientProtocol,
    _LenientHTTPClientParser,
)
from twisted.web._newclient import ParseError

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from twisted.internet.defer import Deferred
    from twisted.internet.interfaces import IAddress
    from twisted.web._newclient import Request as TxRequest
    from twisted.web.iweb import IResponse

MAX_HEADER_BYTES = 64 * 1024
"""Most bytes of a response's status line and headers (servers commonly allow 8–32 KiB)."""


class HeadersTooLarge(ParseError):
    """A response whose status line and headers exceed :data:`MAX_HEADER_BYTES`."""


class _BoundedParser(_LenientHTTPClientParser):
    """Scrapy's lenient response parser, counting the bytes of the header block."""

    _header_bytes = 0

    def lineReceived(self, line: bytes) -> None:
        self._header_bytes += len(line) + 2
        if self._header_bytes > MAX_HEADER_BYTES:
            raise HeadersTooLarge(f"response headers past {MAX_HEADER_BYTES} bytes", line[:80])
        super().lineReceived(line)


class _BoundedProtocol(_LenientHTTP11ClientProtocol):
    def request(self, request: TxRequest) -> Deferred[IResponse]:
        response = super().request(request)
        assert self._parser is not None
        self._parser.__class__ = _BoundedParser  # as Scrapy swaps in its lenient parser
        return response


class _BoundedFactory(_LenientHTTP11ClientFactory):
    def buildProtocol(self, addr: IAddress | None) -> _BoundedProtocol:
        return _BoundedProtocol(self._quiescentCallback)  # type: ignore[no-untyped-call]


class BoundedHTTP11DownloadHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP/1.1 download handler, refusing response headers past
    :data:`MAX_HEADER_BYTES`."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self._pool._factory = _BoundedFactory
