"""Whole-library checks that a schema cannot express: unique ids across files, references, date order,
ranges inside the statute, contiguous sub-ranges. Each check yields located errors; all are collected."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any
from collections.abc import Iterable, Iterator

from ..i18n import Msg, msg
from .checks_words import fact_of, kind_word
from .cycles import cycle_errors
from .errors import LoadError
from .models import (
    Baseline,
    ExemptionList,
    FixedFine,
    LibraryFile,
    Matter,
    MaxOnlyFine,
    MultipleFine,
    PerUnitFine,
    RangeFine,
)
from .vocabulary import Level

if TYPE_CHECKING:  # pragma: no cover
    from .loader import Source


def fine_bounds(spec: object) -> tuple[float, float] | None:
    """(min, max) of a fine in its own units (yuan, or multiples of the base)."""
    if isinstance(spec, (RangeFine, MultipleFine)):
        return spec.min, spec.max
    if isinstance(spec, MaxOnlyFine):
        return 0.0, spec.max
    if isinstance(spec, FixedFine):
        return spec.amount, spec.amount
    return None


def units_of(spec: object) -> Msg:
    if isinstance(spec, MultipleFine):
        return msg("load.c_units_multiple", fact=spec.base)
    if isinstance(spec, PerUnitFine):
        return msg("load.c_units_per", fact=spec.per)
    return msg("load.c_units_yuan")


class _Index:
    """Ids defined anywhere in the library, with where each was first defined."""

    def __init__(self, parsed: list[tuple[Source, LibraryFile]], unloaded: Iterable[Any] = ()):
        self.ids: dict[str, dict[str, tuple[Source, tuple]]] = {
            k: {} for k in ("authority", "factor", "matter", "provision", "baseline", "list")
        }
        # Ids written in files that failed to validate: a reference to one is not reported as unknown, since
        # the file's own errors already say what is wrong (one mistake, one message).
        self.unloaded: dict[str, set[str]] = {k: set() for k in self.ids}
        for data in unloaded:
            for kind, id_ in _raw_ids(data):
                self.unloaded[kind].add(id_)
        self.duplicates: list[LoadError] = []
        self.matters: dict[str, Matter] = {}
        self.baselines: dict[str, Baseline] = {}
        for source, model in parsed:
            for i, a in enumerate(model.authorities):
                self._add("authority", a.id, source, ("authorities", i, "id"))
            for i, f in enumerate(model.factors):
                self._add("factor", f.id, source, ("factors", i, "id"))
            if model.matter:
                self._add("matter", model.matter.id, source, ("matter", "id"))
                self.matters.setdefault(model.matter.id, model.matter)
                for i, p in enumerate(model.matter.provisions):
                    self._add("provision", p.id, source, ("matter", "provisions", i, "id"))
            if model.baseline:
                self._add("baseline", model.baseline.id, source, ("baseline", "id"))
                self.baselines.setdefault(model.baseline.id, model.baseline)
            if model.exemption_list:
                self._add("list", model.exemption_list.id, source, ("exemption_list", "id"))

    def _add(self, kind: str, id_: str, source: Source, loc: tuple) -> None:
        seen = self.ids[kind]
        if id_ in seen:
            first, first_loc = seen[id_]
            line = first.error(first_loc, "", "", "").line
            self.duplicates.append(source.error(loc, msg("load.c_duplicate_id", kind=kind_word(kind)),
                                                msg("load.c_unused_id"),
                                                msg("load.f_already_in", id=id_, where=f"{first.file}:{line}")))
        else:
            seen[id_] = (source, loc)

    def has(self, kind: str, id_: str | None) -> bool:
        return id_ is not None and (id_ in self.ids[kind] or id_ in self.unloaded[kind])


def _raw_ids(data: Any) -> Iterator[tuple[str, str]]:
    """(kind, id) of whatever ids a file's raw data holds, however broken the rest of it is."""
    if not isinstance(data, dict):
        return

    def ids(nodes: Any) -> Iterator[str]:
        for node in nodes if isinstance(nodes, list) else [nodes]:
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                yield node["id"]

    yield from (("authority", i) for i in ids(data.get("authorities")))
    yield from (("factor", i) for i in ids(data.get("factors")))
    yield from (("matter", i) for i in ids(data.get("matter")))
    yield from (("baseline", i) for i in ids(data.get("baseline")))
    yield from (("list", i) for i in ids(data.get("exemption_list")))
    matter = data.get("matter")
    if isinstance(matter, dict):
        yield from (("provision", i) for i in ids(matter.get("provisions")))


def check_library(parsed: list[tuple[Source, LibraryFile]], unloaded: Iterable[Any] = ()) -> list[LoadError]:
    """Every cross-file problem of the validated files; ``unloaded`` is the raw data of files that failed."""
    index = _Index(parsed, unloaded)
    errors = list(index.duplicates)
    for source, model in parsed:
        for check in (_authorities, _factors, _matter, _baseline, _exemption_list):
            errors.extend(check(source, model, index))
    errors.extend(_versions(parsed))
    errors.extend(cycle_errors(parsed))  # kit/baselines/cycles.py
    return errors


def _versions(parsed: list[tuple[Source, LibraryFile]]) -> Iterator[LoadError]:
    """Dated versions of one authority's baseline for one matter must follow each other: no gap, no overlap."""
    groups: dict[tuple[str, str], list[tuple[Source, Baseline]]] = {}
    for source, model in parsed:
        if model.baseline is not None:
            groups.setdefault((model.baseline.authority, model.baseline.matter), []).append((source, model.baseline))
    for versions in groups.values():
        versions.sort(key=lambda sb: sb[1].effective_from)
        for (_, prev), (source, nxt) in zip(versions, versions[1:]):
            if prev.effective_to is None or nxt.effective_from <= prev.effective_to:
                end = msg("load.c_open_ended") if prev.effective_to is None else str(prev.effective_to)
                yield source.error(("baseline", "effective_from"),
                                   msg("load.c_overlaps_version", version=prev.version, id=prev.id),
                                   msg("load.c_after_version", id=prev.id, end=end), str(nxt.effective_from))
            elif (nxt.effective_from - prev.effective_to).days > 1:
                yield source.error(("baseline", "effective_from"),
                                   msg("load.c_gap_version", version=prev.version, id=prev.id),
                                   msg("load.c_day_after", day=str(prev.effective_to + timedelta(days=1)), id=prev.id),
                                   str(nxt.effective_from))


def _ref(source: Source, loc: tuple, kind: str, id_: str | None, index: _Index,
         problem: Msg | None = None) -> Iterator[LoadError]:
    if id_ is not None and not index.has(kind, id_):
        known = sorted(set(index.ids[kind]) | index.unloaded[kind])
        hint = ", ".join(known[:8]) + (" …" if len(known) > 8 else "")
        yield source.error(loc, problem or msg("load.c_unknown", kind=kind_word(kind)),
                           msg("load.c_known_id", kind=kind_word(kind), ids=hint or msg("load.c_none_defined")),
                           f"'{id_}'")


def _dates(source: Source, loc: tuple, start, end) -> Iterator[LoadError]:
    if end is not None and end < start:
        yield source.error((*loc, "effective_to"), msg("load.c_to_before_from"),
                           msg("load.c_on_or_after", day=str(start)), str(end))


def _authorities(source, model: LibraryFile, index: _Index) -> Iterator[LoadError]:
    for i, a in enumerate(model.authorities):
        yield from _ref(source, ("authorities", i, "parent"), "authority", a.parent, index)


def _factors(source, model: LibraryFile, index: _Index) -> Iterator[LoadError]:
    return iter(())


def _spec(source, loc: tuple, spec: object, matter: Matter) -> Iterator[LoadError]:
    bounds = fine_bounds(spec)
    if bounds and bounds[0] > bounds[1]:
        yield source.error((*loc, "min"), msg("load.c_min_over_max"), msg("load.c_min_le_max", max=f"{bounds[1]:g}"),
                           f"{bounds[0]:g}")
    facts = {f.id for f in matter.facts}
    fact = spec.base if isinstance(spec, MultipleFine) else spec.per if isinstance(spec, PerUnitFine) else None
    key = "base" if isinstance(spec, MultipleFine) else "per"
    if fact is not None and fact not in facts:
        yield source.error((*loc, key), msg("load.c_unknown_fact"), fact_of(matter.id, facts), f"'{fact}'")


def _matter(source, model: LibraryFile, index: _Index) -> Iterator[LoadError]:
    m = model.matter
    if m is None:
        return
    for i, p in enumerate(m.provisions):
        loc = ("matter", "provisions", i)
        yield from _dates(source, loc, p.effective_from, p.effective_to)
        if p.fine is not None:
            yield from _spec(source, (*loc, "fine"), p.fine, m)
        if p.serious and p.serious.fine is not None:
            yield from _spec(source, (*loc, "serious", "fine"), p.serious.fine, m)
    facts = {f.id for f in m.facts}
    if m.transfer_threshold and m.transfer_threshold.fact not in facts:
        yield source.error(("matter", "transfer_threshold", "fact"), msg("load.c_unknown_fact"),
                           fact_of(m.id, facts), f"'{m.transfer_threshold.fact}'")


def _within(source, loc: tuple, spec: object, statutory: object, level: Level | None) -> Iterator[LoadError]:
    """A level's or tier's fine must be in the statute's units and inside its range; 减轻 lies below it."""
    inner, outer = fine_bounds(spec), fine_bounds(statutory)
    if inner is None or outer is None:
        return
    if isinstance(statutory, MultipleFine) != isinstance(spec, MultipleFine) or (
        isinstance(spec, MultipleFine) and isinstance(statutory, MultipleFine) and spec.base != statutory.base
    ):
        yield source.error(loc, msg("load.c_other_units"), msg("load.f_in_units", units=units_of(statutory)),
                           msg("load.f_in_units", units=units_of(spec)))
        return
    lo, hi = outer
    if level is Level.mitigated:
        if inner[1] > lo:
            yield source.error((*loc, "max"), msg("load.c_mitigated_not_below"),
                               msg("load.c_max_le_minimum", min=f"{lo:g}"), f"{inner[1]:g}")
        return
    if inner[0] < lo:
        yield source.error((*loc, "min"), msg("load.c_outside_statute"), f"min ≥ {lo:g}", f"{inner[0]:g}")
    if inner[1] > hi:
        yield source.error((*loc, "max"), msg("load.c_outside_statute"), f"max ≤ {hi:g}", f"{inner[1]:g}")


def _baseline(source, model: LibraryFile, index: _Index) -> Iterator[LoadError]:
    b = model.baseline
    if b is None:
        return
    yield from _ref(source, ("baseline", "authority"), "authority", b.authority, index)
    yield from _ref(source, ("baseline", "matter"), "matter", b.matter, index)
    yield from _ref(source, ("baseline", "refines"), "baseline", b.refines, index,
                    msg("load.c_refines_nothing"))
    yield from _dates(source, ("baseline",), b.effective_from, b.effective_to)
    matter = index.matters.get(b.matter)
    if matter is None:
        return
    provision = next((p for p in matter.provisions if p.id == b.provision), None)
    if provision is None:
        ids = ", ".join(p.id for p in matter.provisions)
        yield source.error(("baseline", "provision"), msg("load.c_unknown", kind=kind_word("provision")),
                           msg("load.c_provision_of", matter=matter.id, ids=ids), f"'{b.provision}'")
        return
    ceiling = provision.serious.fine if provision.serious and provision.serious.fine else None
    for level, rule in b.levels.items():
        for key in ("fine", "individual_fine"):
            spec = getattr(rule, key)
            if spec is None:
                continue
            loc = ("baseline", "levels", level.value, key)
            yield from _spec(source, loc, spec, matter)
            if key == "fine" and provision.fine is not None:
                statutory = _statutory_for(spec, provision.fine, ceiling, level)
                yield from _within(source, loc, spec, statutory, level)
    if b.rules.contiguous and provision.fine is not None:
        yield from _contiguity(source, b, provision.fine)
    facts = {f.id for f in matter.facts}
    for t, tier in enumerate(b.tiers):
        for key in ("fine", "individual_fine"):
            spec = getattr(tier, key)
            if spec is not None:
                yield from _spec(source, ("baseline", "tiers", t, key), spec, matter)
        if tier.fine is not None and provision.fine is not None and tier.level is not Level.mitigated:
            statutory = _statutory_for(tier.fine, provision.fine, ceiling, tier.level)
            yield from _within(source, ("baseline", "tiers", t, "fine"), tier.fine, statutory, tier.level)
        for a, alt in enumerate(tier.when):
            yield from _ref(source, ("baseline", "tiers", t, "when", a, "factor"), "factor", alt.factor, index)
            for c, cond in enumerate(alt.all):
                if cond.fact not in facts:
                    yield source.error(("baseline", "tiers", t, "when", a, "all", c, "fact"), msg("load.c_unknown_fact"),
                                       fact_of(matter.id, facts), f"'{cond.fact}'")
    if b.rules.scoring:
        for factor in b.rules.scoring.weights:
            yield from _ref(source, ("baseline", "rules", "scoring", "weights", factor), "factor", factor, index)
        yield from scored_checks(source, b, matter, index, _ref)
    if b.refines and b.refines in index.baselines and index.baselines[b.refines].matter != b.matter:
        yield source.error(("baseline", "refines"), msg("load.c_refines_other_matter"),
                           msg("load.c_baseline_of", matter=b.matter),
                           msg("load.f_other_matter", id=b.refines, matter=index.baselines[b.refines].matter))


from .scored_checks import scored_checks  # noqa: E402


def _statutory_for(spec: object, fine: object, ceiling: object | None, level: Level) -> object:
    """The statutory range a sub-range must lie in: the serious clause's range counts for 从重."""
    if ceiling is not None and level is Level.aggravated and isinstance(fine, (RangeFine, MaxOnlyFine)):
        top = fine_bounds(ceiling)
        low = fine_bounds(fine)
        if top and low:
            return RangeFine(min=low[0], max=max(low[1], top[1]))
    return fine


def _contiguity(source, b: Baseline, statutory: object) -> Iterator[LoadError]:
    """从轻, 一般, 从重 must tile the statutory range: no gap, no overlap (shared edges are 含本数)."""
    order = [lv for lv in (Level.lenient, Level.standard, Level.aggravated) if b.levels.get(lv) and
             fine_bounds(b.levels[lv].fine) is not None and not isinstance(b.levels[lv].fine, FixedFine)]
    if len(order) < 2:
        return
    for prev, nxt in zip(order, order[1:]):
        p, n = fine_bounds(b.levels[prev].fine), fine_bounds(b.levels[nxt].fine)
        assert p and n
        loc = ("baseline", "levels", nxt.value, "fine", "min")
        if n[0] > p[1]:
            yield source.error(loc, msg("load.c_level_gap", prev=_level(prev), next=_level(nxt)),
                               msg("load.c_contiguous_min", min=f"{p[1]:g}", prev=prev.value), f"{n[0]:g}")
        elif n[0] < p[1]:
            yield source.error(loc, msg("load.c_level_overlap", prev=_level(prev), next=_level(nxt)),
                               msg("load.c_contiguous_min", min=f"{p[1]:g}", prev=prev.value), f"{n[0]:g}")


def _level(level: Level) -> Msg:
    return msg(f"load.level_{level.value}")


def _exemption_list(source, model: LibraryFile, index: _Index) -> Iterator[LoadError]:
    lst: ExemptionList | None = model.exemption_list
    if lst is None:
        return
    yield from _ref(source, ("exemption_list", "authority"), "authority", lst.authority, index)
    yield from _dates(source, ("exemption_list",), lst.effective_from, lst.effective_to)
    for i, item in enumerate(lst.items):
        loc = ("exemption_list", "items", i)
        yield from _ref(source, (*loc, "matter"), "matter", item.matter, index)
        for r, factor in enumerate(item.requires):
            yield from _ref(source, (*loc, "requires", r), "factor", factor, index)
        for e, exclusion in enumerate(item.exclusions):
            yield from _ref(source, (*loc, "exclusions", e, "factor"), "factor", exclusion.factor, index)
