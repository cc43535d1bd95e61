"""Faults: every download fault counted by reason, with one log line naming the URL.

Counters (``antara/fault/<reason>`` in the stats and the run report):

- ``timeout``, ``reset``, ``truncated``, ``bad_response``, ``refused``, ``dns``, ``connect``,
  ``error/<Exception>``: a
  download that failed; Scrapy's retry middleware then retries it (``retry/reason_count/…``)
  or gives up (``retry/max_reached``);
- ``http/<status>``: an error status the spider does not handle itself (429 and 5xx are
  retried with back-off), except a robots.txt that is not there;
- ``oversize``: a page larger than ``DOWNLOAD_MAXSIZE``, as sent or once decompressed, or
  response headers larger than :data:`~antara_crawl.httpbounds.MAX_HEADER_BYTES`;
- ``bad_compression``: a body that does not decompress;
- ``undecodable``: a text page with bytes its encoding cannot decode (they are replaced);
- ``not_text``: a page answered with a binary content type.

Redirect faults are counted by :mod:`antara_crawl.containment`, robots.txt ones by
:mod:`antara_crawl.robots`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import TextResponse
from twisted.internet import error as tx_error
from twisted.web._newclient import ParseError
from twisted.web.client import ResponseFailed

from antara_crawl.containment import request_origin
from antara_crawl.robots import robots_outcome

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from typing_extensions import Self

logger = logging.getLogger(__name__)

_REASONS: tuple[tuple[tuple[type[BaseException], ...], str], ...] = (
    ((DownloadTimeoutError, tx_error.TimeoutError), "timeout"),
    ((ResponseDataLossError,), "truncated"),
    ((DownloadCancelledError,), "oversize"),
    ((DownloadConnectionRefusedError, tx_error.ConnectionRefusedError), "refused"),
    ((CannotResolveHostError, tx_error.DNSLookupError), "dns"),
    (
        (
            DownloadFailedError,
            ResponseFailed,
            tx_error.ConnectionLost,
            tx_error.ConnectionDone,
            ConnectionError,
        ),
        "reset",
    ),
    ((tx_error.ConnectError,), "connect"),
)


def _parse_failure(exception: BaseException) -> str | None:
    """``oversize`` or ``bad_response`` if a download failed because its response headers
    were too large or could not be parsed, else None."""
    failed = exception.__cause__ if isinstance(exception, DownloadFailedError) else exception
    reasons = getattr(failed, "reasons", None) if isinstance(failed, ResponseFailed) else None
    for reason in reasons or ():
        # By name, as Twisted allows: antara_crawl.httpbounds imports Scrapy's HTTP handler.
        if reason.check("antara_crawl.httpbounds.HeadersTooLarge"):
            return "oversize"
        if reason.check(ParseError):
            return "bad_response"
    return None


def exception_reason(exception: BaseException) -> str:
    """The fault a download exception stands for: ``timeout``, ``truncated``, ``oversize``
    (Scrapy cancels a download past ``DOWNLOAD_MAXSIZE``; headers past
    :data:`~antara_crawl.httpbounds.MAX_HEADER_BYTES`), ``refused``, ``dns``, ``reset``
    (the connection dropped before a whole response), ``bad_response`` (a status line or
    headers that are not HTTP), ``connect`` (no connection), else ``error/<name>``."""
    parse_failure = _parse_failure(exception)
    if parse_failure is not None:
        return parse_failure
    for types, reason in _REASONS:
        if isinstance(exception, types):
            return reason
    return f"error/{type(exception).__name__}"


def undecodable(response: TextResponse) -> bool:
    """Whether the body holds bytes its (declared or inferred) encoding cannot decode."""
    try:
        response.body.decode(response.encoding)
    except (UnicodeDecodeError, LookupError):
        return True
    return False


class FaultsMiddleware:
    """Counts and logs download faults; changes nothing else, except that an oversized
    download ends as IgnoreRequest (Scrapy has already logged it with its URL).

    Sits between the compression middleware and the retry middleware, so it sees
    decompressed responses and every exception before retries are decided.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.retry_codes = {int(code) for code in crawler.settings.getlist("RETRY_HTTP_CODES")}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def _count(self, reason: str) -> None:
        self.crawler.stats.inc_value(f"antara/fault/{reason}")

    def process_exception(
        self, request: Request, exception: Exception, spider: Spider | None = None
    ) -> None:
        if isinstance(exception, IgnoreRequest):
            return
        reason = exception_reason(exception)
        self._count(reason)
        message = str(exception) or type(exception).__name__
        if reason == "oversize":
            if not isinstance(exception, DownloadCancelledError):  # else Scrapy logged it
                logger.warning("Download fault (oversize): %s: %s", request.url, message)
            raise IgnoreRequest(f"Too large: {request.url}") from exception
        logger.info("Download fault (%s): %s: %s", reason, request.url, message)

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Response:
        status = response.status
        handled = request.meta.get("handle_httpstatus_list", ())
        if request_origin(request) == "robots" and robots_outcome(status) == "allow_all":
            return response  # no robots.txt: the robots middleware says so
        if status >= 400 and status not in handled:
            self._count(f"http/{status}")
            if status in self.retry_codes:
                retry_after = response.headers.get(b"Retry-After")
                logger.info(
                    "HTTP %d: %s%s",
                    status,
                    request.url,
                    f" (Retry-After: {retry_after.decode('latin-1')})" if retry_after else "",
                )
        elif status == 200 and request.method != "HEAD":
            self._check_text(request, response)
        return response

    def _check_text(self, request: Request, response: Response) -> None:
        if not isinstance(response, TextResponse):
            if response.body:
                self._count("not_text")
                content_type = response.headers.get(b"Content-Type") or b"none"
                logger.info(
                    "Not a text page: %s (Content-Type: %s)",
                    request.url,
                    content_type.decode("latin-1"),
                )
            return
        if undecodable(response):
            self._count("undecodable")
            logger.info("Undecodable bytes in %s (as %s): replaced", request.url, response.encoding)


class BoundedCompressionMiddleware(HttpCompressionMiddleware):
    """Scrapy's decompression (which stops at ``DOWNLOAD_MAXSIZE`` decompressed bytes, in
    64 KiB steps), counting what it refuses: ``antara/fault/oversize`` for a body that
    expands past the limit (a compression bomb), ``antara/fault/bad_compression`` for one
    that does not decompress at all. Either ends the request with IgnoreRequest."""

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        try:
            return super().process_response(request, response)
        except IgnoreRequest:  # only raised past DOWNLOAD_MAXSIZE (Scrapy logs it, with the URL)
            self._count("oversize")
            raise
        except Exception as exc:
            self._count("bad_compression")
            encoding = b",".join(response.headers.getlist(b"Content-Encoding")).decode("latin-1")
            logger.warning("Cannot decompress %s (%s): %s", request.url, encoding, exc)
            raise IgnoreRequest(f"Cannot decompress {request.url}") from exc

    def _count(self, reason: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(f"antara/fault/{reason}")
