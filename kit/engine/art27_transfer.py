"""Art. 27: a suspected crime must be transferred to the judicial organs; no fine is computed in its place.

Reads: the factor ``suspected_crime`` and the matter's transfer threshold. Decides: the transfer flag.
It runs *before* the time bar (Art. 36): the two- and five-year limits bar only the administrative penalty,
not the criminal prosecution, whose limitation period is the Criminal Law's; so a suspected crime is
transferred even when the administrative time bar has run, and the time bar then says only what happens if the
judicial organs decline. ``close_transfer`` (after the time bar) ends the evaluation of a transferred case.

A natural person under sixteen on the day of the act is not transferred: 《刑法》第十七条 makes them criminally
liable only for the grave crimes it lists (intentional homicide, robbery, …), none of which is an
administrative violation with a threshold; the administrative rules (Art. 30) then decide."""

from __future__ import annotations

from ..baselines.law_factors import LAW_FACTORS as LF
from .text import Joined, Sentence
from ..i18n.format import digits
from .contract import step
from .state import LAW, State

TRANSFER_RULE = "《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号）第三条"
CRIMINAL_AGE_RULE = "《中华人民共和国刑法》第十七条第一款、第二款"
CRIMINAL_AGE = 16
CITATION = f"{LAW}第二十七条第一款；{TRANSFER_RULE}"


@step(reads={"case", "matter", "options"}, writes={"transfer", "trace"})
def criminal_transfer(state: State) -> None:
    threshold = state.matter.transfer_threshold
    reached = False
    inputs: dict = {LF.suspected_crime: state.case.has(LF.suspected_crime)}
    if threshold is not None:
        value = state.fact(threshold.fact)
        inputs[threshold.fact] = value
        inputs["threshold"] = threshold.value
        reached = value is not None and value >= threshold.value
    party = state.case.party
    if (state.case.has(LF.suspected_crime) or reached) and party.kind == "person" and party.age is not None \
            and party.age < CRIMINAL_AGE:
        state.tell("art27.criminal_age", f"{CITATION}；{CRIMINAL_AGE_RULE}", {**inputs, "age": party.age},
                   "no transfer: under the age of criminal responsibility", "engine.transfer_under_age", age=party.age)
        return
    if state.case.has(LF.suspected_crime) or reached:
        state.transfer = True
        if reached and threshold is not None:
            why = Sentence("engine.transfer_threshold", {
                "fact": state.fact_words(threshold.fact)[0], "value": digits(inputs[threshold.fact]),
                "threshold": digits(threshold.value), "source": threshold.source})
            citation = f"{CITATION}；{threshold.source}"
        else:
            why, citation = Sentence("engine.transfer_suspected"), CITATION
        state.note("art27.transfer", citation, inputs, "transfer; no fine computed",
                   Joined((why, Sentence("engine.transfer_effect"))))
    else:
        state.tell("art27.transfer", CITATION, inputs, "no transfer", "engine.transfer_none", fired=False)


@step(reads={"transfer"}, writes={"level", "no_penalty_ground", "done"})
def close_transfer(state: State) -> None:
    """A transferred case gets no administrative level in place of the transfer (the time bar has been traced)."""
    if state.transfer:
        state.settle(None, None)

