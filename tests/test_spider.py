"""The spider's routing decisions that need no engine."""

from __future__ import annotations

from datetime import datetime, timezone

from antara_crawl.extract.listing import ListingEntry
from antara_crawl.portals import PORTALS
from antara_crawl.spiders.antara import AntaraSpider, feed_urls, listing_url


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
