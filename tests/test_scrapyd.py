"""Scrapyd for real: a Scrapyd on loopback, ``scrapyd-deploy`` from the shipped ``scrapy.cfg``,
a scheduled job against a loopback mirror, its feed compared with the command line's, and the
Atom feeds written after it."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import feedparser
import pytest

from tests.atom_rules import check_atom_rules
from tests.crawl import ROOT, run_crawl
from tests.mirror_server import serve_mirror
from tests.sites import build_test_site

SHIPPED_TARGET = "url = http://localhost:6800/"
PROJECT_FILES = ("scrapy.cfg", "setup.py", "pyproject.toml", "README.md")
VOLATILE = ("crawled_at",)
"""Fields that differ between two crawls of the same pages."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def environment() -> dict[str, str]:
    """This environment without ANTARA_* (the settings come with the job)."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("ANTARA_", "SCRAPY_"))}


def call(base: str, action: str, data: dict[str, Any] | None = None) -> dict[str, Any]:
    """Scrapyd's JSON API: GET ``action``, or POST ``data`` (lists as repeated fields)."""
    body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
    with urllib.request.urlopen(f"{base}/{action}", data=body, timeout=10) as reply:
        return json.loads(reply.read())


def wait_for(check: Any, what: str, timeout: float = 60) -> Any:
    """Poll ``check()`` until it returns something true; fail with ``what`` after timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


@pytest.fixture
def scrapyd(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A Scrapyd on a free loopback port, working in its own directory; its URL and directory."""
    home = tmp_path / "scrapyd"
    home.mkdir()
    port = free_port()
    (home / "scrapyd.conf").write_text(
        "[scrapyd]\n"
        "bind_address = 127.0.0.1\n"
        f"http_port = {port}\n"
        "poll_interval = 0.1\n"
        "max_proc = 1\n",
        "utf-8",
    )
    log = (home / "scrapyd.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "scrapyd"],
        cwd=home,
        env=environment(),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"

    def up() -> bool:
        assert server.poll() is None, (home / "scrapyd.log").read_text(errors="replace")
        try:
            return call(base, "daemonstatus.json")["status"] == "ok"
        except (urllib.error.URLError, ConnectionError):
            return False

    try:
        wait_for(up, "Scrapyd to listen", timeout=30)
        yield base, home
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def deploy_copy(tmp_path: Path, base: str) -> subprocess.CompletedProcess[str]:
    """``scrapyd-deploy`` run in a copy of the project whose ``scrapy.cfg`` is the shipped one
    with the target's port changed to the test's Scrapyd (so the checkout stays clean)."""
    project = tmp_path / "project"
    shutil.copytree(
        ROOT / "antara_crawl",
        project / "antara_crawl",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    for name in PROJECT_FILES:
        shutil.copy(ROOT / name, project / name)
    config = (ROOT / "scrapy.cfg").read_text("utf-8")
    assert SHIPPED_TARGET in config, "the shipped [deploy] target points to a local Scrapyd"
    (project / "scrapy.cfg").write_text(config.replace(SHIPPED_TARGET, f"url = {base}/"), "utf-8")
    return subprocess.run(
        [sys.executable, "-m", "scrapyd_client.deploy"],
        cwd=project,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def scrapyd_messages(home: Path) -> str:
    """Scrapyd's log without its access lines: what it said about the jobs."""
    lines = (home / "scrapyd.log").read_text(errors="replace").splitlines()
    return "\n".join(line for line in lines if "HTTP/1.1" not in line)[-3000:]


def comparable(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {item["id"]: {k: v for k, v in item.items() if k not in VOLATILE} for item in items}


def test_a_scrapyd_job_gives_the_items_of_the_command_line(
    scrapyd: tuple[str, Path], tmp_path: Path
) -> None:
    base, home = scrapyd
    deployed = deploy_copy(tmp_path, base)
    assert deployed.returncode == 0, deployed.stderr
    assert '"status": "ok"' in deployed.stdout, deployed.stdout + deployed.stderr
    assert call(base, "listprojects.json")["projects"] == ["antara_crawl"]

    mirror_root = tmp_path / "mirror"
    manifest = build_test_site(mirror_root, datetime.now(timezone.utc))
    with serve_mirror(mirror_root) as mirror:
        settings = {
            "ANTARA_MIRROR": mirror.base_url,
            "ANTARA_STATE": "none",
            "ANTARA_DATA_DIR": str(home / "data"),
        }
        job = call(
            base,
            "schedule.json",
            {
                "project": "antara_crawl",
                "spider": "antara",
                "since": manifest["since"],
                "setting": [f"{name}={value}" for name, value in settings.items()],
            },
        )
        assert job["status"] == "ok", job

        def finished() -> dict[str, Any] | None:
            jobs = call(base, "listjobs.json?project=antara_crawl")["finished"]
            return next((j for j in jobs if j["id"] == job["jobid"]), None)

        with ThreadPoolExecutor(1) as pool:  # the command line's crawl while the job runs
            command_line = pool.submit(
                run_crawl,
                tmp_path / "cli.jsonl",
                mirror=mirror.base_url,
                args={"since": manifest["since"]},
                waiting=True,
            )
            wait_for(finished, f"job {job['jobid']}", timeout=60)
            cli = command_line.result()

    job_log = home / "logs" / "antara_crawl" / "antara" / f"{job['jobid']}.log"
    assert job_log.exists(), scrapyd_messages(home)
    log = job_log.read_text("utf-8")
    assert f"Feed: {home / 'data'}" in log, log[-3000:]
    # Under Scrapyd, ANTARA_DATA_DIR says where feeds, reports and Atom feeds go.
    feeds = sorted((home / "data" / "feeds" / "antara").glob("*.jsonl"))
    assert len(feeds) == 1, log[-3000:]
    scheduled = [json.loads(line) for line in feeds[0].read_text("utf-8").splitlines()]
    assert cli.returncode == 0, cli.log[-3000:]
    assert len(scheduled) == len(manifest["reachable"])
    assert comparable(scheduled) == comparable(cli.items)
    # After the run, by default (ANTARA_ATOM), its police stories in one Atom feed per portal.
    atom = home / "data" / "feeds" / "atom"
    portals = sorted({item["portal"] for item in scheduled})
    assert sorted(p.stem for p in atom.glob("*.xml")) == portals
    for portal in portals:
        parsed = feedparser.parse(str(atom / f"{portal}.xml"))
        assert parsed.bozo == 0, parsed.get("bozo_exception")
        check_atom_rules(atom / f"{portal}.xml")
        stories = [item for item in scheduled if item["portal"] == portal]
        stories.sort(key=lambda item: datetime.fromisoformat(item["published_at"]), reverse=True)
        assert [entry.link for entry in parsed.entries] == [item["url"] for item in stories]
