"""Benchmark: the near-duplicate lookup with a large cluster of near-identical bodies.

Daily stories of one kind ("SIM keliling" schedules) differ in a sentence or two: every new one
shares LSH buckets with all earlier ones. This stages ``--cluster`` such bodies in a fresh SQLite
store, as the StatePipeline does (lookup, then stage), and prints the time per item
along the cluster: bounded means it stops growing with the cluster.

    python -m benchmarks.near_duplicates [--cluster 2000]
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from antara_crawl.state import ArticleStore, body_signature
from benchmarks.sitegen import paragraphs, sentence

START = datetime(2026, 1, 1, 8, tzinfo=timezone(timedelta(hours=8)))
WINDOW = 200
"""Items timed together at the start and at the end of the cluster."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cluster", type=int, default=2000)
    options = parser.parse_args()
    rng = random.Random(7)
    shared = paragraphs(rng, "Kupang")
    bodies = ["\n\n".join([*shared[:-1], sentence(rng)]) for _ in range(options.cluster)]
    signatures = [body_signature(body) for body in bodies]
    with tempfile.TemporaryDirectory(prefix="antara-bench-") as scratch:
        store = ArticleStore.open(Path(scratch) / "state.sqlite3")
        times, linked = [], 0
        for number, signature in enumerate(signatures):
            key = f"kupang:{100000 + number}"
            when = (START + timedelta(hours=number)).isoformat()
            started = time.perf_counter()
            original = store.near_duplicate_of(key, signature, when)
            store.stage(key, f"hash{number}", 1, when, when, original, signature)
            times.append(time.perf_counter() - started)
            linked += original == "kupang:100000"
        store.commit_pending()
        store.close()
    print(f"{options.cluster} near-identical bodies; {os.cpu_count()} cores")
    print(f"lookup + stage, ms per item, by {WINDOW} items in staging order:")
    for start in range(0, len(times), WINDOW):
        window = times[start : start + WINDOW]
        print(f"  {start:>6}-{start + len(window) - 1:<6} {sum(window) / len(window) * 1000:6.2f}")
    print(f"total {sum(times):.1f} s; {linked} of {options.cluster - 1} linked to the first")


if __name__ == "__main__":
    main()
