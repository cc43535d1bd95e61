"""ANTARA article pages -> page fields of the item, through the page class of their design.

:func:`extract_page` recognises the page's design (:mod:`antara_crawl.extract.designs`),
reads the item with that design's page class, and reports which design it was and which
fields the design always has were missing; :func:`extract_article` returns the item alone.

An item is never returned unless its title, publication date and body are established
with confidence (otherwise ExtractError names the URL and the fields):

- title: the design's headline element, else the headline the page declares (JSON-LD,
  Open Graph, ``<title>`` without the site suffix); never the site's name alone;
- published_at: a machine-readable date (JSON-LD, meta tags, ``<time datetime>``) or an
  absolute date printed in the design's date place (for pages of unknown design, inside
  their ``<article>`` or ``<main>``); never a relative date ("2 jam lalu"), a date from
  the body text, or the time of the crawl;
- body: paragraphs of the design's body element (for pages of unknown design, the element
  holding the most paragraph text outside menus, headers, footers and sidebars, and at
  least a few sentences of it) whose text is mostly not link text, so never a menu.
"""

from __future__ import annotations

from dataclasses import dataclass

from antara_crawl.extract.designs import Document, recognise
from antara_crawl.extract.errors import ExtractError, NotAnArticle
from antara_crawl.extract.parsing import parse_html
from antara_crawl.items import ArticleItem
from antara_crawl.urls import article_ref, url_kind


@dataclass(frozen=True, slots=True)
class Extraction:
    """An extracted item, the design that read it (``"unknown"`` for the generic fallback),
    and the fields that design always has that this page lacked."""

    item: ArticleItem
    design: str
    missing: tuple[str, ...]


def extract_page(page: str | bytes, url: str) -> Extraction:
    """The page-derived item fields of an article page, with its design and missing fields.

    Raises NotAnArticle for photo, video, infographic, index and English pages, and
    ExtractError for a non-ANTARA URL or a page whose title, publication date or body
    cannot be established with confidence; both name the URL and what is missing.
    """
    kind = url_kind(url)
    if kind == "foreign":
        raise ExtractError(f"{url}: not an ANTARA portal URL", url=url)
    if kind != "article":
        raise NotAnArticle(f"{url}: a {kind} page, not an article")
    ref = article_ref(url)
    assert ref is not None  # url_kind said "article"
    doc = Document(parse_html(page, url), url, ref)
    design = recognise(doc)
    item = design(doc).to_item()
    missing = tuple(field for field in sorted(design.always_has) if not item[field])
    return Extraction(item, design.name, missing)


def extract_article(page: str | bytes, url: str) -> ArticleItem:
    """The page-derived fields of an article (see :func:`extract_page`)."""
    return extract_page(page, url).item
