"""What reached the downloader, and the stats of a run: for end-to-end containment tests.

``RequestRecorder`` is an extension that appends the URL of every request reaching the
downloader (after every downloader middleware said yes) to the file ``ANTARA_TEST_REQUESTS``,
and puts the process's peak resident memory into the stats (``test/peak_rss_mib``).
``recorder_settings(path)`` gives the ``-s`` options that enable it next to the project's
own extensions.
"""

from __future__ import annotations

import json
import re
import resource
from pathlib import Path
from typing import TYPE_CHECKING

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.settings.default_settings import EXTENSIONS_BASE

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler

_STAT = re.compile(r"'([^']+)': (\d+(?:\.\d+)?)[,}]")


class RequestRecorder:
    """Appends each request's URL to a file when it reaches the downloader."""

    crawler: Crawler

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RequestRecorder:
        path = crawler.settings.get("ANTARA_TEST_REQUESTS")
        if not path:
            raise NotConfigured
        recorder = cls(Path(path))
        crawler.signals.connect(recorder.reached, signal=signals.request_reached_downloader)
        crawler.signals.connect(recorder.spider_closed, signal=signals.spider_closed)
        recorder.crawler = crawler
        return recorder

    def reached(self, request: Request, spider: Spider) -> None:
        with self.path.open("a", encoding="utf-8") as log:
            log.write(request.url + "\n")

    def spider_closed(self, spider: Spider) -> None:
        self.crawler.stats.set_value("test/peak_rss_mib", round(peak_rss_kib() / 1024, 1))


def peak_rss_kib() -> int:
    """This process's peak resident memory in KiB: ``VmHWM``, which starts afresh at exec,
    where Linux has it (``ru_maxrss`` of a child process includes its parent's peak)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def recorder_settings(path: Path) -> dict[str, str]:
    """``-s`` settings recording every downloaded URL into ``path``."""
    base = {**EXTENSIONS_BASE, "tests.recorder.RequestRecorder": 0}
    return {"EXTENSIONS_BASE": json.dumps(base), "ANTARA_TEST_REQUESTS": str(path)}


def recorded(path: Path) -> list[str]:
    """The URLs recorded by a run (none if nothing reached the downloader)."""
    return path.read_text("utf-8").splitlines() if path.exists() else []


def stats_of(log: str) -> dict[str, float]:
    """The numeric stats of a run, from the stats dump at the end of its log."""
    dump = log[log.rfind("Dumping Scrapy stats") :]
    return {name: float(value) for name, value in _STAT.findall(dump)}
