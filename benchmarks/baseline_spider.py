"""The baseline of the crawl benchmark: a minimal Scrapy spider following the same links.

It reads the same RSS feeds and listing pages from the same loopback mirror server, follows
listing pagination and every article link (``/berita/{id}/…``, "Baca juga" included), and
does nothing else: no extraction, no items. Run by ``benchmarks/crawl.py`` with
``scrapy runspider`` outside the project, so none of the project's components load.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response

FOLLOW = re.compile(r"^/(berita/\d+/[^/]+|terkini(/\d+)?|hukum(/\d+)?)$")


class BaselineSpider(scrapy.Spider):
    """``-a mirror=http://127.0.0.1:PORT -a starts=URL,URL`` (real ANTARA URLs)."""

    name = "baseline"

    def __init__(self, mirror: str, starts: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.mirror = mirror.rstrip("/")
        self.starts = starts.split(",")

    def mirrored(self, url: str) -> str:
        parts = urlsplit(url)
        return f"{self.mirror}/{parts.netloc}{parts.path}"

    async def start(self) -> Any:
        for url in self.starts:
            yield scrapy.Request(self.mirrored(url), callback=self.parse)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[scrapy.Request]:
        host = urlsplit(response.url).path.split("/")[1]
        if response.url.endswith(".xml"):
            links = response.xpath("//item/link/text()").getall()
        else:
            links = response.css("a::attr(href)").getall()
        for link in links:
            parts = urlsplit(link)
            if FOLLOW.match(parts.path) and parts.netloc in ("", host):
                yield scrapy.Request(f"{self.mirror}/{host}{parts.path}", callback=self.parse)
