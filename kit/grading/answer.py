"""``Answer``: what a trainee (or a past decision read by the audit) says about one case.

One model for every front end: the drills, the workshop, the nbgrader exercises and the audit all grade an
``Answer`` with ``grade(answer, decision)``. Unknown keys are errors; every field is described."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..baselines.vocabulary import Level
from ..i18n import Lang, msg, t
from ..i18n.validation import Refusal, show

TRANSFER = "transfer"
"""The outcome key of a transfer to the judicial organs (Art. 27): the engine gives no level then."""

_TRANSFER_WORDS = (TRANSFER, "移送", "移送司法", "移送司法机关")
ALLOWED_LEVELS = "不予, 减轻, 从轻, 一般, 从重 (or no_penalty, mitigated, lenient, standard, aggravated), 移送 / transfer"


def parse_answer_level(text: str) -> str:
    """``从轻`` / ``从轻处罚`` / ``lenient`` → ``lenient``; ``移送`` / ``transfer`` → ``transfer``."""
    text = str(text).strip()
    if text in _TRANSFER_WORDS:
        return TRANSFER
    try:
        return Level.parse(text).value
    except ValueError:
        raise Refusal(msg("errors.unknown_answer_level", found=show(text))) from None


class Answer(BaseModel):
    """One answer to one case: the outcome, the fine, and for a departure from the baseline its reason and
    approval (调整适用)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    case_id: str = Field(min_length=1, description="The id of the case answered (``Case.id`` of the decision).")
    level: str = Field(description="The outcome chosen: 不予/减轻/从轻/一般/从重 (with or without 处罚), a level key "
                       "(no_penalty … aggravated), or 移送/transfer; stored as the key.")
    fine: float | None = Field(default=None, ge=0, description="The fine proposed in yuan; None (or 0) for none.")
    reason: str | None = Field(default=None, description="For a departure from the baseline: why applying it "
                               "would be clearly improper or grossly unfair (偏离理由).")
    approval: str | None = Field(default=None, description="For a departure: the approval reference of the body "
                                 "that issued the baseline (调整适用的批准文号).")

    @field_validator("level", mode="before")
    @classmethod
    def _level(cls, value: object) -> str:
        if not isinstance(value, str):
            raise Refusal(msg("errors.level_not_text", found=show(value)))
        return parse_answer_level(value)

    @field_validator("reason", "approval", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @property
    def transfer(self) -> bool:
        return self.level == TRANSFER

    @property
    def as_level(self) -> Level | None:
        """The level chosen, or None for a transfer."""
        return None if self.transfer else Level(self.level)

    def label(self, lang: Lang = "zh") -> str:
        if self.transfer:
            return t("decision.transfer", lang)
        return Level(self.level).label(lang)
