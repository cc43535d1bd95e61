"""Score extraction on the fixture set, next to trafilatura, and measure pages per second.

    python scripts/evaluate_extraction.py [--fixtures tests/fixtures/articles] [--seconds 3]

Per field: the share of fixtures where the field equals the expected JSON exactly.
Body: paragraph-level precision, recall and F1 against the expected paragraphs.
Speed: pages per second of antara-crawl, trafilatura and a bare ``lxml.html.fromstring``
on the same pages in this run, and the ratio the project promises (>= 5x trafilatura).
The extractors take turns, one pass over the pages each, for ``--seconds`` per extractor;
each one's rate is that of its fastest pass, so a busy machine slows the figures less.
trafilatura comes with ``pip install -e '.[dev]'``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml.html

from antara_crawl.extract import ExtractError, NotAnArticle, extract_article
from antara_crawl.items import PAGE_FIELDS

try:
    import trafilatura
except ImportError:  # pragma: no cover - a development dependency
    trafilatura = None

ROOT = Path(__file__).resolve().parent.parent
TRAFILATURA_FIELDS = {
    "title": "title",
    "published_at": "date",
    "reporter": "author",
    "tags": "tags",
    "image_url": "image",
    "summary": "description",
    "body": "text",
}


def load_fixtures(folder: Path) -> list[tuple[str, bytes, dict[str, Any]]]:
    """(name, page bytes, expected JSON) for every fixture pair, articles only."""
    pairs = []
    for spec_path in sorted(folder.glob("*.json")):
        spec = json.loads(spec_path.read_text("utf-8"))
        if "expect" not in spec:
            continue
        page_path = spec_path.with_suffix(".html")
        if page_path.exists():
            page = page_path.read_bytes()
        else:
            page = gzip.decompress(spec_path.with_suffix(".html.gz").read_bytes())
        pairs.append((spec_path.stem, page, spec))
    return pairs


def paragraph_scores(got: str, expected: str) -> tuple[float, float]:
    """Precision and recall of ``got``'s paragraphs against ``expected``'s."""
    got_paras = [p.strip() for p in got.split("\n") if p.strip()]
    want_paras = [p.strip() for p in expected.split("\n") if p.strip()]
    matched = len(set(got_paras) & set(want_paras))
    precision = matched / len(got_paras) if got_paras else 0.0
    recall = matched / len(want_paras) if want_paras else 0.0
    return precision, recall


def ours(page: bytes, url: str) -> dict[str, Any]:
    return dict(extract_article(page, url))


def theirs(page: bytes, url: str) -> dict[str, Any]:
    document = trafilatura.bare_extraction(page, url=url, with_metadata=True)
    if document is None:
        return {}
    result = document if isinstance(document, dict) else document.as_dict()
    return {ours_name: result.get(name) for ours_name, name in TRAFILATURA_FIELDS.items()}


def score(
    extractor: Callable[[bytes, str], dict[str, Any]],
    fixtures: list[tuple[str, bytes, dict[str, Any]]],
    fields: tuple[str, ...],
) -> tuple[dict[str, float], tuple[float, float, float]]:
    right = dict.fromkeys(fields, 0)
    precisions, recalls = [], []
    for _name, page, spec in fixtures:
        try:
            got = extractor(page, spec["url"])
        except (ExtractError, NotAnArticle):
            got = {}
        for field in fields:
            right[field] += got.get(field) == spec["expect"][field]
        p, r = paragraph_scores(got.get("body") or "", spec["expect"]["body"])
        precisions.append(p)
        recalls.append(r)
    n = len(fixtures)
    precision, recall = sum(precisions) / n, sum(recalls) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {f: right[f] / n for f in fields}, (precision, recall, f1)


def pages_per_second(
    extractors: dict[str, Callable[[bytes, str], object]],
    pages: list[tuple[bytes, str]],
    seconds: float,
) -> dict[str, float]:
    """Pages per second of each extractor: its fastest pass over ``pages``, the passes of
    all extractors taking turns until each has run for about ``seconds``."""
    fastest = dict.fromkeys(extractors, float("inf"))
    spent = dict.fromkeys(extractors, 0.0)
    while min(spent.values()) < seconds:
        for name, work in extractors.items():
            start = time.perf_counter()
            for page, url in pages:
                work(page, url)
            elapsed = time.perf_counter() - start
            spent[name] += elapsed
            fastest[name] = min(fastest[name], elapsed)
    return {name: len(pages) / elapsed for name, elapsed in fastest.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, default=ROOT / "tests/fixtures/articles")
    parser.add_argument("--seconds", type=float, default=3.0, help="timing per extractor")
    args = parser.parse_args()
    fixtures = load_fixtures(args.fixtures)
    if not fixtures:
        print(f"no fixtures in {args.fixtures}", file=sys.stderr)
        return 2

    our_fields, our_body = score(ours, fixtures, PAGE_FIELDS)
    print(f"{len(fixtures)} article fixtures in {args.fixtures}\n")
    print(f"{'field':<16}{'antara-crawl':>14}{'trafilatura':>14}")
    their_fields: dict[str, float] = {}
    their_body = (0.0, 0.0, 0.0)
    if trafilatura is not None:
        their_fields, their_body = score(theirs, fixtures, tuple(TRAFILATURA_FIELDS))
    for field in PAGE_FIELDS:
        theirs_text = f"{their_fields[field]:.0%}" if field in their_fields else "-"
        print(f"{field:<16}{our_fields[field]:>14.0%}{theirs_text:>14}")
    for label, index in (("body precision", 0), ("body recall", 1), ("body F1", 2)):
        theirs_text = f"{their_body[index]:.3f}" if trafilatura is not None else "-"
        print(f"{label:<16}{our_body[index]:>14.3f}{theirs_text:>14}")

    pages = [(page, spec["url"]) for _name, page, spec in fixtures]
    extractors: dict[str, Callable[[bytes, str], object]] = {
        "antara-crawl": extract_article,
        "bare lxml.html.fromstring": lambda page, url: lxml.html.fromstring(page),
    }
    if trafilatura is not None:
        extractors["trafilatura"] = theirs
    rates = pages_per_second(extractors, pages, args.seconds)
    print()
    for name, rate in rates.items():
        print(f"pages/s  {name:<28}{rate:>8,.0f}")
    ours_rate = rates["antara-crawl"]
    print(f"antara-crawl / bare lxml = {ours_rate / rates['bare lxml.html.fromstring']:.0%}")
    if trafilatura is not None:
        print(
            f"antara-crawl / trafilatura = {ours_rate / rates['trafilatura']:.1f}x (promise: >= 5x)"
        )
    else:
        print("trafilatura not installed: pip install -e '.[dev]' for the baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
