"""A frontier shared by several workers (``ANTARA_FRONTIER=redis://…``), on scrapy-redis.

Workers started with the same ``ANTARA_FRONTIER`` (and ``ANTARA_RUN_ID``) are one run: they
share one request queue and one dupefilter in that Redis, under keys of the run
(``antara:run:{run}:…``), so every page is downloaded once by one of them. The dupefilter asks
the crawler's fingerprinter (:mod:`antara_crawl.fingerprint`: every URL form of an article is
one request). The first worker of a run starts from an empty queue and dupefilter; a worker
stays until the shared queue has been empty for ``ANTARA_FRONTIER_QUIET`` seconds. Requests are
pickled into the queue: whoever can write to that Redis can run code in the workers, so it
must be private (a Redis on the network needs a password, see ``ANTARA_REDIS_INSECURE``).
"""

from __future__ import annotations

import hashlib
import os
import socket
import threading
import time
import uuid
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.scheduler import Scheduler

from antara_crawl.config import number_setting
from antara_crawl.monitors import RUN_ENTRIES, discovered_entries

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings


LAST_WORKER = "antara/frontier/last_worker"
"""Stat: the worker was the last of its run to leave."""


def run_name(settings: BaseSettings) -> str | None:
    """The run a worker belongs to: from ``ANTARA_FRONTIER`` (its password left out) and
    ``ANTARA_RUN_ID``; with no frontier, ``ANTARA_RUN_ID`` alone (None if unset)."""
    frontier = settings.get("ANTARA_FRONTIER") or ""
    run_id = settings.get("ANTARA_RUN_ID") or ""
    if not frontier:
        return run_id or None
    parts = urlsplit(frontier)
    where = f"{parts.hostname}:{parts.port}{parts.path}"
    return hashlib.sha1(f"{where}\0{run_id}".encode()).hexdigest()[:16]


def frontier_settings(settings: BaseSettings) -> dict[str, Any]:
    """The Scrapy settings that put a worker on the shared frontier ``ANTARA_FRONTIER``."""
    prefix = f"antara:run:{run_name(settings)}"
    return {
        "SCHEDULER": "antara_crawl.frontier.FrontierScheduler",
        "DUPEFILTER_CLASS": "antara_crawl.frontier.ArticleDupeFilter",
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",
        "SCHEDULER_QUEUE_KEY": f"{prefix}:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"{prefix}:dupefilter",
        "SCHEDULER_PERSIST": True,  # the first worker to finish must not delete the queue
        "SCHEDULER_IDLE_BEFORE_CLOSE": 0,
        "REDIS_URL": settings.get("ANTARA_FRONTIER"),
    }


class ArticleDupeFilter(RFPDupeFilter):
    """scrapy-redis's dupefilter with the crawler's request fingerprinter (its own ignores
    ``REQUEST_FINGERPRINTER_CLASS``, so two URL forms of one article were two downloads)."""

    fingerprinter: Any = None

    @classmethod
    def from_spider(cls, spider: Spider) -> ArticleDupeFilter:
        dupefilter = super().from_spider(spider)
        dupefilter.fingerprinter = spider.crawler.request_fingerprinter
        return dupefilter

    def request_fingerprint(self, request: Request) -> str:
        return self.fingerprinter.fingerprint(request).hex()


class FrontierScheduler(Scheduler):
    """scrapy-redis's scheduler for one run of several workers.

    A worker registers in the run's worker set (renewed every ``ANTARA_WORKER_TTL`` / 3 s); the
    first one alive empties the run's queue, dupefilter and discovery count, left by an earlier
    run with the same name. An idle worker is kept until the shared queue has been empty for
    ``ANTARA_FRONTIER_QUIET`` seconds, as others may still add to it. A worker adds the
    entries its RSS feeds and listings gave to the run's count as it passes requests on (so a
    killed worker's count stays); as it leaves, it notes the run's total (stat
    ``antara/discovery/run_entries``) and whether it was the last worker alive
    (``antara/frontier/last_worker``): that one's discovery monitor judges the whole run.
    """

    quiet: float = 10.0
    ttl: float = 30.0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FrontierScheduler:
        scheduler = super().from_crawler(crawler)
        scheduler.crawler = crawler
        scheduler.quiet = number_setting(crawler.settings, "ANTARA_FRONTIER_QUIET")
        scheduler.ttl = number_setting(crawler.settings, "ANTARA_WORKER_TTL")
        scheduler.worker = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        scheduler.stop = threading.Event()
        scheduler.empty_since = None
        scheduler.told = 0  # the discovery entries added to the run's count
        crawler.signals.connect(scheduler.spider_idle, signal=signals.spider_idle)
        return scheduler

    @property
    def workers_key(self) -> str:
        return self.queue_key.rsplit(":", 1)[0] + ":workers"

    @property
    def discovered_key(self) -> str:
        return self.queue_key.rsplit(":", 1)[0] + ":discovered"

    def open(self, spider: Spider) -> None:
        super().open(spider)
        self.server.zremrangebyscore(self.workers_key, "-inf", time.time())
        if self.server.zcard(self.workers_key) == 0:
            self.flush()
        self._register()
        threading.Thread(target=self._renew, daemon=True).start()

    def flush(self) -> None:
        super().flush()
        self.server.delete(self.discovered_key)

    def close(self, reason: str) -> None:
        self.stop.set()
        leave = self.server.register_script(LEAVE)
        keys = [self.workers_key, self.discovered_key]
        untold = discovered_entries(self.crawler.stats.get_stats()) - self.told
        total, others = leave(keys=keys, args=[self.worker, time.time(), untold])
        self.crawler.stats.set_value(RUN_ENTRIES, int(total))
        self.crawler.stats.set_value(LAST_WORKER, int(others) == 0)
        super().close(reason)

    def _register(self) -> None:
        self.server.zadd(self.workers_key, {self.worker: time.time() + self.ttl})
        self.server.pexpire(self.workers_key, int(self.ttl * 1000))

    def _renew(self) -> None:
        while not self.stop.wait(self.ttl / 3):
            self._register()

    def _tell_discoveries(self) -> None:
        """Add to the run's count the discovery entries found since last told."""
        entries = discovered_entries(self.crawler.stats.get_stats())
        if entries > self.told:
            self.server.incrby(self.discovered_key, entries - self.told)
            self.told = entries

    def enqueue_request(self, request: Request) -> bool:
        self._tell_discoveries()
        return super().enqueue_request(request)

    def next_request(self) -> Request | None:
        self._tell_discoveries()
        request = super().next_request()
        if request is not None:
            self.empty_since = None
        return request

    def spider_idle(self, spider: Spider) -> None:
        """Keep the worker until the shared queue has been empty for the quiet period."""
        if len(self.queue):
            self.empty_since = None
            raise DontCloseSpider
        now = time.monotonic()
        if self.empty_since is None:
            self.empty_since = now
        if now - self.empty_since < self.quiet:
            self._wake(min(1.0, self.quiet - (now - self.empty_since)))
            raise DontCloseSpider

    def _wake(self, delay: float) -> None:
        """Have the engine look again in ``delay`` seconds rather than at its next heartbeat
        (5 s): Scrapy offers no public call for it, so the engine's own is used if present."""
        from twisted.internet import reactor

        slot = getattr(self.crawler.engine, "_slot", None)
        nextcall = getattr(slot, "nextcall", None)
        if nextcall is not None:
            reactor.callLater(delay, nextcall.schedule)  # type: ignore[attr-defined]


LEAVE = """
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])
local total = redis.call('INCRBY', KEYS[2], ARGV[3])
return {total, redis.call('ZCARD', KEYS[1])}
"""
"""A worker leaves the run: out of its worker set (with the workers whose time is past), the
discovery entries it had not told yet added to the run's; returns the run's entries and how
many workers remain."""


TURN = """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local asked = tonumber(ARGV[1])
local held = tonumber(redis.call('GET', KEYS[2]) or '0')
if asked >= held then
  redis.call('SET', KEYS[2], ARGV[1], 'PX', math.ceil((2 * asked + 60) * 1000))
end
local free = tonumber(redis.call('GET', KEYS[1]) or '0')
if now < free then
  return tostring(free - now)
end
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
if redis.call('ZCARD', KEYS[3]) >= tonumber(ARGV[2]) then
  return ARGV[5]
end
local lease = tonumber(ARGV[4])
redis.call('ZADD', KEYS[3], now + lease, ARGV[3])
redis.call('PEXPIRE', KEYS[3], math.ceil(lease * 1000))
local delay = math.max(asked, held)
redis.call('SET', KEYS[1], tostring(now + delay), 'PX', math.ceil(delay * 1000))
return '0'
"""
"""A portal's turn for the cluster. ``'0'``, the turn is this request's: the portal's last
request (by any worker) started the delay ago or more, by the Redis server's clock, and fewer
than ``concurrency`` requests are in flight there (leases in ``KEYS[3]``, this one's added
until it is given back or ``lease`` seconds pass). Else the seconds to wait before asking
again: until the delay is past, or ``poll`` while the portal is busy. The delay is the longest
a worker asked with lately (``KEYS[2]``: kept while some worker asks with it, and twice that
delay plus a minute after), so one worker's back-off after a 429 or 5xx holds the portal for
all of them. ``KEYS``: next, delay, leases; ``ARGV``: delay, concurrency, lease id, lease,
poll."""

POLL = 0.05
"""Seconds between two asks for a turn while the portal has as many requests in flight as it
may (a lease is given back without notice)."""


class ClusterPoliteness:
    """Per-portal politeness for the whole cluster (with ``ANTARA_FRONTIER``).

    ``DOWNLOAD_DELAY``, AutoThrottle, robots.txt Crawl-delay and
    ``CONCURRENT_REQUESTS_PER_DOMAIN`` hold per process; with N workers that is N times the
    load on a portal. So, as a request leaves for the network, its worker takes the portal's
    turn in the frontier's Redis (:data:`TURN`): it goes once the portal's last request, by any
    worker, started the delay ago and the portal has fewer requests in flight than its download
    slot's concurrency, and waits otherwise; the request holds a lease on the portal until its
    response is in (or ``DOWNLOAD_TIMEOUT`` and a minute pass, for a killed worker's). The
    delay is the download slot's (as AutoThrottle, Crawl-delay and back-off set it) or, if
    longer, the one another worker asked with lately. So the cluster asks a portal as one
    worker would. The download handler asks (:class:`antara_crawl.mirror.MirrorDownloadHandler`)
    after Scrapy's slot has let the request go, so every request to a portal is covered
    (robots.txt, feeds, listings, retries) and none waits in a queue after its turn. Turns are
    timed by the Redis server's clock: the workers' clocks need not agree. Without a delay
    (mirror and archive replays) there are no turns.
    """

    def __init__(self, crawler: Crawler) -> None:
        import redis

        self.crawler = crawler
        self.client = redis.Redis.from_url(crawler.settings["ANTARA_FRONTIER"])
        self.script = self.client.register_script(TURN)
        self.prefix = f"antara:run:{run_name(crawler.settings)}"
        self.timeout = crawler.settings.getfloat("DOWNLOAD_TIMEOUT")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ClusterPoliteness | None:
        """The cluster's politeness, or None without a shared frontier."""
        return cls(crawler) if crawler.settings.get("ANTARA_FRONTIER") else None

    @asynccontextmanager
    async def turn(self, request: Request) -> AsyncIterator[None]:
        """Wait for ``request``'s turn at its portal; hold the portal's lease while in."""
        import asyncio

        assert self.crawler.engine is not None
        downloader = self.crawler.engine.downloader
        key = request.meta.get(downloader.DOWNLOAD_SLOT) or downloader.get_slot_key(request)
        slot = downloader.slots.get(key)
        if slot is None or slot.delay <= 0:
            yield
            return
        keys = [f"{self.prefix}:{name}:{key}" for name in ("next", "delay", "leases")]
        lease = uuid.uuid4().hex
        timeout = float(request.meta.get("download_timeout", self.timeout)) + 60
        args = [slot.delay, slot.concurrency, lease, timeout, POLL]
        while (wait := float(self.script(keys=keys, args=args))) > 0:
            await asyncio.sleep(wait)
        try:
            yield
        finally:
            self.client.zrem(keys[2], lease)
