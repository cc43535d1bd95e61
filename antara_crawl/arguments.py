"""The spider arguments (``-a name=value``), parsed and checked before any request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from antara_crawl.portals import Portal, parse_portal_keys

DISCOVERY_SOURCES = ("rss", "listing")
_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}


class ArgumentError(ValueError):
    """A bad spider argument; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class CrawlOptions:
    """What one run of the ``antara`` spider is asked to do."""

    portals: list[Portal]
    since: date
    until: date | None
    related_depth: int
    police_only: bool
    discovery: tuple[str, ...]
    start_urls: tuple[str, ...]
    reset_state: bool

    @classmethod
    def parse(
        cls,
        *,
        today: date,
        default_window_days: int,
        portals: str = "all",
        since: str | None = None,
        until: str | None = None,
        related_depth: str | int = 2,
        police_only: str | bool = True,
        discovery: str = "rss,listing",
        start_urls: str | None = None,
        reset_state: str | bool = False,
        _job: str | None = None,
        **unknown: object,
    ) -> CrawlOptions:
        """Parse raw ``-a`` values; raises ArgumentError with a one-line reason.

        ``_job`` is the job id Scrapyd passes to every spider; it is accepted and ignored.
        """
        if unknown:
            raise ArgumentError(
                f"unknown spider argument(s): {', '.join(sorted(unknown))}; known: portals, "
                "since, until, related_depth, police_only, discovery, start_urls, reset_state"
            )
        try:
            chosen = parse_portal_keys(str(portals))
        except ValueError as exc:
            raise ArgumentError(str(exc)) from None
        since_date = (
            _parse_date("since", since) if since else today - timedelta(days=default_window_days)
        )
        until_date = _parse_date("until", until) if until else None
        if until_date is not None and until_date < since_date:
            raise ArgumentError(f"until ({until_date}) is before since ({since_date})")
        depth = _parse_int("related_depth", related_depth)
        sources = tuple(s.strip().lower() for s in str(discovery).split(",") if s.strip())
        bad = [s for s in sources if s not in DISCOVERY_SOURCES]
        if bad:
            raise ArgumentError(
                f"unknown discovery source(s): {', '.join(bad)}; use rss, listing or both"
            )
        urls = tuple(u.strip() for u in (start_urls or "").split(",") if u.strip())
        for url in urls:
            if not url.startswith(("http://", "https://")):
                raise ArgumentError(f"start_urls: {url!r} is not an http(s) URL")
        if not sources and not urls:
            raise ArgumentError("nothing to crawl: give discovery=rss,listing or start_urls")
        return cls(
            portals=chosen,
            since=since_date,
            until=until_date,
            related_depth=depth,
            police_only=_parse_bool("police_only", police_only),
            discovery=sources,
            start_urls=urls,
            reset_state=_parse_bool("reset_state", reset_state),
        )

    def in_window(self, day: date) -> bool:
        """Whether an article published on ``day`` (its own local date) is wanted."""
        return day >= self.since and (self.until is None or day <= self.until)


def _parse_date(name: str, value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ArgumentError(f"{name}={value!r} is not a date (YYYY-MM-DD)") from None


def _parse_int(name: str, value: str | int) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ArgumentError(f"{name}={value!r} is not a whole number") from None
    if number < 0:
        raise ArgumentError(f"{name}={value!r} must be 0 or more")
    return number


def _parse_bool(name: str, value: str | bool) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ArgumentError(f"{name}={value!r} is not true or false")
