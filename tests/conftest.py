"""Test-wide configuration: Hypothesis explores at random on a developer's machine and
replays the same examples under CI (``CI`` set), so a CI run never fails on a new draw."""

import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
