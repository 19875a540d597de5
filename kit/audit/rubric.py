"""The review rubric (评查标准), declared once as data: what each kind of finding costs.

A file starts at ``START`` points. A **gate** item (否决项: missed transfer, wrong law, a penalty the law bars)
fails the file outright: its score is 0 whatever else it has. A **deduction** (扣分项) takes its points off,
never below 0. The points are illustrative (示例): agencies publish their own 评查标准; change them here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..i18n import DEFAULT_LANG, Lang, t

Severity = Literal["gate", "deduction"]

START = 100.0
"""The points a file starts with."""


@dataclass(frozen=True, slots=True)
class Rule:
    """One kind of finding: its severity, the points it costs and what it means. Its name is the catalog's
    ``audit.kind.<kind>``, the reports' sentence for it ``audit.rule.<kind>``."""

    kind: str
    severity: Severity
    points: float
    description: str

    def label(self, lang: Lang = DEFAULT_LANG) -> str:
        return t(f"audit.kind.{self.kind}", lang)


RULES: tuple[Rule, ...] = (
    # gate items (否决项): the file fails
    Rule("missed_transfer", "gate", START,
         "The engine finds a suspected crime (Art. 27): the case must go to the judicial organs, but it was decided "
         "as an administrative penalty."),
    Rule("wrong_matter", "gate", START,
         "The baseline cited belongs to another matter (违法行为): the decision rests on the wrong law."),
    Rule("penalty_barred", "gate", START,
         "A penalty imposed although the act was time-barred (Art. 36) or the law requires no penalty (Arts. 30, "
         "31, 33)."),
    # deductions (扣分项)
    Rule("level_not_lawful", "deduction", 20,
         "The level is not one the law allows for these facts, and the departure is not grounded (no reason, or "
         "no reason and no approval); also a transfer where none is due."),
    Rule("fine_unlawful", "deduction", 20,
         "The fine is one no approval can cure: above the statutory maximum, with no penalty, or instead of a "
         "transfer."),
    Rule("fine_outside_range", "deduction", 15,
         "The fine is outside the chosen level's sub-range of the baseline, with no reason and approval for the "
         "departure."),
    Rule("no_approval", "deduction", 10,
         "A departure from the baseline (level or fine) with a stated reason but no approval record of the body "
         "that issued the baseline (调整适用)."),
    Rule("reason_missing", "deduction", 10,
         "从轻, 从重 or 减轻 without the reasons for it."),
    Rule("no_baseline_cited", "deduction", 10,
         "A penalty decided without citing the baseline that applies."),
    Rule("baseline_not_in_force", "deduction", 5,
         "The baseline cited is for the right matter but not the one that applies (another version, or a lower "
         "baseline that yields to a higher one)."),
)
"""Every kind of finding, gates first; the order of the report."""

RUBRIC: dict[str, Rule] = {rule.kind: rule for rule in RULES}


def score(kinds: list[str]) -> tuple[float, bool]:
    """The score of a file with findings of ``kinds``, and whether a gate item failed it."""
    failed = any(RUBRIC[k].severity == "gate" for k in kinds)
    if failed:
        return 0.0, True
    return max(0.0, START - sum(RUBRIC[k].points for k in kinds)), False
