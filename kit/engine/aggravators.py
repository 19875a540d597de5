"""Aggravating circumstances: those the law says *must* lead to 从重 (e.g. Art. 49, acts obstructing
emergency measures; 屡查屡犯 in price cases) and the baseline's discretionary ones (酌定从重)."""

from __future__ import annotations

from ..baselines.vocabulary import Direction, FactorKind
from ..baselines.law_factors import LAW_FACTORS as LF
from ..i18n import LANGS, list_join
from .text import Pair, Sentence
from .circumstances import note_discretionary, present
from .contract import step
from .state import State


@step(reads={"case", "library", "baseline", "provision", "options"},
      writes={"mandatory_aggravation", "discretionary_aggravators", "trace"})
def aggravators(state: State) -> None:
    for factor_id, factor in present(state, Direction.aggravate):
        if factor.kind is FactorKind.statutory_mandatory:
            state.mandatory_aggravation.append(factor_id)
            serious = state.provision.serious if state.provision else None
            if factor_id == LF.serious and serious is not None:
                also = Sentence("engine.aggravator_serious_also", {"penalties": Pair(*(list_join(
                    (p.label(lang) for p in serious.penalties), lang) for lang in LANGS))}) if serious.penalties else ""
                state.tell("aggravator.serious", state.provision.citation, {factor_id: True}, "serious clause applies",
                           "engine.aggravator_serious", citation=state.provision.citation, when=serious.when, also=also)
                continue
            state.note("aggravator.mandatory", factor.citation, {factor_id: state.case.factors[factor_id]},
                       "must be aggravated", Sentence("engine.aggravator_mandatory", {"factor": Pair(factor.zh, factor.en)}))
        else:
            state.discretionary_aggravators.append(factor_id)
            note_discretionary(state, factor_id, factor, "aggravator", state.case.factors[factor_id])
