"""The base of every node of the library format, the pattern of ids, and the fields several node types share."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

Id = Annotated[str, Field(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")]
ZhLabel = Annotated[str, Field(description="Label in Chinese.")]  # a factor's, a fact's
EnLabel = Annotated[str, Field(description="Label in English.")]
EffectiveFrom = Annotated[date, Field(description="First day in force.")]  # every dated rule: provisions, baselines,
EffectiveTo = Annotated[date | None, Field(description="Last day in force; absent while in force.")]  # lists


class Node(BaseModel):
    """Every node of the format: a fixed set of keys, immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)
