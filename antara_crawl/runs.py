"""Run reports: one JSON file per run in ``ANTARA_RUNS_DIR`` (``{data}/runs``).

A report is named after the run's UTC start, ``2026-11-29T19-30-00+00-00.json`` (with ``-2``,
``-3``, … when several processes start in the same second), and is reserved empty when the run
starts: an empty report is a run that never finished (killed). The default feed of a run is
named by the same stem. :func:`build_portals` turns the run's stats into the per-portal
figures; :func:`summary_lines` says the report in a few lines for the log; ``scrapy runs``
lists recent reports (:func:`recent_reports`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

REPORT_FORMAT = 1
PORTAL_STAT = "antara/portal/"
"""Per-portal stats: ``antara/portal/<portal>/<figure>`` or ``…/<group>/<name>``."""
GROUPS = ("emitted", "dropped", "errors")
RETAINED = ("feeds", "reports", "archives")
"""The kinds of run files retention compacts (:mod:`antara_crawl.retention`)."""


def run_stem(started: datetime) -> str:
    """A run's name from its UTC start, as Scrapy's ``%(time)s``: ``2026-11-29T19-30-00+00-00``."""
    return started.replace(microsecond=0).isoformat().replace(":", "-")


def reserve_report(directory: Path, started: datetime) -> Path:
    """Create this run's (empty) report file, unique even when processes start together."""
    directory.mkdir(parents=True, exist_ok=True)
    stem, attempt = run_stem(started), 1
    while True:
        path = directory / (f"{stem}.json" if attempt == 1 else f"{stem}-{attempt}.json")
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
        except FileExistsError:
            attempt += 1
            continue
        return path


def write_report(path: Path, report: Mapping[str, Any]) -> None:
    """Write a report atomically over its reserved file."""
    part = path.with_name(f"{path.name}.part")
    part.write_text(json.dumps(report, indent=1, ensure_ascii=False, default=str) + "\n", "utf-8")
    os.replace(part, path)


def read_report(path: Path) -> dict[str, Any] | None:
    """A report, or None for one that never finished (empty) or cannot be read."""
    try:
        report = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return report if isinstance(report, dict) else None


def report_paths(directory: Path) -> list[Path]:
    """The reports in ``directory``, oldest first."""
    return sorted(directory.glob("*.json"), key=lambda p: (p.stem[:25], len(p.stem), p.stem))


def recent_reports(directory: Path, count: int) -> Iterator[tuple[Path, dict[str, Any] | None]]:
    """The last ``count`` reports, newest first, each with its path (None: never finished)."""
    for path in reversed(report_paths(directory)[-count:] if count else []):
        yield path, read_report(path)


def previous_report(directory: Path, own: Path) -> dict[str, Any] | None:
    """The newest finished report before ``own``, in a month file of reports compacted by
    retention (``2026-10.jsonl``) when none is left on its own."""
    paths = report_paths(directory)
    earlier = paths[: paths.index(own)] if own in paths else paths
    for path in reversed(earlier):
        report = read_report(path)
        if report is not None:
            return report
    for month in sorted(directory.glob("*.jsonl"), reverse=True):
        for line in reversed(month.read_text("utf-8").splitlines()):
            try:
                report = json.loads(line)
            except ValueError:
                continue
            if isinstance(report, dict) and not report.get("unfinished"):
                return report
    return None


def build_portals(stats: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Per-portal figures from the ``antara/portal/...`` stats: ``discovered``, ``downloaded``,
    ``emitted`` (``new``, ``updated``, ``duplicate``), ``dropped`` and ``errors`` by reason."""
    portals: dict[str, dict[str, Any]] = {}
    for name, value in stats.items():
        if not name.startswith(PORTAL_STAT):
            continue
        portal, _, figure = name[len(PORTAL_STAT) :].partition("/")
        entry = portals.setdefault(
            portal,
            {"discovered": 0, "downloaded": 0, **{group: {} for group in GROUPS}},
        )
        group, _, reason = figure.partition("/")
        if reason and group in GROUPS:
            if value:  # a count moved elsewhere (a copy relinked at the end) leaves 0
                entry[group][reason] = int(value)
        else:
            entry[figure] = int(value)
    return dict(sorted(portals.items()))


def emitted_total(report: Mapping[str, Any]) -> int:
    """How many items a report's run emitted, over all portals."""
    return sum(sum(p["emitted"].values()) for p in report.get("portals", {}).values())


def _counts(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{reason} {n}" for reason, n in sorted(counts.items()))


def portal_line(portal: str, figures: Mapping[str, Any]) -> str:
    """One portal's run in a line, or "" when it downloaded, emitted and failed nothing."""
    emitted, dropped, errors = figures["emitted"], figures["dropped"], figures["errors"]
    if not (figures["downloaded"] or sum(emitted.values()) or sum(errors.values())):
        return ""
    line = (
        f"{portal}: {figures['discovered']} discovered, {figures['downloaded']} downloaded, "
        f"{sum(emitted.values())} emitted ({emitted.get('new', 0)} new, "
        f"{emitted.get('updated', 0)} updated, {emitted.get('duplicate', 0)} wire copies)"
    )
    if dropped:
        line += f"; not emitted: {_counts(dropped)}"
    if errors:
        line += f"; errors: {_counts(errors)}"
    return line


def retention_line(figures: Mapping[str, int] | None) -> str:
    """The summary's line for what retention did (the report's ``retention``, the
    ``antara/retention/...`` stats), or "" when it did nothing."""
    figures = figures or {}
    done = [
        f"{count} {kind}"
        for kind in RETAINED
        if (count := int(figures.get(f"{kind}/compacted") or 0))
    ]
    failed = int(figures.get("failed") or 0)
    if not done and not failed:
        return ""
    months = sum(int(figures.get(f"{kind}/months") or 0) for kind in RETAINED)
    line = f"Retention: {', '.join(done) or 'nothing'} older than {figures.get('days')} days"
    line += f" compacted into {months} monthly files" if done else " compacted"
    return line + (f"; {failed} months NOT COMPACTED (see the log)" if failed else "")


FAILURE_MARKS = ("Monitor failed", "NOT STORED", "NOT COMPACTED", "NOT COMPLETE")
"""What marks a line of :func:`summary_lines` that says something failed."""


def is_failure_line(line: str) -> bool:
    """Whether a line of :func:`summary_lines` says something failed (logged as an ERROR)."""
    return any(mark in line for mark in FAILURE_MARKS)


def summary_lines(report: Mapping[str, Any]) -> list[str]:
    """The report said for a person: one line per portal that did anything, whether there was
    news, the feed, the state, and how the run ended."""
    lines = [line for p, f in report["portals"].items() if (line := portal_line(p, f))]
    if not emitted_total(report):
        since = report.get("last_news_at")
        lines.append(f"Nothing new since {since}" if since else "Nothing new")
    for feed in report["feeds"]:
        status = "NOT STORED" if feed["failed"] else f"{feed['items']} items"
        lines.append(f"Feed: {feed['uri']} ({status})")
    archive = report.get("archive")
    if archive and archive["failed"]:
        lines.append(f"Archive: {archive['path'] or 'none'} (NOT COMPLETE: {archive['failed']})")
    elif archive and archive["path"]:
        lines.append(
            f"Archive: {archive['path']} ({archive['responses']} responses, "
            f"{archive['records']} WARC records)"
        )
    state = report.get("state")
    if state and state.get("total") is not None:
        recorded, total = state["committed"], state["total"]
        lines.append(f"State: {recorded} articles recorded; {total} in {state['location']}")
    retention = retention_line(report.get("retention"))
    if retention:
        lines.append(retention)
    lines.extend(f"Monitor failed: {m['message']}" for m in report["monitors"] if not m["ok"])
    lines.append(
        f"Run {report['run']}: {report['finish_reason']} in {report['duration_seconds']:.1f} s, "
        f"exit status {report['exit_status']}"
    )
    return lines


def run_row(path: Path, report: Mapping[str, Any] | None) -> str:
    """One line of ``scrapy runs``: when, how long, exit status, what was emitted, the feed."""
    if report is None:
        return f"{path.stem}  no report: killed, or still running"
    portals = report.get("portals", {})
    kinds = {
        kind: sum(p["emitted"].get(kind, 0) for p in portals.values())
        for kind in ("new", "updated", "duplicate")
    }
    feeds = ", ".join(f["uri"] + (" (NOT STORED)" if f["failed"] else "") for f in report["feeds"])
    failed = [m["name"] for m in report.get("monitors", []) if not m["ok"]]
    row = (
        f"{report['run']}  {report['duration_seconds']:7.1f} s  exit {report['exit_status']:<3} "
        f"{report['finish_reason']:<10} emitted {sum(kinds.values())} ({kinds['new']} new, "
        f"{kinds['updated']} updated, {kinds['duplicate']} wire copies)  {feeds or 'no feed'}"
    )
    return row + (f"  monitors failed: {', '.join(failed)}" if failed else "")
