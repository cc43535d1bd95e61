"""Extensions: the run report and exit status, and the cross-run state's lifecycle."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from scrapy import signals

from antara_crawl.state import ArticleStore, parse_state_setting

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler
    from typing_extensions import Self

logger = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_UNREACHABLE = 3
EXIT_FEED_FAILED = 4
EXIT_STAT = "antara/exit_code"
"""The stat ``scrapy crawl`` exits with: 0 fine, 3 ANTARA unreachable, 4 a feed not stored."""


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
    """Owns the cross-run state store (``ANTARA_STATE``) for the spider and the pipelines.

    Opens it when the spider opens (``-a reset_state=true`` starts over), commits what the
    run staged once every feed is stored, discards it if a feed failed, closes it when
    the engine stops. ``ANTARA_REFRESH_DAYS`` is how young an article must be to be
    downloaded again to catch edits.
    """

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.config = parse_state_setting(settings.get("ANTARA_STATE") or "none")
        self.threshold = settings.getfloat("ANTARA_NEAR_DUPLICATE_THRESHOLD", 0.7)
        self.refresh = timedelta(days=settings.getfloat("ANTARA_REFRESH_DAYS", 2))
        self.store: ArticleStore | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        state = cls(crawler)
        crawler.signals.connect(state.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(state.feeds_closed, signal=signals.feed_exporter_closed)
        crawler.signals.connect(state.engine_stopped, signal=signals.engine_stopped)
        return state

    def spider_opened(self, spider: Spider) -> None:
        if self.config.kind != "sqlite":
            return
        options = getattr(spider, "options", None)
        reset = bool(getattr(options, "reset_state", False))
        self.store = ArticleStore.open(self.config.location, threshold=self.threshold, reset=reset)
        if reset:
            logger.info("State reset: %s", self.config.location)

    def needs_fetch(self, key: str, now: datetime) -> bool:
        """Whether the article ``key`` should be downloaded in this run."""
        return self.store is None or self.store.needs_fetch(key, now, self.refresh)

    def is_known(self, key: str) -> bool:
        """Whether an earlier run emitted the article ``key``."""
        return self.store is not None and self.store.get(key) is not None

    def feeds_closed(self) -> None:
        if self.store is None:
            return
        stats = self.crawler.stats
        failed = sum(
            value
            for name, value in (stats.get_stats() or {}).items()
            if name.startswith("feedexport/failed_count/")
        )
        if failed:
            self.store.discard_pending()
            stats.set_value(EXIT_STAT, EXIT_FEED_FAILED)
            logger.error("A feed could not be stored: this run's articles stay unseen")
            return
        committed = self.store.commit_pending()
        stats.set_value("antara/state/committed", committed)
        logger.info("State: %d articles recorded in %s", committed, self.config.location)

    def engine_stopped(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None
