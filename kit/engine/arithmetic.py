"""Sub-range arithmetic: from the chosen level (and tier) to a fine range in yuan and a suggested fine.

Sub-ranges are data in each baseline (levels.*.fine, tiers[*].fine, rules.within_tier); nothing here
assumes 30/40/30. Per-unit formulas, caps and warning-only thresholds are applied here too."""

from __future__ import annotations

import math

from ..baselines.models import FixedFine, MaxOnlyFine, MultipleFine, PerUnitFine, RangeFine
from ..baselines.vocabulary import Level, PenaltyType
from ..baselines.law_factors import LAW_FACTORS as LF
from ..i18n import LANGS, list_join, msg
from .text import Pair, Sentence, t
from .combination import apply_optional_mitigation
from .contract import step
from .case_errors import missing_fact
from .decision import FineRange
from ..i18n.format import digits
from .scored import apply_formula
from .state import State

_BANDED = (Level.lenient, Level.standard, Level.aggravated)


def to_yuan(spec: object, state: State) -> FineRange | None:
    """A fine spec as an amount range for this case (multiples use the case's base fact)."""
    if isinstance(spec, RangeFine):
        return FineRange(spec.min, spec.max)
    if isinstance(spec, MaxOnlyFine):
        return FineRange(0.0, spec.max)
    if isinstance(spec, FixedFine):
        return FineRange(spec.amount, spec.amount)
    if isinstance(spec, MultipleFine):
        base = state.fact(spec.base)
        if base is not None and base > 0:
            return FineRange(round(spec.min * base, 2), round(spec.max * base, 2))
        statutory = state.provision.fine if state.provision else None
        if isinstance(statutory, MultipleFine) and statutory.base_unknown is not None:
            # 违法所得无法确定: the same shares of the no-base range
            span = statutory.max - statutory.min or 1
            lo_share, hi_share = (spec.min - statutory.min) / span, (spec.max - statutory.min) / span
            r = statutory.base_unknown
            return FineRange(round(r.min + (r.max - r.min) * lo_share, 2), round(r.min + (r.max - r.min) * hi_share, 2))
        return None
    if isinstance(spec, PerUnitFine):
        return per_unit(spec, state)[0]
    return None


def per_unit(spec: PerUnitFine, state: State) -> tuple[FineRange | None, Sentence]:
    amount = state.fact(spec.per)
    if amount is None:  # never read as 0: that would silently turn a fine into a warning
        raise missing_fact(state.case.id, spec.per, msg("case_errors.per_unit_formula_of", matter=_cited(state)),
                           state.matter)
    per, of = state.fact_words(spec.per)
    if spec.warning_at_or_below is not None and amount <= spec.warning_at_or_below:
        return None, Sentence("engine.per_unit_warning", {"per": per, "of": of, "amount": digits(amount),
                                                           "limit": digits(spec.warning_at_or_below)})
    units = amount / spec.unit
    units = math.ceil(units) if spec.rounding == "up" else math.floor(units) if spec.rounding == "down" else units
    fine = round(units * spec.rate, 2)
    capped = spec.cap is not None and fine > spec.cap
    said = Sentence("engine.per_unit_fine", {
        "per": per, "of": of, "amount": digits(amount), "unit": digits(spec.unit), "rate": digits(spec.rate),
        "rounding": Sentence(f"engine.round_{spec.rounding}"), "fine": digits(fine),
        "cap": Sentence("engine.per_unit_cap", {"cap": digits(spec.cap)}) if capped else ""})
    if capped:
        fine = spec.cap
    return FineRange(fine, fine), said


def _narrow(spec: object, share: list[float]) -> object:
    """The part of a tier's band a level takes (rules.within_tier)."""
    lo, hi = share
    if isinstance(spec, MultipleFine):
        span = spec.max - spec.min
        return spec.model_copy(update={"min": spec.min + span * lo, "max": spec.min + span * hi})
    if isinstance(spec, (RangeFine, MaxOnlyFine)):
        low = spec.min if isinstance(spec, RangeFine) else 0.0
        span = spec.max - low
        return RangeFine(min=round(low + span * lo, 2), max=round(low + span * hi, 2))
    return spec


SERIOUS = LF.serious
NO_FINE = "no fine"


def serious_spec(state: State) -> object | None:
    """The provision's 情节严重 range, when the case has serious circumstances and the provision sets one."""
    clause = state.provision.serious if state.provision else None
    if clause is not None and clause.fine is not None and state.case.has(SERIOUS):
        return clause.fine
    return None


def statutory_spec(state: State) -> object | None:
    if state.tier is not None and state.tier.fine is not None:
        return state.tier.fine
    return serious_spec(state) or (state.provision.fine if state.provision else None)


def range_for(state: State, level: Level) -> tuple[FineRange | None, str]:
    """The fine range for ``level``, and where it came from (a baseline path, for the trace)."""
    if level is Level.no_penalty:
        return None, ""
    if state.tier is not None and state.tier.fine is None:
        return None, NO_FINE  # 给予警告 / 责令停业 …: the tier imposes what it says, never the statutory range
    rule = state.baseline.levels.get(level) if state.baseline else None
    if rule is not None and rule.fine is None and rule.penalties and PenaltyType.fine not in rule.penalties:
        return None, NO_FINE
    statutory = statutory_spec(state)
    serious = serious_spec(state) if state.tier is None else None
    if serious is not None:
        # The baseline's levels refine the ordinary range; a serious case takes the statute's second range.
        full = to_yuan(serious, state)
        if level is Level.mitigated and full is not None:
            return FineRange(0.0, full.lo, upper_open=True), "（情节严重：法定第二档幅度）"
        return full, "（情节严重：法定第二档幅度）"
    if isinstance(statutory, PerUnitFine):
        full = to_yuan(statutory, state)
        if level is Level.mitigated and full is not None:
            return FineRange(0.0, full.lo, upper_open=True), "per_unit"
        return full, "per_unit"
    rule = state.baseline.levels.get(level) if state.baseline else None
    if state.tier is not None and state.tier.fine is not None:
        band = state.tier.fine
        share = state.baseline.rules.within_tier.get(level) if state.baseline else None
        if level is Level.mitigated:
            # 减轻 is below the *statutory* minimum, never below the tier's floor (a sub-range of the statutory
            # range is not 减轻)
            spec = rule.fine if rule and rule.fine else None
            floor = to_yuan(serious_spec(state) or state.provision.fine, state) if state.provision else None
            if floor is None:
                floor = to_yuan(band, state)
            return (to_yuan(spec, state) if spec else FineRange(0.0, floor.lo, True) if floor else None), "tier"
        return to_yuan(_narrow(band, share) if share else band, state), f"tiers[{state.tier.no}]"
    if rule is not None and rule.fine is not None:
        found = to_yuan(rule.fine, state)
        if level is Level.mitigated and found is not None and statutory is not None:
            stat = to_yuan(statutory, state)
            if stat is not None and found.hi >= stat.lo:
                found = FineRange(found.lo, stat.lo, upper_open=True)
        return found, f"levels.{level.value}.fine"
    if statutory is None:
        return None, ""
    stat = to_yuan(statutory, state)
    if stat is None:
        return None, ""
    if level is Level.mitigated:
        return FineRange(0.0, stat.lo, upper_open=True), "statute"
    return stat, "statute"


def suggest(state: State, fine: FineRange) -> float:
    rule = state.suggest_at or (state.baseline.rules.suggested_fine if state.baseline else "midpoint")
    step = state.baseline.rules.rounding if state.baseline else 1
    point = {"midpoint": (fine.lo + fine.hi) / 2, "lower": fine.lo, "upper": fine.hi}[rule]
    value = math.floor(point / step + 0.5) * step
    value = min(max(value, fine.lo), fine.hi)
    if fine.upper_open and value >= fine.hi:
        value = max(fine.lo, fine.hi - step)
    return round(value, 2)


# what range_for (the range of any level, asked by later steps and by Decision.range_of) reads
RANGE_READS = frozenset({"case", "matter", "baseline", "provision", "tier"})  # matter: a per-unit fact's words


@step(reads=RANGE_READS | {"matter", "options", "individual_tier", "percent", "position", "suggest_at",
                           "optional_mitigation"},
      writes={"level", "extra_acceptable", "fine", "suggested_fine", "individual_fine", "warning_only", "warnings",
              "trace"})
def compute_fine(state: State) -> None:
    if state.level is None and state.percent is None:
        return
    statutory = statutory_spec(state)
    if isinstance(statutory, MultipleFine) and statutory.base_unknown is None and state.fact(statutory.base) is None \
            and state.level is not Level.no_penalty:
        raise missing_fact(state.case.id, statutory.base, msg("case_errors.multiple_of_base_of", matter=_cited(state)),
                           state.matter)
    if isinstance(statutory, PerUnitFine) and state.level is not Level.no_penalty:
        fine, said = per_unit(statutory, state)
        state.note("arithmetic.per_unit", state.provision.citation, {statutory.per: state.fact(statutory.per)},
                   "warning only" if fine is None else f"fine {fine.lo:g}", said,
                   baseline_ref=state.baseline_ref("具体标准"))
        if fine is None:
            state.warning_only = True
            return
    if state.percent is not None and state.level is None and apply_formula(state):
        return  # 罚款 = 裁量百分值 × 法定最高额 (or a base): the printed formula sets the fine (scored.py)
    if state.percent is not None and state.level is None:
        _place_score(state)
        if apply_optional_mitigation(state):
            state.suggested_fine = None  # the scored point lies above 从轻; suggest within 从轻 instead
    level = state.level
    assert level is not None
    fine, source = range_for(state, level)
    if fine is not None and state.position is not None and not fine.upper_open:
        point = fine.hi if state.position == "highest" else fine.lo  # 按…最高/最低限度处罚
        fine = FineRange(point, point)
    state.fine = fine
    if fine is not None:
        from_score = state.suggested_fine is not None and fine.contains(state.suggested_fine)
        if not from_score:
            state.suggested_fine = suggest(state, fine)
        if state.options.trace:
            rules = state.baseline.rules if state.baseline else None
            how = Sentence("engine.suggest_" + (state.suggest_at or (rules.suggested_fine if rules else "midpoint")))
            tail = Sentence("engine.range_tail_score" if from_score else "engine.range_tail_rule", {
                "how": how, "step": digits(rules.rounding) if rules else "1", "suggested": digits(state.suggested_fine)})
            state.tell("arithmetic.range", state.provision.citation if state.provision else "", {"level": level.value},
                       f"range {fine.lo:g}-{fine.hi:g}", "engine.range", level=level, fine=fine, tail=tail,
                       baseline_ref=state.baseline_ref(source) or "法定幅度")
    elif source == NO_FINE:
        kinds = (state.tier.penalties if state.tier else state.baseline.levels[level].penalties)
        where = f"tiers[{state.tier.no}]" if state.tier else f"levels.{level.value}"
        state.note("arithmetic.no_fine", state.provision.citation if state.provision else "", {"level": level.value},
                   "no fine", Pair(*(t("engine.no_fine", lang, penalties=list_join((p.label(lang) for p in kinds), lang)
                                       or "—") for lang in LANGS)),
                   baseline_ref=state.baseline_ref(where))
    elif level is not Level.no_penalty:
        state.warnings.append(msg("engine.warn_no_base"))
        state.tell("arithmetic.range", state.provision.citation if state.provision else "", {"level": level.value},
                   "no range", "engine.no_range", baseline_ref=state.baseline_ref(source))
    individual = None
    rule = state.baseline.levels.get(level) if state.baseline else None
    spec = (state.tier.individual_fine or (state.individual_tier.individual_fine if state.individual_tier else None)
            if state.tier else (rule.individual_fine if rule else None))
    if spec is not None and level is not Level.no_penalty and state.case.party.kind == "person":
        state.note("arithmetic.individual_fine", state.provision.citation, {"party": "person"}, "no dual fine",
                   Sentence("engine.no_dual_fine_for_person"),
                   baseline_ref=state.baseline_ref("individual_fine"))
    elif spec is not None and level is not Level.no_penalty:
        individual = to_yuan(spec, state)
        if individual is not None:
            state.note("arithmetic.individual_fine", state.provision.citation, {"tier": state.tier.no if state.tier
                                                                               else None},
                       f"individuals {individual.lo:g}-{individual.hi:g}",
                       Sentence("engine.individual_fine", {"fine": individual}),
                       baseline_ref=state.baseline_ref("individual_fine"))
    state.individual_fine = individual


def _place_score(state: State) -> None:
    """Scored baselines: place percent in the full range and read off the level that holds the point."""
    ranges = {lv: range_for(state, lv)[0] for lv in _BANDED}
    present = [r for r in ranges.values() if r is not None]
    if not present:
        state.level = Level.standard
        return
    lo, hi = min(r.lo for r in present), max(r.hi for r in present)
    point = lo + (hi - lo) * (state.percent or 0) / 100
    step = state.baseline.rules.rounding if state.baseline else 1
    point = math.floor(point / step + 0.5) * step
    level = next((lv for lv in _BANDED if ranges[lv] and ranges[lv].contains(point)), Level.standard)
    state.level = level
    state.suggested_fine = round(point, 2)
    state.note("arithmetic.scored", "基准适用规则：裁量百分值", {"percent": state.percent, "range": [lo, hi]},
               level.value, Sentence("engine.scored_point", {"lo": digits(lo), "hi": digits(hi), "point": digits(point),
                                                             "percent": f"{state.percent:g}", "level": level}),
               baseline_ref=state.baseline_ref("适用规则"))


def _cited(state: State):
    """The provision's citation (data), or the words "the provision" in the reader's language."""
    return state.provision.citation if state.provision else msg("case_errors.the_provision")
