"""The cross-run store: lookups, staging and commit, near-duplicates, bad files."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import pytest
import redis

from antara_crawl.redis_state import RedisArticleStore
from antara_crawl.state import (
    SCHEMA,
    STATE_FORMAT,
    ArticleStore,
    Known,
    StateError,
    StateLocked,
    StateStore,
    body_signature,
    refresh_ages,
    similarity,
)
from tests.redis_server import redis_server

WIRE = (
    "Kepolisian Negara Republik Indonesia mengerahkan ribuan personel gabungan untuk mengamankan "
    "arus mudik Lebaran di sepanjang jalur tol Trans Jawa mulai pekan depan. Kepala Korps Lalu "
    "Lintas Polri mengatakan pos pengamanan dan pos pelayanan didirikan di titik rawan kemacetan "
    "serta rest area yang ramai dikunjungi pemudik. Petugas juga menyiapkan rekayasa lalu lintas "
    "berupa sistem satu arah dan ganjil genap bila volume kendaraan melonjak tajam. Masyarakat "
    "diimbau memeriksa kondisi kendaraan sebelum berangkat dan beristirahat setiap empat jam "
    "perjalanan agar tetap bugar dan selamat sampai tujuan."
)
WIRE_EDITED = (
    WIRE.replace("mulai pekan depan", "mulai Senin pekan depan").replace(
        "tetap bugar", "tetap segar"
    )
    + " Informasi arus lalu lintas dapat dipantau melalui kanal resmi kepolisian."
)
SAME_EVENT_OTHER_STORY = (
    "Arus mudik Lebaran di jalur tol Trans Jawa mulai meningkat sejak Kamis malam. Pengelola jalan "
    "tol mencatat lebih dari seratus ribu kendaraan keluar dari Jakarta dalam sehari, naik hampir "
    "dua kali lipat dibanding akhir pekan biasa. Sejumlah pemudik mengaku berangkat lebih awal "
    "untuk menghindari kepadatan di gerbang tol utama. Kepolisian menyiapkan personel dan pos "
    "pengamanan di titik rawan, sementara pengelola rest area menambah toilet portabel dan "
    "tempat parkir darurat bagi kendaraan pribadi dan bus antarkota."
)


StoreFactory = Callable[..., StateStore]


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url


@pytest.fixture(params=["sqlite", "redis"])
def open_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreFactory]:
    """Opens the state store under test (each run of a test starts from an empty one);
    the conformance tests below run against both."""
    opened: list[StateStore] = []
    if request.param == "redis":
        url = request.getfixturevalue("redis_url")
        redis.Redis.from_url(url).flushdb()

        def factory(**kwargs: object) -> StateStore:
            opened.append(RedisArticleStore.open(url, **kwargs))
            return opened[-1]
    else:

        def factory(**kwargs: object) -> StateStore:
            opened.append(ArticleStore.open(tmp_path / "state.sqlite3", **kwargs))
            return opened[-1]

    yield factory
    for store in opened:
        store.close()


def stage(store: StateStore, key: str, body: str, when: str, version: int = 1) -> str | None:
    signature = body_signature(body)
    duplicate_of = store.near_duplicate_of(key, signature)
    store.stage(key, f"hash-{body[:8]}-{version}", version, when, when, duplicate_of, signature)
    return duplicate_of


def test_signatures_are_datasketch_minhashes() -> None:
    """The fast signature is the MinHash datasketch computes for the body's word 3-grams."""
    from datasketch import MinHash  # imported here: it loads scipy (0.5 s a test process)

    words = WIRE_EDITED.casefold().replace(".", " ").split()
    minhash = MinHash(num_perm=128)
    minhash.update_batch({" ".join(words[i : i + 3]).encode() for i in range(len(words) - 2)})
    assert np.array_equal(body_signature(WIRE_EDITED), minhash.hashvalues)


def test_signatures_tell_wire_copies_from_other_stories() -> None:
    assert similarity(body_signature(WIRE), body_signature(WIRE_EDITED)) >= 0.7
    assert similarity(body_signature(WIRE), body_signature(SAME_EVENT_OTHER_STORY)) < 0.2


def test_staged_articles_are_seen_only_after_commit(open_store: StoreFactory) -> None:
    store = open_store()
    stage(store, "www:4022101", WIRE, "2024-03-19T09:00:00+00:00")
    assert store.get("www:4022101") is None
    assert store.commit_pending() == 1
    assert store.get("www:4022101").version == 1
    store.close()  # the run ends
    reopened = open_store()
    assert reopened.get("www:4022101").content_hash.startswith("hash-")


def test_a_crash_before_commit_leaves_nothing_seen(open_store: StoreFactory) -> None:
    store = open_store()
    stage(store, "www:4022101", WIRE, "2024-03-19T09:00:00+00:00")
    store.close()  # the run dies before its feeds are stored
    reopened = open_store()
    assert reopened.get("www:4022101") is None
    assert reopened.near_duplicate_of("bali:1", body_signature(WIRE)) is None


def test_wire_copy_points_to_the_article_seen_first(open_store: StoreFactory) -> None:
    store = open_store()
    assert stage(store, "www:4022101", WIRE, "2024-03-19T09:00:00+00:00") is None
    store.commit_pending()
    assert stage(store, "bali:310001", WIRE_EDITED, "2024-03-20T09:00:00+00:00") == "www:4022101"
    assert stage(store, "jatim:88001", WIRE_EDITED, "2024-03-20T09:00:01+00:00") == "www:4022101"
    assert stage(store, "kupang:2", SAME_EVENT_OTHER_STORY, "2024-03-20T09:00:02+00:00") is None


def test_what_earlier_runs_knew(open_store: StoreFactory) -> None:
    store = open_store()
    now = datetime(2024, 3, 20, 12, 0, tzinfo=timezone.utc)
    signature = body_signature(WIRE)
    store.stage("kupang:1", "h", 1, "t", "2024-03-20T08:00:00+08:00", None, signature)
    store.stage("kupang:2", "h", 1, "t", "2024-03-10T08:00:00+08:00", None, signature)
    store.commit_pending()
    assert store.known("kupang:1").is_young(now, timedelta(days=2))
    assert not store.known("kupang:2").is_young(now, timedelta(days=2))
    assert store.known("kupang:2").skipped is None
    assert store.known("kupang:3") is None
    store.record_skipped("kupang:3", "not_police", "2024-03-20T08:00:00+08:00", "t")
    assert store.known("kupang:3").skipped == "not_police"
    store.record_skipped("kupang:1", "out_of_window", None, "t")
    assert store.known("kupang:1").skipped is None  # emitted articles stay emitted
    store.record_skipped("kupang:7", "not_police", None, "t", police_score=0.25)
    assert store.known("kupang:7").police_score == 0.25


def old_schema(state_format: int) -> str:
    """:data:`SCHEMA` as a state file of an older format has it."""
    schema = SCHEMA.replace(",\n    fields_hash TEXT\n", "\n")  # format 3
    if state_format == 1:
        police_score = "    seen TEXT NOT NULL,\n    police_score REAL\n"
        schema = schema.replace(police_score, "    seen TEXT NOT NULL\n")
    return schema


def test_a_state_file_of_format_1_is_upgraded_and_keeps_what_it_knew(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(
        old_schema(1)
        + "INSERT INTO meta VALUES ('format', '1');"
        + "INSERT INTO skipped VALUES ('kupang:3', 'not_police', NULL, 't');"
    )
    db.close()
    store = ArticleStore.open(path)
    assert store.known("kupang:3") == Known("not_police", None, None, fetched_at="t")
    store.record_skipped("kupang:4", "not_police", None, "t", police_score=0.3)
    assert store.known("kupang:4").police_score == 0.3
    store.close()
    format_row = sqlite3.connect(path).execute("SELECT value FROM meta WHERE name = 'format'")
    assert format_row.fetchone() == (STATE_FORMAT,)


def test_which_known_articles_are_downloaded_again(open_store: StoreFactory) -> None:
    store = open_store(refresh=timedelta(days=2))
    now = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)
    signature = body_signature(WIRE)
    store.stage("kupang:1", "h", 1, "t", "2026-11-20T08:00:00+08:00", None, signature)
    store.stage("kupang:2", "h", 1, "t", "2026-11-10T08:00:00+08:00", None, signature)
    store.commit_pending()
    store.record_skipped("kupang:3", "not_police", "2026-11-10T08:00:00+08:00")
    store.record_skipped("kupang:6", "not_police", "2026-11-10T08:00:00+08:00", police_score=0.4)
    store.record_skipped("kupang:4", "out_of_window", "2026-11-09T23:30:00+07:00")  # 10th WITA
    store.record_skipped("kupang:5", "gone", None)

    def needs(
        key: str, police_only: bool = True, since: str = "2026-11-15", min_score: float = 0.5
    ) -> bool:
        window = {"since": date.fromisoformat(since), "until": None}
        return store.needs_fetch(
            key, now, police_only=police_only, min_police_score=min_score, **window
        )

    assert needs("kupang:9")  # unknown
    assert needs("kupang:1")  # young: edits are caught
    assert not needs("kupang:2")  # emitted, old
    assert not needs("kupang:3") and needs("kupang:3", police_only=False)
    assert not needs("kupang:3", min_score=0.0)  # skipped without a score: not asked again
    # a skipped article's score: asked again when a run's threshold is at or below it
    assert not needs("kupang:6") and needs("kupang:6", min_score=0.4)
    assert not needs("kupang:4", since="2026-11-11") and needs("kupang:4", since="2026-11-10")
    assert not needs("kupang:5", police_only=False, since="2026-01-01")
    assert store.is_known("kupang:5") and not store.is_known("kupang:9")


def test_a_corrupt_state_file_is_a_clear_error_and_reset_starts_over(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StateError, match="reset_state=true"):
        ArticleStore.open(path)
    store = ArticleStore.open(path, reset=True)
    assert store.get("kupang:1") is None


def test_the_original_is_the_earliest_published(open_store: StoreFactory) -> None:
    store = open_store()
    signature = body_signature(WIRE)
    later, earlier, latest = (f"2024-03-2{d}T09:00:00+07:00" for d in (1, 0, 2))
    store.stage("bali:2", "h", 1, "t", later, None, signature)
    # never an original published after the article itself
    assert store.near_duplicate_of("www:1", signature, earlier) is None
    store.stage("www:1", "h", 1, "t", earlier, None, signature)
    store.commit_pending()
    assert store.near_duplicate_of("jatim:3", signature, latest) == "www:1"


def test_versions_and_last_seen_across_runs(open_store: StoreFactory) -> None:
    store = open_store()
    stage(store, "kupang:1", WIRE, "2024-03-19T09:00:00+00:00")
    store.commit_pending()
    store.touch("kupang:1", "2024-03-20T09:00:00+00:00")
    stage(store, "kupang:1", WIRE_EDITED, "2024-03-21T09:00:00+00:00", version=2)
    store.commit_pending()
    stored = store.get("kupang:1")
    assert (stored.version, stored.first_seen) == (2, "2024-03-19T09:00:00+00:00")
    assert stored.last_seen == "2024-03-21T09:00:00+00:00"
    # the new body replaced the old one in the band index: only the new one is found
    assert store.near_duplicate_of("bali:9", body_signature(WIRE_EDITED)) == "kupang:1"


def test_listing_floors_keep_the_oldest(open_store: StoreFactory) -> None:
    store = open_store()
    listing = "https://kupang.antaranews.com/terkini"
    assert store.listing_floor(listing) is None
    store.record_listing_floor(listing, date(2024, 3, 10))
    store.record_listing_floor(listing, date(2024, 3, 15))
    assert store.listing_floor(listing) == date(2024, 3, 10)
    store.record_listing_floor(listing, date.min)
    assert store.listing_floor(listing) == date.min


def test_a_second_run_is_refused(open_store: StoreFactory) -> None:
    open_store()
    with pytest.raises(StateLocked, match="in use by another run"):
        open_store()


def test_a_state_file_another_program_locks_is_a_temporary_failure_not_a_reset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sqlite3 shell or a backup holding the file: try again later (exit 75), never the
    advice to reset the state, which would throw its history away."""
    path = tmp_path / "state.sqlite3"
    ArticleStore.open(path).close()
    monkeypatch.setattr("antara_crawl.state.BUSY_TIMEOUT", 0.05)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    with pytest.raises(StateLocked, match="locked by another program") as refused:
        ArticleStore.open(path)
    assert "reset_state" not in str(refused.value)
    other.execute("ROLLBACK")
    other.close()
    ArticleStore.open(path).close()  # free again: opens


def test_workers_of_one_run_share_the_redis_state(redis_url: str) -> None:
    redis.Redis.from_url(redis_url).flushdb()
    first = RedisArticleStore.open(redis_url, run_id="run-1")
    second = RedisArticleStore.open(redis_url, run_id="run-1")
    with pytest.raises(StateLocked):
        RedisArticleStore.open(redis_url, run_id="run-2")
    stage(first, "www:1", WIRE, "2024-03-19T09:00:00+00:00")
    # a wire copy staged by another worker of the run is linked before either commits
    assert stage(second, "bali:2", WIRE_EDITED, "2024-03-19T10:00:00+00:00") == "www:1"
    assert second.commit_pending() == 1  # each worker commits what it staged
    assert first.get("www:1") is None and first.get("bali:2") is not None
    first.close()  # a worker that fails: what it staged is dropped with the next run
    second.close()
    third = RedisArticleStore.open(redis_url, run_id="run-2")
    assert third.get("www:1") is None and third._records(["www:1"]) == [None]
    third.close()


def test_a_lock_left_by_killed_workers_expires(redis_url: str) -> None:
    redis.Redis.from_url(redis_url).flushdb()
    killed = RedisArticleStore.open(redis_url, run_id="run-1", ttl=1)
    stage(killed, "www:1", WIRE, "2024-03-19T09:00:00+00:00")
    killed._stop.set()  # killed: it renews nothing and never leaves
    with pytest.raises(StateLocked):
        RedisArticleStore.open(redis_url, run_id="run-2")
    time.sleep(1.5)
    store = RedisArticleStore.open(redis_url, run_id="run-2")
    assert store.get("www:1") is None
    assert store.near_duplicate_of("bali:2", body_signature(WIRE)) is None  # staged: dropped
    store.close()


def test_young_articles_are_downloaded_again_at_growing_ages_with_their_validators(
    open_store: StoreFactory,
) -> None:
    hour = timedelta(hours=1)
    assert refresh_ages(timedelta(days=2)) == (hour, 6 * hour, 24 * hour, 48 * hour)
    assert refresh_ages(timedelta(hours=3)) == (hour, 3 * hour)
    assert refresh_ages(timedelta(0)) == ()
    store = open_store(refresh=timedelta(days=2))
    published = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)
    store.stage("kupang:1", "h", 1, "t", published.isoformat(), None, body_signature(WIRE))
    store.note_fetch("kupang:1", (published + 2 * hour).isoformat(), '"v1"', None)
    assert store.validators("kupang:1") == (None, None)  # noted, not yet committed
    store.commit_pending()
    assert store.validators("kupang:1") == ('"v1"', None)
    assert store.known("kupang:1").fetched_at == (published + 2 * hour).isoformat()

    def needs(at: datetime) -> bool:
        window = {"since": date(2026, 11, 1), "until": None}
        return store.needs_fetch("kupang:1", at, police_only=True, min_police_score=0.5, **window)

    assert not needs(published + 5 * hour)  # fetched at 2 h: the next age is 6 h
    assert needs(published + 7 * hour)
    store.note_fetch("kupang:1", (published + 7 * hour).isoformat(), '"v2"', "Fri, 20 Nov")
    store.discard_pending()  # a run whose feed was not stored: nothing of it is kept
    assert store.validators("kupang:1") == ('"v1"', None) and needs(published + 7 * hour)
    store.note_fetch("kupang:1", (published + 7 * hour).isoformat(), '"v2"', "Fri, 20 Nov")
    store.commit_pending()
    assert store.validators("kupang:1") == ('"v2"', "Fri, 20 Nov")
    assert not needs(published + 23 * hour) and needs(published + 25 * hour)
    assert not needs(published + 50 * hour)  # past the last age: old


def test_kept_items_are_the_last_emitted_version_of_young_articles(
    open_store: StoreFactory,
) -> None:
    store = open_store(refresh=timedelta(days=2))
    now = datetime.now(timezone.utc)
    young, old = (now - timedelta(hours=3)).isoformat(), (now - timedelta(days=4)).isoformat()
    store.keep_item("kupang:1", young, {"id": "kupang:1", "version": 1, "judul": "Polisi"})
    store.discard_pending()  # a run whose feed was not stored
    assert store.last_item("kupang:1") is None
    store.keep_item("kupang:1", young, {"id": "kupang:1", "version": 2, "judul": "Polisi"})
    store.keep_item("kupang:2", old, {"id": "kupang:2", "version": 1})
    assert store.last_item("kupang:1") is None  # kept once the run commits
    store.commit_pending()
    assert store.last_item("kupang:1") == {"id": "kupang:1", "version": 2, "judul": "Polisi"}
    assert store.last_item("kupang:2") is None  # older than the refresh window: not kept
    store.close()
    assert open_store(refresh=timedelta(days=2)).last_item("kupang:1")["version"] == 2


def test_copies_staged_before_their_original_are_relinked_at_the_end_of_the_run(
    open_store: StoreFactory,
) -> None:
    store = open_store()
    copy = body_signature(WIRE_EDITED)
    store.stage("bali:2", "h", 1, "t", "2024-03-20T09:00:00+07:00", None, copy)
    store.stage("jatim:3", "h", 1, "t", "2024-03-20T10:00:00+07:00", "bali:2", copy)
    original = body_signature(WIRE)
    store.stage("www:1", "h", 1, "t", "2024-03-19T09:00:00+07:00", None, original)
    store.stage(
        "kupang:4",
        "h",
        1,
        "t",
        "2024-03-20T11:00:00+07:00",
        None,
        body_signature(SAME_EVENT_OTHER_STORY),
    )
    assert store.relink_pending() == {"bali:2": "www:1", "jatim:3": "www:1"}
    assert store.relink_pending() == {}  # settled
    assert store.count() == 0
    assert store.commit_pending() == 4
    assert store.count() == 4
    assert store.get("jatim:3").duplicate_of == "www:1"
    assert store.get("bali:2").duplicate_of == "www:1"
    assert store.get("www:1").duplicate_of is None
    assert store.get("kupang:4").duplicate_of is None


def test_fields_hashes_are_kept_and_given_to_articles_recorded_without(
    open_store: StoreFactory,
) -> None:
    store = open_store()
    signature = body_signature(WIRE)
    store.stage("kupang:1", "h", 1, "t", "2024-03-20T08:00:00+08:00", None, signature,
                fields_hash="fields-1")  # fmt: skip
    store.stage("kupang:2", "h", 1, "t", "2024-03-20T08:00:00+08:00", None, signature)
    assert store.get("kupang:1") is None  # staged, not yet committed
    store.commit_pending()
    assert store.get("kupang:1").fields_hash == "fields-1"
    assert store.get("kupang:2").fields_hash is None
    store.touch("kupang:2", "t2", "fields-2")  # seen unchanged: now it has one
    store.touch("kupang:1", "t2")  # without a hash: the one it has stays
    store.close()
    reopened = open_store()
    assert reopened.get("kupang:1").fields_hash == "fields-1"
    assert reopened.get("kupang:2").fields_hash == "fields-2"
    assert reopened.get("kupang:2").last_seen == "t2"
    reopened.stage("kupang:1", "h", 2, "t3", "2024-03-20T08:00:00+08:00", None, signature,
                   fields_hash="fields-3")  # fmt: skip
    reopened.commit_pending()
    assert (reopened.get("kupang:1").version, reopened.get("kupang:1").fields_hash) == (
        2,
        "fields-3",
    )


def test_a_state_file_of_format_2_gains_fields_hashes_and_keeps_what_it_knew(
    tmp_path: Path,
) -> None:
    path = tmp_path / "state.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(
        old_schema(2)
        + "INSERT INTO meta VALUES ('format', '2');"
        + "INSERT INTO articles VALUES ('kupang:1', 'h1', 2, 't0', 't1', NULL, NULL, NULL);"
        + "INSERT INTO pending VALUES ('kupang:9', 'h9', 1, 't0', 't1', NULL, NULL, NULL);"
    )
    db.close()
    store = ArticleStore.open(path)
    old = store.get("kupang:1")
    assert (old.content_hash, old.version, old.last_seen, old.fields_hash) == ("h1", 2, "t1", None)
    store.stage("kupang:2", "h2", 1, "t2", None, None, body_signature(WIRE), fields_hash="f2")
    assert store.commit_pending() == 1  # the dead run's staged article was dropped
    assert store.get("kupang:2").fields_hash == "f2"
    assert store.get("kupang:9") is None
    store.touch("kupang:1", "t2", "f1")
    assert store.get("kupang:1").fields_hash == "f1"
    store.close()
    format_row = sqlite3.connect(path).execute("SELECT value FROM meta WHERE name = 'format'")
    assert format_row.fetchone() == (STATE_FORMAT,) == ("3",)


def test_a_redis_state_of_format_2_is_read_and_gains_fields_hashes(redis_url: str) -> None:
    client = redis.Redis.from_url(redis_url)
    client.flushdb()
    client.hset("antara:meta", "format", "2")
    record = ["h1", 2, "t0", "t1", "2024-03-20T08:00:00+08:00", None]  # format 2: 6 items
    client.hset("antara:articles", "kupang:1", json.dumps(record))
    store = RedisArticleStore.open(redis_url)
    old = store.get("kupang:1")
    assert (old.content_hash, old.version, old.last_seen, old.fields_hash) == ("h1", 2, "t1", None)
    assert store.known("kupang:1") == Known(None, "2024-03-20T08:00:00+08:00", None, "t1")
    store.touch("kupang:1", "t2", "f1")
    assert store.get("kupang:1").fields_hash == "f1"
    assert store.get("kupang:1").last_seen == "t2"
    store.close()
    assert client.hget("antara:meta", "format") == STATE_FORMAT.encode()
