"""``scrapy crawl``, checking arguments and settings first and exiting with the run's status."""

from __future__ import annotations

import sys
from datetime import date
from typing import TYPE_CHECKING

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.settings import SETTINGS_PRIORITIES, BaseSettings

from antara_crawl.archive import check_archive_settings
from antara_crawl.arguments import ArgumentError, CrawlOptions
from antara_crawl.extensions import EXIT_STAT
from antara_crawl.middlewares import user_agent
from antara_crawl.mirror import parse_mirror_setting
from antara_crawl.state import StateError, check_state

if TYPE_CHECKING:
    import argparse

    from scrapy import Spider
    from scrapy.crawler import Crawler

EXIT_USAGE = 2
MIRROR_FAST_SETTINGS = {
    "DOWNLOAD_DELAY": 0,
    "DOWNLOAD_DELAY_JITTER": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 4,
}


NUMBER_SETTINGS: dict[str, tuple[type, float, float]] = {
    "ANTARA_DEFAULT_WINDOW_DAYS": (int, 0, 36_500),
    "ANTARA_MAX_LISTING_PAGES": (int, 1, 10_000),
    "ANTARA_UNREACHABLE_AFTER": (int, 1, 1_000_000),
    "ANTARA_REFRESH_DAYS": (float, 0, 36_500),
    "ANTARA_RETRY_AFTER_MAX": (float, 0, 86_400),
    "ANTARA_NEAR_DUPLICATE_THRESHOLD": (float, 0.01, 1),
}
"""The project's numeric settings: type and allowed range."""


def check_number_settings(settings: BaseSettings) -> None:
    """Raise ValueError (one line) for a numeric ANTARA_* setting of the wrong type or range."""
    for name, (kind, low, high) in NUMBER_SETTINGS.items():
        raw = settings.get(name)
        try:
            value = kind(raw)
        except (TypeError, ValueError):
            what = "a whole number" if kind is int else "a number"
            raise ValueError(f"{name}={raw!r} is not {what}") from None
        if not low <= value <= high:
            raise ValueError(f"{name}={raw!r} must be between {low} and {high}")


class Command(ScrapyCrawlCommand):
    """Scrapy's crawl command; bad ``-a``/``-s`` values end it with one line, before any request.

    It also writes the default feed (``ANTARA_FEED_URI``) when no ``-o``/``-O``/``FEEDS`` is
    given, builds the user agent from ``ANTARA_CONTACT``, drops delays in mirror mode
    (``ANTARA_MIRROR_FAST``), and exits with the run's ``antara/exit_code`` stat.
    """

    crawler: Crawler | None = None

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        if args and args[0] == "antara":
            try:
                self._check_and_complete(opts.spargs)
            except (ArgumentError, StateError, ValueError) as exc:
                print(f"antara: error: {exc}", file=sys.stderr)
                sys.exit(EXIT_USAGE)

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        super().run(args, opts)
        if self.exitcode == 0 and self.crawler is not None and self.crawler.stats:
            self.exitcode = int(self.crawler.stats.get_value(EXIT_STAT) or 0)

    def _create_crawler(self, spidercls: type[Spider] | str) -> Crawler:
        self.crawler = super()._create_crawler(spidercls)
        return self.crawler

    def _check_and_complete(self, spargs: dict[str, str]) -> None:
        """Raise for bad spider arguments or project settings; fill derived settings."""
        settings = self.settings
        assert settings is not None
        check_number_settings(settings)
        options = CrawlOptions.parse(
            today=date.today(),
            default_window_days=settings.getint("ANTARA_DEFAULT_WINDOW_DAYS", 3),
            **spargs,
        )
        mirror = parse_mirror_setting(settings.get("ANTARA_MIRROR") or "")
        check_archive_settings(settings)
        check_state(settings.get("ANTARA_STATE") or "none", reset=options.reset_state)
        project = SETTINGS_PRIORITIES["project"]
        if not settings.getdict("FEEDS"):
            feed = {"format": "jsonlines", "encoding": "utf-8"}
            settings.set("FEEDS", {settings["ANTARA_FEED_URI"]: feed}, priority="project")
        if (settings.getpriority("USER_AGENT") or 0) <= project:
            settings.set("USER_AGENT", user_agent(settings["ANTARA_CONTACT"]), priority="project")
        if mirror and settings.getbool("ANTARA_MIRROR_FAST", True):
            for name, value in MIRROR_FAST_SETTINGS.items():
                if (settings.getpriority(name) or 0) <= project:
                    settings.set(name, value, priority="project")
