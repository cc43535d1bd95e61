"""The item users get: one ANTARA article (schema in docs/schema.md)."""

from __future__ import annotations

import scrapy

SCHEMA_VERSION = 2

PAGE_FIELDS: tuple[str, ...] = (
    "id",
    "url",
    "portal",
    "province",
    "title",
    "published_at",
    "updated_at",
    "reporter",
    "editor",
    "dateline",
    "category",
    "tags",
    "image_url",
    "image_caption",
    "summary",
    "body",
    "related",
)
"""The fields ``extract_article`` derives from the page itself."""


class ArticleItem(scrapy.Item):
    """One article, schema version 2. Field meanings are in docs/schema.md."""

    id = scrapy.Field()
    url = scrapy.Field()
    portal = scrapy.Field()
    province = scrapy.Field()
    title = scrapy.Field()
    published_at = scrapy.Field()
    updated_at = scrapy.Field()
    reporter = scrapy.Field()
    editor = scrapy.Field()
    dateline = scrapy.Field()
    category = scrapy.Field()
    tags = scrapy.Field()
    image_url = scrapy.Field()
    image_caption = scrapy.Field()
    summary = scrapy.Field()
    body = scrapy.Field()
    related = scrapy.Field()
    police = scrapy.Field()
    discovered_via = scrapy.Field()
    referrer = scrapy.Field()
    depth = scrapy.Field()
    content_hash = scrapy.Field()
    version = scrapy.Field()
    duplicate_of = scrapy.Field()
    crawled_at = scrapy.Field()
    withdrawn_at = scrapy.Field()  # only on the item saying an emitted article was withdrawn
    schema_version = scrapy.Field()
