"""Runs started in the same second get distinct feed, report and archive names."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from scrapy import Spider
from scrapy.extensions.feedexport import apply_uri_params
from scrapy.utils.project import get_project_settings
from scrapy.utils.test import get_crawler

from antara_crawl.archive import ArchiveWriter
from antara_crawl.extensions import RunReport, feed_uri_params

STARTED = datetime(2026, 11, 29, 19, 30, 0, 250_000, tzinfo=timezone.utc)


def test_runs_started_in_the_same_second_get_distinct_feed_report_and_archive_names(
    tmp_path: Path,
) -> None:
    settings = {k: v for k, v in get_project_settings().items() if k.startswith("ANTARA_")}
    settings |= {
        "ANTARA_RUNS_DIR": str(tmp_path / "runs"),
        "EXTENSIONS": {"antara_crawl.extensions.RunReport": 500},
    }
    template = settings["ANTARA_FEED_URI"]  # the default feed: {data}/feeds/antara/%(time)s.jsonl
    reports, feeds, archives = [], [], []
    (tmp_path / "archive").mkdir()
    for started in (STARTED, STARTED.replace(microsecond=900_000), STARTED):
        crawler = get_crawler(settings_dict=settings)
        report = crawler.get_extension(RunReport)
        assert report is not None
        report.started = started  # the seam: when the run started
        report.spider_opened()  # reserves the report, as each run does when it opens
        params = feed_uri_params({"time": "unused"}, Spider.from_crawler(crawler, name="antara"))
        feeds.append(Path(apply_uri_params(template, params)).name)
        assert report.path is not None
        reports.append(report.path.name)
        archives.append(ArchiveWriter(tmp_path / "archive", started, {"software": "test"}))
    stem = "2026-11-29T19-30-00+00-00"
    assert reports == [f"{stem}.json", f"{stem}-2.json", f"{stem}-3.json"]
    assert feeds == [f"{stem}.jsonl", f"{stem}-2.jsonl", f"{stem}-3.jsonl"]  # as the report
    names = [writer.path.name for writer in archives]
    assert names == ["20261129T193000Z.warc.gz", *(f"20261129T193000Z-{n}.warc.gz" for n in (1, 2))]
    for writer in archives:
        writer.close()
