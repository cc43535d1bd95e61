"""Item pipelines: complete, validate and dedupe items on their way to the feed.

Order (``ITEM_PIPELINES``): CompleteItemPipeline (100) fills the derived fields,
ValidateItemPipeline (200) drops items that break the schema, RunDedupePipeline (300)
drops a second item for an article already emitted in this run, StatePipeline (400)
drops articles unchanged since an earlier run, numbers versions and links wire copies.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import fastjsonschema
from itemadapter import ItemAdapter
from jsonschema import Draft202012Validator
from scrapy.exceptions import DropItem, NotConfigured

from antara_crawl.extensions import ArticleState
from antara_crawl.extract.dates import format_iso
from antara_crawl.extract.text import paragraph_key
from antara_crawl.items import SCHEMA_VERSION
from antara_crawl.state import StoredArticle, body_signature

if TYPE_CHECKING:
    from scrapy import Spider
    from scrapy.crawler import Crawler
    from typing_extensions import Self

logger = logging.getLogger(__name__)


class Dropped(DropItem):
    """An item that does not leave, with its ``reason`` for the run report."""

    def __init__(self, reason: str, message: str, log_level: str | None = None) -> None:
        super().__init__(message, log_level=log_level)
        self.reason = reason


VERSIONED_FIELDS: tuple[str, ...] = (
    "title",
    "published_at",
    "updated_at",
    "reporter",
    "editor",
    "dateline",
    "category",
    "tags",
    "image_url",
    "image_caption",
    "summary",
    "body",
    "related",
    "police.units",
    "police.officers",
    "police.terms",
    "police.score",
    "police.provinces",
)
"""The fields (``police.units``: a key of ``police``) whose change makes a new ``version``:
what the page says and what the analysis reads in it. Not counted: the article's identity
(``id``, ``portal``, ``province``; ``url``, whose slug depends on the link that led to the
page), how a run reached it (``discovered_via``, ``referrer``, ``depth``, ``crawled_at``),
what the state adds (``version``, ``duplicate_of``, ``withdrawn_at``), ``content_hash`` (the
body is counted) and ``police.reasons``, wording that explains ``police.score`` (counted)."""


def content_hash(body: str) -> str:
    """sha256 hex of an item's body."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def versioned_values(item: Mapping[str, Any]) -> dict[str, Any]:
    """The values of an item's :data:`VERSIONED_FIELDS`, by name (None where absent)."""
    values: dict[str, Any] = {}
    for name in VERSIONED_FIELDS:
        value: Any = item
        for part in name.split("."):
            value = value.get(part) if isinstance(value, Mapping) else None
        values[name] = value
    return values


def fields_hash(item: Mapping[str, Any]) -> str:
    """sha256 hex of the canonical JSON (sorted keys, UTF-8, compact) of an item's
    :data:`VERSIONED_FIELDS`: what ``version`` changes with."""
    text = json.dumps(
        versioned_values(item), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def is_unchanged(stored: StoredArticle, body_hash: str, item_fields_hash: str) -> bool:
    """Whether an article reads as its last emitted version did: the same
    :func:`fields_hash`, or, for a version recorded before fields were hashed, the same
    body (an upgrade does not emit every known article again)."""
    if stored.fields_hash is None:
        return stored.content_hash == body_hash
    return stored.fields_hash == item_fields_hash


class CompleteItemPipeline:
    """Fills ``content_hash``, ``crawled_at``, ``schema_version`` and the state defaults."""

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        adapter = ItemAdapter(item)
        adapter["content_hash"] = content_hash(adapter.get("body") or "")
        adapter["crawled_at"] = format_iso(datetime.now(timezone.utc))
        adapter["schema_version"] = SCHEMA_VERSION
        adapter.setdefault("version", 1)
        adapter.setdefault("duplicate_of", None)
        return item


@cache
def item_schema() -> dict[str, Any]:
    """The JSON Schema of a feed line (``antara_crawl/item.schema.json``)."""
    text = resources.files("antara_crawl").joinpath("item.schema.json").read_text("utf-8")
    return json.loads(text)


@cache
def item_validator() -> Draft202012Validator:
    """A validator for :func:`item_schema`, built once: it says why an item is invalid."""
    return Draft202012Validator(item_schema())


@cache
def item_check() -> Callable[[dict[str, Any]], Any]:
    """:func:`item_schema` compiled to Python (fastjsonschema): raises
    ``JsonSchemaValueException`` for an invalid item, many times faster than jsonschema."""
    return fastjsonschema.compile(item_schema(), use_default=False)


def schema_problems(item: dict[str, Any]) -> list[str]:
    """The item's schema violations as ``where: keyword``. Valid items (nearly all) pass the
    compiled check; jsonschema, the authority, names the violations of the others."""
    try:
        item_check()(item)
    except fastjsonschema.JsonSchemaValueException:
        pass
    else:
        return []
    return [
        f"{'.'.join(str(p) for p in error.absolute_path) or 'item'}: {error.validator}"
        for error in item_validator().iter_errors(item)
    ]


def item_problems(item: dict[str, Any]) -> list[str]:
    """Why an item may not leave: schema violations and repeated paragraphs, as short reasons."""
    problems = schema_problems(item)
    paragraphs = [paragraph_key(p) for p in str(item.get("body") or "").split("\n\n")]
    if len(paragraphs) != len(set(paragraphs)):
        problems.append("body: repeated paragraph")
    return problems


class ValidateItemPipeline:
    """Drops items that break the schema; logs each with its URL and counts it per reason."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        # The fields' values are plain JSON data already: a shallow copy is enough (asdict()
        # would walk every nested value looking for items).
        problems = item_problems(dict(ItemAdapter(item).items()))
        if problems:
            for problem in problems:
                self.stats.inc_value(f"antara/invalid/{problem}")
            url = ItemAdapter(item).get("url")
            raise Dropped("invalid", f"Invalid item {url}: {'; '.join(problems)}")
        return item


class RunDedupePipeline:
    """Drops a second item for an article key already emitted in this run."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self.seen: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        key = ItemAdapter(item)["id"]
        if key in self.seen:
            self.stats.inc_value("antara/duplicate_in_run")
            raise Dropped("duplicate_in_run", f"Already emitted in this run: {key}")
        self.seen.add(key)
        return item


class StatePipeline:
    """Cross-run dedupe and versions, and near-duplicate links (``ANTARA_STATE``).

    An article whose :data:`VERSIONED_FIELDS` are unchanged since a previous run is dropped
    (not emitted again); a changed one, or one withdrawn since (``withdrawn_at``), leaves with
    ``version`` + 1 (counted as ``antara/reextracted/changed`` too in a replay,
    ``ANTARA_REEXTRACT``). ``duplicate_of`` names the
    earliest-seen article with a near-identical body (a wire copy republished).
    The item is staged in the store; when the pipelines close, every item of the run is
    staged and the links of wire copies downloaded before their original are settled
    (:meth:`ArticleState.settle_relinks`); the ArticleState extension commits the items once
    the feeds are stored.
    """

    def __init__(self, crawler: Crawler, state: ArticleState) -> None:
        self.stats = crawler.stats
        self.state = state
        self.reextract = crawler.settings.getbool("ANTARA_REEXTRACT")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        state = crawler.get_extension(ArticleState)
        if state is None:
            raise NotConfigured("the ArticleState extension is not enabled")
        return cls(crawler, state)

    def process_item(self, item: Any, spider: Spider | None = None) -> Any:
        store = self.state.store
        if store is None:
            return item
        adapter = ItemAdapter(item)
        key = adapter["id"]
        seen_at = datetime.now(timezone.utc).isoformat()
        stored = store.get(key)
        withdrawn = adapter.get("withdrawn_at") is not None
        fields = fields_hash(adapter)
        if (
            stored is not None
            and not withdrawn
            and is_unchanged(stored, adapter["content_hash"], fields)
        ):
            store.touch(key, seen_at, fields)
            self.stats.inc_value("antara/state/unchanged")
            raise Dropped("unchanged", f"Unchanged since an earlier run: {key}", log_level="DEBUG")
        signature = body_signature(adapter["body"])
        adapter["version"] = stored.version + 1 if stored else 1
        adapter["duplicate_of"] = store.near_duplicate_of(
            key, signature, adapter.get("published_at")
        )
        self.stats.inc_value("antara/state/changed" if stored else "antara/state/new")
        if stored and self.reextract and not withdrawn:
            self.stats.inc_value("antara/reextracted/changed")
        if adapter["duplicate_of"]:
            self.stats.inc_value("antara/state/near_duplicate")
        store.stage(
            key,
            adapter["content_hash"],
            adapter["version"],
            seen_at,
            adapter.get("published_at"),
            adapter["duplicate_of"],
            signature,
            fields_hash=fields,
        )
        store.keep_item(key, adapter["published_at"], adapter.asdict())
        return item

    def close_spider(self) -> None:
        self.state.settle_relinks()
