"""Run the real ``scrapy crawl antara`` as a subprocess, for end-to-end tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

NO_WAITING = {
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "AUTOTHROTTLE_MAX_DELAY": "0",
    "ANTARA_RETRY_AFTER_MAX": "0",
}
"""Politeness off for tests: no download delay, and back-off (``Retry-After`` too) waits 0 s."""


@dataclass
class CrawlRun:
    """What one crawl left: exit status, log, the items of its feed, its data directory."""

    returncode: int
    log: str
    items: list[dict]
    data_dir: Path

    @property
    def by_key(self) -> dict[str, dict]:
        return {item["id"]: item for item in self.items}


def run_crawl(
    feed: Path | None,
    *,
    mirror: str | None,
    state: Path | str = "none",
    args: dict[str, str] | None = None,
    settings: dict[str, str] | None = None,
    env: dict[str, str] | None = None,
    waiting: bool = False,
    timeout: float = 240,
    data_dir: Path | None = None,
    cwd: Path = ROOT,
) -> CrawlRun:
    """``scrapy crawl antara -O feed`` with ``-a``/``-s`` options, from the project root
    (or ``cwd``); without ``feed``, the run writes its default feed.

    Politeness delays are off (:data:`NO_WAITING`) unless ``waiting``. The run's data
    directory (``ANTARA_DATA_DIR``: default feed, reports) is ``data_dir``, by default
    ``data`` next to the feed.
    """
    if data_dir is None:
        assert feed is not None, "give a data directory to a run without -O"
        data_dir = feed.parent / "data"
    command = [sys.executable, "-m", "scrapy", "crawl", "antara"]
    if feed is not None:
        command += ["-O", str(feed)]
    options = {
        **({} if waiting else NO_WAITING),
        "ANTARA_STATE": str(state),
        "LOG_LEVEL": "INFO",
        "ANTARA_ATOM": "False",  # no Atom feeds in the project's data/ from tests
        **({} if mirror is None else {"ANTARA_MIRROR": mirror}),
        **(settings or {}),
    }
    for name, value in options.items():
        command += ["-s", f"{name}={value}"]
    for name, value in (args or {}).items():
        command += ["-a", f"{name}={value}"]
    environment = {k: v for k, v in os.environ.items() if not k.startswith("ANTARA_")}
    environment["ANTARA_DATA_DIR"] = str(data_dir)
    done = subprocess.run(
        command,
        cwd=cwd,
        env=environment | (env or {}),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    items = []
    if feed is not None and feed.suffix == ".jsonl" and (cwd / feed).exists():
        lines = (cwd / feed).read_text("utf-8").splitlines()
        items = [json.loads(line) for line in lines if line]
    return CrawlRun(done.returncode, done.stdout + done.stderr, items, data_dir)
