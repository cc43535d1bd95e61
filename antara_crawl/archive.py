"""ANTARA_ARCHIVE: every response the crawl receives kept, with its request, as WARC/1.1.

A run writes ``DIR/<UTC start>.warc.gz`` (one gzip member per record) and its CDXJ index
``DIR/<UTC start>.cdxj``. The archive is written as ``.part`` and moved into place at the
end; each record is appended whole, so a killed run leaves a ``.part`` that warcio reads
to its last record, and the next run finishes it (or removes it when it holds no response).
``ANTARA_MIRROR`` replays such archives: see :mod:`antara_crawl.warc`.
"""

from __future__ import annotations

import fcntl
import logging
import os
import zlib
from datetime import datetime, timezone
from http import HTTPStatus
from importlib.metadata import version
from io import BytesIO
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import NotConfigured
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from antara_crawl import __version__
from antara_crawl.warc import MISSING_FLAG, cdxj_lines, parse_as_of

if TYPE_CHECKING:
    from collections.abc import Mapping

    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.settings import BaseSettings
    from typing_extensions import Self

logger = logging.getLogger(__name__)

WARC_SUFFIX = ".warc.gz"
PART_SUFFIX = ".part"
RESPONSES_STAT = "antara/archive/responses"
RECORDS_STAT = "antara/archive/records"
FILE_STAT = "antara/archive/file"
FAILED_STAT = "antara/archive/failed"
_REPLACED_HEADERS = {b"transfer-encoding", b"content-length"}
_CHUNK = 1 << 16
_NOT_FETCHED = {"cached", "archive", MISSING_FLAG}
"""Response flags of answers this run did not fetch: HTTP cache hits, archive replays."""


def parse_archive_setting(value: str) -> Path | None:
    """``ANTARA_ARCHIVE``: the directory archives go to (made if missing), None if empty.

    Raises ValueError (one line) when it cannot be made or written to.
    """
    value = value.strip()
    if not value:
        return None
    path = Path(value).expanduser()
    if path.exists() and not path.is_dir():
        raise ValueError(f"ANTARA_ARCHIVE={value!r} is not a directory")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ValueError(
            f"ANTARA_ARCHIVE={value!r} is not a usable directory: {exc.strerror}"
        ) from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise ValueError(f"ANTARA_ARCHIVE={value!r} is not writable")
    return path


def check_archive_settings(settings: BaseSettings) -> None:
    """Raise ValueError (one line) for a bad ``ANTARA_ARCHIVE`` or ``ANTARA_ARCHIVE_AS_OF``."""
    parse_archive_setting(settings.get("ANTARA_ARCHIVE") or "")
    parse_as_of(settings.get("ANTARA_ARCHIVE_AS_OF") or "")


def archive_summary(stats: Mapping[str, Any]) -> dict[str, Any] | None:
    """The run's archive for its report, from the stats: ``path`` (None when no response
    was kept), ``responses``, ``records`` (WARC records, warcinfo included) and ``failed``
    (why archiving stopped, or None); None when the run kept no archive."""
    if not any(name in stats for name in (FILE_STAT, RESPONSES_STAT, FAILED_STAT)):
        return None
    return {
        "path": stats.get(FILE_STAT),
        "responses": int(stats.get(RESPONSES_STAT) or 0),
        "records": int(stats.get(RECORDS_STAT) or 0),
        "failed": stats.get(FAILED_STAT),
    }


def index_path(archive: Path) -> Path:
    """The CDXJ index beside an archive: ``X.cdxj`` for ``X.warc.gz`` (or its ``.part``)."""
    stem = archive.name.removesuffix(PART_SUFFIX).removesuffix(WARC_SUFFIX)
    return archive.with_name(f"{stem}.cdxj")


# -- records ----------------------------------------------------------------------------


def response_http_headers(response: Response) -> StatusAndHeaders:
    """The status line and headers of ``response`` for its WARC record.

    The body is stored as received, still content-encoded (the archive middleware sees it
    before HttpCompressionMiddleware), but without chunked transfer encoding, which the
    HTTP client removed: so ``Transfer-Encoding`` is dropped and ``Content-Length`` is the
    stored payload's length, and the record replays as it was sent.
    """
    try:
        reason = HTTPStatus(response.status).phrase
    except ValueError:
        reason = ""
    headers = [
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, values in response.headers.items()
        if name.lower() not in _REPLACED_HEADERS
        for value in values
    ]
    headers.append(("Content-Length", str(len(response.body))))
    statusline = f"{response.status} {reason}".rstrip()
    return StatusAndHeaders(statusline, headers, protocol=response.protocol or "HTTP/1.1")


def request_http_headers(request: Request) -> StatusAndHeaders:
    """The request line and headers of ``request`` for its WARC record (``Host`` added,
    as the HTTP client sends it)."""
    parts = urlsplit(request.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = [] if b"Host" in request.headers else [("Host", parts.netloc)]
    headers += [
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, values in request.headers.items()
        for value in values
    ]
    return StatusAndHeaders(f"{request.method} {target} HTTP/1.1", headers, is_http_request=True)


# -- files ------------------------------------------------------------------------------


class ArchiveWriter:
    """One run's archive, ``DIR/<UTC start>.warc.gz``, written as ``.part``.

    The part is locked while written, so that no other run settles it. Every record is a
    gzip member; a response and its request are written to the file in one piece and
    flushed, so a killed run leaves whole records. :meth:`close` indexes the archive and
    moves it into place.
    """

    def __init__(self, directory: Path, start: datetime, info: dict[str, str]) -> None:
        self.path, self._file = _create_part(directory, start)
        self.responses = 0
        self.records = 1  # the warcinfo record
        self._buffer = BytesIO()
        self._writer = WARCWriter(self._buffer, gzip=True, warc_version="1.1")
        self._writer.write_record(self._writer.create_warcinfo_record(self.path.name, info))
        self._flush()

    @property
    def part(self) -> Path:
        return self.path.with_name(self.path.name + PART_SUFFIX)

    def write(self, request: Request, response: Response) -> None:
        """Append the ``response`` record and its ``request`` record."""
        make = self._writer.create_warc_record
        answer = make(
            response.url,
            "response",
            payload=BytesIO(response.body),
            length=len(response.body),
            http_headers=response_http_headers(response),
        )
        asked = make(
            response.url,
            "request",
            payload=BytesIO(request.body),
            length=len(request.body),
            http_headers=request_http_headers(request),
        )
        self._writer.write_request_response_pair(asked, answer)
        self._flush()
        self.responses += 1
        self.records += 2

    def _flush(self) -> None:
        self._file.write(self._buffer.getbuffer())
        self._file.flush()
        self._buffer.seek(0)
        self._buffer.truncate()

    def close(self) -> tuple[Path | None, int]:
        """Sync the archive, then index it and move it into place (see :func:`settle_part`)."""
        try:
            self._file.flush()
            os.fsync(self._file.fileno())
            return settle_part(self.part)
        finally:
            self._file.close()


def _create_part(directory: Path, start: datetime) -> tuple[Path, IO[bytes]]:
    """A new, locked ``{start}.warc.gz.part`` (``{start}-N`` if taken) and its final path."""
    stem = f"{start.astimezone(timezone.utc):%Y%m%dT%H%M%SZ}"
    number = 0
    while True:
        final = directory / f"{stem}{f'-{number}' if number else ''}{WARC_SUFFIX}"
        part = final.with_name(final.name + PART_SUFFIX)
        number += 1
        if final.exists():
            continue
        try:
            file = os.fdopen(os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644), "wb")
        except FileExistsError:
            continue
        fcntl.flock(file, fcntl.LOCK_EX)
        if is_file_at(file, part):
            return final, file
        file.close()  # settled as empty by another run before it was locked


def is_file_at(file: IO[bytes], path: Path) -> bool:
    """Whether the open ``file`` is still the file at ``path`` (not removed or replaced
    by another process since it was opened)."""
    try:
        return os.stat(path).st_ino == os.fstat(file.fileno()).st_ino
    except FileNotFoundError:
        return False


def settle_part(part: Path) -> tuple[Path | None, int]:
    """Index an archive part and move it into place, or remove it if it holds no response.

    The CDXJ index is written (through a ``.part`` of its own) before the archive is
    moved, so a finished archive always has its index. Returns the archive's final path
    (None when removed) and its number of responses.
    """
    final = part.with_name(part.name.removesuffix(PART_SUFFIX))
    lines = cdxj_lines(part, filename=final.name)
    if not lines:
        part.unlink()
        return None, 0
    index = index_path(final)
    index_part = index.with_name(index.name + PART_SUFFIX)
    index_part.write_text("".join(f"{line}\n" for line in lines), "utf-8")
    os.replace(index_part, index)
    os.replace(part, final)
    return final, len(lines)


def complete_length(file: IO[bytes]) -> int:
    """How many leading bytes of ``file`` are whole gzip members: what is left of an
    archive once the record a killed run was writing is cut."""
    file.seek(0)
    done = position = 0
    member = zlib.decompressobj(zlib.MAX_WBITS | 16)
    while chunk := file.read(_CHUNK):
        data = chunk
        while data:
            try:
                member.decompress(data)
            except zlib.error:
                return done
            if not member.eof:
                position += len(data)
                break
            position += len(data) - len(member.unused_data)
            done = position
            data = member.unused_data
            member = zlib.decompressobj(zlib.MAX_WBITS | 16)
    return done


def settle_interrupted(directory: Path) -> None:
    """Finish or remove the archives killed runs left in ``directory``, saying so.

    A ``*.warc.gz.part`` that no running crawl holds is cut after its last whole record,
    then indexed and moved into place, or removed if it holds no response.
    """
    for part in sorted(directory.glob(f"*{WARC_SUFFIX}{PART_SUFFIX}")):
        try:
            file = part.open("r+b")
        except FileNotFoundError:  # settled meanwhile by another run
            continue
        with file:
            try:
                fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:  # a running crawl's archive
                continue
            if not is_file_at(file, part):
                continue
            end = complete_length(file)
            cut = file.seek(0, os.SEEK_END) - end
            file.truncate(end)
            final, responses = settle_part(part)
        dropped = f"; {cut} bytes of an unfinished record dropped" if cut else ""
        if final is None:
            logger.warning(
                "Removed the archive of an interrupted run: %s (no response%s)", part, dropped
            )
        else:
            logger.warning(
                "Finished the archive of an interrupted run: %s (%d responses%s)",
                final,
                responses,
                dropped,
            )


# -- the component ----------------------------------------------------------------------


class ArchiveMiddleware:
    """Keeps every response the crawl receives, with its request, as WARC/1.1 records in
    ``ANTARA_ARCHIVE`` (not configured when the setting is empty).

    It sits next to the download handler (after HttpCacheMiddleware), so it sees each
    response as it arrived: robots.txt, feeds, listings, articles, redirects and errors,
    retried ones too, bodies still content-encoded. Answers from the HTTP cache or from
    archives (``ANTARA_MIRROR``) are not kept: this run did not fetch them. When the spider
    opens, archives that killed runs left are settled; when it closes, the run's archive
    is indexed and moved into place.
    """

    def __init__(self, crawler: Crawler, directory: Path) -> None:
        self.crawler = crawler
        self.directory = directory
        self.writer: ArchiveWriter | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        directory = parse_archive_setting(crawler.settings.get("ANTARA_ARCHIVE") or "")
        if directory is None:
            raise NotConfigured  # quietly: no archive is the default
        middleware = cls(crawler, directory)
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def spider_opened(self, spider: Spider) -> None:
        settle_interrupted(self.directory)
        self.writer = ArchiveWriter(self.directory, datetime.now(timezone.utc), self._info())
        logger.info("Archiving responses to %s", self.writer.part)

    def _info(self) -> dict[str, str]:
        """The ``warcinfo`` record's fields."""
        settings = self.crawler.settings
        info = {
            "software": f"antara-crawl/{__version__} (warcio {version('warcio')})",
            "format": "WARC File Format 1.1",
            "conformsTo": "https://iipc.github.io/warc-specifications/specifications/"
            "warc-format/warc-1.1/",
            "http-header-user-agent": settings.get("USER_AGENT") or "",
            "robots": "obey" if settings.getbool("ROBOTSTXT_OBEY") else "ignore",
        }
        if settings.get("ANTARA_MIRROR"):
            info["description"] = f"answered by the mirror {settings.get('ANTARA_MIRROR')}"
        return info

    def process_response(
        self, request: Request, response: Response, spider: Spider | None = None
    ) -> Response:
        if self.writer is not None and not _NOT_FETCHED & set(response.flags):
            try:
                self.writer.write(request, response)
            except OSError as exc:
                logger.error("Archiving stopped: cannot write %s: %s", self.writer.part, exc)
                self.crawler.stats.set_value(FAILED_STAT, str(exc))
                self.spider_closed()
                return response
            self.crawler.stats.inc_value(RESPONSES_STAT)
        return response

    def spider_closed(self, spider: Spider | None = None) -> None:
        writer, self.writer = self.writer, None
        if writer is None:
            return
        try:
            path, responses = writer.close()
        except OSError as exc:
            logger.error("Archive left unfinished: %s: %s", writer.part, exc)
            return
        if path is None:
            logger.info("No archive written: no response received")
            return
        self.crawler.stats.set_value(FILE_STAT, str(path))
        self.crawler.stats.set_value(RECORDS_STAT, writer.records)
        logger.info("Archive written: %s (%d responses with their requests)", path, responses)
