"""The library format, described from the models themselves: the JSON Schema (``docs/library-schema.json``)
and a field reference (``docs/library-format.md``). Both are generated; tests fail when the committed copies
are stale. Regenerate with ``kit schema`` or ``python -m kit.baselines.schema``."""

from __future__ import annotations

import enum
import json
import types
import typing
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from . import models
from .models import FORMAT_VERSION, LibraryFile, Node

DOCS = Path(__file__).resolve().parents[2] / "docs"
SCHEMA_FILE = "library-schema.json"
REFERENCE_FILE = "library-format.md"
REGENERATE = "kit schema  (or: python -m kit.baselines.schema)"


def json_schema() -> dict:
    """The JSON Schema of one library file (format version ``FORMAT_VERSION``)."""
    schema = LibraryFile.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://discretion-kit/schema/library-v{FORMAT_VERSION}.json",
        **schema,
        "title": f"discretion-kit library file, format version {FORMAT_VERSION}",
    }


def schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def node_models() -> list[type[Node]]:
    """Every node model of the format, in the order ``models.py`` defines them."""
    return [obj for obj in vars(models).values()
            if isinstance(obj, type) and issubclass(obj, Node) and obj is not Node]


def type_name(annotation: Any) -> str:
    """A readable name of a field's type: ``list[Provision]``, ``fine``, ``date or none``."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return type_name(args[0])
    if origin in (typing.Union, types.UnionType):
        members = [a for a in args if a is not type(None)]
        inner = [typing.get_args(m)[0] if typing.get_origin(m) is typing.Annotated else m for m in members]
        if len(inner) > 1 and all(isinstance(m, type) and m.__name__.endswith("Fine") for m in inner):
            text = "fine (" + " | ".join(m.__name__ for m in inner) + ")"
        else:
            text = " or ".join(type_name(m) for m in members)
        return text + (" or none" if type(None) in args else "")
    if origin is typing.Literal:
        return " | ".join(f"`{a}`" for a in args)
    if origin is list:
        return f"list of {type_name(args[0])}"
    if origin is dict:
        return f"mapping {type_name(args[0])} → {type_name(args[1])}"
    if isinstance(annotation, type):
        if issubclass(annotation, enum.Enum):
            return " | ".join(f"`{m.value}`" for m in annotation)
        if issubclass(annotation, BaseModel):
            return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
        if annotation is date:
            return "date (YYYY-MM-DD)"
        return {str: "text", float: "number", int: "whole number", bool: "true/false"}.get(
            annotation, annotation.__name__)
    return str(annotation)


def _default(field: Any) -> str:
    if field.is_required():
        return "**required**"
    if field.default_factory is not None:
        value = field.default_factory()
        return "empty" if value in ([], {}) else f"`{json.dumps(value, default=str, ensure_ascii=False)}`" \
            if not isinstance(value, BaseModel) else "defaults"
    if field.default is None or field.default is PydanticUndefined:
        return "absent"
    value = field.default.value if isinstance(field.default, enum.Enum) else field.default
    return f"`{json.dumps(value, ensure_ascii=False)}`"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def field_reference() -> str:
    """Markdown: every model of the format, every field, its type, default and description."""
    lines = [
        f"# Library format, version {FORMAT_VERSION}: field reference",
        "",
        "<!-- Generated from kit/baselines/models.py; do not edit by hand. Regenerate: "
        f"{REGENERATE}. -->",
        "",
        "Every library file is a YAML mapping with `format_version` and exactly one kind of content "
        "(see [LibraryFile](#libraryfile)). Every node accepts only the keys listed here; an unknown key, a "
        "duplicate key or a missing required key is an error that names the file, line, dotted path, what "
        f"was expected and what was found. The JSON Schema is in [`{SCHEMA_FILE}`]({SCHEMA_FILE}).",
        "",
    ]
    ordered = sorted(node_models(), key=lambda m: m is not LibraryFile)  # the file first, then as defined
    for model in ordered:
        lines += [f"## {model.__name__}", ""]
        doc = (model.__doc__ or "").strip()
        if doc:
            lines += [" ".join(doc.split()), ""]
        lines += ["| key | type | default | description |", "|---|---|---|---|"]
        for name, field in model.model_fields.items():
            lines.append(f"| `{name}` | {_cell(type_name(field.annotation))} | {_default(field)} | "
                         f"{_cell(field.description or '')} |")
        lines.append("")
    return "\n".join(lines)


def write_docs(folder: str | Path = DOCS) -> list[Path]:
    """Write the JSON Schema and the field reference into ``folder``; returns the files written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = [folder / SCHEMA_FILE, folder / REFERENCE_FILE]
    out[0].write_text(schema_text(), encoding="utf-8")
    out[1].write_text(field_reference(), encoding="utf-8")
    return out


def write_schema(path: str | Path = DOCS / SCHEMA_FILE) -> Path:
    path = Path(path)
    path.write_text(schema_text(), encoding="utf-8")
    return path


if __name__ == "__main__":  # python -m kit.baselines.schema [FOLDER]
    import sys

    for written in write_docs(*sys.argv[1:2]):
        print(written)
