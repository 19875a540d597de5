"""The drill without a browser: ``DrillSession``'s plain methods and the ``Drill`` widgets wired to them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kit.baselines import sample_library
from kit.baselines.vocabulary import Level
from kit.drills import Drill, DrillError, DrillSession
from kit.scenarios import builtin_templates, generate

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = sample_library()
TEMPLATES = builtin_templates(LIBRARY)
TEMPLATE_IDS = [t.id for t in TEMPLATES]


def engine_answer(decision) -> dict:
    """The engine's own answer: its outcome (移送 for a transfer) and its suggested fine."""
    return {"level": "transfer" if decision.transfer else decision.level.value, "fine": decision.suggested_fine}


def wrong_level(decision) -> Level:
    return next(lv for lv in Level if lv not in decision.acceptable)


def session(**kwargs) -> DrillSession:
    return DrillSession(library=LIBRARY, templates=TEMPLATES, **kwargs)


def first_plain_case(s: DrillSession):
    """Draw cases until one is decided by the authority (no transfer) and leaves some level unlawful."""
    for _ in range(50):
        scenario = s.next_case()
        d = scenario.decision
        if not d.transfer and any(lv not in d.acceptable for lv in Level):
            return scenario
    raise AssertionError("no plain case in 50 draws")


# ---- the session -------------------------------------------------------------------------------------------

def test_next_case_is_deterministic_for_a_session_and_seed():
    a, b = session(session_id="T1", seed=5), session(session_id="T1", seed=5)
    a.choose("parking-fee-overcharge")
    b.choose("parking-fee-overcharge")
    first, again = a.next_case(), b.next_case()
    assert first.case.id == again.case.id == "parking-fee-overcharge:T1:5"
    assert first.narrative_zh == again.narrative_zh
    expected = generate(a.template, LIBRARY, trainee_id="T1", seed=5)
    assert first.narrative_zh == expected.narrative_zh and first.outcome == expected.outcome
    assert a.next_case().case.id == "parking-fee-overcharge:T1:6", "the seed counts up with every case"
    other = session(session_id="T2", seed=5)
    other.choose("parking-fee-overcharge")
    assert other.next_case().narrative_zh != first.narrative_zh, "another session gets other variants"


def test_a_new_session_has_its_own_id_and_starts_at_seed_zero():
    a, b = session(), session()
    assert a.session_id != b.session_id
    assert a.next_case().case.id == f"{TEMPLATE_IDS[0]}:{a.session_id}:0"


def test_the_narrative_is_marked_illustrative():
    scenario = session(session_id="T1").next_case()
    assert "示例案例，非正式文件" in scenario.narrative_zh


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_the_engines_own_answer_is_right_on_every_template(template_id):
    s = session(session_id="E1")
    s.choose(template_id)
    d = s.next_case().decision
    s.answer(**engine_answer(d))
    marks = s.submit()
    assert marks.right, marks.summary()
    assert s.score.answered == 1 and s.score.right == 1 and s.score.share == 1.0


def test_a_wrong_level_names_the_lawful_levels():
    s = session(session_id="W1")
    s.choose("boiler-emission")
    d = first_plain_case(s).decision
    s.answer(level=wrong_level(d).value, fine=d.suggested_fine)
    marks = s.submit()
    assert not marks.right
    outcome = marks.part("outcome")
    assert outcome.status == "wrong"
    assert "依法可选：" + "、".join(lv.zh for lv in d.acceptable_levels) in outcome.zh
    assert "lawful: " + ", ".join(lv.en for lv in d.acceptable_levels) in outcome.en


def test_a_transfer_case_answered_with_a_level_says_it_must_be_transferred():
    s = session(session_id="X1")
    s.choose("sesame-oil-adulteration", target="移送")
    assert s.next_case().decision.transfer
    s.answer(level="一般", fine=1000)
    marks = s.submit()
    assert marks.part("outcome").status == "wrong" and "应当移送司法机关" in marks.part("outcome").zh


def test_the_score_counts_each_case_once_by_its_first_submission():
    s = session(session_id="S1")
    s.choose("boiler-emission")
    d = first_plain_case(s).decision
    s.answer(level=wrong_level(d).value, fine=None)
    s.submit()
    s.answer(**engine_answer(d))
    assert s.submit().right, "a second submission is graded and shown …"
    assert (s.score.answered, s.score.right) == (1, 0), "… but the first one counts"
    s.answer(**engine_answer(s.next_case().decision))
    s.submit()
    assert (s.score.answered, s.score.right, s.score.share) == (2, 1, 0.5)
    assert s.score.text("zh") == f"已答 2，全对 1，正确率 50%，得分 {s.score.points:g}/4"
    assert len(s.history) == 2


def test_a_target_level_gives_that_outcome():
    s = session(session_id="G1")
    s.choose("flyposting-youth", target="从重")
    assert s.next_case().outcome == "aggravated"
    s.choose(target="任意")
    assert s.target is None


def test_an_unreachable_target_is_said_in_both_languages():
    s = session(session_id="U1")
    s.choose("highway-overweight", target="不予")  # the template reaches 一般处罚 only
    with pytest.raises(DrillError) as exc:
        s.next_case()
    assert "未得到所选目标阶次" in exc.value.message("zh") and "target outcome" in exc.value.message("en")
    assert s.scenario is None and s.seed == 0, "a failed draw uses no seed"


@pytest.mark.parametrize("call, key", [
    (lambda s: s.submit(), "err.no_case"),
    (lambda s: s.answer(level="一般"), "err.no_case"),
    (lambda s: (s.next_case(), s.submit()), "err.no_answer"),
    (lambda s: (s.next_case(), s.answer(level=None)), "err.no_level"),
    (lambda s: (s.next_case(), s.answer(level="一般", fine=-5)), "err.negative"),
    (lambda s: s.set_lang("fr"), "err.lang"),
])
def test_mistakes_the_officer_can_fix_are_drill_errors(call, key):
    with pytest.raises(DrillError) as exc:
        call(session(session_id="M1"))
    assert exc.value.key == key


# ---- the widgets, driven from Python ------------------------------------------------------------------------

def drill(**kwargs) -> Drill:
    return Drill(library=LIBRARY, templates=TEMPLATES, **kwargs)


def test_the_page_opens_on_a_case_of_the_first_template():
    page = drill(session_id="P1")
    assert page.scenario.case.id == f"{TEMPLATE_IDS[0]}:P1:0"
    assert "示例案例，非正式文件" in page.case_view.value and not page.submit_button.disabled
    empty = drill(session_id="P2", first_case=False)
    assert empty.scenario is None and empty.submit_button.disabled, "nothing to submit before the first case"
    assert "下一题" in empty.case_view.value


def test_the_buttons_call_the_session():
    page = drill(session_id="B1", first_case=False)
    page.template_input.value = "parking-fee-overcharge"
    page.next_button.click()
    assert page.scenario.case.id == "parking-fee-overcharge:B1:0"
    assert "data-case-id='parking-fee-overcharge:B1:0'" in page.case_view.value
    page.submit_button.click()
    assert "请先选择处理结果" in page.message_view.value and page.marks is None
    answer = engine_answer(page.scenario.decision)
    page.level_input.value = answer["level"]
    page.fine_input.value = answer["fine"] or 0
    page.submit_button.click()
    assert page.message_view.value == ""
    feedback = page.feedback_view.value
    assert "✓ 回答正确" in feedback and "推理过程" in feedback and "第三十六条" in feedback
    assert "已答 1，全对 1，正确率 100%" in page.score_view.value
    assert page.submit_button.disabled, "one submission per case on the page"
    page.next_button.click()
    assert page.level_input.value is None and page.fine_input.value == 0 and page.feedback_view.value == ""
    assert not page.submit_button.disabled


def test_a_wrong_answer_on_the_page_shows_the_lawful_levels():
    page = drill(session_id="B2")
    page.template_input.value = "boiler-emission"
    d = first_plain_case(page).decision
    page.level_input.value = wrong_level(d).value
    page.submit_button.click()
    assert "✗ 回答有误" in page.feedback_view.value
    assert "依法可选：" + "、".join(lv.zh for lv in d.acceptable_levels) in page.feedback_view.value


def test_the_english_toggle_switches_every_text():
    page = drill(session_id="L1")
    page.answer(**engine_answer(page.scenario.decision))
    page.submit()
    zh = (page.next_button.description, page.case_view.value, page.feedback_view.value, page.score_view.value)
    assert zh[0] == "下一题" and page.scenario.narrative_zh.splitlines()[0] in zh[1]
    page.lang_toggle.value = "en"
    assert page.lang == "en"
    assert page.next_button.description == "Next case" and page.submit_button.description == "Submit"
    assert page.scenario.narrative_en.splitlines()[0] in page.case_view.value
    assert "✓ Right" in page.feedback_view.value and "Reasoning" in page.feedback_view.value
    assert "answered 1" in page.score_view.value
    assert dict(page.level_input.options)["transfer to the judicial organs"] == "transfer"
    assert page.template_input.label == TEMPLATES[0].title.en
    assert "任意" not in dict(page.target_input.options) and "any" in dict(page.target_input.options)
    page.set_lang("zh")
    assert page.lang_toggle.value == "zh"
    assert (page.next_button.description, page.case_view.value, page.feedback_view.value,
            page.score_view.value) == zh


def test_the_target_choices_follow_the_template():
    page = drill(session_id="C1")
    page.template_input.value = "sesame-oil-adulteration"
    assert [v for _label, v in page.target_input.options] == ["", "lenient", "standard", "aggravated", "transfer"]
    page.target_input.value = "transfer"
    assert page.target == "transfer"
    page.template_input.value = "highway-overweight"
    assert page.target is None and page.target_input.value == ""


def test_the_notebook_is_thin():
    nb = json.loads((ROOT / "notebooks" / "drill.ipynb").read_text("utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert len(code) == 1 and "".join(code[0]["source"]).strip() == "from kit.drills import Drill\nDrill()"
    assert all(not c.get("outputs") for c in code), "the notebook is committed without outputs"
