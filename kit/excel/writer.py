"""Write library files (format v1) as YAML with ruamel: keys in the models' order, defaults left out."""

from __future__ import annotations

import datetime as dt
import enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML

from kit.baselines.models import LibraryFile


def plain(value: Any) -> Any:
    """Models, enums and whole floats → plain YAML values (dates stay dates)."""
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="python", exclude_defaults=True)
    if isinstance(value, dict):
        return {plain(k): plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    if isinstance(value, (str, int, float, bool, dt.date)) or value is None:
        return value
    return str(value)


def file_data(data: dict) -> dict:
    """Validate one file's data as a ``LibraryFile`` and return it ready to dump."""
    model = LibraryFile.model_validate(plain(data)) if not isinstance(data, LibraryFile) else data
    out = plain(model)
    out = {"format_version": 1, **{k: v for k, v in out.items() if k != "format_version"}}
    return out


def write_library(files: dict[str, dict], out: Path) -> None:
    """``files``: relative path → file data (models or dicts). Every file is validated before any is written."""
    ready = {rel: file_data(data) for rel, data in files.items()}
    yaml = YAML()
    yaml.default_flow_style = None
    yaml.width = 4096
    yaml.allow_unicode = True
    for rel, data in ready.items():
        path = Path(out) / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8") as fh:
            yaml.dump(data, fh)
