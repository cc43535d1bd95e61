"""WARC and ARC archives read with warcio: CDXJ lines, and crawls answered from archives.

``ANTARA_MIRROR`` may name a WARC (or ARC) file, a directory of them or a glob; then every
request is answered by :class:`ArchiveReplay` from the capture of its URL, or of its
article, that the archives hold.
"""

from __future__ import annotations

import glob
import json
import logging
import re
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit
from weakref import WeakKeyDictionary

from scrapy.exceptions import DownloadCancelledError
from scrapy.http import Headers, Response
from scrapy.responsetypes import responsetypes
from scrapy.utils.asyncio import run_in_thread
from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BufferedReader
from warcio.exceptions import ArchiveLoadFailed
from warcio.timeutils import iso_date_to_datetime

from antara_crawl.portals import portal_for_host
from antara_crawl.urls import article_ref

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector
    from typing_extensions import Self
    from warcio.recordloader import ArcWarcRecord
    from warcio.statusandheaders import StatusAndHeaders

logger = logging.getLogger(__name__)

ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
"""File names taken for archives in a directory or a glob."""

MISSING_STAT = "antara/archive/missing"
"""Requests the archives hold no capture for (answered with a 404)."""
MISSING_FLAG = "archive_missing"
"""The flag of such a 404: the page is not gone, the archives just lack it."""

_GLOB_MAGIC = re.compile(r"[*?\[]")
_COMPACT_TIME = re.compile(r"^\d{8}(?:\d{4}(?:\d{2})?)?$")
_READ_ERRORS = (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error)


# -- names and keys ---------------------------------------------------------------------


def is_archive_name(name: str) -> bool:
    """Whether a file name ends like a WARC or ARC file (``.warc``, ``.warc.gz``, …)."""
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def surt_key(url: str) -> str:
    """The SURT form of ``url`` that CDX indexes sort by: ``com,antaranews,kupang)/berita/1``.

    Scheme, ``www.``, default ports, fragment and case are dropped; query arguments sorted.
    Raises ValueError for an URL urllib cannot split (a bad port, say).
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    key = ",".join(reversed(host.split(".")))
    if parts.port and parts.port not in (80, 443):
        key += f":{parts.port}"
    key += ")" + (parts.path or "/").lower()
    if parts.query:
        key += "?" + "&".join(sorted(parts.query.lower().split("&")))
    return key


def warc_datetime(value: str) -> datetime:
    """An aware UTC datetime from a ``WARC-Date`` (``2026-11-29T19:03:08.123456Z``)."""
    return iso_date_to_datetime(value).replace(tzinfo=timezone.utc)


def parse_as_of(value: str) -> datetime | None:
    """``ANTARA_ARCHIVE_AS_OF``: ``YYYY-MM-DD``, an ISO 8601 time or a WARC timestamp
    (``YYYYMMDDhhmmss``, shorter forms too), as an aware UTC datetime; ``""`` is None.

    Naive times and dates are UTC (a date is its midnight). Raises ValueError (one line).
    """
    value = value.strip()
    if not value:
        return None
    try:
        if _COMPACT_TIME.match(value):
            moment = datetime.strptime(value.ljust(14, "0"), "%Y%m%d%H%M%S")
        else:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise ValueError(
            f"ANTARA_ARCHIVE_AS_OF={value!r} is not a date "
            "(YYYY-MM-DD, an ISO 8601 time or a YYYYMMDDhhmmss timestamp)"
        ) from None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


@dataclass(frozen=True)
class ArchiveFiles:
    """The WARC/ARC files ``ANTARA_MIRROR`` names, in name order."""

    paths: tuple[Path, ...]


def find_archives(value: str) -> ArchiveFiles | None:
    """The archives ``value`` names: a file, a directory holding archives, or a glob.

    A directory counts when it holds a file named like an archive at its top; a glob keeps
    the files named like archives (``**`` reaches into subdirectories). None when ``value``
    names no archive (a wget mirror directory, say); ValueError (one line) for a glob that
    matches no archive.
    """
    if _GLOB_MAGIC.search(value):
        found = [Path(p) for p in glob.glob(str(Path(value).expanduser()), recursive=True)]
        files = sorted(p for p in found if p.is_file() and is_archive_name(p.name))
        if not files:
            raise ValueError(f"ANTARA_MIRROR={value!r} matches no WARC or ARC file")
        return ArchiveFiles(tuple(files))
    path = Path(value).expanduser()
    if path.is_file():
        return ArchiveFiles((path,))
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and is_archive_name(p.name))
        return ArchiveFiles(tuple(files)) if files else None
    return None


# -- reading records ------------------------------------------------------------------


def iter_records(path: Path) -> Iterator[tuple[ArcWarcRecord, int, int]]:
    """Every record of a WARC or ARC file (gzipped per record, or not), with its offset
    and length in the file; ARC records are seen as WARC records.

    Stops at the first record warcio cannot read, or that the file ends inside of (a copy
    cut short), with a warning naming the file.
    """
    with path.open("rb") as file:
        records = ArchiveIterator(file, arc2warc=True)
        try:
            for record in records:
                offset, length = records.get_record_offset(), records.get_record_length()
                if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than declared
                    logger.warning("Archive %s ends inside the record at offset %d", path, offset)
                    return
                yield record, offset, length
        except _READ_ERRORS as exc:
            logger.warning("Archive %s unreadable past offset %d: %s", path, records.offset, exc)


@contextmanager
def open_record(path: Path, offset: int) -> Iterator[ArcWarcRecord]:
    """The record at ``offset`` of a WARC or ARC file, readable while the context lasts."""
    with path.open("rb") as file:
        file.seek(offset)
        yield next(iter(ArchiveIterator(file, arc2warc=True)))


def payload(record: ArcWarcRecord, maxsize: int = 0) -> tuple[bytes, bool]:
    """The HTTP payload of a response record, chunked transfer encoding removed and
    content encoding (gzip, deflate, br where installed) decoded; and whether the content
    encoding was decoded. A payload that is not what its headers say is kept as it is.

    Raises :class:`PayloadTooLarge` past ``maxsize`` decoded bytes (0: no limit).
    """
    headers = record.http_headers
    decoded = False
    if headers is not None:
        transfer = (headers.get_header("Transfer-Encoding") or "").strip().lower()
        if transfer == "chunked":
            headers.replace_header("Transfer-Encoding", "chunked")  # warcio wants it exact
        encoding = (headers.get_header("Content-Encoding") or "").strip().lower()
        if encoding in BufferedReader.get_supported_decompressors():
            headers.replace_header("Content-Encoding", encoding)
            decoded = True
    stream = record.content_stream()
    body = stream.read(maxsize + 1) if maxsize else stream.read()
    if maxsize and len(body) > maxsize:
        raise PayloadTooLarge(f"more than {maxsize} bytes (DOWNLOAD_MAXSIZE)")
    return body, decoded


class PayloadTooLarge(DownloadCancelledError):
    """An archived payload larger than ``DOWNLOAD_MAXSIZE``: cancelled like a download."""


def status_of(headers: StatusAndHeaders | None) -> int | None:
    """The status code of an HTTP response header block, or None."""
    if headers is None:
        return None
    code = (headers.get_statuscode() or "").strip()
    return int(code) if code.isdigit() else None


# -- CDXJ -------------------------------------------------------------------------------


def cdxj_lines(path: Path, filename: str | None = None) -> list[str]:
    """The sorted CDXJ index lines of the response and revisit records of an archive:
    ``{surt} {timestamp} {json}`` as pywb and other replay tools read them, naming the
    archive ``filename`` (default: its own name)."""
    lines = []
    for record, offset, length in iter_records(path):
        if record.rec_type not in ("response", "revisit"):
            continue
        headers = record.rec_headers
        url = headers.get_header("WARC-Target-URI") or ""
        moment = warc_datetime(headers.get_header("WARC-Date") or "")
        http = record.http_headers
        mime = "warc/revisit" if record.rec_type == "revisit" else ""
        if not mime and http is not None:
            mime = (http.get_header("Content-Type") or "").split(";", 1)[0].strip()
        fields: dict[str, Any] = {"url": url, "mime": mime or "unk"}
        status = status_of(http)
        if status is not None:
            fields["status"] = str(status)
        digest = headers.get_header("WARC-Payload-Digest")
        if digest:
            fields["digest"] = digest.split(":", 1)[-1]
        fields |= {"length": str(length), "offset": str(offset), "filename": filename or path.name}
        lines.append(f"{surt_key(url)} {moment:%Y%m%d%H%M%S} {json.dumps(fields)}")
    return sorted(lines)


# -- the index of captures ----------------------------------------------------------------


@dataclass(eq=False)
class Capture:
    """A response or revisit record: what it answers, when, and where it lies.

    ``key`` is the URL's SURT form, ``article`` the article key of an article URL.
    ``source`` is the response record holding the payload: itself for a response, the
    record a revisit refers to (by ``WARC-Refers-To`` or by payload digest) otherwise.
    """

    url: str
    key: str
    article: str | None
    date: datetime
    status: int | None
    path: Path
    offset: int
    revisit: bool
    digest: str | None
    refers_to: tuple[str, datetime | None] | None
    source: Capture | None = None

    @property
    def ok(self) -> bool:
        """Whether the capture is a 2xx answer."""
        return self.status is not None and 200 <= self.status < 300


def scan_captures(path: Path) -> Iterator[Capture]:
    """The response and revisit records of ANTARA's portals in one archive file (those
    without a readable ``WARC-Date`` or URL left out): a web archive's files hold other
    sites too."""
    for record, offset, _length in iter_records(path):
        if record.rec_type not in ("response", "revisit"):
            continue
        headers = record.rec_headers
        url = headers.get_header("WARC-Target-URI") or ""
        if not url.lower().startswith(("http:", "https:")):
            continue
        try:
            if portal_for_host(urlsplit(url).hostname or "") is None:
                continue
            key, ref = surt_key(url), article_ref(url)
            date = warc_datetime(headers.get_header("WARC-Date") or "")
            refers_to = None
            if record.rec_type == "revisit":
                target = headers.get_header("WARC-Refers-To-Target-URI") or url
                refers_date = headers.get_header("WARC-Refers-To-Date")
                refers_to = (surt_key(target), warc_datetime(refers_date) if refers_date else None)
        except (TypeError, ValueError):
            logger.debug("Record without a readable date or URL at %s:%d", path, offset)
            continue
        yield Capture(
            url=url,
            key=key,
            article=ref.key if ref is not None else None,
            date=date,
            status=status_of(record.http_headers),
            path=path,
            offset=offset,
            revisit=record.rec_type == "revisit",
            digest=headers.get_header("WARC-Payload-Digest"),
            refers_to=refers_to,
        )


def choose(captures: Iterable[Capture], as_of: datetime | None) -> Capture | None:
    """The latest capture, or the one nearest ``as_of`` (the earlier of two as near)."""
    captures = list(captures)
    if not captures:
        return None
    if as_of is None:
        return max(captures, key=lambda c: c.date)
    return min(captures, key=lambda c: (abs(c.date - as_of), c.date))


class ArchiveIndex:
    """Where each URL's captures lie in a set of archives, found by URL or article key.

    Revisits are resolved to the response holding their payload when the index is built;
    a revisit whose payload is in none of the archives is left out.
    """

    def __init__(self, captures: Iterable[Capture]) -> None:
        captures = list(captures)
        responses = [c for c in captures if not c.revisit]
        by_digest = {c.digest: c for c in responses if c.digest}
        by_moment = {(c.key, _second(c.date)): c for c in responses}
        self.by_url: dict[str, list[Capture]] = {}
        self.by_article: dict[str, list[Capture]] = {}
        self.unresolved = 0
        for capture in captures:
            capture.source = capture if not capture.revisit else _revisited(capture, by_moment)
            if capture.source is None and capture.digest:
                capture.source = by_digest.get(capture.digest)
            if capture.source is None:
                self.unresolved += 1
                continue
            if capture.status in (None, 304):  # a revisit saying "not modified"
                capture.status = capture.source.status
            self.by_url.setdefault(capture.key, []).append(capture)
            if capture.article is not None:
                self.by_article.setdefault(capture.article, []).append(capture)
        self.captures = sum(len(found) for found in self.by_url.values())

    @classmethod
    def build(cls, paths: Iterable[Path]) -> Self:
        """Index every response and revisit record of the archive files."""
        return cls(capture for path in paths for capture in scan_captures(path))

    def lookup(self, url: str, as_of: datetime | None = None) -> Capture | None:
        """The capture answering ``url``: the latest, or the nearest ``as_of``.

        For an article, any successful capture of the same article key will do (AMP,
        ``m.``, tracked or slug-less URLs of it); failing that, and for other pages, the
        captures of the URL itself (redirects and errors included).
        """
        ref = article_ref(url)
        if ref is not None:
            found = choose((c for c in self.by_article.get(ref.key, []) if c.ok), as_of)
            if found is not None:
                return found
        return choose(self.by_url.get(surt_key(url), []), as_of)


def _second(moment: datetime) -> datetime:
    """``moment`` to the second: ``WARC-Refers-To-Date`` may be less precise than the date."""
    return moment.replace(microsecond=0)


def _revisited(revisit: Capture, by_moment: dict[tuple[str, datetime], Capture]) -> Capture | None:
    """The response a revisit names by ``WARC-Refers-To-Target-URI`` and ``-Date``."""
    if revisit.refers_to is None or revisit.refers_to[1] is None:
        return None
    return by_moment.get((revisit.refers_to[0], _second(revisit.refers_to[1])))


# -- answering requests -----------------------------------------------------------------

_UNSERVED_HEADERS = {"transfer-encoding", "content-length"}
_REPLAYS: WeakKeyDictionary[Crawler, ArchiveReplay] = WeakKeyDictionary()
"""The replay of each crawl (its archives are indexed once)."""


class ArchiveReplay:
    """Answers requests from WARC/ARC archives, keeping the real URLs.

    Each request gets the capture :meth:`ArchiveIndex.lookup` picks (``ANTARA_ARCHIVE_AS_OF``
    picks the one nearest a time), with the capture's status and headers and its payload
    decoded; a revisit is served with the payload of the response it refers to. A URL
    the archives lack is a 404, counted in ``antara/archive/missing``: a robots.txt the
    archives lack thus means no restrictions. A payload past ``DOWNLOAD_MAXSIZE`` (or the
    request's ``download_maxsize``) is cancelled, as Scrapy cancels such a download.
    """

    def __init__(
        self,
        index: ArchiveIndex,
        as_of: datetime | None = None,
        stats: StatsCollector | None = None,
        maxsize: int = 0,
    ) -> None:
        self.index = index
        self.as_of = as_of
        self.stats = stats
        self.maxsize = maxsize

    @classmethod
    def from_crawler(cls, crawler: Crawler, archives: ArchiveFiles) -> ArchiveReplay:
        """The crawl's replay: built once and shared by the http and https handlers."""
        replay = _REPLAYS.get(crawler)
        if replay is None:
            replay = _REPLAYS[crawler] = cls._build(crawler, archives)
        return replay

    @classmethod
    def _build(cls, crawler: Crawler, archives: ArchiveFiles) -> Self:
        as_of = parse_as_of(crawler.settings.get("ANTARA_ARCHIVE_AS_OF") or "")
        index = ArchiveIndex.build(archives.paths)
        logger.info(
            "Answering from %d archive file(s): %d captures of %d URLs%s",
            len(archives.paths),
            index.captures,
            len(index.by_url),
            f", nearest {as_of.isoformat()}" if as_of else "",
        )
        if index.unresolved:
            logger.warning("%d revisit records refer to no record held", index.unresolved)
        return cls(index, as_of, crawler.stats, crawler.settings.getint("DOWNLOAD_MAXSIZE"))

    async def download_request(self, request: Request) -> Response:
        response = await run_in_thread(self.respond, request)
        if MISSING_FLAG in response.flags and self.stats is not None:
            self.stats.inc_value(MISSING_STAT)
        return response

    def respond(self, request: Request) -> Response:
        """The archived answer to ``request`` (its URL kept), or a 404 if none is held."""
        capture = self.index.lookup(request.url, self.as_of)
        maxsize = int(request.meta.get("download_maxsize", self.maxsize))
        try:
            answer = _answer(capture, maxsize) if capture is not None else None
        except PayloadTooLarge as exc:
            logger.warning("Archived page too large: %s: %s", request.url, exc)
            raise
        except (*_READ_ERRORS, StopIteration) as exc:
            logger.warning("Cannot read the capture of %s: %s", request.url, exc)
            answer = None
        if answer is None:
            logger.info("Not in the archives: %s", request.url)
            return Response(request.url, status=404, request=request, flags=[MISSING_FLAG])
        status, headers, body = answer
        respcls = responsetypes.from_args(headers=headers, url=request.url, body=body)
        return respcls(
            url=request.url,
            status=status,
            headers=headers,
            body=body,
            request=request,
            flags=["archive"],
        )


def _answer(capture: Capture, maxsize: int) -> tuple[int, Headers, bytes] | None:
    """Status, headers and decoded payload of a capture (a revisit's from its source)."""
    source = capture.source
    if source is None:
        return None
    with open_record(capture.path, capture.offset) as record:
        http = record.http_headers
        if source is capture:
            body, decoded = payload(record, maxsize)
    if source is not capture:
        with open_record(source.path, source.offset) as original:
            body, decoded = payload(original, maxsize)
            if http is None or status_of(http) == 304:
                http = original.http_headers
    dropped = _UNSERVED_HEADERS | ({"content-encoding"} if decoded else set())
    kept = [
        (name, value)
        for name, value in (http.headers if http else [])
        if name.lower() not in dropped
    ]
    return capture.status or 200, Headers(kept), body
