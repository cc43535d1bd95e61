"""Extensions: the run report and exit status, and the cross-run state's lifecycle."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.utils.defer import deferred_from_coro

from antara_crawl.config import number_setting
from antara_crawl.frontier import run_name
from antara_crawl.state import (
    ArticleStore,
    StateError,
    StateLocked,
    StateStore,
    parse_state_setting,
)

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler
    from typing_extensions import Self

logger = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_UNREACHABLE = 3
EXIT_FEED_FAILED = 4
EXIT_STATE_FAILED = 5
EXIT_LOCKED = 75
EXIT_STAT = "antara/exit_code"
"""The stat ``scrapy crawl`` exits with: 0 fine, 3 ANTARA unreachable, 4 a feed not stored,
5 the state could not be opened, 75 another run holds the state (try later)."""


class RunReport:
    """Says where the feeds went, at the end of the log, and settles the run's exit status."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.feeds: list[tuple[str, int]] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        report = cls(crawler)
        crawler.signals.connect(report.feed_closed, signal=signals.feed_slot_closed)
        crawler.signals.connect(report.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(report.engine_stopped, signal=signals.engine_stopped)
        return report

    def feed_closed(self, slot: Any) -> None:
        self.feeds.append((str(slot.uri), int(slot.itemcount)))

    def spider_closed(self, spider: Spider, reason: str) -> None:
        stats = self.crawler.stats
        stats.set_value(EXIT_STAT, stats.get_value(EXIT_STAT, EXIT_OK))

    def engine_stopped(self) -> None:
        for uri, count in self.feeds:
            logger.info("Feed written: %s (%d items)", uri, count)


class ArticleState:
    """Owns the cross-run state store (``ANTARA_STATE``) during a crawl.

    Opens it when the spider opens (``ANTARA_STATE_RESET`` starts over), commits what the
    run staged once a feed holding every item is stored, discards it otherwise, closes it
    when the engine stops. The spider and the pipelines use the open store, :attr:`store`.
    """

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.config = parse_state_setting(settings.get("ANTARA_STATE") or "none")
        self.threshold = number_setting(settings, "ANTARA_NEAR_DUPLICATE_THRESHOLD")
        self.refresh = timedelta(days=number_setting(settings, "ANTARA_REFRESH_DAYS"))
        self.reset = settings.getbool("ANTARA_STATE_RESET")
        self.run_id = run_name(settings)
        self.worker_ttl = number_setting(settings, "ANTARA_WORKER_TTL")
        self.store: StateStore | None = None
        self.feed_counts: list[int] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        state = cls(crawler)
        crawler.signals.connect(state.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(state.feed_closed, signal=signals.feed_slot_closed)
        crawler.signals.connect(state.feeds_closed, signal=signals.feed_exporter_closed)
        crawler.signals.connect(state.engine_stopped, signal=signals.engine_stopped)
        return state

    def spider_opened(self) -> None:
        if self.config.kind == "none":  # nothing kept between runs; wire copies still linked
            self.store = ArticleStore.in_memory(threshold=self.threshold)
            return
        try:
            self.store = self._open()
        except StateError as exc:
            logger.error("%s", exc)
            failed = EXIT_LOCKED if isinstance(exc, StateLocked) else EXIT_STATE_FAILED
            self.crawler.stats.set_value(EXIT_STAT, failed)
            assert self.crawler.engine is not None
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="antara_state"))
            return
        if self.reset:
            logger.info("State reset: %s", self.config.location)

    def _open(self) -> StateStore:
        """Open the store ``ANTARA_STATE`` names: SQLite, or Redis for this worker's run
        (``ANTARA_FRONTIER`` and ``ANTARA_RUN_ID``)."""
        location, threshold = self.config.location, self.threshold
        if self.config.kind == "redis":
            from antara_crawl.redis_state import RedisArticleStore

            return RedisArticleStore.open(
                location,
                run_id=self.run_id,
                threshold=threshold,
                refresh=self.refresh,
                reset=self.reset,
                ttl=self.worker_ttl,
            )
        return ArticleStore.open(
            location, threshold=threshold, refresh=self.refresh, reset=self.reset
        )

    def feed_closed(self, slot: Any) -> None:
        self.feed_counts.append(int(slot.itemcount))

    def feeds_closed(self) -> None:
        """Commit the run's articles if a feed holding all of them was stored."""
        if self.store is None:
            return
        stats = self.crawler.stats
        scraped = int(stats.get_value("item_scraped_count") or 0)
        failed = sum(
            value
            for name, value in (stats.get_stats() or {}).items()
            if name.startswith("feedexport/failed_count/")
        )
        if scraped and (failed or scraped not in self.feed_counts):
            self.store.discard_pending()
            stats.set_value(EXIT_STAT, EXIT_FEED_FAILED)
            logger.error(
                "No feed holds all %d items of this run (feeds: %s, failed stores: %d): "
                "its articles stay unseen and will be emitted again",
                scraped,
                self.feed_counts or "none",
                failed,
            )
            return
        committed = self.store.commit_pending()
        if self.config.kind != "none":
            stats.set_value("antara/state/committed", committed)
            logger.info("State: %d articles recorded in %s", committed, self.config.location)

    def engine_stopped(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None
