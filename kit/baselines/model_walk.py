"""Walking pydantic models alongside YAML data: which model a node must be, which keys it accepts, what a
field means. Shared by every located loader (library, templates) so their messages say the same things."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from .models import _fine_shape


def model_at(root: type[BaseModel], data: Any, loc: tuple) -> Any:
    """The model (or type) the node at ``loc`` must be."""
    model: Any = root
    node = data
    for part in loc:
        try:
            node = node[part] if isinstance(node, (dict, list)) else None
        except (KeyError, IndexError, TypeError):
            node = None
        model = _child(model, part, node)
    return model


def allowed_keys(root: type[BaseModel], data: Any, loc: tuple) -> list[str]:
    """The keys the model at ``loc`` accepts."""
    model = model_at(root, data, loc)
    return list(model.model_fields) if isinstance(model, type) and issubclass(model, BaseModel) else []


def field_description(root: type[BaseModel], data: Any, loc: tuple) -> str:
    """The description of field ``loc[-1]`` of the model at ``loc[:-1]`` ("" when unknown)."""
    model = model_at(root, data, loc[:-1])
    if isinstance(model, type) and issubclass(model, BaseModel) and loc and loc[-1] in model.model_fields:
        return (model.model_fields[loc[-1]].description or "").rstrip(".")
    return ""


def _child(annotation: Any, part: Any, node: Any) -> Any:
    annotation = _unwrap(annotation, node)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        field = annotation.model_fields.get(part) if isinstance(part, str) else None
        return _unwrap(field.annotation, node) if field else None
    if typing.get_origin(annotation) in (list, dict):
        return _unwrap(typing.get_args(annotation)[-1], node)
    return None


def _unwrap(annotation: Any, node: Any) -> Any:
    """Strip Optional/Annotated; for a union pick the member the node's shape selects."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in typing.get_args(annotation) if a is not type(None)]
            if len(members) == 1:
                annotation = members[0]
                continue
            tagged = {getattr(m, "tag", None): typing.get_args(member)[0] for member in members
                      if typing.get_origin(member) is typing.Annotated for m in typing.get_args(member)[1:]}
            if tagged:  # a discriminated union (fine shapes): the node's keys say which
                return tagged.get(_fine_shape(node), next(iter(tagged.values())))
            models = [m for m in members if isinstance(m, type) and issubclass(m, BaseModel)]
            lists = [m for m in members if typing.get_origin(m) is list]
            dicts = [m for m in members if typing.get_origin(m) is dict]
            if isinstance(node, dict) and models:
                annotation = models[0]
            elif isinstance(node, list) and lists:
                annotation = lists[0]
            elif isinstance(node, dict) and dicts:
                annotation = dicts[0]
            else:
                annotation = members[0]
        else:
            return annotation


# What pydantic puts in an error's location that is not in the data: union member tags and type names.
_TAGS = {"range", "max_only", "multiple", "per_unit", "fixed", "[key]", "float", "str", "Text", "int", "bool"}
_TAG_PREFIXES = ("list[", "dict[", "function-")


def data_loc(data: Any, loc: tuple) -> tuple:
    """A pydantic error location reduced to the parts present in the data (a missing key stays last)."""
    out: list = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            node = node[part]
            out.append(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
            out.append(part)
        elif isinstance(part, str) and (part in _TAGS or part.startswith(_TAG_PREFIXES)):
            continue
        else:
            out.append(part)
            node = None
    return tuple(out)
