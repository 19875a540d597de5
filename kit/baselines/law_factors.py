"""The factor and fact ids the engine applies the Administrative Penalty Law through (``law_factors.yaml``): data,
not constants in the engine. Read once, when first imported, and checked: every role given, each an id (or, for
the Art. 33 conjunctions, a list of ids)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import yaml

from ..i18n import Msg, msg
from ..i18n.errors import Lines
from ..i18n.validation import Refusal, show

ONE = ("suspected_crime", "harmful_consequences", "partial_capacity", "no_fault", "serious", "first_violation",
       "repeat_violation")
ALL_OF = ("minor", "first")
FACTS = ("illegal_gains", "refund_owed")


@dataclass(frozen=True, slots=True)
class LawFactors:
    suspected_crime: str
    harmful_consequences: str
    partial_capacity: str
    no_fault: str
    serious: str
    first_violation: str
    repeat_violation: str
    minor: tuple[str, ...]
    first: tuple[str, ...]
    illegal_gains: str
    refund_owed: str


def parse(data: object, where: str = "law_factors.yaml") -> LawFactors:
    """``LawFactors`` from the file's data; a ``Refusal`` (a ``ValueError``) naming every missing or malformed role
    at once, in the reader's language (``kit.i18n.errors.said``)."""
    problems: list[Msg] = []
    if not isinstance(data, dict):
        raise Refusal(msg("errors.law_factors_not_mapping", where=where, found=show(data)))
    factors, facts = data.get("factors") or {}, data.get("facts") or {}
    values: dict[str, object] = {}
    for section, names, table in (("factors", ONE + ALL_OF, factors), ("facts", FACTS, facts)):
        for name in names:
            value = table.get(name) if isinstance(table, dict) else None
            if name in ALL_OF:
                ok = isinstance(value, list) and value and all(isinstance(v, str) and v for v in value)
                values[name] = tuple(value) if ok else None
            else:
                ok = isinstance(value, str) and bool(value)
                values[name] = value
            if not ok:
                problems.append(msg("errors.law_factors_role", where=where, path=f"{section}.{name}", found=show(value),
                                    expected=msg("errors.law_factors_ids" if name in ALL_OF else "errors.law_factors_an_id")))
        extra = sorted(set(table) - set(names)) if isinstance(table, dict) else []
        problems += [msg("errors.law_factors_unknown", where=where, path=f"{section}.{k}", names=", ".join(names))
                     for k in extra]
    if problems:
        raise Refusal(Lines(problems))
    return LawFactors(**values)  # type: ignore[arg-type]


LAW_FACTORS = parse(yaml.safe_load((resources.files(__package__) / "law_factors.yaml").read_text(encoding="utf-8")))
