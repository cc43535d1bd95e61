"""ANTARA's AMP pages (``/amp/berita/…`` and ``…/amp``): ``amp-*`` classes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from itertools import chain

from lxml import etree

from antara_crawl.extract.designs.base import ArticlePage, Document, css


class AmpPage(ArticlePage):
    """``article.amp-article`` with ``h1.amp-title``, the date in ``span.amp-date`` or a
    ``<time>`` (sometimes with ``datetime``) in ``.amp-meta``, an ``amp-img`` figure and the
    body in ``.amp-article-body``."""

    name = "amp"
    seen_from = date(2018, 1, 1)  # assumed: as old as the older design; no evidence of a date
    seen_until = None
    always_has = frozenset({"title", "published_at", "body", "reporter", "dateline", "summary"})

    BODY = css("div.amp-article-body")
    TITLE = css("h1.amp-title")
    DATE = css("span.amp-date")
    TIME = css("div.amp-meta time")
    IMAGE = css("figure.amp-figure amp-img")
    CAPTION = css("figure.amp-figure figcaption")
    SECTION = css("div.amp-category a")
    TAGS = css("div.amp-tags a")
    BYLINE = css("p.text-muted")

    @classmethod
    def matches(cls, doc: Document) -> bool:
        return bool(doc.select(cls.BODY))

    def body_element(self) -> etree._Element | None:
        return self.densest(self.BODY)

    def title(self) -> str | None:
        return self.text(self.TITLE) or super().title()

    def published_at(self) -> datetime | None:
        return (
            super().published_at()
            or self.datetime_attribute(self.TIME)
            or self.visible_date(self.TIME)
            or self.visible_date(self.DATE)
        )

    def updated_at(self) -> datetime | None:
        return (
            super().updated_at()
            or self.visible_date(self.TIME, updated=True)
            or self.visible_date(self.DATE, updated=True)
        )

    def byline_places(self) -> Iterator[str]:
        return chain(self.byline_texts(self.BYLINE), super().byline_places())

    def category(self) -> str | None:
        return super().category() or self.last_section(self.SECTION)

    def tags(self) -> list[str]:
        return self.tag_texts(self.TAGS) or super().tags()

    def image_url(self) -> str | None:
        return super().image_url() or self.image_source(self.IMAGE)

    def image_caption(self) -> str | None:
        return self.text(self.CAPTION)
