"""Art. 27: a suspected crime must be transferred to the judicial organs; no fine is computed in its place."""

from __future__ import annotations

from .state import LAW, State

CITATION = f"{LAW}第二十七条第一款"


def criminal_transfer(state: State) -> None:
    threshold = state.matter.transfer_threshold
    reached = False
    inputs: dict = {"suspected_crime": state.case.has("suspected_crime")}
    if threshold is not None:
        value = state.fact(threshold.fact)
        inputs[threshold.fact] = value
        inputs["threshold"] = threshold.value
        reached = value is not None and value >= threshold.value
    if state.case.has("suspected_crime") or reached:
        state.transfer = True
        state.settle(None, None)
        why = (f"{threshold.fact} = {inputs.get(threshold.fact):,.0f}，达到立案追诉标准{threshold.value:,.0f}"
               f"（{threshold.source}）" if reached and threshold else "案件涉嫌犯罪")
        why_en = (f"{threshold.fact} = {inputs.get(threshold.fact):,.0f} reaches the prosecution threshold "
                  f"{threshold.value:,.0f}" if reached and threshold else "the case is a suspected crime")
        state.note("art27.transfer", CITATION, inputs, "transfer; no fine computed",
                   f"{why}，应当及时移送司法机关，不以罚款代替移送。已作出的警告、责令停产停业、吊销许可证件等决定继续有效；"
                   f"司法机关不予追究刑事责任的，依法作出行政处罚。",
                   f"{why_en}: the case must be transferred to the judicial organs; no fine is computed in its "
                   f"place. If they decline, the agency decides the penalty.")
    else:
        state.note("art27.transfer", CITATION, inputs, "no transfer",
                   "未达到涉嫌犯罪移送标准。", "No sign of a crime; no transfer.", fired=False)
