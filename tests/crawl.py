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
    """What one crawl left: exit status, log, and the items of its feed."""

    returncode: int
    log: str
    items: list[dict]

    @property
    def by_key(self) -> dict[str, dict]:
        return {item["id"]: item for item in self.items}


def run_crawl(
    feed: Path,
    *,
    mirror: str | None,
    state: Path | str = "none",
    args: dict[str, str] | None = None,
    settings: dict[str, str] | None = None,
    env: dict[str, str] | None = None,
    waiting: bool = False,
    timeout: float = 240,
) -> CrawlRun:
    """``scrapy crawl antara -O feed`` with ``-a``/``-s`` options, from the project root.

    Politeness delays are off (:data:`NO_WAITING`) unless ``waiting``.
    """
    command = [sys.executable, "-m", "scrapy", "crawl", "antara", "-O", str(feed)]
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
    done = subprocess.run(
        command,
        cwd=ROOT,
        env=environment | (env or {}),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    items = []
    if feed.exists():
        items = [json.loads(line) for line in feed.read_text("utf-8").splitlines() if line]
    return CrawlRun(done.returncode, done.stdout + done.stderr, items)
