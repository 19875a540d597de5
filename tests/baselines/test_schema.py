"""The format documents itself: every field has a description, and the committed JSON Schema and field
reference in docs/ are what the models generate now."""

from __future__ import annotations

import json

import pytest

from kit.baselines import schema
from kit.baselines.models import LibraryFile

STALE = "docs/{name} is stale: regenerate it with `kit schema` (or `python -m kit.baselines.schema`)"


def test_every_model_and_field_is_described():
    models = schema.node_models()
    assert LibraryFile in models and len(models) > 20
    undocumented = [f"{m.__name__}.{name}" for m in models for name, field in m.model_fields.items()
                    if not (field.description or "").strip()]
    assert not undocumented, f"fields without a description: {undocumented}"
    assert not [m.__name__ for m in models if not (m.__doc__ or "").strip()]


def test_every_field_is_in_the_reference():
    text = schema.field_reference()
    for model in schema.node_models():
        section = text.split(f"## {model.__name__}\n", 1)[1].split("\n## ", 1)[0]
        for name in model.model_fields:
            assert f"| `{name}` |" in section, f"{model.__name__}.{name} missing from the reference"


@pytest.mark.parametrize("name, generate", [
    (schema.SCHEMA_FILE, schema.schema_text),
    (schema.REFERENCE_FILE, schema.field_reference),
])
def test_committed_docs_are_current(name, generate):
    path = schema.DOCS / name
    assert path.is_file(), STALE.format(name=name)
    assert path.read_text(encoding="utf-8") == generate(), STALE.format(name=name)


def test_schema_is_json_schema_of_a_library_file():
    data = json.loads((schema.DOCS / schema.SCHEMA_FILE).read_text(encoding="utf-8"))
    assert data["$schema"].startswith("https://json-schema.org/")
    assert data["required"] == ["format_version"]
    assert data["additionalProperties"] is False
    assert {"Baseline", "Matter", "RangeFine"} <= set(data["$defs"])
