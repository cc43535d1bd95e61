"""A throwaway ``redis-server`` on a free loopback port, for the tests that need Redis.

Without a ``redis-server`` binary the tests that use it are skipped, except under CI
(``CI=true``), where they fail: ``.ci/run`` installs it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def no_server(reason: str) -> None:
    """Skip the test, or fail it under CI."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"Redis is required under CI: {reason}")
    pytest.skip(reason)


@contextmanager
def redis_server(directory: Path) -> Iterator[str]:
    """Run ``redis-server`` (no persistence) on 127.0.0.1; yields its ``redis://`` URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        no_server("no redis-server on PATH (apt-get install redis-server)")
    assert binary is not None
    port = free_port()
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(directory)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(100):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if process.poll() is not None:
                no_server(f"redis-server exited with status {process.returncode}")
            time.sleep(0.05)
        else:
            no_server("redis-server did not start listening")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)
