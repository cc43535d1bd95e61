"""Arguments, settings, mirror paths, fingerprints, retries and item validation."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings

from antara_crawl.addon import REMOTE_CONTROL, AntaraAddon, check_settings, user_agent
from antara_crawl.arguments import ArgumentError, CrawlOptions
from antara_crawl.fingerprint import ArticleKeyFingerprinter
from antara_crawl.middlewares import backoff_delay, retry_after_seconds
from antara_crawl.mirror import mirror_file, mirror_relpath, parse_mirror_setting
from antara_crawl.pipelines import content_hash, item_problems, item_validator, schema_problems
from antara_crawl.portals import PORTALS
from antara_crawl.state import parse_state_setting

TODAY = date(2024, 3, 20)


def parse(**kwargs: object) -> CrawlOptions:
    return CrawlOptions.parse(today=TODAY, default_window_days=3, **kwargs)


def test_defaults() -> None:
    options = parse()
    assert len(options.portals) == 33
    assert options.since == date(2024, 3, 17)
    assert options.until is None
    assert options.related_depth == 2
    assert options.police_only is True
    assert options.discovery == ("rss", "listing")


def test_values() -> None:
    options = parse(
        portals="kupang,www", since="2024-03-01", until="2024-03-19", related_depth="0",
        police_only="false", discovery="rss",
    )  # fmt: skip
    assert [p.key for p in options.portals] == ["kupang", "www"]
    assert options.in_window(date(2024, 3, 1)) and options.in_window(date(2024, 3, 19))
    assert not options.in_window(date(2024, 2, 29)) and not options.in_window(date(2024, 3, 20))
    assert options.related_depth == 0 and options.police_only is False


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"portals": "kupang,atlantis"}, "unknown portal"),
        ({"since": "19-03-2024"}, "not a date"),
        ({"until": "2024-02-30"}, "not a date"),
        ({"since": "2024-03-10", "until": "2024-03-01"}, "before since"),
        ({"related_depth": "two"}, "not a whole number"),
        ({"related_depth": "-1"}, "0 or more"),
        ({"police_only": "maybe"}, "not true or false"),
        ({"discovery": "rss,sitemap"}, "unknown discovery"),
        ({"start_urls": "kupang.antaranews.com/terkini"}, "not an http"),
        ({"colour": "red"}, "unknown spider argument"),
    ],
)
def test_bad_arguments_are_one_line_errors(kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(ArgumentError, match=message) as info:
        parse(**kwargs)
    assert "\n" not in str(info.value)


def test_mirror_layout(tmp_path: Path) -> None:
    host = tmp_path / "kupang.antaranews.com"
    (host / "berita" / "105483").mkdir(parents=True)
    (host / "berita" / "105483" / "polda-ntt.html").write_text("a")
    (host / "berita" / "105483.html").write_text("b")
    (host / "terkini").mkdir()
    (host / "terkini.html").write_text("c")
    (host / "terkini" / "2.html").write_text("d")
    (host / "rss").mkdir()
    (host / "rss" / "terkini.xml").write_text("e")
    (host / "index.html").write_text("f")
    (host / "search?q=polisi&page=2.html").write_text("g")

    def read(url: str) -> str | None:
        path = mirror_file(tmp_path, mirror_relpath(url))
        return path.read_text() if path else None

    assert read("https://kupang.antaranews.com/berita/105483/polda-ntt") == "a"
    assert read("https://kupang.antaranews.com/berita/105483") == "b"
    assert read("https://kupang.antaranews.com/terkini") == "c"
    assert read("https://kupang.antaranews.com/terkini/2") == "d"
    assert read("https://kupang.antaranews.com/rss/terkini.xml") == "e"
    assert read("https://kupang.antaranews.com/") == "f"
    assert read("https://kupang.antaranews.com/search?q=polisi&page=2") == "g"
    assert read("https://kupang.antaranews.com/berita/9/none") is None
    assert mirror_file(tmp_path, "kupang.antaranews.com/../../etc/passwd") is None


def test_mirror_setting(tmp_path: Path) -> None:
    assert parse_mirror_setting("") == ""
    assert parse_mirror_setting("http://127.0.0.1:8000/") == "http://127.0.0.1:8000"
    assert parse_mirror_setting(str(tmp_path)) == tmp_path
    with pytest.raises(ValueError, match="neither"):
        parse_mirror_setting(str(tmp_path / "missing"))


def test_state_setting(tmp_path: Path) -> None:
    assert parse_state_setting("none").kind == "none"
    assert parse_state_setting("redis://localhost:6379/0").kind == "redis"
    assert parse_state_setting(str(tmp_path / "s.sqlite3")).kind == "sqlite"
    with pytest.raises(ValueError, match="directory"):
        parse_state_setting(str(tmp_path))
    with pytest.raises(ValueError, match="SQLite file path, a redis:// URL or none"):
        parse_state_setting("postgres://db/x")


@pytest.mark.parametrize(
    ("url", "insecure", "accepted"),
    [
        ("redis://127.0.0.1:6379/0", False, True),
        ("redis://localhost/1", False, True),
        ("redis://[::1]:6379", False, True),
        ("unix:///run/redis.sock", False, True),
        ("redis://:secret@10.0.0.5:6379/0", False, True),
        ("rediss://:secret@redis.example.org:6380/0", False, True),
        ("redis://10.0.0.5:6379/0", False, False),
        ("redis://redis.example.org/0", False, False),
        ("redis://10.0.0.5:6379/0", True, True),
    ],
)
def test_a_redis_on_the_network_needs_a_password(url: str, insecure: bool, accepted: bool) -> None:
    settings = Settings()
    settings.setmodule("antara_crawl.settings", priority="default")
    settings.set("ANTARA_STATE", url, priority="cmdline")
    settings.set("ANTARA_REDIS_INSECURE", insecure, priority="cmdline")
    if accepted:
        check_settings(settings)
    else:
        with pytest.raises(ValueError, match="must have a password"):
            check_settings(settings)


def test_every_url_form_of_an_article_is_one_request() -> None:
    fingerprinter = ArticleKeyFingerprinter()
    forms = [
        "https://kupang.antaranews.com/berita/105483/polda-ntt",
        "https://kupang.antaranews.com/amp/berita/105483/polda-ntt?utm_source=antaranews",
        "http://kupang.antaranews.com/berita/105483",
    ]
    prints = {fingerprinter.fingerprint(Request(url)) for url in forms}
    assert len(prints) == 1
    assert (
        fingerprinter.fingerprint(Request("https://bali.antaranews.com/berita/105483/polda-ntt"))
        not in prints
    )
    feed = Request("https://kupang.antaranews.com/rss/terkini.xml")
    assert fingerprinter.fingerprint(feed) not in prints


def test_a_redirect_within_an_article_is_a_new_request_and_other_redirects_are_not() -> None:
    fingerprinter = ArticleKeyFingerprinter()
    url = "https://kupang.antaranews.com/berita/105483/polda-ntt"
    first = fingerprinter.fingerprint(Request(url))
    hop = Request(url, meta={"redirect_urls": ["http://kupang.antaranews.com/berita/105483"]})
    assert fingerprinter.fingerprint(hop) != first
    via_listing = Request(url, meta={"redirect_urls": ["https://kupang.antaranews.com/terkini"]})
    assert fingerprinter.fingerprint(via_listing) == first


def test_backoff_delay() -> None:
    assert backoff_delay(1.5, 120, 300, 60) == 120
    assert backoff_delay(1.5, 900, 300, 60) == 300
    assert backoff_delay(1.5, None, 300, 60) == 3.0
    assert backoff_delay(0, None, 300, 60) == 1.0
    assert backoff_delay(50, None, 300, 60) == 60
    assert backoff_delay(90, 10, 300, 60) == 90  # never shorter than the current delay
    assert backoff_delay(0, 5, 0, 0) == 0  # tests: no waiting at all


def project_settings(**overrides: object) -> Settings:
    settings = get_project_settings()
    for name, value in overrides.items():
        settings.set(name, value, priority="cmdline")
    return settings


def test_the_addon_derives_the_feed_user_agent_and_mirror_mode(tmp_path: Path) -> None:
    settings = project_settings(ANTARA_CONTACT="mailto:data@example.org", ANTARA_DATA_DIR="d")
    AntaraAddon().update_settings(settings)
    assert list(settings.getdict("FEEDS")) == [f"{Path('d').resolve()}/feeds/antara/%(time)s.jsonl"]
    assert settings["ANTARA_STATE"] == f"{Path('d').resolve()}/state/antara.sqlite3"
    assert settings["USER_AGENT"] == user_agent("mailto:data@example.org")
    assert settings.getfloat("DOWNLOAD_DELAY") == 1.5 and settings.getbool("AUTOTHROTTLE_ENABLED")

    mirrored = project_settings(
        ANTARA_MIRROR=str(tmp_path), USER_AGENT="mine", FEEDS={"out.jsonl": {}}, DOWNLOAD_DELAY=2
    )
    AntaraAddon().update_settings(mirrored)
    assert list(mirrored.getdict("FEEDS")) == ["out.jsonl"]
    overwrite = project_settings(FEEDS={"o.jsonl": {"overwrite": True}, "a.jsonl": {}})
    AntaraAddon().update_settings(overwrite)
    assert overwrite.getdict("FEEDS") == {  # -O always leaves this run's items, even none
        "o.jsonl": {"overwrite": True, "store_empty": True},
        "a.jsonl": {},
    }
    assert mirrored["USER_AGENT"] == "mine"
    assert not mirrored.getbool("AUTOTHROTTLE_ENABLED")
    assert mirrored.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == 8
    assert mirrored.getfloat("DOWNLOAD_DELAY") == 2  # given on the command line: kept


def test_the_remote_control_is_not_even_imported_unless_enabled() -> None:
    base = project_settings().getdict("EXTENSIONS_BASE")
    off, on = project_settings(), project_settings(REMOTE_CONTROL_ENABLED=True)
    AntaraAddon().update_settings(off)
    AntaraAddon().update_settings(on)
    assert off.getdict("EXTENSIONS_BASE") == {k: v for k, v in base.items() if k != REMOTE_CONTROL}
    assert on.getdict("EXTENSIONS_BASE") == base


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("ANTARA_MAX_LISTING_PAGES", "0", "must be between 1 and 10000"),
        ("ANTARA_DEFAULT_WINDOW_DAYS", "3.5", "not a whole number"),
        ("ANTARA_RETRY_AFTER_MAX", "-1", "must be between 0 and 86400"),
        ("ANTARA_MIRROR", "ftp://mirror", "neither an http:// URL, a directory"),
        ("ANTARA_MIRROR", "no/such/*.warc.gz", "matches no WARC or ARC file"),
        ("ANTARA_ARCHIVE", __file__, "is not a directory"),
        ("ANTARA_ARCHIVE_AS_OF", "last week", "is not a date"),
    ],
)
def test_the_addon_refuses_bad_settings_in_one_line(name: str, value: str, message: str) -> None:
    with pytest.raises(ValueError, match=message) as info:
        AntaraAddon().update_settings(project_settings(**{name: value}))
    assert str(info.value).startswith(f"{name}=") and "\n" not in str(info.value)


def test_an_articles_local_date_is_its_portals() -> None:
    late_evening_utc = datetime(2026, 11, 27, 17, 0, tzinfo=timezone.utc)
    assert PORTALS["kupang"].local_date(late_evening_utc) == date(2026, 11, 28)
    assert PORTALS["www"].local_date(late_evening_utc) == date(2026, 11, 28)
    assert PORTALS["www"].local_date("2026-11-27T16:59:00+00:00") == date(2026, 11, 27)
    assert PORTALS["papua"].local_date("2026-11-27T23:30:00+07:00") == date(2026, 11, 28)


def test_retry_after() -> None:
    now = datetime(2024, 3, 19, 8, 0, tzinfo=timezone.utc)
    assert retry_after_seconds(b"120") == 120
    later = (now + timedelta(seconds=30)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    assert retry_after_seconds(later, now) == 30
    assert retry_after_seconds(b"soon") is None
    assert retry_after_seconds(None) is None


def test_user_agent_names_project_version_and_contact() -> None:
    agent = user_agent("mailto:data@example.org")
    assert agent.startswith("antara-crawl/") and "mailto:data@example.org" in agent


def valid_item() -> dict[str, object]:
    body = "Polda NTT menyiagakan personel.\n\nPengamanan berlangsung sejak pagi."
    return {
        "id": "kupang:105483",
        "url": "https://kupang.antaranews.com/berita/105483/polda-ntt",
        "portal": "kupang",
        "province": "Nusa Tenggara Timur",
        "title": "Polda NTT siaga",
        "published_at": "2024-03-19T16:05:00+08:00",
        "updated_at": None,
        "reporter": "Benny Jahang",
        "editor": None,
        "dateline": "Kupang",
        "category": None,
        "tags": ["Polda NTT"],
        "image_url": None,
        "image_caption": None,
        "summary": None,
        "body": body,
        "related": [{"url": "https://www.antaranews.com/berita/4022101/x", "title": "X"}],
        "police": {
            "units": ["Polda NTT"],
            "officers": [],
            "terms": ["Polda"],
            "score": 0.8,
            "reasons": ["+0.50 title: police actor Polda NTT"],
            "provinces": ["Nusa Tenggara Timur"],
        },
        "discovered_via": "rss",
        "referrer": None,
        "depth": 0,
        "content_hash": content_hash(body),
        "version": 1,
        "duplicate_of": None,
        "crawled_at": "2024-03-19T09:00:00+00:00",
        "schema_version": 2,
    }


def test_a_valid_item_has_no_problems() -> None:
    assert item_problems(valid_item()) == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"published_at": "2024-03-19T16:05:00"}, "published_at: pattern"),
        ({"body": ""}, "body: minLength"),
        ({"body": "Satu.\n\nBaca juga: Dua"}, "body: not"),
        ({"body": "Satu.\n\nPewarta: Benny"}, "body: not"),
        ({"body": "Satu dua.\n\nTiga.\n\nSatu, dua!"}, "body: repeated paragraph"),
        ({"schema_version": 1}, "schema_version: const"),
        ({"url": "https://kupang.antaranews.com/amp/berita/1/x?utm_source=a"}, "url: pattern"),
    ],
)
def test_invalid_items(change: dict[str, object], problem: str) -> None:
    item = valid_item() | change
    assert problem in item_problems(item)


WRONG_VALUES: list[object] = [None, "", "x", 0, -1, 1.5, True, [], ["x"], {}, {"url": "x"}]


@pytest.mark.parametrize("field", sorted(valid_item()))
def test_the_fast_schema_check_rejects_what_jsonschema_rejects(field: str) -> None:
    """The compiled check lets an item through only when jsonschema finds nothing wrong."""
    item = valid_item()
    for value in WRONG_VALUES:
        changed = item | {field: value}
        assert bool(schema_problems(changed)) == (not item_validator().is_valid(changed))
    missing = {k: v for k, v in item.items() if k != field}
    assert schema_problems(missing) == ["item: required"]
    assert schema_problems(item | {"extra": 1}) == ["item: additionalProperties"]
