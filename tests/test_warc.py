"""Reading archives: captures by URL and article key, dates, revisits, encodings, formats."""

from __future__ import annotations

import gzip
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.exceptions import DownloadCancelledError

from antara_crawl.mirror import parse_mirror_setting
from antara_crawl.warc import (
    ArchiveFiles,
    ArchiveIndex,
    ArchiveReplay,
    find_archives,
    parse_as_of,
    surt_key,
)
from tests.warcs import ArchiveBuilder, arc_file

T1 = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)
T2 = datetime(2026, 5, 20, 16, 30, tzinfo=timezone.utc)
ARTICLE = "https://kupang.antaranews.com/berita/105483/polisi-amankan-dua-pelaku"
RSS = "https://kupang.antaranews.com/rss/terkini.xml"
ROBOTS = "https://kupang.antaranews.com/robots.txt"
BALI = "https://bali.antaranews.com/berita/2201/warga-serahkan-senjata-api"
FIRST = b"<html><body><p>Versi pertama berita.</p></body></html>"
EDITED = b"<html><body><p>Versi kedua berita, sudah diperbaiki.</p></body></html>"
FEED = b"<?xml version='1.0'?><rss><channel><title>Terkini</title></channel></rss>"
BALI_PAGE = b"<html><body><p>Berita Bali.</p></body></html>"


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two crawls of a web archive: gzipped per record, then uncompressed."""
    root = tmp_path_factory.mktemp("archives")
    with ArchiveBuilder(root / "crawl-1.warc.gz", gzip=True) as first:
        robots = first.response(ROBOTS, T1, b"User-agent: *\n", content_type="text/plain")
        first.response("https://example.org/berita/1/lain", T1, b"another site")
        feed_digest = first.response(
            RSS, T1, FEED, content_type="application/rss+xml", gzip=True, chunked_transfer=True
        )
        first.response(ARTICLE + "?utm_source=rss&utm_medium=feed", T1, FIRST, gzip=True)
        bali_digest = first.response(BALI, T1, BALI_PAGE)
    with ArchiveBuilder(root / "crawl-2.warc", gzip=False) as second:
        second.revisit(
            RSS, T2, feed_digest, refers_to=(RSS, T1), content_type="application/rss+xml"
        )
        amp = ARTICLE.replace("kupang.", "m.kupang.").replace("/berita/", "/amp/berita/")
        second.response(amp, T2, EDITED, chunked_transfer=True)
        second.revisit(BALI, T2, bali_digest, refers_to=None)
        second.revisit(ROBOTS, T2, robots, refers_to=(ROBOTS, T1), status="304 Not Modified")
        second.response(
            "https://kupang.antaranews.com/terkini/9", T2, b"gone", status="404 Not Found"
        )
    (root / "crawl-2.cdxj").write_text("not an archive\n")
    return root


@pytest.fixture(scope="module")
def index(archives: Path) -> ArchiveIndex:
    files = find_archives(str(archives))
    assert files is not None
    return ArchiveIndex.build(files.paths)


def answer(index: ArchiveIndex, url: str, as_of: datetime | None = None):
    return ArchiveReplay(index, as_of).respond(Request(url))


@pytest.mark.parametrize(
    "url",
    [
        ARTICLE,
        ARTICLE.replace("https://", "http://"),
        "https://kupang.antaranews.com/berita/105483",
        ARTICLE.replace("/berita/", "/amp/berita/"),
        ARTICLE.replace("kupang.", "m.kupang.") + "?utm_source=whatsapp",
    ],
)
def test_an_article_is_found_by_key_in_any_url_form_latest_first(index, url: str) -> None:
    response = answer(index, url)
    assert response.status == 200
    assert response.body == EDITED
    assert response.url == url


def test_as_of_picks_the_capture_nearest_the_date(index) -> None:
    assert answer(index, ARTICLE, T1 + timedelta(days=30)).body == FIRST
    assert answer(index, ARTICLE, T2 - timedelta(days=30)).body == EDITED
    assert answer(index, ARTICLE, T1 - timedelta(days=900)).body == FIRST
    assert answer(index, ARTICLE, datetime(2027, 1, 1, tzinfo=timezone.utc)).body == EDITED


def test_chunked_and_gzip_payloads_are_decoded(index) -> None:
    feed = answer(index, RSS, T1)
    assert feed.body == FEED
    assert b"Content-Encoding" not in feed.headers
    assert b"Transfer-Encoding" not in feed.headers
    assert feed.headers[b"Content-Type"] == b"application/rss+xml"
    assert answer(index, ARTICLE, T1).body == FIRST  # gzip, found under its utm URL


def test_revisits_are_served_with_the_payload_they_repeat(index) -> None:
    # by WARC-Refers-To: the revisit is the latest capture of the feed
    assert index.lookup(RSS).revisit
    assert answer(index, RSS).body == FEED
    # by payload digest alone
    assert index.lookup(BALI).revisit
    bali = answer(index, BALI)
    assert (bali.status, bali.body) == (200, BALI_PAGE)
    assert index.unresolved == 0


def test_a_not_modified_revisit_is_the_page_it_revisits(index) -> None:
    assert index.lookup(ROBOTS).revisit
    robots = answer(index, ROBOTS)
    assert (robots.status, robots.body) == (200, b"User-agent: *\n")
    assert robots.headers[b"Content-Type"] == b"text/plain"


def test_other_sites_are_not_indexed(index) -> None:
    assert "archive_missing" in answer(index, "https://example.org/berita/1/lain").flags
    assert all("example.org" not in key for key in index.by_url)


def test_a_url_the_archive_lacks_is_a_flagged_404(index) -> None:
    missing = answer(index, "https://bali.antaranews.com/robots.txt")
    assert missing.status == 404
    assert "archive_missing" in missing.flags
    other = answer(index, "https://kupang.antaranews.com/berita/999/lain")
    assert "archive_missing" in other.flags


def test_a_payload_past_download_maxsize_is_cancelled(index) -> None:
    replay = ArchiveReplay(index, maxsize=len(EDITED))
    assert replay.respond(Request(ARTICLE)).body == EDITED
    with pytest.raises(DownloadCancelledError):
        replay.respond(Request(ARTICLE, meta={"download_maxsize": len(EDITED) - 1}))


def test_an_archived_error_is_replayed_as_it_was(index) -> None:
    gone = answer(index, "https://kupang.antaranews.com/terkini/9")
    assert (gone.status, gone.body) == (404, b"gone")
    assert "archive_missing" not in gone.flags


def test_arc_files_are_read(tmp_path: Path) -> None:
    message = (
        b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"
        + gzip.compress(FIRST)
    )
    arc_file(tmp_path / "old.arc", [(ARTICLE, T1, message)])
    index = ArchiveIndex.build([tmp_path / "old.arc"])
    response = answer(index, ARTICLE)
    assert (response.status, response.body) == (200, FIRST)


def test_a_truncated_archive_keeps_its_whole_records(archives: Path, tmp_path: Path) -> None:
    whole = (archives / "crawl-1.warc.gz").read_bytes()
    (tmp_path / "cut.warc.gz").write_bytes(whole[: len(whole) - 40])
    index = ArchiveIndex.build([tmp_path / "cut.warc.gz"])
    assert answer(index, RSS).body == FEED
    assert "archive_missing" in answer(index, BALI).flags


def test_mirror_setting_names_archives_by_file_directory_or_glob(archives: Path) -> None:
    both = (archives / "crawl-1.warc.gz", archives / "crawl-2.warc")
    assert find_archives(str(archives)) == ArchiveFiles(both)
    assert find_archives(f"{archives}/*.warc*") == ArchiveFiles(both)
    assert find_archives(str(archives / "crawl-2.warc")) == ArchiveFiles(both[1:])
    assert parse_mirror_setting(f"file://{archives}") == ArchiveFiles(both)
    with pytest.raises(ValueError, match="matches no WARC"):
        find_archives(f"{archives}/*.arc")


def test_a_wget_mirror_directory_is_not_an_archive(tmp_path: Path) -> None:
    (tmp_path / "kupang.antaranews.com").mkdir()
    (tmp_path / "kupang.antaranews.com" / "robots.txt").write_text("User-agent: *\n")
    assert find_archives(str(tmp_path)) is None
    assert parse_mirror_setting(str(tmp_path)) == tmp_path


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-02", datetime(2026, 3, 2, tzinfo=timezone.utc)),
        ("2026-03-02T15:00:00+08:00", datetime(2026, 3, 2, 7, tzinfo=timezone.utc)),
        ("2026-03-02T07:00:00Z", datetime(2026, 3, 2, 7, tzinfo=timezone.utc)),
        ("20260302070000", datetime(2026, 3, 2, 7, tzinfo=timezone.utc)),
        ("20260302", datetime(2026, 3, 2, tzinfo=timezone.utc)),
        ("", None),
    ],
)
def test_as_of_forms(value: str, expected: datetime | None) -> None:
    assert parse_as_of(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "2026-13-01", "2026030"])
def test_a_bad_as_of_is_one_line(value: str) -> None:
    with pytest.raises(ValueError, match=r"^ANTARA_ARCHIVE_AS_OF=.* is not a date") as caught:
        parse_as_of(value)
    assert "\n" not in str(caught.value)


def test_surt_keys_ignore_scheme_www_port_and_query_order() -> None:
    assert surt_key("https://www.antaranews.com/berita/1/x?b=2&a=1") == (
        "com,antaranews)/berita/1/x?a=1&b=2"
    )
    assert surt_key("http://Kupang.antaranews.com:80/RSS/terkini.xml") == surt_key(RSS)
    assert surt_key("https://kupang.antaranews.com") == "com,antaranews,kupang)/"
