"""Inputs the engine must refuse, and the one error that says so: ``CaseError``.

A fact the selected tier or formula needs that the case does not give (never read as 0, which would silently
turn a fine into a warning), a negative amount, NaN, ∞ or an absurd magnitude, dates in the wrong order, a
factor or fact the library or the matter does not know, a forced baseline of another matter: each is one
*problem* ``(loc, problem, expected, found)``, ``loc`` a dotted path inside the case. ``load_cases`` reports
them located in the file (line, column); ``evaluate`` raises ``CaseError`` with the same words."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..baselines.library import Library
    from .case import Case

Problem = tuple[tuple, str, str, str]
MAX_VALUE = 1e12  # 一万亿: no fine base, count or ratio of a real case comes near it


def dotted(loc: tuple) -> str:
    return ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in loc).replace(".[", "[")


class CaseError(ValueError):
    """A case the engine refuses; ``problems`` holds every problem found, each with its dotted place."""

    def __init__(self, case_id: str, problems: list[Problem]):
        self.case_id = case_id
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self) -> str:
        lines = [f"case '{self.case_id}': {dotted(loc)}: {problem} — expected {expected}; found {found}"
                 for loc, problem, expected, found in self.problems]
        return "\n".join(lines)


def value_problems(where: tuple, value: object) -> list[Problem]:
    """A fact's (or a factor's) number: finite, not negative, not absurdly large."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return []
    if math.isnan(value):
        return [(where, "not a number", "a finite amount, count or ratio", "NaN")]
    if math.isinf(value):
        return [(where, "infinite value", "a finite amount, count or ratio", "∞" if value > 0 else "−∞")]
    if value < 0:
        return [(where, "negative value", "an amount, count or ratio of 0 or more", f"{value:g}")]
    if value > MAX_VALUE:
        return [(where, "absurd magnitude", f"at most {MAX_VALUE:,.0f}", f"{value:g}")]
    return []


def input_problems(library: Library, case: Case) -> list[Problem]:
    """What in a well-formed case the engine cannot read (numbers, dates, a baseline of another matter).
    The ids (matter, authority, factors, facts) are checked by ``case.reference_problems``."""
    out: list[Problem] = []
    for name, value in case.facts.items():
        if not 0 <= value <= MAX_VALUE:  # NaN fails both comparisons
            out += value_problems(("facts", name), value)
    for name, value in case.factors.items():
        if value is not True and not 0 <= value <= MAX_VALUE:
            out += value_problems(("factors", name), value)
    d = case.dates
    start = d.act_start
    if (d.act_end is not None and d.act_end < start) or (d.discovered is not None and d.discovered < start) \
            or (d.decided is not None and d.decided < start):
        for later in ("act_end", "discovered", "decided"):
            value = getattr(d, later)
            if value is not None and value < start:
                out.append((("dates", later), f"{later} before act_start", f"a date on or after {start}",
                            str(value)))
    if d.decided is not None and d.discovered is not None and d.decided < d.discovered:
        out.append((("dates", "decided"), "decided before discovered", f"a date on or after {d.discovered}",
                    str(d.decided)))
    if case.baseline is not None:
        forced = library.baselines.get(case.baseline)
        if forced is not None and forced.matter != case.matter:
            out.append((("baseline",), "a baseline of another matter", f"a baseline of matter {case.matter}",
                        f"'{case.baseline}' (matter {forced.matter})"))
    return out


def missing_fact(case_id: str, fact: str, needed_by: str, matter) -> CaseError:
    """The selected tier or formula needs ``fact`` and the case does not give it."""
    known = next((f for f in matter.facts if f.id == fact), None)
    label = f" ({known.zh})" if known else ""
    return CaseError(case_id, [(("facts", fact), f"missing fact{label}", f"a value for {fact}, which {needed_by} "
                                "needs", "nothing")])
