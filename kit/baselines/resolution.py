"""Which baseline applies to a case: the most specific baseline along the deciding authority's chain
(county → municipal → provincial → national) that is in force on the day of the act."""

from __future__ import annotations

from datetime import date

from .library import Library
from .models import Baseline


def resolve_baseline(library: Library, matter: str, authority: str, on: date,
                     forced: str | None = None) -> Baseline | None:
    if forced is not None:
        return library.baselines.get(forced)
    candidates = library.baselines_for(matter)
    for link in library.authority_chain(authority):
        in_force = [b for b in candidates if b.authority == link.id and library.in_force(b, on)]
        if in_force:
            return max(in_force, key=lambda b: b.effective_from)
    return None
