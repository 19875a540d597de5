"""Exams as data: located errors, draws per (trainee, exam, attempt), and what a copy of another's answers earns."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.baselines import LibraryError
from kit.grading.exam import candidates, load_exam, questions
from kit.grading.results import grade_submission

from .conftest import right_answer

ANSWERS = Path(__file__).resolve().parents[2] / "answers"
HERE = Path(__file__).resolve().parent
SHIPPED = ("discretion-01", "exam-general", "exam-market", "exam-ecology", "drafting-01")


@pytest.mark.parametrize("name", SHIPPED)
def test_the_shipped_exams_load(name):
    exam = load_exam(ANSWERS / name / "exam.yaml")
    assert exam.id == name and exam.attempt == 1 and exam.assignment == name


def test_a_structural_error_names_the_file_line_and_path():
    with pytest.raises(LibraryError) as error:
        load_exam(HERE / "exams" / "broken.yaml")
    (e,) = error.value.errors
    assert e.file.endswith("broken.yaml") and e.line == 6 and e.path == "exam.colour"


def test_every_pool_error_is_reported_in_one_run():
    with pytest.raises(LibraryError) as error:
        load_exam(HERE / "exams" / "bad-pools.yaml")
    found = {(e.line, e.path, e.problem) for e in error.value.errors}
    assert (7, "exam.pools[0].templates[0]", "no such built-in template") in found
    assert (8, "exam.pools[1].outcomes[0]", "unknown outcome") in found
    assert (9, "exam.pools[2].draw", "the pool has too few candidates") in found


def test_pools_filter_by_sector_outcome_and_difficulty():
    exam = load_exam(ANSWERS / "exam-general" / "exam.yaml")
    pools = {p.id: p for p in exam.pools}
    assert {o for _, o in candidates(pools["transfer"])} == {"transfer"}
    assert {t for t, _ in candidates(pools["time-bar"])} == {"flyposting-ad-network", "truck-overload-camera",
                                                             "unapproved-construction-old"}
    market = load_exam(ANSWERS / "exam-market" / "exam.yaml")
    assert {t for t, _ in candidates(market.pools[0])} == {"change-registration-address", "false-registration-materials",
                                                           "false-registration-nanjing"}


def test_each_trainee_and_each_attempt_gets_their_own_cases():
    exam = load_exam(ANSWERS / "exam-general" / "exam.yaml")
    first = [q.scenario("T01").decision for q in questions(exam, "T01")]
    assert [q.scenario("T01").decision for q in questions(exam, "T01")] == first  # deterministic
    # the outcome each pool asks for is the engine's outcome of the drawn case
    for q, d in zip(questions(exam, "T01"), first):
        assert q.outcome is None or (q.outcome == "transfer") == d.transfer
    second = exam.model_copy(update={"attempt": 2})
    assert second.assignment == "exam-general-a2"
    again = [q.scenario("T01").decision.case_id for q in questions(second, "T01")]
    assert not set(again) & {d.case_id for d in first}
    others = {tuple(q.scenario(f"T{i:02d}").decision.case_id for q in questions(exam, f"T{i:02d}")) for i in range(10)}
    assert len(others) == 10


def _cells(exam, source: str) -> dict:
    import json
    return {f"answer-{q.n}": ("code", f"ANSWER_{q.n} = {json.dumps(right_answer(exam, source, q.n), ensure_ascii=False)}")
            for q in questions(exam, source)}


def test_a_copy_scores_what_it_scores_on_the_copiers_own_variant():
    """Acceptance: 200 pairs; each copier hands in another trainee's right answers. Measured mean: printed."""
    exam = load_exam(ANSWERS / "exam-general" / "exam.yaml")
    shares = []
    for i in range(200):
        source, copier = f"S{i:03d}", f"C{i:03d}"
        cells = _cells(exam, source)
        own = grade_submission(exam, source, cells)
        assert own.points == own.max_points  # right for the one they were written for …
        copied = grade_submission(exam, copier, cells)  # … graded on the copier's own cases
        assert [q.case_id.split(":")[1] for q in copied.questions] == [copier] * exam.size
        shares.append(copied.points / copied.max_points)
    mean = sum(shares) / len(shares)
    print(f"copy of another trainee's right answers, mean over {len(shares)} pairs: {mean:.1%} of the points")
    assert mean < 0.5 and min(shares) < max(shares)
