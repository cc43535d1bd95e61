"""The project's numeric settings, read and checked where they are used."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

NUMBER_SETTINGS: dict[str, tuple[type[int] | type[float], float, float]] = {
    "ANTARA_DEFAULT_WINDOW_DAYS": (int, 0, 36_500),
    "ANTARA_MAX_LISTING_PAGES": (int, 1, 10_000),
    "ANTARA_UNREACHABLE_AFTER": (int, 1, 1_000_000),
    "ANTARA_REFRESH_DAYS": (float, 0, 36_500),
    "ANTARA_RETRY_AFTER_MAX": (float, 0, 86_400),
    "ANTARA_NEAR_DUPLICATE_THRESHOLD": (float, 0.01, 1),
    "ANTARA_POLICE_MIN_SCORE": (float, 0, 1),
    "ANTARA_CRAWL_DELAY_MAX": (float, 0, 86_400),
    "ANTARA_FRONTIER_QUIET": (float, 0, 3_600),
    "ANTARA_WORKER_TTL": (float, 1, 3_600),
    "ANTARA_ATOM_ENTRIES": (int, 1, 100_000),
    "ANTARA_MONITOR_MIN_DISCOVERED": (int, 0, 1_000_000),
    "ANTARA_MONITOR_MAX_UNKNOWN_DESIGN": (float, 0, 1),
    "ANTARA_MONITOR_MAX_ERROR_RATE": (float, 0, 1),
    "ANTARA_MONITOR_MIN_PAGES": (int, 1, 1_000_000),
    "ANTARA_MONITOR_MAX_MISSING_FIELD": (float, 0, 1),
    "ANTARA_RETENTION_DAYS": (int, 0, 36_500),
}
"""Each numeric ``ANTARA_*`` setting: its type and allowed range."""


def number_setting(settings: BaseSettings, name: str) -> int | float:
    """The value of the numeric setting ``name``; ValueError (one line) if of the wrong type
    or out of range. Whole-number settings come back as ``int``."""
    kind, low, high = NUMBER_SETTINGS[name]
    raw = settings.get(name)
    try:
        value = kind(raw)
    except (TypeError, ValueError):
        what = "a whole number" if kind is int else "a number"
        raise ValueError(f"{name}={raw!r} is not {what}") from None
    if not low <= value <= high:
        raise ValueError(f"{name}={raw!r} must be between {low:g} and {high:g}")
    return value
