"""Wire-copy links settled at the end of a run, applied to a finished feed file.

A copy downloaded before its original goes out unlinked (``duplicate_of`` null); once every
item of the run is staged, the state settles the links (``StateStore.relink_pending``), and
the feed storage corrects the feed before moving it into place (:func:`relink_stream`).

The feed is read back with the standard parser of its format (JSON Lines, JSON, CSV, XML
with lxml), its compression undone (Scrapy's gzip, bz2 and lzma post-processing plugins),
and written again by the feed's own exporter class with the feed's own options: only after
re-exporting the items as read gives back the very same bytes, so that the corrected feed
differs from the original in the relinked items' ``duplicate_of`` alone. A feed that does not
pass (another exporter or plugin, options that do not round-trip) raises
:class:`FeedNotRewritable` and is left as it is.
"""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import lzma
from collections.abc import Callable, Mapping
from typing import IO, TYPE_CHECKING, Any

from lxml import etree
from scrapy.exporters import (
    BaseItemExporter,
    CsvItemExporter,
    JsonItemExporter,
    JsonLinesItemExporter,
    XmlItemExporter,
)
from scrapy.extensions.postprocessing import (
    Bz2Plugin,
    GzipPlugin,
    LZMAPlugin,
    PostProcessingManager,
)
from scrapy.utils.misc import build_from_crawler, load_object

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

CSV_DIALECT_OPTIONS = frozenset(
    {"dialect", "delimiter", "doublequote", "escapechar", "lineterminator", "quotechar",
     "quoting", "skipinitialspace", "strict"}
)  # fmt: skip
"""``item_export_kwargs`` of a CSV feed that its reader needs too."""


class FeedNotRewritable(Exception):
    """A feed whose format, compression or options the relinking cannot rewrite safely."""


def _unlzma(file: IO[bytes], options: Mapping[str, Any]) -> IO[bytes]:
    if options.get("lzma_format") == lzma.FORMAT_RAW:
        return lzma.LZMAFile(file, "rb", format=lzma.FORMAT_RAW, filters=options["lzma_filters"])
    return lzma.LZMAFile(file, "rb", format=options.get("lzma_format"))


DECOMPRESSORS: dict[type, Callable[[IO[bytes], Mapping[str, Any]], IO[bytes]]] = {
    GzipPlugin: lambda file, options: gzip.GzipFile(fileobj=file, mode="rb"),
    Bz2Plugin: lambda file, options: bz2.BZ2File(file, "rb"),
    LZMAPlugin: _unlzma,
}
"""How to read through each of Scrapy's post-processing plugins (``postprocessing`` feed
option): a reader of the file it wrote."""
UNDO_ERRORS = (OSError, EOFError, lzma.LZMAError)


def decompressing(file: IO[bytes], options: Mapping[str, Any]) -> IO[bytes]:
    """A reader of a stored feed with its ``postprocessing`` plugins undone, the last applied
    first; its read errors are among :data:`UNDO_ERRORS` and ValueError."""
    for plugin in reversed(options.get("postprocessing") or []):
        undo = DECOMPRESSORS.get(load_object(plugin))
        if undo is None:
            raise FeedNotRewritable(f"post-processing plugin {plugin!r} cannot be undone")
        file = undo(file, options)
    return file


def decompress(data: bytes, options: Mapping[str, Any]) -> bytes:
    """A feed's bytes with its ``postprocessing`` plugins undone, the last applied first."""
    try:
        return decompressing(io.BytesIO(data), options).read()
    except (*UNDO_ERRORS, ValueError) as exc:
        raise FeedNotRewritable(f"its post-processing cannot be undone: {exc}") from exc


def compress(data: bytes, options: Mapping[str, Any]) -> bytes:
    """``data`` through the feed's ``postprocessing`` plugins, as Scrapy applies them."""
    plugins = options.get("postprocessing") or []
    if not plugins:
        return data
    buffer = io.BytesIO()
    manager = PostProcessingManager(plugins, buffer, dict(options))
    manager.write(data)
    manager.close()
    return buffer.getvalue()


def _element_value(element: etree._Element) -> Any:
    """What :class:`XmlItemExporter` wrote as ``element``: text, a list (``<value>``
    children) or a mapping (other children)."""
    if len(element) == 0:
        return element.text or ""
    if all(child.tag == "value" for child in element):
        return [_element_value(child) for child in element]
    return {child.tag: _element_value(child) for child in element}


def read_items(data: bytes, exporter: type[BaseItemExporter], options: Mapping[str, Any]) -> list:
    """The items of an (uncompressed) feed written by ``exporter``, as its format's standard
    parser reads them back."""
    encoding = options.get("encoding") or "utf-8"
    kwargs = options.get("item_export_kwargs") or {}
    try:
        if issubclass(exporter, JsonLinesItemExporter):
            return [json.loads(line) for line in data.decode(encoding).split("\n") if line]
        if issubclass(exporter, JsonItemExporter):
            items = json.loads(data.decode(encoding))
            if not isinstance(items, list):
                raise ValueError("not a JSON array")
            return items
        if issubclass(exporter, CsvItemExporter):
            dialect = {k: v for k, v in kwargs.items() if k in CSV_DIALECT_OPTIONS}
            text = io.StringIO(data.decode(encoding), newline="")
            return list(csv.DictReader(text, **dialect))
        if issubclass(exporter, XmlItemExporter):
            # decoded by Python, which knows every encoding the exporter does (libxml2 not)
            parser = etree.XMLParser(
                encoding="utf-8", resolve_entities=False, no_network=True, huge_tree=True
            )
            root = etree.fromstring(data.decode(encoding).encode("utf-8"), parser)
            return [_element_value(item) for item in root]
    except (ValueError, csv.Error, etree.XMLSyntaxError) as exc:
        raise FeedNotRewritable(f"it cannot be read back: {exc}") from exc
    raise FeedNotRewritable(f"the exporter {exporter.__name__} cannot be read back")


def _exporter(
    exporter: type[BaseItemExporter], crawler: Crawler, file: IO[bytes], options: Mapping[str, Any]
) -> BaseItemExporter:
    """``exporter`` writing to ``file`` with a feed's options, as Scrapy's feed slot makes it."""
    return build_from_crawler(
        exporter,
        crawler,
        file,
        fields_to_export=options.get("fields"),
        encoding=options.get("encoding"),
        indent=options.get("indent"),
        **(options.get("item_export_kwargs") or {}),
    )


def export_items(
    items: list, exporter: type[BaseItemExporter], crawler: Crawler, options: Mapping[str, Any]
) -> bytes:
    """``items`` written by ``exporter`` with a feed's options, as Scrapy's feed slot does."""
    buffer = io.BytesIO()
    instance = _exporter(exporter, crawler, buffer, options)
    instance.start_exporting()
    for item in items:
        instance.export_item(item)
    instance.finish_exporting()
    return buffer.getvalue()


def _relinked(items: list, relinks: Mapping[str, str]) -> list[dict]:
    """The items whose ``duplicate_of`` ``relinks`` sets; FeedNotRewritable when an item
    does not say its id."""
    if not all(isinstance(item, dict) and "id" in item for item in items):
        raise FeedNotRewritable("its items do not say their id")
    return [item for item in items if item["id"] in relinks and "duplicate_of" in item]


def relink_lines(
    source: IO[bytes],
    target: IO[bytes],
    relinks: Mapping[str, str],
    exporter: type[JsonLinesItemExporter],
    crawler: Crawler,
    options: Mapping[str, Any],
) -> int:
    """A JSON Lines feed (``source``, as stored) written to ``target`` with ``duplicate_of``
    set as ``relinks`` says, one line at a time (a feed of any size, in little memory);
    returns how many items changed. Each line must be what the exporter writes for the
    item it holds, else FeedNotRewritable (``target`` then holds part of the feed)."""
    encoding = options.get("encoding") or "utf-8"
    buffer = io.BytesIO()
    instance = _exporter(exporter, crawler, buffer, options)
    plugins = options.get("postprocessing") or []
    out = PostProcessingManager(plugins, target, dict(options)) if plugins else target
    changed = 0
    try:
        for line in io.TextIOWrapper(decompressing(source, options), encoding, newline="\n"):
            item = json.loads(line)
            if _export_one(instance, buffer, item) != line.encode(encoding):
                raise FeedNotRewritable("its items do not read back as they were written")
            if _relinked([item], relinks):
                item["duplicate_of"] = relinks[item["id"]]
                changed += 1
            out.write(_export_one(instance, buffer, item))
    except UNDO_ERRORS as exc:
        raise FeedNotRewritable(f"its post-processing cannot be undone: {exc}") from exc
    except ValueError as exc:
        raise FeedNotRewritable(f"it cannot be read back: {exc}") from exc
    if plugins:
        out.close()
    return changed


def _export_one(instance: BaseItemExporter, buffer: io.BytesIO, item: dict) -> bytes:
    """What ``instance`` (a line exporter writing to ``buffer``) writes for one item."""
    buffer.seek(0)
    buffer.truncate()
    instance.export_item(item)
    return buffer.getvalue()


def relink_stream(
    source: IO[bytes],
    target: IO[bytes],
    relinks: Mapping[str, str],
    exporter: type[BaseItemExporter],
    crawler: Crawler,
    options: Mapping[str, Any],
) -> int:
    """A finished feed (``source``, as stored: encoded, post-processed) written to ``target``
    with ``duplicate_of`` set as ``relinks`` (``{item id: original id}``) says; returns how
    many of its items changed (``target`` is left empty when none did). JSON Lines is
    streamed (:func:`relink_lines`); the other formats are read whole.

    Raises :class:`FeedNotRewritable` when the feed cannot be read back faithfully.
    """
    if issubclass(exporter, JsonLinesItemExporter):
        start = target.tell()
        changed = relink_lines(source, target, relinks, exporter, crawler, options)
        if not changed:
            target.seek(start)
            target.truncate()
        return changed
    plain = decompress(source.read(), options)
    items = read_items(plain, exporter, options)
    relinked = _relinked(items, relinks)
    try:
        faithful = export_items(items, exporter, crawler, options) == plain
    except (TypeError, ValueError) as exc:
        raise FeedNotRewritable(f"it cannot be written again: {exc}") from exc
    if not faithful:
        raise FeedNotRewritable("its items do not read back as they were written")
    for item in relinked:
        item["duplicate_of"] = relinks[item["id"]]
    if relinked:
        target.write(compress(export_items(items, exporter, crawler, options), options))
    return len(relinked)
