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

from antara_crawl.feeds import AtomicFileFeedStorage
from antara_crawl.paths import data_dir
from antara_crawl.pipelines import item_problems
from tests.crawl import ROOT, CrawlRun, run_crawl
from tests.mirror_server import serve_mirror
from tests.sitebuilder import Site
from tests.test_state_runs import NOW, backdate_fetch, build, key

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


def reports(run: CrawlRun) -> list[dict]:
    """The finished reports in a run's data directory, oldest first."""
    paths = sorted((run.data_dir / "runs").glob("*.json"))
    return [json.loads(path.read_text("utf-8")) for path in paths if path.stat().st_size]


def test_runs_write_reports_and_o_with_nothing_new_leaves_an_empty_file(
    mirror: tuple[Path, dict], tmp_path: Path
) -> None:
    root, articles = mirror
    state, data, out = tmp_path / "state.sqlite3", tmp_path / "data", tmp_path / "latest.jsonl"
    server = serve_mirror(root)  # with ETags, as a web server
    runs = [  # the default feed, twice
        run_crawl(None, mirror=server.base_url, state=state, data_dir=data,
                  args={"since": SINCE, "_job": f"j{n}"})
        for n in (1, 2)
    ]  # fmt: skip
    assert [run.returncode for run in runs] == [0, 0], runs[-1].log[-3000:]
    first, second = reports(runs[0])
    [feed] = first["feeds"]
    assert Path(feed["uri"]).name == f"{first['run']}.jsonl"  # the feed shares the run's name
    emitted = [json.loads(line) for line in Path(feed["uri"]).read_text("utf-8").splitlines()]
    assert feed["items"] == len(emitted) == first["state"]["total"]
    kupang = first["portals"]["kupang"]
    assert kupang["emitted"] == {"new": sum(item["portal"] == "kupang" for item in emitted)}
    assert first["portals"]["bali"]["dropped"] == {"not_police": 1}
    assert first["window"] == {"since": SINCE, "until": None}
    assert first["arguments"] == {"since": SINCE, "_job": "j1"}
    assert first["exit_status"] == 0 and first["finish_reason"] == "finished"
    assert all(m["ok"] for m in first["monitors"])
    # Nothing new: no default feed file, and the report says since when.
    assert second["feeds"] == [] and second["last_news_at"] == first["started_at"]
    assert len(list(data.glob("feeds/antara/*"))) == 1
    # Polite refresh: the young article is not downloaded again before its next refresh age,
    # then asked for with its ETag: not modified.
    assert second["portals"]["kupang"]["downloaded"] == 0
    assert second["portals"]["kupang"]["discovered"] == kupang["discovered"]
    young = articles["young"]
    backdate_fetch(state, key(young), young.published)

    stale, live = tmp_path / "killed.jsonl.part", tmp_path / "running.jsonl.part"
    stale.write_text('{"id": "half"}\n')
    live.write_text("")
    out.write_text('{"id": "an item of an older run"}\n')
    with live.open("rb") as writer:  # a live run writing its part holds a lock on it
        fcntl.flock(writer, fcntl.LOCK_EX | fcntl.LOCK_NB)
        before = len(server.responses)
        latest = run_crawl(
            out, mirror=server.base_url, state=state, data_dir=data, args={"since": SINCE},
            settings={"LOG_LEVEL": "SUMMARY"},  # the default: summary and warnings
        )  # fmt: skip
    server.stop()
    assert latest.returncode == 0, latest.log[-3000:]
    downloads = [(p, status) for p, status in server.responses[before:] if "/berita/" in p]
    assert len(downloads) == 1 and f"/berita/{young.id}/" in downloads[0][0], downloads
    assert downloads[0][1] == 304
    assert reports(latest)[-1]["portals"]["kupang"]["not_modified"] == 1
    assert out.read_text() == ""
    assert not stale.exists() and live.exists()
    levels = [line.split("] ")[1].split(":")[0] for line in latest.log.splitlines()]
    assert set(levels) == {"WARNING", "SUMMARY"}, latest.log
    assert f"Removed {stale}, left by an interrupted run" in latest.log
    assert f"SUMMARY: Nothing new since {first['started_at']}\n" in latest.log
    assert f"SUMMARY: State: 0 articles recorded; {len(emitted)} in {state}\n" in latest.log
    assert f"SUMMARY: Feed: {out} (0 items)" in latest.log

    listing = subprocess.run(
        [sys.executable, "-m", "scrapy", "runs", "-n", "5"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
        env=os.environ | {"ANTARA_DATA_DIR": str(data)},
    )  # fmt: skip
    rows = listing.stdout.splitlines()
    third = reports(latest)[-1]
    assert [row.split()[0] for row in rows] == [third["run"], second["run"], first["run"]]
    assert f"emitted {len(emitted)} ({len(emitted)} new" in rows[2]


def test_a_site_that_gives_nothing_fails_the_discovery_monitor(tmp_path: Path) -> None:
    Site(NOW, portals=("kupang",)).write(tmp_path / "mirror")
    run = run_crawl(tmp_path / "out.jsonl", mirror=str(tmp_path / "mirror"),
                    args={"portals": "kupang"})  # fmt: skip
    assert run.returncode == 6, run.log[-3000:]
    assert "ERROR: Monitor failed: discovery found 0 entries" in run.log
    [report] = reports(run)
    assert report["exit_status"] == 6
    assert [m["name"] for m in report["monitors"] if not m["ok"]] == ["discovery"]


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


def test_default_locations_follow_the_project_not_the_working_directory(
    mirror: tuple[Path, dict], tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert data_dir("", cwd=elsewhere) == ROOT / "data"
    assert data_dir("d", cwd=elsewhere) == elsewhere / "d"
    root, articles = mirror
    run = run_crawl(
        Path("out.csv"),  # a path the user gives: the working directory's
        mirror=str(root),
        state="{data}/state/antara.sqlite3",
        data_dir=tmp_path / "data",
        cwd=elsewhere,
        args={"since": SINCE},
        env={"SCRAPY_SETTINGS_MODULE": "antara_crawl.settings"},
    )
    assert run.returncode == 0, run.log[-3000:]
    assert (tmp_path / "data" / "state" / "antara.sqlite3").is_file()
    assert sorted(p.name for p in elsewhere.iterdir()) == ["out.csv"]
    with (elsewhere / "out.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    row = rows[key(articles["old_kupang"])]  # CSV: nested fields as JSON
    police = json.loads(row["police"])
    assert police["score"] >= 0.5 and "Polres Kupang" in police["units"]
    assert isinstance(json.loads(row["tags"]), list)
    assert isinstance(json.loads(row["related"]), list)


def test_scrapy_parse_extracts_an_article(mirror: tuple[Path, dict], tmp_path: Path) -> None:
    root, articles = mirror
    article = articles["not_police"]  # shown whatever its police score
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "parse", article.url, "-s", f"ANTARA_MIRROR={root}",
         "-s", "ANTARA_STATE=none", "-s", "LOG_LEVEL=WARNING"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
        env={k: v for k, v in os.environ.items() if not k.startswith("ANTARA_")}
        | {"ANTARA_DATA_DIR": str(tmp_path)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert "# Scraped Items" in done.stdout
    assert article.title in done.stdout and "'score': 0" in done.stdout, done.stdout[-2000:]


def test_an_emitted_article_withdrawn_later_is_emitted_once_more(tmp_path: Path) -> None:
    root, state = tmp_path / "mirror", tmp_path / "state.sqlite3"
    young = build(root, 1)["young"]
    args = {"since": SINCE, "portals": "kupang", "discovery": "rss"}
    first = run_crawl(tmp_path / "1.jsonl", mirror=str(root), state=state, args=args)
    assert first.returncode == 0, first.log[-3000:]
    emitted = first.by_key[key(young)]
    for page in root.glob(f"{young.host}/**/berita/{young.id}/*"):
        page.unlink()  # ANTARA took it down: 404; its RSS entry is still there
    runs = []
    for n in (2, 3):
        backdate_fetch(state, key(young), young.published)  # its next refresh is due
        runs.append(run_crawl(tmp_path / f"{n}.jsonl", mirror=str(root), state=state, args=args))
        assert runs[-1].returncode == 0, runs[-1].log[-3000:]
    [withdrawn] = runs[0].items
    assert withdrawn["withdrawn_at"] and item_problems(withdrawn) == []
    assert withdrawn["version"] == 2
    same = ("id", "url", "title", "body", "published_at", "content_hash")
    assert {f: withdrawn[f] for f in same} == {f: emitted[f] for f in same}
    assert runs[1].items == []  # said once


def test_a_feed_another_run_is_writing_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "latest.jsonl"
    part = tmp_path / "latest.jsonl.part"
    part.write_text('{"id": "kupang:1"}\n')
    with part.open("rb") as writer:
        fcntl.flock(writer, fcntl.LOCK_EX | fcntl.LOCK_NB)
        storage = AtomicFileFeedStorage(str(target), feed_options={"overwrite": True})
        file = storage.open(None)
        file.write(b'{"id": "bali:2"}\n')
        storage.store(file)
    assert storage.failed and not target.exists()
    assert part.read_text() == '{"id": "kupang:1"}\n'
