"""Issue 9, point 14: factors that exclude each other (first violation vs. repeat) are never drawn together, a
circumstance that brings both is a load error, and the template check finds a self-contradicting variant."""

from __future__ import annotations

import pytest
import yaml

from kit.baselines import LibraryError, sample_library
from kit.cli.scenario import reachability
from kit.scenarios import builtin_templates, draft, load_template
from kit.scenarios.exclusive import clash, exclusive_sets
from kit.scenarios.generate import self_contradictions

LIBRARY = sample_library()
BASE = {
    "id": "exclusive-demo", "title": {"zh": "首违与再犯（测试）", "en": "First and repeat (test)"},
    "matter": "scjg-false-registration", "authority": "nj-scjg", "difficulty": "basic",
    "reachable": ["standard", "aggravated", "no_penalty", "mitigated", "lenient"],
    "party": {"kind": {"organisation": 1}},
    "dates": {"act_start": {"earliest": "2025-04-01", "latest": "2025-06-30"}, "discovered": {"after": "act_start",
              "days": {"min": 5, "max": 20}}, "decided": {"after": "discovered", "days": {"min": 20, "max": 40}}},
    "narrative": {"zh": "{party}提交虚假材料取得登记。{circumstances}", "en": "{party} registered with false "
                  "papers. {circumstances}"},
}
FIRST = {"factors": ["first_violation", "minor_harm", "corrected_promptly"], "p": 1.0, "group": "list",
         "zh": "当事人此前无同类违法记录。", "en": "No earlier similar violation."}
REPEAT = {"factors": ["repeat_violation"], "p": 1.0, "group": "attitude",
          "zh": "当事人一年内曾因同一违法行为受过行政处罚。", "en": "Penalised for the same act within the year."}


def template(tmp_path, **changes):
    data = {"format_version": 1, "template": {**BASE, **changes}}
    path = tmp_path / "t.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_template(path, library=LIBRARY)


def test_first_violation_and_repeat_are_never_drawn_together(tmp_path):
    t = template(tmp_path, circumstances=[FIRST, REPEAT])  # different groups, both certain: only the first stays
    for seed in range(50):
        factors = draft(t, LIBRARY, trainee_id="T", seed=seed).case.factors
        assert "first_violation" in factors and "repeat_violation" not in factors
    assert self_contradictions(t, LIBRARY, draws=50) == []
    assert reachability(t, LIBRARY, draws=20)["contradictions"] == []


def test_a_template_can_declare_its_own_exclusive_factors(tmp_path):
    coop = {"factors": ["cooperative"], "p": 1.0, "zh": "当事人积极配合调查。", "en": "Cooperated."}
    obst = {"factors": ["obstruction"], "p": 1.0, "zh": "当事人拒绝接受检查。", "en": "Obstructed."}
    free = template(tmp_path, circumstances=[coop, obst])
    assert {"cooperative", "obstruction"} <= set(draft(free, LIBRARY, trainee_id="T", seed=0).case.factors)
    bound = template(tmp_path, circumstances=[coop, obst], exclusive=[["cooperative", "obstruction"]])
    factors = draft(bound, LIBRARY, trainee_id="T", seed=0).case.factors
    assert "cooperative" in factors and "obstruction" not in factors


def test_one_circumstance_with_both_is_a_load_error(tmp_path):
    both = {**FIRST, "factors": ["first_violation", "repeat_violation"]}
    with pytest.raises(LibraryError) as caught:
        template(tmp_path, circumstances=[both])
    report = caught.value.report("en")
    assert "exclusive-demo.circumstances[0].factors" in report and "factors that exclude each other" in report


def test_an_unknown_factor_in_a_declared_set_is_a_load_error(tmp_path):
    with pytest.raises(LibraryError) as caught:
        template(tmp_path, circumstances=[FIRST], exclusive=[["first_violation", "no_such_factor"]])
    assert "exclusive-demo.exclusive[0][1]" in caught.value.report()


def test_the_check_finds_a_self_contradicting_variant(tmp_path, monkeypatch):
    """A variant that carries both anyway (here: the draw's guard switched off) fails the template check."""
    import kit.scenarios.draw as draw

    t = template(tmp_path, circumstances=[FIRST, REPEAT])
    monkeypatch.setattr(draw, "clash", lambda factors, sets: None)
    found = self_contradictions(t, LIBRARY, draws=5)
    assert found and found[0][1] == ("first_violation", "repeat_violation")


def test_no_builtin_template_contradicts_itself():
    for t in builtin_templates(LIBRARY):
        assert self_contradictions(t, LIBRARY, draws=100) == [], t.id
        for c in t.circumstances:
            assert clash(c.factors, exclusive_sets(t)) is None, (t.id, c.zh)
