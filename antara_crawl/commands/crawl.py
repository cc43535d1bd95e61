"""``scrapy crawl``, checking arguments and settings first and exiting with the run's status."""

from __future__ import annotations

import sys
from datetime import date
from typing import TYPE_CHECKING

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.settings import SETTINGS_PRIORITIES

from antara_crawl.arguments import ArgumentError, CrawlOptions
from antara_crawl.extensions import EXIT_STAT
from antara_crawl.mirror import parse_mirror_setting
from antara_crawl.state import parse_state_setting

if TYPE_CHECKING:
    import argparse

    from scrapy import Spider
    from scrapy.crawler import Crawler

EXIT_USAGE = 2
MIRROR_FAST_SETTINGS = {
    "DOWNLOAD_DELAY": 0,
    "RANDOMIZE_DOWNLOAD_DELAY": False,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 4,
}


class Command(ScrapyCrawlCommand):
    """Scrapy's crawl command; bad ``-a``/``-s`` values end it with one line, before any request."""

    crawler: Crawler | None = None

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        if args and args[0] == "antara":
            try:
                self._check(opts.spargs)
            except (ArgumentError, ValueError) as exc:
                print(f"antara: error: {exc}", file=sys.stderr)
                self.exitcode = EXIT_USAGE
                return
        super().run(args, opts)
        if self.exitcode == 0 and self.crawler is not None and self.crawler.stats:
            self.exitcode = int(self.crawler.stats.get_value(EXIT_STAT) or 0)

    def _create_crawler(self, spidercls: type[Spider] | str) -> Crawler:
        self.crawler = super()._create_crawler(spidercls)
        return self.crawler

    def _check(self, spargs: dict[str, str]) -> None:
        """Raise ArgumentError/ValueError for bad spider arguments or project settings."""
        settings = self.settings
        assert settings is not None
        CrawlOptions.parse(
            today=date.today(),
            default_window_days=settings.getint("ANTARA_DEFAULT_WINDOW_DAYS", 3),
            **spargs,
        )
        mirror = parse_mirror_setting(settings.get("ANTARA_MIRROR") or "")
        parse_state_setting(settings.get("ANTARA_STATE") or "none")
        if mirror and settings.getbool("ANTARA_MIRROR_FAST", True):
            project = SETTINGS_PRIORITIES["project"]
            for name, value in MIRROR_FAST_SETTINGS.items():
                if settings.getpriority(name) is None or settings.getpriority(name) <= project:
                    settings.set(name, value, priority="project")
