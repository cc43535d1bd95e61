"""ANTARA URLs: article keys, canonical article URLs, and what is not an article."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit

from antara_crawl.portals import ANTARA_DOMAIN, Portal, portal_for_host

_ARTICLE_PATH = re.compile(r"^/(?:amp/)?berita/([0-9]{1,9})(?:/([^/?#]+))?/?(?:amp/?)?$")
_NON_ARTICLE_SECTIONS = {
    "foto": "photo",
    "video": "video",
    "infografik": "infographic",
    "tag": "tag",
    "search": "search",
    "rss": "rss",
}


class ArticleRef(NamedTuple):
    """An article as an URL names it: portal, the portal's own id, and the slug if any."""

    portal: Portal
    id: str
    slug: str | None

    @property
    def key(self) -> str:
        """The article key of the item schema, ``"{portal}:{id}"``."""
        return f"{self.portal.key}:{self.id}"

    @property
    def url(self) -> str:
        """The canonical URL: https, the portal's www-style host, no query, no AMP."""
        base = f"{self.portal.base_url}/berita/{self.id}"
        return f"{base}/{self.slug}" if self.slug else base


@lru_cache(maxsize=8192)
def _split(url: str, base: str | None) -> tuple[str, str, str]:
    if base:
        url = urljoin(base, url.strip())
    parts = urlsplit(url.strip())
    return parts.scheme.lower(), (parts.hostname or "").lower(), parts.path


def article_ref(url: str, base: str | None = None) -> ArticleRef | None:
    """The article an URL points to (relative URLs resolved against ``base``), or None.

    Accepts every form ANTARA links use: http or https, ``m.`` hosts, ``/amp/``,
    tracking queries and ``/berita/{id}`` without a slug.
    """
    scheme, host, path = _split(url, base)
    if scheme not in ("http", "https"):
        return None
    portal = portal_for_host(host)
    if portal is None:
        return None
    match = _ARTICLE_PATH.match(path)
    if match is None:
        return None
    slug = match.group(2)
    if slug and slug.endswith(".html"):
        slug = slug[: -len(".html")]
    return ArticleRef(portal, match.group(1).lstrip("0") or "0", slug or None)


def canonical_url(url: str, base: str | None = None) -> str | None:
    """The canonical URL of the article ``url`` points to, or None if it is not an article."""
    ref = article_ref(url, base)
    return ref.url if ref else None


def url_kind(url: str, base: str | None = None) -> str:
    """What an URL points to: ``article``, ``photo``, ``video``, ``infographic``,
    ``tag``, ``search``, ``rss``, ``english``, ``listing`` (other ANTARA pages) or
    ``foreign`` (not an ANTARA portal)."""
    scheme, host, path = _split(url, base)
    if scheme not in ("http", "https") or not (
        host == ANTARA_DOMAIN or host.endswith("." + ANTARA_DOMAIN)
    ):
        return "foreign"
    if host.removeprefix("m.") == f"en.{ANTARA_DOMAIN}":
        return "english"
    if portal_for_host(host) is None:
        return "foreign"
    if _ARTICLE_PATH.match(path):
        return "article"
    segments = [s for s in path.split("/") if s]
    if segments and segments[0] == "amp":
        segments = segments[1:]
    if segments:
        return _NON_ARTICLE_SECTIONS.get(segments[0].lower(), "listing")
    return "listing"
