"""The drill's plain records (no database code, so a page can show them before the store is imported)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

Clock = Callable[[], date]
"""Today's date; injectable (tests, ``KIT_DRILL_CLOCK_FILE``)."""


@dataclass(frozen=True)
class CaseRef:
    """What regenerates a case: ``generate(template, library, trainee_id=officer, seed=seed, target_level=target)``."""

    case_id: str
    template_id: str
    seed: int
    target: str | None


@dataclass(frozen=True)
class Score:
    """An officer's score over the first submission of each case."""

    answered: int = 0
    right: int = 0
    points: float = 0.0
    max_points: float = 0.0

    @property
    def share(self) -> float:
        return self.right / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class Tally:
    """Progress on one sector or one rule: cases answered and how many were missed."""

    key: str
    answered: int
    missed: int
