"""Extensions: the run report and exit status, and the cross-run state's lifecycle."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.settings import BaseSettings
from scrapy.utils.defer import deferred_from_coro

from antara_crawl.archive import archive_summary
from antara_crawl.config import number_setting
from antara_crawl.frontier import LAST_WORKER, run_name
from antara_crawl.monitors import EXIT_MONITORS, MonitorThresholds, run_monitors
from antara_crawl.retention import STAT as RETENTION_STAT
from antara_crawl.runs import (
    PORTAL_STAT,
    REPORT_FORMAT,
    build_portals,
    emitted_total,
    is_failure_line,
    previous_report,
    reserve_report,
    run_stem,
    summary_lines,
    write_report,
)
from antara_crawl.state import (
    ArticleStore,
    StateError,
    StateLocked,
    StateStore,
    parse_state_setting,
)
from antara_crawl.urls import article_ref

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from typing_extensions import Self

logger = logging.getLogger(__name__)
summary = logging.getLogger("antara.run")

SUMMARY = 25
"""The log level of the run's summary, between INFO and WARNING: the default ``LOG_LEVEL``
shows the summary and the warnings; ``LOG_LEVEL=INFO`` everything else too."""
logging.addLevelName(SUMMARY, "SUMMARY")
REPORTED_SETTINGS = frozenset(
    {"AUTOTHROTTLE_ENABLED", "CONCURRENT_REQUESTS", "CONCURRENT_REQUESTS_PER_DOMAIN",
     "DOWNLOAD_DELAY", "FEEDS", "LOG_LEVEL", "ROBOTSTXT_OBEY", "USER_AGENT"}
)  # fmt: skip
"""Scrapy settings recorded in the run report, besides every ``ANTARA_*`` one."""

EXIT_OK = 0
EXIT_UNREACHABLE = 3
EXIT_FEED_FAILED = 4
EXIT_STATE_FAILED = 5
EXIT_LOCKED = 75
EXIT_STAT = "antara/exit_code"
"""The stat ``scrapy crawl`` exits with: 0 fine, 3 ANTARA unreachable, 4 a feed not stored,
5 the state could not be opened, 6 a monitor failed, 75 another run holds the state
(EX_TEMPFAIL)."""


class RunReport:
    """Writes the run report (:mod:`antara_crawl.runs`), ends the log with its summary and
    settles the run's exit status, monitors included (:mod:`antara_crawl.monitors`).

    It counts per portal (``antara/portal/<portal>/...`` stats) what signals tell: articles
    downloaded, items emitted (new, updated, wire copies) and dropped by the pipelines.
    """

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.started = datetime.now(timezone.utc)
        self.directory = Path(settings["ANTARA_RUNS_DIR"])
        self.thresholds = MonitorThresholds(
            min_discovered=int(number_setting(settings, "ANTARA_MONITOR_MIN_DISCOVERED")),
            max_unknown_design=number_setting(settings, "ANTARA_MONITOR_MAX_UNKNOWN_DESIGN"),
            max_error_rate=number_setting(settings, "ANTARA_MONITOR_MAX_ERROR_RATE"),
            min_pages=int(number_setting(settings, "ANTARA_MONITOR_MIN_PAGES")),
            max_missing_field=number_setting(settings, "ANTARA_MONITOR_MAX_MISSING_FIELD"),
        )
        self.feeds: list[dict[str, Any]] = []
        self.unlinked: dict[str, tuple[str, str]] = {}
        """Portal and kind (``new``, ``updated``) of each item emitted without ``duplicate_of``."""
        self.finish_reason = "not started"
        self._path: Path | None = None
        self._reserved = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        report = cls(crawler)
        for handler, signal in (
            (report.spider_opened, signals.spider_opened),
            (report.response_received, signals.response_received),
            (report.item_scraped, signals.item_scraped),
            (report.item_dropped, signals.item_dropped),
            (report.feed_closed, signals.feed_slot_closed),
            (report.feeds_closed, signals.feed_exporter_closed),
            (report.spider_closed, signals.spider_closed),
            (report.engine_stopped, signals.engine_stopped),
        ):
            crawler.signals.connect(handler, signal=signal)
        return report

    @property
    def path(self) -> Path | None:
        """This run's report file, reserved on first use (None if it cannot be written)."""
        if not self._reserved:
            self._reserved = True
            try:
                self._path = reserve_report(self.directory, self.started)
            except OSError as exc:
                logger.warning("No run report: %s cannot be written (%s)", self.directory, exc)
        return self._path

    @property
    def run_id(self) -> str:
        """The run's name: its report's stem, which its default feed shares."""
        return self.path.stem if self.path is not None else run_stem(self.started)

    def spider_opened(self) -> None:
        _ = self.path  # reserved now: a run killed later leaves an empty report

    def _count(self, portal: str, figure: str) -> None:
        self.crawler.stats.inc_value(f"{PORTAL_STAT}{portal}/{figure}")

    def response_received(self, response: Response, request: Request) -> None:
        ref = article_ref(request.url)
        if ref is not None:
            self._count(ref.portal.key, "downloaded")

    def item_scraped(self, item: Any) -> None:
        adapter = ItemAdapter(item)
        if adapter.get("withdrawn_at"):
            kind = "withdrawn"
        elif adapter.get("duplicate_of"):
            kind = "duplicate"
        else:
            kind = "updated" if (adapter.get("version") or 1) > 1 else "new"
            self.unlinked[str(adapter.get("id"))] = (str(adapter.get("portal")), kind)
        self._count(str(adapter.get("portal")), f"emitted/{kind}")

    def feeds_closed(self) -> None:
        """Count as wire copies (``emitted/duplicate``) the items emitted unlinked that the
        end of the run linked to their original (:meth:`ArticleState.relinks`, settled when
        the item pipelines closed), before the stats are dumped and the report is built."""
        state = self.crawler.get_extension(ArticleState)
        for key in state.relinks() if state is not None else {}:
            unlinked = self.unlinked.pop(key, None)
            if unlinked is not None:
                portal, kind = unlinked
                self.crawler.stats.inc_value(f"{PORTAL_STAT}{portal}/emitted/{kind}", -1)
                self._count(portal, "emitted/duplicate")

    def item_dropped(self, item: Any, exception: BaseException) -> None:
        reason = getattr(exception, "reason", "dropped")
        self._count(str(ItemAdapter(item).get("portal")), f"dropped/{reason}")

    def feed_closed(self, slot: Any) -> None:
        failed = bool(getattr(slot.storage, "failed", False))
        self.feeds.append({"uri": str(slot.uri), "items": int(slot.itemcount), "failed": failed})

    def spider_closed(self, spider: Spider, reason: str) -> None:
        self.finish_reason = reason
        stats = self.crawler.stats
        stats.set_value(EXIT_STAT, stats.get_value(EXIT_STAT, EXIT_OK))

    def engine_stopped(self) -> None:
        report = self.build()
        stats = self.crawler.stats
        if report["exit_status"] == EXIT_OK and not all(m["ok"] for m in report["monitors"]):
            report["exit_status"] = EXIT_MONITORS
            stats.set_value(EXIT_STAT, EXIT_MONITORS)
        path = self.path
        if path is not None:
            try:
                write_report(path, report)
            except OSError as exc:
                logger.warning("No run report: %s cannot be written (%s)", path, exc)
        for line in summary_lines(report):
            summary.log(logging.ERROR if is_failure_line(line) else SUMMARY, "%s", line)
        if path is not None:
            summary.log(SUMMARY, "Report: %s", path)

    def build(self) -> dict[str, Any]:
        """The run report, from the stats and what the spider and the state said."""
        crawler, finished = self.crawler, datetime.now(timezone.utc)
        stats: dict[str, Any] = dict(crawler.stats.get_stats() or {})
        spider = crawler.spider
        options = getattr(spider, "options", None)
        portals = build_portals(stats)
        monitors = run_monitors(
            stats,
            portals,
            self.thresholds,
            # on a shared frontier, the last worker to leave judges the run's discovery
            discovering=options is not None
            and not options.start_urls
            and (not crawler.settings.get("ANTARA_FRONTIER") or bool(stats.get(LAST_WORKER))),
        )
        settings = crawler.settings
        state = None
        if stats.get("antara/state/total") is not None:
            state = {
                "location": settings.get("ANTARA_STATE"),
                "committed": int(stats.get("antara/state/committed") or 0),
                "total": int(stats["antara/state/total"]),
            }
        report: dict[str, Any] = {
            "report_format": REPORT_FORMAT,
            "run": self.run_id,
            "started_at": self.started.isoformat(timespec="seconds"),
            "finished_at": finished.isoformat(timespec="seconds"),
            "duration_seconds": round((finished - self.started).total_seconds(), 3),
            "finish_reason": self.finish_reason,
            "exit_status": int(stats.get(EXIT_STAT) or EXIT_OK),
            "arguments": dict(getattr(spider, "arguments", {})),
            "window": {
                "since": options.since.isoformat() if options else None,
                "until": options.until.isoformat() if options and options.until else None,
            },
            "settings": {
                name: _plain(settings.get(name))
                for name in sorted(settings.attributes)
                if name.startswith("ANTARA_") or name in REPORTED_SETTINGS
            },
            "portals": portals,
            "feeds": self.feeds,
            "state": state,
            "archive": archive_summary(stats),
            "monitors": [m.as_dict() for m in monitors],
            "stats": {n: v for n, v in stats.items() if n.startswith("antara/fault/")},
            "retention": {
                n.removeprefix(RETENTION_STAT): v
                for n, v in stats.items()
                if n.startswith(RETENTION_STAT)
            }
            or None,
        }
        previous = previous_report(self.directory, self.path) if self.path else None
        own_news = report["started_at"] if emitted_total(report) else None
        report["last_news_at"] = own_news or (previous or {}).get("last_news_at")
        return report


def _plain(value: Any) -> Any:
    """A setting's value as JSON can hold it."""
    return value.copy_to_dict() if isinstance(value, BaseSettings) else value


def feed_uri_params(params: dict[str, Any], spider: Spider) -> dict[str, Any]:
    """``FEED_URI_PARAMS``: ``%(time)s`` is the run's name (:attr:`RunReport.run_id`), the UTC
    start made unique, so that feed and report share it."""
    report = spider.crawler.get_extension(RunReport)
    if report is not None:
        params["time"] = report.run_id
    return params


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
        self._relinks: dict[str, str] | None = None
        self._early_feeds: list[str] = []

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
            status = EXIT_LOCKED if isinstance(exc, StateLocked) else EXIT_STATE_FAILED
            self.crawler.stats.set_value(EXIT_STAT, status)
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

    def settle_relinks(self) -> None:
        """Settle the wire-copy links now that every item of the run is staged (the item
        pipelines close before the feeds are stored): :meth:`StateStore.relink_pending`."""
        if self.store is None or self._relinks is not None:
            return
        self._relinks = self.store.relink_pending()
        if self._relinks:
            self.crawler.stats.set_value("antara/state/relinked", len(self._relinks))
            for uri in self._early_feeds:
                self._relinks_missed(uri, "stored as a batch before the end of the run")

    def relinks(self) -> dict[str, str]:
        """The settled wire-copy links (``{item id: original id}``) the feeds get; none
        before :meth:`settle_relinks`."""
        return self._relinks or {}

    def feed_closed(self, slot: Any) -> None:
        self.feed_counts.append(int(slot.itemcount))
        storage = slot.storage
        if self._relinks is None:  # a batch of a feed, stored while the run goes on
            self._early_feeds.append(str(slot.uri))
        elif getattr(storage, "relinks_missed", 0):
            self._relinks_missed(str(slot.uri), storage.relink_problem)
        elif not hasattr(storage, "relinks_missed") and slot.itemcount:
            # a storage that writes the feed as it goes (stdout, S3, FTP, ...)
            self._relinks_missed(str(slot.uri), f"{type(storage).__name__} cannot rewrite it")

    def _relinks_missed(self, uri: str, problem: str) -> None:
        """Say (once per feed) and count that the settled links cannot be applied to a feed."""
        if not self._relinks:
            return
        self.crawler.stats.inc_value("antara/state/relinks_not_applied", len(self._relinks))
        logger.warning(
            "Feed %s keeps duplicate_of as emitted: the %d wire-copy link(s) settled at the end "
            "of the run cannot be applied to it (%s)",
            uri,
            len(self._relinks),
            problem,
        )

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
            stats.set_value("antara/state/total", self.store.count())
            logger.info("State: %d articles recorded in %s", committed, self.config.location)

    def engine_stopped(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None
