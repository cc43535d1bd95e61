"""Bugs found reviewing retention, relinking, versions and cluster politeness: each test
fails on the code before its fix."""

from __future__ import annotations

import io
import json
import tracemalloc
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from scrapy.exporters import JsonLinesItemExporter
from scrapy.utils.test import get_crawler

from antara_crawl.archive import index_path
from antara_crawl.relinking import compress, decompress, relink_stream
from antara_crawl.retention import apply_retention
from antara_crawl.runs import run_stem
from tests.test_retention import NOW as RETENTION_NOW
from tests.test_retention import at as retention_at
from tests.test_retention import write_archive

GZIP = "scrapy.extensions.postprocessing.GzipPlugin"
CRAWLER = get_crawler()


def feed_line(number: int) -> bytes:
    """One JSON Lines item of about 4 kB, unlinked."""
    item = {"id": f"bali:{number}", "body": f"Kalimat nomor {number}. " * 200, "duplicate_of": None}
    return json.dumps(item, ensure_ascii=False).encode("utf-8") + b"\n"


def options(**extra: Any) -> dict[str, Any]:
    return {"format": "jsonlines", "encoding": "utf-8", "fields": None, "indent": None,
            "item_export_kwargs": {}, **extra}  # fmt: skip


def test_a_json_lines_feed_is_relinked_streamed_not_read_whole_into_memory() -> None:
    """A multi-gigabyte feed (a backfill) was read whole, decoded, parsed and exported twice:
    about four times its size in memory. Relinking it streams it line by line."""
    opts = options(postprocessing=[GZIP])
    plain = b"".join(feed_line(number) for number in range(2500))  # about 10 MB
    source, target = io.BytesIO(compress(plain, opts)), io.BytesIO()
    tracemalloc.start()
    changed = relink_stream(source, target, {"bali:7": "www:1"}, JsonLinesItemExporter,
                            CRAWLER, opts)  # fmt: skip
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert changed == 1
    lines = decompress(target.getvalue(), opts).splitlines(keepends=True)
    assert json.loads(lines[7])["duplicate_of"] == "www:1"
    assert (
        lines[:7] + lines[8:]
        == plain.splitlines(keepends=True)[:7] + plain.splitlines(keepends=True)[8:]
    )
    assert peak < len(plain) / 4  # not the feed, nor a copy of it, in memory at once


def test_a_large_feed_is_compacted_a_chunk_at_a_time(tmp_path: Path) -> None:
    """Retention read each feed whole (and again to check whether a killed pass had added
    it): a backfill's feed of gigabytes took its size in memory. Now it is copied in chunks."""
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    source = feeds / f"{run_stem(datetime(2026, 9, 3, 12, tzinfo=timezone.utc))}.jsonl"
    source.write_bytes(b"".join(feed_line(number) for number in range(2500))[:-1])  # no \n
    size = source.stat().st_size
    tracemalloc.start()
    result = apply_retention({"feeds": feeds}, 30, datetime(2026, 11, 29, tzinfo=timezone.utc))
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
    damaged = write_archive(archives, retention_at(10, 1), [f"{base}1/a", f"{base}2/b"])
    later = write_archive(archives, retention_at(10, 20), [f"{base}3/c"])
    with damaged.open("ab") as file:
        file.write(b"\x1f\x8b\x08\x00 cut short")
    result = apply_retention({"archives": archives}, days=20, now=RETENTION_NOW)
    assert result.compacted == {"archives": 1} and not later.exists()
    assert damaged.exists() and index_path(damaged).exists()
    index = (archives / "2026-10.cdxj").read_text("utf-8").splitlines()
    assert [json.loads(line.split(" ", 2)[2])["url"] for line in index] == [f"{base}3/c"]
