"""The project's add-on (``ADDONS``): checks the project settings and derives the others."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy.settings import SETTINGS_PRIORITIES

from antara_crawl import __version__
from antara_crawl.archive import check_archive_settings
from antara_crawl.config import NUMBER_SETTINGS, number_setting
from antara_crawl.frontier import frontier_settings
from antara_crawl.mirror import parse_mirror_setting
from antara_crawl.paths import resolve_data_paths
from antara_crawl.redis_state import check_redis_url
from antara_crawl.state import parse_state_setting
from antara_crawl.warc import ArchiveFiles

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

MIRROR_FAST_SETTINGS: dict[str, int | float | bool] = {
    "DOWNLOAD_DELAY": 0,
    "DOWNLOAD_DELAY_JITTER": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,  # CONCURRENT_REQUESTS: a single portal may use all
}
"""What ``ANTARA_MIRROR_FAST`` changes in mirror mode: no politeness towards a local mirror."""

REMOTE_CONTROL = "scrapy.extensions.remote_control.RemoteControl"
"""Scrapy's remote control: importing it (aiohttp) took 0.15 s of a crawl's start-up."""


def user_agent(contact: str) -> str:
    """``antara-crawl/0.1.0 (+contact)``: the project, its version and who to contact."""
    return f"antara-crawl/{__version__} (+{contact})"


def check_settings(settings: BaseSettings) -> None:
    """Raise ValueError (one line) for a project setting that the crawl cannot use."""
    for name in NUMBER_SETTINGS:
        number_setting(settings, name)
    parse_mirror_setting(settings.get("ANTARA_MIRROR") or "")
    check_archive_settings(settings)
    insecure = settings.getbool("ANTARA_REDIS_INSECURE")
    state = parse_state_setting(settings.get("ANTARA_STATE") or "none")
    if state.kind == "redis":
        check_redis_url("ANTARA_STATE", state.location, allow_insecure=insecure)
    frontier = settings.get("ANTARA_FRONTIER") or ""
    if frontier:
        if not frontier.startswith(("redis://", "rediss://", "unix://")):
            raise ValueError(f"ANTARA_FRONTIER={frontier!r}: use a redis:// URL")
        check_redis_url("ANTARA_FRONTIER", frontier, allow_insecure=insecure)
        if state.kind == "sqlite":
            raise ValueError(
                "ANTARA_FRONTIER: the workers of a run share their state: set ANTARA_STATE to "
                "a redis:// URL (or none)"
            )


class AntaraAddon:
    """Checks the ``ANTARA_*`` settings and derives Scrapy settings from them.

    - ``{data}`` in the path settings becomes the data directory (:mod:`antara_crawl.paths`);
    - ``FEEDS``: without ``-o``/``-O`` (or ``FEEDS``), the run's items go to
      ``ANTARA_FEED_URI`` as JSON Lines; a feed that overwrites (``-O``) is stored even when
      empty, so it always holds exactly this run's items;
    - ``USER_AGENT`` names the project, its version and ``ANTARA_CONTACT``, unless set;
    - with ``ANTARA_FRONTIER``, scrapy-redis's scheduler on the run's keys
      (:func:`antara_crawl.frontier.frontier_settings`);
    - in mirror mode (``ANTARA_MIRROR``) with ``ANTARA_MIRROR_FAST``, the polite delays and
      AutoThrottle are dropped, unless set on the command line;
    - without ``REMOTE_CONTROL_ENABLED``, Scrapy's remote control is left out of the
      extensions, so that it is not even imported.
    """

    def update_settings(self, settings: BaseSettings) -> None:
        check_settings(settings)
        resolve_data_paths(settings)
        feeds = settings.getdict("FEEDS")
        if not feeds:
            feed = {"format": "jsonlines", "encoding": "utf-8"}
            settings.set("FEEDS", {settings["ANTARA_FEED_URI"]: feed}, priority="addon")
        elif any(options.get("overwrite") for options in feeds.values()):
            final = {
                uri: {"store_empty": True, **options} if options.get("overwrite") else options
                for uri, options in feeds.items()
            }
            settings.set("FEEDS", final, priority=settings.getpriority("FEEDS") or "addon")
        settings.set("USER_AGENT", user_agent(settings["ANTARA_CONTACT"]), priority="addon")
        if not settings.getbool("REMOTE_CONTROL_ENABLED"):
            # Out of EXTENSIONS_BASE: Scrapy imports every EXTENSIONS entry, None ones too.
            base = settings.getdict("EXTENSIONS_BASE")
            base.pop(REMOTE_CONTROL, None)
            settings.set("EXTENSIONS_BASE", base, priority="addon")
        if settings.get("ANTARA_FRONTIER"):
            for name, value in frontier_settings(settings).items():
                settings.set(name, value, priority="addon")
        mirror = parse_mirror_setting(settings.get("ANTARA_MIRROR") or "")
        reextract_set = (settings.getpriority("ANTARA_REEXTRACT") or 0) > SETTINGS_PRIORITIES[
            "project"
        ]
        if isinstance(mirror, ArchiveFiles) and not reextract_set:  # a replay costs ANTARA nothing
            settings.set("ANTARA_REEXTRACT", True, priority="project")
        if mirror and settings.getbool("ANTARA_MIRROR_FAST"):
            for name, value in MIRROR_FAST_SETTINGS.items():
                # The project's polite defaults are for the live site: override them, not
                # what the user set on the command line.
                if (settings.getpriority(name) or 0) <= SETTINGS_PRIORITIES["project"]:
                    settings.set(name, value, priority="project")
