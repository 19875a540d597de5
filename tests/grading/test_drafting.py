"""The drafting exercise is graded by the filing review, part by part, with located reasons and no file path."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.grading.drafting import PARTS, grade_draft
from kit.grading.exam import load_exam

ANSWERS = Path(__file__).resolve().parents[2] / "answers"
DRAFTS = Path(__file__).resolve().parent / "drafts"


@pytest.fixture(scope="module")
def exam():
    return load_exam(ANSWERS / "drafting-01" / "exam.yaml")


def parts(exam, name: str) -> dict:
    return {p.part: p for p in grade_draft(exam, (DRAFTS / f"{name}.yaml").read_text(encoding="utf-8"))}


def test_a_good_draft_passes_every_part(exam):
    got = parts(exam, "good")
    assert list(got) == list(PARTS) and all(p.status == "right" for p in got.values())
    assert sum(p.points for p in got.values()) == 10


def test_a_flawed_draft_is_told_each_flaw(exam):
    got = parts(exam, "flawed")
    assert got["well_formed"].status == "right"
    assert got["complete"].status == "right"
    assert got["no_conflict"].status == "wrong" and "js-scjg-price-marking" in got["no_conflict"].zh
    assert got["conditioned"].status == "wrong" and "levels.no_penalty" in got["conditioned"].zh
    assert got["tiles"].status == "wrong" and "第15行" in got["tiles"].zh and "重叠" in got["tiles"].zh
    assert "line 15" in got["tiles"].en and "overlaps" in got["tiles"].en


def test_a_draft_that_does_not_load_lists_every_error_by_line_and_no_path(exam):
    got = parts(exam, "broken")
    well = got["well_formed"]
    assert well.status == "wrong" and "第7行" in well.zh and "colour" in well.zh and "fifty" in well.zh
    assert "/" not in well.zh.replace("/ ", "")
    assert all(got[p].points == 0 for p in PARTS)


def test_the_task_fixes_the_id_and_the_authority(exam):
    got = parts(exam, "wrong-id")
    assert got["well_formed"].status == "wrong" and sum(p.points for p in got.values()) == 0
    assert "/work" not in got["well_formed"].zh and "kit/baselines" not in got["well_formed"].zh


def test_an_empty_draft(exam):
    assert all(p.status == "wrong" and "DRAFT" in p.zh for p in grade_draft(exam, "  "))
