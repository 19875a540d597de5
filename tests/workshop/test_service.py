"""The workshop's plain functions on a SQLite store: a round with three participants, the spread, a
resubmission, answers bound to their round (closed, replaced), names unique per workshop, the trainer key, and
a reveal whose marks are ``kit.grading.grade``'s."""

from __future__ import annotations

import pytest

from kit.baselines import sample_library
from kit.baselines.vocabulary import Level
from kit.grading import Answer, grade
from kit.store import session_factory
from kit.workshop import (LEVEL_ORDER, WorkshopError, case_of, close, create_workshop, current_round, open_round,
                          reopen, reveal, spread, submissions, submit)
from kit.workshop.identity import check_trainer, digest, join, require_participant

TEMPLATE = "parking-fee-overcharge"  # decided by the authority: never a transfer


@pytest.fixture
def engine(sqlite_store):
    return sqlite_store


@pytest.fixture
def Session(engine):
    return session_factory(engine)


def _who(s, code, token):
    from kit.workshop import get_workshop

    return require_participant(s, get_workshop(s, code), token)


@pytest.fixture
def room(Session):
    """A workshop with an open round; returns (code, round id, decision, answers, tokens)."""
    with Session.begin() as s:
        code = create_workshop(s, "裁量基准研讨", code="ROOM23", trainer_key_hash=digest("k3y")).code
        round_ = open_round(s, code, TEMPLATE, seed=1)
        round_id, decision = round_.id, case_of(round_).decision
    lawful = decision.level
    wrong = next(lv for lv in Level if lv not in decision.acceptable)
    answers = {"张三": (lawful.value, decision.suggested_fine), "李四": (lawful.value, decision.fine.hi * 10),
               "王五": (wrong.value, 100.0)}
    tokens = {}
    with Session.begin() as s:
        for name, (level, fine) in answers.items():
            participant, tokens[name] = join(s, code, name, None)
            submit(s, participant, round_id, level, fine)
    return code, round_id, decision, answers, tokens


def test_a_round_with_three_participants(Session, room):
    code, round_id, decision, answers, _tokens = room
    with Session() as s:
        round_ = current_round(s, code)
        assert round_.id == round_id and round_.status == "open" and round_.case_id == decision.case_id
        assert [x.participant for x in submissions(s, round_)] == sorted(answers)
        rows = {r["level"]: r for r in spread(s, round_)}
    assert list(rows) == list(LEVEL_ORDER)
    assert sum(r["count"] for r in rows.values()) == 3
    lawful, wrong = decision.level.value, answers["王五"][0]
    assert rows[lawful]["count"] == 2 and rows[wrong]["count"] == 1
    assert rows[lawful]["share"] == pytest.approx(2 / 3)
    fines = sorted([decision.suggested_fine, decision.fine.hi * 10])
    assert (rows[lawful]["fine_min"], rows[lawful]["fine_max"]) == (fines[0], fines[1])
    assert rows[lawful]["fine_median"] == pytest.approx(sum(fines) / 2)
    assert rows[lawful]["lawful"] == 1 and rows[wrong]["lawful"] == 0  # 李四's fine is ten times the top
    empty = next(k for k in LEVEL_ORDER if k not in (lawful, wrong))
    assert rows[empty]["count"] == 0 and rows[empty]["fine_median"] is None


def test_a_resubmission_replaces_the_first(Session, room):
    code, round_id, _d, _a, tokens = room
    with Session.begin() as s:
        submit(s, _who(s, code, tokens["王五"]), round_id, "从轻", 300, reason="初次违法")
    with Session() as s:
        subs = submissions(s, current_round(s, code))
    assert len(subs) == 3
    assert [(x.level, x.fine, x.reason) for x in subs if x.participant == "王五"] == [("lenient", 300.0, "初次违法")]


def test_a_closed_round_refuses_answers(Session, room):
    code, round_id, _d, _a, tokens = room
    with Session.begin() as s:
        close(s, current_round(s, code))
    with Session() as s, pytest.raises(WorkshopError) as info:
        submit(s, _who(s, code, tokens["张三"]), round_id, "一般", 1000)
    assert info.value.key == "round_closed" and info.value.status == 409
    assert "第 1 轮已截止提交" in info.value.message("zh") and "Round 1 is closed" in info.value.message("en")


def test_an_answer_to_a_replaced_round_is_refused_not_filed_under_the_new_one(Session, room):
    code, round_id, _d, _a, tokens = room
    with Session.begin() as s:
        second = open_round(s, code, "spitting-public", seed=2)
        assert second.number == 2 and [r.status for r in second.workshop.rounds] == ["closed", "open"]
    with Session() as s, pytest.raises(WorkshopError) as info:
        submit(s, _who(s, code, tokens["张三"]), round_id, "一般", 1000)  # the phone still showed round 1
    assert info.value.key == "round_replaced" and "已被第 2 轮取代" in info.value.message("zh")
    with Session() as s:
        assert submissions(s, current_round(s, code)) == []


def test_a_reopened_round_is_on_screen_again(Session, room):
    code, round_id, _d, _a, tokens = room
    with Session.begin() as s:
        open_round(s, code, "spitting-public", seed=2)
    with Session.begin() as s:
        first = current_round(s, code).workshop.rounds[0]
        reopen(s, first)
    with Session.begin() as s:
        assert current_round(s, code).id == round_id and current_round(s, code).status == "open"
        submit(s, _who(s, code, tokens["张三"]), round_id, "一般", 1000)
        assert [r.status for r in current_round(s, code).workshop.rounds] == ["open", "closed"]


def test_a_name_is_unique_within_a_workshop(Session, room):
    code, *_rest, tokens = room
    with Session() as s, pytest.raises(WorkshopError) as info:
        join(s, code, "李四", None)  # a second 李四 on another phone
    assert info.value.key == "name_taken" and info.value.status == 409
    with Session() as s:  # the same phone (its token) is the same 李四, whatever it types
        participant, token = join(s, code, "whatever", tokens["李四"])
        assert participant.name == "李四" and token == tokens["李四"]


def test_the_trainer_key_is_checked(Session, room):
    code = room[0]
    with Session() as s:
        assert check_trainer(s, code, "k3y").code == code
        for key, expected in ((None, "key_missing"), ("", "key_missing"), ("wrong", "key_wrong")):
            with pytest.raises(WorkshopError) as info:
                check_trainer(s, code, key)
            assert info.value.key == expected and info.value.status == 403


def test_an_unknown_workshop_is_named(Session):
    with Session() as s, pytest.raises(WorkshopError) as info:
        join(s, "nope99", "张三", None)
    assert "没有代码为「NOPE99」的研讨会" in info.value.message("zh")


@pytest.mark.parametrize("level, fine, reason, key", [
    ("严重", 100, None, "bad_level"), ("", 100, None, "level_missing"), ("一般", -1, None, "bad_fine"),
    ("一般", 10 ** 10 + 1, None, "fine_too_large"), ("一般", float("nan"), None, "bad_fine"),
    ("一般", "100", None, "bad_fine"), ("一般", 100, "理" * 2001, "reason_too_long")])
def test_an_unreadable_or_unbounded_answer_is_refused(Session, room, level, fine, reason, key):
    code, round_id, _d, _a, tokens = room
    with Session() as s, pytest.raises(WorkshopError) as info:
        submit(s, _who(s, code, tokens["张三"]), round_id, level, fine, reason)
    assert info.value.key == key


def test_the_bounds_themselves_are_accepted(Session, room):
    code, round_id, _d, _a, tokens = room
    with Session.begin() as s:
        sub = submit(s, _who(s, code, tokens["张三"]), round_id, "一般", 10 ** 10, "理" * 2000)
        assert sub.fine == 1e10 and len(sub.reason) == 2000
    with Session() as s:
        assert join(s, code, "名" * 40, None)[0].name == "名" * 40
        with pytest.raises(WorkshopError, match="40"):
            join(s, code, "名" * 41, None)


def test_reveal_marks_agree_with_grade(Session, room):
    code, _round_id, decision, answers, _tokens = room
    with Session.begin() as s:
        round_ = current_round(s, code)
        result = reveal(s, round_)
        assert round_.status == "revealed"
    assert result.decision.case_id == decision.case_id and set(result.marks) == set(answers)
    for name, (level, fine) in answers.items():
        expected = grade(Answer(case_id=decision.case_id, level=level, fine=fine), decision, library=sample_library())
        assert result.marks[name].to_dict() == expected.to_dict()
    assert result.marks["张三"].right and not result.marks["王五"].right


def test_a_case_can_be_decided_by_any_tier_that_has_a_baseline(Session):
    from kit.workshop.service import _sample, authorities

    library = _sample()
    tiers = authorities("false-registration-materials")
    assert tiers[0] == "js-scjg"  # the template's own authority first
    assert {library.authorities[a].level.value for a in tiers} >= {"national", "provincial", "municipal", "county"}
    with Session.begin() as s:
        code = create_workshop(s, "层级", code="TIER22").code
        national = open_round(s, code, "false-registration-materials", seed=4, authority="cn-samr")
        assert national.authority == "cn-samr"
        assert case_of(national).decision.baseline == "cn-samr-false-registration"
        own = open_round(s, code, "false-registration-materials", seed=4, authority="js-scjg")
        assert own.authority is None and case_of(own).decision.baseline == "js-scjg-false-registration"
        with pytest.raises(WorkshopError) as info:
            open_round(s, code, "false-registration-materials", seed=4, authority="nj-cgj")
        assert info.value.key == "no_authority"
