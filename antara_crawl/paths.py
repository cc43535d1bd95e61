"""Where a run keeps its data: state, feeds and run reports, under one data directory.

The defaults of ``ANTARA_STATE``, ``ANTARA_FEED_URI``, ``ANTARA_RUNS_DIR`` and
``ANTARA_ATOM_DIR`` name places
under ``{data}``: the directory ``ANTARA_DATA_DIR`` names, else the project directory's
``data/``, never the directory the command was started from. Paths a user gives without
``{data}`` (``-O out.jsonl``, ``ANTARA_STATE=x.sqlite3``) resolve against the working
directory, as usual.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from scrapy.utils.conf import closest_scrapy_cfg

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

DATA_PLACEHOLDER = "{data}"
PATH_SETTINGS = ("ANTARA_STATE", "ANTARA_FEED_URI", "ANTARA_RUNS_DIR", "ANTARA_ATOM_DIR")
"""The settings whose value may name a place under the data directory (``{data}``)."""


def project_dir(cwd: str | Path = ".") -> Path | None:
    """The project directory: the one holding the ``scrapy.cfg`` Scrapy finds from ``cwd``,
    else the source checkout holding this package (if it has a ``scrapy.cfg``); None when
    neither exists (an installed package run from elsewhere, Scrapyd)."""
    found = closest_scrapy_cfg(cwd)
    if found:
        return Path(found).resolve().parent
    checkout = Path(__file__).resolve().parent.parent
    return checkout if (checkout / "scrapy.cfg").is_file() else None


def data_dir(setting: str, cwd: str | Path = ".") -> Path:
    """The data directory: ``ANTARA_DATA_DIR`` (``setting``) when given, else the project
    directory's ``data/``, else ``$XDG_DATA_HOME/antara-crawl`` (``~/.local/share``)."""
    if setting:
        return (Path(cwd) / Path(setting).expanduser()).resolve()
    project = project_dir(cwd)
    if project is not None:
        return project / "data"
    home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(home) / "antara-crawl"


def resolve_data_paths(settings: BaseSettings) -> None:
    """Replace ``{data}`` in the path settings by the data directory, keeping priorities."""
    directory: Path | None = None
    for name in PATH_SETTINGS:
        value = settings.get(name)
        if isinstance(value, str) and DATA_PLACEHOLDER in value:
            directory = directory or data_dir(settings.get("ANTARA_DATA_DIR") or "")
            resolved = value.replace(DATA_PLACEHOLDER, str(directory))
            settings.set(name, resolved, priority=settings.getpriority(name) or "project")
