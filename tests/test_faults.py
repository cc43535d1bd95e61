"""A hostile network and hostile pages: the crawl finishes, loses nothing served correctly,
counts every fault, stays on ANTARA and within its memory bound."""

from __future__ import annotations

import gzip
import json
import shutil
from datetime import datetime, timezone
from pathlib import Path

import pytest
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    ResponseDataLossError,
)
from scrapy.http import HtmlResponse
from twisted.internet.error import ConnectionLost
from twisted.python.failure import Failure
from twisted.web._newclient import ParseError
from twisted.web.client import ResponseFailed

from antara_crawl.containment import is_antara_url
from antara_crawl.faults import exception_reason, undecodable
from antara_crawl.httpbounds import HeadersTooLarge
from antara_crawl.mirror import mirror_file, mirror_relpath
from tests.crawl import CrawlRun, run_crawl
from tests.fault_server import (
    BOMB_EXPANDED,
    DIFFERENT_FORM,
    HUGE,
    TRANSIENT,
    Hit,
    as_cp1252,
    gzip_bomb,
    serve_faults,
    with_bad_utf8,
)
from tests.recorder import recorded, recorder_settings, stats_of
from tests.sites import build_test_site, expected_crawl

PEAK_RSS_BOUND_MIB = 300
"""The documented bound (README, "Reliability") on a crawl's peak resident memory."""
FAST = {
    "DOWNLOAD_TIMEOUT": "1",  # below tests.fault_server.STALL
    "AUTOTHROTTLE_MAX_DELAY": "0",  # back-off without waiting
    "ANTARA_RETRY_AFTER_MAX": "0",
    "ANTARA_UNREACHABLE_AFTER": "1000",
}
PERMANENT = ("garbage", "loop", "chain", "offsite", "huge", "huge_stream", "bomb", "bad_gzip")
"""Faults served on every hit: the article is never served correctly."""
COUNTER = {
    "503": "antara/fault/http/503",
    "429": "antara/fault/http/429",
    "500": "antara/fault/http/500",
    "stall_headers": "antara/fault/timeout",
    "stall_body": "antara/fault/timeout",
    "reset": "antara/fault/reset",
    "reset_body": "antara/fault/truncated",
    "truncate": "antara/fault/truncated",
    "bad_status": "antara/fault/bad_response",
    "bad_utf8": "antara/fault/undecodable",
    "garbage": "antara/fault/undecodable",
    "loop": "antara/fault/redirect_loop",
    "chain": "antara/fault/redirect_cap",
    "offsite": "antara/offsite/redirect",
    "huge": "antara/fault/oversize",
    "huge_stream": "antara/fault/oversize",
    "bomb": "antara/fault/oversize",
    "bad_gzip": "antara/fault/bad_compression",
}
"""The stat that counts each fault (wrong types and other encodings are not faults)."""


def unparsable(reason: ParseError) -> DownloadFailedError:
    """What Scrapy raises for a response the parser gave up on for ``reason``."""
    failed = ResponseFailed([Failure(reason)])
    try:
        raise DownloadFailedError(str(failed)) from failed
    except DownloadFailedError as exc:
        return exc


@pytest.mark.parametrize(
    ("exception", "reason"),
    [
        (DownloadTimeoutError("took longer"), "timeout"),
        (ResponseDataLossError(), "truncated"),
        (DownloadCancelledError(), "oversize"),
        (DownloadConnectionRefusedError(), "refused"),
        (CannotResolveHostError(), "dns"),
        (DownloadFailedError("never received"), "reset"),
        (unparsable(ParseError("wrong number of parts", b"GARBAGE")), "bad_response"),
        (unparsable(HeadersTooLarge("response headers past 65536 bytes", b"X")), "oversize"),
        (ConnectionLost(), "reset"),
        (ConnectionResetError(), "reset"),
        (KeyError("x"), "error/KeyError"),
    ],
)
def test_download_exceptions_are_named_by_fault(exception: Exception, reason: str) -> None:
    assert exception_reason(exception) == reason


def test_undecodable_pages_are_told_from_pages_in_another_encoding() -> None:
    page = '<html><head><meta charset="utf-8"></head><body><p>Kapolda: “siaga”, café</p>'
    url = "https://kupang.antaranews.com/berita/1/x"
    utf8 = page.encode()
    assert not undecodable(HtmlResponse(url, body=utf8))
    for declared in (True, False):
        assert not undecodable(HtmlResponse(url, body=as_cp1252(utf8, declared=declared)))
    assert undecodable(HtmlResponse(url, body=with_bad_utf8(utf8)))


def test_the_bomb_is_small_on_the_wire_and_huge_unpacked() -> None:
    bomb = gzip_bomb(64 << 20)
    assert len(bomb) < (64 << 20) // 500
    assert len(gzip.decompress(bomb)) == 64 << 20
    assert BOMB_EXPANDED >= 1 << 30


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, dict]:
    root = tmp_path_factory.mktemp("faulty")
    manifest = build_test_site(root, datetime.now(timezone.utc))
    truth = expected_crawl(manifest, since=manifest["since"])["items"]
    return root, manifest, truth


def sole_parents(truth: dict) -> set[str]:
    """Articles some reachable article can be reached through only."""
    parents = set()
    for item in truth.values():
        if item["depth"] and len(item["referrers"]) == 1:
            parents.add(item["referrers"][0])
    return parents


def non_ascii(manifest: dict, key: str) -> bool:
    """Whether an article's expected fields hold characters beyond ASCII."""
    return not json.dumps(manifest["articles"][key]["expected"], ensure_ascii=False).isascii()


def fault_plan(manifest: dict, truth: dict) -> dict[str, str]:
    """One fault per reachable article: the permanent ones on articles nothing depends on,
    the other encodings first on articles whose text is not plain ASCII."""
    urls = {key: manifest["articles"][key]["url"] for key in truth}
    parents = sole_parents(truth)
    leaves = [k for k in sorted(truth) if urls[k] not in parents and not non_ascii(manifest, k)]
    permanent = dict(zip(leaves[-len(PERMANENT) :], PERMANENT, strict=True))
    others = sorted(set(truth) - set(permanent), key=lambda k: (not non_ascii(manifest, k), k))
    kinds = ("cp1252_undeclared", "cp1252", "wrong_type", "bad_utf8", *TRANSIENT)
    assert sorted(kinds) == sorted(DIFFERENT_FORM + TRANSIENT)
    assert len(others) >= len(kinds), "the test site is too small for every fault"
    assert non_ascii(manifest, others[0]), "no article of the test site tests other encodings"
    return {**dict(zip(others, kinds, strict=False)), **permanent}


def crawl_with_faults(
    root: Path, manifest: dict, plan: dict[str, str], out: Path, extra: dict[str, list[str]]
) -> tuple[CrawlRun, list[str], list[Hit]]:
    requests = out / "requests.txt"
    with serve_faults(root) as server:
        for key, fault in plan.items():
            forever = fault in PERMANENT or fault in DIFFERENT_FORM
            # Twisted silently retries a GET once when a reused connection fails before a
            # response: a second reset is seen whichever connection the first one hit.
            faults = (fault, fault) if fault == "reset" else (fault,)
            server.plan(manifest["articles"][key]["url"], *faults, forever=forever)
        for url, faults in extra.items():
            server.plan(url, *faults, forever=faults[-1] in ("500", *PERMANENT))
        run = run_crawl(
            out / "items.jsonl",
            mirror=server.base_url,
            args={"since": manifest["since"]},
            settings={**FAST, **recorder_settings(requests)},
        )
        hits = server.snapshot()
    return run, recorded(requests), hits


@pytest.fixture(scope="module")
def faulty_run(site, tmp_path_factory: pytest.TempPathFactory):
    root, manifest, truth = site
    plan = fault_plan(manifest, truth)
    extra = {
        "https://kupang.antaranews.com/robots.txt": ["503", "503"],
        "https://papua.antaranews.com/robots.txt": ["reset"],
        "https://aceh.antaranews.com/robots.txt": ["500"],  # forever: aceh is disallowed
        "https://riau.antaranews.com/robots.txt": ["offsite"],  # refused: riau too
        "https://jambi.antaranews.com/robots.txt": ["bomb"],  # too large: jambi too
        "https://lampung.antaranews.com/robots.txt": ["huge_headers"],  # and lampung
        "https://kupang.antaranews.com/rss/terkini.xml": ["stall_headers"],
        "https://bali.antaranews.com/terkini": ["truncate", "429"],
        "https://www.antaranews.com/rss/terkini.xml": ["reset_body"],
    }
    run, downloaded, hits = crawl_with_faults(
        root, manifest, plan, tmp_path_factory.mktemp("out"), extra
    )
    return run, downloaded, hits, plan, manifest, truth


def test_the_crawl_finishes_and_emits_every_article_served_correctly_once(faulty_run) -> None:
    run, _downloaded, _hits, plan, manifest, truth = faulty_run
    assert run.returncode == 0, run.log[-3000:]
    ids = [item["id"] for item in run.items]
    assert len(ids) == len(set(ids))
    lost = {key for key, fault in plan.items() if fault in PERMANENT}
    assert set(ids) == set(truth) - lost
    for item in run.items:
        for field, value in manifest["articles"][item["id"]]["expected"].items():
            assert item[field] == value, (item["id"], field, plan.get(item["id"]))
    assert "Traceback" not in run.log


def test_every_article_was_served_correctly_at_least_once(faulty_run) -> None:
    run, _downloaded, hits, plan, manifest, _truth = faulty_run
    for key in run.by_key:
        path = "/" + manifest["articles"][key]["url"].split("://", 1)[1]
        served = [hit.what for hit in hits if hit.path == path]
        assert "ok" in served or plan[key] in DIFFERENT_FORM, (key, served)


def test_every_fault_is_counted_and_logged_with_its_url(faulty_run) -> None:
    run, _downloaded, _hits, plan, manifest, _truth = faulty_run
    stats = stats_of(run.log)
    expected: dict[str, int] = {}
    for fault in plan.values():
        if fault in COUNTER:
            expected[COUNTER[fault]] = expected.get(COUNTER[fault], 0) + 1
    for name, count in expected.items():
        assert stats.get(name, 0) >= count, (name, stats.get(name))
    assert stats["antara/fault/timeout"] >= 3  # two articles and one feed
    assert stats["antara/robots/unreachable"] == 4  # aceh, riau, jambi, lampung
    assert "Download fault (oversize): https://lampung.antaranews.com/robots.txt" in run.log
    lines = [line for line in run.log.splitlines() if " INFO: " in line or " WARNING: " in line]
    for key, fault in plan.items():
        if fault in COUNTER:
            path = manifest["articles"][key]["url"].split("://", 1)[1]
            assert any(path in line for line in lines), (key, fault)


def test_robots_txt_is_retried_and_only_an_unreachable_one_disallows_its_host(faulty_run) -> None:
    _run, downloaded, hits, _plan, _manifest, _truth = faulty_run
    robots = [hit.what for hit in hits if hit.path == "/kupang.antaranews.com/robots.txt"]
    assert robots == ["503", "503", "ok"]
    aceh = [hit.what for hit in hits if hit.path.startswith("/aceh.antaranews.com/")]
    assert aceh and set(aceh) == {"500"}  # robots.txt only, with its retries
    assert not any("aceh.antaranews.com" in url and "robots.txt" not in url for url in downloaded)
    sumsel = [hit.path for hit in hits if hit.path.startswith("/sumsel.antaranews.com/")]
    assert sumsel[0] == "/sumsel.antaranews.com/robots.txt" and len(sumsel) > 1  # 404: no rules


def test_no_off_site_request_and_memory_within_the_bound(faulty_run) -> None:
    run, downloaded, _hits, _plan, _manifest, _truth = faulty_run
    assert downloaded and all(is_antara_url(url) for url in downloaded)
    assert stats_of(run.log)["test/peak_rss_mib"] < PEAK_RSS_BOUND_MIB


def test_a_huge_file_in_a_directory_mirror_is_not_read_whole(site, tmp_path: Path) -> None:
    root, manifest, truth = site
    mirror = tmp_path / "mirror"
    shutil.copytree(root, mirror)
    urls = {key: manifest["articles"][key]["url"] for key in truth}
    parents = sole_parents(truth)
    victim = next(key for key in sorted(truth) if urls[key] not in parents)
    page = mirror_file(mirror, mirror_relpath(urls[victim]))
    assert page is not None
    with page.open("ab") as file:
        file.write(b"<!-- padding -->" * (HUGE // 16))
    run = run_crawl(tmp_path / "items.jsonl", mirror=str(mirror), args={"since": manifest["since"]})
    assert run.returncode == 0, run.log[-3000:]
    assert set(run.by_key) == set(truth) - {victim}
    assert stats_of(run.log)["antara/fault/oversize"] == 1
    assert f"Mirror file too large: {urls[victim]}" in run.log
