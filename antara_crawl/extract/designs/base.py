"""What every page design shares: the parsed document, selectors, and the page-wide fallbacks.

A design is a subclass of :class:`ArticlePage`: it names its selectors as class attributes
(``css(...)`` or ``xpath(...)``, so tests can list and try them), says how it is recognised
(:meth:`ArticlePage.matches`), which fields its pages always have, and overrides the field
methods whose first source is a place of its own, falling back to the shared readings
below (JSON-LD, meta tags, the byline text, the page's ``<title>``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from functools import cached_property
from typing import Any, ClassVar
from urllib.parse import urljoin

from lxml import etree
from parsel import Selector, SelectorList, css2xpath

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

REQUIRED_FIELDS = ("title", "published_at", "body")
"""Fields an item is never emitted without: each must be established with confidence."""


class Query:
    """A CSS or XPath selector of a design, compiled once, its text kept so that tests can
    list and try it.

    CSS is translated by parsel's own translator (``::text`` and ``::attr()`` allowed);
    calling the query on a parsel selector gives a parsel SelectorList, as ``.css()`` would.
    """

    __slots__ = ("_compiled", "kind", "text")

    def __init__(self, kind: str, text: str) -> None:
        self.kind = kind
        self.text = text
        self._compiled = etree.XPath(css2xpath(text) if kind == "css" else text)

    def __call__(self, selector: Selector) -> SelectorList[Selector]:
        return SelectorList(
            Selector(root=found, type="html", _expr=self.text)
            for found in self._compiled(selector.root)
        )

    def __repr__(self) -> str:
        return f"{self.kind}({self.text!r})"


def css(text: str) -> Query:
    """A CSS selector (parsel's dialect: ``::text`` and ``::attr(name)`` allowed)."""
    return Query("css", text)


def xpath(text: str) -> Query:
    """An XPath 1.0 expression that selects nodes (elements, text or attributes)."""
    return Query("xpath", text)


# Page-wide reads, whatever the design: precompiled once.
_TITLE = etree.XPath("//title")
_ARTICLE_LINKS = etree.XPath("//a/@href")
_BYLINE_TEXT = etree.XPath(
    ".//text()[contains(., 'Pewarta') or contains(., 'PEWARTA') or contains(., 'Editor')"
    " or contains(., 'EDITOR')][not(parent::script) and not(parent::style)]"
)
_ARTICLE_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle"}
)


class Document:
    """A parsed article page and what every design reads from it: meta tags, canonical
    links and the JSON-LD article, each read once."""

    def __init__(self, root: etree._Element, url: str, ref: ArticleRef) -> None:
        self.root = root
        self.selector = Selector(root=root, type="html")
        self.url = url
        self.ref = ref
        # <meta>, <link> and <script> are read in lxml's C-filtered passes over the tree,
        # quicker than an XPath each (they are read on every page).
        self.meta: dict[str, str] = {}
        for element in root.iter("meta"):
            attributes = element.attrib
            content = attributes.get("content")
            if content:
                for attribute in ("property", "name", "itemprop"):
                    key = attributes.get(attribute)
                    if key:
                        self.meta.setdefault(key.lower(), content)
        self.canonical: list[str] = [
            link.get("href", "")
            for link in root.iter("link")
            if link.get("rel") == "canonical" and link.get("href")
        ]
        self.ld: dict[str, Any] = json_ld_article(
            script.text
            for script in root.iter("script")
            if script.get("type") == "application/ld+json" and script.text
        )
        self._found: dict[Query, SelectorList[Selector]] = {}

    def select(self, query: Query) -> SelectorList[Selector]:
        """What ``query`` finds in the page; each query runs once per page."""
        found = self._found.get(query)
        if found is None:
            found = self._found[query] = query(self.selector)
        return found

    def meta_value(self, *keys: str) -> str | None:
        """The first non-empty ``<meta>`` content among ``keys`` (property, name or itemprop)."""
        for key in keys:
            value = normalize_space(self.meta.get(key, ""))
            if value:
                return value
        return None


_EMPTY_EDITOR = re.compile(r"Editor\s*:\s*(?:\n|$|(?i:copyright|©))", re.IGNORECASE)
_INLINE_TAGS = frozenset({"strong", "b", "em", "i", "u", "span", "a", "small", "font"})
_UPDATE_MARK = re.compile(r"\s*(?:diperbarui|diperbaharui|updated?)\b", re.IGNORECASE)
_TITLE_SUFFIX = re.compile(r"\s+[-|–—]\s+ANTARA(?:\s*News)?\b.*$", re.IGNORECASE)
_SITE_NAME = re.compile(r"^ANTARA\s*News\b(?:\s+\S+){0,2}$", re.IGNORECASE)
_NOT_CATEGORIES = frozenset({"beranda", "home", "antaranews", "antara", "berita"})
MAX_LINK_SHARE = 0.5
"""A body whose text is more than this share of link text is a menu or a list, not a story."""


class ArticlePage:
    """One article page of one design; each field a method, ``to_item()`` assembles them.

    The base methods are the readings every design shares: JSON-LD, meta tags, the
    ``<title>``. A design overrides a field when it has a place of its own for it, and
    falls back to these with ``super()``.
    """

    name: ClassVar[str]
    """Design name, as counted in ``antara/extract/design/<name>``."""
    seen_from: ClassVar[date | None] = None
    """When ANTARA was first seen serving this design (approximate)."""
    seen_until: ClassVar[date | None] = None
    """When it was last seen, None while it is still served (like fundus' VALID_UNTIL)."""
    always_has: ClassVar[frozenset[str]] = frozenset(REQUIRED_FIELDS)
    """Item fields every page of this design has; an empty one is reported as missing."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.url = doc.url
        self.ref = doc.ref
        self.zone = doc.ref.portal.zone

    @cached_property
    def container(self) -> etree._Element | None:
        """The body element, looked up once."""
        return self.body_element()

    @classmethod
    def matches(cls, doc: Document) -> bool:
        """Whether a page is of this design."""
        raise NotImplementedError

    @classmethod
    def selectors(cls) -> dict[str, Query]:
        """The design's own selectors by attribute name (the base's readings excluded)."""
        found: dict[str, Query] = {}
        for klass in reversed(cls.__mro__):
            if klass is not ArticlePage and issubclass(klass, ArticlePage):
                found.update((k, v) for k, v in vars(klass).items() if isinstance(v, Query))
        return found

    # -- helpers over the design's selectors ------------------------------------------

    def text(self, query: Query) -> str | None:
        """The text of the first element ``query`` finds that has any."""
        for found in self.doc.select(query):
            value = normalize_space(text_of(found.root))
            if value:
                return value
        return None

    def texts(self, query: Query) -> list[str]:
        """The non-empty texts of everything ``query`` finds, each once, in page order."""
        values = (normalize_space(text_of(found.root)) for found in self.doc.select(query))
        return list(dict.fromkeys(value for value in values if value))

    def visible_date(self, query: Query, *, updated: bool = False) -> datetime | None:
        """The first date printed in what ``query`` finds that is (or is not) marked as
        an update ("Diperbarui …"); absolute dates only, the portal's zone if none printed."""
        for found in self.doc.select(query):
            printed = text_of(found.root)
            if bool(_UPDATE_MARK.match(printed)) != updated:
                continue
            moment = parse_visible_date(printed, self.zone)
            if moment is not None:
                return moment
        return None

    def datetime_attribute(self, query: Query) -> datetime | None:
        """The first machine-readable ``datetime`` attribute of what ``query`` finds."""
        for value in self.doc.select(query).xpath("@datetime").getall():
            moment = parse_iso(value, self.zone)
            if moment is not None:
                return moment
        return None

    def image_source(self, query: Query) -> str | None:
        """The lazy (``data-src``) or plain source of the first image ``query`` finds."""
        for image in self.doc.select(query):
            source = image.attrib.get("data-src") or image.attrib.get("src")
            if source:
                return source
        return None

    def last_section(self, query: Query) -> str | None:
        """The last breadcrumb-like link text that names a section (not "Beranda")."""
        for section in reversed(self.texts(query)):
            if section.casefold() not in _NOT_CATEGORIES:
                return section
        return None

    def tag_texts(self, query: Query) -> list[str]:
        """Tag link texts without their ``#``, each once."""
        tags = (tag.lstrip("#").strip() for tag in self.texts(query))
        return list(dict.fromkeys(tag for tag in tags if tag))

    def byline_texts(self, query: Query) -> Iterator[str]:
        """The texts of the byline places ``query`` finds, ``<br>`` kept as line breaks."""
        for place in self.doc.select(query):
            yield _text_with_breaks(place.root)

    def densest(self, query: Query) -> etree._Element | None:
        """Of the elements ``query`` finds, the one holding the most paragraph text."""
        found = [match.root for match in self.doc.select(query)]
        if len(found) > 1:
            return max(found, key=_text_weight)
        return found[0] if found else None

    # -- fields: the shared readings, overridden by designs with places of their own ---

    def body_element(self) -> etree._Element | None:
        """The element holding the article text."""
        raise NotImplementedError

    def title(self) -> str | None:
        """The headline as declared (JSON-LD, Open Graph, Twitter), else the ``<title>``."""
        return self.declared_title() or self.page_title()

    def declared_title(self) -> str | None:
        """The headline of JSON-LD, then of the Open Graph or Twitter meta tags."""
        for candidate in (
            ld_text(self.doc.ld.get("headline")),
            self.doc.meta_value("og:title", "twitter:title"),
        ):
            if candidate and (headline := _TITLE_SUFFIX.sub("", candidate).strip()):
                return headline
        return None

    def page_title(self) -> str | None:
        """The ``<title>`` without its " - ANTARA News …" suffix."""
        for element in _TITLE(self.doc.root):
            headline = _TITLE_SUFFIX.sub("", normalize_space(text_of(element))).strip()
            if headline:
                return headline
        return None

    def published_at(self) -> datetime | None:
        """The machine-readable publication date: JSON-LD, then meta tags."""
        return self.machine_date(
            "datePublished", "article:published_time", "datepublished", "pubdate"
        )

    def updated_at(self) -> datetime | None:
        """The machine-readable modification date: JSON-LD, then meta tags."""
        return self.machine_date("dateModified", "article:modified_time", "datemodified")

    def machine_date(self, ld_key: str, *meta_keys: str) -> datetime | None:
        """A date from JSON-LD's ``ld_key``, else from the first of ``meta_keys``."""
        for value in (ld_text(self.doc.ld.get(ld_key)), self.doc.meta_value(*meta_keys)):
            moment = parse_iso(value, self.zone) if value else None
            if moment is not None:
                return moment
        return None

    def byline(self) -> tuple[str | None, str | None]:
        """Reporter and editor from the "Pewarta: … Editor: …" text in the body or page,
        however it is split; else JSON-LD's author and editor."""
        reporter, editor = self.parse_bylines(self.byline_places())
        if reporter is None:
            reporter = ", ".join(ld_names(self.doc.ld.get("author"))) or None
        if editor is None:
            editor = ", ".join(ld_names(self.doc.ld.get("editor"))) or None
        return reporter, editor

    def parse_bylines(self, texts: Iterator[str]) -> tuple[str | None, str | None]:
        """The first reporter and editor named in ``texts``; an explicitly empty editor
        ("Editor :" and nothing) ends the search."""
        reporter = editor = None
        for text in texts:
            found_reporter, found_editor = parse_byline(text)
            reporter, editor = reporter or found_reporter, editor or found_editor
            if reporter and (editor or _EMPTY_EDITOR.search(text)):
                break
        return reporter, editor

    def byline_places(self) -> Iterator[str]:
        """Texts that may hold the byline: any mentioning Pewarta or Editor, in the body
        first, then in the whole page."""
        container = self.container
        places = [self.doc.root] if container is None else [container, self.doc.root]
        for place in places:
            for text_node in _BYLINE_TEXT(place):
                holder = text_node.getparent()
                if text_node.is_tail and holder is not None:  # text after a <br>
                    holder = holder.getparent()
                while holder is not None and holder.tag in _INLINE_TAGS:  # <strong>Pewarta:
                    holder = holder.getparent()
                if holder is not None:
                    yield _text_with_breaks(holder)

    def category(self) -> str | None:
        """The section declared in JSON-LD or meta tags."""
        return ld_text(self.doc.ld.get("articleSection")) or self.doc.meta_value("article:section")

    def tags(self) -> list[str]:
        """JSON-LD keywords."""
        keywords = self.doc.ld.get("keywords")
        if isinstance(keywords, str):
            keywords = keywords.split(",")
        if isinstance(keywords, list):
            return list(dict.fromkeys(k for k in (ld_text(k) for k in keywords) if k))
        return []

    def image_url(self) -> str | None:
        """The declared lead image: Open Graph, Twitter, then JSON-LD."""
        return self.doc.meta_value("og:image", "twitter:image") or ld_image(
            self.doc.ld.get("image")
        )

    def image_caption(self) -> str | None:
        """The lead image's caption; only designs know where it is."""
        return None

    def summary(self) -> str | None:
        """The page's description, entities decoded and tags dropped."""
        description = self.doc.meta_value("description", "og:description")
        return normalize_space(html_to_text(description)) or None if description else None

    def canonical_url(self) -> str:
        """The article's canonical URL, with the slug the page declares when the link had none.

        NotAnArticle when the page's canonical link is a photo, video or other page."""
        for href in self.doc.canonical:
            kind = url_kind(href, self.url)
            if kind not in ("article", "foreign"):
                raise NotAnArticle(f"{self.url}: canonical URL {href} is a {kind} page")
            ref = article_ref(href, self.url)
            if ref is not None and ref.key == self.ref.key and ref.slug:
                return ref.url
        if self.ref.slug is None:
            og_url = self.doc.meta_value("og:url")
            ref = article_ref(og_url, self.url) if og_url else None
            if ref is not None and ref.key == self.ref.key:
                return ref.url
        return self.ref.url

    def related(self, links: list[tuple[str, str]]) -> list[dict[str, str]]:
        """The "Baca juga" links, canonical, each once, in page order."""
        related: dict[str, str] = {}
        for href, title in links:
            url = canonical_url(href, self.url)
            if url is not None and url not in related:
                related[url] = strip_read_also(title)
        return [{"url": url, "title": title} for url, title in related.items()]

    # -- the item ----------------------------------------------------------------------

    def check_is_article(self) -> None:
        """Raise NotAnArticle if the page, though at an article URL, is something else
        (beyond a canonical link to a photo or video page, which ``canonical_url`` checks)."""

    def body(self) -> Body:
        """The body element split into paragraphs, dateline and "Baca juga" links."""
        container = self.container
        if container is None:
            return Body([], None, [])
        return split_body(body_blocks(container))

    def body_is_confident(self, body: Body) -> bool:
        """Whether the body is article text: paragraphs, mostly not link text."""
        container = self.container
        if container is None or not body.paragraphs:
            return False
        linked = sum(len(text_of(link)) for link in container.iter("a"))
        return linked <= MAX_LINK_SHARE * max(1, len(text_of(container)))

    def to_item(self) -> ArticleItem:
        """The page fields of the item; ExtractError naming what cannot be established."""
        url = self.canonical_url()
        self.check_is_article()
        title = self.title()
        if title is not None and _SITE_NAME.match(title):
            title = None  # the site's name, not a headline
        published = self.published_at()
        body = self.body()
        unsure = [
            name
            for name, ok in (
                ("title", bool(title)),
                ("published_at", published is not None),
                ("body", self.body_is_confident(body)),
            )
            if not ok
        ]
        if unsure:
            raise ExtractError(
                f"{self.url}: {', '.join(unsure)} not found with confidence"
                f" (page design {self.name})",
                url=self.url,
                fields=tuple(unsure),
            )
        assert title is not None and published is not None
        updated = self.updated_at()
        reporter, editor = self.byline()
        image = self.image_url()
        return ArticleItem(
            id=self.ref.key,
            url=url,
            portal=self.ref.portal.key,
            province=self.ref.portal.province,
            title=title,
            published_at=format_iso(published),
            updated_at=format_iso(updated) if updated and updated >= published else None,
            reporter=reporter,
            editor=editor,
            dateline=body.dateline,
            category=self.category(),
            tags=self.tags(),
            image_url=urljoin(self.url, image) if image and not image.startswith("data:") else None,
            image_caption=self.image_caption(),
            summary=self.summary(),
            body="\n\n".join(body.paragraphs),
            related=self.related(body.read_also),
        )


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


def article_link_keys(doc: Document) -> set[str]:
    """Keys of the other articles a page links to."""
    keys = {ref.key for href in _ARTICLE_LINKS(doc.root) if (ref := article_ref(href, doc.url))}
    keys.discard(doc.ref.key)
    return keys


def _iter_ld_objects(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        for entry in value:
            yield from _iter_ld_objects(entry)
    elif isinstance(value, dict):
        yield value
        graph = value.get("@graph")
        if graph is not None:
            yield from _iter_ld_objects(graph)


def json_ld_article(scripts: Iterator[str]) -> dict[str, Any]:
    """The first JSON-LD NewsArticle (or Article) of a page's scripts, or an empty dict."""
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


def ld_text(value: Any) -> str | None:
    """A JSON-LD value as clean text (the first, if a list)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = normalize_space(html_to_text(str(value)))
        return text or None
    return None


def ld_names(value: Any) -> Iterator[str]:
    """Names of JSON-LD persons (strings or objects), organisations left out."""
    for obj in value if isinstance(value, list) else [value]:
        if isinstance(obj, str):
            name = normalize_space(obj)
        elif isinstance(obj, dict) and obj.get("@type") != "Organization":
            name = ld_text(obj.get("name")) or ""
        else:
            continue
        if name:
            yield name


def ld_image(value: Any) -> str | None:
    """A JSON-LD image's URL, whether a string, an ImageObject or a list of them."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl")
    return value if isinstance(value, str) and value.strip() else None
