"""Retention (``ANTARA_RETENTION_DAYS``): old run files compacted into one file per month.

Half-hourly runs leave three files each: a feed (``{data}/feeds/antara/<UTC start>.jsonl``), a
report (``{data}/runs/<UTC start>.json``) and, with ``ANTARA_ARCHIVE``, an archive
(``<UTC start>.warc.gz`` and its ``.cdxj``). Once a whole month lies before the cut-off (``N``
days ago), its files of each kind are compacted into one, named after the month, and removed:

- feeds: ``2026-10.jsonl``, the run feeds one after the other, as they were (``scrapy feeds
  merge``/``validate``/``atom`` read it like any feed);
- reports: ``2026-10.jsonl`` in the reports directory, one report per line (``{"run": …,
  "unfinished": true}`` for a run that never finished); ``scrapy runs`` lists the ``*.json``
  left, the recent ones;
- archives: ``2026-10.warc.gz``, the archives' gzip members one after the other (a valid
  WARC file), and ``2026-10.cdxj``, its index, made anew.

A file's month is that of the UTC start its name holds (a run's stem, or an archive's
``YYYYMMDDThhmmssZ``), else of its modification time (archives not named so, others', are
left alone, and so is a damaged archive). Compacting whole months only, each month file is
written once (a file of an already compacted month arriving late is added to it), and no
file of a run younger than the cut-off is touched: so never a live run's, nor any
``.part``.

Nothing is lost to a crash: the month file is written as ``<month file>.compact.part``
(locked while written, synced), moved into place, and only then are the run files removed,
oldest first. A source whose bytes already end the month file (the move was done, the
removal not) is removed without being added twice; a part left by a killed run is removed
by the next one.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import IO, TYPE_CHECKING

from scrapy import signals
from scrapy.exceptions import NotConfigured

from antara_crawl.archive import WARC_SUFFIX, index_path, is_file_at, parse_archive_setting
from antara_crawl.config import number_setting
from antara_crawl.feeds import remove_leftover_parts
from antara_crawl.warc import cdxj_lines, iter_records

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from typing_extensions import Self

logger = logging.getLogger(__name__)

STAT = "antara/retention/"
"""Stats: ``antara/retention/<kind>/compacted`` (run files) and ``…/<kind>/months`` (month
files written), ``antara/retention/failed``, ``antara/retention/parts_removed``."""
COMPACT_PART = ".compact.part"

_RUN_TIME = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d)-(\d\d)-(\d\d)\+00-00")
_ARCHIVE_TIME = re.compile(r"(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z")
_MONTH = re.compile(r"\d{4}-\d\d")
_CHUNK = 1 << 20


# -- ages -------------------------------------------------------------------------------


def name_time(name: str) -> datetime | None:
    """The UTC start a run file's name holds: a run's stem (``2026-11-29T19-30-00+00-00``)
    or an archive's (``20261129T193000Z``); None when it holds neither."""
    for pattern in (_RUN_TIME, _ARCHIVE_TIME):
        found = pattern.search(name)
        if found:
            try:
                return datetime(*map(int, found.groups()), tzinfo=timezone.utc)
            except ValueError:  # not a real date
                continue
    return None


def file_time(path: Path) -> datetime:
    """When a run file was started: the time its name holds, else its modification time."""
    return name_time(path.name) or datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)


def month_end(month: str) -> datetime:
    """The first moment (UTC) after ``month`` (``YYYY-MM``)."""
    year, number = map(int, month.split("-"))
    return datetime(year + number // 12, number % 12 + 1, 1, tzinfo=timezone.utc)


def is_month_file(path: Path, suffix: str) -> bool:
    """Whether ``path`` is a compacted month file (``2026-10`` + ``suffix``)."""
    return path.name.endswith(suffix) and bool(_MONTH.fullmatch(path.name.removesuffix(suffix)))


def months_before(paths: list[Path], cutoff: datetime) -> dict[str, list[Path]]:
    """The files of each month that ended by ``cutoff``, by month, oldest first."""
    timed = []
    for path in paths:
        try:
            # in start order; of one second, "X" before "X-2" before "X-10"
            timed.append((file_time(path), len(path.name), path.name, path))
        except FileNotFoundError:  # gone meanwhile
            continue
    months: dict[str, list[Path]] = {}
    for moment, _length, _name, path in sorted(timed):
        month = f"{moment:%Y-%m}"
        if month_end(month) <= cutoff:
            months.setdefault(month, []).append(path)
    return months


# -- compaction -------------------------------------------------------------------------


Content = Callable[[Path], Iterator[bytes]]
"""What a run file adds to its month file, in chunks (for reports: a line); its raw bytes
when not given."""


@contextmanager
def locked_part(part: Path) -> Iterator[IO[bytes] | None]:
    """``part`` opened empty for writing and locked, or None when another process holds it;
    removed on leaving unless it was moved away."""
    handle = os.fdopen(os.open(part, os.O_WRONLY | os.O_CREAT, 0o644), "wb")
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield None
            return
        if not is_file_at(handle, part):  # removed as a leftover before it was locked
            yield None
            return
        handle.truncate(0)
        try:
            yield handle
        finally:
            if is_file_at(handle, part):
                part.unlink()


def _chunks(path: Path, content: Content | None) -> Iterator[bytes]:
    if content is not None:
        yield from content(path)
        return
    with path.open("rb") as file:
        while chunk := file.read(_CHUNK):
            yield chunk


def _size(path: Path, content: Content | None) -> int:
    if content is None:
        return path.stat().st_size
    return sum(len(chunk) for chunk in content(path))


def _holds_at(file: IO[bytes], offset: int, chunks: Iterator[bytes]) -> bool:
    """Whether ``file`` holds the bytes of ``chunks`` from ``offset`` on."""
    file.seek(offset)
    return all(file.read(len(chunk)) == chunk for chunk in chunks)


def already_in(month_file: Path, sources: list[Path], content: Content | None) -> int:
    """How many of the last ``sources`` end ``month_file`` already, in order: those an earlier
    compaction moved into place but was stopped before removing."""
    try:
        file = month_file.open("rb")
    except FileNotFoundError:
        return 0
    with file:
        end, found = file.seek(0, os.SEEK_END), 0
        for source in reversed(sources):
            end -= _size(source, content)
            if end < 0 or not _holds_at(file, end, _chunks(source, content)):
                break
            found += 1
    return found


def _sync_directory(directory: Path) -> None:
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def no_companions(_source: Path) -> list[Path]:
    """Files removed with a run file: none."""
    return []


def compact_month(
    month_file: Path,
    sources: list[Path],
    *,
    content: Content | None = None,
    companions: Callable[[Path], list[Path]] = no_companions,
    index: Callable[[Path, Path], None] | None = None,
) -> int:
    """Add ``sources`` (oldest first) to ``month_file``, then remove them; returns how many.

    The month file is written anew through its locked ``.compact.part``: what it held, then
    each source's ``content`` (its bytes by default); ``index(part, month_file)`` may write
    a companion of the month file before the part is moved into place. Then each source and
    its ``companions`` are removed, oldest first. 0 when another process is compacting
    this month.
    """
    part = month_file.with_name(month_file.name + COMPACT_PART)
    with locked_part(part) as out:
        if out is None:
            return 0
        sources = [source for source in sources if source.exists()]
        done = already_in(month_file, sources, content)
        if done < len(sources):
            if month_file.exists():
                for chunk in _chunks(month_file, None):
                    out.write(chunk)
            for source in sources[: len(sources) - done]:
                for chunk in _chunks(source, content):
                    out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
            if index is not None:
                index(part, month_file)
            os.replace(part, month_file)
            _sync_directory(month_file.parent)
        for source in sources:
            for companion in companions(source):
                companion.unlink(missing_ok=True)
            source.unlink(missing_ok=True)
        return len(sources)


# -- the three kinds of run files -------------------------------------------------------


def feed_line_ending(path: Path) -> Iterator[bytes]:
    """A feed as compacted: its bytes, ending with a newline, read a chunk at a time (a
    feed may be larger than memory)."""
    last = b"\n"
    for chunk in _chunks(path, None):
        yield chunk
        last = chunk[-1:]
    if last != b"\n":
        yield b"\n"


def report_line(path: Path) -> Iterator[bytes]:
    """A run report as one line of the month's reports; a report left empty (the run never
    finished) as ``{"run": <its name>, "unfinished": true}``."""
    text = path.read_text("utf-8")
    report = json.loads(text) if text.strip() else {"run": path.stem, "unfinished": True}
    yield json.dumps(report, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def is_readable_report(path: Path) -> bool:
    """Whether a report can be compacted: empty (never finished) or a JSON object."""
    try:
        text = path.read_text("utf-8")
        return not text.strip() or isinstance(json.loads(text), dict)
    except (OSError, ValueError):
        return False


def index_month_archive(part: Path, month_file: Path) -> None:
    """Write the CDXJ index of a month's archive (``part``, to become ``month_file``)."""
    index = index_path(month_file)
    index_part = index.with_name(index.name + COMPACT_PART)
    lines = cdxj_lines(part, filename=month_file.name)
    with locked_part(index_part) as out:
        if out is None:
            raise OSError(f"{index_part} is being written by another process")
        out.write("".join(f"{line}\n" for line in lines).encode("utf-8"))
        out.flush()
        os.fsync(out.fileno())
        os.replace(index_part, index)


def is_whole_named_archive(path: Path) -> bool:
    """Whether an archive is named by its run's start, as the archive middleware names them
    (one gzip member per record), and reads whole to its end: others' archives, and a
    damaged one (the month's index would stop at the damage and miss every later archive's
    records), are left as they are (the damage is a WARNING, :func:`iter_records`)."""
    if name_time(path.name) is None:
        return False
    end = 0
    for _record, offset, length in iter_records(path):
        end = offset + length
    return end == path.stat().st_size


@dataclass
class RetentionResult:
    """What a retention pass did: run files compacted and month files written, by kind."""

    compacted: dict[str, int] = field(default_factory=dict)
    months: dict[str, list[str]] = field(default_factory=dict)
    failed: list[str] = field(default_factory=list)
    parts_removed: int = 0

    def stats(self) -> dict[str, int]:
        """The pass as ``antara/retention/...`` stats."""
        figures = {f"{STAT}failed": len(self.failed), f"{STAT}parts_removed": self.parts_removed}
        for kind, count in self.compacted.items():
            figures[f"{STAT}{kind}/compacted"] = count
            figures[f"{STAT}{kind}/months"] = len(self.months.get(kind, []))
        return figures


def archive_index(source: Path) -> list[Path]:
    """Files removed with a run's archive: its CDXJ index."""
    return [index_path(source)]


@dataclass(frozen=True)
class RunFiles:
    """One kind of run file: which files, their month file's suffix, how they are compacted
    (:func:`compact_month`), and which can be (``accept``)."""

    pattern: str
    suffix: str
    content: Content | None = None
    companions: Callable[[Path], list[Path]] = no_companions
    index: Callable[[Path, Path], None] | None = None
    accept: Callable[[Path], bool] = lambda _path: True


RUN_FILES = {
    "feeds": RunFiles("*.jsonl", ".jsonl", content=feed_line_ending),
    "reports": RunFiles("*.json", ".jsonl", content=report_line, accept=is_readable_report),
    "archives": RunFiles(
        f"*{WARC_SUFFIX}",
        WARC_SUFFIX,
        companions=archive_index,
        index=index_month_archive,
        accept=is_whole_named_archive,
    ),
}
"""The run files of each kind: ``feeds``, ``reports``, ``archives``."""


def compact_directory(
    kind: str, directory: Path, cutoff: datetime, result: RetentionResult
) -> None:
    """Compact the run files of one kind (:data:`RUN_FILES`) in ``directory`` whose whole
    month is before ``cutoff``, adding what was done to ``result``."""
    files = RUN_FILES[kind]
    result.compacted.setdefault(kind, 0)
    result.months.setdefault(kind, [])
    if not directory.is_dir():
        return
    result.parts_removed += len(remove_leftover_parts(directory, COMPACT_PART))
    paths = [
        path
        for path in directory.glob(files.pattern)
        if path.is_file() and not is_month_file(path, files.suffix)
    ]
    for month, candidates in months_before(paths, cutoff).items():
        sources = [path for path in candidates if files.accept(path)]
        if not sources:
            continue
        month_file = directory / f"{month}{files.suffix}"
        try:
            count = compact_month(
                month_file,
                sources,
                content=files.content,
                companions=files.companions,
                index=files.index,
            )
        except (OSError, ValueError) as exc:
            logger.error("Retention: %s not compacted into %s: %s", kind, month_file, exc)
            result.failed.append(f"{month_file}: {exc}")
            continue
        if count:
            result.compacted[kind] += count
            result.months[kind].append(month_file.name)
            logger.info("Retention: %d %s compacted into %s", count, kind, month_file)


def apply_retention(
    directories: dict[str, Path], days: int, now: datetime | None = None
) -> RetentionResult:
    """Compact the feeds, reports and archives (``directories`` by kind) of the months that
    ended more than ``days`` days before ``now``."""
    cutoff = (now or datetime.now(timezone.utc)) - timedelta(days=days)
    result = RetentionResult()
    for kind, directory in directories.items():
        compact_directory(kind, directory, cutoff, result)
    return result


# -- the component ----------------------------------------------------------------------


def feed_directory(uri: str) -> Path | None:
    """The local directory of the default feed (``ANTARA_FEED_URI``), or None."""
    if "://" in uri and not uri.startswith("file://"):
        return None
    parent = Path(uri.removeprefix("file://")).parent
    return None if "%(" in str(parent) else parent


class Retention:
    """Compacts old run files by month at the end of each run (``ANTARA_RETENTION_DAYS``;
    not configured at 0, the default).

    It runs when the engine stops: the run's feed, report reservation and archive are then
    settled, and the pass's figures (``antara/retention/...`` stats) reach the run report
    and the summary, which :class:`antara_crawl.extensions.RunReport` writes on the same
    signal, after this extension (its lower ``EXTENSIONS`` order connects it first).
    """

    def __init__(self, crawler: Crawler, days: int) -> None:
        self.crawler = crawler
        self.days = days
        settings = crawler.settings
        self.directories: dict[str, Path] = {}
        feeds = feed_directory(str(settings.get("ANTARA_FEED_URI") or ""))
        if feeds is not None:
            self.directories["feeds"] = feeds
        self.directories["reports"] = Path(settings["ANTARA_RUNS_DIR"])
        archives = parse_archive_setting(settings.get("ANTARA_ARCHIVE") or "")
        if archives is not None:
            self.directories["archives"] = archives

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        days = int(number_setting(crawler.settings, "ANTARA_RETENTION_DAYS"))
        if not days:
            raise NotConfigured  # quietly: keeping everything is the default
        retention = cls(crawler, days)
        crawler.signals.connect(retention.engine_stopped, signal=signals.engine_stopped)
        return retention

    def engine_stopped(self) -> None:
        result = apply_retention(self.directories, self.days)
        stats = self.crawler.stats
        assert stats is not None
        stats.set_value(f"{STAT}days", self.days)
        for name, value in result.stats().items():
            stats.set_value(name, value)
