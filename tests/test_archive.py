"""Writing archives: records as received, the CDXJ index, and what killed runs leave."""

from __future__ import annotations

import gzip
import logging
from datetime import datetime, timezone
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler
from warcio.archiveiterator import ArchiveIterator

from antara_crawl.archive import (
    ArchiveMiddleware,
    ArchiveWriter,
    index_path,
    parse_archive_setting,
    settle_interrupted,
)
from antara_crawl.warc import ArchiveIndex, ArchiveReplay

START = datetime(2026, 11, 29, 19, 3, 8, tzinfo=timezone.utc)
PAGE = b"<html><body><p>Polres Kupang Kota menangkap dua pelaku.</p></body></html>"


def article(number: int) -> str:
    return f"https://kupang.antaranews.com/berita/{number}/berita-ke-{number}"


def exchange(url: str, body: bytes = PAGE, **headers: str) -> tuple[Request, HtmlResponse]:
    request = Request(url, headers={"User-Agent": "antara-crawl/test", "Accept-Encoding": "gzip"})
    response = HtmlResponse(
        url,
        status=200,
        headers={"Content-Type": "text/html; charset=utf-8", **headers},
        body=body,
        request=request,
        protocol="HTTP/1.1",
    )
    return request, response


def records(path: Path) -> list:
    """(type, URL, HTTP headers) of every record; warcio reads the file to its end."""
    with path.open("rb") as file:
        return [
            (r.rec_type, r.rec_headers.get_header("WARC-Target-URI"), r.http_headers)
            for r in ArchiveIterator(file)
        ]


def test_a_response_is_stored_as_received_and_replays_decoded(tmp_path: Path) -> None:
    encoded = gzip.compress(PAGE)
    request, response = exchange(
        article(1),
        encoded,
        **{"Content-Encoding": "gzip", "Transfer-Encoding": "chunked", "Content-Length": "9"},
    )
    writer = ArchiveWriter(tmp_path, START, {"software": "test"})
    assert writer.part.name == "20261129T190308Z.warc.gz.part"
    writer.write(request, response)
    path, responses = writer.close()

    assert path == tmp_path / "20261129T190308Z.warc.gz" and responses == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "20261129T190308Z.cdxj",
        "20261129T190308Z.warc.gz",
    ]
    kinds = records(path)
    assert [kind for kind, _url, _http in kinds] == ["warcinfo", "response", "request"]
    stored = kinds[1][2]
    assert stored.get_statuscode() == "200"
    assert stored.get_header("Content-Encoding") == "gzip"
    assert stored.get_header("Content-Length") == str(len(encoded))
    assert stored.get_header("Transfer-Encoding") is None
    asked = kinds[2][2]
    assert asked.protocol == "GET"
    assert asked.get_header("Host") == "kupang.antaranews.com"
    assert asked.get_header("User-Agent") == "antara-crawl/test"

    (line,) = index_path(path).read_text().splitlines()
    assert line.startswith("com,antaranews,kupang)/berita/1/berita-ke-1 20261129")
    assert '"filename": "20261129T190308Z.warc.gz"' in line

    replayed = ArchiveReplay(ArchiveIndex.build([path])).respond(Request(article(1)))
    assert replayed.body == PAGE
    assert b"Content-Encoding" not in replayed.headers


def test_no_archive_without_the_setting(tmp_path: Path) -> None:
    with pytest.raises(NotConfigured):
        ArchiveMiddleware.from_crawler(get_crawler(settings_dict={"ANTARA_ARCHIVE": ""}))
    crawler = get_crawler(settings_dict={"ANTARA_ARCHIVE": str(tmp_path / "new")})
    assert ArchiveMiddleware.from_crawler(crawler).directory == tmp_path / "new"
    assert (tmp_path / "new").is_dir()


def test_a_file_is_no_archive_directory(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(ValueError, match=r"^ANTARA_ARCHIVE=.* is not a directory$"):
        parse_archive_setting(str(tmp_path / "file"))


def test_an_interrupted_archive_is_cut_to_whole_records_and_finished(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    running = tmp_path / "running"
    running.mkdir()
    writer = ArchiveWriter(running, START, {"software": "test"})
    for number in (1, 2, 3):
        writer.write(*exchange(article(number)))
    whole = writer.part.read_bytes()
    writer.write(*exchange(article(4)))
    unfinished = writer.part.read_bytes()[: len(whole) + 100]
    writer.close()

    killed = tmp_path / "killed"
    killed.mkdir()
    part = killed / "20261129T190308Z.warc.gz.part"
    part.write_bytes(unfinished)
    with caplog.at_level(logging.WARNING):
        settle_interrupted(killed)

    final = killed / "20261129T190308Z.warc.gz"
    assert not part.exists()
    assert final.read_bytes() == whole
    urls = [url for kind, url, _http in records(final) if kind == "response"]
    assert urls == [article(1), article(2), article(3)]
    assert len(index_path(final).read_text().splitlines()) == 3
    assert "Finished the archive of an interrupted run" in caplog.text
    assert "bytes of an unfinished record dropped" in caplog.text


def test_an_interrupted_archive_without_responses_is_removed(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    writer = ArchiveWriter(tmp_path, START, {"software": "test"})
    empty = writer.part.read_bytes()
    writer.close()
    assert list(tmp_path.iterdir()) == []  # a run that received nothing leaves nothing
    (tmp_path / "x.warc.gz.part").write_bytes(empty)
    with caplog.at_level(logging.WARNING):
        settle_interrupted(tmp_path)
    assert list(tmp_path.iterdir()) == []
    assert "Removed the archive of an interrupted run" in caplog.text


def test_the_archive_a_running_crawl_writes_is_left_alone(tmp_path: Path) -> None:
    writer = ArchiveWriter(tmp_path, START, {"software": "test"})
    writer.write(*exchange(article(1)))
    settle_interrupted(tmp_path)
    assert writer.part.exists()
    second = ArchiveWriter(tmp_path, START, {"software": "test"})
    assert second.part.name == "20261129T190308Z-1.warc.gz.part"
    second.write(*exchange(article(2)))
    assert writer.close()[1] == 1 and second.close()[1] == 1
    assert sorted(p.name for p in tmp_path.glob("*.warc.gz")) == [
        "20261129T190308Z-1.warc.gz",
        "20261129T190308Z.warc.gz",
    ]
