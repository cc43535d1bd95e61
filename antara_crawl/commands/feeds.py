"""``scrapy feeds``: check, merge and publish the JSON Lines feeds of earlier runs.

- ``scrapy feeds validate FILE…``: each line that is not a valid item, as ``file:line: reason``;
  exit status 1 if there is any.
- ``scrapy feeds merge FILE… -o OUT``: one JSON Lines file with the latest version of each
  article, near-duplicate clusters resolved across all the files, filtered by ``--since``,
  ``--until``, ``--portal``, ``--police-only``.
- ``scrapy feeds atom [FILE…]``: an Atom 1.0 feed per portal of its latest police stories, in
  ``ANTARA_ATOM_DIR`` (from the default feed directory when no file is given).

Registered by ``COMMANDS_MODULE`` in the project and by the ``scrapy.commands`` entry point
everywhere else; outside the project the settings default to the project's.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy.commands import ScrapyCommand
from scrapy.exceptions import UsageError

from antara_crawl import settings as project_settings
from antara_crawl.atom import write_atom_feeds
from antara_crawl.feedtools import (
    FeedLine,
    ItemFilter,
    merge_feeds,
    portal_keys,
    read_feed,
    write_jsonl,
)
from antara_crawl.paths import DATA_PLACEHOLDER, data_dir

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterator

EXIT_BAD_LINES = 1
EXIT_USAGE = 2
ACTIONS = ("validate", "merge", "atom")


class Command(ScrapyCommand):
    """``scrapy feeds validate|merge|atom``: tools for the feeds the crawl writes."""

    requires_project = False
    requires_crawler_process = False

    def syntax(self) -> str:
        return "validate FILE… | merge FILE… -o OUT [filters] | atom [FILE…]"

    def short_desc(self) -> str:
        return "Validate, merge or publish as Atom the JSON Lines feeds of antara-crawl"

    def add_options(self, parser: argparse.ArgumentParser) -> None:
        super().add_options(parser)
        group = parser.add_argument_group(title="Feed options")
        group.add_argument("-o", "--output", metavar="OUT", help="merge: the file to write")
        group.add_argument("--since", metavar="YYYY-MM-DD", help="merge: published on or after")
        group.add_argument("--until", metavar="YYYY-MM-DD", help="merge: published on or before")
        group.add_argument("--portal", metavar="KEYS", help="merge: portal keys, e.g. kupang,bali")
        group.add_argument(
            "--police-only",
            action="store_true",
            help="merge: police news only (police.score >= ANTARA_POLICE_MIN_SCORE)",
        )
        group.add_argument("--atom-dir", metavar="DIR", help="atom: where (ANTARA_ATOM_DIR)")

    def setting(self, name: str) -> Any:
        """A project setting, ``{data}`` in a path resolved; the project's default outside
        the project."""
        assert self.settings is not None
        value = self.settings.get(name, getattr(project_settings, name))
        if isinstance(value, str) and DATA_PLACEHOLDER in value:
            directory = data_dir(self.setting("ANTARA_DATA_DIR") or "")
            value = value.replace(DATA_PLACEHOLDER, str(directory))
        return value

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if not args or args[0] not in ACTIONS:
            raise UsageError(f"give an action: {', '.join(ACTIONS)}")
        action, files = args[0], args[1:]
        unknown = [f for f in files if f.startswith("-") and f != "-"]
        if unknown:
            raise UsageError(f"unknown option(s): {', '.join(unknown)}")
        if action == "validate":
            self.exitcode = self.validate(files)
        elif action == "merge":
            self.exitcode = self.merge(files, opts)
        else:
            self.exitcode = self.atom(files, opts)

    def validate(self, files: list[str]) -> int:
        if not files:
            raise UsageError("give the feeds to validate: scrapy feeds validate FILE…")
        bad = 0
        for line in self.lines(files):
            for problem in line.problems:
                print(f"{line.where}: {problem}")
            bad += bool(line.problems)
        print(f"{len(files)} file(s), {bad} bad line(s)", file=sys.stderr)
        return EXIT_BAD_LINES if bad else 0

    def merge(self, files: list[str], opts: argparse.Namespace) -> int:
        if not files or not opts.output:
            raise UsageError("give the feeds and the output: scrapy feeds merge FILE… -o OUT")
        try:
            keep = ItemFilter(
                since=_date("--since", opts.since),
                until=_date("--until", opts.until),
                portals=portal_keys(opts.portal) if opts.portal else None,
                min_score=float(self.setting("ANTARA_POLICE_MIN_SCORE"))
                if opts.police_only
                else None,
            )
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        lines = list(self.lines(files))
        items = merge_feeds(lines, keep)
        count = write_jsonl(opts.output, items)
        bad = sum(bool(line.problems) for line in lines)
        skipped = f"; {bad} bad line(s) skipped (see scrapy feeds validate)" if bad else ""
        print(f"{opts.output}: {count} article(s) from {len(files)} file(s){skipped}")
        return 0

    def atom(self, files: list[str], opts: argparse.Namespace) -> int:
        if not files:
            feed_dir = Path(str(self.setting("ANTARA_FEED_URI"))).parent
            files = sorted(str(p) for p in feed_dir.glob("*.jsonl"))
            if not files:
                raise UsageError(f"no feeds in {feed_dir}; give the feeds: scrapy feeds atom FILE…")
        keep = ItemFilter(min_score=float(self.setting("ANTARA_POLICE_MIN_SCORE")))
        items = merge_feeds(self.lines(files), keep)
        directory = Path(opts.atom_dir or str(self.setting("ANTARA_ATOM_DIR")))
        limit = int(self.setting("ANTARA_ATOM_ENTRIES"))
        for path in write_atom_feeds(directory, items, limit=limit, keep_existing=False):
            print(path)
        return 0

    def lines(self, files: list[str]) -> Iterator[FeedLine]:
        """The lines of every file; a file that cannot be read is one bad line 0."""
        for name in files:
            try:
                yield from read_feed(name)
            except OSError as exc:
                yield FeedLine(name, 0, None, (f"cannot read: {exc.strerror or exc}",))


def _date(option: str, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{option} {value!r} is not a date (YYYY-MM-DD)") from None
