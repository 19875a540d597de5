"""``Simulator``: what-if over one case of a matter, as plain state and methods (no page, no I/O).

A matter's starting case is the first built-in template's case for the trainee ``simulator`` (seed 0). The
controls are the factors that template can put in a case (labels from the library), the matter's facts, the
party (kind, age) and the three dates. ``evaluate(state)`` runs the engine once per baseline column: column A
and column B each force one of the matter's baselines, or leave it to the deciding authority's chain."""

from __future__ import annotations

from typing import Any

import math
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from ..baselines import Library, sample_library
from ..engine import Case, evaluate
from ..engine.decision import Decision
from ..i18n import Lang, named, t
from ..scenarios import Template, builtin_templates, generate

MAX_AMOUNT = 1e12
MAX_AGE = 150
AUTO = ""
"""A column that lets the deciding authority's chain pick the baseline."""


class SimError(ValueError):
    """Bad input from the page, said in the user's language (``key`` in simulator.yaml)."""

    def __init__(self, key: str, **params: object):
        self.key, self.params = key, params
        super().__init__(self.message("en"))

    def message(self, lang: Lang = "zh") -> str:
        return t(f"simulator.{self.key}", lang, **self.params)


@dataclass
class SimState:
    """Everything the officer can move."""

    matter: str
    factors: set[str] = field(default_factory=set)
    facts: dict[str, float] = field(default_factory=dict)
    kind: str = "organisation"
    age: int | None = None
    act_start: date | None = None
    discovered: date | None = None
    decided: date | None = None
    baseline_a: str = AUTO
    baseline_b: str = AUTO


@dataclass(frozen=True)
class Column:
    """One side of the comparison: the baseline asked for (``AUTO``: resolved) and the engine's decision."""

    baseline: str
    decision: Decision


class Simulator:
    """The matters a library's templates cover, their controls, and the engine run on a moved case."""

    def __init__(self, library: Library | None = None, templates: list[Template] | None = None):
        self.library = library if library is not None else sample_library()
        self.templates = templates if templates is not None else builtin_templates(self.library)

    @cached_property
    def _by_matter(self) -> dict[str, Template]:
        out: dict[str, Template] = {}
        for tp in self.templates:
            out.setdefault(tp.matter, tp)
        return out

    def matters(self) -> list[str]:
        return sorted(self._by_matter, key=lambda m: (self.library.matters[m].sector, m))

    def matter_label(self, matter: str, lang: Lang) -> str:
        m = self.library.matters[matter]
        return named(m.name, m.name_en, lang)

    def template(self, matter: str) -> Template:
        try:
            return self._by_matter[matter]
        except KeyError:
            raise SimError("err.unknown_matter", value=str(matter)[:60]) from None

    def base_case(self, matter: str) -> Case:
        return generate(self.template(matter), self.library, trainee_id="simulator", seed=0).case

    def factor_options(self, matter: str) -> list[str]:
        """The factors the matter's template can set, in the template's order (library ids with labels)."""
        tp, case = self.template(matter), self.base_case(matter)
        ids: list[str] = []
        for c in tp.circumstances:
            ids += [f for f in c.factors if f in self.library.factors]
        ids += [f for f in case.factors if f in self.library.factors]
        return list(dict.fromkeys(ids))

    def baselines(self, matter: str) -> list[str]:
        return [b.id for b in self.library.baselines_for(matter)]

    def baseline_label(self, baseline_id: str, lang: Lang) -> str:
        b = self.library.baselines[baseline_id]
        a = self.library.authorities[b.authority]
        who = named(a.name, a.name_en, lang)
        return f"{who} · {b.version}"

    def initial(self, matter: str) -> SimState:
        """The starting state: the template's first case as it was drawn; A = resolved, B = another baseline."""
        case = self.base_case(matter)
        baselines = self.baselines(matter)
        resolved = evaluate(self.library, case).baseline
        other = next((b for b in reversed(baselines) if b != resolved), AUTO)
        return SimState(matter=matter, factors={f for f, v in case.factors.items() if v},
                        facts=dict(case.facts), kind=case.party.kind, age=case.party.age,
                        act_start=case.dates.act_start, discovered=case.dates.discovered,
                        decided=case.dates.decided, baseline_a=AUTO, baseline_b=other)

    def state_from(self, data: dict) -> SimState:
        """A state from the page's JSON; every value is checked and a bad one named (``SimError``)."""
        if not isinstance(data, dict):
            raise SimError("err.bad_request")
        matter = str(data.get("matter", ""))
        self.template(matter)
        base = self.initial(matter)
        allowed = set(self.factor_options(matter))
        factors = set()
        for f in data.get("factors", []) or []:
            if f not in allowed:
                raise SimError("err.unknown_factor", value=str(f)[:60])
            factors.add(f)
        facts = dict(base.facts)
        labels = {fd.id: fd for fd in self.library.matters[matter].facts}
        for key, raw in (data.get("facts") or {}).items():
            if key not in labels:
                raise SimError("err.unknown_factor", value=str(key)[:60])
            facts[key] = _number(raw, labels[key].zh, MAX_AMOUNT)
        kind = str(data.get("kind", base.kind))
        if kind not in ("person", "organisation"):
            raise SimError("err.kind", value=kind[:40])
        age = data.get("age")
        age = int(_number(age, t("simulator.party.age", "zh"), MAX_AGE)) if kind == "person" and age not in (None, "") else None
        dates: dict[str, Any] = {k: _date(data.get(k), t(f"simulator.date.{k}", "zh")) or getattr(base, k)
                 for k in ("act_start", "discovered", "decided")}
        sides: dict[str, Any] = {}
        for side in ("baseline_a", "baseline_b"):
            value = str(data.get(side, getattr(base, side)) or AUTO)
            if value != AUTO and value not in self.baselines(matter):
                raise SimError("err.unknown_baseline", value=value[:60])
            sides[side] = value
        return SimState(matter=matter, factors=factors, facts=facts, kind=kind, age=age, **dates, **sides)

    def case(self, state: SimState, baseline: str = AUTO) -> Case:
        base = self.base_case(state.matter)
        party = base.party.model_copy(update={"kind": state.kind, "age": state.age if state.kind == "person" else None})
        dates = base.dates.model_copy(update={"act_start": state.act_start, "discovered": state.discovered,
                                              "decided": state.decided})
        return base.model_copy(update={"factors": {f: True for f in sorted(state.factors)}, "facts": dict(state.facts),
                                       "party": party, "dates": dates, "baseline": baseline or None,
                                       "id": f"simulator:{state.matter}"})

    def evaluate(self, state: SimState) -> list[Column]:
        """The engine on the moved case, once per column (one column when both ask for the same)."""
        sides = [state.baseline_a] if state.baseline_a == state.baseline_b else [state.baseline_a, state.baseline_b]
        return [Column(b, evaluate(self.library, self.case(state, b))) for b in sides]


def _number(raw: object, name: str, top: float) -> float:
    try:
        value = float(str(raw).replace(",", "").strip())
    except ValueError:
        raise SimError("err.number", field=name, max=f"{top:g}", value=str(raw)[:40]) from None
    if not math.isfinite(value) or value < 0 or value > top:
        raise SimError("err.number", field=name, max=f"{top:g}", value=str(raw)[:40])
    return value


def _date(raw: object, name: str) -> date | None:
    if raw in (None, ""):
        return None
    try:
        return date.fromisoformat(str(raw))
    except ValueError:
        raise SimError("err.date", field=name, value=str(raw)[:40]) from None
