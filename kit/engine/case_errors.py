"""Inputs the engine must refuse, and the one error that says so: ``CaseError``.

A fact the selected tier or formula needs that the case does not give (never read as 0, which would silently
turn a fine into a warning), a negative amount, NaN, ∞ or an absurd magnitude, dates in the wrong order, a
factor or fact the library or the matter does not know, a forced baseline of another matter: each is one
*problem* ``(loc, problem, expected, found)``, ``loc`` a dotted path inside the case, ``problem`` and
``expected`` catalog messages (``kit.i18n.Msg``, ``messages/case_errors.yaml``) said in the reader's language,
``found`` the data as the case gives it. ``load_cases`` reports them located in the file (line, column);
``evaluate`` raises ``CaseError`` with the same words; ``report(lang)`` says them in either language."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ..i18n import DEFAULT_LANG, Lang, Msg, msg, say

if TYPE_CHECKING:
    from ..baselines.library import Library
    from .case import Case

Problem = tuple[tuple, Msg, Msg, "str | Msg"]  # (loc, problem, expected, found): found is data, as written, or
# a word (nothing, none) said in the reader's language
# an id the library lacks: (problem, expected) by kind
UNKNOWN = {kind: (msg(f"case_errors.unknown_{kind}"), msg(f"case_errors.{article}"))
           for kind, article in (("matter", "a_matter"), ("authority", "an_authority"), ("baseline", "a_baseline"),
                                 ("factor", "a_factor"))}
MAX_VALUE = 1e12  # 一万亿: no fine base, count or ratio of a real case comes near it


def dotted(loc: tuple) -> str:
    return ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in loc).replace(".[", "[")


class CaseError(ValueError):
    """A case the engine refuses; ``problems`` holds every problem found, each with its dotted place."""

    def __init__(self, case_id: str, problems: list[Problem]):
        self.case_id = case_id
        self.problems = list(problems)
        super().__init__(self.case_id)

    def report(self, lang: Lang = DEFAULT_LANG) -> str:
        return "\n".join(say(msg("case_errors.report_line", case=self.case_id, loc=dotted(loc), problem=problem,
                                  expected=expected, found=found), lang)
                         for loc, problem, expected, found in self.problems)

    def __str__(self) -> str:  # the default language (Chinese); report("en") for English
        return self.report()


def value_problems(where: tuple, value: object) -> list[Problem]:
    """A fact's (or a factor's) number: finite, not negative, not absurdly large."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return []
    if math.isnan(value):
        return [(where, msg("case_errors.not_a_number"), msg("case_errors.a_finite_value"), "NaN")]
    if math.isinf(value):
        return [(where, msg("case_errors.infinite"), msg("case_errors.a_finite_value"), "∞" if value > 0 else "−∞")]
    if value < 0:
        return [(where, msg("case_errors.negative"), msg("case_errors.zero_or_more"), f"{value:g}")]
    if value > MAX_VALUE:
        return [(where, msg("case_errors.absurd"), msg("case_errors.at_most", limit=f"{MAX_VALUE:,.0f}"),
                 f"{value:g}")]
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
                out.append((("dates", later), msg("case_errors.before_act_start", field=later),
                            msg("case_errors.on_or_after", day=start), str(value)))
    if d.decided is not None and d.discovered is not None and d.decided < d.discovered:
        out.append((("dates", "decided"), msg("case_errors.decided_before_discovered"),
                    msg("case_errors.on_or_after", day=d.discovered), str(d.decided)))
    if case.baseline is not None:
        forced = library.baselines.get(case.baseline)
        if forced is not None and forced.matter != case.matter:
            out.append((("baseline",), msg("case_errors.baseline_of_other_matter"),
                        msg("case_errors.baseline_of_matter", matter=case.matter),
                        f"'{case.baseline}' (matter {forced.matter})"))
    return out


def missing_fact(case_id: str, fact: str, needed_by: Msg, matter) -> CaseError:
    """The selected tier or formula (``needed_by``, a catalog message) needs ``fact`` and the case does not give it.
    The fact's label is the library's (Chinese) data, shown as written."""
    known = next((f for f in matter.facts if f.id == fact), None)
    label = f" ({known.zh})" if known else ""
    return CaseError(case_id, [(("facts", fact), msg("case_errors.missing_fact", label=label),
                                msg("case_errors.fact_needed_by", fact=fact, needed_by=needed_by), msg("case_errors.nothing"))])
