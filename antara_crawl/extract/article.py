"""ANTARA article pages -> page fields of the item, one design at a time.

Each :class:`Design` names where a page design keeps its parts, as ordered selector
chains; :func:`extract_article` tries the designs in order (current, older, AMP,
then a generic fallback) and falls back to JSON-LD and meta tags for every field.
Selectors are answered from :class:`Landmarks`, found in one pass over the page, so
extraction costs little more than parsing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

from lxml import etree
from w3lib.encoding import html_body_declared_encoding, html_to_unicode, read_bom

from antara_crawl.extract.dates import format_iso, parse_iso, parse_visible_date
from antara_crawl.extract.errors import ExtractError, NotAnArticle
from antara_crawl.extract.text import (
    Body,
    body_blocks,
    html_to_text,
    normalize_space,
    parse_byline,
    split_body,
    strip_read_also,
    text_of,
)
from antara_crawl.items import ArticleItem
from antara_crawl.urls import ArticleRef, article_ref, canonical_url, url_kind


@dataclass(frozen=True, slots=True)
class Selector:
    """A tiny CSS subset: ``tag``, ``.class``, ``tag.class``, each with an optional descendant tag.

    ``.wrap__article-detail-title h1`` is the first ``h1`` inside an element of that class.
    """

    tag: str | None
    cls: str | None
    descendant: str | None

    @classmethod
    def parse(cls, text: str) -> Selector:
        head, _, descendant = text.partition(" ")
        tag, _, klass = head.partition(".")
        return cls(tag or None, klass or None, descendant or None)


def _selectors(*texts: str) -> tuple[Selector, ...]:
    return tuple(Selector.parse(text) for text in texts)


@dataclass(frozen=True, slots=True)
class Design:
    """Where one page design keeps its parts, each an ordered chain of selectors."""

    name: str
    body: tuple[Selector, ...]
    title: tuple[Selector, ...]
    date: tuple[Selector, ...]
    caption: tuple[Selector, ...]
    image: tuple[Selector, ...]
    tags: tuple[Selector, ...]


CURRENT = Design(
    name="current",
    body=_selectors("div.wrap__article-detail-content"),
    title=_selectors(".wrap__article-detail-title h1", "h1.wrap__article-detail-title"),
    date=_selectors(".wrap__article-detail-info span", ".wrap__article-detail-info li"),
    caption=_selectors(".wrap__article-detail-image figcaption"),
    image=_selectors(".wrap__article-detail-image img"),
    tags=_selectors("ul.blog-tags a", ".blog-tags a"),
)
OLDER = Design(
    name="older",
    body=_selectors("div.post-content"),
    title=_selectors("h1.post-title", ".post-header h1"),
    date=_selectors("span.article-date", ".simple-share"),
    caption=_selectors(".wp-caption-text"),
    image=_selectors(".wp-caption img", ".post-header img"),
    tags=_selectors(".tags-wrapper a"),
)
AMP = Design(
    name="amp",
    body=_selectors(".amp-article-body", ".article-body", ".amp-content"),
    title=_selectors("article h1", "h1"),
    date=_selectors("article time", "time"),
    caption=_selectors("article figcaption", "figcaption"),
    image=_selectors("article amp-img", "figure amp-img", "article img"),
    tags=_selectors(".tags a", ".amp-tags a"),
)
GENERIC = Design(
    name="generic",
    body=_selectors("article"),
    title=AMP.title,
    date=AMP.date,
    caption=AMP.caption,
    image=AMP.image,
    tags=AMP.tags,
)
"""An unknown design: the body is the element with the most paragraph text. Without
article metadata, such a page with a website type or many article links is an index."""
DESIGNS: tuple[Design, ...] = (CURRENT, OLDER, AMP, GENERIC)
INDEX_MIN_ARTICLE_LINKS = 5
"""A page of unknown design linking to this many other articles is an index, not an article."""

# Page-wide parts, whatever the design.
_BYLINE_PLACES = _selectors("p.text-muted", ".tags-wrapper", ".post-meta")
_BREADCRUMB = _selectors(".breadcrumb a", ".breadcrumbs a", ".amp-category a")
_LANDMARK_TAGS = frozenset({"title", "h1", "time", "figcaption", "article", "amp-img"})
# Elements that may carry a landmark class; links, list items, icons and images, most of a
# page's chrome, never start a selector and are not scanned.
_SCANNED_TAGS = (
    *_LANDMARK_TAGS, "div", "section", "main", "header", "footer", "aside", "nav", "ul", "ol",
    "span", "p", "h2", "figure", "small", "em", "strong", "blockquote", "table", "td",
)  # fmt: skip


_LANDMARK_CLASSES = frozenset(
    selector.cls
    for chain in (
        *(getattr(design, part) for design in DESIGNS for part in Design.__slots__[1:]),
        _BYLINE_PLACES,
        _BREADCRUMB,
    )
    for selector in chain
    if selector.cls
)
_CLASS_CACHE: dict[str, tuple[tuple[str, ...], bool]] = {}


def _landmark_classes(classes: str) -> tuple[tuple[str, ...], bool]:
    """The landmark class names in a ``class`` attribute, and whether it mentions a date.

    Pages repeat the same class attributes many times, so answers are cached.
    """
    if len(_CLASS_CACHE) > 20_000:
        _CLASS_CACHE.clear()
    names = tuple(name for name in classes.split() if name in _LANDMARK_CLASSES)
    known = _CLASS_CACHE[classes] = (names, "date" in classes or "time" in classes)
    return known


_PARAGRAPH_HOSTS = etree.XPath("//p/.. | //br/..")
_BYLINE_TEXT = etree.XPath(
    ".//text()[contains(., 'Pewarta') or contains(., 'PEWARTA') or contains(., 'Editor')"
    " or contains(., 'EDITOR')][not(parent::script) and not(parent::style)]"
)
_EMPTY_EDITOR = re.compile(r"Editor\s*:\s*(?:\n|$|(?i:copyright|©))", re.IGNORECASE)
_INLINE_TAGS = frozenset({"strong", "b", "em", "i", "u", "span", "a", "small", "font"})
_UPDATE_MARK = re.compile(r"\s*(?:diperbarui|diperbaharui|updated?)\b", re.IGNORECASE)
_TITLE_SUFFIX = re.compile(r"\s+[-|–—]\s+ANTARA(?:\s*News)?\b.*$", re.IGNORECASE)
_ARTICLE_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle"}
)
_NOT_CATEGORIES = frozenset({"beranda", "home", "antaranews", "antara", "berita"})


class Landmarks:
    """The page's landmark elements, found in one pass and indexed by class and tag.

    Landmarks are the elements a selector can start from (their classes and tags are
    collected from the designs), meta and canonical links, JSON-LD scripts, and elements
    whose class mentions a date or time (the last fallback for the publication date).
    """

    def __init__(self, root: etree._Element) -> None:
        self.by_class: dict[str, list[etree._Element]] = {}
        self.by_tag: dict[str, list[etree._Element]] = {}
        self.dated: list[etree._Element] = []
        self.meta: dict[str, str] = {}
        for element in root.iter("meta"):
            content = element.get("content")
            if content:
                for attribute in ("property", "name", "itemprop"):
                    key = element.get(attribute)
                    if key:
                        self.meta.setdefault(key.lower(), content)
        self.canonical = [
            link.get("href", "")
            for link in root.iter("link")
            if link.get("rel") == "canonical" and link.get("href")
        ]
        self.json_ld = [
            script.text
            for script in root.iter("script")
            if script.get("type") == "application/ld+json" and script.text
        ]
        cache = _CLASS_CACHE
        by_tag, by_class = self.by_tag, self.by_class
        for element in root.iter(*_SCANNED_TAGS):
            tag = element.tag
            if tag in _LANDMARK_TAGS:
                by_tag.setdefault(tag, []).append(element)
            classes = element.get("class")
            if classes is None:
                continue
            names, dated = cache.get(classes) or _landmark_classes(classes)
            for name in names:
                by_class.setdefault(name, []).append(element)
            if dated:
                self.dated.append(element)

    def select(self, selector: Selector) -> Iterator[etree._Element]:
        """Elements matching ``selector``, in document order."""
        if selector.cls is not None:
            starts = self.by_class.get(selector.cls, ())
            if selector.tag is not None:
                starts = [e for e in starts if e.tag == selector.tag]
        else:
            starts = self.by_tag.get(selector.tag or "", ())
        if selector.descendant is None:
            yield from starts
            return
        for start in starts:
            yield from start.iter(selector.descendant)


def parse_html(page: str | bytes, url: str) -> etree._Element:
    """Parse a page into an lxml document, whatever its encoding; ExtractError if impossible.

    UTF-8 bytes (declared or undeclared, as ANTARA serves them) go to lxml as they are;
    other encodings are decoded first, as browsers do (BOM, then ``<meta charset>``).
    """
    if isinstance(page, bytes) and not _declares_utf8(page):
        declared = read_bom(page)[0] or html_body_declared_encoding(page)
        if declared not in (None, "utf-8", "utf8"):
            page = html_to_unicode(None, page)[1]
    data = page.encode("utf-8", "replace") if isinstance(page, str) else page
    if not data.strip():
        raise ExtractError(f"{url}: empty page")
    try:
        root = etree.fromstring(data, parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ExtractError(f"{url}: not parseable as HTML ({exc})") from None
    if root is None:
        raise ExtractError(f"{url}: not parseable as HTML")
    return root


def _declares_utf8(page: bytes) -> bool:
    """The common case, cheaply: ``<meta charset="utf-8">`` near the top, no BOM to obey."""
    head = page[:1024].lower()
    return not page.startswith((b"\xff\xfe", b"\xfe\xff")) and (
        b'charset="utf-8"' in head or b"charset=utf-8" in head
    )


# lxml's plain HTML parser: lxml.html's element classes would cost a Python call per element.
_PARSER = etree.HTMLParser(
    encoding="utf-8", remove_comments=True, remove_pis=True, collect_ids=False
)


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

    def __init__(self, root: etree._Element, ref: ArticleRef, url: str) -> None:
        self.root = root
        self.ref = ref
        self.url = url
        self.marks = Landmarks(root)
        self.ld = _json_ld_article(self.marks.json_ld)
        self.design, self.container = _find_body(root, self.marks)

    def meta(self, *keys: str) -> str | None:
        for key in keys:
            value = normalize_space(self.marks.meta.get(key.lower(), ""))
            if value:
                return value
        return None

    def first_text(self, chain: tuple[Selector, ...]) -> str | None:
        for selector in chain:
            for element in self.marks.select(selector):
                text = normalize_space(text_of(element))
                if text:
                    return text
        return None

    def item(self) -> ArticleItem:
        canonical_link = self._canonical_link()
        if self.design is GENERIC and self._looks_like_index():
            raise NotAnArticle(f"{self.url}: an index page (no article markup, many article links)")
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
            updated_at=self._updated(published),
            reporter=reporter,
            editor=editor,
            dateline=body.dateline,
            category=self._category(),
            tags=self._tags(),
            image_url=image_url,
            image_caption=self.first_text(self.design.caption),
            summary=self._summary(),
            body="\n\n".join(body.paragraphs),
            related=self._related(body.read_also),
        )

    def _looks_like_index(self) -> bool:
        """No article metadata, and a website type, several ``<article>`` cards, or links to
        many other articles."""
        if self.ld or self.meta("og:type") == "article":
            return False
        if self.meta("og:type") == "website" or len(self.marks.by_tag.get("article", ())) > 1:
            return True
        keys = {
            ref.key
            for a in self.root.iter("a")
            if (ref := article_ref(a.get("href") or "", self.url))
        }
        keys.discard(self.ref.key)
        return len(keys) >= INDEX_MIN_ARTICLE_LINKS

    def _summary(self) -> str | None:
        """The page's description, entities decoded and tags dropped."""
        description = self.meta("description", "og:description")
        return normalize_space(html_to_text(description)) or None if description else None

    def _canonical_link(self) -> str:
        for href in self.marks.canonical:
            kind = url_kind(href, self.url)
            if kind not in ("article", "foreign"):
                raise NotAnArticle(f"{self.url}: canonical URL {href} is a {kind} page")
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
            self.first_text((Selector("title", None, None),)),
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
        """JSON-LD or meta date, else a ``<time datetime>``, else the visible date."""
        moment = self._machine_date(
            "datePublished", "article:published_time", "datePublished", "pubdate"
        )
        if moment is None:
            for element in self.marks.by_tag.get("time", ()):
                moment = parse_iso(element.get("datetime") or "", self.ref.portal.zone)
                if moment is not None:
                    return moment
        return moment or self._visible_date(updated=False)

    def _updated(self, published: datetime | None) -> str | None:
        """When the page says it was updated (not before publication); None otherwise."""
        moment = self._machine_date("dateModified", "article:modified_time", "dateModified")
        moment = moment or self._visible_date(updated=True)
        if moment is None or (published is not None and moment < published):
            return None
        return format_iso(moment)

    def _visible_date(self, *, updated: bool) -> datetime | None:
        """The first printed date of the design's date places (then any element whose class
        names a date) that is, or is not, marked as an update ("Diperbarui …")."""
        zone = self.ref.portal.zone
        candidates = [e for s in self.design.date for e in self.marks.select(s)]
        for element in candidates + self.marks.dated:
            text = text_of(element)
            if bool(_UPDATE_MARK.match(text)) != updated:
                continue
            moment = parse_visible_date(text, zone)
            if moment is not None:
                return moment
        return None

    def _byline(self) -> tuple[str | None, str | None]:
        """Reporter and editor from the "Pewarta: … Editor: …" byline, wherever it is and
        however it is split; else from JSON-LD's author and editor."""
        reporter = editor = None
        for text in self._byline_texts():
            found_reporter, found_editor = parse_byline(text)
            reporter, editor = reporter or found_reporter, editor or found_editor
            if reporter and (editor or _EMPTY_EDITOR.search(text)):
                break
        if reporter is None:
            reporter = ", ".join(_ld_names(self.ld.get("author"))) or None
        if editor is None:
            editor = ", ".join(_ld_names(self.ld.get("editor"))) or None
        return reporter, editor

    def _byline_texts(self) -> Iterator[str]:
        """Texts that may hold the byline: its usual places, then any text in the body and
        (when nothing was found yet) the page that mentions Pewarta or Editor."""
        for place in (e for s in _BYLINE_PLACES for e in self.marks.select(s)):
            yield _text_with_breaks(place)
        places = [self.root] if self.container is None else [self.container, self.root]
        for place in places:
            for text_node in _BYLINE_TEXT(place):
                holder = text_node.getparent()
                if text_node.is_tail and holder is not None:  # text after a <br>
                    holder = holder.getparent()
                while holder is not None and holder.tag in _INLINE_TAGS:  # <strong>Pewarta:
                    holder = holder.getparent()
                if holder is not None:
                    yield _text_with_breaks(holder)

    def _category(self) -> str | None:
        section = _ld_text(self.ld.get("articleSection")) or self.meta("article:section")
        if section:
            return section
        links = [a for s in _BREADCRUMB for a in self.marks.select(s)]
        for link in reversed(links):
            text = normalize_space(text_of(link))
            if text and text.casefold() not in _NOT_CATEGORIES:
                return text
        return None

    def _tags(self) -> list[str]:
        for selector in self.design.tags:
            tags = [
                normalize_space(text_of(a)).lstrip("#").strip() for a in self.marks.select(selector)
            ]
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
            for selector in self.design.image:
                for img in self.marks.select(selector):
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
                related[url] = strip_read_also(title)
        return [{"url": url, "title": title} for url, title in related.items()]


def _find_body(root: etree._Element, marks: Landmarks) -> tuple[Design, etree._Element | None]:
    """The first design whose body selector matches, and its body element.

    Without one, the element holding the most paragraph text (AMP and unknown designs).
    """
    for design in DESIGNS:
        for selector in design.body:
            found = list(marks.select(selector))
            if found:
                return design, max(found, key=_text_weight) if len(found) > 1 else found[0]
    hosts = _PARAGRAPH_HOSTS(root)
    return GENERIC, max(hosts, key=_text_weight) if hosts else None


def _text_weight(element: etree._Element) -> int:
    """How much paragraph text an element holds directly: own text, ``<p>``s, ``<br>`` tails."""
    weight = len((element.text or "").strip())
    for child in element:
        if child.tag == "p":
            weight += len(text_of(child))
        if child.tail:
            weight += len(child.tail.strip())
    return weight


def _text_with_breaks(element: etree._Element) -> str:
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


def _json_ld_article(scripts: list[str]) -> dict[str, Any]:
    """The page's JSON-LD NewsArticle (or Article), or an empty dict."""
    for script in scripts:
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
        text = normalize_space(html_to_text(str(value)))
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
