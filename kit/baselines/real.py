"""The real published tables shipped with the kit (``real/<name>``), imported by the kit's own importer from
the originals in the repository's data/real-originals (scripts/import-real-baselines.py regenerates them)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

REAL_LIBRARIES = Path(str(files(__package__) / "real"))
"""Folder of the real libraries: real/jiangmen-ecology, real/shenzhen-urban, …"""


def real_names() -> list[str]:
    return sorted(p.name for p in REAL_LIBRARIES.iterdir() if p.is_dir()) if REAL_LIBRARIES.is_dir() else []


def library_path(text: str | Path) -> Path:
    """A library named on the command line: a path; or ``real/<name>`` for a shipped real library when no
    such folder exists where the command runs."""
    path = Path(text)
    if path.exists():
        return path
    parts = path.parts
    if len(parts) == 2 and parts[0] == "real" and (REAL_LIBRARIES / parts[1]).is_dir():
        return REAL_LIBRARIES / parts[1]
    return path
