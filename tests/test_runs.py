"""Run reports and monitors, as functions (the crawls are in tests/test_operations.py)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from antara_crawl.monitors import check_error_rate, check_unknown_design
from antara_crawl.runs import (
    build_portals,
    previous_report,
    report_paths,
    reserve_report,
    summary_lines,
    write_report,
)

STARTED = datetime(2026, 11, 29, 19, 30, 0, 250_000, tzinfo=timezone.utc)


def test_reports_of_runs_started_in_the_same_second_have_distinct_names(tmp_path: Path) -> None:
    paths = [reserve_report(tmp_path, STARTED) for _ in range(11)]
    assert len(set(paths)) == 11
    assert paths[0].name == "2026-11-29T19-30-00+00-00.json"
    assert paths[1].name == "2026-11-29T19-30-00+00-00-2.json"
    assert report_paths(tmp_path) == paths  # in the order they were taken, -10 after -9
    write_report(paths[3], {"run": "fourth", "last_news_at": None})
    assert previous_report(tmp_path, paths[5]) == {"run": "fourth", "last_news_at": None}
    assert previous_report(tmp_path, paths[2]) is None  # the earlier ones never finished


def test_the_previous_report_is_found_in_a_month_file_once_retention_compacted_them(
    tmp_path: Path,
) -> None:
    own = reserve_report(tmp_path, STARTED)
    (tmp_path / "2026-09.jsonl").write_text('{"run": "september", "last_news_at": "S"}\n')
    (tmp_path / "2026-10.jsonl").write_text(
        '{"run": "early", "last_news_at": "E"}\n{"run": "late", "last_news_at": "L"}\n'
        '{"run": "killed", "unfinished": true}\nnot json\n'
    )
    assert previous_report(tmp_path, own) == {"run": "late", "last_news_at": "L"}
    write_report(reserve_report(tmp_path, STARTED - timedelta(hours=1)), {"run": "alone"})
    assert previous_report(tmp_path, own) == {"run": "alone"}  # a report on its own is newer


def figures(**kwargs: object) -> dict:
    return {"discovered": 0, "downloaded": 0, "emitted": {}, "dropped": {}, "errors": {}, **kwargs}


def test_portal_figures_come_from_the_portal_stats() -> None:
    stats = {
        "antara/portal/kupang/discovered": 5,
        "antara/portal/kupang/downloaded": 4,
        "antara/portal/kupang/emitted/new": 2,
        "antara/portal/kupang/dropped/not_police": 1,
        "antara/portal/bali/errors/http_500": 1,
        "antara/article/extracted": 4,
    }
    assert build_portals(stats) == {
        "bali": figures(errors={"http_500": 1}),
        "kupang": figures(
            discovered=5, downloaded=4, emitted={"new": 2}, dropped={"not_police": 1}
        ),
    }


def test_the_summary_says_nothing_new_and_skips_idle_portals() -> None:
    report = {
        "run": "r",
        "portals": {"kupang": figures(discovered=9), "bali": figures(discovered=3, downloaded=1)},
        "feeds": [],
        "state": {"committed": 0, "total": 412, "location": "s.sqlite3"},
        "monitors": [],
        "finish_reason": "finished",
        "duration_seconds": 2.0,
        "exit_status": 0,
        "last_news_at": "2026-11-29T18:30:00+00:00",
    }
    assert summary_lines(report) == [
        "bali: 3 discovered, 1 downloaded, 0 emitted (0 new, 0 updated, 0 wire copies)",
        "Nothing new since 2026-11-29T18:30:00+00:00",
        "State: 0 articles recorded; 412 in s.sqlite3",
        "Run r: finished in 2.0 s, exit status 0",
    ]


def test_a_few_failures_among_many_pass_the_monitors_and_a_redesign_does_not() -> None:
    portals = {"kupang": figures(downloaded=95, errors={"http_500": 3, "network": 2})}
    assert check_error_rate({}, portals, 0.5, 10).ok
    assert not check_error_rate({"antara/article/extract_error": 60}, portals, 0.5, 10).ok
    assert check_error_rate({}, {"bali": figures(errors={"network": 3})}, 0.5, 10).ok  # too few
    redesign = {"antara/article/extracted": 40, "antara/extract/design/unknown": 30}
    assert not check_unknown_design(redesign, 0.5, 10).ok
    assert check_unknown_design({**redesign, "antara/extract/design/unknown": 2}, 0.5, 10).ok
