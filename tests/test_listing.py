"""RSS and listing pages -> article links and dates."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from antara_crawl.extract.listing import parse_listing, parse_rss
from antara_crawl.portals import WIB, WITA

NOW = datetime(2024, 3, 19, 10, 0, tzinfo=timezone.utc)
PAGE = "https://kupang.antaranews.com/terkini/2"


def test_rss_items_with_offsets() -> None:
    feed = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>ANTARA News Kupang</title>
<item><title>Polda NTT siaga</title>
<link>https://kupang.antaranews.com/berita/105483/polda-ntt-siaga?utm_source=rss</link>
<pubDate>Tue, 19 Mar 2024 16:05:00 +0800</pubDate>
<guid>https://kupang.antaranews.com/berita/105483/polda-ntt-siaga</guid>
<description><![CDATA[<img src="https://img.antaranews.com/x.jpg"> Polda NTT siaga.]]>
</description></item>
<item><title>Tanpa tanggal</title><guid>https://kupang.antaranews.com/berita/105484/x</guid></item>
</channel></rss>"""
    entries = parse_rss(feed, WITA)
    assert [e.url for e in entries] == [
        "https://kupang.antaranews.com/berita/105483/polda-ntt-siaga?utm_source=rss",
        "https://kupang.antaranews.com/berita/105484/x",
    ]
    assert entries[0].published.isoformat() == "2024-03-19T16:05:00+08:00"
    assert entries[1].published is None
    assert parse_rss(b"not xml at all", WIB) == []
    assert parse_rss(b"", WIB) == parse_rss("  \n", WIB) == []


def test_listing_cards_ignore_the_sidebar_and_read_relative_dates() -> None:
    page = """<html><body>
    <div class="wrapper__list__article">
      <article class="card__post card__post-list">
        <a class="badge" href="/hukum-kriminal">Hukum</a>
        <div class="card__post__title"><h3><a href="/berita/105483/a">Polisi A</a></h3></div>
        <div class="card__post__author-info"><ul class="list-inline"><li class="list-inline-item">
          <span class="text-secondary">26 menit lalu</span></li></ul></div>
      </article>
      <article class="card__post card__post-list">
        <div class="card__post__title"><h3><a href="https://kupang.antaranews.com/berita/105480/b">
          Polisi B</a></h3></div>
        <span class="text-secondary">18 Maret 2024 20:15</span>
      </article>
    </div>
    <div class="sidebar"><article class="card__post"><a href="/berita/90000/lama">Lama</a>
      <span class="text-secondary">1 Januari 2023 10:00 WITA</span></article></div>
    </body></html>"""
    entries = parse_listing(page, PAGE, WITA, NOW)
    assert [e.url for e in entries] == [
        "/berita/105483/a",
        "https://kupang.antaranews.com/berita/105480/b",
    ]
    assert entries[0].published == NOW - timedelta(minutes=26)
    assert entries[1].published == datetime(2024, 3, 18, 20, 15, tzinfo=WITA)
    assert entries[1].title == "Polisi B"


def test_listing_of_an_unknown_design_falls_back_to_dated_article_links() -> None:
    page = """<html><body><header><a href="/berita/1/menu">Menu</a></header>
    <ul class="news">
    <li><a href="/berita/105490/c">Polisi C</a> <em>19 Mar 2024 08:00 WITA</em></li>
    <li><a href="/tag/polisi">Tag</a></li></ul>
    <footer><a href="/berita/2/footer">Footer</a></footer></body></html>"""
    entries = parse_listing(page, PAGE, WITA, NOW)
    assert [(e.url, e.title) for e in entries] == [("/berita/105490/c", "Polisi C")]
    assert entries[0].published == datetime(2024, 3, 19, 8, 0, tzinfo=WITA)


def test_atom_entries_with_their_alternate_link() -> None:
    feed = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>ANTARA</title>
<entry><title>Polisi A</title>
<link rel="self" href="https://kupang.antaranews.com/atom/1"/>
<link rel="alternate" href="https://kupang.antaranews.com/berita/105483/a"/>
<published>2024-03-19T16:05:00+08:00</published><updated>2024-03-20T08:00:00+08:00</updated>
</entry></feed>"""
    [entry] = parse_rss(feed, WIB)
    assert entry.url == "https://kupang.antaranews.com/berita/105483/a"
    assert entry.title == "Polisi A"
    assert entry.published == datetime(2024, 3, 19, 16, 5, tzinfo=WITA)
