"""Which baseline applies to a case: along the deciding authority's chain (county → municipal → provincial →
national), the version in force on the day, and the most specific one that does not conflict with a higher
one — a lower baseline that conflicts yields (苏政办发〔2023〕1号 三(二))."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta

from .hierarchy import Conflict, conflicts
from .library import Library
from .models import Baseline


@dataclass(frozen=True)
class Resolution:
    baseline: Baseline | None
    on: date
    chain: tuple[Baseline, ...] = ()  # in force along the chain, most specific first
    rejected: tuple[tuple[Baseline, tuple[Conflict, ...]], ...] = field(default_factory=tuple)


def in_force_chain(library: Library, matter: str, authority: str, on: date) -> tuple[Baseline, ...]:
    candidates = library.baselines_for(matter)
    found = []
    for link in library.authority_chain(authority):
        in_force = [b for b in candidates if b.authority == link.id and b.in_force(on)]
        if in_force:
            found.append(max(in_force, key=lambda b: b.effective_from))
    return tuple(found)


def _bounds(library: Library, matter: str) -> list[date]:
    """The days on which the set of the matter's baselines in force changes."""
    days = set()
    for b in library.baselines_for(matter):
        days.add(b.effective_from)
        if b.effective_to is not None:
            days.add(b.effective_to + timedelta(days=1))
    return sorted(days)


def resolve(library: Library, matter: str, authority: str, on: date, forced: str | None = None) -> Resolution:
    """The resolution on ``on``; the same for every day of a period in which no baseline of the matter starts or
    ends, so it is computed once per period (``Resolution.on`` is then the first day asked of that period)."""
    if forced is not None:
        return Resolution(library.baselines.get(forced), on)
    cache = library.cache
    bounds = cache.get(("bounds", matter))
    if bounds is None:
        bounds = cache[("bounds", matter)] = _bounds(library, matter)
    key = ("resolve", matter, authority, bisect_right(bounds, on))
    found = cache.get(key)
    if found is None:
        found = cache[key] = _resolve(library, matter, authority, on)
    return found


def _resolve(library: Library, matter: str, authority: str, on: date) -> Resolution:
    chain = in_force_chain(library, matter, authority, on)
    rejected: list[tuple[Baseline, tuple[Conflict, ...]]] = []
    for i, candidate in enumerate(chain):
        found = tuple(c for higher in chain[i + 1:] for c in conflicts(library, candidate, higher))
        if not found:
            return Resolution(candidate, on, chain, tuple(rejected))
        rejected.append((candidate, found))
    return Resolution(None, on, chain, tuple(rejected))


def resolve_baseline(library: Library, matter: str, authority: str, on: date,
                     forced: str | None = None) -> Baseline | None:
    return resolve(library, matter, authority, on, forced).baseline
