"""Every fixture page beside its expected JSON, through extract_article."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from antara_crawl.extract import ExtractError, NotAnArticle, extract_article
from antara_crawl.items import PAGE_FIELDS

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
ERRORS = {"NotAnArticle": NotAnArticle, "ExtractError": ExtractError}


def fixture_names() -> list[str]:
    return sorted(p.stem for p in FIXTURES.glob("*.json"))


def read_page(name: str) -> bytes:
    plain = FIXTURES / f"{name}.html"
    if plain.exists():
        return plain.read_bytes()
    return gzip.decompress((FIXTURES / f"{name}.html.gz").read_bytes())


def test_there_is_a_fixture_for_every_design_and_refusal() -> None:
    specs = [json.loads((FIXTURES / f"{n}.json").read_text("utf-8")) for n in fixture_names()]
    assert sum("expect" in s for s in specs) >= 8
    assert {s["raises"] for s in specs if "raises" in s} == set(ERRORS)


@pytest.mark.parametrize("name", fixture_names())
def test_fixture(name: str) -> None:
    spec = json.loads((FIXTURES / f"{name}.json").read_text("utf-8"))
    page = read_page(name)
    if "raises" in spec:
        with pytest.raises(ERRORS[spec["raises"]], match="http"):
            extract_article(page, spec["url"])
        return
    item = dict(extract_article(page, spec["url"]))
    assert set(item) == set(PAGE_FIELDS)
    for field in PAGE_FIELDS:
        assert item[field] == spec["expect"][field], field


@pytest.mark.parametrize("name", fixture_names())
def test_fixture_as_text_gives_the_same_item(name: str) -> None:
    spec = json.loads((FIXTURES / f"{name}.json").read_text("utf-8"))
    if "expect" not in spec:
        return
    text = read_page(name).decode("utf-8")
    assert dict(extract_article(text, spec["url"])) == spec["expect"]
