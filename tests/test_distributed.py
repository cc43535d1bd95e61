"""Two ``scrapy crawl antara`` workers on one Redis (shared frontier and state), one mirror.

Every article is emitted exactly once across both workers' feeds and downloaded once; when a
worker is killed mid-run, the next run emits exactly what that worker took with it; another
run is refused (status 75) while one holds the state.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from antara_crawl.redis_state import RedisArticleStore
from antara_crawl.settings import CONCURRENT_REQUESTS
from benchmarks.sitegen import build_site, since_of
from tests.crawl import NO_WAITING, ROOT, run_crawl
from tests.mirror_server import MirrorServer, serve_mirror
from tests.redis_server import redis_server

ARTICLES = 60
PORTALS = "kupang,bali,papua"


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url.rsplit("/", 1)[0]


@pytest.fixture(scope="module")
def mirror(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MirrorServer]:
    root = tmp_path_factory.mktemp("mirror")
    site = build_site(ARTICLES, portals=3)
    site.write(root)
    with serve_mirror(root) as server:
        yield server


def worker(
    feed: Path,
    server: MirrorServer,
    redis: str,
    db: int,
    run: str,
    log_level: str = "INFO",
    quiet: float = 3,
) -> subprocess.Popen:
    """Start one worker of run ``run``: state in Redis database ``db``, frontier in ``db + 1``;
    it waits ``quiet`` seconds for others' work once the shared queue is empty."""
    settings = {
        **NO_WAITING,
        "ANTARA_MIRROR": server.base_url,
        "ANTARA_STATE": f"{redis}/{db}",
        "ANTARA_FRONTIER": f"{redis}/{db + 1}",
        "ANTARA_RUN_ID": run,
        "ANTARA_FRONTIER_QUIET": str(quiet),
        "ANTARA_WORKER_TTL": "2",
        "ANTARA_MAX_LISTING_PAGES": "1000",
        "LOG_LEVEL": log_level,
        "ANTARA_ATOM": "False",
    }
    return crawl_process(feed, settings, since_of(ARTICLES), PORTALS)


def crawl_process(
    feed: Path, settings: dict[str, str], since: str, portals: str
) -> subprocess.Popen:
    """``scrapy crawl antara -O feed`` in a process of its own, with ``settings`` and none of
    the caller's ``ANTARA_*`` environment, reading the articles of ``portals`` (comma
    separated) since ``since``; its run reports go to the feed's ``data`` directory."""
    command = [sys.executable, "-m", "scrapy", "crawl", "antara", "-O", str(feed)]
    for name, value in settings.items():
        command += ["-s", f"{name}={value}"]
    command += ["-a", f"since={since}", "-a", f"portals={portals}"]
    environment = {k: v for k, v in os.environ.items() if not k.startswith("ANTARA_")}
    environment["ANTARA_DATA_DIR"] = str(feed.parent / "data")
    return subprocess.Popen(
        command, cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )


def finish(process: subprocess.Popen) -> None:
    log = process.communicate(timeout=240)[0].decode()
    assert process.returncode == 0, log[-3000:]


def keys(feed: Path) -> list[str]:
    if not feed.exists():
        return []
    return [json.loads(line)["id"] for line in feed.read_text("utf-8").splitlines() if line]


def article_downloads(server: MirrorServer) -> list[str]:
    return [path for path in server.requests.snapshot() if "/berita/" in path]


def test_two_workers_emit_and_download_every_article_once(
    redis_url: str, mirror: MirrorServer, tmp_path: Path
) -> None:
    mirror.requests.clear()
    feeds = [tmp_path / "worker1.jsonl", tmp_path / "worker2.jsonl"]
    # articles wait unanswered until more are asked for than one worker asks at a time
    # (CONCURRENT_REQUESTS): then both workers hold some, whatever their start-up times
    holds = [mirror.hold(f"/{portal}.antaranews.com/berita/") for portal in PORTALS.split(",")]
    workers = [worker(feed, mirror, redis_url, 0, "together") for feed in feeds]
    while sum(hold.waiting for hold in holds) <= CONCURRENT_REQUESTS:
        assert all(process.poll() is None for process in workers), "a worker left early"
        time.sleep(0.05)
    for hold in holds:
        hold.release.set()
    for process in workers:
        finish(process)
    emitted = keys(feeds[0]) + keys(feeds[1])
    assert len(emitted) == len(set(emitted)) == ARTICLES
    assert keys(feeds[0]) and keys(feeds[1])  # both took a share
    downloads = article_downloads(mirror)
    assert len(downloads) == len(set(downloads)) == ARTICLES


def test_the_run_after_a_killed_worker_completes_the_set(
    redis_url: str, mirror: MirrorServer, tmp_path: Path
) -> None:
    mirror.requests.clear()
    feeds = [tmp_path / "killed.jsonl", tmp_path / "survivor.jsonl"]
    # the worker to kill stays (long quiet period) until it is killed, with articles scraped
    killed = worker(feeds[0], mirror, redis_url, 2, "first", log_level="DEBUG", quiet=60)
    assert killed.stdout is not None
    for line in killed.stdout:
        if b"Scraped from <200 https://" in line:
            break
    else:
        pytest.fail("the worker finished before it scraped anything")
    survivor = worker(feeds[1], mirror, redis_url, 2, "first")
    frontier = redis.Redis.from_url(f"{redis_url}/3")
    while sum(frontier.zcard(name) for name in frontier.scan_iter("antara:run:*:workers")) < 2:
        assert survivor.poll() is None, "the second worker left before it joined the run"
        time.sleep(0.05)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    finish(survivor)
    first_run = keys(feeds[1])
    assert keys(feeds[0]) == []  # a killed worker's feed never reaches its place
    assert len(first_run) < ARTICLES  # what the killed worker took is missing
    time.sleep(2.5)  # ANTARA_WORKER_TTL: the killed worker no longer counts as alive
    next_run = tmp_path / "next.jsonl"
    finish(worker(next_run, mirror, redis_url, 2, "second", quiet=0))  # a worker alone
    emitted = first_run + keys(next_run)
    assert len(emitted) == len(set(emitted)) == ARTICLES


def test_another_run_is_refused_with_status_75_while_one_holds_the_state(
    redis_url: str, tmp_path: Path
) -> None:
    holder = RedisArticleStore.open(f"{redis_url}/4", run_id="another-run")
    try:
        crawl = run_crawl(tmp_path / "feed.jsonl", mirror=str(tmp_path), state=f"{redis_url}/4")
    finally:
        holder.close()
    assert crawl.returncode == 75
    assert "in use by another run" in crawl.log
    assert crawl.items == []
