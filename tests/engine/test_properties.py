"""Properties of the engine over generated cases for the sample library (Hypothesis)."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kit.baselines.vocabulary import Level
from kit.engine import CaseError
from kit.engine import evaluate as _evaluate

from .strategies import AGGRAVATORS, LIBRARY, MANDATORY_MITIGATORS, cases, with_fact, with_factor

SETTINGS = settings(max_examples=300, deadline=None)


def evaluate(library, case):
    """The decision, for every case the engine accepts. A generated case may leave out a fact its tier or
    formula needs: the engine must then refuse it, naming a fact of the matter, and the property is moot."""
    try:
        return _evaluate(library, case)
    except CaseError as error:
        matter = library.matters[case.matter]
        assert error.problems and all(loc[0] == "facts" and loc[1] in {f.id for f in matter.facts}
                                      and loc[1] not in case.facts for loc, *_ in error.problems), error
        assume(False)
MULTIPLE_MATTERS = ("pq-adulteration", "price-government-pricing", "eia-unapproved-construction")


@SETTINGS
@given(cases())
def test_fine_within_statutory_range_except_mitigated_and_no_penalty(case):
    d = evaluate(LIBRARY, case)
    if d.level is Level.no_penalty or d.transfer:
        assert d.fine is None
        return
    if d.fine is None or d.statutory_range is None:
        return
    stat = d.statutory_range
    if d.level is Level.mitigated:
        assert d.fine.lo >= 0
        assert d.fine.hi <= stat.lo and (d.fine.upper_open or d.fine.hi < stat.lo or stat.lo == 0)
    else:
        assert stat.lo - 0.01 <= d.fine.lo <= d.fine.hi <= stat.hi + 0.01, (d.fine, stat)
    if d.suggested_fine is not None:
        assert d.fine.contains(d.suggested_fine)


@SETTINGS
@given(cases(), st.sampled_from(AGGRAVATORS))
def test_adding_an_aggravator_never_lowers_the_level(case, aggravator):
    assume(not case.has(aggravator))
    before, after = evaluate(LIBRARY, case), evaluate(LIBRARY, with_factor(case, aggravator))
    assume(before.level is not None and after.level is not None)
    assert after.level.rank >= before.level.rank, (before.level, after.level)


@SETTINGS
@given(cases(), st.sampled_from(MANDATORY_MITIGATORS))
def test_statutory_mandatory_mitigator_never_yields_standard_or_aggravated(case, mitigator):
    d = evaluate(LIBRARY, with_factor(case, mitigator))
    assert d.level not in (Level.standard, Level.aggravated)
    if d.level is not None and d.level is not Level.no_penalty:
        assert set(d.acceptable) <= {Level.lenient, Level.mitigated, Level.no_penalty}


@SETTINGS
@given(cases())
def test_time_barred_and_transfer_cases_carry_no_fine(case):
    d = evaluate(LIBRARY, case)
    if d.time_barred or d.transfer:
        assert d.fine is None and d.suggested_fine is None and d.confiscation is None
        # Art. 27 runs before Art. 36: a time-barred suspected crime is still transferred, with no level
        assert d.level is None if d.transfer else d.level is Level.no_penalty


@SETTINGS
@given(cases(only=MULTIPLE_MATTERS), st.integers(min_value=1, max_value=1_000_000),
       st.integers(min_value=1, max_value=1_000_000))
def test_multiple_of_base_range_grows_with_the_base(case, a, b):
    base = LIBRARY.provisions[LIBRARY.matters[case.matter].provisions[0].id].fine.base
    low, high = sorted((a, b))
    d1, d2 = evaluate(LIBRARY, with_fact(case, base, low)), evaluate(LIBRARY, with_fact(case, base, high))
    assume(d1.fine is not None and d2.fine is not None and d1.level == d2.level and d1.tier == d2.tier)
    assert d1.fine.lo <= d2.fine.lo and d1.fine.hi <= d2.fine.hi


@SETTINGS
@given(cases())
def test_evaluation_is_deterministic(case):
    assert evaluate(LIBRARY, case).to_dict() == evaluate(LIBRARY, case).to_dict()


@SETTINGS
@given(cases())
def test_every_trace_step_has_a_citation_and_both_texts(case):
    d = evaluate(LIBRARY, case)
    assert d.trace
    for step in d.trace:
        assert step.citation.strip() and step.text("zh").strip() and step.text("en").strip(), step
        assert step.rule
