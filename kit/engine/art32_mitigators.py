"""Art. 32: circumstances in which the penalty *must* be lenient or mitigated; and the baseline's
discretionary mitigators (酌定从轻), which count only when no statutory circumstance decides the case."""

from __future__ import annotations

from ..baselines.vocabulary import Direction, FactorKind
from .text import Pair
from .circumstances import note_discretionary, present
from .contract import step
from .state import LAW, State

CITATION = f"{LAW}第三十二条"


@step(reads={"case", "library", "baseline", "options"},
      writes={"mandatory_mitigation", "optional_mitigation", "discretionary_mitigators", "trace"})
def statutory_mitigators(state: State) -> None:
    for factor_id, factor in present(state, Direction.mitigate):
        if factor.kind is FactorKind.statutory_mandatory:
            state.mandatory_mitigation.append(factor_id)
            state.tell("art32.mandatory", factor.citation or CITATION, {factor_id: True}, "must be lenient or mitigated",
                       "engine.art32_mandatory", factor=Pair(factor.zh, factor.en.lower()))
        elif factor.kind is FactorKind.statutory_optional:
            state.optional_mitigation.append(factor_id)
            state.tell("art32.optional", factor.citation, {factor_id: True}, "may be lenient or mitigated",
                       "engine.art32_optional", factor=Pair(factor.zh, factor.en))
        else:
            state.discretionary_mitigators.append(factor_id)
            note_discretionary(state, factor_id, factor, "mitigator", True)
