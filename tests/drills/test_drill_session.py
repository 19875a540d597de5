"""The drill without a browser: ``DrillSession``'s plain methods over a real SQLite store and a moved clock."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kit.baselines import sample_library
from kit.baselines.vocabulary import Level
from kit.drills import DrillError, DrillSession
from kit.drills.marking import present
from kit.scenarios import builtin_templates, generate

ROOT = Path(__file__).resolve().parents[2]
LIBRARY = sample_library()
TEMPLATES = builtin_templates(LIBRARY)


def session(store, clock, officer="张三", **kwargs) -> DrillSession:
    return DrillSession(officer=officer, engine=store, clock=clock, library=LIBRARY, templates=TEMPLATES, **kwargs)


def right_answer(s: DrillSession) -> dict:
    """The engine's own answer to the case on screen, every part."""
    d, sc = s.scenario.decision, s.scenario
    return {"level": "transfer" if d.transfer else d.level.value, "fine": d.suggested_fine,
            "circumstances": sorted(present(sc, LIBRARY)), "provision": d.provisions[0] if d.provisions else None}


def plain_case(s: DrillSession):
    """Next cases until one with a fine range and an unlawful level (so a wrong answer is possible)."""
    for _ in range(40):
        sc = s.next_case()
        d = sc.decision
        if not d.transfer and d.fine is not None and any(lv not in d.acceptable for lv in Level):
            return sc
        s.answer(**right_answer(s))
        s.submit()
    raise AssertionError("no plain case in 40 draws")


def test_a_case_is_regenerated_from_what_the_store_keeps(store, clock):
    s = session(store, clock)
    sc = s.next_case()
    again = generate(s.template_by_id(s.ref.template_id), LIBRARY, trainee_id="张三", seed=s.ref.seed,
                     target_level=s.ref.target)
    assert again.case.id == sc.case.id == s.ref.case_id and again.narrative_zh == sc.narrative_zh


def test_the_target_outcome_is_drawn_by_the_session_and_varies(store, clock):
    s = session(store, clock)
    outcomes, targets = set(), set()
    for _ in range(12):
        sc = s.next_case()
        targets.add(s.ref.target)
        if s.ref.target is not None:
            assert sc.outcome == s.ref.target
        outcomes.add(sc.outcome)
        s.answer(**right_answer(s))
        s.submit()
    assert len(outcomes) >= 3, outcomes
    assert not hasattr(s, "target"), "no target outcome for the officer to choose"


def test_the_engines_answer_is_right_on_every_part(store, clock):
    s = session(store, clock)
    for _ in range(8):
        s.next_case()
        s.answer(**right_answer(s))
        marks = s.submit()
        assert marks.right, [(p.name, p.zh) for p in marks.parts]
        names = [p.name for p in marks.parts]
        assert names[:2] == ["outcome", "circumstances"] and names[-1] == "fine"


def test_a_wrong_answer_is_marked_part_by_part_with_reasons(store, clock):
    s = session(store, clock)
    sc = plain_case(s)
    d = sc.decision
    wrong = next(lv for lv in Level if lv not in d.acceptable)
    others = [f for f in s.circumstance_options() if f not in present(sc, LIBRARY)]
    wrong_provision = next(p for p in s.provision_options() if p not in d.provisions)
    s.answer(level=wrong.value, circumstances=others[:2], provision=wrong_provision, fine=d.fine.hi + 1000)
    marks = s.submit()
    by = {p.name: p for p in marks.parts}
    assert by["outcome"].status == "wrong" and by["fine"].status == "wrong"
    assert by["provision"].status == "wrong" and d.provisions[0] in by["provision"].zh
    assert by["circumstances"].status == "wrong" and "误选" in by["circumstances"].zh
    label = LIBRARY.factors[others[0]].en
    assert label in by["circumstances"].en and others[0] not in by["circumstances"].en  # labels, not ids


def test_circumstance_options_hold_the_case_and_distractors(store, clock):
    s = session(store, clock)
    for _ in range(6):
        sc = s.next_case()
        options = s.circumstance_options()
        assert present(sc, LIBRARY) <= set(options)
        template_factors = {f for c in s.template().circumstances for f in c.factors}
        assert len(set(options) - template_factors - present(sc, LIBRARY)) == 2  # two distractors
        assert s.circumstance_options() == options, "a case's options are fixed"
        assert set(sc.decision.provisions) <= set(s.provision_options())
        s.answer(**right_answer(s))
        s.submit()


@pytest.mark.parametrize("typed, yuan", [("5万元", 50_000), ("五万", 50_000), ("50,000", 50_000), ("1.2万", 12_000),
                                         ("一万五", 15_000), ("三千五", 3_500), ("1万5千", 15_000), ("", None),
                                         ("  ", None), ("元", None), (None, None)])
def test_the_fine_may_be_typed_as_an_officer_writes_it(store, clock, typed, yuan):
    s = session(store, clock)
    s.next_case()
    assert s.answer(level="standard", fine=typed).fine == yuan


@pytest.mark.parametrize("typed", ["一万五", "三千五", "1万5千", "一点五万元", "15,000 元", "二五"])
def test_a_drill_reads_a_fine_as_the_exam_does(store, clock, typed):
    from kit.grading import parse_amount

    s = session(store, clock)
    s.next_case()
    assert s.answer(level="standard", fine=typed).fine == parse_amount(typed)


def test_a_fine_that_cannot_be_read_is_said_not_zeroed(store, clock):
    s = session(store, clock)
    s.next_case()
    with pytest.raises(DrillError) as err:
        s.answer(level="standard", fine="五千块左右")
    assert "五千块左右" in err.value.message("zh") and "cannot be read" in err.value.message("en")
    assert s.current is None


def test_the_score_counts_the_first_attempt_and_a_retry_does_not_change_it(store, clock):
    s = session(store, clock)
    sc = plain_case(s)
    before = s.score()
    wrong = next(lv for lv in Level if lv not in sc.decision.acceptable)
    s.answer(level=wrong.value, fine=1)
    s.submit()
    after_wrong = s.score()
    assert after_wrong.answered == before.answered + 1 and after_wrong.right == before.right
    s.retry()
    assert s.marks is None and s.scenario is sc
    s.answer(**right_answer(s))
    assert s.submit().right
    assert s.score() == after_wrong, "the retry is marked but the score keeps the first attempt"


def test_progress_survives_a_new_session_and_the_wrong_case_returns_on_schedule(store, clock):
    s = session(store, clock)
    sc = plain_case(s)
    wrong_id = sc.case.id
    s.answer(level=next(lv for lv in Level if lv not in sc.decision.acceptable).value, fine=1)
    s.submit()
    s.next_case()
    s.answer(**right_answer(s))
    s.submit()
    score = s.score()

    again = session(store, clock)  # a reload: a new session for the same officer
    assert again.score() == score
    assert [ref.case_id for ref, box, _ in again.progress.queue()] == [wrong_id]
    assert again.next_case().case.id != wrong_id, "not due the same day"

    clock.advance(1)
    third = session(store, clock)
    assert third.next_case().case.id == wrong_id and third.is_review
    third.answer(**right_answer(third))
    third.submit()
    (ref, box, due), = third.progress.queue()
    assert box == 2 and (due - clock()).days == 3
    clock.advance(3)
    fourth = session(store, clock)
    assert fourth.next_case().case.id == wrong_id
    fourth.answer(level=next(lv for lv in Level if lv not in fourth.scenario.decision.acceptable).value, fine=1)
    fourth.submit()
    (ref, box, due), = fourth.progress.queue()
    assert box == 1 and (due - clock()).days == 1, "a wrong review goes back to box 1"
    assert fourth.score() == score, "reviews do not change the score"


def test_the_queue_is_left_after_box_three(store, clock):
    s = session(store, clock)
    sc = plain_case(s)
    s.answer(level=next(lv for lv in Level if lv not in sc.decision.acceptable).value, fine=1)
    s.submit()
    for days in (1, 3, 7):
        clock.advance(days)
        s = session(store, clock)
        assert s.next_case().case.id == sc.case.id
        s.answer(**right_answer(s))
        s.submit()
    assert s.progress.queue() == []


def test_progress_by_sector_and_by_rule(store, clock):
    s = session(store, clock)
    sc = plain_case(s)
    s.answer(level="standard", circumstances=[], provision=None, fine=1)
    s.submit()
    sector = LIBRARY.matters[sc.case.matter].sector
    tally = {t.key: t for t in s.progress.by_sector()}
    assert tally[sector].missed >= 1
    rules = {t.key for t in s.progress.by_rule()}
    assert {f"provision:{c}" for c in sc.decision.provisions} <= rules


def test_choosing_sector_matter_and_difficulty_narrows_the_cases(store, clock):
    s = session(store, clock)
    s.choose(sector="价格监管", difficulty="basic")
    for _ in range(4):
        sc = s.next_case()
        assert LIBRARY.matters[sc.case.matter].sector == "价格监管" and sc.difficulty == "basic"
        s.answer(**right_answer(s))
        s.submit()
    s.choose(sector="价格监管", matter="price-government-pricing")
    assert s.next_case().case.matter == "price-government-pricing"
    s.choose(sector="食品安全", matter="price-government-pricing")
    assert s.matter is None, "a matter outside the sector is cleared"
    with pytest.raises(DrillError):
        s.choose(sector="不存在")
    s.choose(sector="交通运输", difficulty="advanced")
    with pytest.raises(DrillError) as err:
        s.next_case()
    assert err.value.key == "err.no_templates"


@pytest.mark.parametrize("call, key", [
    (lambda s: s.answer(level="standard"), "err.no_case"),
    (lambda s: s.submit(), "err.no_case"),
])
def test_mistakes_the_officer_can_fix_are_drill_errors(store, clock, call, key):
    s = session(store, clock)
    with pytest.raises(DrillError) as err:
        call(s)
    assert err.value.key == key and err.value.message("zh") != err.value.message("en")


def test_a_name_is_needed_and_bounded(store, clock):
    s = DrillSession(engine=store, clock=clock, library=LIBRARY, templates=TEMPLATES)
    with pytest.raises(DrillError) as err:
        s.next_case()
    assert err.value.key == "err.no_officer"
    with pytest.raises(DrillError):
        s.set_officer("   ")
    with pytest.raises(DrillError) as err:
        s.set_officer("x" * 101)
    assert "100" in err.value.message("en")


def test_officers_see_only_their_own_progress(store, clock):
    a = session(store, clock, officer="甲")
    a.next_case()
    a.answer(level="standard", fine=1)
    a.submit()
    b = session(store, clock, officer="乙")
    assert b.score().answered == 0 and b.progress.queue() == [] and a.score().answered == 1


def test_the_notebook_is_thin():
    nb = json.loads((ROOT / "notebooks" / "drill.ipynb").read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert len(code) == 1 and "".join(code[0]["source"]).strip() == "from kit.drills import Drill\nDrill()"
    assert all(c["cell_type"] == "code" for c in nb["cells"]), "the page's words come from the catalog"
