"""Checks of a scored baseline's groups and formulas (references the loader cannot see in one node)."""

from __future__ import annotations

from collections.abc import Iterator

from ..i18n import msg
from .errors import LoadError
from .models import Baseline, Matter
from .checks_words import fact_of


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
                yield source.error(loc, msg("load.c_weighted_twice"), msg("load.c_weighted_once"),
                                   msg("load.f_also_in", id=factor, where=seen.get(factor, "weights")))
            seen[factor] = group.id
    facts = {f.id for f in matter.facts}
    kinds = set()
    for f, formula in enumerate(scoring.formulas):
        if formula.times == "base" and formula.base not in facts:
            yield source.error(("baseline", "rules", "scoring", "formulas", f, "base"), msg("load.c_unknown_fact"),
                               fact_of(matter.id, facts), f"'{formula.base}'")
        if formula.applies in kinds:
            yield source.error(("baseline", "rules", "scoring", "formulas", f, "applies"), msg("load.c_two_formulas"),
                               msg("load.c_one_formula"), formula.applies)
        kinds.add(formula.applies)
