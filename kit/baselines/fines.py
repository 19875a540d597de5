"""The five shapes of a fine (处X元以上Y元以下, 处Y元以下, N倍以上M倍以下, 每超N…处R元, 处X元), and how the shape is
picked from the keys a node has (``_fine_shape``), as OpenFisca picks a parameter type from its data."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Discriminator, Field, Tag

from .node import Id, Node


class RangeFine(Node):
    """处X元以上Y元以下罚款: a fine between two amounts, both inclusive."""

    min: float = Field(ge=0, description="Lowest fine in yuan (以上, inclusive).")
    max: float = Field(ge=0, description="Highest fine in yuan (以下, inclusive).")


class MaxOnlyFine(Node):
    """处Y元以下罚款: the statute gives only a maximum; the minimum is 0."""

    max: float = Field(ge=0, description="Highest fine in yuan; the lowest is 0.")


class MultipleFine(Node):
    """处违法所得/货值金额/总投资额 N倍以上M倍以下 (or 百分之N) 罚款: a multiple of a base amount."""

    base: Id = Field(description="The fact holding the base amount, e.g. illegal_gains, goods_value, investment.")
    min: float = Field(default=0, ge=0, description="Lowest multiple of the base (0.01 = 百分之一).")
    max: float = Field(ge=0, description="Highest multiple of the base.")
    display: Literal["times", "percent"] = Field(
        default="times", description="How the source writes the multiple: 倍 (times) or 百分之 (percent)."
    )
    base_unknown: RangeFine | None = Field(
        default=None, description="The range that applies when the base cannot be determined (e.g. 没有违法所得的)."
    )


class PerUnitFine(Node):
    """每超N千克处R元, 最高C元; at or below a threshold only a warning: a per-unit formula with a cap."""

    per: Id = Field(description="The fact counted, e.g. excess_weight_kg.")
    unit: float = Field(gt=0, description="Size of one unit of that fact (e.g. 1000 kg).")
    rate: float = Field(ge=0, description="Yuan per unit.")
    cap: float | None = Field(default=None, ge=0, description="Highest fine in yuan (最高不超过).")
    warning_at_or_below: float | None = Field(
        default=None, ge=0, description="At or below this value of the fact only a warning is given, no fine."
    )
    rounding: Literal["up", "down", "exact"] = Field(
        default="exact",
        description="How part units count: up (不足一个单位按一个单位计), down (drop the part), exact (pro rata).",
    )


class FixedFine(Node):
    """处X元罚款: one amount."""

    amount: float = Field(ge=0, description="The fine in yuan.")


def _fine_shape(value: Any) -> str | None:
    """Pick the penalty shape from the keys present, as OpenFisca picks a parameter type from its data."""
    if isinstance(value, BaseModel):
        return {
            RangeFine: "range", MaxOnlyFine: "max_only", MultipleFine: "multiple",
            PerUnitFine: "per_unit", FixedFine: "fixed",
        }.get(type(value))
    if not isinstance(value, dict):
        return None
    if "base" in value:
        return "multiple"
    if "per" in value or "rate" in value:
        return "per_unit"
    if "amount" in value:
        return "fixed"
    if "min" in value:
        return "range"
    if "max" in value:
        return "max_only"
    return None


FineSpec = Annotated[
    Annotated[RangeFine, Tag("range")] | Annotated[MaxOnlyFine, Tag("max_only")] | Annotated[MultipleFine, Tag("multiple")] | Annotated[PerUnitFine, Tag("per_unit")] | Annotated[FixedFine, Tag("fixed")],
    Discriminator(
        _fine_shape,
        custom_error_type="fine_shape",
        custom_error_message=(
            "a fine: {min, max} (range), {max} (maximum only), {base, min, max} (multiple of a base), "
            "{per, unit, rate, cap, warning_at_or_below} (per unit) or {amount} (fixed)"
        ),
    ),
]
