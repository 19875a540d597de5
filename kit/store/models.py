"""The store's tables as SQLAlchemy 2 ORM models. The schema is made by the migrations, never by
``Base.metadata.create_all``; a test checks the two agree."""

from __future__ import annotations

from datetime import datetime, UTC
from typing import ClassVar

from sqlalchemy import CheckConstraint, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

ROUND_STATUSES = ("open", "closed", "revealed")
"""A round is ``open`` (answers accepted), ``closed`` (no more answers; the spread can be discussed), then
``revealed`` (the engine's decision and each participant's marks are shown)."""


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    repr_columns: ClassVar[tuple[str, ...]] = ()
    """The columns ``repr`` shows, in order (none: the default ``repr``)."""

    def __repr__(self) -> str:
        if not self.repr_columns:
            return super().__repr__()
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.repr_columns)
        return f"{type(self).__name__}({shown})"


class Workshop(Base):
    """A trainer's workshop: participants join it by its short code."""

    __tablename__ = "workshops"
    repr_columns = ("code", "title")
    __table_args__ = (UniqueConstraint("code", name="uq_workshops_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(16), comment="The code participants type to join.")
    title: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    trainer_key_hash: Mapped[str | None] = mapped_column(
        String(64), nullable=True, comment="SHA-256 of the trainer key (the key is shown once).")
    rounds: Mapped[list[Round]] = relationship(back_populates="workshop", order_by="Round.number",
                                               cascade="all, delete-orphan")


class Round(Base):
    """One case shown to the room: the case is ``generate(template, library, trainee_id=<code>, seed=seed)``."""

    __tablename__ = "rounds"
    repr_columns = ("number", "case_id", "status")
    __table_args__ = (UniqueConstraint("workshop_id", "number", name="uq_rounds_workshop_number"),
                      CheckConstraint("status IN ('open', 'closed', 'revealed')", name="ck_rounds_status"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer, comment="1, 2, … within the workshop.")
    template_id: Mapped[str] = mapped_column(String(100))
    seed: Mapped[int] = mapped_column(Integer)
    case_id: Mapped[str] = mapped_column(String(200), comment="Case.id of the generated case.")
    status: Mapped[str] = mapped_column(String(16), default="open")
    opened_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    shown_at: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True,
        comment="When the round was last opened or reopened: the latest is on screen.")
    authority: Mapped[str | None] = mapped_column(
        String(100), nullable=True, comment="The deciding authority when not the template's (any tier of the library).")
    workshop: Mapped[Workshop] = relationship(back_populates="rounds")
    submissions: Mapped[list[Submission]] = relationship(back_populates="round", order_by="Submission.participant",
                                                         cascade="all, delete-orphan")


class Submission(Base):
    """A participant's answer in a round: one per participant per round (a resubmission replaces it)."""

    __tablename__ = "submissions"
    repr_columns = ("participant", "level", "fine")
    __table_args__ = (UniqueConstraint("round_id", "participant", name="uq_submissions_round_participant"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), index=True)
    participant: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(32), comment="A level key (no_penalty … aggravated) or transfer.")
    fine: Mapped[float | None] = mapped_column(Float, nullable=True, comment="Yuan; NULL for no fine.")
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    round: Mapped[Round] = relationship(back_populates="submissions")


class Participant(Base):
    """A phone in a workshop: its name is unique within the workshop; the phone proves it is this participant
    with a token (a cookie) whose SHA-256 is kept here."""

    __tablename__ = "participants"
    repr_columns = ("name",)
    __table_args__ = (UniqueConstraint("workshop_id", "name", name="uq_participants_workshop_name"),
                      UniqueConstraint("token_hash", name="uq_participants_token_hash"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshops.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(40), comment="Unique within the workshop.")
    token_hash: Mapped[str] = mapped_column(String(64), comment="SHA-256 of the phone's token (cookie).")
    joined_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
