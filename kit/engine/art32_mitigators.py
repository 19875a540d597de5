"""Art. 32: circumstances in which the penalty *must* be lenient or mitigated; and the baseline's
discretionary mitigators (酌定从轻), which count only when no statutory circumstance decides the case."""

from __future__ import annotations

from ..baselines.vocabulary import Direction, FactorKind
from .contract import step
from .state import ART5, LAW, State

CITATION = f"{LAW}第三十二条"


@step(reads={"case", "library", "baseline", "options"},
      writes={"mandatory_mitigation", "optional_mitigation", "discretionary_mitigators", "trace"})
def statutory_mitigators(state: State) -> None:
    for factor_id in state.case.factors:
        if not state.case.has(factor_id):
            continue
        factor = state.library.factors[factor_id]
        if factor.direction is not Direction.mitigate:
            continue
        if factor.kind is FactorKind.statutory_mandatory:
            state.mandatory_mitigation.append(factor_id)
            state.note("art32.mandatory", factor.citation or CITATION, {factor_id: True}, "must be lenient or mitigated",
                       f"当事人{factor.zh}，依法应当从轻或者减轻行政处罚。",
                       f"The party {factor.en.lower()}: the penalty must be lenient or mitigated.")
        elif factor.kind is FactorKind.statutory_optional:
            state.optional_mitigation.append(factor_id)
            state.note("art32.optional", factor.citation, {factor_id: True}, "may be lenient or mitigated",
                       f"当事人{factor.zh}，依法可以从轻或者减轻行政处罚。",
                       f"{factor.en}: the penalty may be lenient or mitigated.")
        else:
            state.discretionary_mitigators.append(factor_id)
            state.note("discretion.mitigator", f"{factor.citation}；{ART5}", {factor_id: True}, "discretionary mitigator",
                       f"酌定从轻情节：{factor.zh}。", f"Discretionary mitigating circumstance: {factor.en}.",
                       baseline_ref=state.baseline_ref("适用规则"))
