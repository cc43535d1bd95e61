from datetime import datetime, timedelta, timezone

import pytest

from antara_crawl.extract.dates import (
    format_iso,
    parse_iso,
    parse_listing_date,
    parse_visible_date,
)
from antara_crawl.portals import WIB, WITA


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Selasa, 19 Maret 2024 16:05 WIB", "2024-03-19T16:05:00+07:00"),
        ("Selasa, 19 Maret 2024 16:05 WITA", "2024-03-19T16:05:00+08:00"),
        ("Senin, 4 November 2024 09:30 WIT", "2024-11-04T09:30:00+09:00"),
        ("Rabu, 7 Agustus 2024 20:15", "2024-08-07T20:15:00+08:00"),
        ("21 Okt 2022 14.35 WIB", "2022-10-21T14:35:00+07:00"),
        ("Kamis, 1 Feb 2024", "2024-02-01T00:00:00+08:00"),
        ("  Jumat, 21 Oktober 2022 - 14:35 WIB ", "2022-10-21T14:35:00+07:00"),
    ],
)
def test_visible_dates(text: str, expected: str) -> None:
    assert format_iso(parse_visible_date(text, WITA)) == expected


def test_no_date_is_none() -> None:
    assert parse_visible_date("5 menit baca", WIB) is None
    assert parse_visible_date("31 Februari 2024 10:00 WIB", WIB) is None


def test_machine_dates_keep_their_offset() -> None:
    assert format_iso(parse_iso("2024-03-19T16:05:00+08:00", WIB)) == "2024-03-19T16:05:00+08:00"
    assert format_iso(parse_iso("2024-03-19T08:05:00Z", WIB)) == "2024-03-19T08:05:00+00:00"
    assert format_iso(parse_iso("2024-03-19 16:05:00", WITA)) == "2024-03-19T16:05:00+08:00"
    assert format_iso(parse_iso("2024-03-19T16:05:00+0700", WITA)) == "2024-03-19T16:05:00+07:00"
    assert parse_iso("kemarin", WIB) is None


def test_relative_listing_dates() -> None:
    now = datetime(2024, 3, 19, 12, 0, tzinfo=timezone.utc)
    assert parse_listing_date("26 menit lalu", WIB, now) == now - timedelta(minutes=26)
    assert parse_listing_date("3 jam yang lalu", WIB, now) == now - timedelta(hours=3)
    assert parse_listing_date("2 hari lalu", WIB, now) == now - timedelta(days=2)
    assert parse_listing_date("19 Maret 2024 16:05", WIB, now) == datetime(
        2024, 3, 19, 16, 5, tzinfo=WIB
    )
