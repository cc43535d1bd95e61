"""The fake ANTARA sites: the shipped sample is what its story generates."""

from __future__ import annotations

from pathlib import Path

from tests.crawl import ROOT
from tests.sites import main

SAMPLE = ROOT / "data" / "sample"


def files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_data_sample_regenerates_byte_for_byte_from_its_story(tmp_path: Path) -> None:
    assert main([str(tmp_path)]) == 0
    built, shipped = files(tmp_path), files(SAMPLE)
    assert sorted(built) == sorted(shipped)
    assert [name for name in shipped if built[name] != shipped[name]] == []
