"""ANTARA_MIRROR: serve the crawl from a mirror while keeping the real ANTARA URLs."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit


def mirror_relpath(url: str) -> str:
    """The path of ``url`` inside a mirror: ``{host}{path}`` plus ``?{query}`` if any."""
    parts = urlsplit(url)
    rel = f"{(parts.hostname or '').lower()}{parts.path or '/'}"
    if parts.query:
        rel += f"?{parts.query}"
    return rel


def mirror_file(root: Path, relpath: str) -> Path | None:
    """The file that holds ``relpath`` in a wget ``--mirror --adjust-extension`` tree.

    Tries the file itself, then with ``.html`` appended, then ``index.html`` inside it.
    Returns None when the mirror has no such page or the path leaves ``root``.
    """
    relpath = unquote(relpath).lstrip("/")
    base = root.resolve()
    target = (base / relpath).resolve() if relpath else base
    if target != base and base not in target.parents:
        return None
    candidates = [target, target.with_name(target.name + ".html")] if target != base else []
    candidates.append(target / "index.html")
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    return None
