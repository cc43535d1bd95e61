"""Score the police classifier and officer extraction on labelled real text.

    python scripts/evaluate_police.py [--labels tests/realtext/labels.tsv] [--texts FILE_OR_DIR ...]
        [--min-score 0.5] [--errors]
    python scripts/evaluate_police.py --write-labels FILE.jsonl ...

The labels (URLs and labels only, see tests/realtext/README.md) are in the repository; the
texts are not: ``--texts`` (default: the ``ANTARA_REALTEXT`` environment variable, paths
separated by ``os.pathsep``) names JSON Lines files, or folders of them, with one
``{"url", "title", "text"}`` object per line.

Per split (dev, test, all): n, precision, recall and F1 of ``is_police``; officer recall (the
labelled officers whose name was extracted) and spurious officers (extracted names that match no
labelled officer), names compared casefolded without punctuation; the errors by URL and class.
Speed: milliseconds per article of ``analyse()`` on the real texts next to ``extract_article()``
on the page fixtures (tests/fixtures/articles).

``--write-labels`` turns corpus files (with ``label``, ``class``, ``split``, ``officers``) into
the labels TSV, printed to standard output.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from antara_crawl.police import DEFAULT_MIN_SCORE, analyse

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = ("url", "label", "class", "split", "officers")
MAX_LINE = 400


@dataclass
class Label:
    """One labelled article."""

    url: str
    police: bool
    cls: str
    split: str
    officers: list[tuple[str, str]]


def read_labels(path: Path) -> list[Label]:
    """The labels TSV: url, label (police/not_police), class, split, officers (rank|name;…)."""
    labels = []
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            officers = [
                (rank, name)
                for item in row["officers"].split(";")
                if item
                for rank, _, name in [item.partition("|")]
            ]
            labels.append(
                Label(row["url"], row["label"] == "police", row["class"], row["split"], officers)
            )
    return labels


def text_files(spec: str) -> list[Path]:
    """The JSONL files named by ``spec`` (files or folders, separated by ``os.pathsep``)."""
    files: list[Path] = []
    for part in filter(None, spec.split(os.pathsep)):
        path = Path(part)
        files += sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    return files


def read_texts(files: list[Path]) -> dict[str, tuple[str, str]]:
    """url -> (title, text) from JSON Lines files."""
    texts = {}
    for path in files:
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                texts[row["url"]] = (row.get("title") or "", row.get("text") or "")
    return texts


def name_key(name: str) -> str:
    """A name compared casefolded, without punctuation or extra spaces."""
    return " ".join(re.sub(r"[^\w\s]", " ", name.casefold()).split())


@dataclass
class Tally:
    """Counts for one split."""

    n: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    officers: int = 0
    officers_found: int = 0
    spurious: int = 0
    errors: list[str] = field(default_factory=list)
    officer_errors: list[str] = field(default_factory=list)

    def line(self, name: str) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        rec = self.officers_found / self.officers if self.officers else 1.0
        return (
            f"{name:<5} n={self.n:<4} precision={p:.3f} recall={r:.3f} F1={f1:.3f}  "
            f"officer recall={rec:.3f} ({self.officers_found}/{self.officers}) "
            f"spurious officers={self.spurious}"
        )


def evaluate(
    labels: list[Label], texts: dict[str, tuple[str, str]], min_score: float
) -> tuple[dict[str, Tally], int]:
    """Tallies per split; also how many labelled URLs had no text."""
    tallies = {split: Tally() for split in dict.fromkeys(label.split for label in labels)}
    tallies["all"] = Tally()
    missing = 0
    for label in labels:
        if label.url not in texts:
            missing += 1
            continue
        title, text = texts[label.url]
        report = analyse(title, text)
        decided = report.is_police_at(min_score)
        expected = {name_key(n) for _, n in label.officers}
        got = {name_key(o.name) for o in report.officers}
        for tally in (tallies[label.split], tallies["all"]):
            tally.n += 1
            tally.tp += decided and label.police
            tally.fp += decided and not label.police
            tally.fn += label.police and not decided
            tally.officers += len(expected)
            tally.officers_found += len(expected & got)
            tally.spurious += len(got - expected)
            if decided != label.police:
                kind = "FP" if decided else "FN"
                tally.errors.append(f"{kind} {report.score:.2f} {label.cls:<22} {label.url}")
            if expected - got or got - expected:
                tally.officer_errors.append(
                    f"missed {sorted(expected - got)} spurious {sorted(got - expected)} {label.url}"
                )
    return tallies, missing


def fixture_pages() -> list[tuple[bytes, str]]:
    """(page, url) of every article page fixture."""
    import gzip

    pages = []
    folder = ROOT / "tests/fixtures/articles"
    for spec_path in sorted(folder.glob("*.json")):
        spec = json.loads(spec_path.read_text("utf-8"))
        if "expect" not in spec:
            continue
        html = spec_path.with_suffix(".html")
        page = (
            html.read_bytes()
            if html.exists()
            else gzip.decompress(spec_path.with_suffix(".html.gz").read_bytes())
        )
        pages.append((page, spec["url"]))
    return pages


def ms_per_call(calls: list, fn, seconds: float = 2.0) -> float:
    """CPU milliseconds per call of ``fn(*args)`` over ``calls``, repeated for ``seconds``."""
    done = 0
    start = time.process_time()
    while time.process_time() - start < seconds or not done:
        for args in calls:
            fn(*args)
        done += len(calls)
    return (time.process_time() - start) * 1000 / done


def speed(texts: dict[str, tuple[str, str]]) -> str:
    """analyse() on the real texts, and on the page fixtures next to extract_article()."""
    from antara_crawl.extract import ExtractError, NotAnArticle, extract_article

    pages = fixture_pages()
    articles = []
    for page, url in pages:
        with contextlib.suppress(ExtractError, NotAnArticle):
            item = extract_article(page, url)
            articles.append((item["title"], item["body"]))

    def extract(page: bytes, url: str) -> None:
        with contextlib.suppress(ExtractError, NotAnArticle):
            extract_article(page, url)

    real = ms_per_call(list(texts.values()), analyse)
    police = ms_per_call(articles, analyse)
    extraction = ms_per_call(pages, extract)
    return (
        f"speed (CPU): analyse() {real:.2f} ms/article on {len(texts)} real texts; on the "
        f"{len(pages)} page fixtures analyse() {police:.2f} ms/page, extract_article() "
        f"{extraction:.2f} ms/page, ratio {police / extraction:.2f}"
    )


def write_labels(files: list[Path]) -> None:
    """Print the labels TSV of corpus files."""
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(COLUMNS)
    seen = set()
    for path in files:
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            if row["url"] in seen:
                continue
            seen.add(row["url"])
            officers = ";".join(
                f"{o.get('rank') or ''}|{' '.join(o['name'].split())}" for o in row["officers"]
            )
            fields = [row["url"], row["label"], row["class"], row["split"], officers]
            if any("\t" in f or "\n" in f for f in fields) or len("\t".join(fields)) > MAX_LINE:
                print(f"skipped (too long or tabs): {row['url']}", file=sys.stderr)
                continue
            out.writerow(fields)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--labels", type=Path, default=ROOT / "tests/realtext/labels.tsv")
    parser.add_argument("--texts", default=os.environ.get("ANTARA_REALTEXT", ""))
    parser.add_argument("--min-score", type=float, default=DEFAULT_MIN_SCORE)
    parser.add_argument("--errors", action="store_true", help="also list officer errors")
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--write-labels", nargs="+", type=Path, metavar="JSONL")
    args = parser.parse_args(argv)
    if args.write_labels:
        write_labels(args.write_labels)
        return 0
    if not args.texts:
        parser.error("no texts: pass --texts or set ANTARA_REALTEXT")
    texts = read_texts(text_files(args.texts))
    labels = read_labels(args.labels)
    tallies, missing = evaluate(labels, texts, args.min_score)
    print(f"labels {len(labels)}, texts {len(texts)}, labelled without text {missing}")
    for name, tally in tallies.items():
        print(tally.line(name))
    for name in (split for split in tallies if split != "all"):
        for error in tallies[name].errors:
            print(f"  {name} {error}")
        if args.errors:
            for error in tallies[name].officer_errors:
                print(f"  {name} officers: {error}")
    if not args.no_speed:
        labelled = {label.url for label in labels}
        print(speed({u: t for u, t in texts.items() if u in labelled}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
