"""Checks of a scored baseline's groups and formulas (references the loader cannot see in one node)."""

from __future__ import annotations

from collections.abc import Iterator

from .errors import LoadError
from .models import Baseline, Matter


def scored_checks(source, b: Baseline, matter: Matter, index, ref) -> Iterator[LoadError]:
    scoring = b.rules.scoring
    if scoring is None:
        return
    seen: dict[str, str] = {}
    for g, group in enumerate(scoring.groups):
        for factor in group.options:
            loc = ("baseline", "rules", "scoring", "groups", g, "options", factor)
            yield from ref(source, loc, "factor", factor, index)
            if factor in seen or factor in scoring.weights:
                yield source.error(loc, "factor weighted twice", "each factor in one group or in weights, once",
                                   f"'{factor}' (also in {seen.get(factor, 'weights')})")
            seen[factor] = group.id
    facts = {f.id for f in matter.facts}
    kinds = set()
    for f, formula in enumerate(scoring.formulas):
        if formula.times == "base" and formula.base not in facts:
            yield source.error(("baseline", "rules", "scoring", "formulas", f, "base"), "unknown fact",
                               f"a fact of matter {matter.id} ({', '.join(sorted(facts))})", f"'{formula.base}'")
        if formula.applies in kinds:
            yield source.error(("baseline", "rules", "scoring", "formulas", f, "applies"), "two formulas for the "
                               "same cases", "one formula per applies (always; in_time/overdue; organisation/person)",
                               formula.applies)
        kinds.add(formula.applies)
