"""The assessor's attacks, in a real nbgrader course (conftest.py): eleven submissions of exam-general, graded by
the real ``nbgrader autograde`` with the kit's steps. No submission is executed: the honest trainees keep their
grades, each attacker gets exactly what their answers earn on their own variant, and the flags name them."""

from __future__ import annotations

import json

import nbformat
import pytest

from kit.grading import grade
from kit.grading.exam import load_exam, questions
from kit.grading.gradebook import comments, gradebook_frame
from kit.grading.sheet import Reading, to_answer
from kit.grading.grade import Weights

from .conftest import ATTACKERS, ATTACKS, GENERAL, HONEST


def earned(exam, trainee: str, answers: dict) -> dict[str, float]:
    """What each graded cell of ``trainee`` should score: their answer (a dict) graded on their own variant with
    kit.grading.grade; a cell holding code (or nothing) earns 0."""
    weights = Weights(outcome=exam.points.outcome, fine=exam.points.fine)
    out = {}
    for q in questions(exam, trainee):
        given = answers.get(str(q.n), answers.get(q.n))
        d = q.scenario(trainee).decision
        if isinstance(given, dict):
            read = to_answer(Reading(value=given), d.case_id)
            marks = grade(read.answer, d, weights=weights)
            out[f"q{q.n}-outcome"], out[f"q{q.n}-fine"] = marks.part("outcome").points, marks.part("fine").points
        else:
            out[f"q{q.n}-outcome"] = out[f"q{q.n}-fine"] = 0.0
    return out


@pytest.fixture(scope="module")
def general(course):
    exam = load_exam(course / "source" / GENERAL / "exam.yaml")
    frame = gradebook_frame(course / "gradebook.db")
    frame = frame[frame.assignment == GENERAL]
    scores = {(r.trainee, r.question): r.score for r in frame.itertuples()}
    given = json.loads((course / "given.json").read_text(encoding="utf-8"))
    return exam, scores, given


def test_the_course_has_at_least_eight_trainees_and_every_attack(general):
    _, scores, given = general
    trainees = {t for t, _ in scores}
    assert len(trainees) >= 8 and set(HONEST) | set(ATTACKERS) == trainees
    assert set(ATTACKS) <= set(ATTACKERS)


@pytest.mark.parametrize("trainee", [*HONEST, *ATTACKERS])
def test_every_submission_scores_exactly_what_its_answers_earn(general, trainee):
    exam, scores, given = general
    expected = earned(exam, trainee, given[trainee])
    got = {q: s for (t, q), s in scores.items() if t == trainee}
    assert got == expected


def test_the_honest_trainees_are_untouched(general):
    exam, scores, _ = general
    full = exam.points.outcome + exam.points.fine
    for trainee in ("H01", "H03"):  # all right, however the fine is written (15000, 1.5万元, 一万五千元, 15,000元)
        assert sum(s for (t, _), s in scores.items() if t == trainee) == full * exam.size
    # H02 answered every odd question right and every even one wrong, and explored with a loop and a kill
    h2 = {q: s for (t, q), s in scores.items() if t == "H02"}
    assert all(h2[f"q{n}-outcome"] == exam.points.outcome for n in range(1, exam.size + 1, 2))
    assert all(h2[f"q{n}-outcome"] == 0 for n in range(2, exam.size + 1, 2))


def test_the_attacks_gain_nothing(general):
    exam, scores, _ = general
    total = {t: sum(s for (x, _), s in scores.items() if x == t) for t in ATTACKERS}
    # wrong answers stay wrong whatever the first cell tried; the first question, holding code, earns nothing
    for trainee in ("A-env", "A-rebind", "A-reference", "A-gradebook"):
        assert total[trainee] == 0, trainee
    # right answers behind a loop or a kill: every question but the first (the cell that holds the code)
    per_question = exam.points.outcome + exam.points.fine
    assert total["A-loop"] == total["A-kill"] == per_question * (exam.size - 1)
    assert total["A-empty"] == 0


def test_the_copies_are_graded_on_the_copiers_own_cases(course, general):
    exam, scores, given = general
    for q in questions(exam, "A-copy"):
        assert q.scenario("A-copy").decision.case_id != questions(exam, "H01")[q.n - 1].scenario("H01").decision.case_id
    shown = nbformat.read(course / "autograded" / "A-copy" / GENERAL / f"{GENERAL}.ipynb", as_version=4)
    assert 'TRAINEE_ID = "H01"' in shown.cells[1].source  # the copied notebook still says H01 …
    result = json.loads((course / "autograded" / "A-copy" / GENERAL / f"{GENERAL}.kit.json").read_text())
    assert result["trainee"] == "A-copy" and all(":A-copy:" in q["case_id"] for q in result["questions"])


FLAGS = {
    "A-env": {"answer_is_code"}, "A-rebind": {"answer_is_code"}, "A-reference": {"answer_is_code"},
    "A-cwd": {"answer_is_code"}, "A-loop": {"answer_is_code"}, "A-kill": {"answer_is_code"},
    "A-gradebook": {"answer_is_code", "locked_changed", "unknown_cell"},
    "A-empty": {"notebook_empty"}, "A-copy": set(), "H01": set(), "H02": set(), "H03": set(),
}


@pytest.mark.parametrize("trainee", sorted(FLAGS))
def test_the_integrity_flags_name_the_attackers(course, trainee):
    result = json.loads((course / "autograded" / trainee / GENERAL / f"{GENERAL}.kit.json").read_text())
    assert {f["code"] for f in result["flags"]} == FLAGS[trainee]
    if FLAGS[trainee]:
        lines = comments(course / "gradebook.db")[(trainee, GENERAL)]
        assert any(line.startswith("⚑ 完整性标记：") for line in lines)
    if trainee == "A-gradebook":
        cells = {(f["code"], f["cell"]) for f in result["flags"]}
        assert ("locked_changed", "q2-outcome") in cells and ("unknown_cell", "q-bonus") in cells


def test_no_cell_was_executed(course):
    nb = nbformat.read(course / "autograded" / "H02" / GENERAL / f"{GENERAL}.ipynb", as_version=4)
    free = [c for c in nb.cells if c.cell_type == "code" and "nbgrader" not in c.metadata]
    assert free and all(not c.get("outputs") and c.get("execution_count") is None for c in free)


def test_feedback_names_the_parts_in_chinese_without_a_traceback(course):
    html = (course / "feedback" / "H02" / GENERAL / f"{GENERAL}.html").read_text(encoding="utf-8")
    assert "你的答案" in html and "依法可选" in html and "裁量过程" in html
    for leak in ("Traceback (most recent call last)", "AssertionError", "NameError", str(course), "site-packages"):
        assert leak not in html
    result = json.loads((course / "autograded" / "H02" / GENERAL / f"{GENERAL}.kit.json").read_text())
    wrong = result["questions"][1]["parts"][0]  # question 2: answered wrong on purpose
    assert wrong["status"] == "wrong" and ("不在依法可选范围" in wrong["zh"] or "应当移送" in wrong["zh"])
    assert "批准文号" not in wrong["zh"]  # told why the level is wrong, not that an approval is missing
    assert wrong["zh"] in html
