"""Memory and time of a run's state lookups on an empty store versus a store of N articles.

    python scripts/benchmark_state.py [--articles 1000000] [--run-items 2000] [--dir DIR]

Builds a SQLite state of N articles (with signatures and the LSH band index), then, in a
fresh subprocess for each store, replays what a crawl does per article (lookup, near-
duplicate query, stage) for ``--run-items`` articles and commits, printing the peak
resident memory and time of each, and the difference.  State lookups are indexed
queries, so the difference stays a small constant (SQLite's page cache), whatever N is.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from antara_crawl.state import NUM_PERM, ArticleStore, body_signature  # noqa: E402

VOCABULARY = (
    "polisi polda polres polsek personel warga kota kabupaten jalan malam pagi razia patroli "
    "tersangka korban barang bukti narkoba sabu kendaraan motor mobil pengamanan kegiatan "
    "kepala bidang humas mengatakan menyampaikan kepada wartawan selasa rabu kamis jumat sabtu "
    "minggu senin provinsi daerah wilayah hukum kasus penyidik laporan masyarakat imbauan"
).split()
"""Words for distinct synthetic bodies (each run article is a different story)."""


def build_store(path: Path, count: int) -> float:
    """A store with ``count`` committed articles; returns seconds taken."""
    started = time.perf_counter()
    store = ArticleStore.open(path, reset=True)
    rng = np.random.default_rng(7)
    seen = datetime(2024, 1, 1, tzinfo=timezone.utc)
    batch = 20_000
    db = store.db
    for start in range(0, count, batch):
        rows, bands = [], []
        size = (min(batch, count - start), NUM_PERM)
        signatures = rng.integers(0, 2**32, size=size, dtype=np.uint32)
        for offset, signature in enumerate(signatures):
            key = f"kupang:{start + offset}"
            when = (seen + timedelta(minutes=start + offset)).isoformat()
            digest = f"{start + offset:064x}"
            rows.append((key, digest, 1, when, when, when, None, signature.tobytes()))
            buckets = store.band_buckets(signature)
            bands.extend((band, bucket, key) for band, bucket in enumerate(buckets))
        db.execute("BEGIN")
        db.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        db.executemany("INSERT INTO bands VALUES (?, ?, ?, 1)", bands)
        db.execute("COMMIT")
    store.close()
    return time.perf_counter() - started


def replay_run(path: Path, items: int) -> dict[str, float]:
    """What one crawl does to the state for ``items`` articles; peak memory and time."""
    started = time.perf_counter()
    store = ArticleStore.open(path)
    now = datetime.now(timezone.utc)
    words = np.random.default_rng(11).integers(0, len(VOCABULARY), size=(items, 300))
    for n in range(items):
        key = f"bali:{n}"
        store.known(f"kupang:{n * 37}")
        store.get(key)
        signature = body_signature(" ".join(VOCABULARY[w] for w in words[n]))
        duplicate_of = store.near_duplicate_of(key, signature)
        store.stage(key, f"{n:064x}", 1, now.isoformat(), now.isoformat(), duplicate_of, signature)
    store.commit_pending()
    store.close()
    return {
        "seconds": time.perf_counter() - started,
        "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def measure(path: Path, items: int) -> dict[str, float]:
    """Run :func:`replay_run` in a fresh interpreter so peak memory is its own."""
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]);"
        "from scripts.benchmark_state import replay_run;"
        "print(json.dumps(replay_run(__import__('pathlib').Path(sys.argv[2]), int(sys.argv[3]))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(ROOT), str(path), str(items)],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return json.loads(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--run-items", type=int, default=2_000)
    parser.add_argument("--dir", type=Path, default=None, help="where to build the stores")
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.mkdtemp(prefix="antara-state-bench-"))
    empty, full = folder / "empty.sqlite3", folder / "full.sqlite3"
    build_store(empty, 0)
    print(f"building a store of {args.articles:,} articles in {full} ...", flush=True)
    seconds = build_store(full, args.articles)
    size_mb = sum(p.stat().st_size for p in folder.glob("full.sqlite3*")) / 2**20
    print(f"built in {seconds:.0f} s, {size_mb:,.0f} MB on disk")
    on_empty = measure(empty, args.run_items)
    on_full = measure(full, args.run_items)
    print(f"\n{'store':<22}{'peak RSS MB':>12}{'run seconds':>13}")
    print(f"{'empty':<22}{on_empty['max_rss_mb']:>12.1f}{on_empty['seconds']:>13.2f}")
    label = f"{args.articles:,} articles"
    print(f"{label:<22}{on_full['max_rss_mb']:>12.1f}{on_full['seconds']:>13.2f}")
    print(
        f"\nmemory: +{on_full['max_rss_mb'] - on_empty['max_rss_mb']:.1f} MB "
        f"({on_full['max_rss_mb'] / on_empty['max_rss_mb']:.2f}x) for {args.run_items:,} "
        f"articles per run; time {on_full['seconds'] / on_empty['seconds']:.2f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
