"""Downloader middlewares: an honest user agent, and retries that back off."""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

from scrapy.downloadermiddlewares.retry import RetryMiddleware

from antara_crawl import __version__

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from typing_extensions import Self

logger = logging.getLogger(__name__)


def user_agent(contact: str) -> str:
    """``antara-crawl/0.1.0 (+contact)``: the project, its version and who to contact."""
    return f"antara-crawl/{__version__} (+{contact})"


class AntaraUserAgent:
    """Sets the user agent: ``USER_AGENT`` if given, else one built from ``ANTARA_CONTACT``."""

    def __init__(self, agent: str) -> None:
        self.agent = agent

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        settings = crawler.settings
        return cls(settings.get("USER_AGENT") or user_agent(settings.get("ANTARA_CONTACT")))

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        request.headers.setdefault(b"User-Agent", self.agent)


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


class RetryAfterMiddleware(RetryMiddleware):
    """Scrapy's retries, plus back-off: on 429 and 5xx the host's download delay grows.

    A ``Retry-After`` header sets the delay (capped at ``ANTARA_RETRY_AFTER_MAX``);
    without one the delay doubles, up to ``AUTOTHROTTLE_MAX_DELAY``.
    """

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Request | Response:
        if response.status in self.retry_http_codes and not request.meta.get("dont_retry"):
            self._back_off(request, response)
        return super().process_response(request, response)

    def _back_off(self, request: Request, response: Response) -> None:
        settings = self.crawler.settings
        engine = self.crawler.engine
        if engine is None:
            return
        downloader = engine.downloader
        slot = downloader.slots.get(downloader.get_slot_key(request))
        if slot is None:
            return
        wait = retry_after_seconds(response.headers.get(b"Retry-After"))
        if wait is not None:
            delay = min(wait, settings.getfloat("ANTARA_RETRY_AFTER_MAX"))
        else:
            delay = min(max(slot.delay * 2, 1.0), settings.getfloat("AUTOTHROTTLE_MAX_DELAY", 60.0))
        if delay > slot.delay:
            logger.info(
                "Backing off %s: %s, download delay now %.1fs",
                request.url,
                response.status,
                delay,
            )
            slot.delay = delay
        self.crawler.stats.inc_value("antara/backoff")
