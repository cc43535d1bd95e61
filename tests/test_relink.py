"""Wire-copy links settled at the end of a run, applied to feeds of every built-in format,
encoding and compression: the rewrite functions, and one crawl writing many feeds at once."""

from __future__ import annotations

import csv
import io
import json
import logging
import pickle
import re
import tracemalloc
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from lxml import etree
from scrapy.exporters import (
    BaseItemExporter,
    CsvItemExporter,
    JsonItemExporter,
    JsonLinesItemExporter,
    PickleItemExporter,
    XmlItemExporter,
)
from scrapy.extensions.feedexport import StdoutFeedStorage
from scrapy.utils.project import get_project_settings
from scrapy.utils.test import get_crawler

from antara_crawl.extensions import ArticleState
from antara_crawl.feeds import JsonFieldsCsvItemExporter
from antara_crawl.relinking import (
    FeedNotRewritable,
    compress,
    decompress,
    export_items,
    read_items,
    relink_stream,
)
from antara_crawl.state import body_signature
from tests.crawl import CrawlRun, run_crawl
from tests.test_state_runs import NOW, WIRE, WIRE_REPUBLISHED, key, wire_copy_site

GZIP = "scrapy.extensions.postprocessing.GzipPlugin"
BZ2 = "scrapy.extensions.postprocessing.Bz2Plugin"
LZMA = "scrapy.extensions.postprocessing.LZMAPlugin"
EXPORTERS: dict[str, type[BaseItemExporter]] = {
    "jsonlines": JsonLinesItemExporter,
    "json": JsonItemExporter,
    "csv": JsonFieldsCsvItemExporter,
    "xml": XmlItemExporter,
}
CRAWLER = get_crawler()


def relink_feed(
    data: bytes,
    relinks: dict[str, str],
    exporter: type[BaseItemExporter],
    crawler: Any,
    opts: dict[str, Any],
) -> tuple[bytes, int]:
    """A stored feed relinked (:func:`relink_stream`), and how many of its items changed."""
    target = io.BytesIO()
    changed = relink_stream(io.BytesIO(data), target, relinks, exporter, crawler, opts)
    return (target.getvalue(), changed) if changed else (data, 0)


def item(portal: str, number: int, duplicate_of: str | None = None) -> dict[str, Any]:
    """A feed item with what makes formats differ: nested fields, nulls, numbers, accents."""
    return {
        "id": f"{portal}:{number}",
        "title": f"Polisi amankan kafé nomor {number} & <gudang>",
        "body": f'Baris satu, "kutipan".\nBaris dua {number}.',
        "tags": ["Polres", "Résérse"],
        "related": [],
        "police": {"units": ["Polres"], "score": 0.75},
        "editor": None,
        "version": 1,
        "duplicate_of": duplicate_of,
    }


def options(fmt: str, **extra: Any) -> dict[str, Any]:
    """Feed options as Scrapy completes them from the settings."""
    return {
        "format": fmt,
        "encoding": "utf-8",
        "fields": None,
        "indent": None,
        "item_export_kwargs": {},
        **extra,
    }


def feed(items: list[dict[str, Any]], fmt: str, opts: dict[str, Any]) -> bytes:
    """``items`` as Scrapy stores them: exported, then post-processed."""
    return compress(export_items(items, EXPORTERS[fmt], CRAWLER, opts), opts)


CASES = [
    (fmt, extra)
    for fmt in EXPORTERS
    for extra in (
        {},
        {"encoding": "latin-1"},
        {"encoding": None},
        {"indent": 2},
        {"postprocessing": [GZIP]},
        {"postprocessing": [BZ2], "encoding": "latin-1"},
        {"postprocessing": [LZMA]},
        {"fields": ["id", "title", "tags", "duplicate_of"]},
    )
]


@pytest.mark.parametrize(("fmt", "extra"), CASES, ids=[f"{f}-{e}" for f, e in CASES])
def test_a_relinked_feed_is_the_feed_exported_with_the_right_links(
    fmt: str, extra: dict[str, Any]
) -> None:
    opts = options(fmt, **extra)
    original, earlier_copy = item("www", 1), item("jatim", 3, duplicate_of="kupang:9")
    copy, other = item("bali", 2), item("kupang", 4)
    stored = feed([copy, original, earlier_copy, other], fmt, opts)
    relinks = {"bali:2": "www:1", "jatim:3": "www:1", "aceh:5": "www:1"}  # aceh: another feed
    relinked, changed = relink_feed(stored, relinks, EXPORTERS[fmt], CRAWLER, opts)
    assert changed == 2
    right = [item("bali", 2, "www:1"), original, item("jatim", 3, "www:1"), other]
    assert decompress(relinked, opts) == export_items(right, EXPORTERS[fmt], CRAWLER, opts)
    read = read_items(decompress(relinked, opts), EXPORTERS[fmt], opts)
    assert [entry["duplicate_of"] for entry in read[::2]] == ["www:1", "www:1"]


def test_each_format_is_read_back_by_its_standard_parser() -> None:
    items = [item("bali", 2), item("www", 1)]
    as_json = export_items(items, JsonItemExporter, CRAWLER, options("json"))
    assert read_items(as_json, JsonItemExporter, options("json")) == json.loads(as_json)
    as_csv = export_items(items, JsonFieldsCsvItemExporter, CRAWLER, options("csv"))
    rows = list(csv.DictReader(io.StringIO(as_csv.decode(), newline="")))
    assert read_items(as_csv, JsonFieldsCsvItemExporter, options("csv")) == rows
    assert json.loads(rows[0]["police"]) == items[0]["police"]  # nested fields are JSON
    as_xml = export_items(items, XmlItemExporter, CRAWLER, options("xml"))
    first = read_items(as_xml, XmlItemExporter, options("xml"))[0]
    assert etree.fromstring(as_xml)[0].findtext("duplicate_of") == "None"
    assert first["tags"] == ["Polres", "Résérse"] and first["police"]["score"] == "0.75"


def test_a_feed_without_a_relinked_item_is_left_byte_for_byte() -> None:
    opts = options("jsonlines", postprocessing=[GZIP])
    stored = feed([item("bali", 2)], "jsonlines", opts)
    assert relink_feed(stored, {"aceh:5": "www:1"}, JsonLinesItemExporter, CRAWLER, opts) == (
        stored,
        0,
    )


class SignedJsonLinesExporter(JsonLinesItemExporter):
    """A custom exporter whose output does not read back as its items."""

    def serialize_field(self, field: Any, name: str, value: Any) -> Any:
        return f"{value} (ANTARA)" if name == "title" else value


class RotPlugin:
    """A custom post-processing plugin, unknown to the relinking."""

    def __init__(self, file: Any, feed_options: dict[str, Any]) -> None:
        self.file = file

    def write(self, data: bytes) -> int:
        return self.file.write(data[::-1])

    def close(self) -> None:
        pass


@pytest.mark.parametrize(
    ("exporter", "opts", "why"),
    [
        (PickleItemExporter, options("pickle"), "PickleItemExporter cannot be read back"),
        (SignedJsonLinesExporter, options("jsonlines"), "do not read back as they were written"),
        (
            CsvItemExporter,
            options("csv", item_export_kwargs={"include_headers_line": False}),
            "do not say their id",  # the first item read as the header
        ),
        (JsonLinesItemExporter, options("jsonlines", postprocessing=[RotPlugin]), "RotPlugin"),
        (XmlItemExporter, options("xml", fields=["title", "duplicate_of"]), "do not say their id"),
    ],
    ids=["pickle", "custom-exporter", "csv-without-header", "custom-plugin", "without-ids"],
)
def test_a_feed_that_cannot_be_rewritten_safely_raises(
    exporter: type[BaseItemExporter], opts: dict[str, Any], why: str
) -> None:
    items = [item("bali", 2), item("www", 1)]
    stored = compress(export_items(items, exporter, CRAWLER, opts), opts)
    with pytest.raises(FeedNotRewritable, match=why):
        relink_feed(stored, {"bali:2": "www:1"}, exporter, CRAWLER, opts)


def test_a_truncated_compressed_feed_cannot_be_rewritten() -> None:
    opts = options("jsonlines", postprocessing=[GZIP])
    stored = feed([item("bali", 2)], "jsonlines", opts)
    with pytest.raises(FeedNotRewritable, match="cannot be undone"):
        relink_feed(stored[:-9], {"bali:2": "www:1"}, JsonLinesItemExporter, CRAWLER, opts)


@pytest.mark.parametrize("fmt", ["jsonlines", "json", "xml"])
def test_a_feed_that_does_not_parse_cannot_be_rewritten(fmt: str) -> None:
    opts = options(fmt, encoding="latin-1")
    stored = feed([item("bali", 2)], fmt, opts)[:-3]
    with pytest.raises(FeedNotRewritable, match="cannot be read back"):
        relink_feed(stored, {"bali:2": "www:1"}, EXPORTERS[fmt], CRAWLER, opts)


FEEDS = {
    "a.jsonl": {"format": "jsonlines"},
    "b.json": {"format": "json", "encoding": "latin-1", "indent": 2},
    "c.csv": {"format": "csv"},
    "d.xml": {"format": "xml"},
    "e.jsonl.gz": {"format": "jsonlines", "postprocessing": [GZIP]},
    "f.xml.bz2": {"format": "xml", "encoding": "latin-1", "postprocessing": [BZ2]},
    "g.csv.xz": {"format": "csv", "postprocessing": [LZMA]},
    "h.pickle": {"format": "pickle"},  # no reader: its links stay as emitted, and it is said
    "i-%(batch_id)d.jsonl": {"format": "jsonlines", "batch_item_count": 1},
}
"""The feeds of one crawl, every format, encoding and compression at once."""


def links_in(path: Path, opts: dict[str, Any]) -> dict[str, str | None]:
    """``duplicate_of`` by item id, read from a stored feed with the standard tools."""
    data = decompress(path.read_bytes(), opts)
    encoding = opts.get("encoding", "utf-8")
    if opts["format"] == "xml":
        root = etree.fromstring(data.decode(encoding).encode(), etree.XMLParser(encoding="utf-8"))
        items = [{child.tag: child.text for child in element} for element in root]
    elif opts["format"] == "csv":
        items = list(csv.DictReader(io.StringIO(data.decode(encoding), newline="")))
    elif opts["format"] == "json":
        items = json.loads(data.decode(encoding))
    else:
        items = [json.loads(line) for line in data.decode(encoding).splitlines()]
    nulls = {"None": None, "": None}  # how XML and CSV write a null
    return {item["id"]: nulls.get(item["duplicate_of"], item["duplicate_of"]) for item in items}


@pytest.fixture(scope="module")
def relinked_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[CrawlRun, dict[str, str]]:
    """One crawl in which a wire copy (in RSS) is downloaded before its original (reached
    through a "Baca juga" link), writing every feed of :data:`FEEDS`."""
    root = tmp_path_factory.mktemp("relink")
    site = wire_copy_site(root / "mirror", "4870301", "343301", "343302")
    original, copy, linking = site.articles
    feeds = {str(root / name): opts for name, opts in FEEDS.items()}
    run = run_crawl(
        None,
        mirror=str(root / "mirror"),
        state=root / "state.sqlite3",
        data_dir=root / "data",
        args={"since": (NOW - timedelta(days=10)).date().isoformat()},
        settings={"FEEDS": json.dumps(feeds)},
    )
    assert run.returncode == 0, run.log[-3000:]
    return run, {"copy": key(copy), "original": key(original), "linking": key(linking)}


@pytest.mark.parametrize("name", [name for name in FEEDS if name[0] not in "hi"])
def test_every_feed_of_the_run_links_the_copy_downloaded_before_its_original(
    relinked_run: tuple[CrawlRun, dict[str, str]], name: str
) -> None:
    run, keys = relinked_run
    links = links_in(run.data_dir.parent / name, {**options("?"), **FEEDS[name]})
    assert links == {keys["copy"]: keys["original"], keys["original"]: None, keys["linking"]: None}


def missed(run: CrawlRun) -> dict[str, str]:
    """The WARNING lines saying that a feed keeps its links as emitted, by feed."""
    said = re.compile(r"WARNING: Feed (\S+) keeps duplicate_of as emitted: the 1 wire-copy ")
    lines = [said.search(line) for line in run.log.splitlines()]
    return {Path(m.group(1)).name: m.string for m in lines if m}


def test_a_feed_the_links_cannot_be_applied_to_is_said_once_and_counted(
    relinked_run: tuple[CrawlRun, dict[str, str]],
) -> None:
    run, keys = relinked_run
    warnings = missed(run)
    assert "PickleItemExporter cannot be read back" in warnings["h.pickle"]
    assert sum("keeps duplicate_of as emitted" in line for line in run.log.splitlines()) == len(
        warnings
    )  # once per feed
    assert f"'antara/state/relinks_not_applied': {len(warnings)}," in run.log
    assert "'antara/state/relinked': 1," in run.log
    stored = io.BytesIO((run.data_dir.parent / "h.pickle").read_bytes())
    items = [pickle.load(stored) for _ in range(3)]
    assert {item["id"]: item["duplicate_of"] for item in items}[keys["copy"]] is None  # emitted


def test_each_batch_is_relinked_or_said_to_be_stored_before_the_links_were_settled(
    relinked_run: tuple[CrawlRun, dict[str, str]],
) -> None:
    run, keys = relinked_run
    batches = sorted(run.data_dir.parent.glob("i-*.jsonl"))
    assert len(batches) == 3  # one item each
    warnings = missed(run)
    for batch in batches:
        links = links_in(batch, options("jsonlines"))
        if batch.name in warnings:
            assert "stored as a batch before the end of the run" in warnings[batch.name]
        elif keys["copy"] in links:
            assert links[keys["copy"]] == keys["original"]


def test_the_report_counts_the_relinked_copy_as_a_wire_copy(
    relinked_run: tuple[CrawlRun, dict[str, str]],
) -> None:
    run, _ = relinked_run
    (path,) = (run.data_dir / "runs").glob("*.json")
    portals = json.loads(path.read_text("utf-8"))["portals"]
    assert portals["bali"]["emitted"] == {"new": 1, "duplicate": 1}
    assert portals["www"]["emitted"] == {"new": 1}
    assert "bali: " in run.log and "2 emitted (1 new, 0 updated, 1 wire copies)" in run.log
    assert "'antara/portal/bali/emitted/duplicate': 1," in run.log  # the stats say it too
    assert "'antara/portal/bali/emitted/new': 1," in run.log


def test_feeds_the_links_cannot_reach_are_said_once_each_when_the_links_settle(
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings = {k: v for k, v in get_project_settings().items() if k.startswith("ANTARA_")}
    crawler = get_crawler(settings_dict={**settings, "ANTARA_STATE": "none"})
    state = ArticleState.from_crawler(crawler)
    state.spider_opened()  # an in-memory store
    assert state.store is not None
    copy, original = body_signature(" ".join(WIRE_REPUBLISHED)), body_signature(" ".join(WIRE))
    state.store.stage("bali:2", "h", 1, "t", "2026-11-20T09:00:00+08:00", None, copy)
    batch = SimpleNamespace(uri="batch-1.jsonl", itemcount=1, storage=SimpleNamespace())
    state.feed_closed(batch)  # stored while the run goes on: nothing settled yet
    state.store.stage("www:1", "h", 1, "t", "2026-11-19T09:00:00+07:00", None, original)
    with caplog.at_level(logging.WARNING):
        state.settle_relinks()
        assert state.relinks() == {"bali:2": "www:1"}
        stdout = SimpleNamespace(uri="stdout:", itemcount=2, storage=StdoutFeedStorage("-"))
        state.feed_closed(stdout)
    said = [record.getMessage() for record in caplog.records]
    assert said == [
        "Feed batch-1.jsonl keeps duplicate_of as emitted: the 1 wire-copy link(s) settled at "
        "the end of the run cannot be applied to it (stored as a batch before the end of the run)",
        "Feed stdout: keeps duplicate_of as emitted: the 1 wire-copy link(s) settled at the end "
        "of the run cannot be applied to it (StdoutFeedStorage cannot rewrite it)",
    ]
    assert crawler.stats.get_value("antara/state/relinks_not_applied") == 2
    assert crawler.stats.get_value("antara/state/relinked") == 1


def large_feed_line(number: int) -> bytes:
    """One JSON Lines item of about 4 kB, unlinked."""
    item = {"id": f"bali:{number}", "body": f"Kalimat nomor {number}. " * 200, "duplicate_of": None}
    return json.dumps(item, ensure_ascii=False).encode("utf-8") + b"\n"


def jsonl_options(**extra: Any) -> dict[str, Any]:
    return {"format": "jsonlines", "encoding": "utf-8", "fields": None, "indent": None,
            "item_export_kwargs": {}, **extra}  # fmt: skip


def test_a_json_lines_feed_is_relinked_streamed_not_read_whole_into_memory() -> None:
    """A multi-gigabyte feed (a backfill) was read whole, decoded, parsed and exported twice:
    about four times its size in memory. Relinking it streams it line by line."""
    opts = jsonl_options(postprocessing=[GZIP])
    plain = b"".join(large_feed_line(number) for number in range(2500))  # about 10 MB
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
