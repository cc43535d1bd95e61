"""ANTARA article pages -> page fields of the item, one design at a time.

Each :class:`Design` names where a page design keeps its parts, as ordered XPath
chains; :func:`extract_article` tries the designs in order (current, older, AMP,
then a generic fallback) and falls back to JSON-LD and meta tags for every field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

from lxml import etree, html
from w3lib.encoding import html_to_unicode

from antara_crawl.extract.dates import format_iso, parse_iso, parse_visible_date
from antara_crawl.extract.errors import ExtractError, NotAnArticle
from antara_crawl.extract.text import (
    Body,
    body_blocks,
    normalize_space,
    parse_byline,
    split_body,
)
from antara_crawl.items import ArticleItem
from antara_crawl.urls import ArticleRef, article_ref, canonical_url, url_kind


def _has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


def _xpaths(*paths: str) -> tuple[etree.XPath, ...]:
    return tuple(etree.XPath(path) for path in paths)


@dataclass(frozen=True, slots=True)
class Design:
    """Where one page design keeps its parts, each an ordered chain of XPaths."""

    name: str
    body: tuple[etree.XPath, ...]
    title: tuple[etree.XPath, ...]
    date: tuple[etree.XPath, ...]
    caption: tuple[etree.XPath, ...]
    image: tuple[etree.XPath, ...]
    tags: tuple[etree.XPath, ...]


CURRENT = Design(
    name="current",
    body=_xpaths(f"//div[{_has_class('wrap__article-detail-content')}]"),
    title=_xpaths(f"//*[{_has_class('wrap__article-detail-title')}]//h1"),
    date=_xpaths(
        f"//*[{_has_class('wrap__article-detail-info')}]//span[{_has_class('text-secondary')}]",
        f"//*[{_has_class('wrap__article-detail-info')}]//li",
    ),
    caption=_xpaths(f"//*[{_has_class('wrap__article-detail-image')}]//figcaption"),
    image=_xpaths(f"//*[{_has_class('wrap__article-detail-image')}]//img"),
    tags=_xpaths(f"//ul[{_has_class('blog-tags')}]//a", f"//*[{_has_class('blog-tags')}]//a"),
)
OLDER = Design(
    name="older",
    body=_xpaths(f"//div[{_has_class('post-content')}]"),
    title=_xpaths(f"//h1[{_has_class('post-title')}]", "//header//h1"),
    date=_xpaths(
        f"//*[{_has_class('post-header')}]//span[{_has_class('article-date')}]",
        f"//span[{_has_class('article-date')}]",
        f"//*[{_has_class('simple-share')}]",
    ),
    caption=_xpaths(f"//*[{_has_class('wp-caption-text')}]"),
    image=_xpaths(
        f"//*[{_has_class('wp-caption')}]//img", f"//*[{_has_class('post-header')}]//img"
    ),
    tags=_xpaths(f"//*[{_has_class('tags-wrapper')}]//a"),
)
AMP = Design(
    name="amp",
    body=_xpaths(
        f"//*[{_has_class('amp-article-body')}]",
        "//*[@itemprop='articleBody']",
        f"//*[{_has_class('article-body')}]",
        f"//*[{_has_class('amp-content')}]",
    ),
    title=_xpaths("//article//h1", "//h1"),
    date=_xpaths("//article//time", f"//*[{_has_class('date')}]", "//time"),
    caption=_xpaths("//article//figcaption", "//figcaption"),
    image=_xpaths("//article//amp-img", "//amp-img", "//article//img"),
    tags=_xpaths(f"//*[{_has_class('tags')}]//a", "//a[@rel='tag']"),
)
DESIGNS: tuple[Design, ...] = (CURRENT, OLDER, AMP)

_JSON_LD = etree.XPath("//script[@type='application/ld+json']/text()")
_META = etree.XPath("//meta[@property=$key or @name=$key or @itemprop=$key]/@content")
_CANONICAL = etree.XPath("//link[@rel='canonical']/@href")
_TITLE_TAG = etree.XPath("//title")
_BREADCRUMB = etree.XPath(
    f"//*[{_has_class('breadcrumb')} or {_has_class('breadcrumbs')}]//a"
)
_BYLINE_TEXT = etree.XPath(
    "//*[not(self::script) and not(self::style)]"
    "/text()[contains(., 'Pewarta') or contains(., 'PEWARTA')]"
)
_GENERIC_DATE = etree.XPath(
    "//*[contains(@class, 'date') or contains(@class, 'time')][not(self::script)]"
)
_PARAGRAPH_HOSTS = etree.XPath("//p/.. | //br/..")
_TITLE_SUFFIX = re.compile(r"\s+[-|–—]\s+ANTARA(?:\s*News)?\b.*$", re.IGNORECASE)
_ARTICLE_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle"}
)
_NOT_CATEGORIES = frozenset({"beranda", "home", "antaranews", "antara", "berita"})


def parse_html(page: str | bytes, url: str) -> html.HtmlElement:
    """Parse a page into an lxml document, whatever its encoding; ExtractError if impossible."""
    if isinstance(page, bytes):
        _, page = html_to_unicode(None, page)
    data = page.encode("utf-8", "replace")
    if not data.strip():
        raise ExtractError(f"{url}: empty page")
    try:
        root = html.document_fromstring(data, parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ExtractError(f"{url}: not parseable as HTML ({exc})") from None
    if root is None:
        raise ExtractError(f"{url}: not parseable as HTML")
    return root


_PARSER = html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)


def extract_article(page: str | bytes, url: str) -> ArticleItem:
    """The page-derived fields of an article (see docs/schema.md).

    Raises NotAnArticle for photo, video, infographic, index and English pages, and
    ExtractError for a non-ANTARA URL or a page whose title, date or body cannot be
    found; both name the URL and what is missing.
    """
    kind = url_kind(url)
    if kind == "foreign":
        raise ExtractError(f"{url}: not an ANTARA portal URL")
    if kind != "article":
        raise NotAnArticle(f"{url}: a {kind} page, not an article")
    ref = article_ref(url)
    assert ref is not None  # url_kind said "article"
    root = parse_html(page, url)
    return _Page(root, ref, url).item()


class _Page:
    """One parsed page and the lookups its fields share."""

    def __init__(self, root: html.HtmlElement, ref: ArticleRef, url: str) -> None:
        self.root = root
        self.ref = ref
        self.url = url
        self.ld = _json_ld_article(root)
        self.design, self.container = _find_body(root)

    def meta(self, *keys: str) -> str | None:
        for key in keys:
            for value in _META(self.root, key=key):
                value = normalize_space(value)
                if value:
                    return value
        return None

    def first_text(self, chain: tuple[etree.XPath, ...]) -> str | None:
        for xpath in chain:
            for element in xpath(self.root):
                text = normalize_space(element.text_content())
                if text:
                    return text
        return None

    def item(self) -> ArticleItem:
        canonical_link = self._canonical_link()
        title = self._title()
        published = self._published()
        body = (
            split_body(body_blocks(self.container))
            if self.container is not None
            else Body([], None, [])
        )
        missing = [
            name
            for name, value in (
                ("title", title),
                ("publication date", published),
                ("article body", body.paragraphs),
            )
            if not value
        ]
        if missing:
            raise ExtractError(f"{self.url}: no {', '.join(missing)} found")
        reporter, editor = self._byline()
        image_url = self._image_url()
        return ArticleItem(
            id=self.ref.key,
            url=canonical_link,
            portal=self.ref.portal.key,
            province=self.ref.portal.province,
            title=title,
            published_at=format_iso(published) if published else None,
            updated_at=self._updated(),
            reporter=reporter,
            editor=editor,
            dateline=body.dateline,
            category=self._category(),
            tags=self._tags(),
            image_url=image_url,
            image_caption=self.first_text(self.design.caption),
            summary=self.meta("description", "og:description"),
            body="\n\n".join(body.paragraphs),
            related=self._related(body.read_also),
        )

    def _canonical_link(self) -> str:
        for href in _CANONICAL(self.root):
            if url_kind(href, self.url) in ("photo", "video", "infographic"):
                raise NotAnArticle(f"{self.url}: canonical URL {href} is not an article")
            ref = article_ref(href, self.url)
            if ref is not None and ref.key == self.ref.key and ref.slug:
                return ref.url
        if self.ref.slug is None:
            og_url = self.meta("og:url")
            ref = article_ref(og_url, self.url) if og_url else None
            if ref is not None and ref.key == self.ref.key:
                return ref.url
        return self.ref.url

    def _title(self) -> str | None:
        title = self.first_text(self.design.title)
        if title:
            return title
        for candidate in (
            _ld_text(self.ld.get("headline")),
            self.meta("og:title", "twitter:title"),
            self.first_text((_TITLE_TAG,)),
        ):
            if candidate:
                candidate = _TITLE_SUFFIX.sub("", candidate).strip()
                if candidate:
                    return candidate
        return None

    def _machine_date(self, ld_key: str, *meta_keys: str) -> datetime | None:
        zone = self.ref.portal.zone
        for value in (_ld_text(self.ld.get(ld_key)), self.meta(*meta_keys)):
            moment = parse_iso(value, zone) if value else None
            if moment is not None:
                return moment
        return None

    def _published(self) -> datetime | None:
        moment = self._machine_date(
            "datePublished", "article:published_time", "datePublished", "pubdate"
        )
        if moment is not None:
            return moment
        zone = self.ref.portal.zone
        for chain in (self.design.date, (_GENERIC_DATE,)):
            for xpath in chain:
                for element in xpath(self.root):
                    moment = parse_visible_date(element.text_content(), zone)
                    if moment is not None:
                        return moment
        return None

    def _updated(self) -> str | None:
        moment = self._machine_date("dateModified", "article:modified_time", "dateModified")
        return format_iso(moment) if moment else None

    def _byline(self) -> tuple[str | None, str | None]:
        for text_node in _BYLINE_TEXT(self.root):
            parent = text_node.getparent()
            reporter, editor = parse_byline(_text_with_breaks(parent))
            if reporter or editor:
                return reporter, editor
        authors = list(_ld_names(self.ld.get("author")))
        editors = list(_ld_names(self.ld.get("editor")))
        return (", ".join(authors) or None), (", ".join(editors) or None)

    def _category(self) -> str | None:
        section = _ld_text(self.ld.get("articleSection")) or self.meta("article:section")
        if section:
            return section
        for link in reversed(_BREADCRUMB(self.root)):
            text = normalize_space(link.text_content())
            if text and text.casefold() not in _NOT_CATEGORIES:
                return text
        return None

    def _tags(self) -> list[str]:
        for xpath in self.design.tags:
            tags = [normalize_space(a.text_content()).lstrip("#").strip() for a in xpath(self.root)]
            tags = list(dict.fromkeys(t for t in tags if t))
            if tags:
                return tags
        keywords = self.ld.get("keywords")
        if isinstance(keywords, str):
            keywords = keywords.split(",")
        if isinstance(keywords, list):
            return list(dict.fromkeys(k for k in (_ld_text(k) for k in keywords) if k))
        return []

    def _image_url(self) -> str | None:
        candidate = self.meta("og:image", "twitter:image") or _ld_image(self.ld.get("image"))
        if not candidate:
            for xpath in self.design.image:
                for img in xpath(self.root):
                    candidate = img.get("data-src") or img.get("src")
                    if candidate:
                        break
                if candidate:
                    break
        if not candidate or candidate.startswith("data:"):
            return None
        return urljoin(self.url, candidate)

    def _related(self, links: list[tuple[str, str]]) -> list[dict[str, str]]:
        related: dict[str, str] = {}
        for href, title in links:
            url = canonical_url(href, self.url)
            if url is not None and url not in related:
                related[url] = title
        return [{"url": url, "title": title} for url, title in related.items()]


def _find_body(root: html.HtmlElement) -> tuple[Design, html.HtmlElement | None]:
    for design in DESIGNS:
        for xpath in design.body:
            found = xpath(root)
            if found:
                return design, max(found, key=_text_weight) if len(found) > 1 else found[0]
    hosts = _PARAGRAPH_HOSTS(root)
    if not hosts:
        return AMP, None
    return AMP, max(hosts, key=_text_weight)


def _text_weight(element: html.HtmlElement) -> int:
    """How much paragraph text an element holds directly (its own text, ``<p>``s, ``<br>`` tails)."""
    weight = len((element.text or "").strip())
    for child in element:
        if child.tag == "p":
            weight += len(child.text_content())
        if child.tail:
            weight += len(child.tail.strip())
    return weight


def _text_with_breaks(element: html.HtmlElement) -> str:
    """An element's text with ``<br>`` and block ends as newlines."""
    parts: list[str] = []
    for node in element.iter():
        if node.tag in ("script", "style"):
            continue
        if node.tag == "br" or node.tag in ("p", "div", "li"):
            parts.append("\n")
        if node.text and node.tag != "br":
            parts.append(node.text)
        if node.tail and node is not element:
            parts.append(node.tail)
    return "".join(parts)


def _iter_ld_objects(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        for entry in value:
            yield from _iter_ld_objects(entry)
    elif isinstance(value, dict):
        yield value
        graph = value.get("@graph")
        if graph is not None:
            yield from _iter_ld_objects(graph)


def _json_ld_article(root: html.HtmlElement) -> dict[str, Any]:
    """The page's JSON-LD NewsArticle (or Article), or an empty dict."""
    for script in _JSON_LD(root):
        try:
            data = json.loads(script, strict=False)
        except ValueError:
            continue
        for obj in _iter_ld_objects(data):
            types = obj.get("@type")
            types = types if isinstance(types, list) else [types]
            if any(t in _ARTICLE_TYPES for t in types if isinstance(t, str)):
                return obj
    return {}


def _ld_text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = normalize_space(html.fromstring(f"<p>{value}</p>").text_content()) if (
            "&" in str(value) or "<" in str(value)
        ) else normalize_space(str(value))
        return text or None
    return None


def _ld_names(value: Any) -> Iterator[str]:
    for obj in value if isinstance(value, list) else [value]:
        if isinstance(obj, str):
            name = normalize_space(obj)
        elif isinstance(obj, dict) and obj.get("@type") != "Organization":
            name = _ld_text(obj.get("name")) or ""
        else:
            continue
        if name:
            yield name


def _ld_image(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl")
    return value if isinstance(value, str) and value.strip() else None
