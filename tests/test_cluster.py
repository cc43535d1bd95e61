"""What holds for a cluster of workers: per-portal politeness, and the discovery monitor.

Politeness: two workers on one frontier ask a portal no more often than ``DOWNLOAD_DELAY``
lets one worker ask it. Two ``scrapy crawl antara`` workers share a real Redis (frontier and
state) and crawl a small three-portal mirror with the download delay on (its default jitter
too). The mirror server notes when each request arrives and from which worker (each names
itself in its User-Agent through ``ANTARA_CONTACT``). Per portal, consecutive requests,
whichever worker sent them (robots.txt, feeds, listings, articles, retries), are at least the
delay apart, and at a portal that answers slowly one at a time, as with one worker; both
workers downloaded, taking turns at the portals; every article is emitted once. A control,
two workers each polite on its own (no frontier), shows that the spacing check fails when
nothing holds a portal's rate for the cluster.

Discovery: the workers add up the entries their RSS feeds and listings gave, and the last to
leave judges the run's sum: it holds every entry, though each worker read only some feeds.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import redis

from antara_crawl.frontier import LEAVE, POLL, TURN
from antara_crawl.mirror import mirror_relpath
from benchmarks.sitegen import build_site, since_of
from tests.mirror_server import Arrival, MirrorServer, serve_mirror
from tests.redis_server import redis_server
from tests.sitebuilder import Site
from tests.test_distributed import crawl_process, keys

ARTICLES = 24  # 8 a portal: with robots.txt, RSS and listings, 12 or 13 requests a portal
PORTALS = ("kupang", "bali", "papua")
DELAY = 0.4
SLOW = 0.6  # a slow portal's answers take longer than the delay: one request at a time spaces it
MEAN_TOLERANCE, GAP_TOLERANCE = 0.95, 0.5
"""The server notes an arrival in its thread for the connection, a little after the worker
sent the request; on a loaded machine (two crawls, the server, Redis and other tests sharing
few cores) that lag varies from one request to the next, by up to a hundred milliseconds
under the heaviest load seen, so two requests sent ``DELAY`` apart may be noted closer. So a
portal's spacing is judged twice: the mean gap (first to last arrival, where the lag counts
only at the two ends) at least ``MEAN_TOLERANCE`` of the delay, and every single gap at least
``GAP_TOLERANCE`` of it (two requests sent together are 0-20 ms apart). These are lower
bounds that the portal's turn in Redis guarantees, not a measure of speed."""


@dataclass
class Crawl:
    """What two workers left: the requests that reached the mirror, each worker's feed, exit
    status and log, and the run reports (both workers write to one data directory)."""

    arrivals: list[Arrival]
    feeds: list[Path]
    statuses: list[int]
    logs: list[str]
    reports: list[dict]


def start_worker(
    name: str, feed: Path, mirror: MirrorServer, portals: tuple[str, ...], settings: dict[str, str]
) -> subprocess.Popen:
    """A ``scrapy crawl antara`` worker over ``mirror`` with the download delay on, named
    ``name`` in its User-Agent."""
    options = {
        "ANTARA_MIRROR": mirror.base_url,
        "ANTARA_MIRROR_FAST": "False",  # the polite delays, towards the mirror too
        "DOWNLOAD_DELAY": str(DELAY),
        "AUTOTHROTTLE_ENABLED": "False",
        "ANTARA_CONTACT": name,
        "ANTARA_FRONTIER_QUIET": "3",  # more than the discovery of the first articles takes
        "ANTARA_ATOM": "False",
        "LOG_LEVEL": "INFO",
        **settings,
    }
    return crawl_process(feed, options, since_of(ARTICLES), ",".join(portals))


def joined(mirror: MirrorServer, settings: dict[str, str]) -> int:
    """How many workers have joined: on a frontier, those in the run's worker set (a request
    held at a portal holds its turn: the other worker's may not reach the server); without
    one, those that asked for a robots.txt."""
    frontier = settings.get("ANTARA_FRONTIER")
    if frontier is None:
        return len({a.user_agent for a in mirror.arrivals if a.path.endswith("/robots.txt")})
    client = redis.Redis.from_url(frontier)
    return sum(client.zcard(name) for name in client.scan_iter("antara:run:*:workers"))


def crawl_with_two_workers(
    mirror: MirrorServer, directory: Path, portals: tuple[str, ...], settings: dict[str, str]
) -> Crawl:
    """Two workers with ``settings``, started together: the portals' robots.txt are held until
    both joined, so neither does the work before the other has started."""
    mirror.arrivals.clear()
    holds = [mirror.hold(f"/{portal}.antaranews.com/robots.txt") for portal in portals]
    feeds = [directory / "worker1.jsonl", directory / "worker2.jsonl"]
    workers = [
        start_worker(f"worker{number}", feed, mirror, portals, settings)
        for number, feed in enumerate(feeds, 1)
    ]
    while joined(mirror, settings) < len(workers):
        assert all(worker.poll() is None for worker in workers), "a worker left early"
        time.sleep(0.05)
    for hold in holds:
        hold.release.set()
    logs = [worker.communicate(timeout=240)[0].decode() for worker in workers]
    for hold in holds:
        hold.release.clear()
    paths = sorted((directory / "data" / "runs").glob("*.json"))
    return Crawl(
        list(mirror.arrivals),
        feeds,
        [worker.returncode for worker in workers],
        logs,
        [json.loads(path.read_text("utf-8")) for path in paths],
    )


def discovery(report: dict) -> dict:
    """A run report's discovery monitor."""
    return next(monitor for monitor in report["monitors"] if monitor["name"] == "discovery")


def by_portal(arrivals: list[Arrival]) -> dict[str, list[Arrival]]:
    """The arrivals at each portal host (``/{host}{path}``), in the order they came."""
    portals: dict[str, list[Arrival]] = {}
    for arrival in sorted(arrivals, key=lambda arrival: arrival.at):
        portals.setdefault(arrival.path.split("/", 2)[1], []).append(arrival)
    return portals


def gaps(arrivals: list[Arrival]) -> list[float]:
    """Seconds between consecutive arrivals."""
    return [b.at - a.at for a, b in itertools.pairwise(arrivals)]


def spaced(arrivals: list[Arrival], delay: float) -> bool:
    """Whether consecutive arrivals are ``delay`` apart, as :data:`MEAN_TOLERANCE` says."""
    between = gaps(arrivals)
    mean = sum(between) / len(between)
    return mean >= MEAN_TOLERANCE * delay and min(between) >= GAP_TOLERANCE * delay


@pytest.fixture(scope="module")
def site() -> Site:
    return build_site(ARTICLES, portals=len(PORTALS))


@pytest.fixture(scope="module")
def mirror(site: Site, tmp_path_factory: pytest.TempPathFactory) -> Iterator[MirrorServer]:
    root = tmp_path_factory.mktemp("mirror")
    site.write(root)
    with serve_mirror(root) as server:
        yield server


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url.rsplit("/", 1)[0]


def test_two_workers_on_a_frontier_ask_each_portal_at_most_once_a_delay(
    site: Site, mirror: MirrorServer, redis_url: str, tmp_path: Path
) -> None:
    # a feed and an article answer 503 once: their retries are requests to the portal too
    article = next(article for article in site.articles if article.portal == PORTALS[0])
    retried = [f"https://{PORTALS[1]}.antaranews.com/rss/terkini.xml", article.url]
    for url in retried:
        mirror.inject(url, 503, headers={"Retry-After": "0"}, times=1)  # 0: no back-off
    slow = f"{PORTALS[2]}.antaranews.com"
    mirror.slow(f"/{slow}/", SLOW)
    settings = {
        "ANTARA_STATE": f"{redis_url}/0",
        "ANTARA_FRONTIER": f"{redis_url}/1",
        # each article is in its portal's RSS feed and listing: the run finds them all, though
        # each worker reads only some of the feeds and listings
        "ANTARA_MONITOR_MIN_DISCOVERED": str(2 * ARTICLES),
    }
    crawl = crawl_with_two_workers(mirror, tmp_path, PORTALS, settings)
    assert crawl.statuses == [0, 0], [log[-3000:] for log in crawl.logs]
    # the last worker to leave judged the run's discovery (the other could not): all of it
    judged = [discovery(r) for r in crawl.reports if "not judged" not in discovery(r)["message"]]
    assert [(monitor["ok"], monitor["value"]) for monitor in judged] == [(True, 2 * ARTICLES)]
    for url in retried:
        assert sum(a.path == "/" + mirror_relpath(url) for a in crawl.arrivals) == 2, url
    portals = by_portal(crawl.arrivals)
    assert sorted(portals) == sorted(f"{portal}.antaranews.com" for portal in PORTALS)
    for host, arrivals in portals.items():
        assert len(arrivals) >= 12, host  # robots.txt (each worker), RSS, listings, articles
        # consecutive requests, whichever worker sent them, at least the delay apart; at the
        # slow portal, one at a time (CONCURRENT_REQUESTS_PER_DOMAIN), each after an answer
        least = SLOW if host == slow else DELAY
        assert spaced(arrivals, least), (host, sorted(gaps(arrivals)))
    assert len({a.user_agent for a in crawl.arrivals if "/berita/" in a.path}) == 2  # both worked
    # the delay held between the workers, not only within each: at a portal (usually at all),
    # a request of one worker came right after one of the other's
    assert any(
        a.user_agent != b.user_agent
        for arrivals in portals.values()
        for a, b in itertools.pairwise(arrivals)
    )
    emitted = [key for feed in crawl.feeds for key in keys(feed)]
    assert len(emitted) == len(set(emitted)) == ARTICLES


def test_workers_polite_each_on_its_own_ask_a_portal_too_often(
    mirror: MirrorServer, tmp_path: Path
) -> None:
    """The control: without a frontier each worker keeps the delay (no jitter here) between its
    own requests only, and the spacing check above fails. One portal is enough."""
    settings = {"ANTARA_STATE": "none", "DOWNLOAD_DELAY_JITTER": "0"}
    crawl = crawl_with_two_workers(mirror, tmp_path, PORTALS[:1], settings)
    assert crawl.statuses == [0, 0], [log[-3000:] for log in crawl.logs]
    arrivals = by_portal(crawl.arrivals)[f"{PORTALS[0]}.antaranews.com"]
    for worker in ("(+worker1)", "(+worker2)"):
        own = [arrival for arrival in arrivals if arrival.user_agent.endswith(worker)]
        assert spaced(own, DELAY), sorted(gaps(own))  # each polite on its own
    assert not spaced(arrivals, DELAY), sorted(gaps(arrivals))


def turn_of(script: Any, portal: str, delay: float, lease: str = "a", seconds: float = 60) -> float:
    """Ask for a turn at ``portal`` (one request at a time); the seconds to wait, 0 to go."""
    keys = [f"test:{name}:{portal}" for name in ("next", "delay", "leases")]
    return float(script(keys=keys, args=[delay, 1, lease, seconds, POLL]))


def test_a_portal_s_turn_is_the_first_asker_s_then_waits_the_delay(redis_url: str) -> None:
    """Whichever worker asks, a portal's turn comes once a delay: the first asker's at once,
    the next one's after the delay (by the Redis server's clock), another portal's at once."""
    workers = [redis.Redis.from_url(f"{redis_url}/2").register_script(TURN) for _ in "ab"]
    assert turn_of(workers[0], "kupang", 60, lease="a") == 0
    wait = turn_of(workers[1], "kupang", 60, lease="b")
    assert 50 < wait <= 60  # the other worker's turn is about a minute away
    assert turn_of(workers[0], "kupang", 60, lease="c") <= wait  # and so is the first one's
    assert turn_of(workers[1], "bali", 60) == 0
    assert turn_of(workers[1], "short", 0.05, seconds=0.05) == 0
    time.sleep(0.1)
    assert turn_of(workers[0], "short", 0.05, lease="b") == 0  # the delay (and lease) is past


def test_one_worker_s_longer_delay_holds_the_portal_for_all(redis_url: str) -> None:
    """A worker that backed off (its delay now 60 s) asks for its turn: once the portal is
    free again, the turn of a worker still at 0.05 s keeps the portal 60 s too."""
    client = redis.Redis.from_url(f"{redis_url}/2")
    script = client.register_script(TURN)
    assert turn_of(script, "backoff", 60, lease="slow") == 0  # the worker that backed off
    client.delete("test:next:backoff", "test:leases:backoff")  # its turn is over (a minute on)
    assert turn_of(script, "backoff", 0.05, lease="fast") == 0  # a worker at 0.05 s goes...
    assert turn_of(script, "backoff", 0.05, lease="next") > 50  # ...and holds the portal 60 s


def test_a_portal_answering_slowly_has_one_request_in_flight_for_the_cluster(
    redis_url: str,
) -> None:
    """Past the delay, a turn waits while the portal has a request in flight (one here): until
    its lease is given back, or has expired (a killed worker's)."""
    client = redis.Redis.from_url(f"{redis_url}/2")
    script = client.register_script(TURN)
    assert turn_of(script, "slow", 0.01, lease="first") == 0
    time.sleep(0.05)  # the delay is past, the first request still in flight
    assert turn_of(script, "slow", 0.01, lease="second") == POLL
    client.zrem("test:leases:slow", "first")  # its answer is in
    assert turn_of(script, "slow", 0.01, lease="second", seconds=0.05) == 0
    time.sleep(0.1)  # the second one's worker was killed: its lease expires
    assert turn_of(script, "slow", 0.01, lease="third") == 0


def test_a_worker_leaving_adds_its_discoveries_and_knows_if_it_is_the_last(
    redis_url: str,
) -> None:
    """Workers leave one by one: each adds its entries to the run's; the one that finds no
    other worker alive (a killed one's time past) is the last."""
    client = redis.Redis.from_url(f"{redis_url}/5")
    leave = client.register_script(LEAVE)
    now = time.time()
    workers, count = "antara:run:test:workers", "antara:run:test:discovered"
    client.zadd(workers, {"a": now + 30, "b": now + 30, "killed": now - 1})
    assert leave(keys=[workers, count], args=["a", now, 5]) == [5, 1]  # b is still working
    assert leave(keys=[workers, count], args=["b", now, 3]) == [8, 0]  # b is the last
