"""Reading, checking and merging the JSON Lines feeds the crawl writes (``scrapy feeds``)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from antara_crawl.pipelines import item_problems
from antara_crawl.portals import PORTALS, parse_portal_keys, portal_for_url


@dataclass(frozen=True, slots=True)
class FeedLine:
    """One line of a feed: where it is, and its item or why it is not a good one."""

    path: str
    number: int
    item: dict[str, Any] | None
    problems: tuple[str, ...]

    @property
    def where(self) -> str:
        return f"{self.path}:{self.number}" if self.number else self.path


def read_feed(path: str | Path) -> Iterator[FeedLine]:
    """The lines of a JSON Lines feed, each parsed and checked against the item schema.

    A line that is not a JSON object, or an item that breaks the schema, comes with its
    problems and ``item`` None. Raises OSError if the file cannot be read.
    """
    with Path(path).open("rb") as feed:
        for number, raw in enumerate(feed, start=1):
            yield _check_line(str(path), number, raw)


def _check_line(path: str, number: int, raw: bytes) -> FeedLine:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return FeedLine(path, number, None, (f"not UTF-8 ({exc.reason} at byte {exc.start})",))
    if not text.strip():
        return FeedLine(path, number, None, ("blank line",))
    try:
        item = json.loads(text)
    except json.JSONDecodeError as exc:
        return FeedLine(path, number, None, (f"not JSON ({exc.msg} at column {exc.colno})",))
    if not isinstance(item, dict):
        return FeedLine(path, number, None, (f"not a JSON object but {type(item).__name__}",))
    problems = item_problems(item)
    return FeedLine(path, number, None if problems else item, tuple(problems))


def _version_rank(item: dict[str, Any]) -> tuple[int, str]:
    return int(item["version"]), str(item["crawled_at"])


def latest_versions(items: Iterable[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The latest version of each article, by ``id``: the highest ``version``, then the
    latest ``crawled_at``."""
    latest: dict[str, dict[str, Any]] = {}
    for item in items:
        known = latest.get(item["id"])
        if known is None or _version_rank(item) >= _version_rank(known):
            latest[item["id"]] = item
    return latest


def resolve_clusters(articles: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The articles with ``duplicate_of`` naming the earliest-published article of their
    near-duplicate cluster (None for that article itself).

    Clusters are the articles joined by the ``duplicate_of`` links they carry. An article
    named by a link but absent from ``articles`` was published no later than the articles
    naming it (the crawl links a copy only to an article not published after it), so it
    counts as published when the earliest of them was, and wins a tie.
    """
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for key, item in articles.items():
        original = item.get("duplicate_of")
        root(key)
        if original:
            parent[root(key)] = root(original)
    members: dict[str, list[str]] = {}
    for key in parent:
        members.setdefault(root(key), []).append(key)
    rank: dict[str, tuple[datetime, int, str]] = {}
    for key, item in articles.items():
        rank[key] = (datetime.fromisoformat(item["published_at"]), 1, key)
    for key, item in articles.items():
        original = item.get("duplicate_of")
        if original and original not in articles:
            bound = (rank[key][0], 0, original)
            rank[original] = min(rank.get(original, bound), bound)
    resolved = {}
    for key, item in articles.items():
        earliest = min(members[root(key)], key=rank.__getitem__)
        resolved[key] = {**item, "duplicate_of": None if earliest == key else earliest}
    return resolved


@dataclass(frozen=True, slots=True)
class ItemFilter:
    """Which articles to keep: published between ``since`` and ``until`` (each portal's own
    dates, inclusive), on ``portals``, police news only (``police.score`` ≥ ``min_score``)."""

    since: date | None = None
    until: date | None = None
    portals: frozenset[str] | None = None
    min_score: float | None = None

    def keeps(self, item: dict[str, Any]) -> bool:
        portal = PORTALS.get(item["portal"]) or portal_for_url(item["url"])
        day = portal.local_date(item["published_at"])
        return (
            (self.since is None or day >= self.since)
            and (self.until is None or day <= self.until)
            and (self.portals is None or item["portal"] in self.portals)
            and (self.min_score is None or float(item["police"]["score"]) >= self.min_score)
        )


def publication_order(item: dict[str, Any]) -> tuple[datetime, str]:
    """Sort key: publication time, then id."""
    return datetime.fromisoformat(item["published_at"]), item["id"]


def merge_feeds(lines: Iterable[FeedLine], keep: ItemFilter) -> list[dict[str, Any]]:
    """The latest version of each article in the good lines, near-duplicate clusters
    resolved across all of them, then filtered by ``keep``, in publication order."""
    articles = resolve_clusters(latest_versions(line.item for line in lines if line.item))
    return sorted((item for item in articles.values() if keep.keeps(item)), key=publication_order)


def write_jsonl(path: str | Path, items: Iterable[dict[str, Any]]) -> int:
    """Write ``items`` as JSON Lines to ``path`` (through a ``.part`` file moved into place);
    the number written."""
    final = Path(path)
    final.parent.mkdir(parents=True, exist_ok=True)
    part = Path(f"{final}.part")
    count = 0
    with part.open("w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
            count += 1
        out.flush()
        os.fsync(out.fileno())
    os.replace(part, final)
    return count


def portal_keys(value: str) -> frozenset[str]:
    """Portal keys from a comma-separated list (ValueError naming unknown keys)."""
    return frozenset(portal.key for portal in parse_portal_keys(value))
