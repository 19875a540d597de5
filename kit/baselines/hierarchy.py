"""Lower and higher baselines (苏政办发〔2023〕1号 三(二)): a provincial or municipal baseline refines a higher one
only within its levels and ranges; where it conflicts, it yields and the higher one applies. A county
baseline may add operational detail only.

``conflicts(library, lower, higher)`` names each conflicting node of the lower baseline and the rule broken."""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import Msg, msg
from .checks import fine_bounds
from .library import Library
from .models import Baseline, MultipleFine
from .vocabulary import AuthorityLevel, Level
from .wording import Said, facts_of, fine, joined, label, named

SEED_RULE = "苏政办发〔2023〕1号 三(二)：下级行政机关制定的裁量权基准与上级冲突的，适用上级基准"
NATIONAL_RULE = ("《国务院办公厅关于进一步规范行政裁量权基准制定和管理工作的意见》（国办发〔2022〕27号）"
                 "（下级基准与上级基准冲突的，适用上级基准）")
COUNTY_RULE = "苏政办发〔2023〕1号 二：县级行政机关只能在上级基准范围内细化操作"


@dataclass(frozen=True, slots=True)
class Conflict(Said):
    lower: str
    higher: str
    path: tuple  # location inside the lower baseline's file, e.g. ("baseline", "levels", "standard", "fine")
    kind: str  # range | level | penalty | factor | county
    message: Msg  # what conflicts (``review.*``), said in the reader's language
    rule: str = SEED_RULE

    @property
    def dotted(self) -> str:
        return self.lower + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in self.path[1:])


def conflict_rule(library: Library, authority: str) -> str:
    """The conflict rule of the deciding authority's jurisdiction: its own, else the nearest parent's that
    publishes one, else the national opinion (国办发〔2022〕27号)."""
    for a in library.authority_chain(authority):
        if a.conflict_rule:
            return a.conflict_rule
    return NATIONAL_RULE


def _same_units(a: object, b: object) -> bool:
    if isinstance(a, MultipleFine) or isinstance(b, MultipleFine):
        return isinstance(a, MultipleFine) and isinstance(b, MultipleFine) and a.base == b.base
    return True


def conflicts(library: Library, lower: Baseline, higher: Baseline) -> list[Conflict]:
    cache: dict = library._conflicts  # type: ignore[attr-defined]
    key = (lower.id, higher.id)
    if key not in cache:
        cache[key] = _conflicts(library, lower, higher)
    return cache[key]


def _conflicts(library: Library, lower: Baseline, higher: Baseline) -> list[Conflict]:
    out: list[Conflict] = []
    # A county may not re-draw the ranges of the baseline it details (the one it refines).
    county = library.authorities[lower.authority].level is AuthorityLevel.county and lower.refines == higher.id
    facts = facts_of(library, lower.matter)
    for level, rule in lower.levels.items():
        path = ("baseline", "levels", level.value)
        upper = higher.levels.get(level)
        if upper is None:
            if higher.levels and level is not Level.no_penalty:
                out.append(Conflict(lower.id, higher.id, path, "level", msg(
                    "review.extra_level", lower=lower.id, higher=higher.id, level=label(level))))
            continue
        if rule.fine is not None and upper.fine is not None and _same_units(rule.fine, upper.fine):
            inner, outer = fine_bounds(rule.fine), fine_bounds(upper.fine)
            if inner and outer:
                if inner[0] < outer[0] or inner[1] > outer[1]:
                    out.append(Conflict(lower.id, higher.id, (*path, "fine"), "range", msg(
                        "review.range_outside", lower=lower.id, level=label(level), range=fine(rule.fine, facts),
                        higher=higher.id, outer=fine(upper.fine, facts))))
                elif county and inner != outer:
                    out.append(Conflict(lower.id, higher.id, (*path, "fine"), "county", msg(
                        "review.county_range", lower=lower.id, level=label(level)), COUNTY_RULE))
        allowed = set(upper.penalties) or set(library.provisions[higher.provision].penalties)
        extra = [p for p in rule.penalties if p not in allowed]
        if extra:
            out.append(Conflict(lower.id, higher.id, (*path, "penalties"), "penalty", msg(
                "review.extra_penalty", lower=lower.id, level=label(level), higher=higher.id,
                penalties=joined(label(p) for p in extra))))
    low_w = lower.rules.scoring.weights if lower.rules.scoring else {}
    high_w = higher.rules.scoring.weights if higher.rules.scoring else {}
    for factor, weight in low_w.items():
        if factor in high_w and weight * high_w[factor] < 0:
            out.append(Conflict(lower.id, higher.id, ("baseline", "rules", "scoring", "weights", factor), "factor", msg(
                "review.factor_direction", factor=named(library.factors[factor]), lower=lower.id, higher=higher.id)))
    return out
