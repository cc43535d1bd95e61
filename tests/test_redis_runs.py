"""End-to-end on Redis state (``ANTARA_STATE=redis://…``): runs as with SQLite, one lock per run."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from antara_crawl.redis_state import RedisArticleStore
from tests.crawl import run_crawl
from tests.mirror_server import serve_mirror
from tests.redis_server import redis_server
from tests.test_state_runs import NOW, build, key


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url


def test_cron_runs_on_redis_state_mean_what_they_mean_on_sqlite(
    redis_url: str, tmp_path: Path
) -> None:
    since = (NOW - timedelta(days=10)).date().isoformat()
    mirror = tmp_path / "mirror"
    emitted = []
    for run in (1, 2):
        articles = build(mirror, run)
        with serve_mirror(mirror) as server:
            crawl = run_crawl(
                tmp_path / f"run{run}.jsonl",
                mirror=server.base_url,
                state=redis_url,
                args={"since": since},
            )
        assert crawl.returncode == 0, crawl.log[-3000:]
        emitted.append(crawl.by_key)
    police = {key(a) for name, a in build(mirror, 1).items() if name != "not_police"}
    assert set(emitted[0]) == police
    assert set(emitted[1]) == {key(articles[n]) for n in ("new", "copy", "young")}
    assert emitted[1][key(articles["young"])]["version"] == 2
    assert emitted[1][key(articles["copy"])]["duplicate_of"] == key(articles["wire"])


def test_a_run_is_refused_with_status_75_while_another_holds_the_redis_state(
    redis_url: str, tmp_path: Path
) -> None:
    other = RedisArticleStore.open(redis_url, run_id="another-run")
    try:
        crawl = run_crawl(tmp_path / "feed.jsonl", mirror=str(tmp_path), state=redis_url)
    finally:
        other.close()
    assert crawl.returncode == 75
    assert "in use by another run" in crawl.log
    assert crawl.items == []
