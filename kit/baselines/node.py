"""The base of every node of the library format, the base of every dated rule, the pattern of ids, and the labels
several node types share."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

Id = Annotated[str, Field(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")]
ZhLabel = Annotated[str, Field(description="Label in Chinese.")]  # a factor's, a fact's
EnLabel = Annotated[str, Field(description="Label in English.")]


class Node(BaseModel):
    """Every node of the format: a fixed set of keys, immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Dated(Node):
    """A rule in force for a period: a provision, a baseline, a no-penalty list. Each opens with these three keys,
    what the rule is and when it applies, then what it says."""
    # pydantic puts a base's fields first: that order is the files', the Excel export's and the field reference's.

    id: Id = Field(description="Unique id of the provision, baseline or list, e.g. js-scjg-44.")
    effective_from: date = Field(description="First day in force.")
    effective_to: date | None = Field(default=None, description="Last day in force; absent while in force.")

    def in_force(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)
