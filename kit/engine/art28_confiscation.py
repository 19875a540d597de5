"""Art. 28: order correction; confiscate illegal gains except what must by law be refunded or compensated
(价格: overcharges owed to buyers are refunded, not confiscated). Confiscation is its own output, beside
the fine. Also settles the penalty types (单处/并处) of the decision."""

from __future__ import annotations

from ..baselines.vocabulary import Level, PenaltyType
from ..baselines.law_factors import LAW_FACTORS as LF
from ..i18n.format import digits
from .text import Sentence
from .contract import step
from .state import LAW, State

CITATION = f"{LAW}第二十八条第二款"  # 当事人有违法所得，除依法应当退赔的外，应当予以没收


@step(reads={"case", "baseline", "provision", "tier", "level", "options"},
      writes={"confiscation", "trace"})
def confiscation(state: State) -> None:
    """Reads: the provision's, the tier's or the level's 没收违法所得, the facts illegal_gains and refund_owed.
    Decides: the amount confiscated, beside the fine."""
    if state.level is Level.no_penalty or state.provision is None:
        return
    rule = state.baseline.levels.get(state.level) if state.baseline and state.level else None
    says = (state.provision.confiscate_gains or (state.tier is not None and PenaltyType.confiscation in
            state.tier.penalties) or (rule is not None and PenaltyType.confiscation in rule.penalties))
    if not says:
        return
    gains = state.fact(LF.illegal_gains)
    if not gains:
        return
    refund = state.fact(LF.refund_owed) or 0.0
    amount = max(0.0, round(gains - refund, 2))
    state.confiscation = amount
    state.tell("art28.confiscation", CITATION, {LF.illegal_gains: gains, LF.refund_owed: refund},
               f"confiscate {amount:g}", "engine.confiscation", amount=digits(amount), refund=Sentence(
                   "engine.confiscation_refund", {"gains": digits(gains), "refund": digits(refund)}) if refund else "")


@step(reads={"case", "baseline", "provision", "tier", "level", "fine", "confiscation", "warning_only"},
      writes={"penalties"})
def penalty_types(state: State) -> None:
    """Which penalty types the decision carries, as the baseline (or the provision) says."""
    if state.level is Level.no_penalty or state.level is None:
        return
    if state.warning_only:
        state.penalties = [PenaltyType.warning]
        return
    rule = state.baseline.levels.get(state.level) if state.baseline else None
    source = (state.tier.penalties if state.tier and state.tier.penalties else
              rule.penalties if rule and rule.penalties else
              state.provision.penalties if state.provision else [])
    kinds: list[PenaltyType] = [p for p in source if p not in (PenaltyType.fine, PenaltyType.confiscation,
                                                              PenaltyType.warning)]
    serious = state.provision.serious if state.provision else None
    if serious is not None and state.case.has(LF.serious):
        kinds += [p for p in serious.penalties if p not in kinds and p is not PenaltyType.fine]
    if state.level is Level.mitigated:
        kinds = []  # 减轻 never adds the heavier types (吊销, 停产停业) that apply to serious cases
    if state.fine is not None and state.fine.hi > 0:
        kinds.insert(0, PenaltyType.fine)
    elif PenaltyType.warning in source:
        kinds.insert(0, PenaltyType.warning)
    if state.confiscation:
        kinds.append(PenaltyType.confiscation)
    state.penalties = kinds
