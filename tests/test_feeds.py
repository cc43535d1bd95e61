"""``scrapy feeds validate|merge|atom`` and the Atom feeds written after a run."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import feedparser
import pytest
from scrapy.exceptions import NotConfigured, UsageError
from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings
from scrapy.utils.test import get_crawler

from antara_crawl.atom import AtomFeeds, entry_id, feed_id, write_portal_feed
from antara_crawl.commands.feeds import Command
from antara_crawl.feedtools import FeedLine, ItemFilter, merge_feeds, read_feed
from antara_crawl.pipelines import content_hash, item_problems
from antara_crawl.portals import PORTALS
from tests.atom_rules import check_atom_rules


def make_item(
    portal: str,
    number: int,
    published: str,
    *,
    version: int = 1,
    crawled: str = "2026-11-20T08:00:00+00:00",
    score: float = 1.0,
    duplicate_of: str | None = None,
    body: str | None = None,
) -> dict[str, Any]:
    """A schema-valid item of an invented police story."""
    body = body or (
        f"Polres setempat menangkap tersangka perkara nomor {number} versi {version}.\n\n"
        "Kapolres mengatakan penyidikan berlanjut."
    )
    host = PORTALS[portal].host
    item = {
        "id": f"{portal}:{number}",
        "url": f"https://{host}/berita/{number}/perkara-{number}",
        "portal": portal,
        "province": PORTALS[portal].province,
        "title": f"Polisi tangani perkara {number}",
        "published_at": published,
        "updated_at": None,
        "reporter": "Penulis Contoh",
        "editor": None,
        "dateline": None,
        "category": "Hukum",
        "tags": ["Polres"],
        "image_url": None,
        "image_caption": None,
        "summary": None,
        "body": body,
        "related": [],
        "police": {
            "units": ["Polres"],
            "officers": [],
            "terms": ["Polres"],
            "score": score,
            "reasons": ["+0.50 title: police actor Polres"],
            "provinces": [],
        },
        "discovered_via": "rss",
        "referrer": None,
        "depth": 0,
        "content_hash": content_hash(body),
        "version": version,
        "duplicate_of": duplicate_of,
        "crawled_at": crawled,
        "schema_version": 2,
    }
    assert item_problems(item) == []
    return item


def write_feed(path: Path, items: list[dict[str, Any]], extra_lines: tuple[str, ...] = ()) -> Path:
    lines = [json.dumps(item) for item in items] + list(extra_lines)
    path.write_text("".join(f"{line}\n" for line in lines), "utf-8")
    return path


def scrapy_feeds(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scrapy", "feeds", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def feeds_in_process(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """``scrapy feeds ARGS`` run in this process with the project's settings: exit status and
    standard output."""
    command = Command()
    command.settings = Settings()
    command.settings.setmodule("antara_crawl.settings")
    parser = argparse.ArgumentParser()
    command.add_options(parser)
    opts, rest = parser.parse_known_args(list(args))
    capsys.readouterr()
    command.run(rest, opts)
    return command.exitcode, capsys.readouterr().out


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


# --- validate ------------------------------------------------------------------------------


def test_validate_prints_each_bad_line_and_exits_1_outside_the_project(tmp_path: Path) -> None:
    good = make_item("kupang", 1, "2026-11-19T09:00:00+08:00")
    naive = {**make_item("kupang", 2, "2026-11-19T09:00:00+08:00"), "published_at": "2026-11-19"}
    extra = {**make_item("bali", 3, "2026-11-19T09:00:00+08:00"), "colour": "red"}
    feed = write_feed(
        tmp_path / "run.jsonl",
        [good],
        (json.dumps(naive), "{not json", "", "[1, 2]", json.dumps(extra), json.dumps(good)),
    )
    clean = write_feed(tmp_path / "clean.jsonl", [good])

    done = scrapy_feeds("validate", "run.jsonl", "clean.jsonl", "missing.jsonl", cwd=tmp_path)

    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines() == [
        "run.jsonl:2: published_at: pattern",
        "run.jsonl:3: not JSON (Expecting property name enclosed in double quotes at column 2)",
        "run.jsonl:4: blank line",
        "run.jsonl:5: not a JSON object but list",
        "run.jsonl:6: item: additionalProperties",
        "missing.jsonl: cannot read: No such file or directory",
    ]
    assert [line.problems for line in read_feed(clean)] == [()]
    assert feed.exists()


def test_validate_exits_0_when_every_line_is_an_item(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = write_feed(tmp_path / "a.jsonl", [make_item("kupang", 1, "2026-11-19T09:00:00+08:00")])
    assert feeds_in_process("validate", str(feed), capsys=capsys) == (0, "")


# --- merge ---------------------------------------------------------------------------------


def test_merge_keeps_the_latest_version_of_each_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = [
        make_item("kupang", 1, "2026-11-19T09:00:00+08:00", version=1),
        make_item("bali", 2, "2026-11-19T10:00:00+08:00", crawled="2026-11-20T08:00:00+00:00"),
    ]
    second = [
        make_item("kupang", 1, "2026-11-19T09:00:00+08:00", version=2),
        make_item("bali", 2, "2026-11-19T10:00:00+08:00", crawled="2026-11-20T09:30:00+00:00"),
    ]
    old_copy_of_first = [make_item("kupang", 1, "2026-11-19T09:00:00+08:00", version=1)]
    files = [
        write_feed(tmp_path / name, feed)
        for name, feed in (("1.jsonl", first), ("2.jsonl", second), ("0.jsonl", old_copy_of_first))
    ]

    status, out = feeds_in_process(
        "merge", *map(str, files), "-o", str(tmp_path / "out.jsonl"), capsys=capsys
    )

    assert status == 0
    merged = {item["id"]: item for item in read_jsonl(tmp_path / "out.jsonl")}
    assert set(merged) == {"kupang:1", "bali:2"}
    assert merged["kupang:1"]["version"] == 2
    assert merged["bali:2"]["crawled_at"] == "2026-11-20T09:30:00+00:00"
    assert "out.jsonl: 2 article(s) from 3 file(s)" in out


def test_merge_skips_bad_lines_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = write_feed(
        tmp_path / "a.jsonl", [make_item("kupang", 1, "2026-11-19T09:00:00+08:00")], ("oops",)
    )
    status, out = feeds_in_process(
        "merge", str(feed), "-o", str(tmp_path / "out.jsonl"), capsys=capsys
    )
    assert status == 0
    assert "1 bad line(s) skipped" in out
    assert [item["id"] for item in read_jsonl(tmp_path / "out.jsonl")] == ["kupang:1"]


def test_merge_filters_by_local_date_portal_and_police_score(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    items = [
        # 2026-11-09 23:30 UTC is 2026-11-10 in Kupang (WITA, UTC+8): inside --since.
        make_item("kupang", 1, "2026-11-09T23:30:00+00:00"),
        make_item("kupang", 2, "2026-11-09T15:00:00+08:00"),
        make_item("kupang", 3, "2026-11-12T23:59:00+08:00"),
        make_item("kupang", 4, "2026-11-13T00:01:00+08:00"),
        make_item("kupang", 5, "2026-11-11T09:00:00+08:00", score=0.3),
        make_item("bali", 6, "2026-11-11T09:00:00+08:00"),
        make_item("www", 7, "2026-11-11T09:00:00+07:00"),
    ]
    feed = write_feed(tmp_path / "a.jsonl", items)
    out = tmp_path / "out.jsonl"
    common = ("merge", str(feed), "-o", str(out), "--since", "2026-11-10")

    def merged(*filters: str) -> list[str]:
        assert feeds_in_process(*common, *filters, capsys=capsys)[0] == 0
        return [item["id"] for item in read_jsonl(out)]

    assert merged("--until", "2026-11-12", "--portal", "kupang,bali") == [
        "kupang:1",
        "bali:6",
        "kupang:5",
        "kupang:3",
    ]
    assert merged("--until", "2026-11-12", "--police-only") == [
        "kupang:1",
        "bali:6",
        "www:7",
        "kupang:3",
    ]
    assert merged("--police-only", "--portal", "www,kupang") == [
        "kupang:1",
        "www:7",
        "kupang:3",
        "kupang:4",
    ]
    with pytest.raises(UsageError, match=r"unknown portal\(s\): atlantis"):
        feeds_in_process(*common, "--portal", "atlantis", capsys=capsys)


def test_merge_resolves_clusters_to_their_earliest_published_article() -> None:
    body = "Sebuah berita salinan kantor berita yang sama.\n\nParagraf kedua berita."
    # One cluster over three feeds: the national original (09:00 WIB = 02:00 UTC), a regional
    # copy emitted unlinked in an earlier run, a later copy linked to that regional copy.
    original = make_item("www", 10, "2026-11-19T09:00:00+07:00", body=body)
    early_copy = make_item("bali", 11, "2026-11-19T11:00:00+08:00", body=body)
    relinked_copy = make_item(
        "bali", 11, "2026-11-19T11:00:00+08:00", body=body, version=2, duplicate_of="www:10"
    )
    late_copy = make_item(
        "kupang", 12, "2026-11-19T12:00:00+08:00", body=body, duplicate_of="bali:11"
    )
    # A copy published before the article it names: it becomes the cluster's original.
    first = make_item("jatim", 20, "2026-11-18T08:00:00+07:00")
    second = make_item("jatim", 21, "2026-11-18T09:00:00+07:00", duplicate_of="jatim:20")
    earlier = make_item("bali", 22, "2026-11-18T08:30:00+08:00", duplicate_of="jatim:21")
    # Copies of an article that is in none of the merged feeds keep naming it.
    absent_a = make_item("aceh", 30, "2026-11-17T10:00:00+07:00", duplicate_of="www:99")
    absent_b = make_item("riau", 31, "2026-11-17T09:00:00+07:00", duplicate_of="www:99")
    feeds = [
        [early_copy, late_copy, first, second],
        [original, earlier, absent_a],
        [relinked_copy, absent_b],
    ]
    lines = [line for feed in feeds for line in _as_lines(feed)]

    merged = {item["id"]: item["duplicate_of"] for item in merge_feeds(lines, ItemFilter())}

    assert merged == {
        "www:10": None,
        "bali:11": "www:10",
        "kupang:12": "www:10",
        "bali:22": None,
        "jatim:20": "bali:22",
        "jatim:21": "bali:22",
        "aceh:30": "www:99",
        "riau:31": "www:99",
    }


def _as_lines(items: list[dict[str, Any]]) -> list[FeedLine]:
    return [FeedLine("feed", n, item, ()) for n, item in enumerate(items, start=1)]


# --- Atom ----------------------------------------------------------------------------------


def test_atom_command_writes_a_valid_feed_per_portal_of_its_latest_police_stories(
    tmp_path: Path,
) -> None:
    items = [
        make_item("kupang", 1, "2026-11-18T09:00:00+08:00"),
        make_item("kupang", 2, "2026-11-19T09:00:00+08:00", version=1),
        make_item("kupang", 3, "2026-11-17T09:00:00+08:00"),
        make_item("kupang", 4, "2026-11-20T09:00:00+08:00", score=0.2),
        make_item("bali", 5, "2026-11-19T10:00:00+08:00"),
        make_item("aceh", 6, "2026-11-19T10:00:00+07:00", score=0.1),
    ]
    edited = make_item(
        "kupang", 2, "2026-11-19T09:00:00+08:00", version=2, crawled="2026-11-20T01:00:00+00:00"
    )
    feeds = tmp_path / "data" / "feeds" / "antara"
    feeds.mkdir(parents=True)
    write_feed(feeds / "20261119T000000.jsonl", items)
    write_feed(feeds / "20261120T010000.jsonl", [edited])

    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "feeds", "atom", "-s", "ANTARA_ATOM_ENTRIES=2"],
        cwd=tmp_path,
        env={**os.environ, "ANTARA_DATA_DIR": str(tmp_path / "data")},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    atom = tmp_path / "data" / "feeds" / "atom"
    assert sorted(p.name for p in atom.iterdir()) == ["bali.xml", "kupang.xml"]
    check_atom_rules(atom / "bali.xml")
    check_atom_rules(atom / "kupang.xml")

    parsed = feedparser.parse(str(atom / "kupang.xml"))
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.id == feed_id(PORTALS["kupang"])
    assert parsed.feed.title == "ANTARA Nusa Tenggara Timur: police news"
    assert parsed.feed.link == "https://kupang.antaranews.com/"
    assert parsed.feed.author == "ANTARA"
    assert parsed.feed.updated == "2026-11-20T01:00:00+00:00"
    assert [entry.id for entry in parsed.entries] == [
        "https://kupang.antaranews.com/berita/2",
        "https://kupang.antaranews.com/berita/1",
    ]
    newest = parsed.entries[0]
    assert newest.link == "https://kupang.antaranews.com/berita/2/perkara-2"
    assert newest.published == "2026-11-19T09:00:00+08:00"
    assert newest.updated == "2026-11-20T01:00:00+00:00"
    assert newest.author == "Penulis Contoh"
    assert newest.summary.startswith("Polres setempat menangkap tersangka perkara nomor 2 versi 2.")
    assert newest.content[0].type == "application/xhtml+xml"
    assert "<p>Kapolres mengatakan penyidikan berlanjut.</p>" in newest.content[0].value


def test_atom_feed_keeps_earlier_entries_and_replaces_a_new_version(tmp_path: Path) -> None:
    directory = tmp_path
    portal = PORTALS["bali"]
    one = make_item("bali", 1, "2026-11-17T09:00:00+08:00")
    two = make_item("bali", 2, "2026-11-18T09:00:00+08:00")
    three = make_item("bali", 3, "2026-11-19T09:00:00+08:00")
    two_edited = make_item(
        "bali", 2, "2026-11-18T09:00:00+08:00", version=2, crawled="2026-11-19T02:00:00+00:00"
    )
    write_portal_feed(directory, portal, [one, two], limit=2, keep_existing=True)
    path = write_portal_feed(directory, portal, [three, two_edited], limit=2, keep_existing=True)

    parsed = feedparser.parse(str(path))
    assert parsed.bozo == 0
    assert [(e.id, e.updated) for e in parsed.entries] == [
        (entry_id(three["url"]), "2026-11-19T09:00:00+08:00"),
        (entry_id(two["url"]), "2026-11-19T02:00:00+00:00"),
    ]
    check_atom_rules(path)
    before = path.read_bytes()
    write_portal_feed(directory, portal, [], limit=2, keep_existing=True)
    assert path.read_bytes() == before, "rewriting with nothing new changes nothing"


def test_atom_setting_switches_the_extension_off() -> None:
    project = get_project_settings()
    assert project.getbool("ANTARA_ATOM"), "on by default"
    names = ("ANTARA_ATOM_DIR", "ANTARA_ATOM_ENTRIES", "ANTARA_POLICE_MIN_SCORE")
    settings = {name: project[name] for name in names} | {"ANTARA_ATOM_DIR": "feeds/atom"}
    on = AtomFeeds.from_crawler(get_crawler(settings_dict={**settings, "ANTARA_ATOM": "True"}))
    assert (on.directory, on.limit) == (Path("feeds/atom"), 50)
    with pytest.raises(NotConfigured):
        AtomFeeds.from_crawler(get_crawler(settings_dict={**settings, "ANTARA_ATOM": "False"}))
