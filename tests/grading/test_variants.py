"""Per-trainee variants and the nbgrader helpers: who the trainee is, and what a test cell does."""

from __future__ import annotations

import pytest

from kit.baselines import sample_library
from kit.grading import Answer, grade
from kit.grading import nbgrader as nbg
from kit.grading.variants import variant
from kit.scenarios import find_template, generate

TEMPLATE = "flyposting-youth"


def test_a_variant_is_the_scenario_generated_for_the_trainee_and_is_deterministic():
    lib = sample_library()
    a = variant(TEMPLATE, "T01")
    assert a == variant(TEMPLATE, "T01")
    same = generate(find_template(TEMPLATE, lib), lib, trainee_id="T01")
    assert a.case == same.case and a.narrative_zh == same.narrative_zh
    assert a.case.id == f"{TEMPLATE}:T01:0"
    others = {variant(TEMPLATE, f"T{i:02d}").narrative_zh for i in range(1, 6)}
    assert len(others) == 5
    assert variant(TEMPLATE, "T01", seed=1).narrative_zh != a.narrative_zh


def test_a_template_id_never_reads_a_file_of_the_working_folder(tmp_path, monkeypatch):
    (tmp_path / TEMPLATE).write_text("template: {}", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert variant(TEMPLATE, "T01").case.matter == "city-flyposting"


def test_an_empty_trainee_id_is_refused():
    with pytest.raises(ValueError, match="trainee"):
        variant(TEMPLATE, " ")


@pytest.fixture
def outside_autograde(monkeypatch):
    for name in ("NBGRADER_EXECUTION", *nbg.TRAINEE_ENV):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def autograding(tmp_path, monkeypatch):
    folder = tmp_path / "course" / nbg.AUTOGRADED_DIRECTORY / "T07" / "discretion-01"
    folder.mkdir(parents=True)
    monkeypatch.chdir(folder)
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    return folder


def test_trainee_id_outside_autograde(outside_autograde, monkeypatch):
    assert nbg.trainee_id("T01") == "T01"
    with pytest.raises(ValueError, match="TRAINEE_ID"):
        nbg.trainee_id("")
    monkeypatch.setenv("JUPYTERHUB_USER", "hub-user")
    assert nbg.trainee_id("") == "hub-user"
    monkeypatch.setenv("KIT_TRAINEE_ID", "env-user")
    assert nbg.trainee_id(None) == "env-user" and nbg.trainee_id("T01") == "T01"
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")  # nbgrader validate: the notebook's own id
    assert nbg.trainee_id("T01") == "T01"


def test_under_autograde_the_trainee_is_the_folder_whatever_the_notebook_says(autograding):
    assert nbg.trainee_id("T01") == "T07" and nbg.trainee_id() == "T07"
    assert nbg.show_case(TEMPLATE, "T01").case_id == f"{TEMPLATE}:T07:0"


def test_under_autograde_an_unexpected_folder_is_an_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    with pytest.raises(RuntimeError, match="autograded/<student id>/<assignment>"):
        nbg.trainee_id("T01")


def test_assert_answer_grades_each_part_under_autograde(autograding, capsys):
    key = nbg.reference_answer(TEMPLATE)
    assert key.case_id == f"{TEMPLATE}:T07:0"
    right = {"level": key.level, "fine": key.fine}
    assert nbg.assert_answer(right, TEMPLATE, "T01", part="outcome") is None
    assert nbg.assert_answer(right, TEMPLATE, "T01", part="fine") is None
    assert "✓" in capsys.readouterr().out

    decision = variant(TEMPLATE, "T07").decision
    wrong_fine = {"level": key.level, "fine": decision.fine.hi + 1}
    assert nbg.assert_answer(wrong_fine, TEMPLATE, None, part="outcome") is None
    with pytest.raises(AssertionError) as info:
        nbg.assert_answer(wrong_fine, TEMPLATE, None, part="fine")
    expected = grade(Answer(case_id=decision.case_id, **wrong_fine), decision).part("fine").zh
    assert str(info.value) == expected and "罚款幅度" in expected

    grounded = {**wrong_fine, "reason": "显失公平", "approval": "示例批〔2025〕1号"}
    assert wrong_fine["fine"] <= decision.statutory_range.hi  # T07's case: a lawful departure, half the points
    assert nbg.assert_answer(grounded, TEMPLATE, None, part="fine", points=2) == 1.0


def test_assert_answer_explains_an_unreadable_or_missing_answer(autograding):
    with pytest.raises(AssertionError, match="未作答"):
        nbg.assert_answer({"level": None, "fine": None}, TEMPLATE, None, part="outcome")
    with pytest.raises(AssertionError, match="答案无法识别.*level"):
        nbg.assert_answer({"level": "重罚", "fine": 1}, TEMPLATE, None, part="outcome")


def test_outside_autograde_assert_answer_only_checks_the_form(outside_autograde, capsys):
    assert nbg.assert_answer({"level": "从重", "fine": 1}, TEMPLATE, "T01", part="fine") is None
    out = capsys.readouterr().out
    assert "提交后由评分程序判分" in out and "✓" not in out and "✗" not in out
    with pytest.raises(AssertionError):
        nbg.assert_answer({"level": "重罚", "fine": 1}, TEMPLATE, "T01", part="fine")


def test_a_case_card_shows_the_narrative_and_never_the_answer(outside_autograde):
    card = nbg.show_case(TEMPLATE, "T01")
    s = variant(TEMPLATE, "T01")
    assert s.narrative_zh in repr(card) and "kit-case" in card._repr_html_()
    for leak in ("参考答案", "罚款幅度", "依法可选"):
        assert leak not in repr(card) and leak not in card._repr_html_()
