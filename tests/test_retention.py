"""Retention (``ANTARA_RETENTION_DAYS``): old feeds, reports and archives compacted by month."""

from __future__ import annotations

import fcntl
import json
import os
from datetime import datetime, timezone
from pathlib import Path

import pytest
from scrapy.settings import Settings
from warcio.archiveiterator import ArchiveIterator

from antara_crawl import settings as project_settings
from antara_crawl.addon import check_settings
from antara_crawl.archive import settle_part
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

    result = apply_retention({"archives": archives}, days=20, now=NOW)

    assert result.compacted == {"archives": 2}
    month = archives / "2026-10.warc.gz"
    assert sorted(p.name for p in archives.iterdir()) == sorted(
        ["2026-10.warc.gz", "2026-10.cdxj", recent.name, recent.name.replace(".warc.gz", ".cdxj")]
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
