"""``scrapy crawl``: a bad ``-a``/``-s`` value is one line before any request; the run's
status is the exit status."""

from __future__ import annotations

import sys
from datetime import date
from typing import TYPE_CHECKING

from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError

from antara_crawl.addon import check_settings
from antara_crawl.arguments import ArgumentError, CrawlOptions
from antara_crawl.config import number_setting
from antara_crawl.extensions import EXIT_LOCKED, EXIT_STAT
from antara_crawl.frontier import run_name
from antara_crawl.paths import resolve_data_paths
from antara_crawl.state import StateError, StateLocked, check_state

if TYPE_CHECKING:
    import argparse

EXIT_USAGE = 2
SPIDER = "antara"
"""The name of :class:`antara_crawl.spiders.antara.AntaraSpider`, whose module (the police
matchers, the extraction) a run refused for a bad value need not import."""


class Command(ScrapyCrawlCommand):
    """Scrapy's crawl command, with the ``antara`` spider's checks made before the crawl.

    The checks are the ones the add-on, the spider and the state run in any crawl (from
    ``CrawlerProcess`` or Scrapyd too); here they run before Scrapy starts logging, so a bad
    value is one line on stderr and exit status 2; a state another run holds, exit status 75
    (cron may simply try again later). A crawl exits with its ``antara/exit_code`` stat.
    """

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        super().process_options(args, opts)
        if args and args[0] == SPIDER:
            assert self.settings is not None
            try:
                check_settings(self.settings)
                resolve_data_paths(self.settings)
                options = CrawlOptions.parse(
                    today=date.today(),
                    default_window_days=int(
                        number_setting(self.settings, "ANTARA_DEFAULT_WINDOW_DAYS")
                    ),
                    **opts.spargs,
                )
                check_state(
                    self.settings.get("ANTARA_STATE") or "none",
                    reset=options.reset_state,
                    run_id=run_name(self.settings),
                )
            except StateLocked as exc:
                print(f"antara: {exc}", file=sys.stderr)
                sys.exit(EXIT_LOCKED)
            except (ArgumentError, StateError, ValueError) as exc:
                print(f"antara: error: {exc}", file=sys.stderr)
                sys.exit(EXIT_USAGE)

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("give one spider: scrapy crawl antara")
        assert self.crawler_process is not None
        crawler = self.crawler_process.create_crawler(args[0])
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        if self.crawler_process.bootstrap_failed:
            self.exitcode = 1
        else:
            self.exitcode = int(crawler.stats.get_value(EXIT_STAT) or 0)
