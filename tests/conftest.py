"""Test-wide configuration.

- Hypothesis explores at random on a developer's machine and replays the same examples under
  CI (``CI`` set), so a CI run never fails on a new draw.
- ``-n auto`` (pyproject's addopts) starts two test processes per core: the end-to-end tests
  spend most of their time waiting for the ``scrapy crawl`` processes they start, or for the
  delays they check (here, on 2 cores: 79 s against 90 s with one process per core).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """Two test processes per core for ``-n auto``."""
    return 2 * (os.cpu_count() or 1)
