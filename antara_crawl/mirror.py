"""ANTARA_MIRROR: serve the crawl from a mirror while keeping the real ANTARA URLs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.http import Response
from scrapy.responsetypes import responsetypes
from scrapy.utils.asyncio import run_in_thread
from scrapy.utils.misc import build_from_crawler

from antara_crawl.portals import ANTARA_DOMAIN
from antara_crawl.warc import ArchiveFiles, ArchiveReplay, find_archives

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler


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
    Returns None when the mirror has no such page or the path leaves ``root``.
    """
    relpath = unquote(relpath).lstrip("/")
    base = root.resolve()
    target = (base / relpath).resolve() if relpath else base
    if target != base and base not in target.parents:
        return None
    candidates = [target, target.with_name(target.name + ".html")] if target != base else []
    candidates.append(target / "index.html")
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    return None


class MirrorDownloadHandler(BaseDownloadHandler):
    """HTTP(S) download handler that reads from ``ANTARA_MIRROR`` when it is set.

    With an ``http://`` mirror the request goes to ``{mirror}/{host}{path}?{query}``;
    with a directory the file is read from the wget layout; with WARC archives the
    capture is replayed (:class:`antara_crawl.warc.ArchiveReplay`). Either way the response
    keeps the real ANTARA URL, so links, robots.txt and dedupe see the live site's URLs.
    Without a mirror, requests go to Scrapy's own HTTP handler.
    """

    lazy = False

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.mirror = parse_mirror_setting(crawler.settings.get("ANTARA_MIRROR") or "")
        self._http: HTTP11DownloadHandler | None = None
        self._archive: ArchiveReplay | None = None
        if isinstance(self.mirror, ArchiveFiles):
            self._archive = ArchiveReplay.from_crawler(crawler, self.mirror)
        elif not isinstance(self.mirror, Path):
            self._http = build_from_crawler(HTTP11DownloadHandler, crawler)

    async def download_request(self, request: Request) -> Response:
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

    @staticmethod
    def _read_file(root: Path, request: Request) -> Response:
        path = mirror_file(root, mirror_relpath(request.url)) if _is_antara(request.url) else None
        if path is None:
            return Response(request.url, status=404, request=request)
        body = path.read_bytes()
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
