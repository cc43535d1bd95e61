"""Pages of no known design: the article read from metadata and the densest paragraph text."""

from __future__ import annotations

from datetime import datetime

from lxml import etree

from antara_crawl.extract.designs.base import (
    ArticlePage,
    Document,
    article_link_keys,
    css,
    xpath,
)
from antara_crawl.extract.errors import NotAnArticle
from antara_crawl.extract.text import Body

_OUTSIDE_CHROME = (
    "not(ancestor-or-self::nav or ancestor-or-self::footer or ancestor-or-self::aside"
    " or ancestor-or-self::header[not(ancestor::article or ancestor::main)])"
)
INDEX_MIN_ARTICLE_LINKS = 5
"""A page of unknown design linking to this many other articles is an index, not an article."""
MIN_BODY_CHARS = 200
"""Less article text than this on a page of unknown design is not trusted to be the story."""


class GenericPage(ArticlePage):
    """The fallback when no design recognises a page (counted as ``unknown``).

    Only what can be trusted without knowing the layout: the headline and dates the page
    declares (JSON-LD, meta tags, ``<time datetime>``), else those printed inside its
    ``<article>`` or ``<main>``; the body is the element holding the most paragraph text
    outside menus, headers, footers and sidebars. A page without article metadata that
    looks like a list of articles is an index (NotAnArticle).
    """

    name = "unknown"

    PARAGRAPH_HOSTS = xpath(f"//p/parent::*[{_OUTSIDE_CHROME}] | //br/parent::*[{_OUTSIDE_CHROME}]")
    ARTICLES = css("article")
    HEADLINE = css("article h1, main h1")
    TIME = css("article time, main time")
    DATED = xpath(
        "//*[self::article or self::main]//*[contains(@class, 'date') or contains(@class, 'time')]"
    )
    IMAGE = css("article figure img")
    CAPTION = css("article figcaption")

    @classmethod
    def matches(cls, doc: Document) -> bool:
        """Any page: this is the last resort."""
        return True

    def check_is_article(self) -> None:
        """No article metadata, and a website type, several ``<article>`` cards, or links
        to many other articles: an index page."""
        doc = self.doc
        if doc.ld or doc.meta_value("og:type") == "article":
            return
        if (
            doc.meta_value("og:type") == "website"
            or len(doc.select(self.ARTICLES)) > 1
            or len(article_link_keys(doc)) >= INDEX_MIN_ARTICLE_LINKS
        ):
            raise NotAnArticle(f"{self.url}: an index page (no article markup, many article links)")

    def body_element(self) -> etree._Element | None:
        return self.densest(self.PARAGRAPH_HOSTS)

    def body_is_confident(self, body: Body) -> bool:
        return (
            super().body_is_confident(body)
            and sum(len(paragraph) for paragraph in body.paragraphs) >= MIN_BODY_CHARS
        )

    def title(self) -> str | None:
        return self.declared_title() or self.text(self.HEADLINE) or self.page_title()

    def published_at(self) -> datetime | None:
        return (
            super().published_at()
            or self.datetime_attribute(self.TIME)
            or self.visible_date(self.TIME)
            or self.visible_date(self.DATED)
        )

    def updated_at(self) -> datetime | None:
        return super().updated_at() or self.visible_date(self.DATED, updated=True)

    def image_url(self) -> str | None:
        return super().image_url() or self.image_source(self.IMAGE)

    def image_caption(self) -> str | None:
        return self.text(self.CAPTION)
