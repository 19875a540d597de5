"""Expected results written by domain experts, and a readable difference from a decision.

The same expectations serve as engine regression tests (tests/cases/*.yaml), answer keys and drill seeds."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..baselines.vocabulary import Level
from .decision import Decision

_TOLERANCE = 0.01


class Expected(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    level: str | None = Field(default="__unset__", description="Outcome level (不予/减轻/从轻/一般/从重 or key); "
                              "null for a transfer.")
    fine: list[float] | None = Field(default=None, description="[lo, hi] in yuan; [] for no fine.")
    upper_open: bool | None = Field(default=None, description="The fine's top is excluded (减轻).")
    suggested: float | None = Field(default=None, description="Suggested fine.")
    acceptable: list[str] | None = Field(default=None, description="Every level the law allows.")
    transfer: bool | None = Field(default=None, description="Criminal transfer flag.")
    time_barred: bool | None = Field(default=None, description="Time-bar flag.")
    ground: str | None = Field(default=None, description="No-penalty ground.")
    penalties: list[str] | None = Field(default=None, description="Penalty types, in order.")
    alternatives: list[str] | None = Field(default=None, description="Penalty types lawful instead of the fine.")
    confiscation: float | None = Field(default=None, description="Confiscated illegal gains.")
    individual_fine: list[float] | None = Field(default=None, description="双罚: [lo, hi] on individuals.")
    baseline: str | None = Field(default=None, description="The baseline applied.")
    matter: str | None = Field(default=None, description="The matter kept (Art. 29).")
    tier: int | None = Field(default=None, description="The tier applied.")
    percent: float | None = Field(default=None, description="裁量百分值.")
    ranges: dict[str, list[float]] | None = Field(
        default=None, description="The fine range [lo, hi] of each named lawful level ([] for no fine).")
    rules: list[str] | None = Field(default=None, description="Trace rule ids that must have fired.")
    citations: list[str] | None = Field(default=None, description="Text that must appear among the citations.")


def differences(decision: Decision, expected: Expected) -> list[str]:
    """Each line: what was expected and what the engine gave. Empty when they agree."""
    out: list[str] = []

    def differ(name: str, want: Any, got: Any) -> None:
        out.append(f"{name}: expected {want!r}, got {got!r}")

    if expected.level != "__unset__":
        want_level = Level.parse(expected.level) if expected.level is not None else None
        if decision.level != want_level:
            differ("level", want_level.value if want_level else None, decision.level.value if decision.level else None)
    if expected.fine is not None:
        got = [decision.fine.lo, decision.fine.hi] if decision.fine else []
        if len(got) != len(expected.fine) or any(abs(a - b) > _TOLERANCE for a, b in zip(got, expected.fine)):
            differ("fine", expected.fine, got)
    if expected.upper_open is not None and (decision.fine is None or decision.fine.upper_open != expected.upper_open):
        differ("upper_open", expected.upper_open, decision.fine.upper_open if decision.fine else None)
    if expected.suggested is not None and (decision.suggested_fine is None
                                           or abs(decision.suggested_fine - expected.suggested) > _TOLERANCE):
        differ("suggested", expected.suggested, decision.suggested_fine)
    if expected.acceptable is not None:
        want_levels = sorted(Level.parse(x).value for x in expected.acceptable)
        got_levels = sorted(lv.value for lv in decision.acceptable)
        if want_levels != got_levels:
            differ("acceptable", want_levels, got_levels)
    for name, value in (("transfer", decision.transfer), ("time_barred", decision.time_barred),
                        ("ground", decision.no_penalty_ground), ("baseline", decision.baseline),
                        ("matter", decision.matter), ("tier", decision.tier), ("percent", decision.percent),
                        ("confiscation", decision.confiscation)):
        wanted = getattr(expected, name)
        if wanted is not None and wanted != value:
            differ(name, wanted, value)
    if expected.penalties is not None and [p.value for p in decision.penalties] != expected.penalties:
        differ("penalties", expected.penalties, [p.value for p in decision.penalties])
    if expected.alternatives is not None and [p.value for p in decision.alternatives] != expected.alternatives:
        differ("alternatives", expected.alternatives, [p.value for p in decision.alternatives])
    if expected.individual_fine is not None:
        got = [decision.individual_fine.lo, decision.individual_fine.hi] if decision.individual_fine else []
        if got != expected.individual_fine:
            differ("individual_fine", expected.individual_fine, got)
    for name, bounds in (expected.ranges or {}).items():
        level = Level.parse(name)
        if level not in decision.acceptable:
            out.append(f"ranges: {level.value} is not a lawful level")
            continue
        r = decision.acceptable[level]
        got = [r.lo, r.hi] if r else []
        if len(got) != len(bounds) or any(abs(a - b) > _TOLERANCE for a, b in zip(got, bounds)):
            differ(f"ranges.{level.value}", bounds, got)
    fired = {s.rule for s in decision.trace if s.fired}
    for rule in expected.rules or []:
        if rule not in fired:
            out.append(f"rules: expected {rule!r} to fire; fired: {sorted(fired)}")
    cited = " ".join(s.cites() for s in decision.trace if s.fired)  # only a step that fired cites
    for text in expected.citations or []:
        if text not in cited:
            out.append(f"citations: expected {text!r} among the citations")
    return out
