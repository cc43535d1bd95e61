"""Bugs found reviewing retention, relinking, versions and cluster politeness: each test
fails on the code before its fix."""

from __future__ import annotations

import io
import json
import tracemalloc
from typing import Any

from scrapy.exporters import JsonLinesItemExporter
from scrapy.utils.test import get_crawler

from antara_crawl.relinking import compress, decompress, relink_stream

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
