"""The review rubric (评查标准) — what each kind of finding costs — read from the data file ``rubric.yaml``
beside this module, which an agency edits to its own published standard (the points bundled are illustrative).

A file starts at ``START`` points. A **gate** item (否决项: missed transfer, wrong law, a penalty the law bars)
fails the file outright: its score is 0 whatever else it has. A **deduction** (扣分项) takes its points off,
never below 0."""

from __future__ import annotations

from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..i18n import DEFAULT_LANG, Lang, msg, t
from ..i18n.errors import Lines
from ..i18n.validation import Refusal, problems

Severity = Literal["gate", "deduction"]


class Rule(BaseModel):
    """One kind of finding: its severity and the points it costs. Its name is the catalog's
    ``audit.kind.<kind>``, the reports' sentence for it ``audit.rule.<kind>``."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    kind: str
    severity: Severity
    points: float | None = Field(default=None, gt=0)
    """A deduction's points; a gate's are the file's start (it takes everything), set by the rubric."""

    @model_validator(mode="after")
    def _points_for_deductions_only(self) -> Rule:
        if (self.severity == "deduction") != (self.points is not None):
            raise Refusal(msg("errors.rubric_points"))
        return self

    def label(self, lang: Lang = DEFAULT_LANG) -> str:
        return t(f"audit.kind.{self.kind}", lang)


class Rubric(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    start: float = Field(gt=0)
    rules: tuple[Rule, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _each_kind_once(self) -> Rubric:
        kinds = [r.kind for r in self.rules]
        if len(set(kinds)) != len(kinds):
            raise Refusal(msg("errors.rubric_twice", kinds=", ".join(sorted(k for k in set(kinds) if kinds.count(k) > 1))))
        gates = tuple(r.model_copy(update={"points": self.start}) if r.severity == "gate" else r for r in self.rules)
        return self.model_copy(update={"rules": gates})


class RubricError(Refusal):
    """The rubric file is malformed: every problem, each with its dotted place in the file (``said(error, lang)``
    or ``error.message.render(lang)`` in the reader's language; ``str`` is the Chinese default)."""


def read_rubric(text: str, file: str = "rubric.yaml") -> Rubric:
    try:
        return Rubric.model_validate(yaml.safe_load(text))
    except ValidationError as exc:
        raise RubricError(Lines(p.text(file) for p in problems(exc))) from None


_RUBRIC = read_rubric((resources.files(__package__) / "rubric.yaml").read_text(encoding="utf-8"), "kit/audit/rubric.yaml")

START: float = _RUBRIC.start
"""The points a file starts with."""

RULES: tuple[Rule, ...] = _RUBRIC.rules
"""Every kind of finding, gates first; the order of the report."""

RUBRIC: dict[str, Rule] = {rule.kind: rule for rule in RULES}


def score(kinds: list[str]) -> tuple[float, bool]:
    """The score of a file with findings of ``kinds``, and whether a gate item failed it."""
    failed = any(RUBRIC[k].severity == "gate" for k in kinds)
    if failed:
        return 0.0, True
    return max(0.0, START - sum(RUBRIC[k].points or 0 for k in kinds)), False
