"""Extensions for unattended runs: a closing report, a network check and the exit status."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy import signals

from antara_crawl import signals as antara_signals

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler
    from typing_extensions import Self

logger = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_UNREACHABLE = 3
EXIT_STAT = "antara/exit_code"


class RunReport:
    """Ends a run that cannot reach ANTARA with one clear message, and reports where items went.

    After ``ANTARA_UNREACHABLE_AFTER`` network failures with no response at all, the crawl
    is closed with reason ``antara_unreachable`` and ``antara/exit_code`` set to 3, which
    ``scrapy crawl`` turns into its exit status.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.unreachable_after = crawler.settings.getint("ANTARA_UNREACHABLE_AFTER", 5)
        self.responses = 0
        self.network_errors = 0
        self.feeds: list[tuple[str, int]] = []
        self.closing = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        report = cls(crawler)
        crawler.signals.connect(report.response_received, signal=signals.response_received)
        crawler.signals.connect(report.network_error, signal=antara_signals.network_error)
        crawler.signals.connect(report.feed_closed, signal=signals.feed_slot_closed)
        crawler.signals.connect(report.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(report.engine_stopped, signal=signals.engine_stopped)
        return report

    def response_received(self, **kwargs: Any) -> None:
        self.responses += 1

    def network_error(self, url: str, reason: str) -> None:
        self.network_errors += 1
        if (
            not self.closing
            and self.responses == 0
            and self.network_errors >= self.unreachable_after
        ):
            self.closing = True
            self.crawler.stats.set_value(EXIT_STAT, EXIT_UNREACHABLE)
            logger.error(
                "Cannot reach ANTARA: %d requests failed and none answered (last: %s: %s). "
                "Check the network, or use ANTARA_MIRROR for an offline run.",
                self.network_errors,
                url,
                reason,
            )
            assert self.crawler.engine is not None
            self.crawler.engine.close_spider(self.crawler.spider, "antara_unreachable")

    def feed_closed(self, slot: Any) -> None:
        self.feeds.append((str(slot.uri), int(slot.itemcount)))

    def spider_closed(self, spider: Spider, reason: str) -> None:
        stats = self.crawler.stats
        stats.set_value(EXIT_STAT, stats.get_value(EXIT_STAT, EXIT_OK))

    def engine_stopped(self) -> None:
        for uri, count in self.feeds:
            logger.info("Feed written: %s (%d items)", uri, count)
