"""Downloader middlewares: retries that back off, and a clear stop when ANTARA is unreachable."""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
)
from scrapy.utils.defer import deferred_from_coro
from twisted.internet.error import ConnectError, DNSLookupError, TimeoutError

from antara_crawl.config import number_setting
from antara_crawl.extensions import EXIT_STAT, EXIT_UNREACHABLE

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from typing_extensions import Self

logger = logging.getLogger(__name__)

NETWORK_ERRORS = (
    CannotResolveHostError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    DNSLookupError,
    ConnectError,
    TimeoutError,
)
"""Failures that mean the host could not be resolved or reached at all."""


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta seconds or an HTTP date)."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


def backoff_delay(
    current: float, retry_after: float | None, retry_after_max: float, max_delay: float
) -> float:
    """A host's next download delay after a 429 or 5xx: ``Retry-After`` (capped at
    ``retry_after_max``) when given, else the current delay doubled (at least 1 s, at most
    ``max_delay``); never shorter than the current one."""
    if retry_after is not None:
        delay = min(retry_after, retry_after_max)
    else:
        delay = min(max(current * 2, 1.0), max_delay)
    return max(delay, current)


class RetryAfterMiddleware(RetryMiddleware):
    """Scrapy's retries, plus back-off: on 429 and 5xx the host's download delay grows.

    A ``Retry-After`` header sets the delay (capped at ``ANTARA_RETRY_AFTER_MAX``);
    without one the delay doubles, up to ``AUTOTHROTTLE_MAX_DELAY``.
    """

    retry_after_max: float = 300.0
    max_delay: float = 60.0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        middleware = super().from_crawler(crawler)
        middleware.retry_after_max = number_setting(crawler.settings, "ANTARA_RETRY_AFTER_MAX")
        middleware.max_delay = crawler.settings.getfloat("AUTOTHROTTLE_MAX_DELAY")
        return middleware

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        if response.status in self.retry_http_codes and not request.meta.get("dont_retry"):
            self._back_off(request, response)
        return super().process_response(request, response)

    def _back_off(self, request: Request, response: Response) -> None:
        engine = self.crawler.engine
        if engine is None:
            return
        downloader = engine.downloader
        slot = downloader.slots.get(downloader.get_slot_key(request))
        if slot is None:
            return
        delay = backoff_delay(
            slot.delay,
            retry_after_seconds(response.headers.get(b"Retry-After")),
            self.retry_after_max,
            self.max_delay,
        )
        if delay > slot.delay:
            logger.info(
                "Backing off %s: %s, download delay now %.1fs",
                request.url,
                response.status,
                delay,
            )
            slot.delay = delay
        self.crawler.stats.inc_value("antara/backoff")


class UnreachableMiddleware:
    """Ends a run that cannot reach ANTARA with one clear message and exit status 3.

    Once ``ANTARA_UNREACHABLE_AFTER`` downloads have failed to resolve or connect and no
    response has arrived at all, the spider is closed (reason ``antara_unreachable``) and
    every further such failure is ignored quietly instead of retried and logged. A run that
    ends with fewer such failures and no response at all (one portal, its robots.txt
    unreachable) is unreachable too.
    Sits after RetryMiddleware (a higher number) so it sees failures first.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.limit = number_setting(crawler.settings, "ANTARA_UNREACHABLE_AFTER")
        self.responses = 0
        self.failures = 0
        self.unreachable = False
        self.last_failure = ""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        middleware = cls(crawler)
        crawler.signals.connect(middleware.response_received, signal=signals.response_received)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def spider_closed(self) -> None:
        if self.failures and not self.responses and not self.unreachable:
            self._give_up()

    def _give_up(self) -> None:
        self.unreachable = True
        self.crawler.stats.set_value(EXIT_STAT, EXIT_UNREACHABLE)
        logger.error(
            "Cannot reach ANTARA: %d downloads failed and none answered (last: %s). "
            "Check the network, or run offline with -s ANTARA_MIRROR=DIR_OR_URL.",
            self.failures,
            self.last_failure,
        )

    def response_received(self) -> None:
        self.responses += 1

    def process_exception(
        self, request: Request, exception: Exception, spider: Spider | None = None
    ) -> None:
        if self.responses or not isinstance(exception, NETWORK_ERRORS):
            return
        self.failures += 1
        if self.unreachable:
            raise IgnoreRequest(f"ANTARA unreachable: {request.url}")
        self.last_failure = f"{request.url}: {exception}"
        if self.failures < self.limit:
            return
        self._give_up()
        assert self.crawler.engine is not None
        deferred_from_coro(self.crawler.engine.close_spider_async(reason="antara_unreachable"))
        raise IgnoreRequest(f"ANTARA unreachable: {request.url}")
