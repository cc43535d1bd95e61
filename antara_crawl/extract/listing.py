"""RSS feeds and listing pages -> article links with the dates they show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from email.utils import parsedate_to_datetime

from parsel import Selector

from antara_crawl.extract.dates import parse_iso, parse_listing_date
from antara_crawl.extract.errors import ExtractError
from antara_crawl.extract.parsing import parse_html
from antara_crawl.extract.text import normalize_space, text_of
from antara_crawl.urls import article_ref


@dataclass(frozen=True, slots=True)
class ListingEntry:
    """One link found by discovery: its URL as written (resolved), title and date if shown."""

    url: str
    title: str | None
    published: datetime | None


def parse_rss(feed: bytes | str, zone: tzinfo) -> list[ListingEntry]:
    """The items of an RSS 2.0 (or Atom) feed: link, title and publication date."""
    if isinstance(feed, str):
        feed = feed.encode("utf-8")
    feed = feed.strip()
    if not feed:
        return []
    document = Selector(body=feed, type="xml")
    document.remove_namespaces()
    entries: list[ListingEntry] = []
    for item in document.xpath("//item | //entry"):
        link = (
            _child_text(item, "link")
            or item.xpath("link[not(@rel) or @rel='alternate']/@href").get()
            or _child_text(item, "guid")
        )
        if not link:
            continue
        date_text = _child_text(item, "pubDate") or _child_text(item, "published", "updated")
        entries.append(ListingEntry(link, _child_text(item, "title"), _feed_date(date_text, zone)))
    return entries


def _child_text(item: Selector, *names: str) -> str | None:
    """The text of the first child element named one of ``names`` that has any."""
    for name in names:
        for child in item.xpath(name):
            text = normalize_space("".join(child.xpath(".//text()").getall()))
            if text:
                return text
    return None


def _feed_date(text: str | None, zone: tzinfo) -> datetime | None:
    if not text:
        return None
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return parse_iso(text, zone)
    return moment if moment.tzinfo else moment.replace(tzinfo=zone)


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


_OUTSIDE_SIDEBARS = (
    "not(ancestor::aside) and not(ancestor::*[contains(@class, 'sidebar')"
    " or contains(@class, 'popular') or contains(@class, 'terpopuler')])"
)
_CARDS = f"//*[{_has_class('card__post')} or ({_has_class('simple-post')})][{_OUTSIDE_SIDEBARS}]"
_FALLBACK_CARDS = f"//article[{_OUTSIDE_SIDEBARS}]"
_CARD_DATE = (
    f".//*[{_has_class('text-secondary')} or contains(@class, 'date')"
    f" or {_has_class('simple-share')} or self::time]"
)
_CONTENT_LINKS = (
    f"//a[@href][{_OUTSIDE_SIDEBARS} and not(ancestor::header) and not(ancestor::nav)"
    " and not(ancestor::footer)]"
)


def parse_listing(
    page: str | bytes, page_url: str, zone: tzinfo, now: datetime
) -> list[ListingEntry]:
    """The article cards of a listing page (``/terkini/2``, ``/hukum``, tag pages).

    Sidebars (popular stories) are ignored; card dates may be absolute, zoneless or
    relative (``26 menit lalu``, taken relative to ``now``).
    """
    try:
        document = Selector(root=parse_html(page, page_url), type="html")
    except ExtractError:
        return []
    cards = document.xpath(_CARDS) or document.xpath(_FALLBACK_CARDS)
    if not cards:
        return _bare_links(document, page_url, zone, now)
    entries: list[ListingEntry] = []
    for card in cards:
        links = [a for a in card.xpath(".//a[@href]") if _text(a)]
        link = next((a for a in links if article_ref(a.attrib["href"], page_url)), None)
        link = link if link is not None else next(iter(links), None)
        if link is None:
            continue
        published = None
        for element in card.xpath(_CARD_DATE):
            published = parse_listing_date(_text(element), zone, now)
            if published is not None:
                break
        entries.append(
            ListingEntry(
                url=link.attrib["href"].strip(), title=_text(link) or None, published=published
            )
        )
    return entries


def _text(selector: Selector) -> str:
    """All the text inside an element, whitespace collapsed."""
    return normalize_space(text_of(selector.root))


def _bare_links(
    document: Selector, page_url: str, zone: tzinfo, now: datetime
) -> list[ListingEntry]:
    """A listing of an unknown design: article links outside page chrome, each dated by
    the nearest of its three closest enclosing elements that shows a date."""
    entries: dict[str, ListingEntry] = {}
    for link in document.xpath(_CONTENT_LINKS):
        title = _text(link)
        href = link.attrib["href"].strip()
        if not title or article_ref(href, page_url) is None or href in entries:
            continue
        published = None
        for holder in reversed(link.xpath("ancestor::*[position() <= 3]")):
            published = parse_listing_date(text_of(holder.root), zone, now)
            if published is not None:
                break
        entries[href] = ListingEntry(href, title, published)
    return list(entries.values())
