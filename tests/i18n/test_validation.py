"""kit.i18n.validation: one translation of a model's validation errors into located problems, one wording."""

import pytest
from pydantic import BaseModel, ValidationError

from kit.i18n.validation import problems


class Inner(BaseModel):
    min: int


class Outer(BaseModel):
    id: str
    tiers: list[Inner]


def test_every_error_with_its_dotted_path_field_and_input():
    with pytest.raises(ValidationError) as err:
        Outer.model_validate({"id": 5, "tiers": [{"min": 1}, {"min": "many"}]})
    found = problems(err.value)
    assert [p.path for p in found] == ["id", "tiers.1.min"]
    assert [p.field for p in found] == ["id", "tiers"]
    assert found[1].input == "many"
    assert found[1].text("类别 3") == f"类别 3: tiers.1.min: {found[1].message}"
    assert found[0].text() == f"id: {found[0].message}"


def test_a_refused_model_has_no_field():
    with pytest.raises(ValidationError) as err:
        Inner.model_validate("x")
    (p,) = problems(err.value)
    assert p.field is None and p.path == "" and p.text("row 4") == f"row 4: {p.message}"
