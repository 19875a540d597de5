"""Hypothesis strategies: cases for the sample library, drawn across matters, dates, parties, facts, factors."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from kit.baselines import sample_library
from kit.engine import Case

LIBRARY = sample_library()
# (matter, deciding authority, first day its baseline is in force)
MATTERS = sorted({(b.matter, b.authority, b.effective_from) for b in LIBRARY.baselines.values()
                  if b.refines is None or b.authority == "js-scjg"})
FACTORS = sorted(LIBRARY.factors)
AGGRAVATORS = sorted(f.id for f in LIBRARY.factors.values() if f.direction.value == "aggravate")
MANDATORY_MITIGATORS = sorted(f.id for f in LIBRARY.factors.values()
                              if f.direction.value == "mitigate" and f.kind.value == "statutory_mandatory")


def _fact_value(unit: str):
    if unit == "是否":
        return st.sampled_from([0.0, 1.0])
    if unit == "比例":
        return st.floats(min_value=0.01, max_value=1.5, allow_nan=False).map(lambda x: round(x, 2))
    if unit == "倍":
        return st.floats(min_value=0.1, max_value=10, allow_nan=False).map(lambda x: round(x, 1))
    return st.integers(min_value=0, max_value=2_000_000).map(float)


@st.composite
def cases(draw, *, factors=True, only: tuple[str, ...] = ()) -> Case:
    pool = [m for m in MATTERS if not only or m[0] in only]
    matter_id, authority, start = draw(st.sampled_from(pool))
    matter = LIBRARY.matters[matter_id]
    act = start + timedelta(days=draw(st.integers(min_value=0, max_value=600)))
    discovered = act + timedelta(days=draw(st.integers(min_value=0, max_value=1100)))
    party = draw(st.one_of(
        st.just({"kind": "organisation"}),
        st.fixed_dictionaries({"kind": st.just("person"), "age": st.integers(min_value=10, max_value=80),
                               "capacity": st.sampled_from(["full", "full", "full", "partial", "none",
                                                            "intermittent_lucid"])}),
    ))
    facts = {f.id: draw(_fact_value(f.unit)) for f in matter.facts if draw(st.booleans()) or f.unit == "是否"}
    chosen = draw(st.lists(st.sampled_from(FACTORS), max_size=5, unique=True)) if factors else []
    return Case.model_validate({
        "id": "generated", "matter": matter_id, "authority": authority,
        "dates": {"act_start": act, "discovered": discovered, "decided": discovered + timedelta(days=30)},
        "party": party, "facts": facts, "factors": chosen,
    })


def with_factor(case: Case, factor: str) -> Case:
    return case.model_copy(update={"factors": {**case.factors, factor: True}})


def with_fact(case: Case, fact: str, value: float) -> Case:
    return case.model_copy(update={"facts": {**case.facts, fact: value}})


__all__ = ["LIBRARY", "cases", "with_factor", "with_fact", "AGGRAVATORS", "MANDATORY_MITIGATORS", "date"]
