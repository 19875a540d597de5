"""Cycles that would make resolution loop or silently stop: an authority that is its own ancestor (``parent``),
a baseline that refines itself through others (``refines``). Each cycle is one load error, reported at the
member whose id sorts first, naming the whole cycle."""

from __future__ import annotations

from typing import TYPE_CHECKING
from collections.abc import Iterator

from ..i18n import msg
from .errors import LoadError
from .models import LibraryFile

if TYPE_CHECKING:
    from .loader import Source


def _cycles(links: dict[str, str | None]) -> list[list[str]]:
    """Each cycle of the ``id → next id`` map once, starting at its smallest id."""
    found: dict[tuple[str, ...], list[str]] = {}
    for start in links:
        path, seen, current = [], set(), start
        while current is not None and current in links and current not in seen:
            seen.add(current)
            path.append(current)
            current = links[current]
        if current is not None and current in seen:
            cycle = path[path.index(current):]
            first = cycle.index(min(cycle))
            cycle = cycle[first:] + cycle[:first]
            found.setdefault(tuple(cycle), cycle)
    return list(found.values())


def cycle_errors(parsed: list[tuple[Source, LibraryFile]]) -> Iterator[LoadError]:
    parents: dict[str, str | None] = {}
    refines: dict[str, str | None] = {}
    where: dict[tuple[str, str], tuple[Source, tuple]] = {}
    for source, model in parsed:
        for i, a in enumerate(model.authorities):
            parents.setdefault(a.id, a.parent)
            where.setdefault(("authority", a.id), (source, ("authorities", i, "parent")))
        if model.baseline is not None:
            refines.setdefault(model.baseline.id, model.baseline.refines)
            where.setdefault(("baseline", model.baseline.id), (source, ("baseline", "refines")))
    for kind, links, field in (("authority", parents, "parent"), ("baseline", refines, "refines")):
        for cycle in _cycles(links):
            source, loc = where[(kind, cycle[0])]
            yield source.error(loc, msg("load.c_circular", field=field), msg(f"load.c_chain_{field}"),
                               " → ".join([*cycle, cycle[0]]))
