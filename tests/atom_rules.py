"""The rules of RFC 4287 (Atom 1.0) that feed readers rely on, checked on a written feed."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from antara_crawl.atom import ATOM_NS

A = f"{{{ATOM_NS}}}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def check_atom_rules(path: Path) -> etree._Element:
    """The RFC 4287 rules a reader relies on; the parsed document."""
    root = etree.parse(str(path)).getroot()
    assert root.tag == f"{A}feed"

    def one(parent: etree._Element, tag: str) -> etree._Element:
        found = parent.findall(f"{A}{tag}")
        assert len(found) == 1, f"{tag}: {len(found)} in {parent.tag}"
        return found[0]

    for tag in ("id", "title", "updated"):
        assert (one(root, tag).text or "").strip()
    assert RFC3339.match(one(root, "updated").text or "")
    feed_has_author = bool(root.findall(f"{A}author/{A}name"))
    alternates = root.findall(f"{A}link[@rel='alternate']")
    assert len(alternates) == 1 and alternates[0].get("href", "").startswith("https://")
    seen = set()
    for entry in root.findall(f"{A}entry"):
        for tag in ("id", "title", "updated", "published", "summary", "content"):
            assert (one(entry, tag).text or "").strip() or len(one(entry, tag)), tag
        for tag in ("updated", "published"):
            assert RFC3339.match(one(entry, tag).text or ""), tag
        assert feed_has_author or entry.findall(f"{A}author/{A}name")
        assert len(entry.findall(f"{A}link[@rel='alternate']")) == 1
        content = one(entry, "content")
        assert content.get("type") == "xhtml"
        assert [child.tag for child in content] == ["{http://www.w3.org/1999/xhtml}div"]
        key = (one(entry, "id").text, one(entry, "updated").text)
        assert key not in seen
        seen.add(key)
    return root
