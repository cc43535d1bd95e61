"""ANTARA's older article design (about 2018-2023): ``post-header``, ``post-content``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from itertools import chain

from lxml import etree

from antara_crawl.extract.designs.base import ArticlePage, Document, css


class OlderPage(ArticlePage):
    """``header.post-header`` with ``h1.post-title``, the date in ``span.article-date`` or
    the share bar, the caption in ``.wp-caption-text``; a body of ``<br><br>``-separated
    text in ``div.post-content``; byline and tags in ``footer.post-meta .tags-wrapper``."""

    name = "older"
    seen_from = date(2018, 1, 1)  # "about 2018-2023", from public copies of pages
    seen_until = date(2023, 12, 31)
    always_has = frozenset({"title", "published_at", "body", "reporter", "dateline", "summary"})

    HEADER = css("header.post-header")
    BODY = css("div.post-content")
    TITLE = css("h1.post-title")
    DATE = css("span.article-date")
    SHARE_BAR = css("div.simple-share")
    IMAGE = css("div.wp-caption img")
    CAPTION = css("p.wp-caption-text")
    TAGS = css("div.tags-wrapper a")
    BYLINE = css("div.tags-wrapper")
    BREADCRUMB = css("ol.breadcrumb a")

    @classmethod
    def matches(cls, doc: Document) -> bool:
        return bool(doc.select(cls.HEADER)) and bool(doc.select(cls.BODY))

    def body_element(self) -> etree._Element | None:
        return self.densest(self.BODY)

    def title(self) -> str | None:
        return self.text(self.TITLE) or super().title()

    def published_at(self) -> datetime | None:
        return (
            super().published_at()
            or self.visible_date(self.DATE)
            or self.visible_date(self.SHARE_BAR)
        )

    def updated_at(self) -> datetime | None:
        return super().updated_at() or self.visible_date(self.DATE, updated=True)

    def byline_places(self) -> Iterator[str]:
        return chain(self.byline_texts(self.BYLINE), super().byline_places())

    def category(self) -> str | None:
        return super().category() or self.last_section(self.BREADCRUMB)

    def tags(self) -> list[str]:
        return self.tag_texts(self.TAGS) or super().tags()

    def image_url(self) -> str | None:
        return super().image_url() or self.image_source(self.IMAGE)

    def image_caption(self) -> str | None:
        return self.text(self.CAPTION)
