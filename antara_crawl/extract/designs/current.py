"""ANTARA's current article design (about late 2023 onward): ``wrap__article-detail-*`` blocks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from itertools import chain

from lxml import etree

from antara_crawl.extract.designs.base import ArticlePage, Document, css


class CurrentPage(ArticlePage):
    """Title, date line, image and body in ``wrap__article-detail-*`` blocks; the byline in
    ``p.text-muted``; tags in ``ul.blog-tags``; the section in the breadcrumbs."""

    name = "current"
    seen_from = date(2023, 10, 1)  # "about late 2023 onward", from public copies of pages
    seen_until = None
    always_has = frozenset(
        {
            "title", "published_at", "body", "reporter", "dateline", "category", "tags",
            "image_url", "image_caption", "summary",
        }
    )  # fmt: skip

    BODY = css("div.wrap__article-detail-content")
    TITLE = css("div.wrap__article-detail-title h1")
    DATE = css("div.wrap__article-detail-info span")
    IMAGE = css("div.wrap__article-detail-image img")
    CAPTION = css("div.wrap__article-detail-image figcaption")
    TAGS = css("ul.blog-tags a")
    BYLINE = css("p.text-muted")
    BREADCRUMBS = css("ul.breadcrumbs a")
    BREADCRUMB = css("ul.breadcrumb a")

    @classmethod
    def matches(cls, doc: Document) -> bool:
        return bool(doc.select(cls.BODY))

    def body_element(self) -> etree._Element | None:
        return self.densest(self.BODY)

    def title(self) -> str | None:
        return self.text(self.TITLE) or super().title()

    def published_at(self) -> datetime | None:
        return super().published_at() or self.visible_date(self.DATE)

    def updated_at(self) -> datetime | None:
        return super().updated_at() or self.visible_date(self.DATE, updated=True)

    def byline_places(self) -> Iterator[str]:
        return chain(self.byline_texts(self.BYLINE), super().byline_places())

    def category(self) -> str | None:
        return (
            super().category()
            or self.last_section(self.BREADCRUMBS)
            or self.last_section(self.BREADCRUMB)
        )

    def tags(self) -> list[str]:
        return self.tag_texts(self.TAGS) or super().tags()

    def image_url(self) -> str | None:
        return super().image_url() or self.image_source(self.IMAGE)

    def image_caption(self) -> str | None:
        return self.text(self.CAPTION)
