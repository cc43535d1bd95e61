"""Cross-run state on Redis (``ANTARA_STATE=redis://…``), for runs spread over several machines.

The same meaning as the SQLite store (:class:`antara_crawl.state.ArticleStore`), through the
same interface (:class:`antara_crawl.state.StateStore`): what earlier runs emitted (content
hash, version, first and last seen, publication time, ``duplicate_of``, fields hash, MinHash
signature),
what they downloaded without emitting (with the police score), how far back each listing was
read, and the LSH band index; when each article was last downloaded with its server's
validators, and the last emitted version of each young article. Every worker stages what it
emits under its own name and commits it in one transaction (MULTI/EXEC) once its feed is
stored, with the fetches and items it noted; a killed worker's staged articles are never
committed, and are dropped when the next run takes the lock. At the end of its run a worker
relinks the articles *it* staged (:meth:`antara_crawl.state.StateStore.relink_pending`)
against everything committed or staged by then: a copy whose original another worker stages
later stays as it was linked.

Keys (``{prefix}`` is ``antara:``)::

    {prefix}articles, {prefix}signatures            hashes: key -> JSON record, signature
    {prefix}pending, {prefix}pending-signatures     the same for staged articles
    {prefix}staged:{worker}                         set: the keys a worker staged
    {prefix}bands:{band}:{bucket}                   set: committed keys in an LSH bucket
    {prefix}pbands:{band}:{bucket}                  set: staged keys in an LSH bucket
    {prefix}skipped                                 hash: key -> [reason, published, seen, score]
    {prefix}meta                                    hash: format, "floor {listing}" -> date
    {prefix}fetches                                 hash: key -> [fetched, etag, last-modified]
    {prefix}items, {prefix}items-published          hash: key -> last emitted item (zlib JSON);
                                                    sorted set: key -> its publication time
    {prefix}lock, {prefix}lock-workers              the run holding the state, its workers

The lock is one per distributed run: workers started with the same run id share it; another
run is refused (:class:`antara_crawl.state.StateLocked`). Each worker renews it every
:data:`LOCK_TTL` / 3 seconds, so a lock left by killed workers expires after :data:`LOCK_TTL`
(``ANTARA_WORKER_TTL``).
"""

from __future__ import annotations

import ipaddress
import json
import os
import socket
import threading
import time
import uuid
import zlib
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from antara_crawl.state import (
    BUCKET_SAMPLE,
    DEFAULT_REFRESH,
    MAX_CANDIDATES,
    STATE_FORMAT,
    Known,
    StateError,
    StateLocked,
    StateStore,
    StoredArticle,
    signature_dtype,
)

if TYPE_CHECKING:
    import numpy as np
    import redis

PREFIX = "antara:"
UPGRADABLE = ("2",)
"""Older state formats read as they are: format 2's records lack the fields hash (their 7th
item), read as None."""
LOCK_TTL = 30
"""Seconds a run's lock outlives its last worker's last renewal, by default
(``ANTARA_WORKER_TTL``)."""


def is_private_redis(url: str) -> bool:
    """Whether a Redis URL is a unix socket or a loopback address (or carries a password)."""
    parts = urlsplit(url)
    if parts.scheme == "unix" or parts.password:
        return True
    host = parts.hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_redis_url(name: str, url: str, *, allow_insecure: bool) -> None:
    """ValueError (one line) for a Redis URL that anyone on the network could write to:
    not loopback and no password, unless ``allow_insecure`` (``ANTARA_REDIS_INSECURE``)."""
    if not allow_insecure and not is_private_redis(url):
        raise ValueError(
            f"{name}={url!r}: a Redis on the network must have a password "
            "(redis://:PASSWORD@host:port/db); set ANTARA_REDIS_INSECURE=true to allow it anyway"
        )


def connect(url: str) -> redis.Redis:
    """A client for ``url`` that answers within seconds or raises StateError."""
    import redis

    try:
        client = redis.Redis.from_url(url, socket_timeout=30, socket_connect_timeout=5)
        client.ping()
    except (redis.RedisError, ValueError) as exc:
        raise StateError(f"state {_safe(url)} is unusable ({exc})") from None
    return client


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password:
        return url.replace(f":{parts.password}@", ":***@", 1)
    return url


class RedisArticleStore(StateStore):
    """The Redis state store; use :meth:`open`. One per worker process."""

    def __init__(
        self,
        client: redis.Redis,
        *,
        url: str,
        run_id: str,
        threshold: float,
        refresh: timedelta = DEFAULT_REFRESH,
        prefix: str = PREFIX,
        ttl: float = LOCK_TTL,
    ) -> None:
        super().__init__(threshold, refresh)
        self.client = client
        self.url = url
        self.run_id = run_id
        self.prefix = prefix
        self.ttl = ttl
        self.worker = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._stop = threading.Event()
        self._renewer: threading.Thread | None = None

    @classmethod
    def open(
        cls,
        url: str,
        *,
        run_id: str | None = None,
        threshold: float = 0.7,
        refresh: timedelta = DEFAULT_REFRESH,
        reset: bool = False,
        ttl: float = LOCK_TTL,
    ) -> RedisArticleStore:
        """Join (or take) the lock of run ``run_id`` (a run of its own when None) on the
        state at ``url``; ``reset`` starts from nothing. StateLocked when another run holds
        it, StateError when the state cannot be used."""
        import redis

        client = connect(url)
        store = cls(
            client,
            url=url,
            run_id=run_id or uuid.uuid4().hex,
            threshold=threshold,
            refresh=refresh,
            ttl=ttl,
        )
        try:
            first = store._take_lock()
            if reset:
                if not first:
                    store.close()
                    raise StateLocked(
                        f"state {_safe(url)} is in use by workers of this run; "
                        "reset it before they start"
                    )
                store._delete_all()
            found = client.hget(store._key("meta"), "format")
            if found is None or found.decode() in UPGRADABLE:
                client.hset(store._key("meta"), "format", STATE_FORMAT)
            elif found.decode() != STATE_FORMAT:
                store.close()
                raise StateError(
                    f"state {_safe(url)} has format {found.decode()}, expected {STATE_FORMAT}"
                )
            if first:  # no live worker: whatever is staged belongs to a run that died
                store._discard_all_pending()
        except redis.RedisError as exc:
            raise StateError(f"state {_safe(url)} is unusable ({exc})") from None
        store._renewer = threading.Thread(target=store._renew, daemon=True)
        store._renewer.start()
        return store

    def _key(self, *parts: object) -> str:
        return self.prefix + ":".join(str(p) for p in parts)

    # -- the run lock ------------------------------------------------------------------

    def _take_lock(self) -> bool:
        """Take the lock, or join it if it is this run's; True if no worker held it."""
        lock, workers = self._key("lock"), self._key("lock-workers")
        for _ in range(3):
            if self.client.set(lock, self.run_id, nx=True, px=int(self.ttl * 1000)):
                self._register()
                return True
            holder = self.client.get(lock)
            if holder is None:  # expired meanwhile
                continue
            if holder.decode() != self.run_id:
                raise StateLocked(
                    f"state {_safe(self.url)} is in use by another run; wait for it to finish "
                    f"(or for its lock to expire, {self.ttl:g} s after its last worker stopped)"
                )
            self.client.zremrangebyscore(workers, "-inf", time.time())
            alive = self.client.zcard(workers)
            self._register()
            return alive == 0
        raise StateError(f"state {_safe(self.url)}: cannot take its lock")

    def _register(self) -> None:
        pipe = self.client.pipeline()
        pipe.zadd(self._key("lock-workers"), {self.worker: time.time() + self.ttl})
        pipe.pexpire(self._key("lock-workers"), int(self.ttl * 1000))
        pipe.expire(self._key("staged", self.worker), 7 * 24 * 3600)
        pipe.execute()

    def _renew(self) -> None:
        """Renew the lock (while it is this run's) until the store is closed."""
        import redis

        while not self._stop.wait(self.ttl / 3):
            try:
                lock = self._key("lock")
                if self.client.get(lock) == self.run_id.encode():
                    self.client.pexpire(lock, int(self.ttl * 1000))
                self._register()
            except redis.RedisError:
                continue

    def close(self) -> None:
        """Leave the run; the last worker to leave releases the lock."""
        if self._stop.is_set():
            return
        self._stop.set()
        if self._renewer is not None:
            self._renewer.join()
        workers, lock = self._key("lock-workers"), self._key("lock")
        self.client.zrem(workers, self.worker)
        self.client.zremrangebyscore(workers, "-inf", time.time())
        if self.client.zcard(workers) == 0 and self.client.get(lock) == self.run_id.encode():
            self.client.delete(lock)
        self.client.close()

    # -- lookups -----------------------------------------------------------------------

    def get(self, key: str) -> StoredArticle | None:
        raw = self.client.hget(self._key("articles"), key)
        return StoredArticle(key, *json.loads(raw)) if raw else None

    def count(self) -> int:
        """How many articles earlier runs emitted (committed)."""
        return int(self.client.hlen(self._key("articles")))

    def known(self, key: str) -> Known | None:
        pipe = self.client.pipeline(transaction=False)
        pipe.hget(self._key("articles"), key)
        pipe.hget(self._key("skipped"), key)
        pipe.hget(self._key("fetches"), key)
        article, skipped, fetch = pipe.execute()
        fetched_at = json.loads(fetch)[0] if fetch is not None else None
        if article is not None:
            stored = StoredArticle(key, *json.loads(article))
            return Known(None, stored.published_at, None, fetched_at or stored.last_seen)
        if skipped is not None:
            reason, published, seen, score = json.loads(skipped)
            return Known(reason, published, score, fetched_at or seen)
        return None

    def validators(self, key: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified the article's server gave when it was last downloaded."""
        raw = self.client.hget(self._key("fetches"), key)
        if raw is None:
            return None, None
        _fetched_at, etag, last_modified = json.loads(raw)
        return etag, last_modified

    def last_item(self, key: str) -> dict[str, Any] | None:
        """The last emitted version of a young article (within the refresh window), if kept."""
        raw = self.client.hget(self._key("items"), key)
        return json.loads(zlib.decompress(raw)) if raw is not None else None

    def listing_floor(self, listing: str) -> date | None:
        value = self.client.hget(self._key("meta"), f"floor {listing}")
        return date.fromisoformat(value.decode()) if value else None

    def _candidates(self, key: str, buckets: list[int]) -> list[str]:
        pipe = self.client.pipeline(transaction=False)
        for band, bucket in enumerate(buckets):
            pipe.srandmember(self._key("bands", band, bucket), BUCKET_SAMPLE)
            pipe.srandmember(self._key("pbands", band, bucket), BUCKET_SAMPLE)
        answers = pipe.execute()
        counts: Counter[str] = Counter()
        for band in range(len(buckets)):  # a key both committed and staged counts once
            committed, staged = answers[2 * band], answers[2 * band + 1]
            counts.update({m.decode() for m in committed} | {m.decode() for m in staged})
        counts.pop(key, None)
        ranked = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
        return [candidate for candidate, _ in ranked[:MAX_CANDIDATES]]

    def _records(self, keys: list[str]) -> list[tuple[str | None, str, bytes, str | None] | None]:
        pipe = self.client.pipeline(transaction=False)
        for key in keys:
            pipe.hget(self._key("pending"), key)
            pipe.hget(self._key("pending-signatures"), key)
            pipe.hget(self._key("articles"), key)
            pipe.hget(self._key("signatures"), key)
        answers = pipe.execute()
        records: list[tuple[str | None, str, bytes, str | None] | None] = []
        for i in range(len(keys)):
            staged, staged_sig, article, article_sig = answers[4 * i : 4 * i + 4]
            raw, signature = (staged, staged_sig) if staged is not None else (article, article_sig)
            if raw is None:
                records.append(None)
                continue
            stored = StoredArticle(keys[i], *json.loads(raw))
            records.append((stored.published_at, stored.first_seen, signature, stored.duplicate_of))
        return records

    def _staged(self) -> list[tuple[str, str | None, bytes, str | None]]:
        keys = sorted(k.decode() for k in self.client.smembers(self._key("staged", self.worker)))
        if not keys:
            return []
        records = self.client.hmget(self._key("pending"), keys)
        signatures = self.client.hmget(self._key("pending-signatures"), keys)
        staged = []
        for key, raw, signature in zip(keys, records, signatures, strict=True):
            if raw is not None and signature is not None:
                stored = StoredArticle(key, *json.loads(raw))
                staged.append((key, stored.published_at, signature, stored.duplicate_of))
        return staged

    def _relink(self, links: dict[str, str]) -> None:
        records = self.client.hmget(self._key("pending"), list(links))
        pipe = self.client.pipeline(transaction=True)
        for (key, original), raw in zip(links.items(), records, strict=True):
            if raw is not None:
                record = json.loads(raw)
                record[5] = original
                pipe.hset(self._key("pending"), key, json.dumps(record))
        pipe.execute()

    # -- writes ------------------------------------------------------------------------

    def stage(
        self,
        key: str,
        content_hash: str,
        version: int,
        seen_at: str,
        published_at: str | None,
        duplicate_of: str | None,
        signature: np.ndarray,
        *,
        fields_hash: str | None = None,
    ) -> None:
        """Record an emitted article as staged by this worker, until :meth:`commit_pending`."""
        stored = self.get(key)
        first_seen = stored.first_seen if stored else seen_at
        record = [
            content_hash, version, first_seen, seen_at, published_at, duplicate_of, fields_hash
        ]  # fmt: skip
        pipe = self.client.pipeline(transaction=True)
        pipe.hset(self._key("pending"), key, json.dumps(record))
        pipe.hset(self._key("pending-signatures"), key, signature.tobytes())
        for band, bucket in enumerate(self.band_buckets(signature)):
            pipe.sadd(self._key("pbands", band, bucket), key)
        pipe.sadd(self._key("staged", self.worker), key)
        pipe.execute()

    def record_skipped(
        self,
        key: str,
        reason: str,
        published_at: str | None,
        seen_at: str | None = None,
        police_score: float | None = None,
    ) -> None:
        """Remember an article downloaded but not emitted (unless it was emitted before)."""
        if self.client.hexists(self._key("articles"), key):
            return
        seen_at = seen_at or datetime.now(timezone.utc).isoformat()
        record = [reason, published_at, seen_at, police_score]
        self.client.hset(self._key("skipped"), key, json.dumps(record))

    def record_listing_floor(self, listing: str, day: date) -> None:
        """Note that ``listing`` was read page by page back to ``day`` (keeps the oldest)."""
        floor = self.listing_floor(listing)
        if floor is None or day < floor:
            self.client.hset(self._key("meta"), f"floor {listing}", day.isoformat())

    def touch(self, key: str, seen_at: str, fields_hash: str | None = None) -> None:
        """Note that an unchanged article was seen again, with its fields hash when given
        (so an article recorded before fields were hashed gets one)."""
        raw = self.client.hget(self._key("articles"), key)
        if raw is not None:
            record = json.loads(raw)
            record[3] = seen_at
            if fields_hash is not None:
                record[6:] = [fields_hash]  # format 2's records end before it
            self.client.hset(self._key("articles"), key, json.dumps(record))

    def commit_pending(self) -> int:
        """Mark every article this worker staged as seen, and write the fetches and items it
        noted, in one transaction; returns how many articles."""
        import numpy as np

        staged = self._key("staged", self.worker)
        keys = sorted(k.decode() for k in self.client.smembers(staged))
        pipe = self.client.pipeline(transaction=False)
        for key in keys:
            pipe.hget(self._key("pending"), key)
            pipe.hget(self._key("pending-signatures"), key)
            pipe.hget(self._key("signatures"), key)
        answers = pipe.execute() if keys else []
        commit = self.client.pipeline(transaction=True)
        count = 0
        for i, key in enumerate(keys):
            record, signature, old = answers[3 * i : 3 * i + 3]
            if record is None or signature is None:
                continue
            count += 1
            if old is not None:
                for band, bucket in enumerate(
                    self.band_buckets(np.frombuffer(old, signature_dtype()))
                ):
                    commit.srem(self._key("bands", band, bucket), key)
            new = self.band_buckets(np.frombuffer(signature, signature_dtype()))
            for band, bucket in enumerate(new):
                commit.sadd(self._key("bands", band, bucket), key)
                commit.srem(self._key("pbands", band, bucket), key)
            commit.hset(self._key("articles"), key, record)
            commit.hset(self._key("signatures"), key, signature)
            commit.hdel(self._key("pending"), key)
            commit.hdel(self._key("pending-signatures"), key)
            commit.hdel(self._key("skipped"), key)
        commit.delete(staged)
        self._write_noted(commit)
        commit.execute()
        self._fetches.clear()
        self._items.clear()
        return count

    def _write_noted(self, commit: redis.client.Pipeline) -> None:
        """Add the noted fetches and kept items to ``commit``, and drop the kept items of
        articles older than the refresh window (and a day)."""
        if self._fetches:
            commit.hset(
                self._key("fetches"),
                mapping={key: json.dumps(fetch) for key, fetch in self._fetches.items()},
            )
        items, published = self._key("items"), self._key("items-published")
        moments = {
            key: datetime.fromisoformat(utc).timestamp() for key, (utc, _) in self._items.items()
        }
        if self._items:
            commit.hset(items, mapping={key: blob for key, (_utc, blob) in self._items.items()})
            commit.zadd(published, moments)
        oldest = (datetime.now(timezone.utc) - self.refresh - timedelta(days=1)).timestamp()
        old = {k.decode() for k in self.client.zrangebyscore(published, "-inf", f"({oldest}")}
        old |= {key for key, moment in moments.items() if moment < oldest}
        if old:
            commit.hdel(items, *old)
            commit.zrem(published, *old)

    def discard_pending(self) -> None:
        """Forget what this worker staged but never committed (a failed run)."""
        import numpy as np

        staged = self._key("staged", self.worker)
        keys = [k.decode() for k in self.client.smembers(staged)]
        signatures = self.client.hmget(self._key("pending-signatures"), keys) if keys else []
        pipe = self.client.pipeline(transaction=True)
        for key, signature in zip(keys, signatures, strict=True):
            if signature is not None:
                for band, bucket in enumerate(
                    self.band_buckets(np.frombuffer(signature, signature_dtype()))
                ):
                    pipe.srem(self._key("pbands", band, bucket), key)
            pipe.hdel(self._key("pending"), key)
            pipe.hdel(self._key("pending-signatures"), key)
        pipe.delete(staged)
        pipe.execute()
        self._fetches.clear()
        self._items.clear()

    def _discard_all_pending(self) -> None:
        """Forget everything staged: called when no worker of a run is alive."""
        names = [self._key("pending"), self._key("pending-signatures")]
        for pattern in ("pbands:*", "staged:*"):
            names += [n.decode() for n in self.client.scan_iter(self._key(pattern), count=1000)]
        self._delete(names)

    def _delete_all(self) -> None:
        """Forget the whole state but the lock (``reset``)."""
        names = [
            n.decode()
            for n in self.client.scan_iter(self.prefix + "*", count=1000)
            if n.decode() not in (self._key("lock"), self._key("lock-workers"))
        ]
        self._delete(names)

    def _delete(self, names: list[str]) -> None:
        for start in range(0, len(names), 500):
            self.client.delete(*names[start : start + 500])
