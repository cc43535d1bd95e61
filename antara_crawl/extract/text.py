"""Article text: paragraphs, boilerplate and "Baca juga" removal, datelines, bylines."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from html import unescape as html_unescape

from lxml import etree

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


_HAS_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def normalize_space(text: str) -> str:
    """Collapse whitespace runs (non-breaking too) to one space; drop zero-width characters."""
    if not text.isascii() and _HAS_INVISIBLE.search(text):
        text = text.translate(_INVISIBLE)
    return " ".join(text.split())


def text_of(element: etree._Element) -> str:
    """All the text inside an element, as ``text_content()`` gives it for lxml.html."""
    return "".join(element.itertext())


_TAG = re.compile(r"<[^>]*>")


def html_to_text(value: str) -> str:
    """Text of a string that may hold tags or entities (JSON-LD values, descriptions)."""
    if "<" in value:
        value = _TAG.sub(" ", value)
    return html_unescape(value) if "&" in value else value


@dataclass(slots=True)
class Block:
    """One paragraph-sized piece of a body: its text and the links inside it."""

    text: str
    links: list[tuple[str, str]] = field(default_factory=list)
    quote: bool = False


# Elements whose content is never article text.
_SKIP_TAGS = frozenset(
    {
        "script", "style", "noscript", "iframe", "ins", "figure", "figcaption", "img",
        "picture", "video", "audio", "object", "embed", "svg", "form", "button", "input",
        "select", "textarea", "nav", "aside", "header", "footer", "template", "amp-ad",
        "amp-img", "amp-iframe", "amp-embed", "amp-analytics", "amp-social-share",
        "amp-carousel", "amp-video", "amp-youtube", "h1",
    }
)  # fmt: skip
_SKIP_CLASSES = frozenset(
    {
        "text-muted", "quote_old", "wp-caption", "wp-caption-text", "blog-tags",
        "tags-wrapper", "adsbygoogle", "ads", "advertisement", "share", "social-share",
        "article-share", "post-meta", "related-news", "caption", "image-caption",
        "wrap__article-detail-image", "wrap__article-detail-info", "list-inline",
        "twitter-tweet", "instagram-media", "tiktok-embed", "fb-post",
    }
)  # fmt: skip
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "section", "article", "main", "h2", "h3", "h4", "h5", "h6", "li", "ul",
        "ol", "table", "tr", "td", "th", "dl", "dt", "dd", "pre", "center", "blockquote", "hr",
    }
)  # fmt: skip
_QUOTE_CLASSES = frozenset({"quote", "pullquote", "pull-quote", "blockquote", "quote_old"})
_BLOCK_CLASSES = frozenset({"baca-juga"})


_NO_CLASSES: frozenset[str] = frozenset()


@lru_cache(maxsize=4096)
def _class_set(value: str | None) -> frozenset[str]:
    return frozenset(value.split()) if value else frozenset()


def body_blocks(container: etree._Element) -> list[Block]:
    """Split a body element into blocks at ``<br>`` and block elements, skipping chrome.

    Captions, ads, scripts, bylines, tag lists and share bars are skipped; "Baca juga"
    lines and pull quotes come out as blocks of their own, to be sorted out later.
    """
    blocks: list[Block] = []
    parts: list[str] = []
    links: list[tuple[str, str]] = []

    def flush(quote: bool = False) -> None:
        if parts:
            text = normalize_space("".join(parts))
            if text:
                blocks.append(Block(text, list(links), quote))
            parts.clear()
        links.clear()

    def walk(element: etree._Element, quote: bool) -> None:
        if element.text:
            parts.append(element.text)
        for child in element:
            tag = child.tag
            if not isinstance(tag, str):  # comments, processing instructions
                if child.tail:
                    parts.append(child.tail)
                continue
            class_attribute = child.get("class")
            classes = _class_set(class_attribute) if class_attribute else _NO_CLASSES
            if (
                tag in _SKIP_TAGS
                or not classes.isdisjoint(_SKIP_CLASSES)
                or (quote and tag == "cite")
            ):
                if tag in _BLOCK_TAGS or tag in _SKIP_TAGS:
                    flush(quote)
            elif tag == "br":
                flush(quote)
            elif tag in _BLOCK_TAGS or not classes.isdisjoint(_BLOCK_CLASSES):
                child_quote = quote or tag == "blockquote" or not classes.isdisjoint(_QUOTE_CLASSES)
                flush(quote)
                walk(child, child_quote)
                flush(child_quote)
            else:
                if tag == "a" and child.get("href"):
                    links.append((child.get("href", ""), normalize_space(text_of(child))))
                if len(child):
                    walk(child, quote)
                elif child.text:  # an inline element holding only text
                    parts.append(child.text)
            if child.tail:
                parts.append(child.tail)

    walk(container, False)
    flush()
    return blocks


_READ_ALSO = re.compile(r"^\W*baca\s+juga\b\s*[:.\-–]?", re.IGNORECASE)
_BOILERPLATE_START = re.compile(
    r"(?:pewarta|editor|penerjemah|pewarta foto|redaktur)\s*:"
    r"|©\s*(?:copyright\s*)?antara|dilarang keras mengambil konten"
    r"|(?:advertisement|iklan|scroll (?:untuk|to) (?:melanjutkan|continue)\b.*)$",
    re.IGNORECASE,
)
_BOILERPLATE_PREFIXES = (
    "pewarta", "editor", "penerjemah", "redaktur", "©", "dilarang", "advertis", "iklan", "scroll"
)  # fmt: skip
_COPYRIGHT = re.compile(r"copyright\s*©", re.IGNORECASE)


def is_read_also(text: str) -> bool:
    """Whether a line is a "Baca juga" (read also) line."""
    return "aca" in text[:12].lower() and _READ_ALSO.match(text) is not None


def strip_read_also(text: str) -> str:
    """A link title without a leading "Baca juga:" label."""
    return _READ_ALSO.sub("", text, count=1).strip() if is_read_also(text) else text


def is_boilerplate(text: str) -> bool:
    """Bylines, copyright lines, the crawling notice and ad labels."""
    if text[:10].lower().startswith(_BOILERPLATE_PREFIXES) and _BOILERPLATE_START.match(text):
        return True
    return "©" in text and _COPYRIGHT.search(text) is not None


_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w.'’/-]*(?:[ ,]+[A-Za-z][\w.'’/-]*){0,5}?)\s*,?\s*"
    r"\((?i:antara)\s*(?i:news)?(?:\s+[A-Za-z]+){0,3}\)\s*[-–—]+\s*"
)


def split_dateline(paragraph: str) -> tuple[str | None, str]:
    """``("Kupang", rest)`` for ``"Kupang (ANTARA) - rest"``; ``(None, paragraph)`` otherwise."""
    match = _DATELINE.match(paragraph) if "(" in paragraph[:90] else None
    if match is None:
        return None, paragraph
    return match["place"].strip(" ,"), paragraph[match.end() :]


_WORD = re.compile(r"\w+")


def paragraph_key(text: str) -> str:
    """What makes two paragraphs the same: their words, case and punctuation aside."""
    return " ".join(_WORD.findall(text.casefold()))


@dataclass(slots=True)
class Body:
    """A body split into its parts: paragraphs, dateline and "Baca juga" links."""

    paragraphs: list[str]
    dateline: str | None
    read_also: list[tuple[str, str]]


def split_body(blocks: Iterable[Block]) -> Body:
    """Sort blocks into article paragraphs, "Baca juga" links and dropped boilerplate.

    Datelines are cut off paragraph starts (the first one is kept); pull quotes that
    repeat a paragraph and repeated paragraphs are dropped.
    """
    dateline: str | None = None
    read_also: list[tuple[str, str]] = []
    kept: list[tuple[str, str, bool]] = []  # (text, its key, is a quote), in page order
    awaiting_links = False  # after a bare "Baca juga:" label, its links come next
    for block in blocks:
        text = block.text
        if is_read_also(text):
            read_also.extend(block.links)
            awaiting_links = not block.links
            continue
        if awaiting_links and _is_only_links(block):
            read_also.extend(block.links)
            continue
        awaiting_links = False
        if is_boilerplate(text):
            continue
        place, text = split_dateline(text)
        if place is not None and dateline is None and not kept:
            dateline = place
        if text:
            kept.append((text, paragraph_key(text), block.quote))
    own_keys = [key for _text, key, quote in kept if not quote]
    paragraphs: list[str] = []
    seen: set[str] = set()
    for text, key, quote in kept:
        if not key or key in seen or (quote and any(key in own for own in own_keys)):
            continue
        seen.add(key)
        paragraphs.append(text)
    return Body(paragraphs, dateline, read_also)


def _is_only_links(block: Block) -> bool:
    """Whether a block is nothing but its links' text (and punctuation)."""
    if not block.links:
        return False
    rest = block.text
    for _href, title in block.links:
        rest = rest.replace(title, "", 1)
    return not any(char.isalnum() for char in rest)


_BYLINE_REPORTER = re.compile(
    r"\bPewarta\s*:\s*(?P<name>.*?)\s*(?=(?i:editor|penerjemah|copyright|redaktur)\s*[:©]|©|\n|$)",
    re.IGNORECASE,
)
_BYLINE_EDITOR = re.compile(
    r"Editor\s*:\s*(?P<name>.*?)\s*(?=(?i:copyright|pewarta|penerjemah)\b|©|\n|$)",
    re.IGNORECASE,
)


def _clean_name(name: str | None) -> str | None:
    if name is None:
        return None
    name = normalize_space(name).strip(" ,;:-|")
    return name or None


def parse_byline(text: str) -> tuple[str | None, str | None]:
    """Reporter and editor from ``Pewarta: X\\nEditor: Y\\nCopyright …`` in all its variants."""
    text = text.replace("\u00a0", " ")
    reporter = _BYLINE_REPORTER.search(text)
    editor = _BYLINE_EDITOR.search(text)
    return (
        _clean_name(reporter["name"]) if reporter else None,
        _clean_name(editor["name"]) if editor else None,
    )
