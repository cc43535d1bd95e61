"""Page bytes or text -> an lxml document, whatever the encoding."""

from __future__ import annotations

from lxml import etree
from w3lib.encoding import html_body_declared_encoding, html_to_unicode, read_bom

from antara_crawl.extract.errors import ExtractError

# lxml's plain HTML parser: lxml.html's element classes would cost a Python call per element.
_PARSER = etree.HTMLParser(
    encoding="utf-8", remove_comments=True, remove_pis=True, collect_ids=False
)


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
        raise ExtractError(f"{url}: empty page", url=url)
    try:
        root = etree.fromstring(data, parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ExtractError(f"{url}: not parseable as HTML ({exc})", url=url) from None
    if root is None:
        raise ExtractError(f"{url}: not parseable as HTML", url=url)
    return root


def _declares_utf8(page: bytes) -> bool:
    """The common case, cheaply: ``<meta charset="utf-8">`` near the top, no BOM to obey."""
    head = page[:1024].lower()
    return not page.startswith((b"\xff\xfe", b"\xfe\xff")) and (
        b'charset="utf-8"' in head or b"charset=utf-8" in head
    )
