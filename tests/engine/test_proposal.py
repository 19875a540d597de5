"""check_proposal: an officer's chosen level and amount against the decision."""

from __future__ import annotations

import pytest

from kit.baselines import sample_library
from kit.engine import Case, check_proposal, evaluate

LIB = sample_library()


def decide(**kw):
    base = {"id": "p", "authority": "js-scjg", "dates": {"act_start": "2025-03-01", "discovered": "2025-04-01"}}
    return evaluate(LIB, Case.model_validate({**base, **kw}))


STANDARD = dict(matter="scjg-false-registration")  # 一般 95,000–155,000; 从轻 50,000–95,000


@pytest.mark.parametrize("amount, within", [(95000, True), (155000, True), (94999, False), (155001, False)])
def test_edges_of_the_sub_range_are_inclusive(amount, within):
    check = check_proposal(decide(**STANDARD), "一般", amount)
    assert check.within_baseline is within
    assert check.acceptable is within


def test_shared_edge_belongs_to_both_levels():
    d = decide(matter="scjg-false-registration", factors=["cooperative"])
    assert check_proposal(d, "从轻", 95000).within_baseline


def test_deviation_needs_reason_and_approval_and_says_which_is_missing():
    d = decide(**STANDARD)
    none = check_proposal(d, "一般", 60000)
    assert not none.acceptable and none.missing == ("reason", "approval")
    only_reason = check_proposal(d, "一般", 60000, reason="当事人系小微企业，首次经营")
    assert not only_reason.acceptable and only_reason.missing == ("approval",)
    assert "批准文号" in only_reason.text("zh")
    both = check_proposal(d, "一般", 60000, reason="显失公平", approval="苏市监调〔2025〕3号")
    assert both.acceptable and not both.within_baseline and both.missing == ()


def test_above_statutory_maximum_is_never_acceptable():
    check = check_proposal(decide(**STANDARD), "从重", 250000, reason="x", approval="y")
    assert not check.lawful and not check.acceptable


def test_may_ground_accepts_every_lawful_level():
    d = decide(matter="scjg-false-registration", dates={"act_start": "2025-03-01", "discovered": "2025-04-01",
                                                         "decided": "2025-05-01"},
               factors=["first_violation", "minor_harm", "corrected_promptly"])
    assert check_proposal(d, "减轻", 30000).acceptable
    assert check_proposal(d, "一般", 100000).acceptable
    assert not check_proposal(d, "减轻", 50000).within_baseline  # 减轻 lies strictly below the minimum


def test_no_penalty_with_a_fine_is_wrong():
    d = decide(matter="scjg-change-registration", factors=["minor_circumstances", "corrected_promptly", "no_harm"])
    assert check_proposal(d, "不予", None).acceptable
    assert not check_proposal(d, "不予", 1000).lawful


def test_transfer_cannot_be_replaced_by_a_fine():
    d = decide(matter="price-marking", factors=["suspected_crime"])
    check = check_proposal(d, "一般", 2000)
    assert not check.acceptable and "移送" in check.text("zh")


def test_a_level_that_is_not_lawful_is_checked_against_its_own_range():
    """Issue 9: the message names the range of the level the officer chose, not the lawful level's."""
    from kit.baselines import sample_library
    from kit.engine import Case, check_proposal, evaluate

    d = evaluate(sample_library(), Case.model_validate({
        "id": "p", "matter": "scjg-change-registration", "authority": "js-scjg",
        "dates": {"act_start": "2025-03-01", "discovered": "2025-04-01"}}))
    assert d.level.value == "standard"
    check = check_proposal(d, "从重", 80000)
    assert not check.within_baseline
    assert "73,000–100,000" in check.text("zh") and "37,000" not in check.text("zh")
    assert "拟罚款80,000元在从重处罚的幅度" in check.text("zh")


def test_a_warning_instead_of_the_fine_is_lawful_only_where_the_provision_allows_it():
    """Issue 9: 处警告或者罚款 makes a warning alone a lawful choice; elsewhere it departs."""
    from pathlib import Path

    from kit.baselines import load_library, sample_library
    from kit.engine import Case, check_proposal, evaluate

    fixture = load_library(Path(__file__).resolve().parents[1] / "fixtures" / "engine-law")
    case = {"id": "w", "authority": "gd-demo", "dates": {"act_start": "2025-03-01", "discovered": "2025-04-01"}}
    either = evaluate(fixture, Case.model_validate({**case, "matter": "demo-levels"}))
    check = check_proposal(either, "一般", None, penalty="warning")
    assert check.within_baseline and check.acceptable and "单处警告亦属合法选择" in check.text("zh")
    fine_only = evaluate(sample_library(), Case.model_validate({**case, "matter": "scjg-change-registration",
                                                                 "authority": "js-scjg"}))
    assert not check_proposal(fine_only, "一般", None, penalty="warning").acceptable
