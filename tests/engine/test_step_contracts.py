"""Each step of the law's order reads and writes only what its @step declaration names (kit/engine/contract.py):
every expert case, and generated cases over the sample and real libraries, evaluated with ``check_steps`` on
decide exactly as without it."""

from __future__ import annotations

import dataclasses

import pytest

from kit.engine import STEPS, CaseError, Options, evaluate
from kit.engine.contract import Checked, StepContractError, step
from kit.engine.lawful import optional_ground
from kit.engine.state import State

from .test_english_output import all_cases, sample_library

FIELDS = {f.name for f in dataclasses.fields(State)}


def test_every_step_declares_fields_of_the_state():
    for fn in STEPS:
        assert fn.reads | fn.writes <= FIELDS, (fn.__name__, (fn.reads | fn.writes) - FIELDS)
        assert fn.writes, fn.__name__  # a step that decides nothing has no place in the list


def test_the_optional_ground_rerun_is_a_named_step_of_the_ordered_list():
    assert STEPS[-1] is optional_ground


def test_every_case_decides_the_same_with_the_contracts_checked():
    checked = Options(check_steps=True)
    n = 0
    for name, library, case in all_cases():
        try:
            plain = evaluate(library, case)
        except CaseError as error:
            with pytest.raises(CaseError) as again:
                evaluate(library, case, options=checked)
            assert again.value.problems == error.problems, name
            continue
        assert evaluate(library, case, options=checked).to_dict() == plain.to_dict(), name
        n += 1
    assert n > 300


def _state():
    from kit.engine.case import Case

    library = sample_library()
    case = Case.model_validate({"id": "c", "matter": "city-flyposting", "authority": "nj-cgj",
                                "dates": {"act_start": "2025-03-01"}})
    matter = library.matters[case.matter]
    return State(library, case, Options(), matter, None, matter.provisions[0])


def test_an_undeclared_read_a_write_and_a_change_through_a_read_are_refused():
    @step(reads={"case"}, writes={"trace"})
    def reads_level(state):
        return state.level

    @step(reads={"case"}, writes={"trace"})
    def writes_level(state):
        state.level = None

    @step(reads={"case", "warnings"}, writes={"trace"})
    def appends_a_warning(state):
        state.warnings.append("x")

    @step(reads={"case"}, writes={"trace"})
    def notes(state):
        state.note("r", "c", {}, "e", "zh", "en")

    for fn, words in ((reads_level, "reads state.level"), (writes_level, "writes state.level"),
                      (notes, "reads state.options")):
        with pytest.raises(StepContractError, match=words):
            fn(Checked(_state(), fn))
    with pytest.raises(AttributeError):  # a list the step only reads comes as a tuple
        appends_a_warning(Checked(_state(), appends_a_warning))


def test_docs_state_each_steps_contract_as_declared():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "engine.md").read_text(encoding="utf-8")
    for fn in STEPS:
        row = f"| `{fn.__name__}` | {', '.join(sorted(fn.reads))} | {', '.join(sorted(fn.writes))} |"
        assert row in doc, row
