"""Versions follow the extracted fields: the fields hash, the state pipeline, and replays of
an archive with the state of the run that kept it (nothing changed; a later capture with an
edited headline; an article past the refresh window)."""

from __future__ import annotations

import copy
import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from scrapy.crawler import Crawler
from scrapy.utils.test import get_crawler

from antara_crawl import settings as project_settings
from antara_crawl.extensions import ArticleState
from antara_crawl.mirror import mirror_file, mirror_relpath
from antara_crawl.pipelines import (
    VERSIONED_FIELDS,
    CompleteItemPipeline,
    Dropped,
    StatePipeline,
    content_hash,
    fields_hash,
)
from antara_crawl.state import ArticleStore
from tests.crawl import ROOT, CrawlRun, run_crawl
from tests.mirror_server import serve_mirror
from tests.sites import build_sample_site
from tests.test_archive_crawl import stat
from tests.warcs import ArchiveBuilder

BODY = (
    "Kupang (ANTARA) - Polres Kupang Kota menangkap dua pemuda yang diduga mencuri sepeda motor."
    "\n\nKasat Reskrim mengatakan kedua tersangka ditangkap setelah polisi memeriksa rekaman."
)


def article_item() -> dict[str, Any]:
    """An article as the spider yields it, before the pipelines."""
    return {
        "id": "kupang:105483",
        "url": "https://kupang.antaranews.com/berita/105483/polisi-tangkap-pencuri",
        "portal": "kupang",
        "province": "Nusa Tenggara Timur",
        "title": "Polisi tangkap dua pencuri sepeda motor",
        "published_at": "2024-03-19T16:05:00+08:00",
        "updated_at": None,
        "reporter": "Aloysius Lewokeda",
        "editor": None,
        "dateline": "Kupang",
        "category": "Hukum",
        "tags": ["Polres Kupang Kota", "Pencurian"],
        "image_url": "https://img.antaranews.com/cache/730x487/2024/03/motor.jpg",
        "image_caption": "Barang bukti sepeda motor di Mapolres Kupang Kota.",
        "summary": "Polres Kupang Kota menangkap dua pemuda pencuri sepeda motor.",
        "body": BODY,
        "related": [{"url": "https://kupang.antaranews.com/berita/105400/x", "title": "X"}],
        "police": {
            "units": ["Polres Kupang Kota"],
            "officers": [{"rank": "AKP", "name": "Yohanes Ndun", "position": "Kasat Reskrim"}],
            "terms": ["polisi"],
            "score": 0.85,
            "reasons": ["+0.50 title: police actor Polisi"],
            "provinces": ["Nusa Tenggara Timur"],
        },
        "discovered_via": "rss",
        "referrer": None,
        "depth": 0,
    }


# -- the fields hash ----------------------------------------------------------------------


def test_the_fields_hash_is_the_sha256_of_the_canonical_json_of_the_versioned_fields() -> None:
    """Spelled out by hand: sorted keys, no spaces, UTF-8 (not ``\\u`` escapes). A change of
    this form would emit every known article again."""
    item = {"title": "Pencuri ditangkap di Oebobo é", "police": {"score": 0.5, "reasons": []}}
    expected = (
        '{"body":null,"category":null,"dateline":null,"editor":null,"image_caption":null,'
        '"image_url":null,"police.officers":null,"police.provinces":null,"police.score":0.5,'
        '"police.terms":null,"police.units":null,"published_at":null,"related":null,'
        '"reporter":null,"summary":null,"tags":null,"title":"Pencuri ditangkap di Oebobo é",'
        '"updated_at":null}'
    )
    assert fields_hash(item) == hashlib.sha256(expected.encode("utf-8")).hexdigest()
    full = article_item()
    assert fields_hash(full) == fields_hash(copy.deepcopy(full))


@pytest.mark.parametrize("name", VERSIONED_FIELDS)
def test_each_versioned_field_changes_the_fields_hash(name: str) -> None:
    item = article_item()
    edited = copy.deepcopy(item)
    if name.startswith("police."):
        edited["police"][name.split(".", 1)[1]] = ["changed"]
    else:
        edited[name] = "changed"
    assert fields_hash(edited) != fields_hash(item)


@pytest.mark.parametrize(
    "change",
    [
        {"url": "https://kupang.antaranews.com/berita/105483"},
        {"discovered_via": "listing", "referrer": "https://kupang.antaranews.com/berita/1/x"},
        {"depth": 2},
        {"crawled_at": "2026-11-29T21:00:00+00:00", "version": 3, "duplicate_of": "www:1"},
        {"content_hash": "0" * 64, "schema_version": 2, "withdrawn_at": None},
    ],
)
def test_what_a_run_adds_does_not_change_the_fields_hash(change: dict[str, Any]) -> None:
    item = article_item()
    assert fields_hash(item | change) == fields_hash(item)
    reworded = copy.deepcopy(item)
    reworded["police"]["reasons"] = ["+0.50 headline: police actor Polisi"]
    reordered = dict(reversed(list(item.items())))
    assert fields_hash(reworded) == fields_hash(reordered) == fields_hash(item)


def test_the_readme_lists_the_versioned_fields() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    (paragraph,) = [p for p in readme.split("\n\n") if p.startswith("The counted fields are ")]
    assert tuple(re.findall(r"`([^`]+)`", paragraph)) == VERSIONED_FIELDS


# -- the state pipeline -------------------------------------------------------------------


@dataclass
class Pipeline:
    """The completing and state pipelines over a state file, as a crawl runs them."""

    complete: CompleteItemPipeline
    state: StatePipeline
    crawler: Crawler

    def emit(self, item: dict[str, Any]) -> dict[str, Any] | None:
        """The item as it leaves, or None when dropped as unchanged."""
        try:
            return self.state.process_item(self.complete.process_item(copy.deepcopy(item)))
        except Dropped as dropped:
            assert dropped.reason == "unchanged"
            return None

    def stat(self, name: str) -> int | None:
        return self.crawler.stats.get_value(name)


def pipeline(store: ArticleStore, *, reextract: bool) -> Pipeline:
    settings = {k: v for k, v in vars(project_settings).items() if k.startswith("ANTARA_")}
    crawler = get_crawler(settings_dict=settings | {"ANTARA_REEXTRACT": reextract})
    crawler.stats.open_spider()
    state = ArticleState(crawler)
    state.store = store
    return Pipeline(CompleteItemPipeline(), StatePipeline(crawler, state), crawler)


def test_a_changed_headline_is_a_new_version_and_a_replay_counts_it(tmp_path: Path) -> None:
    store = ArticleStore.open(tmp_path / "state.sqlite3")
    item = article_item()
    first = pipeline(store, reextract=False)
    assert first.emit(item)["version"] == 1
    store.commit_pending()
    assert store.get(item["id"]).fields_hash == fields_hash(item)
    refresh = pipeline(store, reextract=False)  # a later run downloads it again
    assert refresh.emit(item | {"discovered_via": "listing", "depth": 1}) is None
    retitled = item | {"title": "Polisi tangkap dua pencuri sepeda motor curian"}
    emitted = refresh.emit(retitled)
    assert (emitted["version"], emitted["content_hash"]) == (2, content_hash(BODY))
    assert refresh.stat("antara/state/changed") == 1
    assert refresh.stat("antara/reextracted/changed") is None  # not a replay
    store.commit_pending()
    replay = pipeline(store, reextract=True)
    assert replay.emit(retitled) is None
    edited = copy.deepcopy(retitled)
    edited["police"]["officers"][0]["rank"] = "Iptu"
    assert replay.emit(edited)["version"] == 3
    assert replay.stat("antara/reextracted/changed") == 1
    assert replay.stat("antara/state/unchanged") == 1
    store.close()


def test_an_article_recorded_without_a_fields_hash_is_compared_by_its_body(
    tmp_path: Path,
) -> None:
    """After an upgrade of the state, a known article is not emitted again for fields the
    old state could not compare; it is from the next change on."""
    store = ArticleStore.open(tmp_path / "state.sqlite3")
    item = article_item()
    assert pipeline(store, reextract=False).emit(item)["version"] == 1
    store.db.execute("UPDATE pending SET fields_hash = NULL")  # as format 2 recorded it
    store.commit_pending()
    assert store.get(item["id"]).fields_hash is None
    replay = pipeline(store, reextract=True)
    retitled = item | {"title": "Polisi tangkap dua pencuri sepeda motor curian"}
    assert replay.emit(retitled) is None  # the same body
    assert store.get(item["id"]).fields_hash == fields_hash(retitled)
    assert replay.emit(retitled | {"tags": ["Pencurian"]})["version"] == 2
    assert replay.stat("antara/reextracted/changed") == 1
    store.close()


# -- replays end to end -------------------------------------------------------------------

NEW_TITLE_TAIL = " pekan ini"


@dataclass
class Replays:
    """A live crawl that kept an archive and the state, and two replays with that state."""

    live: CrawlRun
    again: CrawlRun  # the archive as it was
    retitled: CrawlRun  # with a later capture of one article under a longer headline
    key: str
    state: Path
    manifest: dict


def headline_in_page(live: CrawlRun, root: Path) -> tuple[str, str]:
    """The key and page of the first police article whose headline the page spells as is."""
    for key in sorted(live.by_key):
        item = live.by_key[key]
        path = mirror_file(root, mirror_relpath(item["url"]))
        page = path.read_text("utf-8") if path else ""
        if item["title"] in page and "&" not in item["title"]:
            return key, page
    raise AssertionError("no article spells its headline as is")


@pytest.fixture(scope="module")
def replays(tmp_path_factory: pytest.TempPathFactory) -> Replays:
    base = tmp_path_factory.mktemp("reextract")
    root, archive, state = base / "mirror", base / "archive", base / "state.sqlite3"
    manifest = build_sample_site(root)
    args = {"since": manifest["since"]}
    with serve_mirror(root) as server:
        live = run_crawl(
            base / "live.jsonl",
            mirror=server.base_url,
            state=state,
            args=args,
            settings={"ANTARA_ARCHIVE": str(archive)},
        )
    assert live.returncode == 0, live.log[-3000:]
    assert live.items and len(list(archive.glob("*.warc.gz"))) == 1
    again = run_crawl(base / "again.jsonl", mirror=str(archive), state=state, args=args)
    assert again.returncode == 0, again.log[-3000:]

    key, page = headline_in_page(live, root)
    item = live.by_key[key]
    later = datetime.now(timezone.utc) + timedelta(minutes=1)
    retitled_page = page.replace(item["title"], item["title"] + NEW_TITLE_TAIL)
    with ArchiveBuilder(archive / "later.warc.gz") as capture:
        capture.response(item["url"], later, retitled_page.encode("utf-8"))
    retitled = run_crawl(
        base / "retitled.jsonl",
        mirror=str(archive),
        state=state,
        args=args,
        settings={"ANTARA_REFRESH_DAYS": "2"},
    )
    assert retitled.returncode == 0, retitled.log[-3000:]
    return Replays(live, again, retitled, key, state, manifest)


def test_replaying_an_archive_with_the_state_of_the_run_that_kept_it_emits_nothing(
    replays: Replays,
) -> None:
    live, again = replays.live, replays.again
    assert again.items == []
    assert stat(again.log, "antara/state/unchanged") == len(live.items)
    assert stat(again.log, "antara/reextracted/known") >= len(live.items)
    assert stat(again.log, "antara/reextracted/changed") is None


def test_a_replay_emits_the_article_whose_headline_changed_as_a_new_version(
    replays: Replays,
) -> None:
    live, retitled, key = replays.live, replays.retitled, replays.key
    assert set(retitled.by_key) == {key}
    before, after = live.by_key[key], retitled.by_key[key]
    assert after["title"] == before["title"] + NEW_TITLE_TAIL
    assert after["version"] == before["version"] + 1 == 2
    assert (after["body"], after["content_hash"]) == (before["body"], before["content_hash"])
    assert stat(retitled.log, "antara/reextracted/changed") == 1
    assert stat(retitled.log, "antara/state/unchanged") == len(live.items) - 1


def test_a_replay_reextracts_articles_past_the_refresh_window(replays: Replays) -> None:
    """A normal run would not download the retitled article again (older than
    ANTARA_REFRESH_DAYS, 2 days); the replay read it again and emitted its new version."""
    now = datetime.now(timezone.utc)
    item = replays.retitled.by_key[replays.key]
    assert datetime.fromisoformat(item["published_at"]) < now - timedelta(days=2)
    store = ArticleStore.open(replays.state, refresh=timedelta(days=2))
    try:
        wanted = store.needs_fetch(
            replays.key,
            now,
            police_only=True,
            since=date.fromisoformat(replays.manifest["since"]),
            until=None,
            min_police_score=0.5,
        )
        assert not wanted
        assert store.get(replays.key).version == 2
    finally:
        store.close()
