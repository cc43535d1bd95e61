"""Benchmark: ``scrapy crawl antara`` against a minimal link-following spider, one run.

Generates a mirror (:mod:`benchmarks.sitegen`), serves it on a loopback port
(:mod:`tests.mirror_server`), then crawls it twice: with the minimal spider
(:mod:`benchmarks.baseline_spider`, the engine's ceiling here) and with ``scrapy crawl antara``
(politeness off, as in mirror mode; state in a fresh SQLite file). Prints pages per second of
each (from the engine's own elapsed time, and from process start to exit), their ratio, and the
crawl's peak RSS after 5,000 pages and at the end.

    python -m benchmarks.crawl [--articles 20000] [--portals 10] [--profile FILE]

``--profile FILE`` runs the crawl under cProfile and writes its stats to FILE (slower: the
figures of such a run are not the crawl's speed).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.sitegen import PORTALS, build_site, since_of
from tests.crawl import ROOT
from tests.mirror_server import MirrorServer, serve_mirror

RSS_CHECKPOINT = 5000
"""Pages after which the crawl's peak RSS is noted, to compare with its peak at the end."""


@dataclass
class Measured:
    """One crawl: pages downloaded, the engine's elapsed time, process wall time, peak RSS."""

    pages: int
    elapsed: float
    wall: float
    rss_checkpoint_kb: int | None
    rss_end_kb: int | None
    items: int
    cpu: float

    @property
    def rate(self) -> float:
        return self.pages / self.elapsed

    @property
    def wall_rate(self) -> float:
        return self.pages / self.wall

    @property
    def cpu_ms(self) -> float:
        """CPU time (user + system) of the crawl process per page, in milliseconds."""
        return self.cpu / self.pages * 1000


def _stat(log: str, name: str) -> float:
    match = re.search(rf"'{re.escape(name)}': ([0-9.]+)", log)
    return float(match[1]) if match else 0.0


def _peak_rss_kb(pid: int) -> int | None:
    """The process's peak resident set size so far (``VmHWM``), in KiB."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    match = re.search(r"VmHWM:\s+(\d+) kB", status)
    return int(match[1]) if match else None


def run(command: list[str], cwd: Path, server: MirrorServer) -> Measured:
    """Run a crawl command, watching its peak RSS against the pages the server answered."""
    server.requests.clear()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    log: list[str] = []
    reader = threading.Thread(target=lambda: log.extend(process.stdout or ()), daemon=True)
    reader.start()
    checkpoint = last = None
    while process.poll() is None:
        peak = _peak_rss_kb(process.pid)
        last = peak or last
        if checkpoint is None and len(server.requests) >= RSS_CHECKPOINT:
            checkpoint = peak
        time.sleep(0.05)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    reader.join()
    text = "".join(log)
    if process.returncode != 0:
        sys.exit(f"crawl failed ({process.returncode}): {' '.join(command)}\n{text[-3000:]}")
    pages = int(_stat(text, "response_received_count"))
    return Measured(
        pages=pages,
        elapsed=_stat(text, "elapsed_time_seconds"),
        wall=wall,
        rss_checkpoint_kb=checkpoint,
        rss_end_kb=last,
        items=int(_stat(text, "item_scraped_count")),
        cpu=cpu,
    )


def start_urls(portals: tuple[str, ...]) -> list[str]:
    """The feeds and first listing pages the antara spider starts from, per portal."""
    urls = []
    for key in portals:
        host = f"https://{key}.antaranews.com"
        if key == "www":
            urls += [f"{host}/rss/{s}.xml" for s in ("terkini", "hukum", "nusantara")]
            urls += [f"{host}/terkini", f"{host}/hukum"]
        else:
            urls += [f"{host}/rss/terkini.xml", f"{host}/terkini"]
    return urls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20000)
    parser.add_argument("--portals", type=int, default=len(PORTALS))
    parser.add_argument("--profile", type=Path, default=None)
    options = parser.parse_args()
    portals = PORTALS[: options.portals]
    with tempfile.TemporaryDirectory(prefix="antara-bench-") as scratch:
        work = Path(scratch)
        generated = time.perf_counter()
        site = build_site(options.articles, options.portals)
        site.write(work / "mirror")
        print(
            f"mirror: {options.articles} articles on {len(portals)} portals, "
            f"written in {time.perf_counter() - generated:.1f} s; {os.cpu_count()} cores"
        )
        (work / "baseline").mkdir()
        with serve_mirror(work / "mirror") as server:
            baseline = run(
                [
                    sys.executable, "-m", "scrapy", "runspider",
                    str(Path(__file__).with_name("baseline_spider.py")),
                    "-a", f"mirror={server.base_url}",
                    "-a", f"starts={','.join(start_urls(portals))}",
                    "-s", "CONCURRENT_REQUESTS=8", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8",
                    "-s", "LOG_LEVEL=INFO", "-s", "TELNETCONSOLE_ENABLED=False",
                ],
                work / "baseline",
                server,
            )  # fmt: skip
            profile = ["-m", "cProfile", "-o", str(options.profile)] if options.profile else []
            crawl = run(
                [
                    sys.executable, *profile, "-m", "scrapy", "crawl", "antara",
                    "-O", str(work / "feed.jsonl"),
                    "-s", f"ANTARA_MIRROR={server.base_url}",
                    "-s", f"ANTARA_STATE={work / 'state.sqlite3'}",
                    "-s", "ANTARA_MAX_LISTING_PAGES=10000",
                    "-s", "LOG_LEVEL=INFO",
                    "-a", f"since={since_of(options.articles)}",
                    "-a", f"portals={','.join(portals)}",
                ],
                ROOT,
                server,
            )  # fmt: skip
    header = f"{'':24}{'pages':>8}{'items':>8}{'pages/s':>10}{'pages/s (wall)':>16}"
    print(f"{header}{'CPU ms/page':>13}")
    for name, measured in (("minimal spider", baseline), ("scrapy crawl antara", crawl)):
        print(
            f"{name:24}{measured.pages:>8}{measured.items:>8}"
            f"{measured.rate:>10.1f}{measured.wall_rate:>16.1f}{measured.cpu_ms:>13.2f}"
        )
    print(
        f"ratio (antara / minimal): {crawl.rate / baseline.rate:.2f} engine time, "
        f"{crawl.wall_rate / baseline.wall_rate:.2f} process start to exit, "
        f"{baseline.cpu_ms / crawl.cpu_ms:.2f} by CPU time per page (target >= 0.7)"
    )
    if crawl.rss_checkpoint_kb and crawl.rss_end_kb:
        print(
            f"crawl peak RSS: {crawl.rss_checkpoint_kb / 1024:.0f} MiB after {RSS_CHECKPOINT}"
            f" pages, {crawl.rss_end_kb / 1024:.0f} MiB after {crawl.pages} pages"
            f" (+{(crawl.rss_end_kb - crawl.rss_checkpoint_kb) / 1024:.0f} MiB; target <= 50)"
        )


if __name__ == "__main__":
    main()
