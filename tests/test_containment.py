"""Containment: no request leaves ANTARA, no file outside a directory mirror is read."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.test import get_crawler

from antara_crawl.containment import (
    ContainmentMiddleware,
    RedirectGuardMiddleware,
    is_antara_url,
    request_origin,
)
from antara_crawl.mirror import PageTooLarge, mirror_file, mirror_relpath, read_mirror_file
from antara_crawl.spiders.antara import AntaraSpider
from tests.crawl import ROOT, run_crawl
from tests.mirror_server import serve_mirror
from tests.recorder import recorded, recorder_settings, stats_of

SAMPLE = ROOT / "data" / "sample"
MANIFEST = json.loads((SAMPLE / "manifest.json").read_text("utf-8"))
EVIL = "http://evil.example"


@pytest.mark.parametrize(
    ("url", "antara"),
    [
        ("https://kupang.antaranews.com/berita/1/x", True),
        ("https://www.antaranews.com/", True),
        ("https://antaranews.com/", True),
        ("http://KUPANG.ANTARANEWS.COM./berita/1", True),
        ("https://kupang.antaranews.com:8443/x", True),
        ("https://evil.example/berita/1/x", False),
        ("https://antaranews.com.evil.example/", False),
        ("https://evilantaranews.com/", False),
        ("https://kupang.antaranews.com@evil.example/", False),
        ("https://evil.example#@kupang.antaranews.com/", False),
        ("https://evil.example\\@kupang.antaranews.com/", False),
        ("https://kupang.antaranews.com:port/", False),
        ("ftp://kupang.antaranews.com/x", False),
        ("file:///etc/passwd", False),
        ("data:text/html,antaranews.com", False),
        ("https://127.0.0.1/kupang.antaranews.com/", False),
        ("//kupang.antaranews.com/x", False),
    ],
)
def test_only_http_urls_on_antara_hosts_are_antaras(url: str, antara: bool) -> None:
    assert is_antara_url(url) is antara


URL_PIECES = st.sampled_from(
    ["https://", "http://", "HTTP://", "//", "kupang.antaranews.com", "antaranews.com",
     "evil.example", ".", "@", ":", "443", "\\", "/", "?", "#", "%40", "%2e", "\t", "\n", " ",
     "[::1]", "xn--", "é", "user:pw@"]
)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(st.lists(URL_PIECES, max_size=10).map("".join))
def test_what_passes_as_antara_is_antara_once_scrapy_has_normalised_it(raw: str) -> None:
    try:
        request = Request(raw)
    except ValueError:  # not an URL Scrapy would request
        return
    host = (urlparse_cached(request).hostname or "").rstrip(".")  # "antaranews.com." is DNS's
    if is_antara_url(raw):  # the redirect guard's view of a Location
        assert is_antara_url(request.url), request.url
    if is_antara_url(request.url):  # the containment middleware's view of a request
        assert host == "antaranews.com" or host.endswith(".antaranews.com"), request.url


@pytest.fixture
def crawler():
    crawler = get_crawler(AntaraSpider, {"REDIRECT_MAX_TIMES": 3})
    crawler.spider = AntaraSpider(since="2026-11-01", portals="kupang")
    return crawler


def test_offsite_requests_are_refused_even_when_marked_dont_filter(crawler) -> None:
    middleware = ContainmentMiddleware.from_crawler(crawler)
    middleware.spider_opened(crawler.spider)
    middleware.process_request(Request("https://kupang.antaranews.com/berita/1/x"))
    refused = [
        Request(f"{EVIL}/a", dont_filter=True),
        Request(f"{EVIL}/b", meta={"allow_offsite": True}),
        Request(f"{EVIL}/c", meta={"is_start_request": True}),
        Request(f"{EVIL}/d", meta={"redirect_urls": ["https://kupang.antaranews.com/x"]}),
        Request(f"{EVIL}/robots.txt", meta={"dont_obey_robotstxt": True}),
    ]
    for request in refused:
        with pytest.raises(IgnoreRequest):
            middleware.process_request(request)
    stats = crawler.stats.get_stats()
    for where in ("link", "start_url", "redirect", "robots"):
        assert stats[f"antara/offsite/{where}"] == (2 if where == "link" else 1), where
    assert [request_origin(r) for r in refused] == [
        "link",
        "link",
        "start_url",
        "redirect",
        "robots",
    ]


def redirect(request: Request, location: str, status: int = 302) -> Response:
    return Response(request.url, status=status, headers={"Location": location}, request=request)


def test_redirects_off_site_in_a_loop_or_past_the_cap_end_at_the_guard(crawler) -> None:
    guard = RedirectGuardMiddleware.from_crawler(crawler)
    start = Request("https://kupang.antaranews.com/berita/1/x")
    ok = redirect(start, "/berita/1/y")
    assert guard.process_response(start, ok) is ok
    assert guard.process_response(start, redirect(start, "https://bali.antaranews.com/z")).status
    for location in (f"{EVIL}/x", "//evil.example/x", "javascript:alert(1)"):
        with pytest.raises(IgnoreRequest):
            guard.process_response(start, redirect(start, location))
    chain = ["https://kupang.antaranews.com/berita/1/x", "https://kupang.antaranews.com/a"]
    second = Request("https://kupang.antaranews.com/b", meta={"redirect_urls": chain})
    with pytest.raises(IgnoreRequest):
        guard.process_response(second, redirect(second, chain[0]))
    third = Request("https://kupang.antaranews.com/c", meta={"redirect_urls": [*chain, "/b"]})
    with pytest.raises(IgnoreRequest):
        guard.process_response(third, redirect(third, "https://kupang.antaranews.com/d"))
    handled = Request(start.url, meta={"handle_httpstatus_list": [302]})
    assert guard.process_response(handled, redirect(handled, f"{EVIL}/x")).status == 302
    stats = crawler.stats.get_stats()
    assert stats["antara/offsite/redirect"] == 3
    assert stats["antara/fault/redirect_loop"] == 1
    assert stats["antara/fault/redirect_cap"] == 1


# -- directory mirror ------------------------------------------------------------------


@pytest.fixture
def mirror(tmp_path: Path) -> tuple[Path, Path]:
    """A mirror ``root`` and, next to it, an ``outside`` directory holding a secret."""
    root = tmp_path / "mirror"
    (root / "kupang.antaranews.com" / "berita" / "7").mkdir(parents=True)
    (root / "kupang.antaranews.com" / "berita" / "7" / "inside.html").write_text("inside")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.html").write_text("secret")
    (outside / "secret").write_text("secret")
    return root, outside


def test_mirror_reads_nothing_outside_its_root(mirror: tuple[Path, Path]) -> None:
    root, outside = mirror
    berita = root / "kupang.antaranews.com" / "berita" / "7"
    (berita / "leak.html").symlink_to(outside / "secret.html")
    (berita / "dir").symlink_to(outside, target_is_directory=True)
    (berita / "alias.html").symlink_to(berita / "inside.html")
    (root / "kupang.antaranews.com" / "berita" / "8").symlink_to(outside)
    host = "kupang.antaranews.com"
    for relpath in [
        f"{host}/berita/7/leak",  # the symlink is berita/7/leak.html: checked after .html
        f"{host}/berita/7/leak.html",
        f"{host}/berita/7/dir/secret",
        f"{host}/berita/8/secret",
        f"{host}/berita/8",  # berita/8/index.html would be outside
        f"{host}/../outside/secret",
        f"{host}/..%2F..%2Foutside/secret",
        f"{host}/%2e%2e/%2e%2e/outside/secret",
        f"{host}/berita/7/inside%00.html",
        f"/{outside}/secret",
        str(outside / "secret"),
        "../outside/secret",
        "x" * 5000,
    ]:
        assert mirror_file(root, relpath) is None, relpath
    assert mirror_file(root, f"{host}/berita/7/inside") == berita / "inside.html"
    assert mirror_file(root, f"{host}/berita/7/alias") == (berita / "inside.html")
    assert mirror_file(root, f"{host}/berita/7/%69nside") == berita / "inside.html"


@pytest.fixture(scope="module")
def trap(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A mirror root whose tree holds symlinks leading out of it."""
    base = tmp_path_factory.mktemp("trap")
    root = base / "mirror"
    berita = root / "kupang.antaranews.com" / "berita" / "7"
    berita.mkdir(parents=True)
    (berita / "inside.html").write_text("inside")
    (base / "secret.html").write_text("secret")
    (berita / "leak.html").symlink_to(base / "secret.html")
    (berita / "out").symlink_to(base, target_is_directory=True)
    return root


PATH_PIECES = st.sampled_from(
    ["kupang.antaranews.com", "berita", "7", "inside", "leak", "out", "secret", "mirror",
     "/", "//", "..", ".", "%2e", "%2E%2e", "%2f", "%2F", "%252e", "\\", ".html", "?q=1",
     "%00", "~", str(Path.home())]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(PATH_PIECES, max_size=12).map("".join))
def test_whatever_the_path_no_file_outside_the_mirror_is_returned(trap: Path, relpath: str) -> None:
    found = mirror_file(trap, relpath)
    if found is not None:
        assert trap.resolve() in found.parents and not found.is_symlink()
        assert found.read_text() == "inside"


def test_a_mirror_file_is_read_within_the_size_limit(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(b"x" * 1000)
    assert read_mirror_file(page, 1000) == b"x" * 1000
    assert read_mirror_file(page, 0) == b"x" * 1000
    with pytest.raises(PageTooLarge):
        read_mirror_file(page, 999)
    link = tmp_path / "link.html"
    link.symlink_to(page)
    with pytest.raises(OSError):
        read_mirror_file(link, 0)


def sample_copy(tmp_path: Path) -> Path:
    root = tmp_path / "sample"
    shutil.copytree(SAMPLE, root)
    return root


def reachable_article(root: Path) -> tuple[str, Path]:
    """A reachable article of the sample, not on ``bali`` (whose robots.txt tests break)."""
    key = sorted(k for k in MANIFEST["reachable"] if not k.startswith("bali:"))[0]
    url = MANIFEST["articles"][key]["url"]
    path = mirror_file(root, mirror_relpath(url))
    assert path is not None
    return key, path


def test_a_symlinked_article_pointing_outside_the_mirror_is_not_read(tmp_path: Path) -> None:
    root = sample_copy(tmp_path)
    key, path = reachable_article(root)
    outside = tmp_path / "outside.html"
    os.replace(path, outside)  # a real article page, now outside the mirror
    path.symlink_to(outside)
    run = run_crawl(tmp_path / "items.jsonl", mirror=str(root), args={"since": MANIFEST["since"]})
    assert run.returncode == 0, run.log[-3000:]
    assert set(run.by_key) == set(MANIFEST["reachable"]) - {key}
    assert stats_of(run.log)["antara/article/gone/404"] >= 1


def test_off_site_redirects_and_start_urls_never_reach_the_downloader(tmp_path: Path) -> None:
    root = sample_copy(tmp_path)
    key, _path = reachable_article(root)
    article = MANIFEST["articles"][key]["url"]
    feed = "https://kupang.antaranews.com/rss/terkini.xml"
    requests = tmp_path / "requests.txt"
    with serve_mirror(root) as server:
        server.inject(article, 302, headers={"Location": f"{EVIL}/berita/1/stolen"})
        server.inject("https://bali.antaranews.com/robots.txt", 301, headers={"Location": EVIL})
        run = run_crawl(
            tmp_path / "items.jsonl",
            mirror=server.base_url,
            args={"since": MANIFEST["since"]},
            settings=recorder_settings(requests),
        )
        start = run_crawl(
            tmp_path / "start.jsonl",
            mirror=server.base_url,
            args={"since": MANIFEST["since"], "start_urls": f"{EVIL}/rss/terkini.xml,{feed}"},
            settings=recorder_settings(requests),
        )
    assert run.returncode == 0, run.log[-3000:]
    assert start.returncode == 0, start.log[-3000:]
    downloaded = recorded(requests)
    assert downloaded and all(is_antara_url(url) for url in downloaded), downloaded
    stats = stats_of(run.log)
    assert stats["antara/offsite/redirect"] == 2
    assert stats["antara/robots/unreachable"] == 1
    assert f"Off-site redirect refused: {article} -> {EVIL}/berita/1/stolen" in run.log
    assert key not in run.by_key
    assert not any(item["portal"] == "bali" for item in run.items)
    assert not any("bali.antaranews.com/berita" in url for url in downloaded)
    assert stats_of(start.log)["antara/offsite/start_url"] == 1
    assert f"Ignoring start URL {EVIL}/rss/terkini.xml" in start.log
