"""Every fixture page beside its expected JSON, and every design proven by fixtures of its own.

A fixture's JSON names its ``url`` and either the ``design`` that reads it and the item it
must give (``expect``; ``missing`` lists the fields its design always has that it lacks),
or the refusal it must raise (``raises``; ``fields``, the fields ExtractError names).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from antara_crawl.extract import ExtractError, NotAnArticle, extract_article, extract_page
from antara_crawl.extract.designs import DESIGNS, ArticlePage, Document, GenericPage
from antara_crawl.extract.parsing import parse_html
from antara_crawl.items import PAGE_FIELDS
from antara_crawl.urls import article_ref

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
ERRORS = {"NotAnArticle": NotAnArticle, "ExtractError": ExtractError}
ALL_DESIGNS: dict[str, type[ArticlePage]] = {d.name: d for d in (*DESIGNS, GenericPage)}


def read_spec(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / f"{name}.json").read_text("utf-8"))


def read_page(name: str) -> bytes:
    plain = FIXTURES / f"{name}.html"
    if plain.exists():
        return plain.read_bytes()
    return gzip.decompress((FIXTURES / f"{name}.html.gz").read_bytes())


SPECS = {path.stem: read_spec(path.stem) for path in sorted(FIXTURES.glob("*.json"))}
ARTICLES = [name for name, spec in SPECS.items() if "expect" in spec]
REFUSALS = [name for name, spec in SPECS.items() if "raises" in spec]


def test_every_fixture_is_an_article_of_a_design_or_a_refusal() -> None:
    assert sorted(ARTICLES + REFUSALS) == sorted(SPECS)
    for name in ARTICLES:
        assert SPECS[name].get("design") in ALL_DESIGNS, name
        assert "raises" not in SPECS[name], name
    for name in REFUSALS:
        assert SPECS[name]["raises"] in ERRORS, name
    assert {SPECS[name]["raises"] for name in REFUSALS} == set(ERRORS)


def test_every_design_has_fixtures_of_its_own() -> None:
    covered = {SPECS[name]["design"] for name in ARTICLES}
    assert covered == set(ALL_DESIGNS)


@pytest.mark.parametrize("design", list(ALL_DESIGNS.values()), ids=list(ALL_DESIGNS))
def test_every_selector_of_a_design_matches_on_one_of_its_fixtures(
    design: type[ArticlePage],
) -> None:
    documents = []
    for name in ARTICLES:
        spec = SPECS[name]
        if spec["design"] == design.name:
            ref = article_ref(spec["url"])
            assert ref is not None
            documents.append(Document(parse_html(read_page(name), spec["url"]), spec["url"], ref))
    assert design.selectors(), f"{design.name} declares no selectors"
    unmatched = [
        f"{attribute} = {query!r}"
        for attribute, query in design.selectors().items()
        if not any(document.select(query) for document in documents)
    ]
    assert not unmatched, f"{design.name}: selectors matching none of its fixtures: {unmatched}"


def test_designs_record_when_they_were_seen() -> None:
    for design in DESIGNS:
        assert design.seen_from is not None, design.name
        assert design.seen_until is None or design.seen_from < design.seen_until, design.name
        assert set(ArticlePage.always_has) <= design.always_has <= set(PAGE_FIELDS)


@pytest.mark.parametrize("name", ARTICLES)
def test_article_fixture(name: str) -> None:
    spec = SPECS[name]
    extraction = extract_page(read_page(name), spec["url"])
    assert extraction.design == spec["design"]
    assert list(extraction.missing) == spec.get("missing", [])
    item = dict(extraction.item)
    assert set(item) == set(PAGE_FIELDS)
    for field in PAGE_FIELDS:
        assert item[field] == spec["expect"][field], field


@pytest.mark.parametrize("name", ARTICLES)
def test_article_fixture_as_text_gives_the_same_item(name: str) -> None:
    spec = SPECS[name]
    text = read_page(name).decode("utf-8")
    assert dict(extract_article(text, spec["url"])) == spec["expect"]


@pytest.mark.parametrize("name", REFUSALS)
@pytest.mark.parametrize("as_text", [False, True], ids=["bytes", "text"])
def test_refusal_fixture(name: str, as_text: bool) -> None:
    spec = SPECS[name]
    page: str | bytes = read_page(name)
    if as_text:
        page = page.decode("utf-8", "replace")
    with pytest.raises(ERRORS[spec["raises"]]) as raised:
        extract_page(page, spec["url"])
    assert spec["url"] in str(raised.value)
    if spec["raises"] == "ExtractError":
        assert list(raised.value.fields) == spec.get("fields", [])
        for field in spec.get("fields", []):
            assert field in str(raised.value)
        if "design" in spec:
            assert f"page design {spec['design']}" in str(raised.value)
