"""What the trainee's notebook calls in the trainee's own session: their cases, and a format check that never
says whether an answer is right."""

from __future__ import annotations

import pytest

from kit.grading.course import EXERCISES_DIR
from kit.grading.exam import questions
from kit.grading.exercise import Exercise, trainee_id


@pytest.fixture
def here(monkeypatch):
    monkeypatch.chdir(EXERCISES_DIR / "exam-general")  # what Jupyter's working folder is for the notebook
    for name in ("KIT_TRAINEE_ID", "JUPYTERHUB_USER"):
        monkeypatch.delenv(name, raising=False)
    return Exercise.here()


def test_the_trainee_sees_their_own_cases(here, monkeypatch):
    card = here.show(1, "T01")
    q = questions(here.exam, "T01")[0]
    assert card.case_id == q.scenario("T01").decision.case_id and card.narrative_zh.splitlines()[0] in card._repr_html_()
    monkeypatch.setenv("JUPYTERHUB_USER", "hub-T02")  # on JupyterHub the id is the login
    assert trainee_id("") == "hub-T02" and here.show(1, "").case_id.split(":")[1] == "hub-T02"


def test_an_empty_id_is_refused_with_a_message(here):
    with pytest.raises(ValueError, match="TRAINEE_ID"):
        here.show(1, "")


def test_the_check_only_says_whether_the_answer_can_be_read(here):
    q = questions(here.exam, "T01")[0]
    d = q.scenario("T01").decision
    right = {"处理结果": "移送" if d.transfer else d.level.zh, "罚款": "无"}
    wrong = {"处理结果": "从重", "罚款": "1元"}
    assert here.check(right).ok and here.check(wrong).ok
    assert here.check(right).zh == here.check(wrong).zh  # the same words for right and wrong
    bad = here.check({"处理结果": "重罚"})
    assert not bad.ok and "重罚" in bad.zh and "从轻" in bad.zh
    assert not here.check({"处理结果": "", "罚款": ""}).ok


def test_the_drafting_task_shows_the_provision_and_the_higher_baseline(monkeypatch):
    monkeypatch.chdir(EXERCISES_DIR / "drafting-01")
    card = Exercise.here().show_task()
    assert "价格法" in card.citation and any("js-scjg-price-marking" in h for h in card.higher)
