"""The real nbgrader: the committed release is what ``nbgrader generate_assignment`` makes of answers/, and
``nbgrader autograde`` grades each trainee on their own variant (the course is built in conftest.py)."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from typer.testing import CliRunner

import kit.cli.grading  # noqa: F401  registers `kit grade` (until kit/cli/__init__.py imports it)
from kit.cli import app

from kit.grading.course import COURSE_OPTIONS, EXERCISES_DIR, assignments, course_config
from kit.grading.gradebook import gradebook_frame
from kit.grading.nbgrader import check_part
from kit.grading.variants import variant

from .conftest import ASSIGNMENT, CASES, COPIER, RIGHT, WRONG, fill, wrong_answers

DOCS = Path(__file__).resolve().parents[2] / "docs" / "grading.md"


def _plain(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_committed_release_is_what_nbgrader_generates(tmp_path):
    result = CliRunner().invoke(app, ["grade", "release", "--out", str(tmp_path)])  # what maintainers run
    assert result.exit_code == 0, result.output
    fresh = tmp_path / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    assert str(fresh) in result.output
    committed = EXERCISES_DIR / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    assert committed.exists(), f"{committed} is missing: run `kit grade release`"
    assert _plain(committed) == _plain(fresh), f"{committed} is stale: regenerate it with `kit grade release`"
    assert sorted(p.name for p in (EXERCISES_DIR / ASSIGNMENT).iterdir()) == [f"{ASSIGNMENT}.ipynb"]


def test_the_release_has_no_solution_and_no_widgets():
    text = (EXERCISES_DIR / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text(encoding="utf-8")
    for leak in ("reference_answer", "BEGIN SOLUTION", "interact", "ipywidgets"):
        assert leak not in text
    source = (EXERCISES_DIR.parent / "answers" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text(encoding="utf-8")
    assert "interact" not in source and "ipywidgets" not in source
    assert assignments() == [ASSIGNMENT]


def test_each_part_is_its_own_graded_cell():
    nb = nbformat.read(EXERCISES_DIR / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    graded = {c.metadata.nbgrader.grade_id: c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")}
    assert sorted(graded) == sorted(f"case-{n}-{part}" for n in range(1, len(CASES) + 1)
                                    for part in ("outcome", "fine"))
    for grade_id, cell in graded.items():
        part = grade_id.rsplit("-", 1)[1]
        assert cell.metadata.nbgrader.locked and cell.metadata.nbgrader.points == 1
        assert "assert_answer(" in cell.source and f'part="{part}"' in cell.source


def expected_points(trainee: str, answers: dict) -> dict[str, float]:
    """What kit.grading gives each question of ``trainee``'s own variant (0 for an unanswered case)."""
    out = {}
    for n, template in enumerate(CASES, start=1):
        for part in ("outcome", "fine"):
            given = answers.get(n)
            out[f"case-{n}-{part}"] = 0.0 if given is None else check_part(
                {"level": given[0], "fine": given[1]}, template, trainee, part=part).points
    return out


def test_autograde_scores_each_trainee_on_their_own_variant(graded_course):
    frame = gradebook_frame(graded_course / "gradebook.db")
    scores = {(r.trainee, r.question): r.score for r in frame.itertuples()}
    totals = frame.groupby("trainee")["score"].sum().to_dict()
    assert totals == {RIGHT: 6.0, WRONG: 1.0, COPIER: 0.0}, frame.to_string()

    from kit.grading.nbgrader import reference_answer
    right = {n: (reference_answer(t, RIGHT).level, reference_answer(t, RIGHT).fine)
             for n, t in enumerate(CASES, start=1)}
    for trainee, answers in ((RIGHT, right), (WRONG, wrong_answers()), (COPIER, right)):
        for question, points in expected_points(trainee, answers).items():
            assert scores[trainee, question] == points, (trainee, question)
    # the copied answers are right for T01 and wrong for T04: their variants differ on every case
    for template in CASES:
        assert variant(template, RIGHT).decision.acceptable != variant(template, COPIER).decision.acceptable


def test_the_autograder_reads_the_trainee_from_its_folder(graded_course):
    nb = nbformat.read(graded_course / "autograded" / COPIER / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    assert f"TRAINEE_ID = '{RIGHT}'" in nb.cells[1].source  # the copied notebook still says T01 …
    shown = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "case-1")
    text = shown.outputs[0]["data"]["text/plain"]
    assert f"{CASES[0]}:{COPIER}:0" in text  # … but the case shown and graded is T04's


def test_feedback_carries_the_reason(graded_course):
    nb = nbformat.read(graded_course / "autograded" / WRONG / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    cells = {c.metadata.nbgrader.grade_id: c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")}
    errors = {g: [o for o in c.outputs if o.output_type == "error"] for g, c in cells.items()}
    assert not errors["case-1-outcome"]
    assert "罚款1,000元不符合" in errors["case-1-fine"][0].evalue  # T02: 不予处罚, a fine given
    assert "未达移送" in errors["case-2-outcome"][0].evalue
    assert errors["case-3-outcome"][0].ename == "NameError"  # unanswered: the release's stub raised


def test_nbgrader_ran_within_its_budget(graded_course):
    timings = json.loads((graded_course / "timings.json").read_text())
    print(f"nbgrader generate_assignment {timings['generate_assignment']:.1f} s, "
          f"autograde of 3 submissions {timings['autograde']:.1f} s")
    assert timings["autograde"] < 60


def test_course_config_and_every_option_documented(tmp_path):
    text = course_config()
    assert "c.Execute.timeout = 60" in text
    assert "c.Execute.timeout = 5" in course_config(Execute_timeout=5)
    with pytest.raises(TypeError, match="unknown course options"):
        course_config(Execute_timout=5)
    from kit.grading import Answer, Weights
    from kit.grading.gradebook import COLUMNS
    docs = DOCS.read_text(encoding="utf-8")
    names = [*COURSE_OPTIONS, *Answer.model_fields, *Weights.model_fields, *COLUMNS]
    assert not [n for n in names if f"`{n}`" not in docs], "undocumented in docs/grading.md"


def test_a_submission_is_filled_like_a_trainee_would(tmp_path):
    release = EXERCISES_DIR / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    target = tmp_path / "x.ipynb"
    fill(release, target, "T09", {1: ("从轻", 500.0)})
    nb = nbformat.read(target, as_version=4)
    assert nb.cells[1].source.startswith("TRAINEE_ID = 'T09'")
    answer = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "answer-1")
    assert answer.source == "LEVEL_1 = '从轻'\nFINE_1 = 500.0\n"
