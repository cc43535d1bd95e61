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
    Every other request keeps Scrapy's default fingerprint.
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
                cached = hashlib.sha1(f"antara-article {ref.key}".encode()).digest()
            self._cache[request] = cached
        return cached
