"""Properties of the pure layers, whatever the input: canonical URLs, dates, text cleaning."""

from __future__ import annotations

import re
from datetime import datetime, timezone

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from antara_crawl.extract import ExtractError, extract_article
from antara_crawl.extract.dates import MONTHS, format_iso, parse_iso, parse_visible_date
from antara_crawl.portals import PORTALS, ZONES
from antara_crawl.urls import article_ref, canonical_url, url_kind

PORTAL_KEYS = st.sampled_from(sorted(PORTALS))
IDS = st.integers(min_value=1, max_value=999_999_999)
SLUGS = st.one_of(st.none(), st.from_regex(r"[a-z0-9]+(-[a-z0-9]+){0,8}", fullmatch=True))


@st.composite
def article_forms(draw: st.DrawFn) -> tuple[str, str, str]:
    """``(url, key, canonical)``: one of the many forms ANTARA links an article by."""
    key, number, slug = draw(PORTAL_KEYS), draw(IDS), draw(SLUGS)
    host = PORTALS[key].host
    if key == "www":
        host = draw(st.sampled_from([host, "m.antaranews.com", "antaranews.com"]))
    elif draw(st.booleans()):
        host = "m." + host
    host = draw(st.sampled_from([host, host.upper(), host + ":443"]))
    scheme = draw(st.sampled_from(["https", "http", "HTTPS"]))
    zeros = "0" * draw(st.integers(0, 9 - len(str(number))))
    path = f"/berita/{zeros}{number}"
    if slug:
        path += f"/{slug}" + draw(st.sampled_from(["", ".html"]))
    if draw(st.booleans()):
        path = "/amp" + path
    if slug and not path.endswith(".html"):  # without a slug, "/amp" would be the slug
        path += draw(st.sampled_from(["", "/", "/amp", "/amp/"]))
    query = draw(st.sampled_from(["", "?utm_source=antaranews&utm_medium=share", "?page=2"]))
    fragment = draw(st.sampled_from(["", "#comments"]))
    canonical = f"{PORTALS[key].base_url}/berita/{number}" + (f"/{slug}" if slug else "")
    return f"{scheme}://{host}{path}{query}{fragment}", f"{key}:{number}", canonical


@given(article_forms())
def test_every_form_of_an_article_gives_one_key_and_one_canonical_url(form) -> None:
    url, key, canonical = form
    ref = article_ref(url)
    assert ref is not None and ref.key == key
    assert canonical_url(url) == canonical
    assert canonical_url(canonical) == canonical  # idempotent
    assert url_kind(url) == "article"


@given(article_forms(), st.sampled_from(["", "./", "../"]))
def test_relative_links_resolve_against_the_page(form, prefix: str) -> None:
    url, key, _canonical = form
    page = "https://kupang.antaranews.com/terkini/2"
    path = url.split("://", 1)[1]
    relative = path[path.index("/") :]
    ref = article_ref(relative, page)
    assert ref is not None and ref.key.split(":")[1] == key.split(":")[1]
    assert ref.portal.key == "kupang"


@example("\u0661\u0662", "evil.example")  # Arabic-Indic digits
@example("\uff11\uff12", "evil.example")  # full-width digits
@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
    st.sampled_from(["evil.example", "antaranews.com.evil.example", "en.antaranews.com"]),
)
def test_no_other_host_and_no_other_digits_make_an_article(number: str, host: str) -> None:
    assert article_ref(f"https://{host}/berita/1/x") is None
    ref = article_ref(f"https://kupang.antaranews.com/berita/{number}/x")
    if ref is not None:
        assert re.fullmatch(r"[0-9]+", ref.id), ref.id
        assert canonical_url(ref.url) == ref.url


MOMENTS = st.datetimes(
    min_value=datetime(1998, 1, 1), max_value=datetime(2099, 12, 31, 23, 59, 59)
).map(lambda moment: moment.replace(microsecond=0))
ZONE_NAMES = st.sampled_from(sorted(ZONES))
MONTH_NAMES = {
    number: [name for name, value in MONTHS.items() if value == number] for number in range(1, 13)
}


@given(MOMENTS, ZONE_NAMES)
def test_every_iso_date_round_trips_with_its_offset(moment: datetime, zone_name: str) -> None:
    aware = moment.replace(tzinfo=ZONES[zone_name])
    text = format_iso(aware)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", text)
    parsed = parse_iso(text, timezone.utc)
    assert parsed == aware and parsed.utcoffset() == aware.utcoffset()
    assert format_iso(parsed) == text


@given(MOMENTS, ZONE_NAMES, st.data())
def test_every_printed_date_and_zone_round_trips(moment: datetime, zone_name: str, data) -> None:
    month = data.draw(st.sampled_from(MONTH_NAMES[moment.month]))
    month = data.draw(st.sampled_from([month, month.capitalize(), month.upper()]))
    text = f"Selasa, {moment.day} {month} {moment.year} {moment:%H:%M} {zone_name}"
    parsed = parse_visible_date(text, timezone.utc)
    assert parsed == moment.replace(second=0, tzinfo=ZONES[zone_name])
    assert parsed is not None and parsed.utcoffset() == ZONES[zone_name].utcoffset(None)


@given(st.integers(1, 31), st.integers(1, 12), st.integers(1998, 2099), st.integers(0, 99))
def test_impossible_dates_are_refused(day: int, month: int, year: int, hour: int) -> None:
    try:
        datetime(year, month, day, hour % 24)
        valid = hour < 24
    except ValueError:
        valid = False
    assume(not valid)
    text = f"{day} {MONTH_NAMES[month][0]} {year} {hour:02d}:00 WIB"
    assert parse_visible_date(text, timezone.utc) is None


WORDS = st.sampled_from(
    "polisi polda polres warga petugas kendaraan patroli malam jalan pasar desa kota "
    "menangkap memeriksa mengamankan barang bukti tersangka saksi laporan kasus".split()
)
PARAGRAPHS = st.lists(WORDS, min_size=4, max_size=30).map(lambda words: " ".join(words) + ".")
ARTICLE = "https://kupang.antaranews.com/berita/160001/polisi-siaga"


def article_page(paragraphs: list[str], extras: list[tuple[int, str]]) -> str:
    """A current-design article page: the paragraphs after a dateline, and boilerplate
    lines inserted at the given positions (after the first paragraph at the earliest)."""
    lines = list(paragraphs)
    for position, line in sorted(extras, reverse=True):
        lines.insert(min(position, len(lines)), line)
    content = "<br><br>".join(lines)
    return (
        "<html><head><title>Polisi siaga - ANTARA News Kupang</title></head><body>"
        "<div class='wrap__article-detail-title'><h1>Polisi siaga</h1></div>"
        "<div class='wrap__article-detail-info'><span class='text-secondary'>"
        "Selasa, 19 Maret 2024 16:05 WITA</span></div>"
        f"<div class='wrap__article-detail-content'>Kupang (ANTARA) - {content}"
        "<br><br>Pewarta: Ayu Lestari<br>Editor: Budi Santoso</div></body></html>"
    )


BOILERPLATE = st.sampled_from(
    [
        "Baca juga: <a href='/berita/160002/x'>Polres tangkap pencuri</a>",
        "<strong>Baca juga:</strong> <a href='https://kupang.antaranews.com/berita/160003'>"
        "Patroli malam</a>",
        "Copyright © ANTARA 2024",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(PARAGRAPHS, min_size=1, max_size=8, unique=True),
    st.lists(st.tuples(st.integers(1, 8), BOILERPLATE), max_size=4),
    st.integers(0, 8),
)
def test_the_body_keeps_every_paragraph_once_and_no_boilerplate(
    paragraphs: list[str], extras: list[tuple[int, str]], repeat: int
) -> None:
    repeated = [*paragraphs, paragraphs[repeat % len(paragraphs)]]
    try:
        item = extract_article(article_page(repeated, extras), ARTICLE)
    except ExtractError:  # a body of boilerplate only
        assume(False)
    body = item["body"].split("\n\n")
    assert body == paragraphs
    assert not any(p.startswith(("Baca juga", "Pewarta", "Editor", "Copyright")) for p in body)
    again = extract_article(article_page(body, []), ARTICLE)
    assert again["body"] == item["body"]  # cleaning a clean body changes nothing
