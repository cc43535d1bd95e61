"""Cross-run state: which articles were emitted, with which content, and their signatures.

SQLite (the default, ``ANTARA_STATE``) keeps, per article key, its content hash, fields
hash (:func:`antara_crawl.pipelines.fields_hash`), version, first and last seen time,
publication time and MinHash signature, plus an LSH band index for near-duplicate
lookups. Every lookup is an indexed query: nothing loads the history into memory.

What a run emits is *staged* first and *committed* only once the feeds holding it are
stored (see :class:`antara_crawl.extensions.ArticleState`, which owns the store during a
crawl): a crash at any moment leaves no article marked seen that is missing from every feed.
The store also holds the refresh policy (:meth:`StateStore.needs_fetch`): which known
articles are worth downloading again. :class:`StateStore` is what every store shares; the
Redis one, for runs over several machines, is :mod:`antara_crawl.redis_state`.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import re
import sqlite3
import zlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from antara_crawl.portals import PORTALS

if TYPE_CHECKING:
    import numpy as np
    from datasketch import MinHash

_ARTICLE_COLUMNS = """
    key TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    version INTEGER NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    published_at TEXT,
    duplicate_of TEXT,
    signature BLOB,
    fields_hash TEXT
"""
# ``articles``: what earlier runs emitted (seen); ``pending``: what this run emitted, staged
# until its feeds are stored; ``bands``: the LSH index of both, ``committed`` telling which;
# ``skipped``: articles downloaded but not emitted (not police news, out of the window,
# gone, not an article); ``meta``: the format, and how far back each listing was read.
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS articles ({_ARTICLE_COLUMNS});
CREATE TABLE IF NOT EXISTS pending ({_ARTICLE_COLUMNS});
CREATE TABLE IF NOT EXISTS bands (
    band INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    key TEXT NOT NULL,
    committed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (band, bucket, key, committed)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS skipped (
    key TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    published_at TEXT,
    seen TEXT NOT NULL,
    police_score REAL
);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS items (
    key TEXT PRIMARY KEY,
    published_utc TEXT NOT NULL,
    item BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS fetches (
    key TEXT PRIMARY KEY,
    fetched_at TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT
);
"""
# ``items``: the last emitted version of each young article (zlib-compressed JSON), so that
# a withdrawal (404/410) can be emitted as a new version of it; older ones are pruned.
# ``fetches``: when each article was last downloaded, with the validators its server gave
# (ETag, Last-Modified) for a conditional request next time; written when a run commits.
STATE_FORMAT = "3"
UPGRADES: dict[str, tuple[str, ...]] = {
    "1": ("ALTER TABLE skipped ADD COLUMN police_score REAL",),
    "2": (
        "ALTER TABLE articles ADD COLUMN fields_hash TEXT",
        "ALTER TABLE pending ADD COLUMN fields_hash TEXT",
    ),
}
"""How a state file of an older format is brought to the next one (1: no police scores;
2: no fields hashes, which stay NULL for the articles it knew)."""
NUM_PERM = 128
DEFAULT_REFRESH = timedelta(days=2)
BUSY_TIMEOUT = 5.0
"""Seconds the SQLite state waits for a lock another program holds on its file."""
REFRESH_STEPS = (timedelta(hours=1), timedelta(hours=6))
"""The first ages after publication at which a young article is downloaded again; then
every day, up to the refresh window (``ANTARA_REFRESH_DAYS``)."""
MAX_CANDIDATES = 20
"""Near-duplicate candidates checked per article: those sharing the most LSH bands."""
BUCKET_SAMPLE = 50
"""Keys read per LSH bucket in a near-duplicate lookup, so that its time stays bounded."""


class StateError(Exception):
    """The state store cannot be used; the message is one line for the user."""


class StateLocked(StateError):
    """Another run holds the state store: a temporary condition, not a broken setup
    (exit status 75)."""


def _upgrade(db: sqlite3.Connection, found: str, path: Path) -> None:
    """Bring a state file of an older format to :data:`STATE_FORMAT`; StateError if unknown."""
    while found != STATE_FORMAT:
        if found not in UPGRADES:
            raise StateError(f"state file {path} has format {found}, expected {STATE_FORMAT}")
        with db:
            db.execute("BEGIN")
            for statement in UPGRADES[found]:
                db.execute(statement)
            found = str(int(found) + 1)
            db.execute("UPDATE meta SET value = ? WHERE name = 'format'", (found,))


def _lock(path: Path) -> IO[bytes]:
    """Hold ``{path}.lock`` exclusively, so two runs never share a state; StateError if taken."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = Path(f"{path}.lock").open("ab")  # noqa: SIM115 - held for the store's life
    except OSError as exc:
        raise StateError(f"state file {path} is unusable ({exc})") from None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise StateLocked(
            f"state file {path} is in use by another run; wait for it to finish"
        ) from None
    return handle


@dataclass(frozen=True, slots=True)
class StateConfig:
    """Where state lives: ``kind`` is ``sqlite``, ``redis`` or ``none``."""

    kind: str
    location: str


def parse_state_setting(value: str) -> StateConfig:
    """Read ``ANTARA_STATE``: a SQLite path, a ``redis://`` (``rediss://``, ``unix://``) URL
    or ``none``; ValueError with a reason otherwise."""
    value = value.strip()
    if not value or value.lower() == "none":
        return StateConfig("none", "")
    if value.startswith(("redis://", "rediss://", "unix://")):
        return StateConfig("redis", value)
    if "://" in value:
        raise ValueError(f"ANTARA_STATE={value!r}: use a SQLite file path, a redis:// URL or none")
    path = Path(value).expanduser()
    if path.is_dir():
        raise ValueError(f"ANTARA_STATE={value!r} is a directory, not a SQLite file")
    return StateConfig("sqlite", str(path))


_WORDS = re.compile(r"\w+")
_EARLIEST = datetime.min.replace(tzinfo=timezone.utc)


@cache
def _template(num_perm: int) -> MinHash:
    """An empty MinHash whose permutations every signature reuses (made once: slow)."""
    from datasketch import MinHash  # imported when used: it loads scipy

    return MinHash(num_perm=num_perm)


def signature_dtype() -> np.dtype:
    """The dtype of :func:`body_signature`'s values, to read stored signatures back."""
    return _template(NUM_PERM).hashvalues.dtype


def body_signature(body: str, num_perm: int = NUM_PERM) -> np.ndarray:
    """MinHash signature of a body's word 3-grams (case and punctuation ignored).

    The same as datasketch's ``MinHash(num_perm).update_batch(shingles)``, faster: the
    permutations are made once, and the shingles' SHA-1 hashes are read in one go.
    """
    import numpy as np
    from datasketch import MinHash

    words = _WORDS.findall(body.casefold())
    shingles = {" ".join(words[i : i + 3]).encode() for i in range(max(1, len(words) - 2))}
    # datasketch's sha1_hash32: the first 4 bytes of the SHA-1 digest, little-endian.
    digests = b"".join([hashlib.sha1(shingle).digest()[:4] for shingle in shingles])
    template = _template(num_perm)
    minhash = MinHash(
        num_perm=num_perm,
        permutations=template.permutations,
        scheme=template.scheme,
        hashfunc=int,
    )
    minhash.update_batch(np.frombuffer(digests, dtype="<u4").tolist())
    return minhash.hashvalues


@cache
def lsh_bands(threshold: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """The LSH bands and rows per band datasketch picks for ``threshold`` (made once: slow)."""
    from datasketch import MinHashLSH  # imported when used: it loads scipy

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    import numpy as np

    return float(np.count_nonzero(a == b)) / len(a)


def refresh_ages(refresh: timedelta) -> tuple[timedelta, ...]:
    """The ages after publication at which a young article is downloaded again: 1 h, 6 h,
    then every day, and ``refresh`` itself last (1 h, 6 h, 24 h, 48 h for two days)."""
    ages = [age for age in REFRESH_STEPS if age < refresh]
    day = timedelta(days=1)
    while day < refresh:
        ages.append(day)
        day += timedelta(days=1)
    return (*ages, refresh) if refresh > timedelta(0) else ()


def _moment(text: str | None) -> datetime | None:
    """An ISO 8601 time with offset, or None if absent or unreadable."""
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Known:
    """An article an earlier run downloaded: ``skipped`` is None if it was emitted, else why
    not; ``police_score`` is the police score of a skipped article, when it was scored;
    ``fetched_at`` when it was last downloaded."""

    skipped: str | None
    published_at: str | None
    police_score: float | None = None
    fetched_at: str | None = None

    def is_young(self, now: datetime, refresh: timedelta) -> bool:
        """Published within ``refresh`` before ``now``."""
        if self.published_at is None:
            return False
        return datetime.fromisoformat(self.published_at) >= now - refresh

    def refresh_due(self, now: datetime, refresh: timedelta) -> bool:
        """Whether one of the :func:`refresh_ages` of the article was reached since it was
        last downloaded (or it is young and when it was downloaded is unknown)."""
        published = _moment(self.published_at)
        if published is None:
            return False
        fetched = _moment(self.fetched_at)
        if fetched is None:
            return self.is_young(now, refresh)
        return any(fetched < published + age <= now for age in refresh_ages(refresh))


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """What the state knows of one emitted article; ``fields_hash`` is None for an article
    last emitted before fields were hashed (state format 2)."""

    key: str
    content_hash: str
    version: int
    first_seen: str
    last_seen: str
    published_at: str | None
    duplicate_of: str | None
    fields_hash: str | None = None


class StateStore:
    """What every state store shares: the refresh policy (:meth:`needs_fetch`), the
    near-duplicate lookup over an LSH band index and the end-of-run relinking
    (:meth:`relink_pending`), and the fetches and items noted until the run commits
    (:meth:`note_fetch`, :meth:`keep_item`). A store (SQLite: :class:`ArticleStore`; Redis:
    :class:`antara_crawl.redis_state.RedisArticleStore`) provides the storage: ``get``,
    ``count``, ``known``, ``validators``, ``last_item``, ``listing_floor``, ``stage``,
    ``record_skipped``, ``record_listing_floor``, ``touch``, ``commit_pending`` (which writes
    the noted fetches and items), ``discard_pending``, ``close``; for the lookup
    ``_candidates`` and ``_records``, for the relinking ``_staged`` and ``_relink``.

    ``threshold`` is the similarity from which a body is a near-duplicate of another;
    ``refresh`` how young a known article must be to be downloaded again, to catch edits.
    """

    def __init__(self, threshold: float, refresh: timedelta = DEFAULT_REFRESH) -> None:
        self.threshold = threshold
        self.refresh = refresh
        self.bands, self.rows = lsh_bands(threshold)
        self._fetches: dict[str, tuple[str, str | None, str | None]] = {}
        self._items: dict[str, tuple[str, bytes]] = {}

    def known(self, key: str) -> Known | None:
        raise NotImplementedError

    def _staged(self) -> list[tuple[str, str | None, bytes, str | None]]:
        """``(key, published_at, signature, duplicate_of)`` of each article this run (this
        worker) staged."""
        raise NotImplementedError

    def _relink(self, links: dict[str, str]) -> None:
        """Set ``duplicate_of`` of staged articles as ``links`` (``{key: original}``) says."""
        raise NotImplementedError

    def _candidates(self, key: str, buckets: list[int]) -> list[str]:
        """Up to :data:`MAX_CANDIDATES` other articles sharing the most of ``buckets``,
        reading at most :data:`BUCKET_SAMPLE` keys per bucket."""
        raise NotImplementedError

    def _records(self, keys: list[str]) -> list[tuple[str | None, str, bytes, str | None] | None]:
        """For each key, ``(published_at, first_seen, signature, duplicate_of)`` of its staged
        record, else of its committed one, else None."""
        raise NotImplementedError

    def is_known(self, key: str) -> bool:
        """Whether an earlier run downloaded the article ``key`` (emitted or not)."""
        return self.known(key) is not None

    def needs_fetch(
        self,
        key: str,
        now: datetime,
        *,
        police_only: bool,
        since: date,
        until: date | None,
        min_police_score: float,
    ) -> bool:
        """Whether a run (at ``now``, for ``since``..``until``) should download article ``key``.

        Unknown articles are downloaded; known ones when young (``refresh``) and one of their
        :func:`refresh_ages` was reached since they were last downloaded, or when they
        were skipped for a reason this run does not share (not police news in a run that
        wants every article or whose ``min_police_score`` their score reaches, outside an
        earlier run's window but inside this one's). Articles that were gone or not
        articles are not asked for again.
        """
        known = self.known(key)
        if known is None:
            return True
        if known.is_young(now, self.refresh):
            refreshed = known.skipped in (None, "not_police", "out_of_window")
            if refreshed and known.refresh_due(now, self.refresh):
                return True
            if known.skipped is None:
                return False
        if known.skipped == "not_police":
            score = known.police_score
            return not police_only or (score is not None and score >= min_police_score)
        if known.skipped == "out_of_window" and known.published_at:
            day = PORTALS[key.split(":", 1)[0]].local_date(known.published_at)
            return since <= day and (until is None or day <= until)
        return False

    def near_duplicate_of(
        self, key: str, signature: np.ndarray, published_at: str | None = None
    ) -> str | None:
        """The original of a near-identical body: the earliest-published other article
        (then the earliest seen) whose body is near-identical and that was not published
        after ``published_at``; None if there is none."""
        import numpy as np

        mine = datetime.fromisoformat(published_at) if published_at else None
        candidates = self._candidates(key, self.band_buckets(signature))
        best: tuple[datetime, str, str] | None = None
        for candidate, row in zip(candidates, self._records(candidates), strict=True):
            if row is None or row[2] is None:
                continue
            published = datetime.fromisoformat(row[0]) if row[0] else _EARLIEST
            if mine is not None and published > mine:
                continue
            other = np.frombuffer(row[2], dtype=signature.dtype)
            if similarity(signature, other) >= self.threshold:
                original = row[3] or candidate
                rank = (published, row[1], original)
                if original != key and (best is None or rank < best):
                    best = rank
        return best[2] if best else None

    def relink_pending(self) -> dict[str, str]:
        """Link every staged article to the earliest-published article of its cluster, now that
        the whole run is staged: a copy staged before its original (downloaded first) was
        left unlinked, or linked to a later copy. Returns the changed links, ``{key: original}``."""
        import numpy as np

        dtype = signature_dtype()
        changed = {}
        for key, published_at, blob, linked in self._staged():
            signature = np.frombuffer(blob, dtype=dtype)
            original = self.near_duplicate_of(key, signature, published_at)
            if original is not None and original != linked:
                changed[key] = original
        if changed:
            self._relink(changed)
        return changed

    def note_fetch(
        self, key: str, fetched_at: str, etag: str | None, last_modified: str | None
    ) -> None:
        """Note that an article was downloaded (or found not modified) now, with its server's
        validators; written by :meth:`commit_pending`, forgotten by :meth:`discard_pending`."""
        self._fetches[key] = (fetched_at, etag, last_modified)

    def keep_item(self, key: str, published_at: str, item: dict[str, Any]) -> None:
        """Keep an emitted item as its article's last version (see :meth:`last_item`); written
        by :meth:`commit_pending`, forgotten by :meth:`discard_pending`."""
        utc = datetime.fromisoformat(published_at).astimezone(timezone.utc).isoformat()
        blob = zlib.compress(json.dumps(item, ensure_ascii=False).encode("utf-8"))
        self._items[key] = (utc, blob)

    def band_buckets(self, signature: np.ndarray) -> list[int]:
        """The LSH bucket of each band of a signature (56-bit, to fit SQLite integers)."""
        buckets = []
        for band in range(self.bands):
            chunk = signature[band * self.rows : (band + 1) * self.rows].tobytes()
            buckets.append(int.from_bytes(hashlib.blake2b(chunk, digest_size=7).digest(), "big"))
        return buckets


class ArticleStore(StateStore):
    """The SQLite state store. Use :meth:`open`; one store per crawl process.

    ``threshold`` is the similarity from which a body is a near-duplicate of another;
    ``refresh`` how young a known article must be to be downloaded again, to catch edits.
    """

    def __init__(
        self,
        connection: sqlite3.Connection,
        threshold: float,
        lock: IO[bytes] | None = None,
        refresh: timedelta = DEFAULT_REFRESH,
    ) -> None:
        super().__init__(threshold, refresh)
        self.db = connection
        self._lock = lock

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        threshold: float = 0.7,
        refresh: timedelta = DEFAULT_REFRESH,
        reset: bool = False,
    ) -> ArticleStore:
        """Open (creating) the store at ``path``; ``reset`` starts from nothing.

        Raises StateError when the file is not a usable state database.
        """
        path = Path(path)
        lock = _lock(path)
        if reset:
            for leftover in (
                path,
                Path(f"{path}-wal"),
                Path(f"{path}-shm"),
                Path(f"{path}-journal"),
            ):
                leftover.unlink(missing_ok=True)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("integrity check failed")
            db.executescript("BEGIN;" + SCHEMA + "COMMIT;")
            row = db.execute("SELECT value FROM meta WHERE name = 'format'").fetchone()
            if row is None:
                db.execute("INSERT INTO meta VALUES ('format', ?)", (STATE_FORMAT,))
            else:
                _upgrade(db, row[0], path)
            store = cls(db, threshold, lock, refresh)
            store.discard_pending()
        except (sqlite3.DatabaseError, OSError) as exc:
            lock.close()
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                raise StateLocked(
                    f"state file {path} is locked by another program (a sqlite3 shell, a "
                    "backup?); try again once it has finished"
                ) from None
            raise StateError(
                f"state file {path} is unusable ({exc}); fix or remove it, "
                "or run with -a reset_state=true to start over"
            ) from None
        return store

    @classmethod
    def in_memory(cls, *, threshold: float = 0.7) -> ArticleStore:
        """A store for one run only (``ANTARA_STATE=none``): near-duplicates within the run."""
        db = sqlite3.connect(":memory:", isolation_level=None)
        db.executescript("BEGIN;" + SCHEMA + "COMMIT;")
        return cls(db, threshold)

    def close(self) -> None:
        self.db.close()
        if self._lock is not None:
            self._lock.close()

    # -- lookups -----------------------------------------------------------------------

    def get(self, key: str) -> StoredArticle | None:
        """The committed record of an article, or None if no run has emitted it."""
        row = self.db.execute(
            "SELECT key, content_hash, version, first_seen, last_seen, published_at, duplicate_of,"
            " fields_hash FROM articles WHERE key = ?",
            (key,),
        ).fetchone()
        return StoredArticle(*row) if row else None

    def count(self) -> int:
        """How many articles earlier runs emitted (committed)."""
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def known(self, key: str) -> Known | None:
        """What earlier runs learnt of an article: emitted, or skipped and why; None if nothing."""
        fetch = self.db.execute("SELECT fetched_at FROM fetches WHERE key = ?", (key,)).fetchone()
        row = self.db.execute(
            "SELECT published_at, last_seen FROM articles WHERE key = ?", (key,)
        ).fetchone()
        if row is not None:
            return Known(None, row[0], None, fetch[0] if fetch else row[1])
        row = self.db.execute(
            "SELECT reason, published_at, police_score, seen FROM skipped WHERE key = ?", (key,)
        ).fetchone()
        if row is None:
            return None
        return Known(row[0], row[1], row[2], fetch[0] if fetch else row[3])

    def last_item(self, key: str) -> dict[str, Any] | None:
        """The last emitted version of a young article (within the refresh window), if kept."""
        row = self.db.execute("SELECT item FROM items WHERE key = ?", (key,)).fetchone()
        return json.loads(zlib.decompress(row[0])) if row else None

    def validators(self, key: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified the article's server gave when it was last downloaded."""
        row = self.db.execute(
            "SELECT etag, last_modified FROM fetches WHERE key = ?", (key,)
        ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def listing_floor(self, listing: str) -> date | None:
        """How far back (a date) an earlier run read ``listing`` page by page, if any did."""
        row = self.db.execute("SELECT value FROM meta WHERE name = ?", (f"floor {listing}",))
        value = row.fetchone()
        return date.fromisoformat(value[0]) if value else None

    def _candidates(self, key: str, buckets: list[int]) -> list[str]:
        # At most BUCKET_SAMPLE keys per bucket: a cluster of near-identical bodies shares
        # its buckets, and its members name their original (duplicate_of) anyway.
        per_bucket = "SELECT * FROM (SELECT key FROM bands WHERE band = ? AND bucket = ?" + (
            " AND key != ? LIMIT ?)"
        )
        params = [
            v for band, bucket in enumerate(buckets) for v in (band, bucket, key, BUCKET_SAMPLE)
        ]
        return [
            row[0]
            for row in self.db.execute(
                f"SELECT key FROM ({' UNION ALL '.join([per_bucket] * len(buckets))})"
                " GROUP BY key ORDER BY count(*) DESC LIMIT ?",
                [*params, MAX_CANDIDATES],
            )
        ]

    def _records(self, keys: list[str]) -> list[tuple[str | None, str, bytes, str | None] | None]:
        return [
            self.db.execute(
                "SELECT published_at, first_seen, signature, duplicate_of FROM pending"
                " WHERE key = ? UNION ALL SELECT published_at, first_seen, signature,"
                " duplicate_of FROM articles WHERE key = ? LIMIT 1",
                (key, key),
            ).fetchone()
            for key in keys
        ]

    def _staged(self) -> list[tuple[str, str | None, bytes, str | None]]:
        return [
            (key, published_at, signature, duplicate_of)
            for key, published_at, signature, duplicate_of in self.db.execute(
                "SELECT key, published_at, signature, duplicate_of FROM pending"
            )
        ]

    def _relink(self, links: dict[str, str]) -> None:
        with self.db:
            self.db.execute("BEGIN")
            self.db.executemany(
                "UPDATE pending SET duplicate_of = ? WHERE key = ?",
                [(original, key) for key, original in links.items()],
            )

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
        """Record an emitted article as pending, until :meth:`commit_pending`."""
        stored = self.get(key)
        first_seen = stored.first_seen if stored else seen_at
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute(
                "INSERT OR REPLACE INTO pending VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (key, content_hash, version, first_seen, seen_at, published_at, duplicate_of,
                 signature.tobytes(), fields_hash),
            )  # fmt: skip
            self.db.executemany(
                "INSERT OR IGNORE INTO bands (band, bucket, key, committed) VALUES (?, ?, ?, 0)",
                [(band, bucket, key) for band, bucket in enumerate(self.band_buckets(signature))],
            )

    def record_skipped(
        self,
        key: str,
        reason: str,
        published_at: str | None,
        seen_at: str | None = None,
        police_score: float | None = None,
    ) -> None:
        """Remember an article downloaded but not emitted (unless it was emitted before), with
        its police score when it was scored, so a lower threshold later asks for it again."""
        seen_at = seen_at or datetime.now(timezone.utc).isoformat()
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute(
                "INSERT OR REPLACE INTO skipped (key, reason, published_at, seen, police_score)"
                " SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM articles WHERE key = ?)",
                (key, reason, published_at, seen_at, police_score, key),
            )

    def record_listing_floor(self, listing: str, day: date) -> None:
        """Note that ``listing`` was read page by page back to ``day`` (keeps the oldest)."""
        floor = self.listing_floor(listing)
        if floor is None or day < floor:
            with self.db:
                self.db.execute("BEGIN")
                self.db.execute(
                    "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                    (f"floor {listing}", day.isoformat()),
                )

    def touch(self, key: str, seen_at: str, fields_hash: str | None = None) -> None:
        """Note that an unchanged article was seen again, with its fields hash when given
        (so an article recorded before fields were hashed gets one)."""
        with self.db:
            self.db.execute("BEGIN")
            self.db.execute(
                "UPDATE articles SET last_seen = ?, fields_hash = coalesce(?, fields_hash)"
                " WHERE key = ?",
                (seen_at, fields_hash, key),
            )

    def commit_pending(self) -> int:
        """Mark every staged article as seen, in one transaction; returns how many."""
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            count = self.db.execute("SELECT count(*) FROM pending").fetchone()[0]
            self.db.execute(
                "DELETE FROM bands WHERE committed = 1 AND key IN (SELECT key FROM pending)"
            )
            self.db.execute("INSERT OR REPLACE INTO articles SELECT * FROM pending")
            self.db.execute("DELETE FROM skipped WHERE key IN (SELECT key FROM pending)")
            self.db.execute("UPDATE bands SET committed = 1 WHERE committed = 0")
            self.db.execute("DELETE FROM pending")
            self.db.executemany(
                "INSERT OR REPLACE INTO fetches VALUES (?, ?, ?, ?)",
                [(key, *fetch) for key, fetch in self._fetches.items()],
            )
            self.db.executemany(
                "INSERT OR REPLACE INTO items VALUES (?, ?, ?)",
                [(key, *kept) for key, kept in self._items.items()],
            )
            oldest = datetime.now(timezone.utc) - self.refresh - timedelta(days=1)
            self.db.execute("DELETE FROM items WHERE published_utc < ?", (oldest.isoformat(),))
        self._fetches.clear()
        self._items.clear()
        return count

    def discard_pending(self) -> None:
        """Forget what was staged but never committed (a crashed or failed run)."""
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute("DELETE FROM bands WHERE committed = 0")
            self.db.execute("DELETE FROM pending")
        self._fetches.clear()
        self._items.clear()


def check_state(value: str, *, reset: bool = False, run_id: str | None = None) -> None:
    """Check ``ANTARA_STATE`` before a run: a usable store no other run holds (only the
    latter when it is to be reset); raise StateError (StateLocked) or ValueError."""
    config = parse_state_setting(value)
    if config.kind == "redis":
        from antara_crawl.redis_state import RedisArticleStore

        RedisArticleStore.open(config.location, run_id=run_id).close()
    elif config.kind == "sqlite" and reset:
        _lock(Path(config.location)).close()
    elif config.kind == "sqlite":
        ArticleStore.open(config.location).close()
