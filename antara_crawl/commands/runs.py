"""``scrapy runs``: the recent runs of ``scrapy crawl antara``, from their reports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from scrapy.commands import ScrapyCommand

from antara_crawl.paths import resolve_data_paths
from antara_crawl.runs import recent_reports, run_row

if TYPE_CHECKING:
    import argparse


class Command(ScrapyCommand):
    """Lists the last runs, newest first: one line each from its report in
    ``ANTARA_RUNS_DIR`` (``{data}/runs``)."""

    requires_project = True
    default_settings: ClassVar[dict[str, Any]] = {"LOG_ENABLED": False}

    def syntax(self) -> str:
        return "[-n N]"

    def short_desc(self) -> str:
        return "List the recent runs of the antara spider from their reports"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        parser.add_argument(
            "-n", dest="count", type=int, default=20, help="how many runs (default 20)"
        )

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        assert self.settings is not None
        settings = self.settings.copy()
        resolve_data_paths(settings)
        directory = Path(settings["ANTARA_RUNS_DIR"])
        rows = [run_row(path, report) for path, report in recent_reports(directory, opts.count)]
        print("\n".join(rows) if rows else f"No run reports in {directory}")
