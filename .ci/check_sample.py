"""Check a feed of the offline sample crawl against data/sample/manifest.json.

    python .ci/check_sample.py sample.jsonl

Every reachable article of the sample, once, with the page fields the manifest expects and
no schema problem; exit status 1 with one line per difference otherwise.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from antara_crawl.pipelines import item_problems

ROOT = Path(__file__).resolve().parent.parent


def differences(feed: Path, manifest: dict) -> list[str]:
    """What differs between the feed's items and what the manifest expects."""
    items = [json.loads(line) for line in feed.read_text("utf-8").splitlines() if line]
    found = [item["id"] for item in items]
    problems = [f"{key}: emitted {n} times" for key in set(found) if (n := found.count(key)) > 1]
    expected = set(manifest["reachable"])
    problems += [f"{key}: missing" for key in sorted(expected - set(found))]
    problems += [f"{key}: not expected" for key in sorted(set(found) - expected)]
    for item in items:
        page = manifest["articles"].get(item["id"], {}).get("expected", {})
        problems += [f"{item['id']}: {name} differs" for name in page if item[name] != page[name]]
        problems += [f"{item['id']}: {problem}" for problem in item_problems(item)]
    return problems


def main(argv: list[str]) -> int:
    feed = Path(argv[1])
    manifest = json.loads((ROOT / "data/sample/manifest.json").read_text("utf-8"))
    problems = differences(feed, manifest)
    for problem in problems:
        print(f"{feed}: {problem}", file=sys.stderr)
    if not problems:
        print(f"{feed}: {len(manifest['reachable'])} items, as data/sample/manifest.json expects")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
