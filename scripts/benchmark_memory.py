"""Peak memory of whole crawls: the sample, and crawls of pages made to exhaust memory.

    python scripts/benchmark_memory.py

Runs ``scrapy crawl antara`` in subprocesses and prints the peak resident memory (VmHWM)
and time of each: the sample mirror (``data/sample``); the test site served by
``tests/fault_server.py`` with a 1 GiB gzip bomb and 6 MiB pages with and without
``Content-Length`` on some articles; and that crawl again with Scrapy's default size
limits (``DOWNLOAD_MAXSIZE`` 1 GiB), for the ratio. The project's bound is 300 MiB.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.crawl import run_crawl  # noqa: E402
from tests.fault_server import serve_faults  # noqa: E402
from tests.recorder import recorder_settings, stats_of  # noqa: E402
from tests.sites import build_test_site  # noqa: E402

MEMORY_FAULTS = ("bomb", "huge", "huge_stream")
SCRAPY_LIMITS = {"DOWNLOAD_MAXSIZE": str(1 << 30), "DOWNLOAD_WARNSIZE": str(32 << 20)}


def measure(name: str, work: Path, mirror: str, since: str, settings: dict[str, str]) -> None:
    """Run one crawl and print its peak memory, time and item count."""
    started = time.monotonic()
    run = run_crawl(
        work / f"{name}.jsonl",
        mirror=mirror,
        args={"since": since},
        settings={**settings, **recorder_settings(work / f"{name}.requests")},
    )
    seconds = time.monotonic() - started
    peak = stats_of(run.log).get("test/peak_rss_mib")
    items = len(run.items)
    print(f"{name:<24} peak {peak} MiB  {seconds:5.1f} s  {items} items  exit {run.returncode}")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sample = json.loads((ROOT / "data/sample/manifest.json").read_text("utf-8"))
        measure("sample", work, "data/sample", sample["since"], {})
        site = work / "site"
        manifest = build_test_site(site, datetime.now(timezone.utc))
        victims = sorted(manifest["reachable"])[-len(MEMORY_FAULTS) :]
        for name, limits in (("faults", {}), ("faults, Scrapy's limits", SCRAPY_LIMITS)):
            with serve_faults(site) as server:
                for key, fault in zip(victims, MEMORY_FAULTS, strict=True):
                    server.plan(manifest["articles"][key]["url"], fault, forever=True)
                measure(name, work, server.base_url, manifest["since"], limits)
    return 0


if __name__ == "__main__":
    sys.exit(main())
