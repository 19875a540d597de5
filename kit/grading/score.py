"""Scores that are sums: a question's points are its parts' points, a submission's are its questions'."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol


class Scored(Protocol):
    @property
    def points(self) -> float: ...

    @property
    def max_points(self) -> float: ...


class SumOfParts:
    """``points`` and ``max_points`` summed over ``scored_parts()``, which the subclass names."""

    __slots__ = ()

    def scored_parts(self) -> Iterable[Scored]:
        raise NotImplementedError

    @property
    def points(self) -> float:
        return sum(p.points for p in self.scored_parts())

    @property
    def max_points(self) -> float:
        return sum(p.max_points for p in self.scored_parts())
