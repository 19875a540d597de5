"""Factors that exclude each other in one case: a variant never carries both, so its narrative never says
"no earlier similar violation" and "penalised for the same act within the past year" at once.

Built in: the pairs the law's own words make contradictory (初次违法 / 一年内因同一违法行为受过处罚 or 屡查屡犯;
没有造成危害后果 / 危害后果轻微 or 有危害后果). A template adds its own sets with ``exclusive:``. The draw skips a
circumstance whose factors would clash with those already drawn (the first listed wins; the random sequence is
unchanged, so the other circumstances of a seed stay the same); the loader refuses a circumstance that brings
both of a pair; ``self_contradictions`` finds a variant that carries a clash anyway (``kit scenario check``)."""

from __future__ import annotations

from collections.abc import Iterable

from ..i18n import msg

BUILTIN_EXCLUSIVE: tuple[frozenset[str], ...] = (
    frozenset({"first_violation", "repeat_violation"}),
    frozenset({"first_violation", "repeat_price_violation"}),
    frozenset({"no_harm", "minor_harm"}),
    frozenset({"no_harm", "harmful_consequences"}),
)


def exclusive_sets(template) -> tuple[frozenset[str], ...]:
    return BUILTIN_EXCLUSIVE + tuple(frozenset(s) for s in getattr(template, "exclusive", ()) or ())


def clash(factors: Iterable[str], sets: Iterable[frozenset[str]]) -> tuple[str, ...] | None:
    """Two or more factors of one exclusive set among ``factors`` (sorted), else None."""
    present = set(factors)
    for s in sets:
        both = present & s
        if len(both) > 1:
            return tuple(sorted(both))
    return None


def exclusive_problems(t, library, add) -> None:
    """Loader checks: a circumstance that brings two factors excluding each other; an unknown factor in a set."""
    sets = exclusive_sets(t)
    for i, c in enumerate(t.circumstances):
        both = clash(c.factors, sets)
        if both:
            add(("circumstances", i, "factors"), msg("load.t_exclusive"), msg("load.t_at_most_one", ids=" / ".join(both)),
                ", ".join(both))
    for i, group in enumerate(t.exclusive):
        for j, factor in enumerate(group):
            if factor not in library.factors:
                add(("exclusive", i, j), msg("load.c_unknown", kind=msg("load.kind_factor")),
                    msg("load.t_factor_of_library"), f"'{factor}'")
