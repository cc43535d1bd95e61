"""Monitors: checks of a finished run that a healthy run always passes.

Each takes the run's stats and figures and a threshold (``ANTARA_MONITOR_*``, README
"Monitors"); a failed one makes the run exit with :data:`EXIT_MONITORS` and is said in the
report and the log's summary. They look for what breaks silently: a site that gives nothing
any more, a redesign the extraction does not know (or that moved a field of a known
design), a run where most pages fail. A run with
nothing new, or with a few failed pages among many, passes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

EXIT_MONITORS = 6
MISSING_STAT = "antara/extract/missing/"
"""``antara/extract/missing/<design>/<field>``: articles of a design lacking a field it
always has (the design's ``always_has``)."""
RUN_ENTRIES = "antara/discovery/run_entries"
"""Stat: the discovery entries of all the workers of a run on a shared frontier."""


@dataclass(frozen=True, slots=True)
class MonitorResult:
    """One monitor's verdict on a run: ``value`` measured against ``threshold``."""

    name: str
    ok: bool
    value: float
    threshold: float
    message: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class MonitorThresholds:
    """The ``ANTARA_MONITOR_*`` settings."""

    min_discovered: int
    max_unknown_design: float
    max_error_rate: float
    min_pages: int
    max_missing_field: float


def _stat(stats: Mapping[str, Any], name: str) -> int:
    return int(stats.get(name) or 0)


def discovered_entries(stats: Mapping[str, Any]) -> int:
    """The entries the RSS feeds and listings read gave a worker."""
    rss = _stat(stats, "antara/discovery/rss_items")
    return rss + _stat(stats, "antara/discovery/listing_items")


def check_discovery(stats: Mapping[str, Any], minimum: int, *, discovering: bool) -> MonitorResult:
    """The RSS feeds and listings read gave at least ``minimum`` entries (0 turns it off).
    Judged only when ``discovering``: not with ``start_urls``, and on a shared frontier only
    by the run's last worker, from the entries of all its workers
    (``antara/discovery/run_entries``)."""
    found = int(stats.get(RUN_ENTRIES, discovered_entries(stats)))
    ok = not discovering or minimum == 0 or found >= minimum
    message = f"discovery found {found} entries in RSS feeds and listings (expected {minimum}+)"
    if not discovering:
        message = f"discovery not judged here ({found} entries in RSS feeds and listings)"
    return MonitorResult("discovery", ok, found, minimum, message)


def check_unknown_design(stats: Mapping[str, Any], maximum: float, min_pages: int) -> MonitorResult:
    """At most a ``maximum`` share of the extracted articles were of no known page design
    (judged from ``min_pages`` articles)."""
    extracted = _stat(stats, "antara/article/extracted")
    unknown = _stat(stats, "antara/extract/design/unknown")
    share = unknown / extracted if extracted else 0.0
    ok = extracted < min_pages or share <= maximum
    message = (
        f"{unknown} of {extracted} articles ({share:.0%}) were of no known page design "
        f"(at most {maximum:.0%}): a redesign? see README, 'Adding a page design'"
    )
    return MonitorResult("unknown_design", ok, round(share, 4), maximum, message)


def check_error_rate(
    stats: Mapping[str, Any],
    portals: Mapping[str, Mapping[str, Any]],
    maximum: float,
    min_pages: int,
) -> MonitorResult:
    """At most a ``maximum`` share of the article pages failed for good (a request error after
    retries, or an extraction refused), judged from ``min_pages`` attempts."""
    errors = sum(sum(p["errors"].values()) for p in portals.values())
    downloaded = sum(p["downloaded"] for p in portals.values())
    failed = errors + _stat(stats, "antara/article/extract_error")
    attempts = downloaded + errors
    rate = failed / attempts if attempts else 0.0
    ok = attempts < min_pages or rate <= maximum
    message = f"{failed} of {attempts} pages ({rate:.0%}) failed for good (at most {maximum:.0%})"
    return MonitorResult("error_rate", ok, round(rate, 4), maximum, message)


def check_field_coverage(stats: Mapping[str, Any], maximum: float, min_pages: int) -> MonitorResult:
    """At most a ``maximum`` share of the articles of each known design lacked a field that
    design always has (``antara/extract/missing/<design>/<field>`` of
    ``antara/extract/design/<design>``), judged for designs with ``min_pages`` articles."""
    shares = []
    for name, value in stats.items():
        if not name.startswith(MISSING_STAT):
            continue
        design, _, field = name[len(MISSING_STAT) :].partition("/")
        pages = _stat(stats, f"antara/extract/design/{design}")
        if design != "unknown" and pages >= min_pages:
            shares.append((int(value) / pages, int(value), pages, design, field))
    over = sorted((s for s in shares if s[0] > maximum), reverse=True)
    worst = over[0][0] if over else max((s[0] for s in shares), default=0.0)
    described = "; ".join(
        f"{field} missing on {missing} of {pages} '{design}' articles ({share:.0%})"
        for share, missing, pages, design, field in over
    )
    message = (
        f"{described} (at most {maximum:.0%}): has the page design changed? see README, "
        "'Adding a page design'"
        if over
        else f"no field a known design always has was missing on more than {maximum:.0%} "
        f"of its articles (worst {worst:.0%})"
    )
    return MonitorResult("field_coverage", not over, round(worst, 4), maximum, message)


def run_monitors(
    stats: Mapping[str, Any],
    portals: Mapping[str, Mapping[str, Any]],
    thresholds: MonitorThresholds,
    *,
    discovering: bool,
) -> list[MonitorResult]:
    """Every monitor's verdict on a finished run."""
    return [
        check_discovery(stats, thresholds.min_discovered, discovering=discovering),
        check_unknown_design(stats, thresholds.max_unknown_design, thresholds.min_pages),
        check_error_rate(stats, portals, thresholds.max_error_rate, thresholds.min_pages),
        check_field_coverage(stats, thresholds.max_missing_field, thresholds.min_pages),
    ]
