"""The spider's routing decisions that need no engine."""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from antara_crawl import settings as project_settings_module
from antara_crawl.commands import crawl as crawl_command
from antara_crawl.extract.listing import ListingEntry
from antara_crawl.portals import PORTALS
from antara_crawl.spiders.antara import AntaraSpider, feed_urls, listing_url


def test_the_crawl_command_checks_the_options_of_this_spider() -> None:
    assert AntaraSpider.name == crawl_command.SPIDER


def test_the_window_uses_the_portals_local_date() -> None:
    spider = AntaraSpider(since="2026-11-28", portals="kupang")
    early_morning_wita = datetime(2026, 11, 27, 17, 0, tzinfo=timezone.utc)  # 01:00 WITA
    url = "https://kupang.antaranews.com/berita/160001/polisi-siaga"
    spider._discover_entry(ListingEntry(url, "Polisi siaga", early_morning_wita), "rss", url)
    assert "kupang:160001" in spider._frontier


def test_discovery_keeps_the_best_source_and_the_canonical_url() -> None:
    spider = AntaraSpider(since="2026-11-01", portals="kupang")
    page = "https://kupang.antaranews.com/terkini"
    spider._discover("/amp/berita/160002/x?utm_source=antaranews", "listing", page)
    spider._discover("https://kupang.antaranews.com/berita/160002/x", "rss", page)
    pending = spider._frontier["kupang:160002"]
    assert (pending.url, pending.via, pending.depth) == (
        "https://kupang.antaranews.com/berita/160002/x",
        "rss",
        0,
    )


def test_feeds_and_listings_per_portal() -> None:
    assert feed_urls(PORTALS["kupang"]) == ["https://kupang.antaranews.com/rss/terkini.xml"]
    assert "https://www.antaranews.com/rss/hukum.xml" in feed_urls(PORTALS["www"])
    assert (
        listing_url("https://www.antaranews.com", "hukum", 1) == "https://www.antaranews.com/hukum"
    )
    assert (
        listing_url("https://www.antaranews.com", "hukum", 3)
        == "https://www.antaranews.com/hukum/3"
    )


ARTICLE_FIXTURES = Path(__file__).parent / "fixtures" / "articles"


def project_settings() -> dict[str, object]:
    """The project's settings module as a dict, as ``scrapy crawl`` would load it."""
    return {k: v for k, v in vars(project_settings_module).items() if k.isupper()}


def fixture_response(name: str, url: str) -> HtmlResponse:
    body = (ARTICLE_FIXTURES / f"{name}.html").read_bytes()
    return HtmlResponse(url, body=body, encoding="utf-8", request=Request(url))


def test_articles_are_counted_by_design_and_missing_field_and_refusals_dropped(
    caplog: pytest.LogCaptureFixture,
) -> None:
    crawler = get_crawler(AntaraSpider, project_settings())
    spider = AntaraSpider.from_crawler(crawler, since="2024-01-01", portals="kupang,bali")
    refused = "https://kupang.antaranews.com/berita/105611/polres-ende-amankan-pencuri-ternak"
    lacking = "https://bali.antaranews.com/berita/331207/polres-gianyar-ungkap-pencurian-pratima"
    with caplog.at_level(logging.INFO):
        dropped = list(
            spider.parse_article(
                fixture_response("refuse_current_relative_date_kupang", refused),
                via="rss", referrer=None, depth=0,
            )
        )  # fmt: skip
        emitted = list(
            spider.parse_article(
                fixture_response("current_missing_byline_and_tags_bali", lacking),
                via="rss", referrer=None, depth=0,
            )
        )  # fmt: skip
    assert dropped == []
    assert [item["id"] for item in emitted] == ["bali:331207"]
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1
    assert refused in warnings[0] and "published_at" in warnings[0]
    stats = {k: v for k, v in crawler.stats.get_stats().items() if k.startswith("antara/")}
    assert stats == {
        "antara/article/extract_error": 1,
        "antara/extract/refused/published_at": 1,
        "antara/article/extracted": 1,
        "antara/extract/design/current": 1,
        "antara/extract/missing/current/reporter": 1,
        "antara/extract/missing/current/tags": 1,
        "antara/portal/kupang/dropped/extract_error": 1,
    }
