"""Aggravating circumstances: those the law says *must* lead to 从重 (e.g. Art. 49, acts obstructing
emergency measures; 屡查屡犯 in price cases) and the baseline's discretionary ones (酌定从重)."""

from __future__ import annotations

from ..baselines.vocabulary import Direction, FactorKind
from .contract import step
from .state import ART5, State


@step(reads={"case", "library", "baseline", "provision", "options"},
      writes={"mandatory_aggravation", "discretionary_aggravators", "trace"})
def aggravators(state: State) -> None:
    for factor_id in state.case.factors:
        if not state.case.has(factor_id):
            continue
        factor = state.library.factors[factor_id]
        if factor.direction is not Direction.aggravate:
            continue
        if factor.kind is FactorKind.statutory_mandatory:
            state.mandatory_aggravation.append(factor_id)
            serious = state.provision.serious if state.provision else None
            if factor_id == "serious_circumstances" and serious is not None:
                state.note("aggravator.serious", state.provision.citation, {factor_id: True}, "serious clause applies",
                           f"情节严重，适用{state.provision.citation}“{serious.when}”的规定"
                           + (f"（另处{'、'.join(p.zh for p in serious.penalties)}）" if serious.penalties else "")
                           + "。",
                           f"Serious circumstances: the provision's clause for serious cases ({serious.when}) applies.")
                continue
            state.note("aggravator.mandatory", factor.citation, {factor_id: state.case.factors[factor_id]},
                       "must be aggravated", f"当事人{factor.zh}，依法应当从重处罚。",
                       f"{factor.en}: the law requires an aggravated penalty.")
        else:
            state.discretionary_aggravators.append(factor_id)
            state.note("discretion.aggravator", f"{factor.citation}；{ART5}", {factor_id: state.case.factors[factor_id]},
                       "discretionary aggravator", f"酌定从重情节：{factor.zh}。",
                       f"Discretionary aggravating circumstance: {factor.en}.",
                       baseline_ref=state.baseline_ref("适用规则"))
