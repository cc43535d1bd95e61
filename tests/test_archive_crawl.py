"""End to end: crawl once with the archive on, replay the archive; killed runs; web archives."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders

from antara_crawl.archive import index_path
from antara_crawl.mirror import mirror_relpath
from antara_crawl.warc import iter_records
from tests.crawl import ROOT, CrawlRun, run_crawl
from tests.mirror_server import serve_mirror
from tests.sitebuilder import Article, Site
from tests.sites import build_test_site
from tests.warcs import ArchiveBuilder


def comparable(run: CrawlRun) -> list[str]:
    """The run's items as sorted JSON, without ``crawled_at``."""
    return sorted(
        json.dumps({k: v for k, v in item.items() if k != "crawled_at"}, sort_keys=True)
        for item in run.items
    )


def responses(path: Path) -> list[tuple[str, int]]:
    """(URL, status) of every response record of an archive, read whole by warcio."""
    found = []
    with path.open("rb") as file:
        for record in ArchiveIterator(file):
            if record.rec_type == "response":
                url = record.rec_headers.get_header("WARC-Target-URI")
                found.append((url, int(record.http_headers.get_statuscode())))
    return found


def raw_capture(path: Path, url: str) -> tuple[StatusAndHeaders, bytes]:
    """The HTTP headers and the payload, as stored, of the response record for ``url``."""
    with path.open("rb") as file:
        for record in ArchiveIterator(file):
            if record.rec_headers.get_header("WARC-Target-URI") == url:
                return record.http_headers, record.raw_stream.read()
    raise AssertionError(f"no record of {url}")


def stat(log: str, name: str) -> int | None:
    """A counter from the stats Scrapy dumps at the end of the log."""
    for line in log.splitlines():
        if f"'{name}':" in line:
            return int(line.split(":")[-1].strip(" ,}"))
    return None


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("mirror")
    return root, build_test_site(root, datetime.now(timezone.utc))


def test_a_replayed_archive_gives_the_items_of_the_crawl_that_kept_it(
    site: tuple[Path, dict], tmp_path: Path
) -> None:
    root, manifest = site
    archive = tmp_path / "archive"
    first = sorted(k for k, v in manifest["articles"].items() if v.get("police"))[0]
    url = manifest["articles"][first]["url"]
    disallowed = manifest["disallowed_article"]
    robots_url = f"https://{urlsplit(disallowed['url']).hostname}/robots.txt"
    robots = (root / mirror_relpath(robots_url)).read_bytes()
    with serve_mirror(root) as server:
        server.inject(
            robots_url, 200, headers={"Content-Encoding": "gzip"}, body=gzip.compress(robots)
        )
        server.inject(url, 301, headers={"Location": url.replace("https:", "http:")}, times=1)
        server.inject("https://bali.antaranews.com/terkini", 503, times=1)
        live = run_crawl(
            tmp_path / "live.jsonl",
            mirror=server.base_url,
            args={"since": manifest["since"]},
            settings={"ANTARA_ARCHIVE": str(archive), "ANTARA_RETRY_AFTER_MAX": "0"},
        )
        served = len(server.requests.snapshot())
    assert live.returncode == 0, live.log[-3000:]
    assert live.items
    (path,) = archive.glob("*.warc.gz")
    assert index_path(path).exists()
    assert not list(archive.glob("*.part"))
    kept = responses(path)
    assert len(kept) == served  # every response, retried and redirected ones too
    statuses = {status for _url, status in kept}
    assert {200, 301, 404, 503} <= statuses
    assert any(u.endswith("/robots.txt") for u, _ in kept)
    assert any("/rss/" in u for u, _ in kept)
    assert all("127.0.0.1" not in u for u, _ in kept)  # the real ANTARA URLs
    assert f"Archive written: {path} ({served} responses" in live.log
    (report,) = (json.loads(p.read_text()) for p in (tmp_path / "data" / "runs").glob("*.json"))
    assert report["archive"] == {
        "path": str(path),
        "responses": served,
        "records": 1 + 2 * served,  # warcinfo, then a request and a response each
        "failed": None,
    }
    assert f"Archive: {path} ({served} responses, {1 + 2 * served} WARC records)" in live.log
    headers, payload = raw_capture(path, robots_url)  # as sent: gzip, its length
    assert headers.get_header("Content-Encoding") == "gzip"
    assert gzip.decompress(payload) == robots
    assert headers.get_header("Content-Length") == str(len(payload))
    assert disallowed["url"] not in {u for u, _ in kept}

    # the server is gone: only the archive answers
    replay = run_crawl(
        tmp_path / "replay.jsonl",
        mirror=str(archive),
        args={"since": manifest["since"]},
        settings={"ANTARA_ARCHIVE": str(tmp_path / "again")},
    )
    assert replay.returncode == 0, replay.log[-3000:]
    assert comparable(replay) == comparable(live)
    assert disallowed["key"] not in replay.by_key  # the archived robots.txt still applies
    assert list((tmp_path / "again").iterdir()) == []  # nothing fetched, nothing archived
    assert "No archive written: no response received" in replay.log
    assert stat(replay.log, "antara/archive/missing") is None


def test_a_killed_archiving_run_leaves_an_archive_read_whole(
    site: tuple[Path, dict], tmp_path: Path
) -> None:
    root, manifest = site
    archive = tmp_path / "archive"
    settings = {
        "ANTARA_STATE": "none",
        "ANTARA_ARCHIVE": str(archive),
        "ANTARA_MIRROR_FAST": "False",
        "DOWNLOAD_DELAY": "0.3",
        "DOWNLOAD_DELAY_JITTER": "0",
        "AUTOTHROTTLE_ENABLED": "False",
    }
    with serve_mirror(root) as server:
        feed = str(tmp_path / "killed.jsonl")
        command = [sys.executable, "-m", "scrapy", "crawl", "antara", "-O", feed]
        for name, value in {**settings, "ANTARA_MIRROR": server.base_url}.items():
            command += ["-s", f"{name}={value}"]
        command += ["-a", f"since={manifest['since']}"]
        environment = {k: v for k, v in os.environ.items() if not k.startswith("ANTARA_")}
        environment["ANTARA_DATA_DIR"] = str(tmp_path / "data")  # its run report
        crawl = subprocess.Popen(
            command,
            cwd=ROOT,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            kept = wait_for_responses(archive, crawl, at_least=8)
            crawl.send_signal(signal.SIGKILL)
        finally:
            crawl.kill()
            crawl.wait()
    assert kept >= 8, "the crawl ended before it could be killed"
    (part,) = archive.glob("*.warc.gz.part")
    listed = subprocess.run(
        [sys.executable, "-m", "warcio.cli", "index", str(part)],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = [json.loads(line) for line in listed.stdout.splitlines()]
    kinds = [line["warc-type"] for line in lines]
    assert kinds[0] == "warcinfo"
    assert kinds.count("response") == kinds.count("request") >= 8
    assert len(kinds) == 1 + 2 * kinds.count("response")  # whole pairs, nothing cut

    nxt = run_crawl(
        tmp_path / "next.jsonl",
        mirror=str(root),
        args={"since": manifest["since"], "portals": "kupang"},
        settings={"ANTARA_ARCHIVE": str(archive)},
    )
    assert nxt.returncode == 0, nxt.log[-3000:]
    finished = Path(str(part).removesuffix(".part"))
    assert f"Finished the archive of an interrupted run: {finished}" in nxt.log
    assert not list(archive.glob("*.part"))
    assert len(responses(finished)) == kinds.count("response")
    assert len(index_path(finished).read_text().splitlines()) == kinds.count("response")
    assert len(list(archive.glob("*.warc.gz"))) == 2  # the killed run's and the next one's


def wait_for_responses(archive: Path, crawl: subprocess.Popen, at_least: int) -> int:
    """Wait until the running crawl's archive holds ``at_least`` responses, or it ends."""
    deadline = time.monotonic() + 120
    kept = 0
    while crawl.poll() is None and time.monotonic() < deadline:
        parts = list(archive.glob("*.part"))
        if parts:
            kept = sum(r.rec_type == "response" for r, _o, _l in iter_records(parts[0]))
            if kept >= at_least:
                return kept
        time.sleep(0.05)
    return kept


# -- an archive made by someone else ------------------------------------------------------

KUPANG_V1 = [
    "Kupang (ANTARA) - Kepolisian Resor Kupang Kota menangkap dua pemuda yang diduga mencuri "
    "sepeda motor di kawasan Oebobo pada Senin malam.",
    "Kepala Satuan Reserse Kriminal Polres Kupang Kota mengatakan kedua tersangka ditangkap "
    "setelah polisi memeriksa rekaman kamera pengawas di sekitar lokasi.",
]
KUPANG_V2 = [
    *KUPANG_V1[:1],
    "Kepala Satuan Reserse Kriminal Polres Kupang Kota mengatakan kedua tersangka ditangkap "
    "setelah polisi memeriksa rekaman kamera pengawas dan keterangan tiga orang saksi.",
    "Polisi masih mencari seorang penadah yang diduga membeli sepeda motor curian itu.",
]
BALI_TEXT = [
    "Denpasar (ANTARA) - Polda Bali menggelar patroli gabungan di kawasan Kuta untuk menjaga "
    "keamanan selama musim libur sekolah.",
    "Patroli melibatkan personel Polresta Denpasar dan petugas pariwisata setempat.",
]


def web_archive_site(now: datetime, *, edited: bool) -> tuple[Site, Article, Article]:
    """The kupang article (edited or not) and the bali one, in a site that also lists a
    kupang article no archive captured."""
    published = now - timedelta(hours=20)
    kupang = Article(
        portal="kupang",
        id="7001",
        slug="",
        title="Polisi tangkap dua pencuri sepeda motor di Oebobo",
        paragraphs=KUPANG_V2 if edited else KUPANG_V1,
        published=published,
        updated=now - timedelta(hours=3) if edited else None,
    )
    bali = Article(
        portal="bali",
        id="7002",
        slug="",
        title="Polda Bali gelar patroli gabungan di Kuta",
        paragraphs=BALI_TEXT,
        published=published,
    )
    uncaptured = Article(
        portal="kupang",
        id="7003",
        slug="",
        title="Polisi imbau warga kunci ganda kendaraan",
        paragraphs=["Kupang (ANTARA) - " + KUPANG_V1[1], KUPANG_V1[0]],
        published=published,
    )
    site = Site(now, portals=["kupang", "bali"])
    site.add(kupang, bali, uncaptured)
    return site, kupang, bali


def test_a_web_archive_is_replayed_with_versions_and_as_of(tmp_path: Path) -> None:
    """Two crawls by someone else: the second holds the edited article (as an AMP page on
    m., chunked) and revisits for what did not change (the feed by WARC-Refers-To, the
    Bali article by digest alone)."""
    now = datetime.now(timezone.utc)
    first, second = now - timedelta(hours=10), now - timedelta(hours=1)
    old, kupang, bali = web_archive_site(now, edited=False)
    new, edited, _ = web_archive_site(now, edited=True)
    archive = tmp_path / "webarchive"
    archive.mkdir()
    feed = "https://kupang.antaranews.com/rss/terkini.xml"
    bali_feed = "https://bali.antaranews.com/rss/terkini.xml"
    rss = "application/rss+xml"
    with ArchiveBuilder(archive / "crawl-a.warc.gz", gzip=True) as crawl:
        robots = old.robots_txt("kupang").encode()
        crawl.response("https://kupang.antaranews.com/robots.txt", first, robots)
        feed_digest = crawl.response(
            feed, first, old.render_rss("kupang").encode(), content_type=rss, gzip=True,
            chunked_transfer=True,
        )  # fmt: skip
        crawl.response(
            kupang.url + "?utm_source=rss", first, old.render_article(kupang).encode(), gzip=True
        )
        crawl.response(bali_feed, first, old.render_rss("bali").encode(), content_type=rss)
        bali_digest = crawl.response(bali.url, first, old.render_article(bali).encode())
    with ArchiveBuilder(archive / "crawl-b.warc", gzip=False) as crawl:
        crawl.revisit(feed, second, feed_digest, refers_to=(feed, first), content_type=rss)
        amp = edited.amp_url.replace("https://kupang.", "https://m.kupang.")
        crawl.response(amp, second, new.render_amp(edited).encode(), chunked_transfer=True)
        crawl.revisit(bali.url, second, bali_digest, refers_to=None)

    state = tmp_path / "state.sqlite3"
    args = {
        "since": f"{now - timedelta(days=3):%Y-%m-%d}",
        "portals": "kupang,bali",
        "discovery": "rss",
        "police_only": "false",
    }
    as_of = run_crawl(
        tmp_path / "as_of.jsonl",
        mirror=str(archive),
        state=state,
        args=args,
        settings={"ANTARA_ARCHIVE_AS_OF": f"{first + timedelta(hours=2):%Y-%m-%dT%H:%M:%SZ}"},
    )
    assert as_of.returncode == 0, as_of.log[-3000:]
    assert set(as_of.by_key) == {"kupang:7001", "bali:7002"}
    assert as_of.by_key["kupang:7001"]["body"] == kupang.body
    assert as_of.by_key["kupang:7001"]["url"] == kupang.url
    assert as_of.by_key["bali:7002"]["body"] == bali.body
    assert {item["version"] for item in as_of.items} == {1}
    # bali's robots.txt (so no rules) and the article no archive captured
    assert stat(as_of.log, "antara/archive/missing") == 2

    latest = run_crawl(tmp_path / "latest.jsonl", mirror=str(archive), state=state, args=args)
    assert latest.returncode == 0, latest.log[-3000:]
    assert set(latest.by_key) == {"kupang:7001"}  # bali's page did not change
    item = latest.by_key["kupang:7001"]
    assert item["body"] == edited.body != kupang.body
    assert item["version"] == 2
    assert item["url"] == kupang.url

    # the article the archive lacked was not recorded as gone: the site gives it later
    mirror = tmp_path / "mirror"
    new.write(mirror)
    later = run_crawl(tmp_path / "later.jsonl", mirror=str(mirror), state=state, args=args)
    assert later.returncode == 0, later.log[-3000:]
    assert set(later.by_key) == {"kupang:7003"}
