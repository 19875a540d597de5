"""kit.i18n.validation: one translation of a model's validation errors into located problems, one wording,
read from pydantic's error type and context (never its English message)."""

import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from kit.i18n import msg, say
from kit.i18n.validation import Refusal, problems


class Inner(BaseModel):
    min: int


class Outer(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    tiers: list[Inner]
    share: float = Field(default=0, ge=0, le=1)


class Checked(BaseModel):
    amount: float | None = None

    @model_validator(mode="after")
    def _needs_amount(self):
        if self.amount is None:
            raise Refusal(msg("load.v_times_amount"))
        return self


def test_every_error_with_its_dotted_path_field_and_input():
    with pytest.raises(ValidationError) as err:
        Outer.model_validate({"id": 5, "tiers": [{"min": 1}, {"min": "many"}]})
    found = problems(err.value)
    assert [p.path for p in found] == ["id", "tiers.1.min"]
    assert [p.field for p in found] == ["id", "tiers"]
    assert found[1].input == "many"
    assert say(found[1].text("类别 3"), "en") == "类别 3: tiers.1.min: wrong type — expected a whole number"
    assert say(found[1].text("类别 3")) == "类别 3: tiers.1.min：类型不对——应为整数"  # the place reads the same
    assert say(found[0].text(), "en") == 'id: wrong type — expected text (put it in quotes: "5")'
    assert say(found[1].found) == "'many'"


def test_a_refused_model_has_no_field():
    with pytest.raises(ValidationError) as err:
        Inner.model_validate("x")
    (p,) = problems(err.value)
    assert p.field is None and p.path == ""
    assert say(p.text("row 4"), "en") == "row 4: wrong type — expected a mapping"


def test_bounds_unknown_keys_and_missing_fields_in_both_languages():
    with pytest.raises(ValidationError) as err:
        Outer.model_validate({"tiers": [], "share": 2, "colour": "red"})
    by_path = {p.path: p for p in problems(err.value)}
    assert say(by_path["id"].problem, "en") == "missing required key 'id'" and say(by_path["id"].problem) == "缺少必需的键 'id'"
    assert say(by_path["share"].expected, "en") == "a number ≤ 1" and say(by_path["share"].expected) == "≤ 1 的数"
    assert say(by_path["colour"].problem, "en") == "unknown key 'colour'"


def test_a_validator_refuses_in_catalog_words():
    with pytest.raises(ValidationError) as err:
        Checked.model_validate({})
    (p,) = problems(err.value)
    assert p.kind == "value_error"
    assert say(p.expected, "en") == "times: amount needs the amount printed in the formula"
    assert "公式中的金额" in say(p.expected)
