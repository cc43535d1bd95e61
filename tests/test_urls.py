import pytest

from antara_crawl.portals import PORTALS, parse_portal_keys, portal_for_host
from antara_crawl.urls import article_ref, canonical_url, url_kind

CANONICAL = "https://kupang.antaranews.com/berita/105483/polda-ntt-antisipasi-unjuk-rasa"


@pytest.mark.parametrize(
    "url",
    [
        CANONICAL,
        "http://kupang.antaranews.com/berita/105483/polda-ntt-antisipasi-unjuk-rasa",
        "https://kupang.antaranews.com/amp/berita/105483/polda-ntt-antisipasi-unjuk-rasa",
        "https://kupang.antaranews.com/berita/105483/polda-ntt-antisipasi-unjuk-rasa"
        "?utm_source=antaranews&utm_medium=mobile&utm_campaign=related",
        "https://KUPANG.antaranews.com/berita/105483/polda-ntt-antisipasi-unjuk-rasa/",
        "https://kupang.antaranews.com/berita/105483/polda-ntt-antisipasi-unjuk-rasa#comments",
    ],
)
def test_every_form_of_an_article_url_has_one_canonical_url(url: str) -> None:
    assert canonical_url(url) == CANONICAL
    assert article_ref(url).key == "kupang:105483"


def test_relative_urls_resolve_against_the_page() -> None:
    base = "https://kupang.antaranews.com/berita/1/x"
    assert canonical_url("/berita/105483/polda-ntt-antisipasi-unjuk-rasa", base) == CANONICAL
    assert (
        canonical_url("/amp/berita/105483/polda-ntt-antisipasi-unjuk-rasa?utm_source=x", base)
        == CANONICAL
    )


def test_mobile_and_bare_hosts_are_the_national_site() -> None:
    for url in (
        "https://m.antaranews.com/berita/4022101/kapolri-tinjau",
        "https://m.antaranews.com/amp/berita/4022101/kapolri-tinjau",
        "https://antaranews.com/berita/4022101/kapolri-tinjau",
    ):
        assert canonical_url(url) == "https://www.antaranews.com/berita/4022101/kapolri-tinjau"
        assert article_ref(url).key == "www:4022101"


def test_an_article_without_slug_keeps_its_key() -> None:
    ref = article_ref("https://sumut.antaranews.com/berita/612345")
    assert ref.key == "sumut:612345"
    assert ref.url == "https://sumut.antaranews.com/berita/612345"


def test_same_id_on_two_portals_is_two_articles() -> None:
    assert article_ref("https://bali.antaranews.com/berita/105483/a").key == "bali:105483"
    assert article_ref(CANONICAL).key == "kupang:105483"


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://www.antaranews.com/foto/4022101/polisi-berjaga", "photo"),
        ("https://www.antaranews.com/video/4022102/patroli", "video"),
        ("https://www.antaranews.com/infografik/4022103/angka", "infographic"),
        ("https://kupang.antaranews.com/tag/polda-ntt", "tag"),
        ("https://kupang.antaranews.com/tag/polda-ntt/2", "tag"),
        ("https://www.antaranews.com/search?q=polisi&page=2", "search"),
        ("https://kupang.antaranews.com/terkini/3", "listing"),
        ("https://www.antaranews.com/hukum", "listing"),
        ("https://kupang.antaranews.com/rss/terkini.xml", "rss"),
        ("https://en.antaranews.com/news/312345/police-secure-election", "english"),
        ("https://kl.antaranews.com/berita/1234/x", "foreign"),
        ("https://example.org/berita/1234/x", "foreign"),
        ("mailto:redaksi@antaranews.com", "foreign"),
        (CANONICAL, "article"),
    ],
)
def test_url_kind(url: str, kind: str) -> None:
    assert url_kind(url) == kind
    if kind != "article":
        assert article_ref(url) is None


def test_registry_has_every_portal_with_its_zone() -> None:
    assert len(PORTALS) == 33
    assert PORTALS["kupang"].province == "Nusa Tenggara Timur"
    assert PORTALS["kupang"].zone.utcoffset(None).total_seconds() == 8 * 3600
    assert PORTALS["papua"].zone.utcoffset(None).total_seconds() == 9 * 3600
    assert PORTALS["banten"].zone.utcoffset(None).total_seconds() == 7 * 3600
    assert PORTALS["www"].province is None
    assert portal_for_host("m.antaranews.com") is PORTALS["www"]
    assert portal_for_host("kl.antaranews.com") is None


def test_portal_keys_are_checked() -> None:
    assert [p.key for p in parse_portal_keys("kupang, bali,www")] == ["kupang", "bali", "www"]
    assert len(parse_portal_keys("all")) == 33
    with pytest.raises(ValueError, match=r"unknown portal.*narnia"):
        parse_portal_keys("kupang,narnia")
