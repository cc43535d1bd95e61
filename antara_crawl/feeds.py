"""Feed storage that never leaves a half-written feed behind, and the CSV exporter."""

from __future__ import annotations

import errno
import fcntl
import json
import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from scrapy.exporters import CsvItemExporter
from scrapy.extensions.feedexport import FileFeedStorage
from scrapy.utils.misc import load_object

from antara_crawl.relinking import FeedNotRewritable, relink_stream

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from typing_extensions import Self

logger = logging.getLogger(__name__)

PART_SUFFIX = ".part"


def remove_leftover_parts(directory: Path, suffix: str = PART_SUFFIX) -> list[Path]:
    """Remove the ``*.part`` (``suffix``) files in ``directory`` that no live process is
    writing (a writer holds a lock on its part file, which the system releases when it dies);
    returns them."""
    removed = []
    for part in sorted(directory.glob(f"*{suffix}")):
        try:
            with part.open("rb") as handle:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                part.unlink()
        except OSError:  # being written by a live run, or gone already
            continue
        removed.append(part)
    return removed


class AtomicFileFeedStorage(FileFeedStorage):
    """Local feeds written to ``<path>.part`` and moved into place only when complete.

    With ``-O`` (overwrite) and the default feed the finished file replaces the target
    atomically; with ``-o`` (append) the finished part is appended and synced. A crash
    leaves at most a ``.part`` file holding the items exported until then, never a feed
    with a half-written item; the next run's storage in that directory removes it. Before a
    feed is moved into place, the wire-copy links settled at the end of the run are applied
    to it (``duplicate_of``, :func:`antara_crawl.relinking.relink_stream`); a feed they cannot
    be applied to keeps its links as emitted, and says so in :attr:`relinks_missed` and
    :attr:`relink_problem` (the ``ArticleState`` extension logs and counts it).
    A feed that cannot be written is one ERROR line naming its path and the reason, and
    counts as a failed store (``feedexport/failed_count/AtomicFileFeedStorage``).
    """

    def __init__(
        self,
        uri: str,
        *,
        feed_options: dict[str, Any] | None = None,
        crawler: Crawler | None = None,
    ) -> None:
        super().__init__(uri, feed_options=feed_options)
        self.crawler = crawler
        self.feed_options = feed_options or {}
        self.format = self.feed_options.get("format")
        self.failed = False
        self.relinks_missed = 0
        self.relink_problem = ""
        directory = Path(self.path).parent
        if directory.is_dir():
            for part in remove_leftover_parts(directory):
                logger.warning("Removed %s, left by an interrupted run", part)

    @classmethod
    def from_crawler(
        cls, crawler: Crawler, uri: str, *, feed_options: dict[str, Any] | None = None
    ) -> Self:
        return cls(uri, feed_options=feed_options, crawler=crawler)

    def open(self, spider: Any) -> IO[Any]:
        final = Path(self.path)
        try:
            final.parent.mkdir(parents=True, exist_ok=True)
            # Unbuffered: each item reaches the part file whole as it is exported. Opened
            # without truncating, locked ("being written", see above), then emptied.
            handle = Path(f"{final}{PART_SUFFIX}").open("ab", buffering=0)  # noqa: SIM115
        except OSError as exc:
            self._fail(exc)
            return Path(os.devnull).open("wb")  # the items have nowhere to go
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            self._fail(OSError(errno.EBUSY, "another run is writing it"))
            return Path(os.devnull).open("wb")
        handle.truncate(0)
        return handle

    def store(self, file: IO[Any]) -> None:
        if self.failed:
            file.close()
            self._count_failure()
            return
        part, final = Path(f"{self.path}{PART_SUFFIX}"), Path(self.path)
        try:
            self._relink(file, part)
            file.flush()
            os.fsync(file.fileno())
            if self.write_mode == "ab" and final.exists():
                with part.open("rb") as source, final.open("ab") as target:
                    shutil.copyfileobj(source, target)
                    target.flush()
                    os.fsync(target.fileno())
                part.unlink()
            else:
                os.replace(part, final)
        except OSError as exc:
            self._fail(exc)
            self._count_failure()
        finally:
            file.close()

    def _relink(self, file: IO[Any], part: Path) -> None:
        """Apply the run's settled wire-copy links to the finished part file."""
        from antara_crawl.extensions import ArticleState  # the extension holding the store

        crawler = self.crawler
        state = crawler.get_extension(ArticleState) if crawler is not None else None
        relinks = state.relinks() if state is not None else {}
        if crawler is None or not relinks:
            return
        try:
            exporter = load_object(crawler.settings.getwithbase("FEED_EXPORTERS")[self.format])
            with part.open("rb") as source, tempfile.TemporaryFile(dir=part.parent) as relinked:
                changed = relink_stream(
                    source, relinked, relinks, exporter, crawler, self.feed_options
                )
                if changed:
                    relinked.seek(0)
                    file.seek(0)
                    file.truncate()
                    shutil.copyfileobj(relinked, file)
        except FeedNotRewritable as exc:
            self.relinks_missed, self.relink_problem = len(relinks), str(exc)

    def _fail(self, exc: OSError) -> None:
        self.failed = True
        logger.error("Feed %s cannot be stored: %s", self.path, exc.strerror or exc)

    def _count_failure(self) -> None:
        if self.crawler is not None and self.crawler.stats is not None:
            self.crawler.stats.inc_value(f"feedexport/failed_count/{type(self).__name__}")


class JsonFieldsCsvItemExporter(CsvItemExporter):
    """CSV whose nested fields (lists, objects: ``tags``, ``related``, ``police``) are JSON."""

    def serialize_field(self, field: Any, name: str, value: Any) -> Any:
        if isinstance(value, (list, dict)):
            return json.dumps(value, ensure_ascii=False, sort_keys=True)
        return super().serialize_field(field, name, value)
