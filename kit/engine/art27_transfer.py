"""Art. 27: a suspected crime must be transferred to the judicial organs; no fine is computed in its place.

Reads: the factor ``suspected_crime`` and the matter's transfer threshold. Decides: the transfer flag.
It runs *before* the time bar (Art. 36): the two- and five-year limits bar only the administrative penalty,
not the criminal prosecution, whose limitation period is the Criminal Law's; so a suspected crime is
transferred even when the administrative time bar has run, and the time bar then says only what happens if the
judicial organs decline. ``close_transfer`` (after the time bar) ends the evaluation of a transferred case."""

from __future__ import annotations

from ..i18n import t
from .decision import money
from .state import LAW, State, texts

TRANSFER_RULE = "《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号）第三条"
CITATION = f"{LAW}第二十七条第一款；{TRANSFER_RULE}"


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
        if reached and threshold is not None:
            params = {"fact": threshold.fact, "value": money(inputs[threshold.fact]),
                      "threshold": money(threshold.value), "source": threshold.source}
            zh, en = t("engine.transfer_threshold", "zh", **params), t("engine.transfer_threshold", "en", **params)
            citation = f"{CITATION}；{threshold.source}"
        else:
            zh, en = t("engine.transfer_suspected", "zh"), t("engine.transfer_suspected", "en")
            citation = CITATION
        state.note("art27.transfer", citation, inputs, "transfer; no fine computed",
                   zh + t("engine.transfer_effect", "zh"), en + t("engine.transfer_effect", "en"))
    else:
        if state.options.trace:
            zh, en = texts("engine.transfer_none")
            state.note("art27.transfer", CITATION, inputs, "no transfer", zh, en, fired=False)


def close_transfer(state: State) -> None:
    """A transferred case gets no administrative level in place of the transfer (the time bar has been traced)."""
    if state.transfer:
        state.settle(None, None)
