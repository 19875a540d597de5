"""Scenarios from any tier: a scenario template made from a tier of any library (its violation, its conditions
over facts and its factors), so every decidable tier of a real table can be drilled without an expert
template. Expert templates stay for richer stories; these are plain, and say so.

``tier_template(library, baseline, tier)`` picks the tier's first alternative the case can meet (comparisons
over facts, a factor to tick, or both) and writes a template whose draws meet it: each fact inside the
alternative's bounds (away from a bound shared with a neighbouring tier), a base amount for a multiple fine, a
count for a per-unit fine, and the factor as a circumstance that always appears. ``tier_templates`` does it for
every tier of a library (or of one authority) and keeps the templates the scenario loader's own checks
accept. The drill, the workshop and the simulator take them like any template."""

from __future__ import annotations

import datetime as dt
import math

from ..baselines.decidable import reachable_alternatives
from ..baselines.library import Library
from ..baselines.models import Alternative, Baseline, MultipleFine, PerUnitFine, Tier
from .template_checks import problems
from .template import Template

_BASE_AMOUNTS = {"investment": (500_000, 20_000_000, 10_000), "fees": (20_000, 500_000, 1_000),
                 "disposal_cost": (50_000, 1_000_000, 1_000), "treatment_cost": (50_000, 1_000_000, 1_000)}
"""Plausible ranges (lo, hi, step) of a base amount; other bases: 10,000–1,000,000 yuan."""


def _step(fact: str, unit: str, alt: Alternative) -> float:
    """Whole numbers for counts; otherwise a tenth of the order of the smallest bound (0.2 吨 → 0.01)."""
    if unit in ("次", "处", "辆", "日", "车次", "分钟") or fact.endswith(("_1y", "_2y")):
        return 1.0
    values = [abs(c.value) for c in alt.all if c.fact == fact and c.value]
    if not values:
        return 1.0
    return min(1.0, 10 ** math.floor(math.log10(min(values))) / 10)


def _bounds(alt: Alternative, fact: str, step: float) -> tuple[float, float] | None:
    """The values of ``fact`` that meet every comparison of the alternative, kept off shared bounds."""
    lo, hi = 0.0, None
    for c in (c for c in alt.all if c.fact == fact):
        if c.op == "==":
            return c.value, c.value
        if c.op == ">=":
            lo = max(lo, c.value + (step if c.value > 0 else 0))
        elif c.op == ">":
            lo = max(lo, c.value + step)
        elif c.op == "<=":
            hi = c.value - step if hi is None else min(hi, c.value - step)
        elif c.op == "<":
            hi = c.value - step if hi is None else min(hi, c.value - step)
        else:  # != : not drawn
            return None
    if hi is None:
        hi = max(lo * 2, lo + 10 * step)
    if hi < lo:  # a band narrower than two steps: its own bounds
        vals = [c.value for c in alt.all if c.fact == fact]
        lo = hi = min(vals) if vals else lo
    return lo, hi


def _alternative(baseline: Baseline, tier: Tier) -> Alternative | None:
    """The first alternative that selects this tier: one no winning tier shares (decidable.py)."""
    return next(iter(reachable_alternatives(baseline, tier)), None)


def tier_template(library: Library, baseline: Baseline, tier: Tier) -> Template | None:
    alt = _alternative(baseline, tier)
    if alt is None or tier.block == "individual":
        return None
    matter = library.matters[baseline.matter]
    units = {f.id: f.unit for f in matter.facts}
    facts: dict[str, dict] = {}
    for fact in dict.fromkeys(c.fact for c in alt.all):
        step = _step(fact, units.get(fact, ""), alt)
        bounds = _bounds(alt, fact, step)
        if bounds is None:
            return None
        lo, hi = bounds
        facts[fact] = {"value": lo} if lo == hi else {"min": lo, "max": hi, "step": step}
    for spec in (tier.fine, tier.individual_fine, library.provisions[baseline.provision].fine):
        if isinstance(spec, MultipleFine) and spec.base not in facts:
            lo, hi, step = _BASE_AMOUNTS.get(spec.base, (10_000, 1_000_000, 1_000))
            facts[spec.base] = {"min": lo, "max": hi, "step": step, "log": True}
        elif isinstance(spec, PerUnitFine) and spec.per not in facts:
            facts[spec.per] = {"min": 1, "max": 30, "step": 1}
    start = max(baseline.effective_from, library.provisions[baseline.provision].effective_from)
    end = baseline.effective_to or start + dt.timedelta(days=730)
    sentences_zh = "".join(f"经查，{f.zh}为{{{f.id}}}。" for f in matter.facts if f.id in facts)
    sentences_en = "".join(f" The investigation found: {f.en or f.id}, {{{f.id}}}." for f in matter.facts
                           if f.id in facts)
    circumstances = []
    if alt.factor is not None:
        text = library.factors[alt.factor].zh if alt.factor in library.factors else alt.text
        circumstances.append({"factors": [alt.factor], "p": 1.0, "zh": f"执法人员认定：{text.rstrip('。；;')}。",
                              "en": f"The officers found the circumstance published as “{text.rstrip('。；;')}”."})
    act = "；".join(line.strip() for line in matter.name.splitlines() if line.strip())  # one line in a narrative
    name_en = matter.name_en or f"the violation “{act}” (published in Chinese)"
    data = {
        "id": f"tier.{baseline.id}.{tier.block}.{tier.no}",
        "title": {"zh": f"{matter.name.splitlines()[0]}（第{tier.no}档）", "en": f"{name_en} (tier {tier.no})"},
        "matter": matter.id, "authority": baseline.authority, "difficulty": "basic",
        "reachable": [tier.level.value],
        "teaching_note": f"由基准 {baseline.id} 第{tier.no}档自动生成（通用生成器，非专家模板）。",
        "party": {"kind": {"organisation": 0.7, "person": 0.3}, "age": {"min": 25, "max": 60}},
        "dates": {"act_start": {"earliest": start, "latest": max(start, end - dt.timedelta(days=60))},
                  "discovered": {"after": "act_start", "days": {"min": 5, "max": 40}}},
        "facts": facts,
        "overdue": tier.block == "overdue",
        "circumstances": circumstances,
        "narrative": {
            "zh": f"{{act_start}}，{{authority}}执法人员检查发现，当事人{{party_desc}}存在“{act}”的行为"
                  + ("，经责令改正，逾期仍未改正" if tier.block == "overdue" else "") + f"。{sentences_zh}{{circumstances}}",
            "en": f"On {{act_start}}, officers of {{authority}} found that the party, {{party_desc}}, had committed "
                  f"{name_en}" + ("; ordered to correct it, the party had not done so by the deadline"
                                  if tier.block == "overdue" else "") + f".{sentences_en} {{circumstances}}",
        },
    }
    template = Template.model_validate(data)
    return None if problems(template, library) else template


def tier_templates(library: Library, *, authority: str | None = None, baselines: list[str] | None = None) \
        -> list[Template]:
    """A template for every tier that can be drilled (of one authority, or of the baselines named)."""
    out = []
    for b in sorted(library.baselines.values(), key=lambda b: b.id):
        if (authority is not None and b.authority != authority) or (baselines is not None and b.id not in baselines):
            continue
        for tier in b.tiers:
            t = tier_template(library, b, tier)
            if t is not None:
                out.append(t)
    return out


def template_by_id(template_id: str, library: Library) -> Template | None:
    """``tier.<baseline>.<block>.<no>`` → that tier's template, or None when the library has no such tier."""
    head, _, no = template_id.rpartition(".")
    head, _, block = head.rpartition(".")
    baseline = library.baselines.get(head.removeprefix("tier."))
    if baseline is None or not no.isdigit():
        return None
    tier = next((t for t in baseline.tiers if t.block == block and t.no == int(no)), None)
    return tier_template(library, baseline, tier) if tier is not None else None
