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
            state.note("art30.under_14", ART30, {"age": party.age}, "no penalty",
                       f"当事人{party.age}周岁，不满十四周岁，不予行政处罚，责令监护人加以管教。",
                       f"The party is {party.age}, under 14: no penalty; the guardian is told to discipline them.")
            return
        if party.age < 18:
            state.mandatory_mitigation.append("age_14_17")
            state.note("art30.minor", ART30, {"age": party.age}, "must be lenient or mitigated",
                       f"当事人{party.age}周岁，已满十四周岁不满十八周岁，应当从轻或者减轻行政处罚。",
                       f"The party is {party.age} (14–17): the penalty must be lenient or mitigated.")
    if party.capacity == "none":
        state.settle(Level.no_penalty, "incapacity")
        state.note("art31.incapacity", ART31, {"capacity": party.capacity}, "no penalty",
                   "精神病人、智力残疾人在不能辨认或者不能控制自己行为时有违法行为，不予行政处罚，责令监护人严加看管和治疗。",
                   "The party could not recognise or control the act (mental illness or intellectual disability): "
                   "no penalty; the guardian is told to supervise and treat.")
    elif party.capacity == "partial":
        state.optional_mitigation.append(LF.partial_capacity)
        state.note("art31.partial", ART31, {"capacity": party.capacity}, "may be lenient or mitigated",
                   "尚未完全丧失辨认或者控制自己行为能力的精神病人、智力残疾人有违法行为的，可以从轻或者减轻行政处罚。",
                   "Partial capacity: the penalty may be lenient or mitigated.")
    elif party.capacity == "intermittent_lucid":
        state.note("art31.lucid", ART31, {"capacity": party.capacity}, "penalised as usual",
                   "间歇性精神病人在精神正常时有违法行为，应当给予行政处罚。",
                   "Intermittent mental illness, lucid when acting: the act must be penalised.")
