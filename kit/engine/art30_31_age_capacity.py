"""Arts. 30–31: under 14 — no penalty; 14 to 17 — must be 从轻 or 减轻; unable to recognise or control the
act because of mental illness or intellectual disability — no penalty; partial capacity — may be 从轻/减轻;
intermittent illness but lucid when acting — penalised as usual."""

from __future__ import annotations

from ..baselines.vocabulary import Level
from ..baselines.law_factors import LAW_FACTORS as LF
from .contract import step
from .state import LAW, State

ART30 = f"{LAW}第三十条"
ART31 = f"{LAW}第三十一条"


@step(reads={"case", "options"},
      writes={"level", "no_penalty_ground", "done", "mandatory_mitigation", "optional_mitigation", "trace"})
def age_and_capacity(state: State) -> None:
    party = state.case.party
    if party.kind == "person" and party.age is not None:
        if party.age < 14:
            state.settle(Level.no_penalty, "under_14")
            state.tell("art30.under_14", ART30, {"age": party.age}, "no penalty", "engine.art30_under_14", age=party.age)
            return
        if party.age < 18:
            state.mandatory_mitigation.append("age_14_17")
            state.tell("art30.minor", ART30, {"age": party.age}, "must be lenient or mitigated", "engine.art30_minor",
                       age=party.age)
    if party.capacity == "none":
        state.settle(Level.no_penalty, "incapacity")
        state.tell("art31.incapacity", ART31, {"capacity": party.capacity}, "no penalty", "engine.art31_incapacity")
    elif party.capacity == "partial":
        state.optional_mitigation.append(LF.partial_capacity)
        state.tell("art31.partial", ART31, {"capacity": party.capacity}, "may be lenient or mitigated",
                   "engine.art31_partial")
    elif party.capacity == "intermittent_lucid":
        state.tell("art31.lucid", ART31, {"capacity": party.capacity}, "penalised as usual", "engine.art31_lucid")
