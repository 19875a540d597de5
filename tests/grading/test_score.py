"""A question's points are the sum of its parts', a submission's the sum of its questions'."""

from __future__ import annotations

from kit.grading.results import PartResult, QuestionResult, SubmissionResult


def _question(n: int, *scores: tuple[float, float]) -> QuestionResult:
    parts = [PartResult(f"p{i}", "right" if got == full else "wrong", got, full, "理由", "reason")
             for i, (got, full) in enumerate(scores)]
    return QuestionResult(n, "pool", "tpl", f"case-{n}", "叙述", "答", "given", "应", "expected", "standard", parts)


def test_points_are_summed_over_the_parts_and_the_questions():
    q1, q2 = _question(1, (1.0, 1.0), (0.5, 1.0)), _question(2, (0.0, 2.0))
    assert (q1.points, q1.max_points) == (1.5, 2.0)
    assert (q2.points, q2.max_points) == (0.0, 2.0)
    result = SubmissionResult("exam", 1, "trainee", [q1, q2], [], pass_mark=0.6)
    assert (result.points, result.max_points) == (1.5, 4.0)
    assert not result.passed  # 1.5 < 0.6 × 4
    q2.parts[0].points = 1.0
    assert result.points == 2.5 and result.passed  # read when asked, never stored
    assert result.to_dict()["points"] == 2.5 and result.to_dict()["max_points"] == 4.0


def test_nothing_to_score_is_zero_and_not_passed():
    empty = SubmissionResult("exam", 1, "trainee", [], [], pass_mark=0.6)
    assert (empty.points, empty.max_points, empty.passed) == (0, 0, False)
    assert _question(1).points == 0
