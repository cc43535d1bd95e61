"""Wire-copy links settled at the end of a run, applied to a finished feed file.

A copy downloaded before its original goes out unlinked (``duplicate_of`` null); once every
item of the run is staged, the state settles the links (``StateStore.relink_pending``), and
the feed storage corrects the feed before moving it into place (:func:`relink_feed`).

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
from typing import TYPE_CHECKING, Any

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


def _unlzma(data: bytes, options: Mapping[str, Any]) -> bytes:
    if options.get("lzma_format") == lzma.FORMAT_RAW:
        return lzma.decompress(data, format=lzma.FORMAT_RAW, filters=options["lzma_filters"])
    return lzma.decompress(data)


DECOMPRESSORS: dict[type, Callable[[bytes, Mapping[str, Any]], bytes]] = {
    GzipPlugin: lambda data, options: gzip.decompress(data),
    Bz2Plugin: lambda data, options: bz2.decompress(data),
    LZMAPlugin: _unlzma,
}
"""How to undo each of Scrapy's post-processing plugins (``postprocessing`` feed option)."""


def decompress(data: bytes, options: Mapping[str, Any]) -> bytes:
    """A feed's bytes with its ``postprocessing`` plugins undone, the last applied first."""
    for plugin in reversed(options.get("postprocessing") or []):
        undo = DECOMPRESSORS.get(load_object(plugin))
        if undo is None:
            raise FeedNotRewritable(f"post-processing plugin {plugin!r} cannot be undone")
        try:
            data = undo(data, options)
        except (OSError, EOFError, lzma.LZMAError, ValueError) as exc:
            raise FeedNotRewritable(f"{plugin!r} cannot be undone: {exc}") from exc
    return data


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


def export_items(
    items: list, exporter: type[BaseItemExporter], crawler: Crawler, options: Mapping[str, Any]
) -> bytes:
    """``items`` written by ``exporter`` with a feed's options, as Scrapy's feed slot does."""
    buffer = io.BytesIO()
    instance = build_from_crawler(
        exporter,
        crawler,
        buffer,
        fields_to_export=options.get("fields"),
        encoding=options.get("encoding"),
        indent=options.get("indent"),
        **(options.get("item_export_kwargs") or {}),
    )
    instance.start_exporting()
    for item in items:
        instance.export_item(item)
    instance.finish_exporting()
    return buffer.getvalue()


def relink_feed(
    data: bytes,
    relinks: Mapping[str, str],
    exporter: type[BaseItemExporter],
    crawler: Crawler,
    options: Mapping[str, Any],
) -> tuple[bytes, int]:
    """A finished feed (``data``, as stored: encoded, post-processed) with ``duplicate_of``
    set as ``relinks`` (``{item id: original id}``) says, and how many of its items changed.

    Raises :class:`FeedNotRewritable` when the feed cannot be read back faithfully.
    """
    plain = decompress(data, options)
    items = read_items(plain, exporter, options)
    if not all(isinstance(item, dict) and "id" in item for item in items):
        raise FeedNotRewritable("its items do not say their id")
    try:
        faithful = export_items(items, exporter, crawler, options) == plain
    except (TypeError, ValueError) as exc:
        raise FeedNotRewritable(f"it cannot be written again: {exc}") from exc
    if not faithful:
        raise FeedNotRewritable("its items do not read back as they were written")
    relinked = [item for item in items if item["id"] in relinks and "duplicate_of" in item]
    if not relinked:
        return data, 0
    for item in relinked:
        item["duplicate_of"] = relinks[item["id"]]
    return compress(export_items(items, exporter, crawler, options), options), len(relinked)
