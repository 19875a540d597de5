"""One path from a pydantic ``ValidationError`` to located messages, for every loader that validates a model.

``problems(exc)`` gives, per error, the dotted path inside the model (``tiers.0.fine.min``), the first key of
that path (the column or field a loader maps to a place in its file), and the error in the kit's words: what is
wrong (``problem``), what was expected (``expected``) and what was found (``found``), as catalog messages
(``load.*``, kit/i18n/messages/load.yaml) read by pydantic's error ``type`` and ``ctx`` — never pydantic's
English ``msg``. Loaders add the place (file, line, row, column) they know; ``describe`` is the same wording for
a loader that walks the errors itself. A validator of a kit model refuses with ``Refusal(msg(...))`` so that its
reason is a catalog message too.

An error type with no entry here reads "wrong value — expected a valid value" rather than pydantic's English;
``tests/i18n/test_validation_types.py`` collects the types the kit's models produce from a corpus of broken
inputs and fails on one without an entry."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError

from .message import Msg, msg

Found = Msg | str


class Refusal(ValueError):
    """A validator's refusal in catalog words: ``raise Refusal(msg("load.v_individual_tier"))``. Pydantic
    reports it as a ``value_error`` whose ``expected`` is this message (its ``str`` is the Chinese default)."""

    def __init__(self, message: Msg):
        super().__init__(message.render())
        self.message = message


def show(value: object, limit: int = 80) -> Found:
    """A short printable form of a found value, as the author wrote it (not as Python would print it)."""
    if value is None:
        return msg("load.nothing")
    if isinstance(value, (date, datetime)):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= limit else text[: limit - 1] + "…"


# type → (problem key, expected key): the errors whose words need nothing from ctx
_SIMPLE: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("int_parsing", "int_type", "int_from_float", "int_parsing_size"), ("wrong_type", "whole_number")),
    **dict.fromkeys(("float_parsing", "float_type", "decimal_parsing", "decimal_type"), ("wrong_type", "number")),
    **dict.fromkeys(("bool_parsing", "bool_type"), ("wrong_type", "true_false")),
    **dict.fromkeys(("list_type", "tuple_type", "set_type", "iterable_type"), ("wrong_type", "a_list")),
    **dict.fromkeys(("dict_type", "model_type", "model_attributes_type", "dataclass_type"), ("wrong_type", "a_mapping")),
    **dict.fromkeys(("date_parsing", "date_type", "date_from_datetime_parsing", "date_from_datetime_inexact",
                     "datetime_parsing", "datetime_type", "datetime_from_date_parsing"), ("not_a_date", "a_date")),
    "finite_number": ("wrong_value", "finite"),
    "fine_shape": ("not_a_fine", "fine_shapes"),
    "none_required": ("wrong_value", "nothing_here"),
}
_BOUNDS = {"greater_than_equal": ("ge", "≥"), "greater_than": ("gt", ">"), "less_than_equal": ("le", "≤"),
           "less_than": ("lt", "<"), "multiple_of": ("multiple_of", "×")}
_PATTERNS = {r"^\d{6}$": "six_digits"}
KNOWN_TYPES = frozenset({*_SIMPLE, *_BOUNDS, "missing", "extra_forbidden", "literal_error", "enum", "string_type",
                         "string_too_short", "too_short", "string_too_long", "too_long", "string_pattern_mismatch",
                         "union_tag_invalid", "union_tag_not_found", "value_error", "assertion_error"})
"""The pydantic error types with words of their own (``tests/i18n`` checks the kit's models produce no other)."""


def _options(expected: str) -> str:
    """pydantic's ``"'a', 'b' or 'c'"`` → ``'a', 'b', 'c'`` (its English "or" dropped)."""
    return ", ".join(p for p in re.findall(r"'[^']*'|[^',\s]+", expected) if p != "or")


def describe(err: Mapping[str, Any], *, allowed: Sequence[str] = ()) -> tuple[Msg, Msg, Found]:
    """(problem, expected, found) of one pydantic error, in the kit's words. ``allowed``: the keys the node
    accepts (for an unknown key). (A missing field is named, not described: the models' descriptions are
    documentation, in English mixed with the statute's Chinese terms, not messages in either language.)"""
    kind = str(err["type"])
    ctx = err.get("ctx") or {}
    value = err.get("input")
    loc = tuple(err.get("loc") or ())
    key = str(loc[-1]) if loc else ""
    if kind == "missing":
        return msg("load.p_missing_key", key=key), msg("load.x_key", key=key), msg("load.f_no_such_key")
    if kind == "extra_forbidden":
        return (msg("load.p_unknown_key", key=key), msg("load.x_keys", keys=", ".join(allowed)) if allowed
                else msg("load.x_no_key"), f"'{key}'")
    if kind in _SIMPLE:
        problem_key, expected_key = _SIMPLE[kind]
        return msg(f"load.p_{problem_key}"), msg(f"load.x_{expected_key}"), show(value)
    if kind in _BOUNDS:
        name, sign = _BOUNDS[kind]
        return msg("load.p_wrong_value"), msg("load.x_bound", sign=sign, bound=show(ctx.get(name))), show(value)
    if kind in ("literal_error", "enum"):
        return msg("load.p_not_allowed"), msg("load.x_one_of", options=_options(str(ctx.get("expected", "")))), \
            show(value)
    if kind == "union_tag_invalid":
        return msg("load.p_not_allowed"), msg("load.x_one_of", options=_options(str(ctx.get("expected_tags", "")))), \
            show(ctx.get("tag", value))
    if kind == "union_tag_not_found":
        name = str(ctx.get("discriminator", "")).strip("'")
        return msg("load.p_missing_key", key=name), msg("load.x_key", key=name), msg("load.f_no_such_key")
    if kind == "string_type":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return msg("load.p_wrong_type"), msg("load.x_text_quoted", value=str(show(value)).strip("'")), show(value)
        return msg("load.p_wrong_type"), msg("load.x_text"), show(value)
    if kind in ("string_too_short", "too_short", "string_too_long", "too_long"):
        text = kind.startswith("string") or isinstance(value, str)
        if kind.endswith("too_short"):
            n = ctx.get("min_length", 1)
            return msg("load.p_wrong_value"), msg("load.x_min_chars" if text else "load.x_min_entries", n=n), \
                show(value)
        n = ctx.get("max_length", 0)
        return msg("load.p_wrong_value"), msg("load.x_max_chars" if text else "load.x_max_entries", n=n), show(value)
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if pattern in _PATTERNS:
            expected = msg(f"load.x_{_PATTERNS[pattern]}")
        elif "A-Za-z0-9" in pattern:
            expected = msg("load.x_id")
        else:
            expected = msg("load.x_pattern", pattern=pattern)
        return msg("load.p_wrong_value"), expected, show(value)
    if kind in ("value_error", "assertion_error"):
        error = ctx.get("error")
        reason = error.message if isinstance(error, Refusal) else msg("load.x_valid")
        return msg("load.p_wrong_value"), reason, show(value)
    return msg("load.p_wrong_value"), msg("load.x_valid"), show(value)


class EnglishOnly(Msg):
    """Words the kit does not write and has only in English (a YAML parser's complaint, the system's reason a
    file cannot be read): shown in parentheses in the English message, left out of the Chinese one (rather than
    putting English words into Chinese text)."""

    def __init__(self, text: str):
        super().__init__("load.about", {"text": text})

    def render(self, lang: Any = "zh") -> str:
        return super().render(lang) if lang == "en" else ""


@dataclass(frozen=True)
class Problem:
    loc: tuple[str | int, ...]
    kind: str
    problem: Msg
    expected: Msg
    found: Found
    input: object

    @property
    def path(self) -> str:
        return ".".join(map(str, self.loc))

    @property
    def field(self) -> str | None:
        """The first key of the path (a column, a top-level field), or None when the model itself is refused."""
        return str(self.loc[0]) if self.loc else None

    @property
    def message(self) -> Msg:
        """``wrong type — expected a number`` / ``类型不对——应为数字``."""
        return msg("load.problem_expected", problem=self.problem, expected=self.expected)

    def text(self, prefix: str = "") -> Msg:
        """``[prefix: ]path: message`` — the one wording of a validation problem."""
        where = ": ".join(p for p in (prefix, self.path) if p)
        return msg("load.at", where=where, text=self.message) if where else self.message


def problems(exc: ValidationError) -> list[Problem]:
    """Every error of ``exc``, in pydantic's order, one per mistake: an error at a node that errors inside it
    explain is dropped (pydantic counts a tuple's bad entries as absent and adds "too short" beside them; the
    YAML loaders drop the same in ``model_walk.shape_errors``)."""
    errors = exc.errors(include_url=False)
    deeper = {tuple(err["loc"])[:i] for err in errors for i in range(len(err["loc"]))}
    out = []
    for err in errors:
        if tuple(err["loc"]) in deeper and err["type"] != "missing":
            continue
        problem, expected, found = describe(err)
        out.append(Problem(tuple(err["loc"]), err["type"], problem, expected, found, err.get("input")))
    return out
