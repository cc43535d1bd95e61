"""Request fingerprints that make every URL form of one article the same request."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from scrapy.utils.request import RequestFingerprinter

from antara_crawl.urls import article_ref

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler


class ArticleKeyFingerprinter:
    """Fingerprints article GET requests by article key ``(portal, id)``.

    AMP, ``m.``, tracked, slug-less and canonical URLs of one article then share one
    fingerprint, so Scrapy's dupefilter (or scrapy-redis's) downloads it once.
    A redirect from an article to another URL of itself (``/berita/{id}`` to its slug,
    ``http`` to ``https``) continues that one download: each hop gets a fingerprint of its
    own, so the dupefilter lets it through. Every other request keeps Scrapy's default.
    """

    def __init__(self, crawler: Crawler | None = None) -> None:
        self._default = RequestFingerprinter(crawler)
        self._cache: WeakKeyDictionary[Request, bytes] = WeakKeyDictionary()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArticleKeyFingerprinter:
        return cls(crawler)

    def fingerprint(self, request: Request) -> bytes:
        cached = self._cache.get(request)
        if cached is None:
            ref = article_ref(request.url) if request.method == "GET" else None
            if ref is None:
                cached = self._default.fingerprint(request)
            else:
                name = f"antara-article {ref.key}"
                hops = request.meta.get("redirect_urls") or []
                origin = article_ref(hops[0]) if hops else None
                if origin is not None and origin.key == ref.key:
                    name += f" redirect {len(hops)}"
                cached = hashlib.sha1(name.encode()).digest()
            self._cache[request] = cached
        return cached
