"""Write a fake ANTARA mirror (wget ``--mirror --adjust-extension`` layout) from a description.

Build a :class:`Site`, add :class:`Article` (and :class:`Photo`) objects, then call
:meth:`Site.write` with a directory. Per portal host (``{key}.antaranews.com``) it writes::

    {host}/robots.txt
    {host}/rss/terkini.xml                 (www also rss/hukum.xml, rss/nusantara.xml)
    {host}/terkini.html, {host}/terkini/{n}.html      (www also hukum.html, hukum/{n}.html)
    {host}/berita/{id}/{slug}.html         article pages, in the article's design
    {host}/amp/berita/{id}/{slug}.html     the AMP page of every article
    {host}/berita/{id}.html                (only with ``id_only_pages=True``: ``/berita/{id}``)
    {host}/foto/{id}/{slug}.html           photo pages

Everything the pages say comes from the description, so tests know the truth: see
:meth:`Site.manifest`. The concrete sites are described in ``tests/stories/*.json`` and built
by ``tests/sites.py``. Links to pages that were not added (deleted articles) are simply not
written, so a mirror server answers 404 for them.

Standard library only; all text is escaped (``html.escape``), JSON-LD is ``json.dumps`` with
``</`` escaped, RSS descriptions are CDATA.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import urljoin

from antara_crawl.portals import PORTALS, Portal
from antara_crawl.urls import article_ref, url_kind

DESIGNS = ("current", "old", "amp", "unknown")
BYLINE_STYLES = ("standard", "spaced")

DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTH_NAMES = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip

REGION_NAMES = {
    "kupang": "Kupang",
    "bali": "Bali",
    "papua": "Papua",
    "papuabarat": "Papua Barat",
    "mataram": "Mataram",
    "megapolitan": "Megapolitan",
    "jogja": "Jogja",
    "makassar": "Makassar",
    "ambon": "Ambon",
    "manado": "Manado",
}
"""The region name in ``<title>… - ANTARA News {Region}</title>`` (fallback: the province)."""

MENU_PORTALS = ("aceh", "sumut", "banten", "jatim", "bali", "mataram", "kupang", "papua")
MENU_SECTIONS = (
    ("Terkini", "/terkini"),
    ("Hukum", "/hukum"),
    ("Politik", "/politik"),
    ("Ekonomi", "/ekonomi"),
    ("Foto", "/foto"),
    ("Video", "/video"),
)

AI_NOTICE = (
    "Dilarang keras mengambil konten, melakukan crawling atau pengindeksan otomatis untuk AI "
    "di situs web ini tanpa izin tertulis dari Kantor Berita ANTARA."
)
AD_SNIPPET = (
    '<ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-0000000000000000" '
    'data-ad-slot="1234567890" data-ad-format="auto"></ins>'
    "<script>(adsbygoogle = window.adsbygoogle || []).push({});</script>"
)
AMP_AD = (
    '<amp-ad width="300" height="250" type="adsense" '
    'data-ad-client="ca-pub-0000000000000000" data-ad-slot="1234567890"></amp-ad>'
)
PLACEHOLDER_IMG = "https://www.antaranews.com/img/placeholder-730x487.png"

_DATELINE = re.compile(r"^\s*(?P<place>[^()]{2,60}?)\s*\((?:ANTARA|Antara ?News[^)]*)\)\s*[-–]")
_DATELINE_PREFIX = re.compile(r"^[^()]{2,60}\((?:ANTARA|Antara ?News[^)]*)\)\s*[-–]\s*")


def esc(text: str) -> str:
    """Text escaped for HTML attribute values (and element content)."""
    return html.escape(text, quote=True)


def txt(text: str) -> str:
    """Text escaped for HTML element content (quotes stay as typed)."""
    return html.escape(text, quote=False)


def slugify(text: str) -> str:
    """ANTARA-style slug: lower case words joined by hyphens."""
    slug = re.sub(r"[^0-9a-z]+", "-", text.lower()).strip("-")
    return slug[:90].rstrip("-") or "berita"


def region_name(portal: Portal) -> str:
    return REGION_NAMES.get(portal.key, portal.province or portal.key.title())


def site_name(portal: Portal) -> str:
    """``ANTARA News`` for www, ``ANTARA News Kupang`` and similar for regional portals."""
    return "ANTARA News" if portal.key == "www" else f"ANTARA News {region_name(portal)}"


def zone_name(portal: Portal) -> str:
    return portal.zone.tzname(None) or "WIB"


def local(moment: datetime, portal: Portal) -> datetime:
    return moment.astimezone(portal.zone)


def visible_date(moment: datetime, portal: Portal, *, zone: bool = True) -> str:
    """``Selasa, 19 Maret 2024 16:05 WITA`` (day name, Indonesian month; zone optional)."""
    d = local(moment, portal)
    text = f"{DAY_NAMES[d.weekday()]}, {d.day} {MONTH_NAMES[d.month - 1]} {d.year} {d:%H:%M}"
    return f"{text} {zone_name(portal)}" if zone else text


def listing_date(moment: datetime, portal: Portal, now: datetime, *, zone: bool = True) -> str:
    """A listing card date: relative (``26 menit lalu``, ``3 jam lalu``) within a day, else
    ``19 Maret 2024 16:05 WITA`` (zone optional)."""
    delta = now - moment
    if timedelta(0) <= delta < timedelta(hours=1):
        return f"{max(1, int(delta.total_seconds() // 60))} menit lalu"
    if timedelta(0) <= delta < timedelta(days=1):
        return f"{int(delta.total_seconds() // 3600)} jam lalu"
    d = local(moment, portal)
    text = f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year} {d:%H:%M}"
    return f"{text} {zone_name(portal)}" if zone else text


def iso(moment: datetime, portal: Portal | None = None) -> str:
    """ISO 8601 with offset, in the portal's zone when given: ``2024-03-19T16:05:00+08:00``."""
    if portal is not None:
        moment = local(moment, portal)
    return moment.replace(microsecond=0).isoformat(timespec="seconds")


def rss_date(moment: datetime, portal: Portal) -> str:
    """``Tue, 19 Mar 2024 16:05:00 +0800``."""
    return format_datetime(local(moment, portal).replace(microsecond=0))


def json_ld(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return text.replace("</", "<\\/")


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _portal(key: str) -> Portal:
    try:
        return PORTALS[key]
    except KeyError:
        raise ValueError(f"unknown portal {key!r}") from None


# --------------------------------------------------------------------------- descriptions


class _Page:
    """Where a page of a portal lives, from its ``portal`` key and ``path``, and what article
    and photo pages share."""

    portal: str
    title: str
    slug: str
    published: datetime
    path: str

    @property
    def port(self) -> Portal:
        return PORTALS[self.portal]

    @property
    def host(self) -> str:
        return self.port.host

    @property
    def url(self) -> str:
        return f"https://{self.host}{self.path}"

    @property
    def relpath(self) -> str:
        return f"{self.host}{self.path}.html"

    def _settle(self) -> None:
        """Check the portal, default the slug to the title's and drop seconds from the date."""
        _portal(self.portal)
        if not self.slug:
            self.slug = slugify(self.title)
        self.published = self.published.replace(second=0, microsecond=0)

    def _cached_image(self, size: str, name: str) -> str:
        """An image URL on ANTARA's image cache, dated by publication."""
        day = local(self.published, self.port)
        return f"https://img.antaranews.com/cache/{size}/{day:%Y/%m/%d}/{name}.jpg"


@dataclass
class Article(_Page):
    """One article page. ``paragraphs[0]`` starts with a dateline (``Kupang (ANTARA) - ``).

    ``related`` holds the "Baca juga" links as ``(href, title)``; ``href`` may be absolute,
    relative, AMP, tracked, cross-portal or point anywhere (a /foto/ page, a deleted article).
    ``related_after[i]`` is the index of the paragraph the i-th link follows (default: spread).
    ``police`` and ``trap`` are truth labels for tests; they are not rendered.
    """

    portal: str
    id: str
    slug: str
    title: str
    paragraphs: list[str]
    published: datetime
    reporter: str = "Tim ANTARA"
    editor: str | None = None
    tags: list[str] = field(default_factory=list)
    category: str | None = None
    related: list[tuple[str, str]] = field(default_factory=list)
    design: str = "current"
    body_twice: bool = False
    no_jsonld: bool = False
    no_zone: bool = False
    updated: datetime | None = None
    summary: str | None = None
    image: str | None = None
    caption: str | None = None
    related_after: list[int] | None = None
    pull_quote: str | None = None
    byline_style: str = "standard"
    in_rss: bool = True
    in_listing: bool = True
    rss_utm: bool = False
    police: bool | None = None
    trap: str | None = None
    note: str = ""

    def __post_init__(self) -> None:
        if not self.id.isdigit():
            raise ValueError(f"article id must be digits: {self.id!r}")
        if self.design not in DESIGNS:
            raise ValueError(f"design must be one of {DESIGNS}: {self.design!r}")
        if self.byline_style not in BYLINE_STYLES:
            raise ValueError(f"byline_style must be one of {BYLINE_STYLES}")
        if self.published.tzinfo is None or self.published.utcoffset() is None:
            raise ValueError(f"{self.key}: published must be an aware datetime")
        if not self.paragraphs:
            raise ValueError(f"{self.key}: no paragraphs")
        self._settle()
        if self.related_after is not None and len(self.related_after) != len(self.related):
            raise ValueError(f"{self.key}: related_after must have one index per related link")

    # identity (port, host, url and relpath come from _Page) ---------------------------
    @property
    def key(self) -> str:
        return f"{self.portal}:{self.id}"

    @property
    def path(self) -> str:
        return f"/berita/{self.id}/{self.slug}"

    @property
    def amp_url(self) -> str:
        return f"https://{self.host}/amp{self.path}"

    @property
    def amp_relpath(self) -> str:
        return f"{self.host}/amp{self.path}.html"

    # derived content ------------------------------------------------------------------
    @property
    def body(self) -> str:
        """The expected ``body``: each paragraph once, joined by a blank line, without the
        dateline prefix (``Kupang (ANTARA) - ``) of the first one."""
        first = _DATELINE_PREFIX.sub("", self.paragraphs[0], count=1)
        return "\n\n".join([first, *self.paragraphs[1:]])

    @property
    def dateline(self) -> str | None:
        match = _DATELINE.match(self.paragraphs[0])
        return match["place"].strip() if match else None

    @property
    def description(self) -> str:
        """The page's own summary (meta description): ``summary`` or the lead, shortened."""
        if self.summary:
            return self.summary
        lead = _DATELINE_PREFIX.sub("", self.paragraphs[0])
        if len(lead) <= 200:
            return lead
        cut = lead[:200].rsplit(" ", 1)[0].rstrip(",;:")
        return cut + "..."

    @property
    def image_url(self) -> str:
        return self.image or self._cached_image("730x487", self.slug[:48])

    @property
    def image_caption(self) -> str:
        if self.caption:
            return self.caption
        return f"Ilustrasi - {self.title}. (ANTARA/{self.reporter or 'HO'})"

    @property
    def quote(self) -> str:
        """The old design's pull quote: a sentence repeated from the body."""
        if self.pull_quote:
            return self.pull_quote
        source = self.paragraphs[1] if len(self.paragraphs) > 1 else self.paragraphs[0]
        return re.split(r"(?<=[.!?])\s+", source.strip())[0]

    @property
    def reading_minutes(self) -> int:
        words = sum(len(p.split()) for p in self.paragraphs)
        return max(1, round(words / 200))

    def link_positions(self) -> list[int]:
        """For each related link, the index of the paragraph it follows."""
        last = len(self.paragraphs) - 1
        if self.related_after is not None:
            return [min(max(i, 0), last) for i in self.related_after]
        return [min(1 + 2 * j, max(last - 1, 0)) for j in range(len(self.related))]

    def resolved_related(self) -> list[tuple[str, str, str]]:
        """``(href, absolute url, title)`` for each related link."""
        return [(href, urljoin(self.url, href), title) for href, title in self.related]


@dataclass
class Photo(_Page):
    """A photo page ``/foto/{id}/{slug}`` (not an article). ``in_feeds`` puts it into the
    portal's RSS and terkini listing, as ANTARA does."""

    portal: str
    id: str
    slug: str
    title: str
    caption: str
    published: datetime
    photographer: str = "ANTARA FOTO"
    in_feeds: bool = False

    def __post_init__(self) -> None:
        self._settle()

    @property
    def key(self) -> str:
        return f"{self.portal}:foto:{self.id}"

    @property
    def path(self) -> str:
        return f"/foto/{self.id}/{self.slug}"

    @property
    def description(self) -> str:
        return self.caption

    @property
    def image_url(self) -> str:
        return self._cached_image("1200x800", f"foto-{self.slug[:40]}")


Entry = Article | Photo
"""What a feed or listing can hold."""


# --------------------------------------------------------------------------- the site


class Site:
    """A set of portals with their articles, written as a wget mirror by :meth:`write`.

    ``now`` drives relative listing dates (``3 jam lalu``) and the copyright year.
    ``rss_size`` items per feed, ``page_size`` cards per listing page (newest first).
    ``zoneless_listings``: portals whose listing cards print dates without a zone.
    ``id_only_pages``: also write ``/berita/{id}.html`` so slug-less links resolve.
    """

    def __init__(
        self,
        now: datetime,
        *,
        portals: Iterable[str] = (),
        rss_size: int = 10,
        page_size: int = 10,
        zoneless_listings: Iterable[str] = (),
        id_only_pages: bool = False,
    ) -> None:
        if now.tzinfo is None:
            raise ValueError("now must be an aware datetime")
        self.now = now
        self.rss_size = rss_size
        self.page_size = page_size
        self.zoneless_listings = set(zoneless_listings)
        self.id_only_pages = id_only_pages
        self.articles: list[Article] = []
        self.photos: list[Photo] = []
        self.disallowed: dict[str, list[str]] = {}
        self.popular: dict[str, list[str]] = {}
        self._portals: list[str] = []
        for key in portals:
            self.add_portal(key)

    # building ---------------------------------------------------------------------------
    def add_portal(self, key: str) -> None:
        _portal(key)
        if key not in self._portals:
            self._portals.append(key)

    def add(self, *items: Entry) -> None:
        keys = {a.key for a in self.articles} | {p.key for p in self.photos}
        for item in items:
            if item.key in keys:
                raise ValueError(f"duplicate {item.key}")
            keys.add(item.key)
            self.add_portal(item.portal)
            if isinstance(item, Photo):
                self.photos.append(item)
            else:
                self.articles.append(item)

    def disallow(self, portal: str, path: str) -> None:
        """Add ``Disallow: {path}`` to the portal's robots.txt."""
        self.add_portal(portal)
        self.disallowed.setdefault(portal, []).append(path)

    def set_popular(self, portal: str, keys: Iterable[str]) -> None:
        """The sidebar "Terpopuler" links of a portal (article keys). Default: its 3 oldest."""
        self.popular[portal] = list(keys)

    # queries ----------------------------------------------------------------------------
    def article(self, key: str) -> Article:
        for article in self.articles:
            if article.key == key:
                return article
        raise KeyError(key)

    def portal_articles(self, portal: str) -> list[Article]:
        """The portal's articles, newest first."""
        found = [a for a in self.articles if a.portal == portal]
        return sorted(found, key=lambda a: (a.published, int(a.id)), reverse=True)

    def feed_sections(self, portal: str) -> list[str]:
        return ["terkini", "hukum", "nusantara"] if portal == "www" else ["terkini"]

    def listing_sections(self, portal: str) -> list[str]:
        return ["terkini", "hukum"] if portal == "www" else ["terkini"]

    def _section_entries(self, portal: str, section: str, attr: str) -> list[Entry]:
        entries: list[Entry] = [
            a for a in self.articles
            if a.portal == portal and getattr(a, attr)
            and (section == "terkini" or slugify(a.category or "") == section)
        ]  # fmt: skip
        if section == "terkini":
            entries += [p for p in self.photos if p.portal == portal and p.in_feeds]
        return sorted(entries, key=lambda e: (e.published, int(e.id)), reverse=True)

    def rss_entries(self, portal: str, section: str = "terkini") -> list[Entry]:
        """The items of ``/rss/{section}.xml``: the newest ``rss_size``."""
        return self._section_entries(portal, section, "in_rss")[: self.rss_size]

    def listing_pages(self, portal: str, section: str = "terkini") -> list[list[Entry]]:
        """The cards of ``/{section}``, ``/{section}/2``, … (at least one, maybe empty, page)."""
        entries = self._section_entries(portal, section, "in_listing")
        size = max(1, self.page_size)
        pages = [entries[i : i + size] for i in range(0, len(entries), size)]
        return pages or [[]]

    def popular_articles(self, portal: str) -> list[Article]:
        if portal in self.popular:
            return [self.article(k) for k in self.popular[portal]]
        return list(reversed(self.portal_articles(portal)))[:3]

    def robots_txt(self, portal: str) -> str:
        lines = ["User-agent: *", "Disallow: /search"]
        lines += [f"Disallow: {p}" for p in self.disallowed.get(portal, [])]
        return "\n".join(lines) + "\n"

    @staticmethod
    def listing_path(section: str, page: int) -> str:
        return f"/{section}" if page == 1 else f"/{section}/{page}"

    # writing ----------------------------------------------------------------------------
    def write(self, root: Path) -> list[str]:
        """Write the mirror under ``root``; returns the written paths relative to it."""
        root = Path(root)
        written: list[str] = []

        def put(relpath: str, text: str) -> None:
            target = root / relpath
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            written.append(relpath)

        for key in self._portals:
            portal = PORTALS[key]
            host = portal.host
            put(f"{host}/robots.txt", self.robots_txt(key))
            for section in self.feed_sections(key):
                put(f"{host}/rss/{section}.xml", self.render_rss(key, section))
            for section in self.listing_sections(key):
                pages = self.listing_pages(key, section)
                for number in range(1, len(pages) + 1):
                    path = self.listing_path(section, number)
                    put(f"{host}{path}.html", self.render_listing(key, section, number))
        for article in self.articles:
            page = self.render_article(article)
            put(article.relpath, page)
            put(article.amp_relpath, self.render_amp(article))
            if self.id_only_pages:
                put(f"{article.host}/berita/{article.id}.html", page)
        for photo in self.photos:
            put(photo.relpath, self.render_photo(photo))
        return written

    # chrome -----------------------------------------------------------------------------
    def _head(
        self, portal: Portal, title: str, *, canonical: str, description: str, extra: str = ""
    ) -> str:
        return (
            '<!DOCTYPE html>\n<html lang="id">\n<head>\n'
            '<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(title)}</title>\n"
            f'<meta name="description" content="{esc(description)}">\n'
            f'<link rel="canonical" href="{esc(canonical)}">\n'
            f'<link rel="shortcut icon" href="https://{portal.host}/img/favicon/favicon.ico">\n'
            f'<link rel="stylesheet" href="https://{portal.host}/css/style.min.css?v=2.3">\n'
            '<link rel="alternate" type="application/rss+xml" title="RSS" '
            f'href="https://{portal.host}/rss/terkini.xml">\n'
            f"{extra}"
            '<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js">'
            "</script>\n"
            "</head>\n"
        )

    def _header(self, portal: Portal) -> str:
        portals = "".join(
            f'<li class="nav-item"><a class="nav-link" href="https://{PORTALS[k].host}/">'
            f"{esc(region_name(PORTALS[k]))}</a></li>"
            for k in MENU_PORTALS
            if k != portal.key
        )
        sections = "".join(
            f'<li class="nav-item"><a class="nav-link" href="{href}">{esc(label)}</a></li>'
            for label, href in MENU_SECTIONS
        )
        return (
            '<header class="header-news">\n'
            '<div class="topbar"><ul class="topbar-link">'
            '<li><a href="https://www.antaranews.com/">ANTARA News</a></li>'
            '<li><a href="https://en.antaranews.com/">English</a></li>'
            f'<li><a href="https://{portal.host}/rss">RSS</a></li></ul></div>\n'
            '<nav class="navbar navbar-expand-lg navbar-light">'
            f'<a class="navbar-brand" href="https://{portal.host}/">'
            f'<img src="https://{portal.host}/img/antaranews.png" alt="{esc(site_name(portal))}">'
            "</a>\n"
            f'<ul class="navbar-nav">{sections}'
            '<li class="nav-item dropdown"><a class="nav-link dropdown-toggle" href="#">Daerah</a>'
            f'<ul class="dropdown-menu">{portals}</ul></li></ul>\n'
            f'<form class="search" action="https://{portal.host}/search" method="get">'
            '<input type="text" name="q" placeholder="Cari berita"></form>\n'
            "</nav>\n</header>\n"
        )

    def _sidebar(self, portal: Portal) -> str:
        items = "".join(
            '<article class="card__post card__post-small">'
            '<div class="card__post__title"><h4>'
            f'<a href="{esc(a.url)}" title="{esc(a.title)}">{esc(a.title)}</a></h4></div>'
            '<div class="card__post__author-info"><span class="text-secondary">'
            f"{esc(listing_date(a.published, portal, self.now))}</span></div></article>\n"
            for a in self.popular_articles(portal.key)
        )
        return (
            '<div class="sidebar">\n<aside class="wrapper__list__popular">\n'
            '<h4 class="border_section">Terpopuler</h4>\n'
            f"{items}</aside>\n"
            '<div class="ads-sidebar"><ins class="adsbygoogle" data-ad-slot="99"></ins></div>\n'
            "</div>\n"
        )

    def _page_end(self, portal: Portal, *, close: str = "</div></main>") -> str:
        """The sidebar column, the end of the layout (``close``), the footer."""
        return (
            f'<div class="col-md-4">\n{self._sidebar(portal)}</div>\n{close}\n'
            f"{self._footer(portal)}</body>\n</html>\n"
        )

    def _footer(self, portal: Portal) -> str:
        return (
            '<footer class="footer">\n<div class="container"><ul class="list-inline">'
            '<li class="list-inline-item"><a href="https://www.antaranews.com/tentang-kami">'
            "Tentang Kami</a></li>"
            '<li class="list-inline-item"><a href="https://www.antaranews.com/kode-etik">'
            "Kode Etik</a></li>"
            f'<li class="list-inline-item"><a href="https://{portal.host}/rss">RSS</a></li>'
            '<li class="list-inline-item"><a href="https://www.antaranews.com/ketentuan-penggunaan">'
            "Ketentuan Penggunaan</a></li></ul>\n"
            f"<p>Copyright © {self.now.year} {esc(site_name(portal))}. All rights reserved.</p>"
            "\n</div>\n</footer>\n"
        )

    # article designs --------------------------------------------------------------------
    def _json_ld(self, a: Article) -> str:
        data: dict = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "mainEntityOfPage": {"@type": "WebPage", "@id": a.url},
            "headline": a.title,
            "description": a.description,
            "image": {"@type": "ImageObject", "url": a.image_url, "width": 730, "height": 487},
            "datePublished": iso(a.published, a.port),
        }
        if a.updated is not None:
            data["dateModified"] = iso(a.updated, a.port)
        data["author"] = {"@type": "Person", "name": a.reporter}
        if a.editor:
            data["editor"] = {"@type": "Person", "name": a.editor}
        data["publisher"] = {
            "@type": "Organization",
            "name": site_name(a.port),
            "logo": {"@type": "ImageObject", "url": f"https://{a.host}/img/antaranews.png"},
        }
        if a.category:
            data["articleSection"] = a.category
        if a.tags:
            data["keywords"] = ", ".join(a.tags)
        crumbs = {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": "Beranda",
                 "item": f"https://{a.host}/"},
                {"@type": "ListItem", "position": 2, "name": a.category or "Berita",
                 "item": f"https://{a.host}/{slugify(a.category or 'berita')}"},
            ],
        }  # fmt: skip
        return (
            f'<script type="application/ld+json">{json_ld(crumbs)}</script>\n'
            f'<script type="application/ld+json">{json_ld(data)}</script>\n'
        )

    def _article_meta(self, a: Article, *, amp: bool = False) -> str:
        meta = [
            '<meta property="og:type" content="article">',
            f'<meta property="og:title" content="{esc(a.title)}">',
            f'<meta property="og:description" content="{esc(a.description)}">',
            f'<meta property="og:url" content="{esc(a.url)}">',
            f'<meta property="og:image" content="{esc(a.image_url)}">',
            f'<meta property="og:site_name" content="{esc(site_name(a.port))}">',
        ]
        if a.tags:
            meta.append(f'<meta name="keywords" content="{esc(", ".join(a.tags))}">')
        if not amp:
            meta.append(f'<link rel="amphtml" href="{esc(a.amp_url)}">')
        return "\n".join(meta) + "\n"

    def _article_head(self, a: Article) -> str:
        """The ``<head>`` of the current and old designs."""
        extra = self._article_meta(a) + ("" if a.no_jsonld else self._json_ld(a))
        return self._head(
            a.port, f"{a.title} - {site_name(a.port)}", canonical=a.url,
            description=a.description, extra=extra,
        )  # fmt: skip

    def _links_after(self, a: Article) -> dict[int, list[tuple[str, str]]]:
        after: dict[int, list[tuple[str, str]]] = {}
        for pos, link in zip(a.link_positions(), a.related, strict=True):
            after.setdefault(pos, []).append(link)
        return after

    def _byline(self, a: Article, *, cls: str = "text-muted mt-2 small") -> str:
        editor = a.editor or ""
        if a.byline_style == "spaced":
            text = (
                f"Pewarta : {esc(a.reporter)}<br>Editor : {esc(editor)}<br>"
                f"COPYRIGHT © ANTARA {self.now.year}"
            )
        else:
            text = (
                f"Pewarta: {esc(a.reporter)}<br>Editor: {esc(editor)}<br>"
                f"Copyright © ANTARA {self.now.year}"
            )
        return f'<p class="{cls}">{text}</p>'

    def _current_body(self, a: Article) -> str:
        # mode 0: every paragraph a <p>; 1: <p> mixed with bare text; 2: bare text only.
        mode = int(a.id) % 3
        after = self._links_after(a)
        ad_at = min(2, len(a.paragraphs) - 1)
        parts: list[str] = []
        for i, para in enumerate(a.paragraphs):
            bare = mode == 2 or (mode == 1 and i in (2, 3))
            parts.append(f"{txt(para)}<br><br>" if bare else f"<p>{txt(para)}</p>")
            if i == ad_at:
                parts.append(AD_SNIPPET)
            parts += [_baca_juga(href, title) for href, title in after.get(i, [])]
        return "\n".join(parts)

    def render_article(self, a: Article) -> str:
        """The page at the canonical URL, in the article's design."""
        if a.design == "old":
            return self.render_old(a)
        if a.design == "amp":
            return self.render_amp(a)
        if a.design == "unknown":
            return self.render_unknown(a)
        return self.render_current(a)

    def render_current(self, a: Article) -> str:
        portal = a.port
        head = self._article_head(a)
        body = self._current_body(a)
        if a.body_twice:
            body = body + "\n" + body
        category = (
            f'<li class="breadcrumb-item"><a href="/{slugify(a.category)}">{esc(a.category)}</a>'
            "</li>"
            if a.category
            else ""
        )
        tags = "".join(
            f'<li class="list-inline-item"><a href="/tag/{slugify(t)}">{esc(t)}</a></li>'
            for t in a.tags
        )
        return (
            f"{head}<body>\n{self._header(portal)}"
            '<main class="container"><div class="row">\n<div class="col-md-8">\n'
            '<div class="wrap__article-detail">\n'
            '<ul class="breadcrumb"><li class="breadcrumb-item"><a href="/">Beranda</a></li>'
            f"{category}</ul>\n"
            f'<div class="wrap__article-detail-title"><h1>{esc(a.title)}</h1></div>\n'
            '<div class="wrap__article-detail-info"><ul class="list-inline">'
            '<li class="list-inline-item"><span class="text-secondary">'
            f"{esc(visible_date(a.published, portal, zone=not a.no_zone))}</span></li>"
            '<li class="list-inline-item"><span class="text-secondary">'
            f'<i class="fa fa-clock-o"></i> Waktu baca {a.reading_minutes} menit</span></li>'
            "</ul></div>\n"
            '<div class="wrap__article-detail-image"><figure>'
            f'<img class="img-fluid lazyload" src="{PLACEHOLDER_IMG}" '
            f'data-src="{esc(a.image_url)}" alt="{esc(a.title)}">'
            f"<figcaption>{txt(a.image_caption)}</figcaption></figure></div>\n"
            '<div class="wrap__article-detail-content post-content">\n'
            f"{body}\n{self._byline(a)}\n<p>{esc(AI_NOTICE)}</p>\n</div>\n"
            '<div class="blog-tags"><ul class="blog-tags list-inline">'
            f'<li class="list-inline-item"><i class="fa fa-tags"></i></li>{tags}</ul></div>\n'
            '<div class="share-buttons"><a href="https://www.facebook.com/sharer/sharer.php?u='
            f'{esc(a.url)}">Bagikan</a></div>\n'
            "</div>\n</div>\n"
            f"{self._page_end(portal)}"
        )

    def render_unknown(self, a: Article) -> str:
        """A design no page class knows (a redesign): only metadata and plain markup."""
        portal = a.port
        extra = self._article_meta(a) + ("" if a.no_jsonld else self._json_ld(a))
        head = self._head(
            portal, f"{a.title} - {site_name(portal)}", canonical=a.url,
            description=a.description, extra=extra,
        )  # fmt: skip
        after = self._links_after(a)
        parts: list[str] = []
        for i, para in enumerate(a.paragraphs):
            parts.append(f"<p>{txt(para)}</p>")
            for href, title in after.get(i, []):
                parts.append(f'<p>Baca juga: <a href="{esc(href)}">{esc(title)}</a></p>')
        body = "\n".join(parts)
        return (
            f"{head}<body>\n{self._header(portal)}"
            '<main class="page">\n<article class="story">\n'
            f'<header class="story__header"><h1>{esc(a.title)}</h1>'
            f'<time datetime="{iso(a.published, a.port)}">'
            f"{esc(visible_date(a.published, portal))}</time></header>\n"
            f'<figure><img src="{esc(a.image_url)}" alt="{esc(a.title)}">'
            f"<figcaption>{txt(a.image_caption)}</figcaption></figure>\n"
            f'<div class="story__text">\n{body}\n{self._byline(a, cls="story__byline")}\n</div>\n'
            "</article>\n"
            f'<aside class="rail">\n{self._sidebar(portal)}</aside>\n</main>\n'
            f"{self._footer(portal)}</body>\n</html>\n"
        )

    def render_old(self, a: Article) -> str:
        portal = a.port
        head = self._article_head(a)
        after = self._links_after(a)
        chunks: list[str] = []
        for i, para in enumerate(a.paragraphs):
            chunks.append(txt(para))
            for href, title in after.get(i, []):
                chunks.append(f'Baca juga: <a href="{esc(href)}">{esc(title)}</a>')
        body = "<br><br>".join(chunks)
        if a.body_twice:
            body = body + "<br><br>" + body
        tags = " ".join(f'<a href="/tag/{slugify(t)}" rel="tag">{esc(t)}</a>' for t in a.tags)
        return (
            f"{head}<body>\n{self._header(portal)}"
            '<div class="container"><div class="row"><div class="col-md-8">\n'
            '<article class="post-wrapper">\n'
            '<header class="post-header">\n'
            f'<h1 class="post-title">{esc(a.title)}</h1>\n'
            '<div class="simple-share"><span class="article-date">'
            f"{esc(visible_date(a.published, portal, zone=not a.no_zone))}</span></div>\n"
            '<div class="wp-caption">'
            f'<img src="{esc(a.image_url)}" alt="{esc(a.title)}" class="img-responsive">'
            f'<p class="wp-caption-text">{txt(a.image_caption)}</p></div>'
            '<div class="clearfix"></div>'
            f'<div class="quote_old">{txt(a.quote)}</div>\n'
            "</header>\n"
            f'<div class="post-content clearfix">{body}</div>\n'
            '<footer class="post-meta"><div class="tags-wrapper">'
            f"Pewarta: {esc(a.reporter)}<br>Editor :&nbsp;{esc(a.editor or '')}<br>"
            f"COPYRIGHT © ANTARA {self.now.year}</div>\n"
            f'<div class="post-tags">{tags}</div></footer>\n'
            "</article>\n</div>\n"
            f"{self._page_end(portal, close='</div></div>')}"
        )

    def _amp_body(self, a: Article) -> str:
        after = self._links_after(a)
        parts: list[str] = []
        for i, para in enumerate(a.paragraphs):
            parts.append(f"<p>{txt(para)}</p>")
            if i == min(2, len(a.paragraphs) - 1):
                parts.append(AMP_AD)
            parts += [_baca_juga(href, title) for href, title in after.get(i, [])]
        return "\n".join(parts)

    def render_amp(self, a: Article) -> str:
        portal = a.port
        tags = "".join(f'<a href="/tag/{slugify(t)}">{esc(t)}</a>' for t in a.tags)
        body = self._amp_body(a)
        return (
            '<!doctype html>\n<html amp lang="id">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{esc(a.title)} - {esc(site_name(portal))}</title>\n"
            f'<link rel="canonical" href="{esc(a.url)}">\n'
            '<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">\n'
            f'<meta name="description" content="{esc(a.description)}">\n'
            f"{self._article_meta(a, amp=True)}"
            '<script async src="https://cdn.ampproject.org/v0.js"></script>\n'
            '<script async custom-element="amp-ad" '
            'src="https://cdn.ampproject.org/v0/amp-ad-0.1.js"></script>\n'
            "<style amp-boilerplate>body{visibility:hidden}</style>"
            "<noscript><style amp-boilerplate>body{visibility:visible}</style></noscript>\n"
            "<style amp-custom>.amp-title{font-size:22px}</style>\n"
            f"{'' if a.no_jsonld else self._json_ld(a)}"
            "</head>\n<body>\n"
            f'<header class="amp-header"><a href="https://{portal.host}/">'
            f"{esc(site_name(portal))}</a></header>\n"
            '<article class="amp-article">\n'
            f'<h1 class="amp-title">{esc(a.title)}</h1>\n'
            '<div class="amp-article-info"><span class="amp-date">'
            f"{esc(visible_date(a.published, portal, zone=not a.no_zone))}</span></div>\n"
            '<figure class="amp-figure">'
            f'<amp-img src="{esc(a.image_url)}" width="730" height="487" layout="responsive" '
            f'alt="{esc(a.title)}"></amp-img>'
            f"<figcaption>{esc(a.image_caption)}</figcaption></figure>\n"
            f'<div class="amp-article-body">\n{body}\n'
            f"{self._byline(a, cls='text-muted small')}\n</div>\n"
            f'<div class="amp-tags">{tags}</div>\n'
            "</article>\n"
            '<footer class="amp-footer"><p>Copyright © ANTARA '
            f"{self.now.year}</p></footer>\n</body>\n</html>\n"
        )

    def render_photo(self, p: Photo) -> str:
        portal = p.port
        extra = (
            '<meta property="og:type" content="article">\n'
            f'<meta property="og:title" content="{esc(p.title)}">\n'
            f'<meta property="og:url" content="{esc(p.url)}">\n'
            f'<meta property="og:image" content="{esc(p.image_url)}">\n'
        )
        head = self._head(
            portal, f"{p.title} - {site_name(portal)}", canonical=p.url,
            description=p.caption, extra=extra,
        )  # fmt: skip
        return (
            f"{head}<body>\n{self._header(portal)}"
            '<main class="container"><div class="row"><div class="col-md-8">\n'
            '<div class="wrap__article-detail wrap__photo-detail">\n'
            f'<div class="wrap__article-detail-title"><h1>{esc(p.title)}</h1></div>\n'
            '<div class="wrap__article-detail-info"><ul class="list-inline">'
            '<li class="list-inline-item"><span class="text-secondary">'
            f"{esc(visible_date(p.published, portal))}</span></li></ul></div>\n"
            '<div class="photo-gallery"><figure>'
            f'<img class="img-fluid" src="{esc(p.image_url)}" alt="{esc(p.title)}">'
            f"<figcaption>{esc(p.caption)} ({esc(p.photographer)})</figcaption></figure></div>\n"
            "</div></div>\n"
            f"{self._page_end(portal)}"
        )

    # feeds and listings ------------------------------------------------------------------
    def render_rss(self, portal_key: str, section: str = "terkini") -> str:
        portal = PORTALS[portal_key]
        label = {"terkini": "Berita Terkini", "hukum": "Hukum", "nusantara": "Nusantara"}.get(
            section, section.title()
        )
        items = []
        for entry in self.rss_entries(portal_key, section):
            link = entry.url
            if isinstance(entry, Article) and entry.rss_utm:
                link += "?utm_source=antaranews&utm_medium=rss&utm_campaign=terkini"
            img = f'<img src="{esc(entry.image_url)}" align="left" border="0">'
            items.append(
                "<item>\n"
                f"<title>{esc(entry.title)}</title>\n"
                f"<link>{esc(link)}</link>\n"
                f"<pubDate>{rss_date(entry.published, portal)}</pubDate>\n"
                f'<guid isPermaLink="true">{esc(entry.url)}</guid>\n'
                f"<description>{cdata(img + esc(entry.description))}</description>\n"
                "</item>"
            )
        built = rss_date(self.now, portal)
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n'
            f"<title>{esc(site_name(portal))} - {esc(label)}</title>\n"
            f"<link>https://{portal.host}/</link>\n"
            f"<description>{esc(label)} dari {esc(site_name(portal))}</description>\n"
            "<language>id</language>\n"
            f"<lastBuildDate>{built}</lastBuildDate>\n"
            f'<atom:link href="https://{portal.host}/rss/{section}.xml" rel="self" '
            'type="application/rss+xml"/>\n' + "\n".join(items) + "\n</channel>\n</rss>\n"
        )

    def render_listing(self, portal_key: str, section: str, page: int) -> str:
        portal = PORTALS[portal_key]
        pages = self.listing_pages(portal_key, section)
        entries = pages[page - 1]
        label = "Berita Terkini" if section == "terkini" else section.title()
        zone = portal_key not in self.zoneless_listings
        cards = []
        for i, entry in enumerate(entries):
            href = entry.url if i % 2 == 0 else entry.path
            no_zone = isinstance(entry, Article) and entry.no_zone
            date = listing_date(entry.published, portal, self.now, zone=zone and not no_zone)
            cards.append(
                '<article class="card__post card__post-list">\n'
                f'<div class="card__post__title"><h3><a href="{esc(href)}" '
                f'title="{esc(entry.title)}">{esc(entry.title)}</a></h3></div>\n'
                '<div class="card__post__author-info"><ul class="list-inline">'
                '<li class="list-inline-item"><span class="text-secondary">'
                f"{esc(date)}</span></li></ul></div>\n"
                "</article>"
            )
        pagination = ""
        if page < len(pages):
            pagination = (
                '<ul class="pagination"><li><a href="'
                f'{self.listing_path(section, page + 1)}">›</a></li></ul>\n'
            )
        canonical = f"https://{portal.host}{self.listing_path(section, page)}"
        title = f"{label} - {site_name(portal)}"
        if page > 1:
            title = f"{label} - Halaman {page} - {site_name(portal)}"
        head = self._head(
            portal, title, canonical=canonical,
            description=f"{label} dari {site_name(portal)}",
        )  # fmt: skip
        return (
            f"{head}<body>\n{self._header(portal)}"
            '<main class="container"><div class="row">\n<div class="col-md-8">\n'
            f'<h1 class="border_section">{esc(label)}</h1>\n'
            '<div class="wrapper__list__article">\n'
            + "\n".join(cards)
            + "\n</div>\n"
            + pagination
            + "</div>\n"
            f"{self._page_end(portal)}"
        )

    # truth ------------------------------------------------------------------------------
    def manifest(self) -> dict:
        """What the written mirror contains, as JSON-able data (see tests/sites.py)."""
        return {
            "now": iso(self.now),
            "portals": list(self._portals),
            "articles": {a.key: self._article_facts(a) for a in self.articles},
            "photos": {p.key: _photo_facts(p) for p in self.photos},
            "rss": {
                f"{key}:{section}": self._feed_facts(key, section)
                for key in self._portals
                for section in self.feed_sections(key)
            },
            "listings": {
                f"{key}:{section}": {"portal": key, "pages": self._listing_facts(key, section)}
                for key in self._portals
                for section in self.listing_sections(key)
            },
            "robots": {PORTALS[k].host: self.robots_txt(k) for k in self._portals},
            "disallowed": {k: list(v) for k, v in self.disallowed.items()},
            "popular": {k: [a.key for a in self.popular_articles(k)] for k in self._portals},
        }

    def _article_facts(self, a: Article) -> dict:
        """An article's description; ``expected`` holds what extraction must find."""
        related = self._related_facts(a)
        shows_category = a.design == "current" or not a.no_jsonld
        expected = {
            **_extracted_fields(a),
            "category": a.category if shows_category else None,
            "related": [
                {"url": r["url"], "title": r["title"]} for r in related if r["kind"] == "article"
            ],
        }
        return {
            "expected": expected,
            "key": a.key,
            "article_id": a.id,
            "amp_url": a.amp_url,
            **_extracted_fields(a),
            "category": a.category,
            "paragraphs": list(a.paragraphs),
            "related": related,
            "design": a.design,
            "body_twice": a.body_twice,
            "no_jsonld": a.no_jsonld,
            "no_zone": a.no_zone,
            "in_rss": a.in_rss,
            "in_listing": a.in_listing,
            "police": a.police,
            "trap": a.trap,
            "note": a.note,
        }

    def _related_facts(self, a: Article) -> list[dict]:
        """Each "Baca juga" link: ``href`` as printed, canonical ``url``, ``title``, ``kind``
        of page, article ``key`` and whether the mirror holds the page (``exists``)."""
        keys = {article.key for article in self.articles}
        photo_urls = {photo.url for photo in self.photos}
        facts = []
        for href, absolute, title in a.resolved_related():
            ref = article_ref(absolute)
            kind = url_kind(absolute)
            if ref is not None:
                exists = ref.key in keys
            else:
                exists = kind == "photo" and absolute.split("?")[0] in photo_urls
            facts.append(
                {"href": href, "url": ref.url if ref else absolute, "title": title, "kind": kind,
                 "key": ref.key if ref else None, "exists": exists}
            )  # fmt: skip
        return facts

    def _feed_facts(self, key: str, section: str) -> dict:
        return {
            "portal": key,
            "url": f"https://{PORTALS[key].host}/rss/{section}.xml",
            "entries": [_entry_ref(e) for e in self.rss_entries(key, section)],
        }

    def _listing_facts(self, key: str, section: str) -> list[dict]:
        """Each page of a listing: its address, cards, and newest and oldest card dates."""
        portal = PORTALS[key]
        pages = []
        for number, entries in enumerate(self.listing_pages(key, section), start=1):
            path = self.listing_path(section, number)
            dates = [iso(entry.published, portal) for entry in entries]
            pages.append(
                {
                    "url": f"https://{portal.host}{path}",
                    "path": f"/{portal.host}{path}",
                    "entries": [_entry_ref(e) for e in entries],
                    "newest": dates[0] if dates else None,
                    "oldest": dates[-1] if dates else None,
                }
            )
        return pages


def _extracted_fields(a: Article) -> dict:
    """The fields extraction finds on every design (category and related aside)."""
    return {
        "id": a.key,
        "url": a.url,
        "portal": a.portal,
        "province": a.port.province,
        "title": a.title,
        "published_at": iso(a.published, a.port),
        "updated_at": iso(a.updated, a.port) if a.updated else None,
        "reporter": a.reporter or None,
        "editor": a.editor or None,
        "dateline": a.dateline,
        "tags": list(a.tags),
        "image_url": a.image_url,
        "image_caption": a.image_caption,
        "summary": a.description,
        "body": a.body,
    }


def _photo_facts(p: Photo) -> dict:
    return {
        "url": p.url,
        "path": f"/{p.relpath.removesuffix('.html')}",
        "title": p.title,
        "in_feeds": p.in_feeds,
    }


def _baca_juga(href: str, title: str) -> str:
    """A "Baca juga" (read also) paragraph of the current and AMP designs."""
    return (
        f'<p><span class="baca-juga">Baca juga: <a href="{esc(href)}">{esc(title)}</a></span></p>'
    )


def _entry_ref(entry: Entry) -> dict:
    if isinstance(entry, Photo):
        return {"key": None, "photo": entry.key, "url": entry.url, "kind": "photo",
                "published_at": iso(entry.published, entry.port)}  # fmt: skip
    return {"key": entry.key, "url": entry.url, "kind": "article",
            "published_at": iso(entry.published, entry.port)}  # fmt: skip
