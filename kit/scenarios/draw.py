"""The drawing steps of generation: each a small function ``step(draft) -> None`` that reads the template and
the draft's random generator and writes one part of the draft. ``STEPS`` lists them in the order they run.

Why this order: the party first (its kind filters circumstances and distractors); then the dates (the age is
the age on the day of the act); the facts before the variables (a variable may be a multiple of a fact, e.g.
a number of posters from a turnover); the circumstances after the facts (a circumstance may set a fact, e.g.
a serious incident); the distractors after them; the order of the sentences last, so that a trainee cannot
tell a circumstance from a distractor by its place."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib.resources import files
from typing import Any
from collections.abc import Callable

from ruamel.yaml import YAML

from ..baselines.library import Library
from .template import Capacity, Circumstance, Distractor, Draw, Occupation, PartyKind, Template, Text
from .exclusive import clash, exclusive_sets

DEFAULT_AGE = Draw(min=22, max=62)
DEFAULT_TRADE = Text(zh="商贸有限公司", en="Trading Co., Ltd.")


@dataclass
class Party:
    """The drawn party, with its name in both languages."""

    kind: PartyKind
    name: Text
    age: int | None = None
    sex: Text | None = None
    capacity: Capacity = "full"
    occupation: Text | Occupation | None = None


@dataclass
class Draft:
    """A variant being generated: each step fills a part of it."""

    template: Template
    library: Library
    rng: random.Random
    party: Party | None = None
    city: Text | None = None
    dates: dict[str, date] = field(default_factory=dict)
    facts: dict[str, float] = field(default_factory=dict)
    vars: dict[str, Any] = field(default_factory=dict)
    factors: dict[str, float | bool] = field(default_factory=dict)
    circumstances: list[Circumstance] = field(default_factory=list)
    distractors: list[Distractor] = field(default_factory=list)
    sentences: list[Circumstance | Distractor] = field(default_factory=list)
    case_id: str = ""
    options: Any = None
    # filled by the later steps of generate.PIPELINE
    case: Any = None
    narrative_zh: str = ""
    narrative_en: str = ""
    decision: Any = None


@lru_cache(maxsize=1)
def name_pools() -> dict:
    """Surnames, trade names and cities (kit/scenarios/names.yaml, editable without code)."""
    data = YAML(typ="safe").load((files(__package__) / "names.yaml").read_text(encoding="utf-8"))
    return {
        "surnames": [Text(**x) for x in data["surnames"]],
        "trade_names": [Text(**x) for x in data["trade_names"]],
        "cities": {str(k): [Text(**x) for x in v] for k, v in data["cities"].items()},
    }


# ---------------------------------------------------------------- drawing one value


def draw_value(spec: Draw, rng: random.Random, known: dict[str, Any]) -> Any:
    """One value from a ``Draw``: fixed, range, choices, bands or a multiple of a value drawn before."""
    if spec.value is not None:
        return spec.value
    if spec.choices is not None:
        return rng.choices(spec.choices, weights=spec.weights)[0] if spec.weights else rng.choice(spec.choices)
    if spec.bands is not None:
        band = rng.choices(spec.bands, weights=[b.weight for b in spec.bands])[0]
        return _in_range(band.min, band.max, spec.step or 1, rng, spec.log)
    if spec.of is not None and spec.times is not None:
        raw = float(known[spec.of]) * rng.uniform(spec.times.min, spec.times.max)
        step = spec.step or 1
        return _round(max(step, round(raw / step) * step))
    return _in_range(spec.min, spec.max, spec.step or 1, rng, spec.log)


def _in_range(lo: float, hi: float, step: float, rng: random.Random, log: bool) -> float:
    first, last = math.ceil(lo / step - 1e-9), math.floor(hi / step + 1e-9)
    if log and lo > 0:
        k = round(math.exp(rng.uniform(math.log(lo), math.log(hi))) / step)
        return _round(min(max(k, first), last) * step)
    return _round(rng.randint(first, last) * step)


def _round(value: float) -> float:
    return round(value, 9)


# ---------------------------------------------------------------- the steps


def draw_party(d: Draft) -> None:
    spec = d.template.party
    pools = name_pools()
    region = d.library.authorities[d.template.authority].region
    d.city = d.rng.choice(pools["cities"].get(region) or pools["cities"]["100000"])
    kinds = list(spec.kind)
    kind = d.rng.choices(kinds, weights=[spec.kind[k] for k in kinds])[0]
    capacities = list(spec.capacity)
    capacity = d.rng.choices(capacities, weights=[spec.capacity[c] for c in capacities])[0]
    if kind == "person":
        surname = d.rng.choice(pools["surnames"])
        sex = d.rng.choice([Text(zh="男", en="male"), Text(zh="女", en="female")])
        age = int(draw_value(spec.age or DEFAULT_AGE, d.rng, {}))
        fitting = [o for o in spec.occupations if o.ages is None or o.ages[0] <= age <= o.ages[1]]
        occupation = d.rng.choice(fitting) if fitting else None
        d.party = Party("person", Text(zh=f"{surname.zh}某", en=f"{surname.en} X"), age, sex, capacity, occupation)
    else:
        trade = d.rng.choice(pools["trade_names"])
        suffix = d.rng.choice(spec.trades) if spec.trades else DEFAULT_TRADE
        name = Text(zh=f"{d.city.zh}{trade.zh}{suffix.zh}", en=f"{d.city.en} {trade.en} {suffix.en}")
        d.party = Party("organisation", name, capacity="full")


def draw_dates(d: Draft) -> None:
    spec = d.template.dates
    first = spec.act_start
    span = (first.latest - first.earliest).days
    d.dates["act_start"] = first.earliest + timedelta(days=d.rng.randint(0, span))
    for name in ("act_end", "discovered", "decided"):
        rule = getattr(spec, name)
        if rule is None:
            continue
        anchor = d.dates.get(rule.after) or d.dates["act_start"]
        d.dates[name] = anchor + timedelta(days=int(draw_value(rule.days, d.rng, {})))


def draw_facts(d: Draft) -> None:
    for name, spec in d.template.facts.items():
        d.facts[name] = float(draw_value(spec, d.rng, d.facts))


def draw_vars(d: Draft) -> None:
    known: dict[str, Any] = dict(d.facts)
    for name, spec in d.template.vars.items():
        d.vars[name] = known[name] = draw_value(spec, d.rng, known)


def _fits(item: Circumstance | Distractor, d: Draft) -> bool:
    return item.party is None or d.party is None or item.party == d.party.kind


def draw_circumstances(d: Draft) -> None:
    """Ungrouped circumstances appear independently with their p; of each group at most one: one roll per
    group, compared with the members' cumulative shares."""
    rolls: dict[str, float] = {}
    shares: dict[str, float] = {}
    exclusive = exclusive_sets(d.template)  # a circumstance that would contradict one drawn is skipped
    for item in d.template.circumstances:
        roll = d.rng.random()
        if item.group is None:
            hit = roll < item.p
        else:
            group_roll = rolls.setdefault(item.group, roll)
            before = shares.get(item.group, 0.0)
            shares[item.group] = before + item.p
            hit = before <= group_roll < before + item.p
        if hit and _fits(item, d) and clash([*d.factors, *item.factors], exclusive) is None:
            d.circumstances.append(item)
            factors = item.factors if isinstance(item.factors, dict) else {f: True for f in item.factors}
            d.factors.update(factors)
            d.facts.update({k: float(v) for k, v in item.facts.items()})


def draw_distractors(d: Draft) -> None:
    for item in d.template.distractors:
        if d.rng.random() < item.p and _fits(item, d):
            d.distractors.append(item)


def order_sentences(d: Draft) -> None:
    d.sentences = [*d.circumstances, *d.distractors]
    d.rng.shuffle(d.sentences)


STEPS: tuple[Callable[[Draft], None], ...] = (
    draw_party,           # kind, name, age, capacity; the city from the authority's region
    draw_dates,           # act_start, then each date after the one it follows
    draw_facts,           # the matter's facts, in the template's order (a fact may be a multiple of an earlier one)
    draw_vars,            # narrative-only variables (may be multiples of facts)
    draw_circumstances,   # factors present (and facts a circumstance sets)
    draw_distractors,     # details that change nothing
    order_sentences,      # circumstances and distractors shuffled together
)
