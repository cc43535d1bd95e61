"""End-to-end: what an operator relies on in unattended runs (README, "Operations")."""

from __future__ import annotations

import csv
import fcntl
import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from antara_crawl.paths import data_dir
from tests.crawl import ROOT, run_crawl
from tests.test_state_runs import NOW, build, key

SINCE = (NOW - timedelta(days=10)).date().isoformat()


@pytest.fixture(scope="module")
def mirror(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("ops") / "mirror"
    return root, build(root, 1)


def test_a_run_holding_the_state_makes_the_next_exit_75(tmp_path: Path) -> None:
    state = tmp_path / "state.sqlite3"
    with Path(f"{state}.lock").open("ab") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        run = run_crawl(tmp_path / "out.jsonl", mirror=str(tmp_path), state=state)
    assert run.returncode == 75, run.log
    lines = [line for line in run.log.splitlines() if line.strip()]
    assert lines == [f"antara: state file {state} is in use by another run; wait for it to finish"]


def test_o_on_a_run_with_nothing_new_leaves_an_empty_file_and_parts_are_cleaned(
    mirror: tuple[Path, dict], tmp_path: Path
) -> None:
    root, articles = mirror
    state, out = tmp_path / "state.sqlite3", tmp_path / "latest.jsonl"
    first = run_crawl(out, mirror=str(root), state=state, args={"since": SINCE, "_job": "j1"})
    assert first.returncode == 0, first.log[-3000:]
    assert key(articles["old_kupang"]) in first.by_key
    stale, live = tmp_path / "killed.jsonl.part", tmp_path / "running.jsonl.part"
    stale.write_text('{"id": "half"}\n')
    live.write_text("")
    with live.open("rb") as writer:  # a live run writing its part holds a lock on it
        fcntl.flock(writer, fcntl.LOCK_EX | fcntl.LOCK_NB)
        again = run_crawl(out, mirror=str(root), state=state, args={"since": SINCE})
    assert again.returncode == 0, again.log[-3000:]
    assert out.exists() and out.read_text() == ""
    assert not stale.exists() and live.exists()
    assert f"Removed {stale}, left by an interrupted run" in again.log
    # Without -O, a run with nothing new writes no feed file (and its data dir has no feeds).
    default = run_crawl(None, mirror=str(root), state=state, data_dir=tmp_path / "data",
                        args={"since": SINCE})  # fmt: skip
    assert default.returncode == 0, default.log[-3000:]
    assert not list((tmp_path / "data").glob("feeds/antara/*.jsonl"))


def test_a_feed_that_cannot_be_stored_is_one_line_and_exit_4(
    mirror: tuple[Path, dict], tmp_path: Path
) -> None:
    root, _articles = mirror
    (tmp_path / "a-file").write_text("not a directory")
    target = tmp_path / "a-file" / "out.jsonl"
    run = run_crawl(target, mirror=str(root), args={"since": SINCE})
    assert run.returncode == 4, run.log[-3000:]
    assert "Traceback" not in run.log
    failures = [line for line in run.log.splitlines() if "cannot be stored" in line]
    assert len(failures) == 1 and str(target) in failures[0], failures


def test_csv_feeds_carry_nested_fields_as_json(mirror: tuple[Path, dict], tmp_path: Path) -> None:
    root, articles = mirror
    out = tmp_path / "out.csv"
    run = run_crawl(out, mirror=str(root), args={"since": SINCE})
    assert run.returncode == 0, run.log[-3000:]
    with out.open(encoding="utf-8", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    row = rows[key(articles["old_kupang"])]
    police = json.loads(row["police"])
    assert police["score"] >= 0.5 and "Polres Kupang" in police["units"]
    assert isinstance(json.loads(row["tags"]), list)
    assert isinstance(json.loads(row["related"]), list)


def test_default_locations_follow_the_project_not_the_working_directory(
    mirror: tuple[Path, dict], tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert data_dir("", cwd=elsewhere) == ROOT / "data"
    assert data_dir("d", cwd=elsewhere) == elsewhere / "d"
    root, articles = mirror
    run = run_crawl(
        Path("out.jsonl"),  # a path the user gives: the working directory's
        mirror=str(root),
        state="{data}/state/antara.sqlite3",
        data_dir=tmp_path / "data",
        cwd=elsewhere,
        args={"since": SINCE},
        env={"SCRAPY_SETTINGS_MODULE": "antara_crawl.settings"},
    )
    assert run.returncode == 0, run.log[-3000:]
    assert (tmp_path / "data" / "state" / "antara.sqlite3").is_file()
    assert sorted(p.name for p in elsewhere.iterdir()) == ["out.jsonl"]
    lines = (elsewhere / "out.jsonl").read_text("utf-8").splitlines()
    assert key(articles["old_kupang"]) in {json.loads(line)["id"] for line in lines}


def test_scrapy_parse_extracts_an_article(mirror: tuple[Path, dict]) -> None:
    root, articles = mirror
    article = articles["not_police"]  # shown whatever its police score
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "parse", article.url, "-s", f"ANTARA_MIRROR={root}",
         "-s", "ANTARA_STATE=none", "-s", "LOG_LEVEL=WARNING"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
        env={k: v for k, v in os.environ.items() if not k.startswith("ANTARA_")},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert "# Scraped Items" in done.stdout
    assert article.title in done.stdout and "'score': 0" in done.stdout, done.stdout[-2000:]
