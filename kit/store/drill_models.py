"""The drill's tables: every answer an officer submits, and each officer's review queue (Leitner boxes).

A case is kept as what regenerates it — ``generate(template, library, trainee_id=officer, seed=seed,
target_level=target)`` — so the store holds no narrative and no answer key."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, Float, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .models import Base, utcnow


class DrillAttempt(Base):
    """One submitted answer. ``first`` is true for the officer's first submission of the case (the score
    counts those); a retry or a review is stored with ``first`` false."""

    __tablename__ = "drill_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    officer: Mapped[str] = mapped_column(String(100), index=True, comment="The officer's name or hub user.")
    case_id: Mapped[str] = mapped_column(String(200), comment="Case.id of the generated case.")
    template_id: Mapped[str] = mapped_column(String(100))
    seed: Mapped[int] = mapped_column(Integer)
    target: Mapped[str | None] = mapped_column(String(32), nullable=True, comment="Outcome asked of the generator.")
    sector: Mapped[str] = mapped_column(String(100), comment="The matter's sector, as the library names it.")
    matter: Mapped[str] = mapped_column(String(100), comment="The matter id.")
    first: Mapped[bool] = mapped_column(Boolean, comment="The first submission of this case by this officer.")
    review: Mapped[bool] = mapped_column(Boolean, comment="Answered when the case came back for review.")
    right: Mapped[bool] = mapped_column(Boolean, comment="Every part right.")
    points: Mapped[float] = mapped_column(Float)
    max_points: Mapped[float] = mapped_column(Float)
    parts: Mapped[str] = mapped_column(Text, comment="JSON: each part's name and status.")
    missed: Mapped[str] = mapped_column(Text, comment="JSON: citations of the provisions and factors missed.")
    answered_on: Mapped[date] = mapped_column(Date, comment="The drill's day (its clock) of the answer.")
    answered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class DrillReview(Base):
    """A case in an officer's review queue: box 1, 2 or 3 (back after 1, 3 or 7 days); it leaves the queue
    when answered right from box 3."""

    __tablename__ = "drill_reviews"
    __table_args__ = (UniqueConstraint("officer", "case_id", name="uq_drill_reviews_officer_case"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    officer: Mapped[str] = mapped_column(String(100), index=True)
    case_id: Mapped[str] = mapped_column(String(200))
    template_id: Mapped[str] = mapped_column(String(100))
    seed: Mapped[int] = mapped_column(Integer)
    target: Mapped[str | None] = mapped_column(String(32), nullable=True)
    box: Mapped[int] = mapped_column(Integer, comment="1, 2 or 3.")
    due: Mapped[date] = mapped_column(Date, comment="The day the case comes back.")
