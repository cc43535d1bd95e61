"""Indonesian dates as ANTARA prints them, with WIB/WITA/WIT zones."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, tzinfo

from antara_crawl.portals import ZONES

MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2,
    "maret": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5,
    "juni": 6, "jun": 6,
    "juli": 7, "jul": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agus": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12, "dec": 12,
    "may": 5, "june": 6, "july": 7, "august": 8, "october": 10, "december": 12,
    "january": 1, "february": 2, "march": 3,
}  # fmt: skip

_VISIBLE_DATE = re.compile(
    r"(?P<day>\d{1,2})\s+(?P<month>[A-Za-z]{3,9})\.?\s+(?P<year>\d{4})"
    r"(?:\s*(?:,|-|–|—|\||•|·|pukul|jam)?\s*(?:pukul\s*)?"
    r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2}))?)?"
    r"(?:\s*(?P<zone>WIB|WITA|WIT)\b)?",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(
    r"\b(?P<day>\d{1,2})[/-](?P<month>\d{1,2})[/-](?P<year>\d{4})"
    r"(?:\s+(?P<hour>\d{1,2})[:.](?P<minute>\d{2}))?(?:\s*(?P<zone>WIB|WITA|WIT)\b)?",
    re.IGNORECASE,
)
_ISO_DATE = re.compile(
    r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[ T](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?"
    r"(?:\s*(?P<zone>WIB|WITA|WIT)\b)?",
    re.IGNORECASE,
)
_RELATIVE_DATE = re.compile(
    r"(?P<n>\d+|se)\s*(?P<unit>detik|menit|jam|hari|minggu|pekan|bulan|tahun)\s+(?:yang\s+)?lalu",
    re.IGNORECASE,
)
_RELATIVE_UNITS: dict[str, timedelta] = {
    "detik": timedelta(seconds=1),
    "menit": timedelta(minutes=1),
    "jam": timedelta(hours=1),
    "hari": timedelta(days=1),
    "minggu": timedelta(weeks=1),
    "pekan": timedelta(weeks=1),
    "bulan": timedelta(days=30),
    "tahun": timedelta(days=365),
}


def format_iso(moment: datetime) -> str:
    """ISO 8601 with seconds and a ``+HH:MM`` offset: ``2024-03-19T16:05:00+08:00``."""
    return moment.replace(microsecond=0).isoformat(timespec="seconds")


def parse_iso(value: str, default_zone: tzinfo) -> datetime | None:
    """A machine-readable date (JSON-LD, meta, RSS in ISO form); naive ones get ``default_zone``."""
    value = value.strip()
    if not value:
        return None
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    value = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", value)
    try:
        moment = datetime.fromisoformat(value.replace(" ", "T", 1))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=default_zone)
    return moment


def parse_visible_date(text: str, default_zone: tzinfo) -> datetime | None:
    """A date as printed, ``Selasa, 19 Maret 2024 16:05 WIB``; no zone means ``default_zone``."""
    for match in _VISIBLE_DATE.finditer(text):
        month = MONTHS.get(match["month"].lower())
        if month is not None:
            return _build(match, month, default_zone)
    match = _NUMERIC_DATE.search(text) or _ISO_DATE.search(text)
    if match is not None:
        return _build(match, int(match["month"]), default_zone)
    return None


def parse_relative_date(text: str, now: datetime) -> datetime | None:
    """``26 menit lalu`` and friends, relative to ``now``."""
    match = _RELATIVE_DATE.search(text)
    if match is None:
        return None
    count = 1 if match["n"].lower() == "se" else int(match["n"])
    return now - count * _RELATIVE_UNITS[match["unit"].lower()]


def parse_listing_date(text: str, default_zone: tzinfo, now: datetime) -> datetime | None:
    """A listing card's date: absolute (with or without zone) or relative."""
    return parse_visible_date(text, default_zone) or parse_relative_date(text, now)


def _build(match: re.Match[str], month: int, default_zone: tzinfo) -> datetime | None:
    zone_name = match["zone"]
    zone = ZONES[zone_name.upper()] if zone_name else default_zone
    try:
        return datetime(
            int(match["year"]),
            month,
            int(match["day"]),
            int(match["hour"] or 0),
            int(match["minute"] or 0),
            int(match.groupdict().get("second") or 0),
            tzinfo=zone,
        )
    except ValueError:
        return None
