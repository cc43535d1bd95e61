"""Containment: no request leaves ANTARA's hosts, whatever produced it.

Two downloader middlewares, each counting what it refuses as ``antara/offsite/<where>``
or ``antara/fault/<reason>`` with one WARNING line naming the URL:

- :class:`ContainmentMiddleware`, Scrapy's OffsiteMiddleware made strict: every request,
  ``dont_filter`` or not, must be ``http(s)`` to ``antaranews.com`` or one of its subdomains,
  when it is scheduled and again before it is downloaded (robots.txt requests skip the
  scheduler);
- :class:`RedirectGuardMiddleware`, in front of the redirect middleware: a 3xx to another
  host, back to an URL already in the chain (a loop) or past ``REDIRECT_MAX_TIMES`` (a cap)
  ends there, before any request is built.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware
from scrapy.exceptions import IgnoreRequest
from w3lib.url import safe_url_string

from antara_crawl.portals import ANTARA_DOMAIN

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from typing_extensions import Self

logger = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_HOST_LABELS = re.compile(r"^[a-z0-9-]+(?:\.[a-z0-9-]+)*$")


def is_antara_host(host: str) -> bool:
    """Whether ``host`` is ``antaranews.com`` or one of its subdomains (case and a trailing
    dot aside); anything with characters a host name cannot hold is not."""
    host = host.lower().rstrip(".")
    if not _HOST_LABELS.match(host):
        return False
    return host == ANTARA_DOMAIN or host.endswith("." + ANTARA_DOMAIN)


def is_antara_url(url: str) -> bool:
    """Whether ``url`` is an ``http(s)`` URL on an ANTARA host, as the downloader parses it;
    an URL with user info (``antaranews.com@elsewhere``, ``elsewhere\\@antaranews.com``)
    is not."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number)
    except ValueError:
        return False
    if parts.scheme.lower() not in ("http", "https") or parts.hostname is None:
        return False
    if "@" in parts.netloc or "\\" in parts.netloc:  # user info: never on ANTARA's links
        return False
    return is_antara_host(parts.hostname)


def request_origin(request: Request) -> str:
    """What made a request: ``redirect``, ``robots`` (a robots.txt fetch), ``start_url``
    or ``link`` (anything the spider scheduled)."""
    if request.meta.get("redirect_urls"):
        return "redirect"
    if request.meta.get("dont_obey_robotstxt") and urlsplit(request.url).path == "/robots.txt":
        return "robots"
    if request.meta.get("is_start_request"):
        return "start_url"
    return "link"


def redirect_target(request: Request, response: Response) -> str | None:
    """The URL a 3xx response sends ``request`` to, as Scrapy's RedirectMiddleware computes
    it, or None when it will not redirect (no Location, not a redirect status, or the
    request handles the status itself)."""
    meta = request.meta
    if (
        response.status not in REDIRECT_STATUSES
        or b"Location" not in response.headers
        or meta.get("dont_redirect")
        or meta.get("handle_httpstatus_all")
        or response.status in meta.get("handle_httpstatus_list", ())
    ):
        return None
    raw = response.headers[b"Location"] or b""
    location = safe_url_string(raw)
    if raw.startswith(b"//"):
        location = f"{urlsplit(request.url).scheme}://{location.lstrip('/')}"
    return urljoin(request.url, location)


def _without_fragment(url: str) -> str:
    return safe_url_string(url).split("#", 1)[0]


class ContainmentMiddleware(OffsiteMiddleware):
    """Scrapy's OffsiteMiddleware, strict: only ANTARA's hosts, no exceptions.

    ``dont_filter`` and ``allow_offsite`` do not let a request through, an empty
    ``allowed_domains`` does not mean "everywhere", and only ``http``/``https`` pass.
    A refused request is counted as ``antara/offsite/<where>`` (``link``, ``start_url``,
    ``redirect``, ``robots``) and logged once, with its URL, at WARNING.
    """

    def should_follow(self, request: Request, spider: Spider) -> bool:
        return is_antara_url(request.url) and super().should_follow(request, spider)

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        assert self.crawler.spider is not None
        if self.should_follow(request, self.crawler.spider):
            return
        where = request_origin(request)
        self.stats.inc_value(f"antara/offsite/{where}")
        chain = request.meta.get("redirect_urls") or []
        origin = f" (redirected from {chain[-1]})" if chain else ""
        logger.warning("Off-site request refused (%s): %s%s", where, request.url, origin)
        raise IgnoreRequest(f"Off-site request refused: {request.url}")


class RedirectGuardMiddleware:
    """Ends a redirect that leaves ANTARA, loops, or goes past ``REDIRECT_MAX_TIMES``.

    Sits in front of the redirect middleware (a higher number), so it sees the 3xx
    first and raises IgnoreRequest instead of letting a request be built. Counted as
    ``antara/offsite/redirect``, ``antara/fault/redirect_loop`` or
    ``antara/fault/redirect_cap``, each with one WARNING line naming both URLs.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.max_redirects = crawler.settings.getint("REDIRECT_MAX_TIMES")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Response:
        spider_codes = getattr(self.crawler.spider, "handle_httpstatus_list", ())
        if response.status in spider_codes:
            return response
        target = redirect_target(request, response)
        if target is None:
            return response
        stats = self.crawler.stats
        if not is_antara_url(target):
            stats.inc_value("antara/offsite/redirect")
            logger.warning("Off-site redirect refused: %s -> %s", request.url, target)
            raise IgnoreRequest(f"Off-site redirect: {request.url} -> {target}")
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if _without_fragment(target) in {_without_fragment(url) for url in chain}:
            stats.inc_value("antara/fault/redirect_loop")
            logger.warning("Redirect loop: %s -> %s (chain of %d)", request.url, target, len(chain))
            raise IgnoreRequest(f"Redirect loop: {request.url} -> {target}")
        ttl = request.meta.get("redirect_ttl", self.max_redirects)
        if not ttl or len(chain) > self.max_redirects:
            stats.inc_value("antara/fault/redirect_cap")
            logger.warning(
                "Too many redirects (%d, REDIRECT_MAX_TIMES=%d): %s -> %s, first %s",
                len(chain),
                self.max_redirects,
                request.url,
                target,
                chain[0],
            )
            raise IgnoreRequest(f"Too many redirects: {chain[0]}")
        return response
