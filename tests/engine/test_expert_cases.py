"""Issue 9, point 13: expert case files are read through the located loader (a broken entry names file, line,
column and field), and a citation counts only from a trace step that fired."""

from __future__ import annotations

import pytest

from kit.baselines import LibraryError, sample_library
from kit.engine import Case, evaluate
from kit.cases import load_expert_case, read_case_file
from kit.i18n import say
from kit.engine.expectations import Expected, differences

LIBRARY = sample_library()
GOOD = "  - case: {id: ok, matter: city-flyposting, authority: nj-cgj, dates: {act_start: 2025-03-01}}\n" \
       "    expect: {level: 一般}\n"


def test_a_broken_entry_names_file_line_column_and_field(tmp_path):
    path = tmp_path / "cases.yaml"
    path.write_text("format_version: 1\ncases:\n" + GOOD +
                    "  - case: {id: bad, matter: city-flyposting, authority: nj-cgj, factorz: [x],\n"
                    "           dates: {act_start: 2025-03-01}}\n    expect: {level: 一般}\n", encoding="utf-8")
    assert load_expert_case(path, 0, LIBRARY).id == "ok"
    with pytest.raises(LibraryError) as caught:
        load_expert_case(path, 1, LIBRARY)
    (error,) = caught.value.errors
    assert (error.file, error.line, error.path) == (str(path), 5, "cases[1].case.factorz")
    assert error.column and say(error.problem, "en") == "unknown key 'factorz'"
    assert say(error.problem) == "未知的键 'factorz'"


def test_a_file_that_does_not_parse_is_located(tmp_path):
    path = tmp_path / "cases.yaml"
    path.write_text("format_version: 1\ncases:\n" + GOOD + "  - case: {id: x, dates: [\n", encoding="utf-8")
    with pytest.raises(LibraryError) as caught:
        read_case_file(path)
    assert caught.value.errors[0].line is not None and str(path) in caught.value.report()


def test_a_citation_counts_only_from_a_step_that_fired():
    # the transfer step is traced (not fired) in every case; its citation must not satisfy an expectation
    d = evaluate(LIBRARY, Case.model_validate({"id": "c", "matter": "city-flyposting", "authority": "nj-cgj",
                                               "dates": {"act_start": "2025-03-01", "discovered": "2025-04-01"}}))
    assert any(s.rule == "art27.transfer" and not s.fired for s in d.trace)
    assert differences(d, Expected(citations=["第二十七条第一款"])) == [
        "citations: expected '第二十七条第一款' among the citations"]
    assert differences(d, Expected(citations=["第三十六条"])) == []
