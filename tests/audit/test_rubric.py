"""The rubric: a kind's name is its catalog entry (said once), and a file's score follows the rules."""

from __future__ import annotations

from kit.audit import RUBRIC, RULES, START, score
from kit.i18n import t


def test_a_kinds_name_is_the_catalogs_in_both_languages():
    assert RUBRIC["missed_transfer"].label() == "应移送未移送"
    assert RUBRIC["missed_transfer"].label("en") == "missed transfer"
    for rule in RULES:
        assert rule.label("zh") == t(f"audit.kind.{rule.kind}", "zh") != rule.label("en")


def test_gates_first_and_the_score():
    severities = [r.severity for r in RULES]
    assert severities == sorted(severities, key=["gate", "deduction"].index)
    assert all(r.points == START for r in RULES if r.severity == "gate")
    assert score([]) == (START, False)
    assert score(["fine_outside_range", "reason_missing"]) == (START - 25, False)
    assert score(["reason_missing", "missed_transfer"]) == (0.0, True)
    assert score([k for k in RUBRIC if RUBRIC[k].severity == "deduction"] * 2) == (0.0, False)  # never below 0


def test_the_rubric_is_the_data_file_and_a_broken_one_is_refused():
    import pytest
    from kit.audit.rubric import RubricError, read_rubric

    rubric = read_rubric("start: 50\nrules:\n  - {kind: a, severity: gate}\n  - {kind: b, severity: deduction, points: 7}\n")
    assert [(r.kind, r.points) for r in rubric.rules] == [("a", 50), ("b", 7)]
    for broken in ("start: 50\nrules:\n  - {kind: b, severity: deduction}\n",           # a deduction without points
                   "start: 50\nrules:\n  - {kind: a, severity: gate, points: 3}\n",       # a gate with points
                   "start: 50\nrules:\n  - {kind: a, severity: gate}\n  - {kind: a, severity: gate}\n"):
        with pytest.raises(RubricError, match=r"^rubric.yaml"):
            read_rubric(broken)
    for rule in RULES:  # every kind of the bundled file has its name and its sentence in the catalog
        assert t(f"audit.rule.{rule.kind}", "en") and t(f"audit.kind.{rule.kind}", "zh")
