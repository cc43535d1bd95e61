"""Cross-run state: which articles were emitted, with which content, when."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class StateConfig:
    """Where state lives: ``kind`` is ``sqlite``, ``redis`` or ``none``."""

    kind: str
    location: str


def parse_state_setting(value: str) -> StateConfig:
    """Read ``ANTARA_STATE``: a SQLite path, a ``redis://`` URL or ``none``; ValueError if bad."""
    value = value.strip()
    if not value or value.lower() == "none":
        return StateConfig("none", "")
    if value.startswith(("redis://", "rediss://", "unix://")):
        return StateConfig("redis", value)
    if "://" in value:
        raise ValueError(f"ANTARA_STATE={value!r}: use a file path, a redis:// URL or none")
    path = Path(value).expanduser()
    if path.is_dir():
        raise ValueError(f"ANTARA_STATE={value!r} is a directory, not a SQLite file")
    return StateConfig("sqlite", str(path))
