"""The workshop's plain functions on a SQLite store: a round with three participants, the spread, a
resubmission, a closed round, and a reveal whose marks are ``kit.grading.grade``'s."""

from __future__ import annotations

import math

import pytest

from kit.baselines.vocabulary import Level
from kit.grading import Answer, grade
from kit.store import make_engine, session_factory, upgrade
from kit.workshop import (LEVEL_ORDER, Trainee, Trainer, WorkshopError, case_of, close, create_workshop,
                          current_round, open_round, reveal, spread, submissions, submit)

TEMPLATE = "parking-fee-overcharge"  # decided by the authority: never a transfer


@pytest.fixture
def engine(tmp_path):
    url = f"sqlite:///{tmp_path / 'kit.db'}"
    upgrade(url)
    engine = make_engine(url)
    yield engine
    engine.dispose()


@pytest.fixture
def Session(engine):
    return session_factory(engine)


@pytest.fixture
def room(Session):
    """A workshop with an open round; returns (code, decision, the three answers given)."""
    with Session.begin() as s:
        code = create_workshop(s, "裁量基准研讨", code="ROOM23").code
        round_ = open_round(s, code, TEMPLATE, seed=1)
        decision = case_of(round_).decision
    lawful = decision.level
    wrong = next(lv for lv in Level if lv not in decision.acceptable)
    answers = {"张三": (lawful.value, decision.suggested_fine), "李四": (lawful.value, decision.fine.hi * 10),
               "王五": (wrong.value, 100.0)}
    with Session.begin() as s:
        for name, (level, fine) in answers.items():
            submit(s, code, name, level, fine)
    return code, decision, answers


def test_a_round_with_three_participants(Session, room):
    code, decision, answers = room
    with Session() as s:
        round_ = current_round(s, code)
        assert round_.number == 1 and round_.status == "open" and round_.case_id == decision.case_id
        assert [x.participant for x in submissions(s, round_)] == sorted(answers)
        frame = spread(s, round_)
    assert list(frame.index) == list(LEVEL_ORDER)
    assert frame["count"].sum() == 3 and frame.attrs["participants"] == 3
    lawful = decision.level.value
    wrong = answers["王五"][0]
    assert frame.loc[lawful, "count"] == 2 and frame.loc[wrong, "count"] == 1
    assert frame.loc[lawful, "share"] == pytest.approx(2 / 3)
    fines = sorted([decision.suggested_fine, decision.fine.hi * 10])
    assert frame.loc[lawful, "fine_min"] == fines[0] and frame.loc[lawful, "fine_max"] == fines[1]
    assert frame.loc[lawful, "fine_median"] == pytest.approx(sum(fines) / 2)
    assert frame.loc[wrong, "fine_median"] == 100.0
    # only 张三 is right on every part (李四's fine is ten times the top of the range)
    assert frame.loc[lawful, "lawful_share"] == pytest.approx(0.5)
    assert frame.loc[wrong, "lawful_share"] == 0.0
    empty = next(k for k in LEVEL_ORDER if k not in (lawful, wrong))
    assert frame.loc[empty, "count"] == 0 and math.isnan(frame.loc[empty, "fine_median"])
    assert frame.attrs["lawful"] == 1


def test_a_resubmission_replaces_the_first(Session, room):
    code, decision, _answers = room
    with Session.begin() as s:
        submit(s, code, "王五", "从轻", 300, reason="初次违法")
    with Session() as s:
        round_ = current_round(s, code)
        mine = [x for x in submissions(s, round_) if x.participant == "王五"]
        assert len(submissions(s, round_)) == 3
    assert [(x.level, x.fine, x.reason) for x in mine] == [("lenient", 300.0, "初次违法")]


def test_a_closed_round_rejects_answers_clearly(Session, room):
    code, _decision, _answers = room
    with Session.begin() as s:
        close(s, current_round(s, code))
    with Session() as s, pytest.raises(WorkshopError, match="第1轮已截止提交") as info:
        submit(s, code, "赵六", "一般", 1000)
    assert "Round 1 is closed" in str(info.value)


def test_an_unknown_workshop_is_named(Session):
    with Session() as s, pytest.raises(WorkshopError, match="没有代码为「NOPE99」的研讨会"):
        submit(s, "nope99", "张三", "一般", 100)


@pytest.mark.parametrize("level, message", [("严重", "答案无法识别"), ("", "请先选择处理结果")])
def test_an_unreadable_answer_is_rejected(Session, room, level, message):
    with Session() as s, pytest.raises(WorkshopError, match=message):
        submit(s, room[0], "张三", level, 100)


def test_no_round_yet(Session):
    with Session.begin() as s:
        create_workshop(s, "空", code="EMPTY2")
    with Session() as s, pytest.raises(WorkshopError, match="尚未开始"):
        submit(s, "EMPTY2", "张三", "一般", 100)


def test_reveal_marks_agree_with_grade(Session, room):
    code, decision, answers = room
    with Session.begin() as s:
        round_ = current_round(s, code)
        result = reveal(s, round_)
        assert round_.status == "revealed"
    assert result.decision.case_id == decision.case_id and result.decision.level == decision.level
    assert set(result.marks) == set(answers)
    for name, (level, fine) in answers.items():
        expected = grade(Answer(case_id=decision.case_id, level=level, fine=fine), decision)
        assert result.marks[name].to_dict() == expected.to_dict()
    assert result.marks["张三"].right and not result.marks["王五"].right


def test_opening_a_round_closes_the_open_one(Session, room):
    code = room[0]
    with Session.begin() as s:
        second = open_round(s, code, "spitting-public", seed=2)
        assert second.number == 2 and second.case_id.startswith("spitting-public:ROOM23:2")
    with Session() as s:
        assert [r.status for r in current_round(s, code).workshop.rounds] == ["closed", "open"]


def test_the_pages_call_the_service(engine):
    """The widget apps, driven from Python: a trainer and a participant on the same store."""
    trainer, trainee = Trainer(engine=engine), Trainee(engine=engine)
    code = trainer.create("研讨")
    trainer.open_round(TEMPLATE, 0)
    trainee.join(code.lower(), "张三")
    assert "data-round='1'" in trainee.case_view.value
    trainee.submit("一般", 1000)
    assert "已提交" in trainee.done_view.value
    trainer.refresh()
    assert "已提交 <b>1</b> 人" in trainer.status_view.value and "<img" in trainer.chart_view.value
    assert "合法占比" not in trainer.table_view.value  # not before the reveal: the room sees the screen
    trainer.close_round()
    trainee._act(trainee.submit, "一般", 1000)
    assert "已截止" in trainee.message_view.value
    trainer.reveal_round()
    assert "合法占比" in trainer.table_view.value and "kit-decision" in trainer.reveal_view.value
    assert "data-participant='张三'" in trainer.reveal_view.value
