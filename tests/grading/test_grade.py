"""``grade(answer, decision)`` over the expert-written cases of tests/cases/: a part is right when the law
allows it, and every mark says why, naming what is missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError
from ruamel.yaml import YAML

from kit.baselines import sample_library
from kit.baselines.vocabulary import Level
from kit.engine import Case, evaluate
from kit.grading.grade import deciding_rules
from kit.grading import WEIGHTS, Answer, Weights, grade
from kit.i18n.errors import said

CASES_DIR = Path(__file__).resolve().parents[1] / "cases"
LIBRARY = sample_library()


def _entries():
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for entry in YAML(typ="safe").load(path.read_text(encoding="utf-8"))["cases"]:
            # other libraries, libraries that must fail to load, and cases the engine must refuse
            if "library" not in entry and "refused" not in entry["expect"]:
                yield pytest.param(entry["case"], id=f"{path.stem}:{entry['case']['id']}")


ENTRIES = list(_entries())


def decide(case: dict):
    return evaluate(LIBRARY, Case.model_validate(case))


def edges(fine_range):
    """The fines at the edges of a sub-range (an open top is approached from below)."""
    if fine_range is None:
        return [None]
    top = fine_range.hi - 0.01 if fine_range.upper_open else fine_range.hi
    return [fine_range.lo, top]


def outside(fine_range) -> float:
    if fine_range is None:
        return 100.0
    if fine_range.lo > 0:
        return fine_range.lo - 1
    return fine_range.hi if fine_range.upper_open else fine_range.hi + 1


def test_the_cases_are_collected():
    assert len(ENTRIES) > 80


@pytest.mark.parametrize("case", ENTRIES)
def test_every_lawful_level_with_a_fine_at_either_edge_is_right(case):
    d = decide(case)
    if d.transfer:
        marks = grade(Answer(case_id=d.case_id, level="移送"), d)
        assert marks.right and marks.total == marks.max_total == WEIGHTS.outcome + WEIGHTS.fine
        assert "移送" in marks.part("outcome").zh and "第二十七条" in marks.part("outcome").zh
        return
    lawful = "、".join(lv.zh for lv in d.acceptable_levels)
    for level in d.acceptable_levels:
        for fine in edges(d.acceptable[level]):
            for written in (level.value, level.zh, level.zh[:2]):
                marks = grade(Answer(case_id=d.case_id, level=written, fine=fine), d, library=LIBRARY)
                assert marks.right, marks.summary()
                assert f"依法可选：{lawful}" in marks.part("outcome").zh
                # the baseline by its title, as published (never its id)
                basis = ("第三十六条" if d.time_barred else
                         f"《{LIBRARY.baselines[d.baseline].title}》" if d.baseline else d.provisions[0])
                assert basis in marks.part("outcome").zh


@pytest.mark.parametrize("case", ENTRIES)
def test_a_level_the_law_does_not_allow_is_wrong(case):
    d = decide(case)
    for level in Level:
        if level in d.acceptable:
            continue
        part = grade(Answer(case_id=d.case_id, level=level.value), d).part("outcome")
        assert part.status == "wrong" and part.points == 0, part
        if d.transfer:
            assert "应当移送" in part.zh
        else:
            assert "不在依法可选范围" in part.zh and "依法可选" in part.zh
            # a wrong level is told why the law decides otherwise, not that an approval is missing
            assert "偏离理由" not in part.zh and "批准" not in part.zh
            assert deciding_rules(d, "zh") in part.zh and deciding_rules(d, "en") in part.en
            assert any(s.text("zh").rstrip("。") in part.zh for s in d.trace if s.fired and s.rule != "baseline.resolve")
            departed = grade(Answer(case_id=d.case_id, level=level.value, reason="显失公平"), d).part("outcome")
            assert "批准文号" in departed.zh or "不能调整适用" in departed.zh


@pytest.mark.parametrize("case", ENTRIES)
def test_a_wrong_level_earns_no_fine_point_even_with_a_fine_of_a_lawful_range(case):
    d = decide(case)
    if d.transfer:
        return
    for level in Level:
        if level in d.acceptable:
            continue
        for rng in d.acceptable.values():  # the fine of a lawful level, with the wrong level
            fine = None if rng is None else (rng.lo + rng.hi) / 2
            part = grade(Answer(case_id=d.case_id, level=level.value, fine=fine), d).part("fine")
            assert part.status == "wrong" and part.points == 0 and "罚款随之不得分" in part.zh
    wrong_transfer = grade(Answer(case_id=d.case_id, level="transfer"), d).part("fine")
    assert wrong_transfer.status == "wrong" and wrong_transfer.points == 0


@pytest.mark.parametrize("case", ENTRIES)
def test_a_fine_outside_the_range_needs_a_reason_and_an_approval(case):
    d = decide(case)
    if d.transfer:
        part = grade(Answer(case_id=d.case_id, level="transfer", fine=5000), d).part("fine")
        assert part.status == "wrong" and "不得以罚款代替移送" in part.zh
        return
    barred = d.time_barred or d.acceptable_levels == (Level.no_penalty,)
    for level in d.acceptable_levels:
        amount = outside(d.acceptable[level])
        statutory = d.statutory_range
        unlawful = (level is Level.no_penalty
                    or (statutory is not None and level is not Level.mitigated and amount > statutory.hi))

        bare = grade(Answer(case_id=d.case_id, level=level.value, fine=amount), d)
        assert bare.part("outcome").right
        fine = bare.part("fine")
        assert fine.status == "wrong" and fine.points == 0, fine
        if not (barred or unlawful):
            assert "偏离理由" in fine.zh and "批准文号" in fine.zh, fine.zh
            assert "reason" in fine.en and "approval" in fine.en

            no_approval = grade(Answer(case_id=d.case_id, level=level.value, fine=amount, reason="明显不当"), d)
            assert "缺少制定机关的批准文号" in no_approval.part("fine").zh
            assert "偏离理由" not in no_approval.part("fine").zh.split("缺少")[-1]

        grounded = grade(Answer(case_id=d.case_id, level=level.value, fine=amount, reason="显失公平",
                                approval="示例批〔2025〕1号"), d).part("fine")
        if barred or unlawful:
            assert grounded.status == "wrong", grounded
        else:
            assert grounded.status == "partial" and grounded.points == WEIGHTS.fine * WEIGHTS.departure_share
            assert "调整适用" in grounded.zh


def test_departure_share_and_points_are_data():
    d = decide(next(c.values[0] for c in ENTRIES if c.values[0]["id"] == "false-registration-first-violation"))
    heavy = Weights(outcome=3, fine=2, departure_share=0.25)
    marks = grade(Answer(case_id=d.case_id, level="一般", fine=94_999, reason="r", approval="a"), d, weights=heavy)
    assert marks.max_total == 5 and marks.part("outcome").points == 3
    assert marks.part("fine").status == "partial" and marks.part("fine").points == 0.5 and marks.total == 3.5
    level_departure = grade(Answer(case_id=d.case_id, level="从重", fine=160_000, reason="r", approval="a"), d)
    assert [p.status for p in level_departure.parts] == ["partial", "partial"]
    with pytest.raises(ValidationError):
        Weights(departure_share=2)
    with pytest.raises(ValidationError):
        Weights(bonus=1)


def test_a_transfer_answer_to_an_administrative_case_is_wrong():
    d = next(decide(c.values[0]) for c in ENTRIES if not decide(c.values[0]).transfer
             and decide(c.values[0]).fine is not None)
    marks = grade(Answer(case_id=d.case_id, level="移送"), d)
    assert marks.part("outcome").status == "wrong" and "未达移送" in marks.part("outcome").zh


def test_time_barred_and_mandatory_no_penalty_allow_no_departure():
    for case_id in ("ended-2-5-years-before-discovery", "minor-13"):
        case = next(c.values[0] for c in ENTRIES if c.values[0]["id"] == case_id)
        d = decide(case)
        marks = grade(Answer(case_id=d.case_id, level="一般", fine=500, reason="r", approval="a"), d)
        assert marks.total == 0 and "不能调整适用" in marks.part("outcome").zh, marks.summary()
        assert grade(Answer(case_id=d.case_id, level="不予"), d).right


def test_answer_model():
    a = Answer(case_id="c", level="从轻处罚", fine=100, reason="  ", approval="")
    assert a.level == "lenient" and a.as_level is Level.lenient and a.reason is None and a.approval is None
    assert Answer(case_id="c", level="移送").transfer and Answer(case_id="c", level="移送").as_level is None
    for bad in ({"level": "重罚"}, {"level": 3}, {"level": "一般", "fine": -1}, {"level": "一般", "extra": 1}):
        with pytest.raises(ValidationError) as info:
            Answer(case_id="c", **bad)
        assert "level" in str(info.value) or "fine" in str(info.value) or "extra" in str(info.value)
    assert "不予" in str(pytest.raises(ValidationError, Answer, case_id="c", level="重罚").value)
    undocumented = [name for name, f in Answer.model_fields.items() if not f.description]
    undocumented += [name for name, f in Weights.model_fields.items() if not f.description]
    assert not undocumented


def test_marks_display_themselves():
    d = decide(next(c.values[0] for c in ENTRIES if c.values[0]["id"] == "false-registration-first-violation"))
    marks = grade(Answer(case_id=d.case_id, level="一般", fine=1), d)
    data = marks.to_dict()
    assert data["total"] == 1 and data["max_total"] == 2 and [p["part"] for p in data["parts"]] == ["outcome", "fine"]
    assert data["answer"]["level"] == "standard"
    assert marks.summary().startswith(f"案件 {d.case_id}：得分 1/2") and "✓ 处理结果" in marks.summary()
    assert "Case" in marks.summary("en") and "✗ fine" in marks.summary("en")
    html = marks._repr_html_()
    assert "kit-marks" in html and "kit-wrong" in html and "95,000–155,000元" in html


def test_the_answer_must_be_for_the_decisions_case():
    d = decide(ENTRIES[0].values[0])
    with pytest.raises(ValueError, match="答案针对案例 'other'") as err:
        grade(Answer(case_id="other", level="一般"), d)
    assert said(err.value, "en") == f"the answer is for case 'other', the decision for case '{d.case_id}'"
