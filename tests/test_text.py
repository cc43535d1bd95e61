import pytest
from lxml import html

from antara_crawl.extract.text import (
    body_blocks,
    normalize_space,
    parse_byline,
    split_body,
    split_dateline,
)


@pytest.mark.parametrize(
    ("paragraph", "place", "rest"),
    [
        ("Kupang (ANTARA) - Polisi berjaga.", "Kupang", "Polisi berjaga."),
        ("Serang, Banten (ANTARA) - Polisi berjaga.", "Serang, Banten", "Polisi berjaga."),
        ("Maumere (Antaranews NTT) – Polisi berjaga.", "Maumere", "Polisi berjaga."),
        ("Kupang (AntaraNews NTT) — Polisi berjaga.", "Kupang", "Polisi berjaga."),
        ("Denpasar (Antaranews Bali) - Polisi berjaga.", "Denpasar", "Polisi berjaga."),
        ("Jakarta (ANTARA News) - Polisi berjaga.", "Jakarta", "Polisi berjaga."),
        (
            "Polisi berjaga di Kupang (NTT) - kata dia.",
            None,
            "Polisi berjaga di Kupang (NTT) - kata dia.",
        ),
    ],
)
def test_split_dateline(paragraph: str, place: str | None, rest: str) -> None:
    assert split_dateline(paragraph) == (place, rest)


@pytest.mark.parametrize(
    ("text", "reporter", "editor"),
    [
        (
            "Pewarta: Benny Jahang\nEditor: Agus Salim\nCopyright © ANTARA 2024",
            "Benny Jahang",
            "Agus Salim",
        ),
        (
            "Pewarta : Benny Jahang\nEditor : Agus Salim\nCOPYRIGHT © ANTARA 2026",
            "Benny Jahang",
            "Agus Salim",
        ),
        ("Pewarta: Lukman Hakim\nEditor :\u00a0\nCOPYRIGHT © ANTARA 2023", "Lukman Hakim", None),
        ("Pewarta: SavitriEditor: Agus SalimCopyright © ANTARA 2024", "Savitri", "Agus Salim"),
        ("Pewarta: Savitri Editor: Agus Salim COPYRIGHT © ANTARA 2024", "Savitri", "Agus Salim"),
        ("Editor: Agus Salim", None, "Agus Salim"),
    ],
)
def test_parse_byline(text: str, reporter: str | None, editor: str | None) -> None:
    assert parse_byline(text) == (reporter, editor)


def test_normalize_space() -> None:
    assert (
        normalize_space(" Polda\u00a0NTT\tmenjaga\n ke\u200bamanan ")
        == "Polda NTT menjaga keamanan"
    )


def body_of(fragment: str):
    return split_body(body_blocks(html.fragment_fromstring(fragment, create_parent="div")))


def test_paragraphs_from_p_and_br_alike_once_each_without_read_also() -> None:
    body = body_of(
        "Kupang (ANTARA) - Satu.<br><br>Dua.<p>Tiga.</p>"
        '<p><span class="baca-juga">Baca juga: <a href="/berita/2/b">Judul B</a></span></p>'
        "Empat.<br>"
        "<script>(adsbygoogle = window.adsbygoogle || []).push({});</script>"
        '<ins class="adsbygoogle"></ins>'
        "Satu.<br><br>Dua.<p>Tiga.</p>"
        '<p class="text-muted mt-2 small">Pewarta: X<br>Editor: Y<br>Copyright © ANTARA 2024</p>'
        "<p>Dilarang keras mengambil konten, melakukan crawling atau pengindeksan otomatis untuk AI"
        " di situs web ini tanpa izin tertulis dari Kantor Berita ANTARA.</p>"
    )
    assert body.paragraphs == ["Satu.", "Dua.", "Tiga.", "Empat."]
    assert body.dateline == "Kupang"
    assert body.read_also == [("/berita/2/b", "Judul B")]


def test_pull_quote_repeating_a_sentence_is_dropped_but_a_new_quote_kept() -> None:
    body = body_of(
        "<p>Polisi menyatakan situasi aman terkendali, kata dia.</p>"
        "<blockquote>situasi aman terkendali</blockquote>"
        "<blockquote>Kami siaga penuh.</blockquote>"
    )
    assert body.paragraphs == [
        "Polisi menyatakan situasi aman terkendali, kata dia.",
        "Kami siaga penuh.",
    ]
