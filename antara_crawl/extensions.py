"""Extensions: the run report and exit status, and the cross-run state's lifecycle."""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from scrapy import signals
from scrapy.utils.defer import deferred_from_coro

from antara_crawl.portals import PORTALS
from antara_crawl.state import ArticleStore, StateError, parse_state_setting

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler
    from typing_extensions import Self

    from antara_crawl.arguments import CrawlOptions

logger = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_UNREACHABLE = 3
EXIT_FEED_FAILED = 4
EXIT_STATE_FAILED = 5
EXIT_STAT = "antara/exit_code"
"""The stat ``scrapy crawl`` exits with: 0 fine, 3 ANTARA unreachable, 4 a feed not stored,
5 the state could not be opened."""


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
    run staged once a feed holding every item is stored, discards it otherwise, closes it
    when the engine stops. ``ANTARA_REFRESH_DAYS`` is how young a known article must be to
    be downloaded again, to catch edits.
    """

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.config = parse_state_setting(settings.get("ANTARA_STATE") or "none")
        self.threshold = settings.getfloat("ANTARA_NEAR_DUPLICATE_THRESHOLD", 0.7)
        self.refresh = timedelta(days=settings.getfloat("ANTARA_REFRESH_DAYS", 2))
        self.store: ArticleStore | None = None
        self.feed_counts: list[int] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        state = cls(crawler)
        crawler.signals.connect(state.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(state.feed_closed, signal=signals.feed_slot_closed)
        crawler.signals.connect(state.feeds_closed, signal=signals.feed_exporter_closed)
        crawler.signals.connect(state.engine_stopped, signal=signals.engine_stopped)
        return state

    def spider_opened(self, spider: Spider) -> None:
        if self.config.kind == "none":  # nothing kept between runs; wire copies still linked
            self.store = ArticleStore.in_memory(threshold=self.threshold)
            return
        options = getattr(spider, "options", None)
        reset = bool(getattr(options, "reset_state", False))
        try:
            self.store = ArticleStore.open(
                self.config.location, threshold=self.threshold, reset=reset
            )
        except StateError as exc:
            logger.error("%s", exc)
            self.crawler.stats.set_value(EXIT_STAT, EXIT_STATE_FAILED)
            assert self.crawler.engine is not None
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="antara_state"))
            return
        if reset:
            logger.info("State reset: %s", self.config.location)

    def needs_fetch(self, key: str, now: datetime, options: CrawlOptions) -> bool:
        """Whether to download the article ``key`` in a run with these options.

        Unknown articles are; known ones when young (``ANTARA_REFRESH_DAYS``), or when
        they were skipped for a reason this run does not share (not police news in a
        ``police_only=false`` run, outside an earlier run's window but inside this one's).
        Articles that were gone or not articles are not asked for again.
        """
        known = self.store.known(key) if self.store is not None else None
        if known is None:
            return True
        if known.is_young(now, self.refresh):
            return known.skipped in (None, "not_police", "out_of_window")
        if known.skipped == "not_police":
            return not options.police_only
        if known.skipped == "out_of_window" and known.published_at:
            zone = PORTALS[key.split(":", 1)[0]].zone
            published = datetime.fromisoformat(known.published_at)
            return options.in_window(published.astimezone(zone).date())
        return False

    def is_known(self, key: str) -> bool:
        """Whether an earlier run downloaded the article ``key`` (emitted or not)."""
        return self.store is not None and self.store.known(key) is not None

    def record_skipped(self, key: str, reason: str, published_at: str | None) -> None:
        """Remember an article this run downloaded but does not emit, and why."""
        if self.store is not None:
            now = datetime.now(timezone.utc).isoformat()
            self.store.record_skipped(key, reason, published_at, now)

    def listing_floor(self, listing: str) -> date | None:
        """How far back an earlier run read ``listing`` page by page."""
        return self.store.listing_floor(listing) if self.store is not None else None

    def record_listing_floor(self, listing: str, day: date) -> None:
        if self.store is not None:
            self.store.record_listing_floor(listing, day)

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
