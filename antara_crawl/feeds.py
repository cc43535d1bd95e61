"""Feed storage that never leaves a half-written feed behind."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import IO, Any

from scrapy.extensions.feedexport import FileFeedStorage


class AtomicFileFeedStorage(FileFeedStorage):
    """Local feeds written to ``<path>.part`` and moved into place only when complete.

    With ``-O`` (overwrite) and the default feed the finished file replaces the target
    atomically; with ``-o`` (append) the finished part is appended and synced. A crash
    leaves at most a ``.part`` file holding the items exported until then, never a feed
    with a half-written item.
    """

    def open(self, spider: Any) -> IO[Any]:
        final = Path(self.path)
        final.parent.mkdir(parents=True, exist_ok=True)
        # Unbuffered: each item reaches the part file whole as it is exported.
        return Path(f"{final}.part").open("wb", buffering=0)

    def store(self, file: IO[Any]) -> None:
        file.flush()
        os.fsync(file.fileno())
        file.close()
        part, final = Path(f"{self.path}.part"), Path(self.path)
        if self.write_mode == "ab" and final.exists():
            with part.open("rb") as source, final.open("ab") as target:
                shutil.copyfileobj(source, target)
                target.flush()
                os.fsync(target.fileno())
            part.unlink()
        else:
            os.replace(part, final)
