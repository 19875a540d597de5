"""Baseline libraries: the format's models, the located loader, and the bundled sample library."""

from importlib.resources import files
from pathlib import Path

from .errors import LibraryError, LoadError
from .library import Library
from .loader import load_library
from .models import FORMAT_VERSION, Baseline, Factor, Matter, Provision
from .real import REAL_LIBRARIES, library_path
from .vocabulary import ILLUSTRATIVE_MARK, Direction, FactorKind, Level, PenaltyType

SAMPLE_LIBRARY = Path(str(files(__package__) / "sample"))


def sample_library() -> Library:
    """The bundled sample library (mostly constructed rows, each marked 示例，非正式文件)."""
    return load_library(SAMPLE_LIBRARY)


__all__ = [
    "Library", "LibraryError", "LoadError", "load_library", "sample_library", "SAMPLE_LIBRARY", "REAL_LIBRARIES",
    "library_path", "FORMAT_VERSION",
    "Baseline", "Factor", "Matter", "Provision", "ILLUSTRATIVE_MARK", "Direction", "FactorKind", "Level",
    "PenaltyType",
]
