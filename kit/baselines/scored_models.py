"""The scored model of the library format (裁量百分值): the start, the weights as printed, the 裁量要素 whose
options exclude each other, the bounds, and the fine formula of the 备注 row."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..i18n import msg
from ..i18n.validation import Refusal
from .node import Id, Node


class ScoreGroup(Node):
    """A 裁量要素 whose 违法程度 options exclude each other (一次 / 两次 / 三次及以上): exactly one applies."""

    id: Id = Field(description="Id of the group, unique within the baseline.")
    text: str = Field(description="The 裁量要素 as published, e.g. 违法次数.")
    options: dict[Id, float] = Field(min_length=2, description="Factor of each 违法程度 → its weight as printed "
                                                               "(percentage points).")


class ScoreFormula(Node):
    """The 备注 row's fine formula: 罚款 = 裁量百分值 × 法定最高额, or × a base (总投资额 × 5%), with a floor on the
    base (所需处置费用不足二十万元的按二十万元计算). A block may print two (限期内 / 逾期; 对单位 / 对个人)."""

    applies: Literal["always", "in_time", "overdue", "organisation", "person"] = Field(
        default="always", description="Which cases it is for: always; in_time / overdue (逾期不改正的); "
                                      "organisation (对单位) / person (对个人).")
    times: Literal["statutory_max", "amount", "base"] = Field(
        default="statutory_max", description="What the percentage multiplies: the provision's statutory maximum, "
                                             "an amount printed in the formula, or a base fact × rate.")
    amount: float | None = Field(default=None, ge=0, description="The amount printed (times: amount), in yuan.")
    base: Id | None = Field(default=None, description="The fact holding the base (times: base), e.g. investment.")
    rate: float = Field(default=1, gt=0, description="The base's share printed in the formula (总投资额 × 5% → 0.05).")
    base_floor: float | None = Field(default=None, ge=0, description="A base below this counts as this (不足…的按…计算).")
    text: str = Field(description="The formula in the baseline's words.")

    @model_validator(mode="after")
    def _parts(self) -> ScoreFormula:
        if self.times == "amount" and self.amount is None:
            raise Refusal(msg("load.v_times_amount"))
        if self.times == "base" and self.base is None:
            raise Refusal(msg("load.v_times_base"))
        return self


class Scoring(Node):
    """A scored baseline: 裁量百分值 = start + sum of factor weights, clamped, scales the range (or, with
    ``formulas``, gives the fine itself: 罚款 = 裁量百分值 × 法定最高额)."""

    start: float = Field(description="Starting percentage.")
    weights: dict[Id, float] = Field(description="Percentage points each factor adds (negative to lower).")
    floor: float = Field(default=0, ge=0, le=100, description="Lowest percentage.")
    ceiling: float = Field(default=100, ge=0, le=100, description="Highest percentage.")
    groups: list[ScoreGroup] = Field(default_factory=list, description="裁量要素 with options that exclude each "
                                                                       "other: exactly one of each applies.")
    formulas: list[ScoreFormula] = Field(default_factory=list, description="The fine formula(s) of the 备注 row.")


