"""ANTARA_MIRROR: serve the crawl from a mirror while keeping the real ANTARA URLs."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.exceptions import DownloadCancelledError
from scrapy.http import Response
from scrapy.responsetypes import responsetypes
from scrapy.utils.asyncio import run_in_thread
from scrapy.utils.misc import build_from_crawler

from antara_crawl.frontier import ClusterPoliteness
from antara_crawl.portals import ANTARA_DOMAIN
from antara_crawl.warc import ArchiveFiles, ArchiveReplay, find_archives

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler

    from antara_crawl.httpbounds import BoundedHTTP11DownloadHandler

logger = logging.getLogger(__name__)


def mirror_relpath(url: str) -> str:
    """The path of ``url`` inside a mirror: ``{host}{path}`` plus ``?{query}`` if any."""
    parts = urlsplit(url)
    rel = f"{(parts.hostname or '').lower()}{parts.path or '/'}"
    if parts.query:
        rel += f"?{parts.query}"
    return rel


def mirror_file(root: Path, relpath: str) -> Path | None:
    """The file that holds ``relpath`` in a wget ``--mirror --adjust-extension`` tree.

    Tries the file itself, then with ``.html`` appended, then ``index.html`` inside it.
    Each candidate is resolved (symlinks, ``..``, percent-encoded forms) and must lie
    inside ``root``: the path returned is the resolved file, the one to open. Returns None
    when the mirror has no such page inside ``root``.
    """
    relpath = unquote(relpath).lstrip("/")
    if "\x00" in relpath:
        return None
    try:
        base = root.resolve(strict=True)
        target = base / relpath
        candidates = [target, target.with_name(target.name + ".html")] if relpath else []
        candidates.append(target / "index.html")
        for candidate in candidates:
            resolved = candidate.resolve()
            if base in resolved.parents and resolved.is_file():
                return resolved
    except (OSError, ValueError):  # a name too long, a symlink loop, an odd name
        return None
    return None


def read_mirror_file(path: Path, maxsize: int) -> bytes:
    """The bytes of ``path``, opened without following a symlink in its last component.

    Raises :class:`PageTooLarge` when the file holds more than ``maxsize`` bytes (0: no
    limit), before reading it whole.
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    with open(os.open(path, flags), "rb") as file:
        size = os.fstat(file.fileno()).st_size
        if maxsize and size > maxsize:
            raise PageTooLarge(size, maxsize)
        body = file.read(maxsize + 1) if maxsize else file.read()
    if maxsize and len(body) > maxsize:
        raise PageTooLarge(len(body), maxsize)
    return body


class PageTooLarge(DownloadCancelledError):
    """A mirror file larger than ``DOWNLOAD_MAXSIZE``: cancelled like an oversized download."""

    def __init__(self, size: int, maxsize: int) -> None:
        super().__init__(f"{size} bytes, more than DOWNLOAD_MAXSIZE ({maxsize})")
        self.size = size
        self.maxsize = maxsize


class MirrorDownloadHandler(BaseDownloadHandler):
    """HTTP(S) download handler that reads from ``ANTARA_MIRROR`` when it is set.

    With an ``http://`` mirror the request goes to ``{mirror}/{host}{path}?{query}``;
    with a directory the file is read from the wget layout; with WARC archives the
    capture is replayed (:class:`antara_crawl.warc.ArchiveReplay`). Either way the response
    keeps the real ANTARA URL, so links, robots.txt and dedupe see the live site's URLs.
    Without a mirror, requests go to Scrapy's own HTTP handler. On a shared frontier each
    request is downloaded in its portal's turn in the cluster
    (:class:`antara_crawl.frontier.ClusterPoliteness`).
    """

    lazy = False

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.mirror = parse_mirror_setting(crawler.settings.get("ANTARA_MIRROR") or "")
        self.maxsize = crawler.settings.getint("DOWNLOAD_MAXSIZE")
        self.warnsize = crawler.settings.getint("DOWNLOAD_WARNSIZE")
        self._http: BoundedHTTP11DownloadHandler | None = None
        self._archive: ArchiveReplay | None = None
        self.politeness = ClusterPoliteness.from_crawler(crawler)
        if isinstance(self.mirror, ArchiveFiles):
            self._archive = ArchiveReplay.from_crawler(crawler, self.mirror)
        elif not isinstance(self.mirror, Path):
            # Imported here: Scrapy's HTTP handler loads its TLS stack, which a run refused for
            # a bad argument never needs (its checks import this module).
            from antara_crawl.httpbounds import BoundedHTTP11DownloadHandler

            self._http = build_from_crawler(BoundedHTTP11DownloadHandler, crawler)

    async def download_request(self, request: Request) -> Response:
        if self.politeness is None:
            return await self._download(request)
        async with self.politeness.turn(request):
            return await self._download(request)

    async def _download(self, request: Request) -> Response:
        if self._archive is not None:
            return await self._archive.download_request(request)
        if isinstance(self.mirror, Path):
            return await run_in_thread(self._read_file, self.mirror, request)
        assert self._http is not None
        if not self.mirror:
            return await self._http.download_request(request)
        if not _is_antara(request.url):
            return Response(request.url, status=404, request=request)
        mirrored = request.replace(url=f"{self.mirror}/{mirror_relpath(request.url)}")
        # A proxy chosen for the real host must not carry the mirror's (loopback) requests.
        for key in ("proxy", "_auth_proxy"):
            mirrored.meta.pop(key, None)
        mirrored.headers.pop(b"Proxy-Authorization", None)
        response = await self._http.download_request(mirrored)
        return response.replace(url=request.url, request=request)

    def _read_file(self, root: Path, request: Request) -> Response:
        """The mirror file for ``request``, within ``DOWNLOAD_MAXSIZE`` (or the request's
        ``download_maxsize``) like an HTTP download; a warning past ``DOWNLOAD_WARNSIZE``."""
        path = mirror_file(root, mirror_relpath(request.url)) if _is_antara(request.url) else None
        if path is None:
            return Response(request.url, status=404, request=request)
        maxsize = request.meta.get("download_maxsize", self.maxsize)
        warnsize = request.meta.get("download_warnsize", self.warnsize)
        try:
            body = read_mirror_file(path, maxsize)
        except PageTooLarge as exc:
            logger.warning("Mirror file too large: %s (%s)", request.url, exc)
            raise
        if warnsize and len(body) > warnsize:
            logger.warning(
                "Large mirror file: %s (%d bytes, more than DOWNLOAD_WARNSIZE %d)",
                request.url,
                len(body),
                warnsize,
            )
        respcls = responsetypes.from_args(filename=path.name, body=body)
        headers = {"Content-Type": _CONTENT_TYPES.get(path.suffix, "text/html; charset=utf-8")}
        return respcls(url=request.url, body=body, headers=headers, request=request)

    async def close(self) -> None:
        if self._http is not None:
            await self._http.close()


_CONTENT_TYPES = {
    ".xml": "application/rss+xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".html": "text/html; charset=utf-8",
}


def _is_antara(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return host == ANTARA_DOMAIN or host.endswith("." + ANTARA_DOMAIN)


def parse_mirror_setting(value: str) -> str | Path | ArchiveFiles:
    """``""`` (no mirror), an ``http(s)://`` base URL without trailing slash, WARC or ARC
    archives (a file, a directory of them, a glob), or a wget mirror directory.

    Raises ValueError with a one-line reason for anything else.
    """
    value = value.strip()
    if not value:
        return ""
    if value.startswith(("http://", "https://")):
        return value.rstrip("/")
    if value.startswith("file://"):
        value = value[len("file://") :]
    archives = find_archives(value)
    if archives is not None:
        return archives
    path = Path(value).expanduser()
    if not path.is_dir():
        raise ValueError(
            f"ANTARA_MIRROR={value!r} is neither an http:// URL, a directory, "
            "a WARC file nor a glob of WARC files"
        )
    return path
