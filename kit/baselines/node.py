"""The base of every node of the library format, and the pattern of ids."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

Id = Annotated[str, Field(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")]


class Node(BaseModel):
    """Every node of the format: a fixed set of keys, immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)
