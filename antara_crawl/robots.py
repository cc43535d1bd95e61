"""robots.txt as RFC 9309 says: what a failed fetch means, and ``Crawl-delay`` per host.

Rules are matched by Protego (Scrapy's default parser): the group of our user agent, else
``*``; the longest matching ``Allow``/``Disallow`` wins, ``Allow`` on a tie.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from scrapy import Request, signals
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.http.request import NO_CALLBACK
from scrapy.robotstxt import RobotParser
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from antara_crawl.config import number_setting

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from typing_extensions import Self

logger = logging.getLogger(__name__)

_STEADY = {"jitter": 0, "randomize_delay": False}
"""A download slot's delay without random variation: ``jitter`` from Scrapy 2.19 on (read
first), ``randomize_delay`` before."""


class FixedRobotParser(RobotParser):
    """A robots.txt decision without a file: everything allowed, or nothing."""

    def __init__(self, allow: bool) -> None:
        self.allow = allow

    @classmethod
    def from_crawler(cls, crawler: Crawler, robotstxt_body: bytes) -> Self:
        """Everything allowed, as by an empty robots.txt (the body is not read)."""
        return cls(allow=True)

    def allowed(self, url: str | bytes, user_agent: str | bytes) -> bool:
        return self.allow


def robots_outcome(status: int) -> str:
    """What a robots.txt answer (after retries) means, per RFC 9309 section 2.3.1:
    ``parse`` (2xx), ``allow_all`` (4xx other than 429: "unavailable", no restrictions) or
    ``disallow_all`` (429, 5xx, or a redirect left unfollowed: "unreachable")."""
    if 200 <= status < 300:
        return "parse"
    if 400 <= status < 500 and status != 429:
        return "allow_all"
    return "disallow_all"


class RobotsMiddleware(RobotsTxtMiddleware):
    """Scrapy's robots.txt middleware, failing safe and honouring ``Crawl-delay``.

    robots.txt is retried like any request (429, 5xx, network errors). After the retries
    a 4xx other than 429 means no restrictions (``antara/robots/unavailable``); a 429 or
    5xx, a network error, or a fetch refused (an off-site redirect, too large) means the
    host is fully disallowed for this run (``antara/robots/unreachable``, WARNING), and
    asked again next run.

    ``Crawl-delay`` for our user agent (or ``*``) becomes the host's download delay floor,
    capped at ``ANTARA_CRAWL_DELAY_MAX`` seconds (0 ignores it), without jitter; AutoThrottle
    and back-off may raise it, never lower it. In mirror mode with ``ANTARA_MIRROR_FAST``
    (no politeness delays) it is ignored.
    """

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        settings = crawler.settings
        self.delay_max = float(number_setting(settings, "ANTARA_CRAWL_DELAY_MAX"))
        if settings.get("ANTARA_MIRROR") and settings.getbool("ANTARA_MIRROR_FAST", True):
            self.delay_max = 0.0
        self.delays: dict[str, float] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        middleware = cls(crawler)
        # Connected after AutoThrottle, so its adjustment comes first and is floored here.
        crawler.signals.connect(middleware.response_downloaded, signal=signals.response_downloaded)
        return middleware

    async def robot_parser(self, request: Request) -> RobotParser | None:
        url = urlparse_cached(request)
        netloc = url.netloc
        if netloc not in self._parsers:
            self._parsers[netloc] = Deferred()
            robots_url = f"{url.scheme}://{netloc}/robots.txt"
            robots_request = Request(
                robots_url,
                priority=self.DOWNLOAD_PRIORITY,
                meta={"dont_obey_robotstxt": True},
                callback=NO_CALLBACK,
            )
            assert self.crawler.engine is not None
            try:
                response = await self.crawler.engine.download_async(robots_request)
            except Exception as exc:
                why = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
                self._settle(netloc, self._unreachable(robots_url, why))
            else:
                await self._answered(response, netloc, request)
            self._stats.inc_value("robotstxt/request_count")
        parser = self._parsers[netloc]
        if isinstance(parser, Deferred):
            return await maybe_deferred_to_future(parser)
        return parser

    async def _answered(self, response: Response, netloc: str, request: Request) -> None:
        outcome = robots_outcome(response.status)
        if outcome == "parse":
            await self._parse_robots(response, netloc, request)
            self._crawl_delay(request)
            return
        self._stats.inc_value(f"robotstxt/response_status_count/{response.status}")
        if outcome == "allow_all":
            self._stats.inc_value("antara/robots/unavailable")
            logger.info("No robots.txt (%d): %s: no restrictions", response.status, response.url)
            self._settle(netloc, FixedRobotParser(allow=True))
        else:
            self._settle(netloc, self._unreachable(response.url, f"HTTP {response.status}"))

    def _unreachable(self, robots_url: str, why: str) -> RobotParser:
        self._stats.inc_value("antara/robots/unreachable")
        logger.warning(
            "robots.txt unreachable (%s): %s: the host is disallowed for this run", why, robots_url
        )
        return FixedRobotParser(allow=False)

    def _settle(self, netloc: str, parser: RobotParser) -> None:
        waiting = self._parsers[netloc]
        self._parsers[netloc] = parser
        if isinstance(waiting, Deferred):
            waiting.callback(parser)

    # -- Crawl-delay -------------------------------------------------------------------

    def _crawl_delay(self, request: Request) -> None:
        """Record and apply the ``Crawl-delay`` robots.txt gives our user agent on this host."""
        parser = self._parsers.get(urlparse_cached(request).netloc)
        read = getattr(parser, "crawl_delay", None)
        if read is None or not self.delay_max:
            return
        user_agent = self._robotstxt_useragent or request.headers.get(
            b"User-Agent", self._default_useragent
        )
        delay = read(user_agent)
        if not delay or delay <= 0:
            return
        host = urlparse_cached(request).hostname or ""
        if delay > self.delay_max:
            logger.info(
                "Crawl-delay %.1fs of %s capped at ANTARA_CRAWL_DELAY_MAX (%.1fs)",
                delay,
                host,
                self.delay_max,
            )
            delay = self.delay_max
        self.delays[host] = delay
        self._stats.set_value(f"antara/robots/crawl_delay/{host}", delay)
        logger.info("Crawl-delay of %s: %.1fs", host, delay)
        assert self.crawler.engine is not None
        downloader = self.crawler.engine.downloader
        downloader.per_slot_settings.setdefault(host, {}).update(delay=delay, **_STEADY)
        self._floor(host)

    def _floor(self, slot_key: str) -> None:
        delay = self.delays.get(slot_key)
        if delay is None or self.crawler.engine is None:
            return
        slot = self.crawler.engine.downloader.slots.get(slot_key)
        if slot is not None:
            slot.delay = max(slot.delay, delay)
            if hasattr(slot, "jitter"):
                slot.jitter = 0
            else:
                slot.randomize_delay = False

    def response_downloaded(self, response: Response, request: Request, spider: Spider) -> None:
        if self.delays:
            self._floor(request.meta.get("download_slot") or urlparse_cached(request).hostname)
