"""Baseline libraries: the format's models, the located loader, and the bundled sample library."""

from importlib.resources import files
from pathlib import Path

from .errors import LibraryError, LoadError
from .library import Library
from .loader import load_library
from .models import FORMAT_VERSION, Baseline, Factor, Matter, Provision
from .vocabulary import ILLUSTRATIVE_MARK, Direction, FactorKind, Level, PenaltyType

SAMPLE_LIBRARY = Path(str(files(__package__) / "sample"))
REAL_LIBRARIES = Path(str(files(__package__) / "real"))
"""Real published tables imported by the kit's own importer (scripts/import-real-baselines.py): real/<name>."""


def library_path(text: str | Path) -> Path:
    """A library folder named on the command line: a path, or ``real/<name>`` for a shipped real library
    (when no such folder exists where the command runs), or ``sample``."""
    path = Path(text)
    if path.exists():
        return path
    parts = path.parts
    if len(parts) == 2 and parts[0] == "real" and (REAL_LIBRARIES / parts[1]).is_dir():
        return REAL_LIBRARIES / parts[1]
    if str(text) == "sample":
        return SAMPLE_LIBRARY
    return path


def sample_library() -> Library:
    """The bundled sample library (mostly constructed rows, each marked 示例，非正式文件)."""
    return load_library(SAMPLE_LIBRARY)


__all__ = [
    "Library", "LibraryError", "LoadError", "load_library", "sample_library", "SAMPLE_LIBRARY", "REAL_LIBRARIES",
    "library_path", "FORMAT_VERSION",
    "Baseline", "Factor", "Matter", "Provision", "ILLUSTRATIVE_MARK", "Direction", "FactorKind", "Level",
    "PenaltyType",
]
