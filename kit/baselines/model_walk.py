"""Walking pydantic models alongside YAML data: which model a node must be, which keys it accepts, what a
field means, and ``shape_errors``: a model's validation errors as located ``LoadError`` values. Shared by every
located YAML loader (library, templates) so their messages say the same things, in the words of
kit/i18n/validation.py."""

from __future__ import annotations

import types
import typing
from typing import Any, Protocol

from pydantic import BaseModel, ValidationError

from ..i18n.validation import describe
from .errors import LoadError, Words
from .fines import _fine_shape


class Located(Protocol):
    """A file being loaded that can place an error (``loader.Source``)."""

    data: Any

    def error(self, loc: tuple, problem: Words, expected: Words, found: Words, *, at_key: bool = False) -> LoadError:
        ...


def shape_errors(source: Located, exc: ValidationError, root: type[BaseModel]) -> list[LoadError]:
    """Every error of validating ``source.data`` as ``root``, located, one message per mistake: a key that is
    not allowed (``levels.severe``) is one mistake, so what pydantic also says about its value is dropped; a
    union reports one mistake once per member, so the first is kept, and a member's "wrong type" at a node is
    dropped when another member found the real mistake inside it."""
    errs = [(err, data_loc(source.data, err["loc"])) for err in exc.errors(include_url=False)]
    bad_keys = {loc for err, loc in errs if err["loc"] and err["loc"][-1] == "[key]"}
    errs = [(err, loc) for err, loc in errs
            if not (err["loc"] and err["loc"][-1] != "[key]" and any(loc[:len(k)] == k for k in bad_keys))]
    deeper = {loc[:i] for _, loc in errs for i in range(len(loc))}
    seen: set[tuple] = set()
    out: list[LoadError] = []
    for err, loc in errs:
        if loc in seen or (loc in deeper and err["type"] != "missing"):
            continue
        seen.add(loc)
        kind = err["type"]
        allowed = allowed_keys(root, source.data, loc[:-1]) if kind == "extra_forbidden" else []
        problem, expected, found = describe({**err, "loc": loc}, allowed=allowed)
        out.append(source.error(loc, problem, expected, found, at_key=kind == "extra_forbidden"))
    return out


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
