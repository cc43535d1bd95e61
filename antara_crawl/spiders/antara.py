"""The ``antara`` spider: discovery (RSS, listings) -> articles -> "Baca juga" articles.

The spider only routes: pages are parsed by :mod:`antara_crawl.extract`, police news is
recognised by :mod:`antara_crawl.police`, items are finished by the pipelines.
Discovery runs first; once every feed and listing page is read, the articles found
are requested, then the "Baca juga" articles one level at a time, so how an article
was found (``discovered_via``, ``depth``, ``referrer``) does not depend on download order.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any, NamedTuple

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider, IgnoreRequest

from antara_crawl.arguments import CrawlOptions
from antara_crawl.config import number_setting
from antara_crawl.extensions import ArticleState
from antara_crawl.extract import ExtractError, NotAnArticle, extract_page
from antara_crawl.extract.dates import format_iso
from antara_crawl.extract.listing import ListingEntry, parse_listing, parse_rss
from antara_crawl.items import ArticleItem
from antara_crawl.middlewares import NETWORK_ERRORS
from antara_crawl.police import DEFAULT_MIN_SCORE, analyse
from antara_crawl.portals import ANTARA_DOMAIN, Portal, portal_for_url
from antara_crawl.runs import PORTAL_STAT
from antara_crawl.urls import ArticleRef, article_ref, url_kind
from antara_crawl.warc import MISSING_FLAG

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from twisted.python.failure import Failure
    from typing_extensions import Self

    from antara_crawl.state import StateStore

FEEDS: dict[str, tuple[str, ...]] = {
    "www": ("rss/terkini.xml", "rss/hukum.xml", "rss/nusantara.xml")
}
LISTINGS: dict[str, tuple[str, ...]] = {"www": ("terkini", "hukum")}
_VIA_RANK = {"start_url": 0, "rss": 1, "listing": 2}
DISCOVERY_PRIORITY = 100
GONE_STATUSES = (404, 410)
LEVEL_BATCH = 1000
"""Articles of a "Baca juga" level handed to the scheduler at a time."""
NOT_MODIFIED = 304


class Pending(NamedTuple):
    """An article to request: its canonical URL, how it was found, from where, how deep."""

    url: str
    via: str
    referrer: str | None
    depth: int


def feed_urls(portal: Portal) -> list[str]:
    """The RSS feeds read for a portal."""
    return [f"{portal.base_url}/{path}" for path in FEEDS.get(portal.key, ("rss/terkini.xml",))]


def listing_url(portal_base: str, section: str, page: int) -> str:
    """Page ``page`` of a listing: ``/terkini``, ``/terkini/2``, …"""
    return f"{portal_base}/{section}" if page == 1 else f"{portal_base}/{section}/{page}"


class AntaraSpider(scrapy.Spider):
    """Police news from ANTARA's portals; arguments are documented in README.md."""

    name = "antara"
    allowed_domains = (ANTARA_DOMAIN,)  # enforced strictly by antara_crawl.containment
    max_listing_pages = 30
    min_police_score = DEFAULT_MIN_SCORE
    reextract = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args)
        self.options = CrawlOptions.parse(
            today=date.today(),
            default_window_days=int(kwargs.pop("_default_window_days", 3)),
            **kwargs,
        )
        self.arguments = {name: str(value) for name, value in kwargs.items()}
        self.now = datetime.now(timezone.utc)
        self._frontier: dict[str, Pending] = {}
        self._requested: set[str] = set()
        self._level: list[Pending] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        settings = crawler.settings
        kwargs.setdefault(
            "_default_window_days", number_setting(settings, "ANTARA_DEFAULT_WINDOW_DAYS")
        )
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._schedule_frontier, signal=signals.spider_idle)
        spider.max_listing_pages = int(number_setting(settings, "ANTARA_MAX_LISTING_PAGES"))
        spider.min_police_score = number_setting(settings, "ANTARA_POLICE_MIN_SCORE")
        if spider.options.reset_state:  # -a reset_state=true is the state's own setting
            settings.set("ANTARA_STATE_RESET", True, priority="spider")
        return spider

    @property
    def store(self) -> StateStore | None:
        """The cross-run state store, once the ArticleState extension has opened it."""
        state = self.crawler.get_extension(ArticleState)
        return state.store if state is not None else None

    # -- discovery -------------------------------------------------------------------

    async def start(self) -> AsyncIterator[scrapy.Request]:
        # Derived by the add-on, whose settings are applied after the spider is made.
        self.reextract = self.crawler.settings.getbool("ANTARA_REEXTRACT")
        for url in self.options.start_urls:
            for request in self._start_url_requests(url):
                yield request
        if self.options.start_urls:
            return
        for portal in self.options.portals:
            if "rss" in self.options.discovery:
                for url in feed_urls(portal):
                    yield self._discovery_request(url, self.parse_feed)
            if "listing" in self.options.discovery:
                for section in LISTINGS.get(portal.key, ("terkini",)):
                    yield self._listing_request(portal.base_url, section, 1)

    def _start_url_requests(self, url: str) -> Iterator[scrapy.Request]:
        kind = url_kind(url)
        if kind == "article":
            self._discover(url, "start_url")
        elif kind == "rss" or (kind != "foreign" and url.endswith(".xml")):
            yield self._discovery_request(url, self.parse_feed)
        elif kind in ("listing", "tag"):
            yield self._discovery_request(url, self.parse_listing_page, page=None)
        else:
            self.logger.warning("Ignoring start URL %s: a %s page", url, kind)
            stat = "offsite/start_url" if kind == "foreign" else f"skipped/{kind}"
            self.crawler.stats.inc_value(f"antara/{stat}")

    def _discovery_request(self, url: str, callback: Any, **cb_kwargs: Any) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.request_failed,
            cb_kwargs=cb_kwargs,
            priority=DISCOVERY_PRIORITY,
            meta={"handle_httpstatus_list": list(GONE_STATUSES)},
        )

    def _gone(self, response: Response, kind: str) -> bool:
        """Count a 404/410 answer; True if the response is one, or a page the replayed
        archives lack (counted by the replay)."""
        if MISSING_FLAG in response.flags:
            return True
        if response.status not in GONE_STATUSES:
            return False
        self.crawler.stats.inc_value(f"antara/{kind}/gone/{response.status}")
        self.logger.info("%s gone (%d): %s", kind.capitalize(), response.status, response.url)
        return True

    def _listing_request(
        self, base: str, section: str, page: int, full_page: int = 0
    ) -> scrapy.Request:
        return self._discovery_request(
            listing_url(base, section, page),
            self.parse_listing_page,
            page=page,
            section=section,
            base=base,
            full_page=full_page,
        )

    def parse_feed(self, response: Response) -> None:
        if self._gone(response, "feed"):
            return
        entries = parse_rss(response.body, portal_for_url(response.url).zone)
        self.crawler.stats.inc_value("antara/discovery/rss_items", len(entries))
        for entry in entries:
            self._discover_entry(entry, "rss", response.url)

    def parse_listing_page(
        self,
        response: Response,
        page: int | None,
        section: str | None = None,
        base: str | None = None,
        full_page: int = 0,
    ) -> Iterator[scrapy.Request]:
        """Read a listing page; request the next one unless this one reaches past ``since``,
        is shorter than a full page (the last one), or holds only known articles of a
        stretch an earlier run paginated through."""
        gone = self._gone(response, "listing")
        portal = portal_for_url(response.url)
        entries = [] if gone else parse_listing(response.body, response.url, portal.zone, self.now)
        self.crawler.stats.inc_value("antara/discovery/listing_items", len(entries))
        self.crawler.stats.inc_value("antara/discovery/listing_pages")
        for entry in entries:
            self._discover_entry(entry, "listing", response.url)
        if page is None or section is None or base is None:
            return
        listing = listing_url(base, section, 1)
        if not entries:
            # past the last page, the whole listing was read (unless the archives lack it)
            if page > 1 and MISSING_FLAG not in response.flags:
                self._record_floor(listing, date.min)
            return
        since = self.options.since
        dated = [portal.local_date(e.published) for e in entries if e.published]
        if dated and min(dated) < since:
            self.logger.debug("Listing %s reaches past since; stopping", response.url)
            self._record_floor(listing, since)
            return
        if page > 1 and len(entries) < full_page:
            self.logger.debug("Listing %s is its last page", response.url)
            self._record_floor(listing, date.min)
            return
        if (
            not self.reextract
            and self._only_known(entries, response.url)
            and self._floor_reaches(listing, since)
        ):
            self.logger.debug("Listing %s holds only known articles; stopping", response.url)
            return
        if page >= self.max_listing_pages:
            self.logger.info("Listing %s: page limit %d reached", response.url, page)
            return
        yield self._listing_request(base, section, page + 1, full_page=max(full_page, len(entries)))

    def _only_known(self, entries: list[ListingEntry], page_url: str) -> bool:
        refs = [ref for ref in (article_ref(e.url, page_url) for e in entries) if ref]
        store = self.store
        return bool(refs) and store is not None and all(store.is_known(r.key) for r in refs)

    def _floor_reaches(self, listing: str, since: date) -> bool:
        """Whether an earlier run read this listing back to ``since`` or further."""
        floor = self.store.listing_floor(listing) if self.store is not None else None
        return floor is not None and floor <= since

    def _record_floor(self, listing: str, day: date) -> None:
        if self.store is not None:
            self.store.record_listing_floor(listing, day)

    def _discover_entry(self, entry: ListingEntry, via: str, page_url: str) -> None:
        if entry.published is not None:
            day = portal_for_url(entry.url, page_url).local_date(entry.published)
            if not self.options.in_window(day):
                self.crawler.stats.inc_value("antara/discovery/out_of_window")
                return
        self._discover(entry.url, via, page_url)

    def _discover(self, url: str, via: str, page_url: str | None = None) -> None:
        ref = article_ref(url, page_url)
        if ref is None:
            self.crawler.stats.inc_value(f"antara/skipped/{url_kind(url, page_url)}")
            return
        known = self._frontier.get(ref.key)
        if known is None or _VIA_RANK[via] < _VIA_RANK[known.via]:
            self._frontier[ref.key] = Pending(ref.url, via, None, 0)

    # -- articles, one "Baca juga" level at a time ------------------------------------

    def _schedule_frontier(self) -> None:
        """When the spider is idle, request the next articles of the current level.

        First the articles discovery found (depth 0), then those their "Baca juga" links
        name (depth 1), and so on: each level is complete before the next is requested,
        so every article is reached at its smallest depth, whatever the download order.
        A level goes to the scheduler :data:`LEVEL_BATCH` articles at a time, so a large
        one waits as small tuples rather than as requests.
        """
        if not self._level:
            level, self._frontier = self._frontier, {}
            for key, pending in level.items():
                if key in self._requested:
                    continue
                self._count(key, "discovered")
                if self._wanted(key):
                    self._requested.add(key)
                    self._level.append(pending)
            if not self._level:  # the run is over now, not at the next idle check (5 s later)
                return
        batch, self._level = self._level[:LEVEL_BATCH], self._level[LEVEL_BATCH:]
        assert self.crawler.engine is not None
        for pending in batch:
            self.crawler.engine.crawl(self._article_request(pending))
        raise DontCloseSpider

    def _wanted(self, key: str) -> bool:
        """Whether to download an article: unknown to earlier runs, or worth a new look."""
        store, options = self.store, self.options
        if store is None:
            return True
        if self.reextract:  # every article reached is read again; only changes are emitted
            if store.is_known(key):
                self.crawler.stats.inc_value("antara/reextracted/known")
            return True
        wanted = store.needs_fetch(
            key,
            self.now,
            police_only=options.police_only,
            since=options.since,
            until=options.until,
            min_police_score=self.min_police_score,
        )
        if not wanted:
            self.crawler.stats.inc_value("antara/skipped/known")
        return wanted

    def _article_request(self, pending: Pending) -> scrapy.Request:
        """The article's request; conditional (``If-None-Match``, ``If-Modified-Since``) when
        its server gave validators the last time it was downloaded."""
        headers = {}
        ref = article_ref(pending.url)
        if ref is not None and self.store is not None:
            etag, last_modified = self.store.validators(ref.key)
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
        return scrapy.Request(
            pending.url,
            headers=headers,
            callback=self.parse_article,
            errback=self.request_failed,
            cb_kwargs={"via": pending.via, "referrer": pending.referrer, "depth": pending.depth},
            meta={"handle_httpstatus_list": [*GONE_STATUSES, NOT_MODIFIED]},
            priority=-pending.depth,  # a queue shared by workers serves shallow levels first
        )

    def _note_fetch(self, response: Response, ref: ArticleRef | None) -> None:
        """Remember when the article was downloaded, and its server's validators."""
        if ref is None or self.store is None:
            return
        etag, last_modified = (
            self.store.validators(ref.key)
            if response.status == NOT_MODIFIED
            else (_header(response, b"ETag"), _header(response, b"Last-Modified"))
        )
        fetched_at = datetime.now(timezone.utc).isoformat()
        self.store.note_fetch(ref.key, fetched_at, etag, last_modified)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        """One article page as an item, whatever its police score or date, with nothing
        remembered and no link followed: what ``scrapy parse URL`` shows."""
        item = self._extract(response, None)
        if item is not None:
            item["police"] = analyse(item["title"], item["body"]).as_field()
            item["discovered_via"], item["referrer"], item["depth"] = "start_url", None, 0
            yield item

    def _extract(self, response: Response, ref: ArticleRef | None) -> Any:
        """The article item of a page, or None (gone, not an article, refused), counted."""
        stats = self.crawler.stats
        if self._gone(response, "article"):
            if MISSING_FLAG not in response.flags:  # not gone: only missing from the archives
                self._skip(ref, "gone")
            return None
        try:
            extraction = extract_page(_page_of(response), response.url)
        except NotAnArticle as exc:
            stats.inc_value("antara/article/not_an_article")
            self.logger.info("Not an article: %s", exc)
            self._skip(ref, "not_an_article")
            return None
        except ExtractError as exc:
            stats.inc_value("antara/article/extract_error")
            if ref is not None:
                self._count(ref.key, "dropped/extract_error")
            for field in exc.fields:
                stats.inc_value(f"antara/extract/refused/{field}")
            self.logger.warning("Extraction failed, article dropped: %s", exc)
            return None
        stats.inc_value("antara/article/extracted")
        stats.inc_value(f"antara/extract/design/{extraction.design}")
        for field in extraction.missing:
            stats.inc_value(f"antara/extract/missing/{extraction.design}/{field}")
        return extraction.item

    def parse_article(
        self, response: Response, via: str, referrer: str | None, depth: int
    ) -> Iterator[Any]:
        stats = self.crawler.stats
        ref = article_ref(response.url)
        if response.status not in GONE_STATUSES:
            self._note_fetch(response, ref)
        if response.status == NOT_MODIFIED:
            stats.inc_value("antara/article/not_modified")
            if ref is not None:
                self._count(ref.key, "not_modified")
            return
        if response.status in GONE_STATUSES and ref is not None:
            withdrawal = self._withdrawal(ref.key, via, referrer, depth)
            if withdrawal is not None:
                yield withdrawal
        item = self._extract(response, ref)
        if item is None:
            return
        report = analyse(item["title"], item["body"])
        published = item["published_at"]
        if self.options.police_only and not report.is_police_at(self.min_police_score):
            stats.inc_value("antara/article/not_police")
            self._skip(ref, "not_police", published, report.score)
            return
        if not self.options.in_window(portal_for_url(item["url"]).local_date(published)):
            stats.inc_value("antara/article/out_of_window")
            self._skip(ref, "out_of_window", published)
            return
        item["police"] = report.as_field()
        item["discovered_via"] = via
        item["referrer"] = referrer
        item["depth"] = depth
        yield item
        if depth < self.options.related_depth:
            for link in item["related"]:
                target = article_ref(link["url"])
                if target is not None and target.key not in self._frontier:
                    self._frontier[target.key] = Pending(
                        target.url, "related", item["url"], depth + 1
                    )

    def _withdrawal(
        self, key: str, via: str, referrer: str | None, depth: int
    ) -> ArticleItem | None:
        """The item saying that an article emitted before is gone: its last version with
        ``withdrawn_at``; None if it was not emitted, is already withdrawn, or is not kept."""
        last = self.store.last_item(key) if self.store is not None else None
        if last is None or last.get("withdrawn_at"):
            return None
        self.crawler.stats.inc_value("antara/article/withdrawn")
        self.logger.info("Withdrawn: %s", last["url"])
        item = ArticleItem(**last)
        item["withdrawn_at"] = format_iso(datetime.now(timezone.utc))
        item["discovered_via"], item["referrer"], item["depth"] = via, referrer, depth
        return item

    def _skip(
        self,
        ref: ArticleRef | None,
        reason: str,
        published: str | None = None,
        police_score: float | None = None,
    ) -> None:
        """Remember an article this run downloaded but does not emit, so later runs need not."""
        if ref is not None:
            self._count(ref.key, f"dropped/{reason}")
        if ref is not None and self.store is not None:
            self.store.record_skipped(ref.key, reason, published, police_score=police_score)

    def _count(self, key: str, figure: str) -> None:
        """Count ``figure`` for the portal of article ``key`` (the run report's figures)."""
        self.crawler.stats.inc_value(f"{PORTAL_STAT}{key.split(':', 1)[0]}/{figure}")

    def request_failed(self, failure: Failure) -> None:
        request = failure.request
        stats = self.crawler.stats
        portal = portal_for_url(request.url).key
        if failure.check(IgnoreRequest):
            stats.inc_value("antara/request_ignored")
        elif failure.check(*NETWORK_ERRORS):
            stats.inc_value("antara/network_error")
            self._count(portal, "errors/network")
            self.logger.warning("Cannot reach %s: %s", request.url, failure.getErrorMessage())
        else:
            stats.inc_value(f"antara/request_failed/{failure.type.__name__}")
            status = getattr(getattr(failure.value, "response", None), "status", None)
            self._count(
                portal, f"errors/http_{status}" if status else f"errors/{failure.type.__name__}"
            )
            self.logger.warning(
                "Request failed: %s: %s", request.url, failure.getErrorMessage() or failure.type
            )


def _header(response: Response, name: bytes) -> str | None:
    """A response header as text, or None."""
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _page_of(response: Response) -> str | bytes:
    """The page for extraction: raw bytes when UTF-8 (the fast path), else Scrapy's decoded text."""
    encoding = getattr(response, "encoding", "utf-8").lower().replace("_", "-")
    return response.body if encoding in ("utf-8", "utf8") else response.text
