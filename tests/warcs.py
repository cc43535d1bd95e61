"""Archives shaped like web archives' (Heritrix, Browsertrix, Common Crawl), written with warcio.

    with ArchiveBuilder(path, gzip=True) as archive:
        digest = archive.response(url, when, body, gzip=True, chunked=True)
        archive.revisit(url, later, digest, refers_to=(url, when))

Payloads are stored as sent: chunked transfer encoding and gzip content encoding included.
"""

from __future__ import annotations

import gzip as gzip_module
from datetime import datetime, timezone
from io import BytesIO
from pathlib import Path
from types import TracebackType
from typing import IO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def warc_date(moment: datetime) -> str:
    """``2026-11-29T19:03:08Z``: a WARC-Date to the second, as WARC/1.0 writers put it."""
    return f"{moment.astimezone(timezone.utc):%Y-%m-%dT%H:%M:%SZ}"


def chunked(data: bytes, size: int = 700) -> bytes:
    """``data`` in HTTP/1.1 chunked transfer encoding."""
    pieces = [data[i : i + size] for i in range(0, len(data), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces) + b"0\r\n\r\n"


class ArchiveBuilder:
    """A WARC file written record by record (per-record gzip when ``gzip``)."""

    def __init__(self, path: Path, *, gzip: bool = True, version: str = "1.0") -> None:
        self._file: IO[bytes] = path.open("wb")
        self._writer = WARCWriter(self._file, gzip=gzip, warc_version=version)

    def __enter__(self) -> ArchiveBuilder:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._file.close()

    def response(
        self,
        url: str,
        when: datetime,
        body: bytes,
        *,
        content_type: str = "text/html; charset=utf-8",
        status: str = "200 OK",
        gzip: bool = False,
        chunked_transfer: bool = False,
        headers: list[tuple[str, str]] | None = None,
    ) -> str:
        """Write a response record; returns its ``WARC-Payload-Digest``."""
        payload = gzip_module.compress(body) if gzip else body
        fields = [("Content-Type", content_type), *(headers or [])]
        if gzip:
            fields.append(("Content-Encoding", "gzip"))
        if chunked_transfer:
            payload = chunked(payload)
            fields.append(("Transfer-Encoding", "chunked"))
        else:
            fields.append(("Content-Length", str(len(payload))))
        record = self._writer.create_warc_record(
            url,
            "response",
            payload=BytesIO(payload),
            length=len(payload),
            http_headers=StatusAndHeaders(status, fields, protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-Date": warc_date(when)},
        )
        self._writer.write_record(record)
        return record.rec_headers.get_header("WARC-Payload-Digest")

    def revisit(
        self,
        url: str,
        when: datetime,
        digest: str,
        *,
        refers_to: tuple[str, datetime] | None,
        content_type: str = "text/html; charset=utf-8",
        status: str = "200 OK",
    ) -> None:
        """Write a revisit, naming the record it repeats by ``WARC-Refers-To-*`` or
        (``refers_to=None``, as older crawlers do) by payload digest only; ``status``
        ``304 Not Modified`` for a server-not-modified revisit."""
        http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        target, date = refers_to or (url, when)
        record = self._writer.create_revisit_record(
            url, digest, target, warc_date(date), http_headers=http
        )
        record.rec_headers.replace_header("WARC-Date", warc_date(when))
        if refers_to is None:
            record.rec_headers.remove_header("WARC-Refers-To-Target-URI")
            record.rec_headers.remove_header("WARC-Refers-To-Date")
        self._writer.write_record(record)


def arc_file(path: Path, records: list[tuple[str, datetime, bytes]]) -> None:
    """An uncompressed ARC (version 1) file of HTTP responses ``(url, when, http_message)``."""
    stamp = f"{datetime.now(timezone.utc):%Y%m%d%H%M%S}"
    about = b"1 0 test\nURL IP-address Archive-date Content-type Archive-length\n"
    out = [
        b"filedesc://%s 0.0.0.0 %s text/plain %d\n"
        % (path.name.encode(), stamp.encode(), len(about)),
        about,
        b"\n",
    ]
    for url, when, message in records:
        moment = f"{when.astimezone(timezone.utc):%Y%m%d%H%M%S}"
        out.append(b"%s 0.0.0.0 %s text/html %d\n" % (url.encode(), moment.encode(), len(message)))
        out += [message, b"\n"]
    path.write_bytes(b"".join(out))
