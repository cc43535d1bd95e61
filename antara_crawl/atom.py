"""Atom 1.0 feeds (RFC 4287) of each portal's latest police stories, for feed readers.

One file per portal, ``<directory>/<portal>.xml``. :func:`write_portal_feed` builds it from
items, either afresh or added to the entries the file already holds (what the
:class:`AtomFeeds` extension does after each run, with the run's own items).
"""

from __future__ import annotations

import logging
import os
import re
import uuid
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from lxml import etree
from scrapy import signals
from scrapy.exceptions import NotConfigured

from antara_crawl import __version__
from antara_crawl.config import number_setting
from antara_crawl.extract.dates import format_iso
from antara_crawl.portals import PORTALS, Portal

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from typing_extensions import Self

logger = logging.getLogger(__name__)

ATOM_NS = "http://www.w3.org/2005/Atom"
XHTML_NS = "http://www.w3.org/1999/xhtml"
_A = f"{{{ATOM_NS}}}"
_ARTICLE_PATH = re.compile(r"^(https://[^/]+/berita/\d+)")


def feed_id(portal: Portal) -> str:
    """The permanent id of a portal's police feed: a name-based UUID URN."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{portal.base_url}/#antara-crawl-police").urn


def entry_id(url: str) -> str:
    """The permanent id of an article's entry: its URL without the slug, which may change."""
    match = _ARTICLE_PATH.match(url)
    return match.group(1) if match else url


def entry_updated(item: dict[str, Any]) -> str:
    """When the entry last changed: ANTARA's update time, or, for a later version whose page
    gives none, when that version was crawled; else the publication time."""
    if item.get("updated_at"):
        return str(item["updated_at"])
    if int(item.get("version") or 1) > 1:
        return str(item["crawled_at"])
    return str(item["published_at"])


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> Any:
    element = etree.SubElement(parent, f"{_A}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def atom_entry(item: dict[str, Any]) -> etree._Element:
    """The ``<entry>`` of one article item."""
    entry = etree.Element(f"{_A}entry", nsmap={None: ATOM_NS})
    _sub(entry, "id", entry_id(item["url"]))
    _sub(entry, "title", item["title"], type="text")
    _sub(entry, "link", rel="alternate", type="text/html", href=item["url"])
    _sub(entry, "published", item["published_at"])
    _sub(entry, "updated", entry_updated(item))
    if item.get("reporter"):
        _sub(_sub(entry, "author"), "name", item["reporter"])
    for tag in item.get("tags") or ():
        _sub(entry, "category", term=tag)
    paragraphs = [p for p in str(item["body"]).split("\n\n") if p.strip()]
    _sub(entry, "summary", item.get("summary") or paragraphs[0], type="text")
    content = _sub(entry, "content", type="xhtml")
    div = etree.SubElement(content, f"{{{XHTML_NS}}}div", nsmap={None: XHTML_NS})
    for paragraph in paragraphs:
        etree.SubElement(div, f"{{{XHTML_NS}}}p").text = paragraph
    return entry


def _entry_key(entry: etree._Element) -> tuple[datetime, str]:
    published = entry.findtext(f"{_A}published") or entry.findtext(f"{_A}updated") or ""
    return datetime.fromisoformat(published), entry.findtext(f"{_A}id") or ""


def atom_feed(portal: Portal, entries: Iterable[etree._Element], now: datetime) -> bytes:
    """The Atom document of a portal's police stories, ``entries`` newest first."""
    entries = sorted(entries, key=_entry_key, reverse=True)
    feed = etree.Element(f"{_A}feed", nsmap={None: ATOM_NS})
    feed.set("{http://www.w3.org/XML/1998/namespace}lang", "id")
    _sub(feed, "id", feed_id(portal))
    where = portal.province or "nasional"
    _sub(feed, "title", f"ANTARA {where}: police news", type="text")
    _sub(feed, "subtitle", f"Police stories of {portal.host}, collected by antara-crawl")
    _sub(feed, "link", rel="alternate", type="text/html", href=f"{portal.base_url}/")
    author = _sub(feed, "author")
    _sub(author, "name", "ANTARA")
    _sub(author, "uri", f"{portal.base_url}/")
    _sub(feed, "generator", "antara-crawl", version=__version__)
    times = [datetime.fromisoformat(e.findtext(f"{_A}updated") or "") for e in entries]
    _sub(feed, "updated", format_iso(max(times) if times else now))
    feed.extend(entries)
    return etree.tostring(feed, xml_declaration=True, encoding="utf-8", pretty_print=True)


def read_entries(path: Path) -> list[etree._Element]:
    """The entries of an Atom file written earlier (none if it is missing or unreadable)."""
    if not path.exists():
        return []
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=True)
    try:
        root = etree.parse(str(path), parser).getroot()
    except etree.XMLSyntaxError as exc:
        logger.warning("Atom feed %s is unreadable and is rebuilt: %s", path, exc)
        return []
    return list(root.iterfind(f"{_A}entry"))


def write_portal_feed(
    directory: Path,
    portal: Portal,
    items: Iterable[dict[str, Any]],
    *,
    limit: int,
    keep_existing: bool,
    now: datetime | None = None,
) -> Path:
    """Write ``<directory>/<portal>.xml`` with the ``limit`` latest-published of ``items``
    (and, if ``keep_existing``, of the entries already there; an item replaces the entry
    with its id). The file is replaced atomically; its path is returned."""
    path = directory / f"{portal.key}.xml"
    entries: dict[str, etree._Element] = {}
    if keep_existing:
        entries = {e.findtext(f"{_A}id") or "": e for e in read_entries(path)}
    for item in items:
        entry = atom_entry(item)
        entries[entry.findtext(f"{_A}id") or ""] = entry
    chosen = sorted(entries.values(), key=_entry_key, reverse=True)[:limit]
    document = atom_feed(portal, chosen, now or datetime.now(timezone.utc))
    directory.mkdir(parents=True, exist_ok=True)
    part = path.with_name(f"{path.name}.part")
    part.write_bytes(document)
    os.replace(part, path)
    return path


def write_atom_feeds(
    directory: Path,
    items: Iterable[dict[str, Any]],
    *,
    limit: int,
    keep_existing: bool,
) -> list[Path]:
    """One Atom feed per portal that has any of ``items``; the paths written."""
    by_portal: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        by_portal.setdefault(item["portal"], []).append(item)
    return [
        write_portal_feed(directory, PORTALS[key], found, limit=limit, keep_existing=keep_existing)
        for key, found in sorted(by_portal.items())
        if key in PORTALS
    ]


class AtomFeeds:
    """After a run whose feeds were stored, adds its police stories to the Atom feeds
    (``ANTARA_ATOM``, ``ANTARA_ATOM_DIR``, ``ANTARA_ATOM_ENTRIES``)."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.directory = Path(settings.get("ANTARA_ATOM_DIR") or "data/feeds/atom")
        self.limit = int(number_setting(settings, "ANTARA_ATOM_ENTRIES"))
        self.min_score = number_setting(settings, "ANTARA_POLICE_MIN_SCORE")
        self.items: list[dict[str, Any]] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        if not crawler.settings.getbool("ANTARA_ATOM"):
            raise NotConfigured("ANTARA_ATOM is off")
        atom = cls(crawler)
        crawler.signals.connect(atom.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(atom.feeds_closed, signal=signals.feed_exporter_closed)
        return atom

    def item_scraped(self, item: Any) -> None:
        data = ItemAdapter(item).asdict()
        if float(data["police"]["score"]) >= self.min_score:
            self.items.append(data)

    def feeds_closed(self) -> None:
        stats = self.crawler.stats
        failed = any(
            name.startswith("feedexport/failed_count/") and value
            for name, value in (stats.get_stats() or {}).items()
        )
        if failed:
            logger.warning("Atom feeds not updated: a feed of this run was not stored")
            return
        if not self.items:
            return
        try:
            paths = write_atom_feeds(
                self.directory, self.items, limit=self.limit, keep_existing=True
            )
        except OSError as exc:
            logger.error("Atom feeds not written to %s: %s", self.directory, exc)
            return
        stats.set_value("antara/atom/feeds", len(paths))
        logger.info("Atom feeds updated: %s", ", ".join(str(p) for p in paths))
