"""robots.txt as RFC 9309 says: longest match, failures that fail safe, Crawl-delay per host."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from scrapy.robotstxt import ProtegoRobotParser

from antara_crawl.addon import user_agent
from antara_crawl.robots import FixedRobotParser, robots_outcome
from tests.crawl import run_crawl
from tests.fault_server import serve_faults
from tests.recorder import stats_of
from tests.sites import build_test_site, expected_crawl

UA = user_agent("mailto:ops@example.org")
ROBOTS = b"""User-agent: *
Disallow: /

User-agent: antara-crawl
Disallow: /berita/
Allow: /berita/1
Disallow: /berita/12
Allow: /berita/123$
Disallow: /terkini
Allow: /terkini
Crawl-delay: 2.5
"""


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/", True),  # our group, not "*", applies
        ("/berita/9/x", False),
        ("/berita/1/x", True),  # Allow /berita/1 is longer than Disallow /berita/
        ("/berita/12/x", False),  # Disallow /berita/12 is longer still
        ("/berita/123", True),
        ("/berita/1234", False),
        ("/terkini", True),  # equally long: Allow wins
    ],
)
def test_the_longest_match_for_our_user_agent_decides(path: str, allowed: bool) -> None:
    parser = ProtegoRobotParser(ROBOTS, None)
    assert parser.allowed(f"https://kupang.antaranews.com{path}", UA) is allowed


def test_crawl_delay_is_read_for_our_user_agent() -> None:
    assert ProtegoRobotParser(ROBOTS, None).crawl_delay(UA) == 2.5


@pytest.mark.parametrize(
    ("status", "outcome"),
    [
        (200, "parse"),
        (204, "parse"),
        (301, "disallow_all"),
        (401, "allow_all"),
        (403, "allow_all"),
        (404, "allow_all"),
        (410, "allow_all"),
        (429, "disallow_all"),
        (500, "disallow_all"),
        (503, "disallow_all"),
    ],
)
def test_what_a_robots_answer_means(status: int, outcome: str) -> None:
    assert robots_outcome(status) == outcome


def test_fixed_parsers() -> None:
    url = "https://kupang.antaranews.com/berita/1/x"
    assert FixedRobotParser(allow=True).allowed(url, UA)
    assert not FixedRobotParser(allow=False).allowed(url, UA)


def test_crawl_delay_spaces_the_hosts_requests_up_to_the_cap(tmp_path: Path) -> None:
    root = tmp_path / "site"
    manifest = build_test_site(root, datetime.now(timezone.utc))
    for host, delay in (("kupang", "0.1"), ("bali", "3600")):  # into the site's "*" group
        with (root / f"{host}.antaranews.com" / "robots.txt").open("a") as robots:
            robots.write(f"Crawl-delay: {delay}\n")
    args = {"since": manifest["since"], "portals": "kupang,bali", "discovery": "rss"}
    slow = {"ANTARA_MIRROR_FAST": "False", "DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "False"}
    settings = {**slow, "CONCURRENT_REQUESTS_PER_DOMAIN": "4", "ANTARA_CRAWL_DELAY_MAX": "0.1"}
    with serve_faults(root) as server:
        run = run_crawl(
            tmp_path / "items.jsonl", mirror=server.base_url, args=args, settings=settings
        )
        hits = server.snapshot()
    assert run.returncode == 0, run.log[-3000:]
    truth = expected_crawl(
        manifest, since=manifest["since"], portals=["kupang", "bali"], discovery=["rss"]
    )
    assert set(run.by_key) == set(truth["items"])
    for host in ("kupang", "bali"):
        times = [hit.at for hit in hits if hit.path.startswith(f"/{host}.antaranews.com/")]
        assert len(times) >= 4, host
        # One request per 0.1 s after robots.txt (4 at once without the delay). Judged on the
        # span of the arrivals, not gap by gap: a loaded test process can see two requests
        # sent 0.1 s apart arrive closer together, but not a whole run arrive early.
        span, spacings = times[-1] - times[1], len(times) - 2
        assert span >= spacings * 0.1 - 0.1, (host, span, spacings)
        assert stats_of(run.log)[f"antara/robots/crawl_delay/{host}.antaranews.com"] == 0.1
    assert "Crawl-delay 3600.0s of bali.antaranews.com capped" in run.log


def test_crawl_delay_is_ignored_by_a_fast_mirror_run(tmp_path: Path) -> None:
    root = tmp_path / "site"
    manifest = build_test_site(root, datetime.now(timezone.utc))
    (root / "kupang.antaranews.com" / "robots.txt").write_text("User-agent: *\nCrawl-delay: 30\n")
    args = {"since": manifest["since"], "portals": "kupang", "discovery": "rss"}
    with serve_faults(root) as server:
        run = run_crawl(tmp_path / "items.jsonl", mirror=server.base_url, args=args, timeout=60)
    assert run.returncode == 0, run.log[-3000:]
    assert "antara/robots/crawl_delay/kupang.antaranews.com" not in stats_of(run.log)
