"""RSS feeds and listing pages -> article links with the dates they show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo
from email.utils import parsedate_to_datetime

from lxml import etree, html

from antara_crawl.extract.dates import parse_iso, parse_listing_date
from antara_crawl.extract.text import normalize_space
from antara_crawl.urls import article_ref


@dataclass(frozen=True, slots=True)
class ListingEntry:
    """One link found by discovery: its URL as written (resolved), title and date if shown."""

    url: str
    title: str | None
    published: datetime | None


_RSS_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)


def parse_rss(feed: bytes | str, zone: tzinfo) -> list[ListingEntry]:
    """The items of an RSS 2.0 (or Atom) feed: link, title and publication date."""
    if isinstance(feed, str):
        feed = feed.encode("utf-8")
    try:
        root = etree.fromstring(feed.strip(), parser=_RSS_PARSER)
    except etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    entries: list[ListingEntry] = []
    for item in root.iter("item", "{*}entry"):
        link = _child_text(item, "link") or _atom_link(item) or _child_text(item, "guid")
        if not link:
            continue
        date_text = _child_text(item, "pubDate") or _child_text(item, "published", "updated")
        entries.append(ListingEntry(link, _child_text(item, "title"), _feed_date(date_text, zone)))
    return entries


def _child_text(item: etree._Element, *names: str) -> str | None:
    for child in item:
        if isinstance(child.tag, str) and etree.QName(child).localname in names:
            text = normalize_space("".join(child.itertext()))
            if text:
                return text
    return None


def _atom_link(item: etree._Element) -> str | None:
    for child in item:
        if isinstance(child.tag, str) and etree.QName(child).localname == "link":
            href = child.get("href")
            if href and child.get("rel", "alternate") == "alternate":
                return href
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
_CARDS = etree.XPath(
    f"//*[{_has_class('card__post')} or ({_has_class('simple-post')})][{_OUTSIDE_SIDEBARS}]"
)
_FALLBACK_CARDS = etree.XPath(f"//article[{_OUTSIDE_SIDEBARS}]")
_CARD_DATE = etree.XPath(
    f".//*[{_has_class('text-secondary')} or contains(@class, 'date')"
    f" or {_has_class('simple-share')} or self::time]"
)
_LINKS = etree.XPath(".//a[@href]")
_CONTENT_LINKS = etree.XPath(
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
    if isinstance(page, str):
        page = page.encode("utf-8")
    if not page.strip():
        return []
    try:
        root = html.document_fromstring(page, base_url=page_url)
    except (etree.ParserError, ValueError):
        return []
    cards = _CARDS(root) or _FALLBACK_CARDS(root)
    if not cards:
        return _bare_links(root, page_url, zone, now)
    entries: list[ListingEntry] = []
    for card in cards:
        links = [a for a in _LINKS(card) if normalize_space(a.text_content())]
        link = next((a for a in links if article_ref(a.get("href", ""), page_url)), None)
        link = link if link is not None else next(iter(links), None)
        if link is None:
            continue
        published = None
        for element in _CARD_DATE(card):
            published = parse_listing_date(element.text_content(), zone, now)
            if published is not None:
                break
        entries.append(
            ListingEntry(
                url=link.get("href", "").strip(),
                title=normalize_space(link.text_content()) or None,
                published=published,
            )
        )
    return entries


def _bare_links(
    root: html.HtmlElement, page_url: str, zone: tzinfo, now: datetime
) -> list[ListingEntry]:
    """A listing of an unknown design: article links outside page chrome, each dated by
    the nearest enclosing element that shows a date."""
    entries: dict[str, ListingEntry] = {}
    for link in _CONTENT_LINKS(root):
        title = normalize_space(link.text_content())
        href = link.get("href", "").strip()
        if not title or article_ref(href, page_url) is None or href in entries:
            continue
        published, holder = None, link.getparent()
        for _ in range(3):
            if holder is None:
                break
            published = parse_listing_date(holder.text_content(), zone, now)
            if published is not None:
                break
            holder = holder.getparent()
        entries[href] = ListingEntry(href, title, published)
    return list(entries.values())
