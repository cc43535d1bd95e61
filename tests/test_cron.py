"""The crontab line shipped in ``deploy/crontab``, run as cron runs it, twice in a row.

The line is read from the shipped file, its placeholder checkout path replaced as the
README tells a user to ("Running it from cron"), and its command run with ``sh -c`` in a
minimal environment (``HOME`` and ``PATH``, as cron gives, plus ``ANTARA_MIRROR``), from
another working directory, against a loopback mirror. The checkout is a directory holding
the project's ``scrapy.cfg`` and ``data/`` (as a clone does) with the test's venv as
``.venv``: the package itself is the installed one.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.crawl import ROOT
from tests.mirror_server import serve_mirror
from tests.sitebuilder import Article, Site
from tests.test_state_runs import NOW, at, story

CHECKOUT = "/srv/antara-crawl"
"""The placeholder checkout path of ``deploy/crontab`` and ``deploy/logrotate.conf``."""


def cron_job(crontab: Path) -> tuple[list[str], str]:
    """The schedule (five fields) and the command of the one job line of ``crontab``."""
    jobs = [
        line for line in crontab.read_text("utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]  # fmt: skip
    assert len(jobs) == 1, jobs
    *schedule, command = jobs[0].split(None, 5)
    return schedule, command


def rotated_log(logrotate: Path) -> str:
    """The log file ``deploy/logrotate.conf`` rotates (the path before its ``{``)."""
    match = re.search(r"^(\S+)\s*\{", logrotate.read_text("utf-8"), re.MULTILINE)
    assert match, "no log path in the logrotate file"
    return match.group(1)


def test_the_shipped_job_runs_every_30_minutes_and_logs_where_logrotate_rotates() -> None:
    schedule, command = cron_job(ROOT / "deploy" / "crontab")
    assert schedule == ["*/30", "*", "*", "*", "*"]
    assert "%" not in command  # cron would cut the command there
    words = shlex.split(command)
    assert words[:3] == ["cd", CHECKOUT, "&&"]
    log = words[words.index(">>") + 1]  # appended: the running crawl keeps writing after
    assert f"{CHECKOUT}/{log}" == rotated_log(ROOT / "deploy" / "logrotate.conf")
    assert f"{' '.join(schedule)} {command}\n" in (ROOT / "README.md").read_text("utf-8")


@pytest.fixture(scope="module")
def cron_loop(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[int]]:
    """Two runs of the shipped job, one after the other; the checkout and the exit statuses."""
    root = tmp_path_factory.mktemp("cron")
    venv = Path(sys.prefix)
    if not (venv / "bin" / "scrapy").is_file():
        pytest.skip("the tests do not run in a venv with a scrapy script")
    checkout = root / "checkout"
    (checkout / "data").mkdir(parents=True)  # a clone has data/ (data/sample)
    shutil.copy(ROOT / "scrapy.cfg", checkout)
    (checkout / ".venv").symlink_to(venv)
    site = Site(NOW, portals=("kupang", "bali"), rss_size=10, page_size=5)
    site.add(
        Article("kupang", "151201", "", "Polres Kupang gelar razia malam",
                story("Kupang", "Polres Kupang", "razia malam", 110), at("kupang", 0.15)),
        Article("bali", "343401", "", "Polresta Denpasar amankan pengedar",
                story("Denpasar", "Polresta Denpasar", "operasi narkoba", 70), at("bali", 0.5)),
        Article("bali", "343402", "", "Polres Badung gelar patroli pantai",
                story("Badung", "Polres Badung", "patroli pantai", 40), at("bali", 1.3)),
    )  # fmt: skip
    site.write(root / "mirror")
    _, command = cron_job(ROOT / "deploy" / "crontab")
    command = command.replace(CHECKOUT, str(checkout))
    elsewhere = root / "home"
    elsewhere.mkdir()
    statuses = []
    with serve_mirror(root / "mirror") as server:
        environment = {"HOME": str(elsewhere), "PATH": "/usr/bin:/bin"}
        environment["ANTARA_MIRROR"] = server.base_url
        for _ in range(2):
            done = subprocess.run(
                ["/bin/sh", "-c", command],
                cwd=elsewhere,
                env=environment,
                capture_output=True,
                timeout=240,
                check=False,
            )
            assert not done.stdout and not done.stderr  # everything went to the log
            statuses.append(done.returncode)
    return checkout, statuses


def reports(checkout: Path) -> list[dict]:
    paths = sorted((checkout / "data" / "runs").glob("*.json"))
    return [json.loads(path.read_text("utf-8")) for path in paths]


def test_both_runs_exit_0_and_write_their_reports_in_the_data_directory(
    cron_loop: tuple[Path, list[int]],
) -> None:
    checkout, statuses = cron_loop
    log = (checkout / "data" / "cron.log").read_text("utf-8")
    assert statuses == [0, 0], log[-3000:]
    first, second = reports(checkout)
    assert [first["exit_status"], second["exit_status"]] == [0, 0]
    assert first["arguments"] == {"discovery": "rss"}
    assert first["settings"]["ANTARA_CONTACT"] == "mailto:you@example.org"
    assert not (checkout.parent / "home" / "data").exists()  # nothing where cron started


def test_the_first_run_emits_the_news_and_the_second_nothing(
    cron_loop: tuple[Path, list[int]],
) -> None:
    checkout, _ = cron_loop
    first, second = reports(checkout)
    (feed,) = (checkout / "data" / "feeds" / "antara").glob("*.jsonl")  # none for nothing new
    assert feed.stem == first["run"] and first["feeds"] == [
        {"uri": str(feed), "items": 3, "failed": False}
    ]
    items = [json.loads(line) for line in feed.read_text("utf-8").splitlines()]
    assert sorted(item["id"] for item in items) == ["bali:343401", "bali:343402", "kupang:151201"]
    assert sum(sum(p["emitted"].values()) for p in second["portals"].values()) == 0
    assert second["feeds"] == [] and second["last_news_at"] == first["started_at"]
    assert second["state"]["total"] == 3 and second["state"]["committed"] == 0


def test_both_runs_append_their_summary_to_the_log_the_line_names(
    cron_loop: tuple[Path, list[int]],
) -> None:
    checkout, _ = cron_loop
    first, second = reports(checkout)
    lines = (checkout / "data" / "cron.log").read_text("utf-8").splitlines()
    reported = [line for line in lines if "SUMMARY: Report: " in line]
    assert [line.rsplit("/", 1)[1] for line in reported] == [
        f"{first['run']}.json",
        f"{second['run']}.json",
    ]
    assert any(f"SUMMARY: Nothing new since {first['started_at']}" in line for line in lines)
    # a healthy run logs its summary alone: no detail, no warning of the project or Scrapy
    noise = re.compile(r" \[(antara|scrapy)[\w.]*\] (DEBUG|INFO|WARNING|ERROR): ")
    assert [line for line in lines if noise.search(line)] == []
