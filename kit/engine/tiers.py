"""Tiered baselines (分档, 类别 1–10): the tier whose conditions the case's facts meet.

Each tier lists alternative conditions (any one selects it); each alternative is a set of comparisons over
the facts (all must hold) or a factor's presence. A text-only tier is chosen by the case's ``tier``.
When several tiers match, the baseline's ``tier_choice`` decides (highest: the most severe)."""

from __future__ import annotations

import operator

from ..baselines.models import Alternative, Tier
from ..baselines.vocabulary import Level
from ..i18n import msg
from .text import Pair, Sentence
from .case_errors import missing_fact
from .contract import step
from .state import CIRCUMSTANCES, State

_OPS = {">=": operator.ge, ">": operator.gt, "<=": operator.le, "<": operator.lt, "==": operator.eq,
        "!=": operator.ne}


def _meets(state: State, alt: Alternative, missing: list[str] | None = None) -> bool:
    """Whether the facts meet ``alt``. A condition over a fact the case does not give is never read as met or
    unmet: where every other condition holds, the fact is added to ``missing``; when no tier is met, a missing
    fact is a ``CaseError`` (the case must give it) rather than a silent fall-back to the statutory range."""
    if alt.factor is not None and not state.case.has(alt.factor):
        return False
    if not alt.all:
        return alt.factor is not None
    absent = []
    for cond in alt.all:
        value = state.fact(cond.fact)
        if value is None:
            absent.append(cond.fact)
        elif not _OPS[cond.op](value, cond.value):
            return False
    if absent:
        if missing is not None:
            missing.extend(f for f in absent if f not in missing)
        return False
    return True


@step(reads={"case", "matter", "baseline", "options", "percent", *CIRCUMSTANCES},
      writes={"tier", "individual_tier", "level", "warnings", "trace"})
def select_tier(state: State) -> None:
    baseline = state.baseline
    if baseline is None or not baseline.tiers:
        return
    block = "overdue" if state.case.overdue else "main"
    tiers = [tier for tier in baseline.tiers if tier.block == block]
    chosen: Tier | None = None
    reason: tuple[str, dict] = ("", {})
    if state.case.tier is not None:
        chosen = next((tier for tier in tiers if tier.no == state.case.tier), None)
        reason = ("engine.tier_named", {"no": state.case.tier})
    else:
        missing: list[str] = []
        matching = [(tier, alt) for tier in tiers for alt in tier.when if _meets(state, alt, missing)]
        if missing and not matching:  # no tier can be selected without the fact: refuse, never guess
            raise missing_fact(state.case.id, missing[0], msg("case_errors.tier_conditions_of", baseline=baseline.id),
                               state.matter)
        if matching:
            pick = max if baseline.rules.tier_choice == "highest" else min
            chosen, alt = pick(matching, key=lambda pair: pair[0].no)
            reason = ("engine.tier_meets", {"text": alt.text})
    if chosen is None:
        state.warnings.append(msg("engine.warn_no_tier"))
        state.tell("tier", "基准分档", {"facts": dict(state.case.facts)}, "no tier matched", "engine.tier_none",
                   baseline_ref=state.baseline_ref("分档"))
        return
    state.tier = chosen
    state.individual_tier = _individual_tier(state, chosen)
    statutory = state.mandatory_mitigation or state.optional_mitigation or state.mandatory_aggravation
    balanced = len(state.discretionary_mitigators) == len(state.discretionary_aggravators)
    neutral = not statutory and balanced and state.percent is None
    if neutral and state.level is Level.standard:
        state.level = chosen.level  # no circumstance moved the case: the tier's own level
    if state.options.trace:
        standard = Pair(f"：{chosen.standard.rstrip('。')}。" if chosen.standard else "。", "")  # its words: Chinese
        state.tell("tier", "基准分档", {"tier": chosen.no, "facts": dict(state.case.facts)}, f"tier {chosen.no}",
                   "engine.tier_chosen", reason=Sentence(*reason), no=chosen.no, level=chosen.level, standard=standard,
                   block=Sentence("engine.tier_block_overdue") if block == "overdue" else "",
                   baseline_ref=state.baseline_ref(f"tiers[{chosen.no}]"))


def _individual_tier(state: State, chosen: Tier) -> Tier | None:
    """双罚 published as a block of its own: the individuals' tier whose conditions the facts meet, else the
    one with the unit's tier number."""
    block = [t for t in state.baseline.tiers if t.block == "individual"]
    if not block:
        return None
    matching = [t for t in block for alt in t.when if _meets(state, alt)]
    if matching:
        pick = max if state.baseline.rules.tier_choice == "highest" else min
        return pick(matching, key=lambda t: t.no)
    return next((t for t in block if t.no == chosen.no), None)
