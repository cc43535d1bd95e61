"""Retention (``ANTARA_RETENTION_DAYS``): old feeds, reports and archives compacted by month."""

from __future__ import annotations

import fcntl
import json
import os
import tracemalloc
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from scrapy.settings import Settings
from warcio.archiveiterator import ArchiveIterator

from antara_crawl import settings as project_settings
from antara_crawl.addon import check_settings
from antara_crawl.archive import index_path, settle_part
from antara_crawl.monitors import check_field_coverage
from antara_crawl.retention import (
    COMPACT_PART,
    apply_retention,
    compact_month,
    feed_directory,
    file_time,
    months_before,
    name_time,
)
from antara_crawl.runs import recent_reports, retention_line, run_stem
from antara_crawl.warc import open_record
from tests.crawl import run_crawl
from tests.sitebuilder import Article, Site
from tests.test_feeds import feeds_in_process, make_item, read_jsonl, write_feed
from tests.test_relink import large_feed_line
from tests.test_state_runs import NOW as STATE_NOW
from tests.test_state_runs import at as state_at
from tests.test_state_runs import story
from tests.warcs import ArchiveBuilder

NOW = datetime(2026, 11, 29, 19, 30, tzinfo=timezone.utc)
UTC = timezone.utc


def at(month: int, day: int, hour: int = 12) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=UTC)


def feed(directory: Path, started: datetime, *ids: str, suffix: str = "") -> Path:
    """A run's default feed, one line per item id."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{run_stem(started)}{suffix}.jsonl"
    path.write_text("".join(json.dumps({"id": i}) + "\n" for i in ids), "utf-8")
    return path


def test_a_file_is_dated_by_the_utc_start_in_its_name_else_its_mtime(tmp_path: Path) -> None:
    assert name_time("2026-10-03T04-05-06+00-00.jsonl") == datetime(
        2026, 10, 3, 4, 5, 6, tzinfo=UTC
    )
    assert name_time("2026-10-03T04-05-06+00-00-2.json") == datetime(
        2026, 10, 3, 4, 5, 6, tzinfo=UTC
    )
    assert name_time("20261003T040506Z-1.warc.gz") == datetime(2026, 10, 3, 4, 5, 6, tzinfo=UTC)
    assert name_time("mine.jsonl") is None
    assert name_time("2026-13-40T04-05-06+00-00.jsonl") is None
    other = tmp_path / "mine.jsonl"
    other.write_text("")
    os.utime(other, (at(9, 2).timestamp(), at(9, 2).timestamp()))
    assert file_time(other) == at(9, 2)


def test_only_months_wholly_before_the_cut_off_are_taken() -> None:
    paths = [Path(f"{run_stem(moment)}.jsonl") for moment in (at(10, 31, 23), at(9, 1), at(11, 1))]
    months = months_before(paths, at(11, 1, 0))  # October ended exactly at the cut-off
    assert months == {"2026-09": [paths[1]], "2026-10": [paths[0]]}
    assert months_before(paths, at(10, 31, 23)) == {"2026-09": [paths[1]]}


def test_old_feeds_are_compacted_by_month_in_order_and_nothing_else_is_touched(
    tmp_path: Path,
) -> None:
    feeds = tmp_path / "feeds" / "antara"
    late = feed(feeds, at(10, 30), "kupang:3")
    early = feed(feeds, at(10, 2), "kupang:1", "bali:1")
    same_second = feed(feeds, at(10, 2), "kupang:2", suffix="-2")
    september = feed(feeds, at(9, 20), "www:9")
    recent = feed(feeds, at(11, 2), "kupang:4")  # within the month before the cut-off
    unnamed = feeds / "mine.jsonl"  # a feed the user writes there with -o: dated by mtime
    unnamed.write_text('{"id": "mine:1"}\n')
    os.utime(unnamed, (at(10, 15).timestamp(), at(10, 15).timestamp()))
    running = feeds / f"{run_stem(at(10, 5))}.jsonl.part"  # a part is never taken
    running.write_text('{"id": "half"}\n')
    october_text = early.read_text() + same_second.read_text() + unnamed.read_text()
    october_text += late.read_text()
    september_text = september.read_text()

    result = apply_retention({"feeds": feeds}, days=20, now=NOW)

    assert result.compacted == {"feeds": 5} and result.months == {
        "feeds": ["2026-09.jsonl", "2026-10.jsonl"]
    }
    assert sorted(p.name for p in feeds.iterdir()) == sorted(
        ["2026-09.jsonl", "2026-10.jsonl", recent.name, running.name]
    )
    assert (feeds / "2026-10.jsonl").read_text() == october_text
    assert (feeds / "2026-09.jsonl").read_text() == september_text
    assert result.stats()["antara/retention/feeds/compacted"] == 5
    # Twice: the same.
    again = apply_retention({"feeds": feeds}, days=20, now=NOW)
    assert again.compacted == {"feeds": 0} and (feeds / "2026-10.jsonl").read_text() == october_text


def test_a_compaction_stopped_after_its_move_adds_nothing_twice(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds"
    sources = [feed(feeds, at(10, day), f"kupang:{day}") for day in (1, 2, 3)]
    texts = [source.read_text() for source in sources]
    compact_month(feeds / "2026-10.jsonl", sources)
    # Killed after the month file was in place: no run file removed, or only the first.
    for source, text in zip(sources, texts, strict=True):
        source.write_text(text)
    assert apply_retention({"feeds": feeds}, days=1, now=NOW).compacted == {"feeds": 3}
    assert sorted(p.name for p in feeds.iterdir()) == ["2026-10.jsonl"]
    for source, text in zip(sources[1:], texts[1:], strict=True):
        source.write_text(text)
    assert apply_retention({"feeds": feeds}, days=1, now=NOW).compacted == {"feeds": 2}
    assert (feeds / "2026-10.jsonl").read_text() == "".join(texts)


def test_a_run_file_of_a_compacted_month_arriving_late_is_added(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds"
    feed(feeds, at(10, 1), "kupang:1")
    apply_retention({"feeds": feeds}, days=1, now=NOW)
    late = feed(feeds, at(10, 9), "kupang:2")
    late.write_text('{"id": "kupang:2"}')  # no final newline: one is added
    assert apply_retention({"feeds": feeds}, days=1, now=NOW).compacted == {"feeds": 1}
    assert (feeds / "2026-10.jsonl").read_text() == '{"id": "kupang:1"}\n{"id": "kupang:2"}\n'


def test_a_killed_compaction_leaves_a_part_the_next_removes_and_a_live_one_is_left(
    tmp_path: Path,
) -> None:
    feeds = tmp_path / "feeds"
    source = feed(feeds, at(10, 1), "kupang:1")
    leftover = feeds / f"2026-09.jsonl{COMPACT_PART}"
    leftover.write_text('{"id": "half')
    live = feeds / f"2026-10.jsonl{COMPACT_PART}"
    live.write_text("")
    with live.open("rb") as holder:  # another process compacting October now
        fcntl.flock(holder, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = apply_retention({"feeds": feeds}, days=1, now=NOW)
    assert result.parts_removed == 1 and not leftover.exists()
    assert result.compacted == {"feeds": 0} and source.exists() and live.exists()
    result = apply_retention({"feeds": feeds}, days=1, now=NOW)
    assert result.compacted == {"feeds": 1} and not live.exists()
    assert sorted(p.name for p in feeds.iterdir()) == ["2026-10.jsonl"]


def test_old_reports_become_a_monthly_jsonl_and_scrapy_runs_lists_the_recent(
    tmp_path: Path,
) -> None:
    runs = tmp_path / "runs"
    runs.mkdir()
    finished = {"run": run_stem(at(10, 1)), "exit_status": 0, "feeds": []}
    (runs / f"{finished['run']}.json").write_text(json.dumps(finished, indent=1))
    (runs / f"{run_stem(at(10, 2))}.json").write_text("")  # killed
    broken = runs / f"{run_stem(at(10, 3))}.json"
    broken.write_text("{not json")  # not understood: left as it is
    recent = runs / f"{run_stem(at(11, 20))}.json"
    recent.write_text(json.dumps({"run": recent.stem}))

    result = apply_retention({"reports": runs}, days=20, now=NOW)

    assert result.compacted == {"reports": 2}
    lines = [json.loads(line) for line in (runs / "2026-10.jsonl").read_text().splitlines()]
    assert lines == [finished, {"run": run_stem(at(10, 2)), "unfinished": True}]
    assert sorted(p.name for p in runs.iterdir()) == sorted(
        ["2026-10.jsonl", broken.name, recent.name]
    )
    assert [path for path, _report in recent_reports(runs, 5)] == [recent, broken]


def write_archive(directory: Path, started: datetime, urls: list[str]) -> Path:
    """A run's archive, indexed and moved into place as the archive middleware leaves it."""
    part = directory / f"{started:%Y%m%dT%H%M%SZ}.warc.gz.part"
    with ArchiveBuilder(part, gzip=True, version="1.1") as archive:
        for number, url in enumerate(urls):
            archive.response(url, started, f"<p>page {number} of {url}</p>".encode())
    final, _responses = settle_part(part)
    assert final is not None
    return final


def test_old_archives_are_joined_into_a_monthly_warc_with_its_index(tmp_path: Path) -> None:
    archives = tmp_path / "archives"
    archives.mkdir()
    base = "https://kupang.antaranews.com/berita/"
    first = write_archive(archives, at(10, 1), [f"{base}1/a", f"{base}2/b"])
    second = write_archive(archives, at(10, 20), [f"{base}3/c"])
    recent = write_archive(archives, at(11, 25), [f"{base}4/d"])
    foreign = archives / "someone-else.warc.gz"  # not the crawl's: left alone, however old
    foreign.write_bytes(first.read_bytes())
    os.utime(foreign, (at(9, 1).timestamp(), at(9, 1).timestamp()))

    result = apply_retention({"archives": archives}, days=20, now=NOW)

    assert result.compacted == {"archives": 2}
    month = archives / "2026-10.warc.gz"
    assert sorted(p.name for p in archives.iterdir()) == sorted(
        [
            "2026-10.warc.gz",
            "2026-10.cdxj",
            recent.name,
            recent.name.replace(".warc.gz", ".cdxj"),
            foreign.name,
        ]
    )
    assert not first.exists() and not second.exists()
    with month.open("rb") as file:
        records = [
            (r.rec_type, r.rec_headers.get_header("WARC-Target-URI")) for r in ArchiveIterator(file)
        ]
    assert [url for kind, url in records if kind == "response"] == [
        f"{base}1/a",
        f"{base}2/b",
        f"{base}3/c",
    ]
    index = [line.split(" ", 2) for line in (archives / "2026-10.cdxj").read_text().splitlines()]
    assert len(index) == 3
    for _key, _time, fields in index:
        entry = json.loads(fields)
        assert entry["filename"] == "2026-10.warc.gz"
        with open_record(month, int(entry["offset"])) as record:
            assert record.rec_headers.get_header("WARC-Target-URI") == entry["url"]
            assert entry["url"].encode() in record.content_stream().read()


@pytest.mark.parametrize("value", ["-1", "soon", "1.5"])
def test_a_bad_retention_is_one_line(value: str) -> None:
    settings = Settings(vars(project_settings))
    settings.set("ANTARA_RETENTION_DAYS", value, priority="cmdline")
    with pytest.raises(ValueError, match=r"^ANTARA_RETENTION_DAYS='.*' (is not|must be)"):
        check_settings(settings)


def test_the_default_feed_directory_and_the_summary_line() -> None:
    assert feed_directory("/srv/data/feeds/antara/%(time)s.jsonl") == Path("/srv/data/feeds/antara")
    assert feed_directory("s3://bucket/%(time)s.jsonl") is None
    assert retention_line({"days": 30, "failed": 0}) == ""
    figures = {"days": 30, "feeds/compacted": 96, "feeds/months": 1, "reports/compacted": 90,
               "reports/months": 2, "archives/compacted": 0, "failed": 1}  # fmt: skip
    assert retention_line(figures) == (
        "Retention: 96 feeds, 90 reports older than 30 days compacted into 3 monthly files; "
        "1 months NOT COMPACTED (see the log)"
    )


def test_a_field_a_design_always_has_missing_on_most_of_its_pages_fails_the_monitor() -> None:
    healthy = {
        "antara/extract/design/current": 24,
        "antara/extract/design/older": 5,
        "antara/extract/missing/current/reporter": 1,
        "antara/extract/missing/current/tags": 2,
        "antara/extract/missing/older/dateline": 5,  # too few pages of "older" to judge
    }
    result = check_field_coverage(healthy, 0.5, 10)
    assert result.ok and result.value == round(2 / 24, 4)
    moved = {**healthy, "antara/extract/missing/current/reporter": 20,
             "antara/extract/missing/current/image_caption": 13}  # fmt: skip
    result = check_field_coverage(moved, 0.5, 10)
    assert not result.ok and result.value == round(20 / 24, 4)
    assert result.message.startswith(
        "reporter missing on 20 of 24 'current' articles (83%); "
        "image_caption missing on 13 of 24 'current' articles (54%) (at most 50%)"
    )
    assert check_field_coverage(moved, 0.9, 10).ok
    assert check_field_coverage(moved, 0.5, 25).ok  # a run too small to judge
    assert check_field_coverage({}, 0.5, 10).ok


# -- end to end -----------------------------------------------------------------------------

TOPICS = ["razia senjata tajam", "patroli malam", "operasi zebra", "penangkapan pencuri motor",
          "pengungkapan kasus narkoba", "pengamanan pasar", "sosialisasi tertib lalu lintas",
          "penertiban balap liar", "penyelidikan penipuan daring", "pengamanan ibadah",
          "razia miras", "patroli pantai"]  # fmt: skip
"""Twelve police stories of the mirror: more than ANTARA_MONITOR_MIN_PAGES (10)."""


@pytest.fixture(scope="module")
def old_files_crawl(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One crawl with ``ANTARA_RETENTION_DAYS=30`` whose data and archive directories hold
    run files of a month that ended more than 30 days ago, and of yesterday; its mirror's
    articles mostly lack the reporter's byline."""
    base = tmp_path_factory.mktemp("retention")
    site = Site(STATE_NOW, portals=("kupang",), rss_size=20, page_size=5)
    site.add(*(
        Article("kupang", str(152000 + n), "", f"Polres Kupang gelar {topic}",
                story("Kupang", "Polres Kupang", topic, 20 + 7 * n),
                state_at("kupang", 0.1 * n + 0.2),
                reporter="" if n >= 2 else "Pewarta Contoh", tags=["Polres Kupang"],
                category="Hukum")
        for n, topic in enumerate(TOPICS)
    ))  # fmt: skip
    site.write(base / "mirror")
    data, archives = base / "data", base / "archives"
    feeds, runs = data / "feeds" / "antara", data / "runs"
    old = STATE_NOW - timedelta(days=70)
    month = f"{old:%Y-%m}"
    first = make_item("kupang", 1, "2026-09-01T10:00:00+07:00")
    second = make_item("kupang", 1, "2026-09-01T10:00:00+07:00", version=2)
    feeds.mkdir(parents=True)
    write_feed(feeds / f"{run_stem(old)}.jsonl", [first])
    write_feed(
        feeds / f"{run_stem(old + timedelta(hours=1))}.jsonl",
        [second, make_item("bali", 2, "2026-09-02T10:00:00+08:00")],
    )
    recent_feed = write_feed(
        feeds / f"{run_stem(STATE_NOW - timedelta(days=1))}.jsonl",
        [make_item("www", 3, "2026-09-03T10:00:00+07:00")],
    )
    runs.mkdir()
    (runs / f"{run_stem(old)}.json").write_text(
        json.dumps({"run": run_stem(old), "exit_status": 0})
    )
    (runs / f"{run_stem(old + timedelta(hours=1))}.json").write_text("")
    (runs / f"{month}.jsonl{COMPACT_PART}").write_text('{"run": "half')  # a killed compaction
    archives.mkdir()
    write_archive(archives, old, ["https://kupang.antaranews.com/berita/1/a"])
    run = run_crawl(
        None, mirror=str(base / "mirror"), data_dir=data,
        args={"since": (STATE_NOW - timedelta(days=10)).date().isoformat(), "portals": "kupang"},
        settings={"ANTARA_RETENTION_DAYS": "30", "ANTARA_ARCHIVE": str(archives)},
    )  # fmt: skip
    [report_path] = [p for p in runs.glob("*.json") if p.stat().st_size]
    return {"run": run, "report": json.loads(report_path.read_text()), "month": month,
            "feeds": feeds, "runs": runs, "archives": archives, "recent_feed": recent_feed,
            "kept": second}  # fmt: skip


def test_a_crawl_compacts_old_run_files_and_the_feed_tools_read_them(
    old_files_crawl: dict[str, Any], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    crawl = old_files_crawl
    run, report, month = crawl["run"], crawl["report"], crawl["month"]
    assert report["retention"] == {
        "days": 30, "failed": 0, "parts_removed": 1,
        "feeds/compacted": 2, "feeds/months": 1, "reports/compacted": 2, "reports/months": 1,
        "archives/compacted": 1, "archives/months": 1,
    }, run.log[-3000:]  # fmt: skip
    summary = "SUMMARY: Retention: 2 feeds, 2 reports, 1 archives older than 30 days compacted"
    assert f"{summary} into 3 monthly files\n" in run.log
    feeds, runs, archives = crawl["feeds"], crawl["runs"], crawl["archives"]
    [own_feed] = [Path(feed["uri"]) for feed in report["feeds"]]
    assert sorted(p.name for p in feeds.iterdir()) == sorted(
        [f"{month}.jsonl", crawl["recent_feed"].name, own_feed.name]
    )
    assert sorted(p.name for p in runs.iterdir()) == sorted(
        [f"{month}.jsonl", f"{report['run']}.json"]
    )
    reports = [json.loads(line) for line in (runs / f"{month}.jsonl").read_text().splitlines()]
    assert [r.get("unfinished", False) for r in reports] == [False, True]
    [own_archive] = [p for p in archives.glob("*.warc.gz") if p.name != f"{month}.warc.gz"]
    assert own_archive.with_name(own_archive.name.replace(".warc.gz", ".cdxj")).exists()
    with (archives / f"{month}.warc.gz").open("rb") as file:
        urls = [
            r.rec_headers.get_header("WARC-Target-URI")
            for r in ArchiveIterator(file)
            if r.rec_type == "response"
        ]
    assert urls == ["https://kupang.antaranews.com/berita/1/a"]
    # The feed tools read the month file like any feed.
    status, out = feeds_in_process("validate", str(feeds / f"{month}.jsonl"), capsys=capsys)
    assert status == 0, out
    merged = tmp_path / "merged.jsonl"
    paths = sorted(str(p) for p in feeds.glob("*.jsonl"))
    status, _out = feeds_in_process("merge", *paths, "-o", str(merged), capsys=capsys)
    items = {item["id"]: item for item in read_jsonl(merged)}
    assert status == 0 and items["kupang:1"] == crawl["kept"]  # the latest version, from the month
    assert {"bali:2", "www:3"} <= set(items) and len(items) > 3


def test_articles_mostly_without_their_reporter_fail_the_field_coverage_monitor(
    old_files_crawl: dict[str, Any],
) -> None:
    run, report = old_files_crawl["run"], old_files_crawl["report"]
    assert run.returncode == 6, run.log[-3000:]
    [failed] = [m for m in report["monitors"] if not m["ok"]]
    assert failed["name"] == "field_coverage" and report["exit_status"] == 6
    assert failed["message"].startswith("reporter missing on 10 of 12 'current' articles (83%)")
    assert f"ERROR: Monitor failed: {failed['message']}\n" in run.log


def test_a_bad_retention_setting_exits_2_in_one_line(tmp_path: Path) -> None:
    run = run_crawl(
        tmp_path / "bad.jsonl", mirror="data/sample", settings={"ANTARA_RETENTION_DAYS": "-1"}
    )
    assert run.returncode == 2
    lines = [line for line in run.log.splitlines() if line.strip()]
    assert lines == ["antara: error: ANTARA_RETENTION_DAYS='-1' must be between 0 and 36500"]


def test_a_large_feed_is_compacted_a_chunk_at_a_time(tmp_path: Path) -> None:
    """Retention read each feed whole (and again to check whether a killed pass had added
    it): a backfill's feed of gigabytes took its size in memory. Now it is copied in chunks."""
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    source = feeds / f"{run_stem(datetime(2026, 9, 3, 12, tzinfo=UTC))}.jsonl"
    source.write_bytes(b"".join(large_feed_line(number) for number in range(2500))[:-1])  # no \n
    size = source.stat().st_size
    tracemalloc.start()
    result = apply_retention({"feeds": feeds}, 30, datetime(2026, 11, 29, tzinfo=UTC))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert result.compacted["feeds"] == 1 and not source.exists()
    month = (feeds / "2026-09.jsonl").read_bytes()
    assert len(month) == size + 1 and month.endswith(b'"duplicate_of": null}\n')
    assert peak < size / 4


def test_a_damaged_archive_is_left_on_its_own_not_hiding_the_month_s_later_records(
    tmp_path: Path,
) -> None:
    """The month's index is read from the joined archive, and stops at the first record it
    cannot read: an archive with a damaged tail (a bad copy) hid every later archive's records
    from the month's index, though they and their own indexes were removed. A damaged archive
    is now left as it is, with its index; the others are joined and indexed in full."""
    archives = tmp_path / "archives"
    archives.mkdir()
    base = "https://kupang.antaranews.com/berita/"
    damaged = write_archive(archives, at(10, 1), [f"{base}1/a", f"{base}2/b"])
    later = write_archive(archives, at(10, 20), [f"{base}3/c"])
    with damaged.open("ab") as file:
        file.write(b"\x1f\x8b\x08\x00 cut short")
    result = apply_retention({"archives": archives}, days=20, now=NOW)
    assert result.compacted == {"archives": 1} and not later.exists()
    assert damaged.exists() and index_path(damaged).exists()
    index = (archives / "2026-10.cdxj").read_text("utf-8").splitlines()
    assert [json.loads(line.split(" ", 2)[2])["url"] for line in index] == [f"{base}3/c"]
