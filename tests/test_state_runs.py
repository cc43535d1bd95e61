"""End-to-end over several runs: a mirror that changes between cron runs, one state file."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from antara_crawl.portals import PORTALS
from tests.crawl import ROOT, run_crawl
from tests.mirror_server import serve_mirror
from tests.sitebuilder import Article, Site

NOW = datetime.now(timezone.utc).replace(second=0, microsecond=0)

WIRE = [
    "Jakarta (ANTARA) - Korps Lalu Lintas Polri mengerahkan ribuan personel untuk mengamankan "
    "arus libur akhir tahun di sepanjang jalur tol Trans Jawa mulai pekan depan.",
    "Kakorlantas Polri Irjen Pol. Aan Suhanan mengatakan pos pengamanan dan pos pelayanan "
    "didirikan di titik rawan kemacetan serta rest area yang ramai dikunjungi pemudik.",
    "Petugas juga menyiapkan rekayasa lalu lintas berupa sistem satu arah dan ganjil genap bila "
    "volume kendaraan melonjak tajam pada puncak arus libur.",
    "Masyarakat diimbau memeriksa kondisi kendaraan sebelum berangkat dan beristirahat setiap "
    "empat jam perjalanan agar tetap bugar dan selamat sampai tujuan.",
]
WIRE_REPUBLISHED = [
    WIRE[0].replace("mulai pekan depan", "mulai Senin pekan depan"),
    WIRE[1],
    WIRE[2].replace("melonjak tajam", "melonjak sangat tajam"),
    WIRE[3],
    "Polda Bali juga menyiagakan personel di jalur menuju Pelabuhan Gilimanuk.",
]


def at(portal: str, days: float) -> datetime:
    moment = NOW - timedelta(days=days)
    return moment.astimezone(PORTALS[portal].zone)


def story(place: str, unit: str, topic: str, n: int) -> list[str]:
    return [
        f"{place} (ANTARA) - {unit} menggelar {topic} yang melibatkan {n} personel gabungan "
        f"di wilayah hukumnya.",
        f"Kapolres setempat mengatakan kegiatan {topic} itu digelar untuk menekan angka "
        f"kriminalitas yang meningkat dalam {n // 10} bulan terakhir.",
        f"Petugas memeriksa kendaraan, dokumen, dan barang bawaan warga yang melintas di "
        f"{n % 7 + 2} titik pemeriksaan.",
        f"Warga diminta melapor ke {unit} bila melihat hal mencurigakan di lingkungannya.",
    ]


def build(root: Path, run: int) -> dict[str, Article]:
    """The mirror as the site looks at cron run ``run`` (1, 2 or 3)."""
    articles = {
        "old_kupang": Article("kupang", "151001", "", "Polres Kupang gelar razia senjata tajam",
                              story("Kupang", "Polres Kupang", "razia senjata tajam", 120),
                              at("kupang", 5)),
        "old_bali": Article("bali", "343001", "", "Polresta Denpasar gelar patroli malam",
                            story("Denpasar", "Polresta Denpasar", "patroli malam", 80),
                            at("bali", 6)),
        "wire": Article("www", "4870001", "", "Korlantas kerahkan personel amankan libur",
                        WIRE, at("www", 4)),
        "not_police": Article("bali", "343002", "", "Subak di Tabanan panen raya",
                              ["Tabanan (ANTARA) - Petani subak di Tabanan memulai panen raya "
                               "padi dengan hasil yang lebih baik dari musim lalu.",
                               "Dinas Pertanian mencatat produktivitas naik berkat irigasi."],
                              at("bali", 5)),
        "young": Article("kupang", "151050", "", "Polda NTT siagakan personel jelang natal",
                         story("Kupang", "Polda NTT", "apel siaga natal", 300), at("kupang", 0.5)),
        "young_retitled": Article("kupang", "151051", "", "Polres Kupang Kota gelar patroli pasar",
                                  story("Kupang", "Polres Kupang Kota", "patroli pasar", 60),
                                  at("kupang", 0.6)),
    }  # fmt: skip
    if run >= 2:
        edited = articles["young"]
        edited.paragraphs = [*edited.paragraphs, "Apel siaga dipimpin langsung Kapolda NTT."]
        articles["young_retitled"].title += " jelang natal"  # the headline alone
        articles["new"] = Article(
            "kupang",
            "151060",
            "",
            "Satresnarkoba Polres Kupang tangkap pengedar sabu",
            story("Kupang", "Satresnarkoba Polres Kupang", "penggerebekan narkoba", 40),
            at("kupang", 0.2),
        )
        articles["copy"] = Article(
            "bali",
            "343090",
            "",
            "Korlantas kerahkan personel amankan libur akhir tahun",
            WIRE_REPUBLISHED,
            at("bali", 0.3),
        )
    if root.exists():
        shutil.rmtree(root)
    site = Site(NOW, portals=("kupang", "bali", "www"), rss_size=10, page_size=3)
    site.add(*articles.values())
    site.write(root)
    return {name: article for name, article in articles.items()}


def key(article: Article) -> str:
    return f"{article.portal}:{article.id}"


def article_requests(requests: list[str]) -> list[str]:
    return [r for r in requests if "/berita/" in r]


def backdate_fetch(state: Path, article_key: str, published: datetime) -> None:
    """Make the state say the article was last downloaded 2 h after its publication: the
    next run is past its 6 h refresh."""
    with sqlite3.connect(state) as db:
        fetched = (published + timedelta(hours=2)).isoformat()
        updated = db.execute(
            "UPDATE fetches SET fetched_at = ? WHERE key = ?", (fetched, article_key)
        )
        assert updated.rowcount == 1


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict:
    base = tmp_path_factory.mktemp("runs")
    mirror, state = base / "mirror", base / "state" / "antara.sqlite3"
    since = (NOW - timedelta(days=10)).date().isoformat()
    results = {}
    for run in (1, 2, 3):
        articles = build(mirror, min(run, 2))
        if run == 2:  # as if run 1 had been 2 h after the young articles' publication
            for name in ("young", "young_retitled"):
                backdate_fetch(state, key(articles[name]), articles[name].published)
        settings = {"ANTARA_REFRESH_DAYS": "0"} if run == 3 else {}
        with serve_mirror(mirror) as server:
            crawl = run_crawl(
                base / f"run{run}.jsonl",
                mirror=server.base_url,
                state=state,
                args={"since": since},
                settings=settings,
            )
            results[run] = (crawl, server.requests.snapshot(), articles)
        assert crawl.returncode == 0, crawl.log[-3000:]
    return results


def test_first_run_emits_everything_once_as_version_1(runs) -> None:
    crawl, _requests, articles = runs[1]
    police = {key(a) for name, a in articles.items() if name != "not_police"}
    assert set(crawl.by_key) == police
    assert all(item["version"] == 1 and item["duplicate_of"] is None for item in crawl.items)


def test_second_run_emits_only_the_new_the_edited_and_the_wire_copy(runs) -> None:
    crawl, requests, articles = runs[2]
    emitted = crawl.by_key
    assert set(emitted) == {key(articles[n]) for n in ("new", "copy", "young", "young_retitled")}
    assert emitted[key(articles["young"])]["version"] == 2
    retitled = emitted[key(articles["young_retitled"])]  # a new version for its headline
    first = runs[1][0].by_key[retitled["id"]]
    assert (retitled["version"], retitled["title"]) == (2, first["title"] + " jelang natal")
    assert retitled["content_hash"] == first["content_hash"]
    assert emitted[key(articles["new"])]["version"] == 1
    assert emitted[key(articles["copy"])]["duplicate_of"] == key(articles["wire"])
    assert emitted[key(articles["new"])]["duplicate_of"] is None
    downloaded = article_requests(requests)
    for name in ("old_kupang", "old_bali", "wire", "not_police"):
        assert not any(f"/berita/{articles[name].id}/" in r for r in downloaded), name
    assert len(downloaded) == len(set(downloaded)) == 4


def test_an_unchanged_rerun_emits_nothing_and_downloads_no_known_article(runs) -> None:
    crawl, requests, _articles = runs[3]
    assert crawl.items == []
    assert article_requests(requests) == []
    listing_pages = [r for r in requests if "/terkini/" in r]
    assert listing_pages == [], listing_pages


def test_reset_state_starts_over(runs, tmp_path: Path) -> None:
    _crawl, _requests, articles = runs[3]
    state = tmp_path / "state.sqlite3"
    state.write_bytes(b"garbage, not a database" * 50)
    mirror = tmp_path / "mirror"
    build(mirror, 2)
    broken = run_crawl(tmp_path / "broken.jsonl", mirror=str(mirror), state=state)
    assert broken.returncode == 2
    assert broken.log.strip().splitlines()[-1].startswith("antara: error: state file")
    since = (NOW - timedelta(days=10)).date().isoformat()
    fresh = run_crawl(
        tmp_path / "fresh.jsonl",
        mirror=str(mirror),
        state=state,
        args={"since": since, "reset_state": "true"},
    )
    assert fresh.returncode == 0, fresh.log[-3000:]
    assert len(fresh.items) == len(articles) - 1  # all but the non-police story


def feed_lines(path: Path) -> list[str]:
    return path.read_text("utf-8").splitlines(keepends=True) if path.exists() else []


def test_a_killed_run_leaves_nothing_seen_that_no_feed_holds(tmp_path: Path) -> None:
    mirror, state, feed = tmp_path / "mirror", tmp_path / "state.sqlite3", tmp_path / "feed.jsonl"
    articles = build(mirror, 2)
    police = {key(a) for name, a in articles.items() if name != "not_police"}
    since = (NOW - timedelta(days=10)).date().isoformat()
    part = Path(f"{feed}.part")
    with serve_mirror(mirror) as server:
        held = server.hold(f"/{articles['new'].host}/berita/{articles['new'].id}")
        command = [
            sys.executable, "-m", "scrapy", "crawl", "antara", "-o", str(feed),
            "-s", f"ANTARA_MIRROR={server.base_url}", "-s", f"ANTARA_STATE={state}",
            "-a", f"since={since}",
        ]  # fmt: skip
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=os.environ | {"ANTARA_DATA_DIR": str(tmp_path / "data")},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:  # the run is mid-way: one article's download hangs, others' items are written
            for _ in range(600):
                if (held.arrived.is_set() and feed_lines(part)) or process.poll() is not None:
                    break
                time.sleep(0.1)
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait()
    written = feed_lines(part)
    assert held.arrived.is_set() and written, "the run never reached the held article"
    assert all(line.endswith("\n") for line in written)  # no half-written item
    in_part = {json.loads(line)["id"] for line in written}
    assert in_part < police and key(articles["new"]) not in in_part
    assert not feed.exists()
    with sqlite3.connect(state) as db:
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    rerun = run_crawl(
        tmp_path / "rerun.jsonl", mirror=str(mirror), state=state, args={"since": since}
    )
    assert rerun.returncode == 0, rerun.log[-3000:]
    assert set(rerun.by_key) == police


def test_without_state_a_wire_copy_reached_later_in_the_run_is_linked(tmp_path: Path) -> None:
    original = Article("www", "4870101", "", "Korlantas kerahkan personel", WIRE, at("www", 2))
    copy = Article(
        "bali", "343101", "", "Korlantas kerahkan personel (Bali)", WIRE_REPUBLISHED,
        at("bali", 1), in_rss=False, in_listing=False,
    )  # fmt: skip
    linking = Article(
        "bali", "343102", "", "Polresta Denpasar gelar patroli",
        story("Denpasar", "Polresta Denpasar", "patroli", 90), at("bali", 1),
        related=[(copy.url, copy.title)],
    )  # fmt: skip
    site = Site(NOW, portals=("bali", "www"), rss_size=10, page_size=5)
    site.add(original, copy, linking)
    site.write(tmp_path / "mirror")
    since = (NOW - timedelta(days=10)).date().isoformat()
    crawl = run_crawl(
        tmp_path / "out.jsonl", mirror=str(tmp_path / "mirror"), args={"since": since}
    )
    assert crawl.returncode == 0, crawl.log[-3000:]
    assert crawl.by_key[key(copy)]["depth"] == 1
    assert crawl.by_key[key(copy)]["duplicate_of"] == key(original)
    assert crawl.by_key[key(original)]["duplicate_of"] is None
    assert crawl.by_key[key(linking)]["duplicate_of"] is None


def wire_copy_site(root: Path, original_id: str, copy_id: str, linking_id: str) -> Site:
    """A site whose wire copy (in RSS) is downloaded before its original (reached only
    through a "Baca juga" link of a third article), written to ``root``; its articles are
    the original, the copy and the linking one, in that order."""
    original = Article(
        "www", original_id, "", "Korlantas kerahkan personel", WIRE, at("www", 2),
        in_rss=False, in_listing=False,
    )  # fmt: skip
    copy = Article("bali", copy_id, "", "Korlantas kerahkan personel (Bali)",
                   WIRE_REPUBLISHED, at("bali", 1))  # fmt: skip
    linking = Article(
        "bali", linking_id, "", "Polresta Denpasar gelar patroli",
        story("Denpasar", "Polresta Denpasar", "patroli", 90), at("bali", 1),
        related=[(original.url, original.title)],
    )  # fmt: skip
    site = Site(NOW, portals=("bali", "www"), rss_size=10, page_size=5)
    site.add(original, copy, linking)
    site.write(root)
    return site


def test_a_wire_copy_downloaded_before_its_original_is_linked_to_it(tmp_path: Path) -> None:
    site = wire_copy_site(tmp_path / "mirror", "4870201", "343201", "343202")
    original, copy, _linking = site.articles
    since = (NOW - timedelta(days=10)).date().isoformat()
    state = tmp_path / "state.sqlite3"
    crawl = run_crawl(
        tmp_path / "out.jsonl", mirror=str(tmp_path / "mirror"), state=state,
        args={"since": since},
    )  # fmt: skip
    assert crawl.returncode == 0, crawl.log[-3000:]
    assert crawl.by_key[key(copy)]["depth"] == 0 and crawl.by_key[key(original)]["depth"] == 1
    assert crawl.by_key[key(copy)]["duplicate_of"] == key(original)
    assert crawl.by_key[key(original)]["duplicate_of"] is None
    with sqlite3.connect(state) as db:
        linked = db.execute("SELECT duplicate_of FROM articles WHERE key = ?", (key(copy),))
        assert linked.fetchone() == (key(original),)
