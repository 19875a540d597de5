"""An officer's progress in the kit's store: answers, score, the review queue (Leitner boxes 1/3/7 days).

``Progress(officer, engine, clock)`` reads and writes the tables ``drill_attempts`` and ``drill_reviews``
(kit/store). The clock is injectable: a function returning today's date; ``clock_from_env()`` reads the day
from the file named by ``KIT_DRILL_CLOCK_FILE`` (an ISO date, re-read on every call — how the browser test moves
a live server's drill to tomorrow), else the system date.

The schedule: a case answered wrong or half-right enters box 1 and comes back after 1 day; answered right
when it comes back it moves to box 2 (back after 3 days), then box 3 (after 7 days), then leaves the queue;
a wrong answer at any review puts it back in box 1. The score counts each case's first submission only."""

from __future__ import annotations

import json
import os
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from ..store import DrillAttempt, DrillReview
from .records import CaseRef, Clock, Score, Tally

INTERVALS: tuple[int, ...] = (1, 3, 7)
"""Days until a case in box 1, 2, 3 comes back."""
CLOCK_FILE_ENV = "KIT_DRILL_CLOCK_FILE"


def clock_from_env() -> Clock:
    """Today from ``$KIT_DRILL_CLOCK_FILE`` when it is set (read at each call), else the system date."""
    path = os.environ.get(CLOCK_FILE_ENV, "").strip()
    if not path:
        return date.today

    def from_file() -> date:
        try:
            return date.fromisoformat(Path(path).read_text(encoding="utf-8").strip())
        except (OSError, ValueError):
            return date.today()

    return from_file


class Progress:
    """One officer's answers and review queue in the store."""

    def __init__(self, officer: str, engine: Engine, clock: Clock | None = None):
        self.officer = officer
        self.engine = engine
        self.clock = clock or clock_from_env()

    def today(self) -> date:
        return self.clock()

    # ---- reading ---------------------------------------------------------------------------------------

    def next_seed(self) -> int:
        """One more than the highest seed this officer has answered (0 for a new officer)."""
        with Session(self.engine) as s:
            top = s.scalar(select(func.max(DrillAttempt.seed)).where(DrillAttempt.officer == self.officer))
        return 0 if top is None else top + 1

    def score(self) -> Score:
        with Session(self.engine) as s:
            rows = s.execute(select(DrillAttempt.right, DrillAttempt.points, DrillAttempt.max_points)
                             .where(DrillAttempt.officer == self.officer, DrillAttempt.first)).all()
        return Score(answered=len(rows), right=sum(1 for r in rows if r.right),
                     points=sum(r.points for r in rows), max_points=sum(r.max_points for r in rows))

    def answered(self, case_id: str) -> bool:
        with Session(self.engine) as s:
            return s.scalar(select(func.count()).select_from(DrillAttempt).where(
                DrillAttempt.officer == self.officer, DrillAttempt.case_id == case_id)) > 0

    def queue(self) -> list[tuple[CaseRef, int, date]]:
        """The review queue, soonest first: (case, box, due day)."""
        with Session(self.engine) as s:
            rows = s.scalars(select(DrillReview).where(DrillReview.officer == self.officer)
                             .order_by(DrillReview.due, DrillReview.id)).all()
        return [(CaseRef(r.case_id, r.template_id, r.seed, r.target), r.box, r.due) for r in rows]

    def due(self) -> list[CaseRef]:
        """The cases due today or earlier."""
        today = self.today()
        return [ref for ref, _box, due in self.queue() if due <= today]

    def by_sector(self) -> list[Tally]:
        """For each sector drilled: cases answered and cases not all right (first submissions)."""
        answered: dict[str, int] = {}
        missed: dict[str, int] = {}
        for a in self._firsts():
            answered[a.sector] = answered.get(a.sector, 0) + 1
            missed[a.sector] = missed.get(a.sector, 0) + (not a.right)
        return sorted((Tally(k, answered[k], missed[k]) for k in answered), key=lambda t: (-t.missed, t.key))

    def by_rule(self) -> list[Tally]:
        """The provisions and circumstances the officer missed, most missed first (first submissions):
        ``answered`` counts the cases that turned on it and were missed."""
        missed: dict[str, int] = {}
        for a in self._firsts():
            for key in json.loads(a.missed):
                missed[key] = missed.get(key, 0) + 1
        return sorted((Tally(k, v, v) for k, v in missed.items()), key=lambda t: (-t.missed, t.key))

    def _firsts(self) -> list[DrillAttempt]:
        with Session(self.engine) as s:
            return list(s.scalars(select(DrillAttempt).where(DrillAttempt.officer == self.officer,
                                                             DrillAttempt.first).order_by(DrillAttempt.id)))

    # ---- writing ---------------------------------------------------------------------------------------

    def record(self, ref: CaseRef, *, sector: str, matter: str, right: bool, points: float, max_points: float,
               parts: dict[str, str], missed: list[str]) -> None:
        """Store one submission and move the case in the review queue, in one transaction."""
        today = self.today()
        with Session(self.engine) as s, s.begin():
            seen = s.scalar(select(func.count()).select_from(DrillAttempt).where(
                DrillAttempt.officer == self.officer, DrillAttempt.case_id == ref.case_id)) > 0
            review = s.scalar(select(DrillReview).where(DrillReview.officer == self.officer,
                                                        DrillReview.case_id == ref.case_id))
            is_review = review is not None and review.due <= today
            s.add(DrillAttempt(officer=self.officer, case_id=ref.case_id, template_id=ref.template_id,
                               seed=ref.seed, target=ref.target, sector=sector, matter=matter, first=not seen,
                               review=is_review, right=right, points=points, max_points=max_points,
                               parts=json.dumps(parts, ensure_ascii=False),
                               missed=json.dumps(missed, ensure_ascii=False), answered_on=today))
            if not right:
                if review is None:
                    s.add(DrillReview(officer=self.officer, case_id=ref.case_id, template_id=ref.template_id,
                                      seed=ref.seed, target=ref.target, box=1, due=today + timedelta(INTERVALS[0])))
                elif is_review or not seen:
                    review.box, review.due = 1, today + timedelta(INTERVALS[0])
            elif review is not None and is_review:
                if review.box >= len(INTERVALS):
                    s.delete(review)
                else:
                    review.box += 1
                    review.due = today + timedelta(INTERVALS[review.box - 1])
