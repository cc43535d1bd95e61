"""Whatever the input, extract_article raises only NotAnArticle or ExtractError."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from antara_crawl.extract import ExtractError, NotAnArticle, extract_article

ARTICLE_URL = "https://kupang.antaranews.com/berita/105483/polda-ntt-siaga"
URLS = st.sampled_from(
    [
        ARTICLE_URL,
        "https://www.antaranews.com/berita/4022101",
        "https://www.antaranews.com/foto/4022101/x",
        "https://example.org/berita/1/x",
        "not a url",
        "",
    ]
)
TAGS = st.sampled_from(
    [
        "<p>", "</p>", "<br>", "<div class='wrap__article-detail-content'>", "</div>",
        "<div class='post-content clearfix'>", "<h1>", "</h1>", "<title>", "</title>",
        "<script type='application/ld+json'>", "</script>", "{\"@type\": \"NewsArticle\",",
        "\"datePublished\": \"2024-03-19T16:05:00+08:00\"}", "<span class='baca-juga'>",
        "Baca juga: <a href='/berita/1/x'>", "</a>", "Pewarta: X<br>Editor: ", "Kupang (ANTARA) - ",
        "Selasa, 19 Maret 2024 16:05 WITA", "<span class='text-secondary'>", "\x00", "&nbsp;",
        "<?xml version='1.0' encoding='latin-1'?>", "<meta charset='utf-16'>", "]]>", "<!--",
    ]
)  # fmt: skip
PAGES = st.one_of(
    st.binary(max_size=4096),
    st.text(max_size=2048),
    st.lists(st.one_of(TAGS, st.text(max_size=30)), max_size=60).map("".join),
)


def only_expected_errors(page: str | bytes, url: str) -> None:
    try:
        item = extract_article(page, url)
    except (NotAnArticle, ExtractError) as exc:
        assert str(exc)
    else:
        assert item["title"] and item["body"] and item["published_at"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page=PAGES, url=URLS)
def test_any_input_raises_only_documented_errors(page: str | bytes, url: str) -> None:
    only_expected_errors(page, url)


@settings(max_examples=60, deadline=None)
@given(cut=st.integers(min_value=0, max_value=4000), junk=st.binary(max_size=64))
def test_truncated_pages(cut: int, junk: bytes) -> None:
    page = (
        "<html><head><title>Polisi siaga - ANTARA News Kupang</title></head><body>"
        "<div class='wrap__article-detail-title'><h1>Polisi siaga</h1></div>"
        "<div class='wrap__article-detail-info'><span class='text-secondary'>"
        "Selasa, 19 Maret 2024 16:05 WITA</span></div>"
        "<div class='wrap__article-detail-content'>Kupang (ANTARA) - Polda NTT siaga.<br><br>"
        + "Paragraf lanjutan tentang pengamanan. " * 80
        + "</div></body></html>"
    ).encode()
    only_expected_errors(page[:cut] + junk, ARTICLE_URL)


def test_a_five_megabyte_page() -> None:
    page = (
        "<html><body><div class='wrap__article-detail-title'><h1>Polisi siaga</h1></div>"
        "<div class='wrap__article-detail-info'><span>19 Maret 2024 16:05 WITA</span></div>"
        "<div class='wrap__article-detail-content'>"
        + "".join(f"<p>Paragraf {i} tentang patroli malam.</p>" for i in range(125_000))
        + "</div></body></html>"
    )
    assert len(page) > 5_000_000
    item = extract_article(page, ARTICLE_URL)
    assert item["body"].count("\n\n") == 125_000 - 1


def test_empty_inputs_are_extract_errors() -> None:
    for page in ("", b"", "   ", b"\x00\x00"):
        try:
            extract_article(page, ARTICLE_URL)
        except ExtractError as exc:
            assert ARTICLE_URL in str(exc)
        else:  # pragma: no cover - a failure
            raise AssertionError(f"{page!r} gave an item")
