"""End-to-end: the real crawl over a loopback mirror of a fake ANTARA, checked against the truth."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import pytest

from antara_crawl.pipelines import item_problems
from tests.crawl import ROOT, CrawlRun, run_crawl
from tests.mirror_server import serve_mirror
from tests.sites import build_test_site, expected_crawl

WWW_FEEDS = ("terkini", "hukum", "nusantara")
WWW_SECTIONS = ("terkini", "hukum")
PROXIES = {"https_proxy": "http://127.0.0.1:9", "http_proxy": "http://127.0.0.1:9"}
"""A proxy in the environment of the default run: nothing listens there."""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("mirror")
    manifest = build_test_site(root, datetime.now(timezone.utc))
    return root, manifest


@pytest.fixture(scope="module")
def default_run(
    site: tuple[Path, dict], tmp_path_factory: pytest.TempPathFactory
) -> tuple[CrawlRun, list[str], dict]:
    root, manifest = site
    out = tmp_path_factory.mktemp("out")
    with serve_mirror(root) as server:
        run = run_crawl(
            out / "items.jsonl",
            mirror=server.base_url,
            args={"since": manifest["since"]},
            env=PROXIES,  # which must not take the mirror's requests
        )
        requests = server.requests.snapshot()
    return run, requests, manifest


def expected(manifest: dict, **kwargs: object) -> dict:
    return expected_crawl(
        manifest, feeds=WWW_FEEDS, sections=WWW_SECTIONS, since=manifest["since"], **kwargs
    )


def article_paths(requests: list[str]) -> list[str]:
    return [r for r in requests if "/berita/" in r]


def test_emits_exactly_the_reachable_police_articles_once(default_run) -> None:
    run, _requests, manifest = default_run
    assert run.returncode == 0, run.log[-3000:]
    truth = expected(manifest)["items"]
    ids = [item["id"] for item in run.items]
    assert len(ids) == len(set(ids))
    assert set(ids) == set(truth)
    for key, item in run.by_key.items():
        assert item["depth"] == truth[key]["depth"], key
        if truth[key]["depth"] == 0:
            assert item["discovered_via"] in truth[key]["discovered_via"], key
            assert item["referrer"] is None
        else:
            assert item["discovered_via"] == "related"
            assert item["referrer"] in truth[key]["referrers"], key


def test_items_carry_the_page_fields_and_a_valid_schema(default_run) -> None:
    run, _requests, manifest = default_run
    for item in run.items:
        assert item_problems(item) == [], item["id"]
        page = manifest["articles"][item["id"]]["expected"]
        for field, value in page.items():
            assert item[field] == value, (item["id"], field)
        assert item["police"]["units"] or item["police"]["terms"]


def logged_stats(log: str) -> dict[str, int]:
    """The ``antara/`` counters of the stats Scrapy logs at the end of a run."""
    return {key: int(value) for key, value in re.findall(r"'(antara/[^']+)': (\d+)", log)}


def test_every_extracted_article_is_counted_by_its_design(default_run) -> None:
    run, _requests, manifest = default_run
    stats = logged_stats(run.log)
    designs = {
        key.rsplit("/", 1)[1]: count
        for key, count in stats.items()
        if key.startswith("antara/extract/design/")
    }
    assert sum(designs.values()) == stats["antara/article/extracted"]
    unknown = manifest["designs"]["unknown"]
    assert unknown and all(key in run.by_key for key in unknown)
    assert designs["unknown"] == len(unknown)
    assert designs["older"] == len(manifest["designs"]["old"])
    assert not [key for key in stats if key.startswith("antara/extract/missing/")]


def test_non_police_and_traps_are_absent(default_run) -> None:
    run, _requests, manifest = default_run
    assert not set(run.by_key) & set(manifest["non_police"])
    assert manifest["traps"]


def test_no_article_downloaded_twice_whatever_its_url_form(default_run) -> None:
    _run, requests, _manifest = default_run
    keys = Counter()
    for path in article_paths(requests):
        parts = path.split("/")
        host = parts[1].split(".")[0]
        article_id = parts[parts.index("berita") + 1]
        keys[f"{host}:{article_id}"] += 1
    assert keys and max(keys.values()) == 1, keys.most_common(3)
    assert not any("/amp/" in path for path in article_paths(requests))


def test_robots_depth_and_non_articles(default_run) -> None:
    run, requests, manifest = default_run
    disallowed = manifest["disallowed_article"]
    assert not any(disallowed["path"] in r for r in requests)
    assert manifest["depth3"] not in run.by_key
    assert not any("/foto/" in r for r in requests)
    assert sum(r.endswith("/robots.txt") for r in requests) == len(
        {r.split("/")[1] for r in requests}
    )
    for missing in manifest["missing"]:
        path = "/" + missing["url"].split("://", 1)[1]
        assert requests.count(path) == 1, path


def test_pagination_stops_at_since(default_run, site) -> None:
    _run, requests, manifest = default_run
    root, _ = site
    needed = {p.removesuffix(".html") for p in expected(manifest)["listing_pages"]}
    hosts = {f"/{key}.antaranews.com/" for key in manifest["portals"]}
    fetched = {
        r
        for r in requests
        if r[: r.index("/", 1) + 1] in hosts
        and "/rss/" not in r
        and ("/terkini" in r or "/hukum" in r)
    }
    assert needed <= fetched
    # Past the last page of a listing the crawler may ask once more: a page the site lacks.
    extra = fetched - needed
    assert all(not (root / (path.lstrip("/") + ".html")).exists() for path in extra), extra
    assert len(extra) <= len({path.rsplit("/", 1)[0] for path in needed})


def test_police_only_false_emits_everything_reachable(site, tmp_path: Path) -> None:
    root, manifest = site
    run = run_crawl(
        tmp_path / "all.jsonl",
        mirror=str(root),
        args={"since": manifest["since"], "police_only": "false"},
    )
    assert run.returncode == 0, run.log[-3000:]
    assert set(run.by_key) == set(expected(manifest, police_only=False)["items"])


def test_a_lower_police_threshold_later_admits_the_articles_skipped_earlier(
    site, tmp_path: Path
) -> None:
    root, manifest = site
    state = tmp_path / "state.sqlite3"

    def crawl(run: int, threshold: str) -> set[str]:
        done = run_crawl(
            tmp_path / f"run{run}.jsonl",
            mirror=str(root),
            state=state,
            args={"since": manifest["since"]},
            # no refresh of young articles: only the kept scores can bring them back
            settings={"ANTARA_POLICE_MIN_SCORE": threshold, "ANTARA_REFRESH_DAYS": "0"},
        )
        assert done.returncode == 0, done.log[-3000:]
        return set(done.by_key)

    strict = crawl(1, "0.9")
    with sqlite3.connect(state) as db:
        query = "SELECT key, police_score FROM skipped WHERE reason = 'not_police'"
        skipped = dict(db.execute(query))
    default = crawl(2, "0.5")
    truth = set(expected(manifest)["items"])
    assert strict < truth and not strict & default and strict | default == truth
    admitted = {key for key in skipped if key in default}
    assert admitted, skipped  # downloaded again because their kept score reaches 0.5
    assert all(0.5 <= skipped[key] < 0.9 for key in admitted)
    assert all(score < 0.5 for key, score in skipped.items() if key not in admitted)


def test_since_narrows_the_crawl(site, tmp_path: Path) -> None:
    root, manifest = site
    stop = manifest["listing_stop"]
    with serve_mirror(root) as server:
        run = run_crawl(
            tmp_path / "since.jsonl",
            mirror=server.base_url,
            args={"since": stop["since"], "portals": stop["portal"]},
        )
        requests = server.requests.snapshot()
    assert run.returncode == 0, run.log[-3000:]
    truth = expected_crawl(manifest, since=stop["since"], portals=[stop["portal"]])
    assert set(run.by_key) == set(truth["items"])
    for item in run.items:
        assert item["published_at"][:10] >= stop["since"]
    for path in stop["not_fetched"]:
        assert path.removesuffix(".html") not in requests


@pytest.mark.parametrize(
    "arg",
    ["portals=kupang,atlantis", "since=yesterday", "related_depth=-2", "police_only=perhaps"],
)
def test_bad_arguments_fail_in_one_line_before_any_request(site, tmp_path: Path, arg: str) -> None:
    root, _manifest = site
    name, value = arg.split("=")
    with serve_mirror(root) as server:
        run = run_crawl(tmp_path / "bad.jsonl", mirror=server.base_url, args={name: value})
        assert server.requests.snapshot() == []
    assert run.returncode == 2
    lines = [line for line in run.log.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("antara: error:"), run.log
    assert not (tmp_path / "bad.jsonl").exists()


@pytest.fixture(scope="module")
def survived_run(
    site: tuple[Path, dict], tmp_path_factory: pytest.TempPathFactory
) -> tuple[CrawlRun, dict[str, str], list[int]]:
    """One crawl through a 503 (with Retry-After) on one article and a redirect to another
    form of itself on another: the victims, and what the 503's URL was answered."""
    root, manifest = site
    truth = expected(manifest)["items"]
    redirected = next(k for k, v in sorted(truth.items()) if v["depth"] == 0)
    unavailable = next(k for k, v in truth.items() if v["depth"] == 0 and k != redirected)
    victims = {"503": unavailable, "301": redirected}
    url = manifest["articles"][unavailable]["url"]
    moved = manifest["articles"][redirected]["url"]
    with serve_mirror(root) as server:
        server.inject(url, 503, headers={"Retry-After": "1"}, times=1)
        location = moved.replace("https://", "http://", 1)
        server.inject(moved, 301, headers={"Location": location}, times=1)
        run = run_crawl(
            tmp_path_factory.mktemp("survived") / "items.jsonl",
            mirror=server.base_url,
            args={"since": manifest["since"]},
        )
        answers = [status for path, status in server.responses if url.endswith(path[1:])]
    return run, victims, answers


def test_a_404_and_a_503_are_survived(site, survived_run) -> None:
    _root, manifest = site
    run, victims, answers = survived_run
    assert run.returncode == 0, run.log[-3000:]
    assert answers == [503, 200]
    assert "'antara/backoff': 1," in run.log
    assert manifest["missing"] and "'antara/article/gone/404':" in run.log
    assert victims["503"] in run.by_key
    assert "Traceback" not in run.log


# With one portal and no retry, robots.txt fails fewer times than ANTARA_UNREACHABLE_AFTER.
@pytest.mark.parametrize(
    ("portals", "retries"), [("kupang,bali", "3"), ("kupang", "0")], ids=["two", "one"]
)
def test_no_network_is_one_clear_message_and_non_zero_exit(
    tmp_path: Path, portals: str, retries: str
) -> None:
    run = run_crawl(
        tmp_path / "offline.jsonl",
        mirror=None,
        args={"portals": portals},
        settings={
            "TWISTED_DNS_RESOLVER": "tests.offline.NoNetworkResolver",
            "RETRY_TIMES": retries,
        },
    )
    assert run.returncode == 3, run.log[-3000:]
    assert run.log.count("Cannot reach ANTARA") == 1
    assert "Traceback" not in run.log


def test_sample_mirror_example_from_the_readme(tmp_path: Path) -> None:
    manifest = json.loads((ROOT / "data/sample/manifest.json").read_text("utf-8"))
    run = run_crawl(
        tmp_path / "sample.jsonl",
        mirror="data/sample",
        args={"since": manifest["since"]},
        waiting=True,  # as a user runs it: the add-on drops the delays in mirror mode
    )
    assert run.returncode == 0, run.log[-3000:]
    assert set(run.by_key) == set(manifest["reachable"])


@pytest.mark.parametrize(
    "setting",
    [
        "ANTARA_REFRESH_DAYS=soon",
        "ANTARA_NEAR_DUPLICATE_THRESHOLD=1.5",
        "ANTARA_POLICE_MIN_SCORE=high",
        "ANTARA_STATE=ftp://x",
        "ANTARA_UNREACHABLE_AFTER=0",
        "ANTARA_CRAWL_DELAY_MAX=-1",
        "ANTARA_MIRROR=no/such/dir",
    ],
)
def test_bad_settings_fail_in_one_line(tmp_path: Path, setting: str) -> None:
    name, value = setting.split("=", 1)
    run = run_crawl(tmp_path / "bad.jsonl", mirror="data/sample", settings={name: value})
    assert run.returncode == 2
    lines = [line for line in run.log.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"antara: error: {name}="), run.log


def test_an_article_redirecting_to_another_form_of_itself_is_fetched(site, survived_run) -> None:
    _root, manifest = site
    run, victims, _answers = survived_run
    assert run.returncode == 0, run.log[-3000:]
    victim = victims["301"]
    assert victim in run.by_key
    assert run.by_key[victim]["url"] == manifest["articles"][victim]["url"]


def test_a_proxy_in_the_environment_does_not_take_mirror_requests(default_run) -> None:
    run, _requests, manifest = default_run  # run with PROXIES in its environment
    assert run.returncode == 0, run.log[-3000:]
    assert set(run.by_key) == set(expected(manifest)["items"])


def test_a_crawl_from_a_script_checks_settings_the_same_way(site, tmp_path: Path) -> None:
    root, _manifest = site
    script = (
        "import sys\n"
        "from scrapy.crawler import CrawlerProcess\n"
        "from scrapy.utils.project import get_project_settings\n"
        "settings = get_project_settings()\n"
        "settings.set('ANTARA_MIRROR', sys.argv[1])\n"
        "settings.set('ANTARA_STATE', 'none')\n"
        "settings.set('ANTARA_REFRESH_DAYS', 'soon')\n"
        "process = CrawlerProcess(settings)\n"
        "process.crawl('antara')\n"
        "process.start()\n"
        "sys.exit(3 if process.bootstrap_failed else 0)\n"
    )
    with serve_mirror(root) as server:
        done = subprocess.run(
            [sys.executable, "-c", script, server.base_url],
            cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert server.requests.snapshot() == []
    assert done.returncode == 3, done.stderr[-3000:]
    assert "ValueError: ANTARA_REFRESH_DAYS='soon' is not a number" in done.stderr
