"""What a well-shaped template must also satisfy to be drawn with a library: the matter and authority exist;
facts are facts of the matter; factor ids are factors of the library; every draw has one shape and a possible
range (min ≤ max, a step that fits, weights that match); dates follow each other with sane offsets (0 to 20
years); each group's shares sum to at most 1; every ``{placeholder}`` names a fact, a variable or a built-in;
the narrative has ``{circumstances}`` when there are circumstances or distractors to show.

Each problem is ``(loc, problem, expected, found, at_key, offset)`` with catalog words (``load.t_*``); the
loader (loader.py) places it in the file."""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable, Iterable, Sequence

from ..baselines.errors import Words, show
from ..baselines.library import Library
from ..i18n import Msg, msg
from .exclusive import exclusive_problems
from .render import NAME, placeholders
from .template import BUILTIN_PLACEHOLDERS, Circumstance, Distractor, Draw, Template

MAX_OFFSET_DAYS = 20 * 366

Problem = tuple[tuple, Msg, Words, Words, bool, "int | None"]  # loc, problem, expected, found, at_key, offset
Add = Callable[..., None]


def problems(t: Template, library: Library) -> list[Problem]:
    """Everything in a well-shaped template that cannot work with ``library``."""
    out: list[Problem] = []
    T = ("template",)

    def add(loc: tuple, problem: Msg, expected: Words, found: Words, *, at_key: bool = False,
            offset: int | None = None) -> None:
        out.append(((*T, *loc), problem, expected, found, at_key, offset))

    matter = library.matters.get(t.matter)
    if matter is None:
        add(("matter",), msg("load.c_unknown", kind=msg("load.kind_matter")),
            msg("load.t_of_library", kind=msg("load.kind_matter"), ids=", ".join(sorted(library.matters))),
            f"'{t.matter}'")
    if t.authority not in library.authorities:
        add(("authority",), msg("load.c_unknown", kind=msg("load.kind_authority")),
            msg("load.t_of_library", kind=msg("load.kind_authority"), ids=", ".join(sorted(library.authorities))),
            f"'{t.authority}'")
    matter_facts = [f.id for f in matter.facts] if matter else []
    if matter is not None:
        for name in t.facts:
            if name not in matter_facts:
                add(("facts", name), msg("load.c_unknown_fact"), _fact_of(t.matter, matter_facts), f"'{name}'",
                    at_key=True)
    _draws(add, t)
    _circumstances(add, t, library, matter_facts if matter is not None else None)
    _placeholders(add, t)
    return out


def _fact_of(matter: str, facts: Sequence[str]) -> Msg:
    return msg("load.c_fact_of", matter=matter, facts=", ".join(facts) or msg("load.t_no_facts"))


def _draws(add: Add, t: Template) -> None:
    for name, spec in t.facts.items():
        _check_draw(add, ("facts", name), spec, earlier=list(t.facts)[: list(t.facts).index(name)], numeric=True)
    for name, spec in t.vars.items():
        _check_draw(add, ("vars", name), spec, earlier=[*t.facts, *list(t.vars)[: list(t.vars).index(name)]],
                    numeric=False)
        if name in t.facts or name in BUILTIN_PLACEHOLDERS:
            add(("vars", name), msg("load.t_name_taken"), msg("load.t_free_name", names=", ".join(BUILTIN_PLACEHOLDERS)),
                f"'{name}'", at_key=True)
    _check_weights(add, ("party", "kind"), t.party.kind)
    _check_weights(add, ("party", "capacity"), t.party.capacity)
    if t.party.age is not None:
        _check_draw(add, ("party", "age"), t.party.age, earlier=[], numeric=True, bounds=(0, 150))
    for i, occupation in enumerate(t.party.occupations):
        if occupation.ages is not None and occupation.ages[0] > occupation.ages[1]:
            add(("party", "occupations", i, "ages", 0), msg("load.t_min_over_max"),
                msg("load.t_youngest", oldest=occupation.ages[1]), str(occupation.ages[0]))
    _check_dates(add, t)


def _circumstances(add: Add, t: Template, library: Library, matter_facts: list[str] | None) -> None:
    shares: dict[str, tuple[float, int]] = {}
    for i, c in enumerate(t.circumstances):
        ids = list(c.factors)
        for j, factor in enumerate(ids):
            if factor not in library.factors:
                loc = ("circumstances", i, "factors", j) if isinstance(c.factors, list) else \
                      ("circumstances", i, "factors", factor)
                add(loc, msg("load.c_unknown", kind=msg("load.kind_factor")),
                    msg("load.t_factor_eg", ids=_near(factor, library.factors)), f"'{factor}'",
                    at_key=isinstance(c.factors, dict))
        for name in c.facts:
            if matter_facts is not None and name not in matter_facts:
                add(("circumstances", i, "facts", name), msg("load.c_unknown_fact"), _fact_of(t.matter, matter_facts),
                    f"'{name}'", at_key=True)
        if c.group is not None:
            total, first = shares.get(c.group, (0.0, i))
            shares[c.group] = (total + c.p, first)
        if not ids and not c.facts:
            add(("circumstances", i), msg("load.t_changes_nothing"), msg("load.t_factors_or_facts"),
                msg("load.f_neither"))
    exclusive_problems(t, library, add)  # exclusive.py
    for group, (total, first) in shares.items():
        if total > 1 + 1e-9:
            add(("circumstances", first, "p"), msg("load.t_shares_exceed", group=group), msg("load.t_shares_sum"),
                f"{total:g}")


def _placeholders(add: Add, t: Template) -> None:
    known = set(t.facts) | set(t.vars) | set(BUILTIN_PLACEHOLDERS)
    known -= {name for name in ("act_end", "decided") if getattr(t.dates, name) is None}
    if "person" not in t.party.kind:
        known -= {"age"}
    if not t.party.occupations:
        known -= {"occupation"}
    texts: list[tuple[tuple, str]] = [(("narrative", "zh"), t.narrative.zh), (("narrative", "en"), t.narrative.en)]
    groups: tuple[tuple[str, Sequence[Circumstance | Distractor]], ...] = (
        ("circumstances", t.circumstances), ("distractors", t.distractors))
    for kind, items in groups:
        for i, item in enumerate(items):
            texts += [((kind, i, "zh"), item.zh), ((kind, i, "en"), item.en)]
    for loc, text in texts:
        for name, offset in placeholders(text):
            inner = name in ("{", "}") or not NAME.match(name) or name not in known or (
                name == "circumstances" and loc[0] != "narrative")
            if inner:
                shown = name if name in ("{", "}") else "{" + name + "}"
                problem = msg("load.t_unbalanced" if name in ("{", "}") else "load.t_unknown_placeholder")
                names = ", ".join(sorted(known - ({"circumstances"} if loc[0] != "narrative" else set())))
                add(loc, problem, msg("load.t_placeholder", names=names), f"'{shown}'", offset=offset)
    for lang in ("zh", "en"):
        text = getattr(t.narrative, lang)
        if (t.circumstances or t.distractors) and "{circumstances}" not in text:
            add(("narrative", lang), msg("load.t_no_circumstances"), msg("load.t_circumstances_here"),
                msg("load.f_none"))


def _near(name: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, list(options), n=3, cutoff=0.5)
    return ", ".join(close) if close else ", ".join(sorted(options)[:6]) + ", …"


def _check_weights(add: Add, loc: tuple, weights: dict) -> None:
    for key, weight in weights.items():
        if weight < 0:
            add((*loc, key), msg("load.t_negative_weight"), "≥ 0", show(weight))
    if weights and sum(weights.values()) <= 0:
        add(loc, msg("load.t_no_weight"), msg("load.t_one_weight"), msg("load.f_all_zero"))


def _check_draw(add: Add, loc: tuple, spec: Draw, *, earlier: list[str], numeric: bool,
                bounds: tuple[float, float] | None = None) -> None:
    shape = spec.shape()
    if shape is None:
        present = [k for k in ("value", "min", "max", "choices", "bands", "of", "times")
                   if getattr(spec, k) is not None]
        add(loc, msg("load.t_not_a_draw"), msg("load.t_draw_shapes"), ", ".join(present) or msg("load.f_none_of_them"))
        return
    if shape == "range":
        if spec.min is None or spec.max is None:
            add((*loc, "min" if spec.min is None else "max"), msg("load.t_range_ends"), "min, max",
                msg("load.f_only", key="max" if spec.min is None else "min"))
            return
        _check_range(add, loc, spec.min, spec.max, spec.step or 1, log=spec.log, bounds=bounds)
    elif shape == "choices":
        if numeric and any(not isinstance(c, (int, float)) for c in spec.choices or []):
            bad = next(i for i, c in enumerate(spec.choices or []) if not isinstance(c, (int, float)))
            add((*loc, "choices", bad), msg("load.t_fact_number"), msg("load.t_numbers"),
                show(spec.choices[bad]) if isinstance(spec.choices[bad], str) else msg("load.f_a_text"))
        if spec.weights is not None:
            if len(spec.weights) != len(spec.choices or []):
                add((*loc, "weights"), msg("load.t_weights_choices"), msg("load.t_n_weights", n=len(spec.choices or [])),
                    f"{len(spec.weights)}")
            elif any(w < 0 for w in spec.weights) or sum(spec.weights) <= 0:
                add((*loc, "weights"), msg("load.t_impossible_weights"), msg("load.t_possible_weights"),
                    show(spec.weights))
    elif shape == "bands":
        for i, band in enumerate(spec.bands or []):
            _check_range(add, (*loc, "bands", i), band.min, band.max, spec.step or 1, log=spec.log, bounds=bounds)
    elif shape == "multiple":
        if spec.of is None or spec.times is None:
            add(loc, msg("load.t_multiple_keys"), "of, times", msg("load.f_only", key="of" if spec.of else "times"))
            return
        if spec.of not in earlier:
            add((*loc, "of"), msg("load.t_later_value"),
                msg("load.t_declared_before", names=", ".join(earlier) or msg("load.f_none")), f"'{spec.of}'")
        if spec.times.min > spec.times.max:
            add((*loc, "times", "min"), msg("load.t_min_over_max"), msg("load.c_min_le_max", max=show(spec.times.max)),
                show(spec.times.min))
    if spec.unit is not None and numeric:
        add((*loc, "unit"), msg("load.t_unit_from_matter"), msg("load.t_no_unit"),
            show(spec.unit) if isinstance(spec.unit, str) else msg("load.f_a_unit"))


def _check_range(add: Add, loc: tuple, lo: float, hi: float, step: float, *, log: bool,
                 bounds: tuple[float, float] | None) -> None:
    if lo > hi:
        add((*loc, "min"), msg("load.t_min_over_max"), msg("load.c_min_le_max", max=show(hi)), show(lo))
        return
    if math.floor(hi / step + 1e-9) < math.ceil(lo / step - 1e-9):
        add((*loc, "step"), msg("load.t_no_multiple"), msg("load.t_step_between", lo=show(lo), hi=show(hi)),
            show(step))
    if log and lo <= 0:
        add((*loc, "min"), msg("load.t_log_range"), "min > 0", show(lo))
    if bounds is not None and (lo < bounds[0] or hi > bounds[1]):
        add((*loc, "min" if lo < bounds[0] else "max"), msg("load.t_out_of_bounds"),
            msg("load.t_between", lo=show(bounds[0]), hi=show(bounds[1])), show(lo if lo < bounds[0] else hi))


def _check_dates(add: Add, t: Template) -> None:
    dates = t.dates
    first = dates.act_start
    if first.earliest is None or first.latest is None:
        add(("dates", "act_start"), msg("load.t_first_absolute"), "earliest, latest",
            "after/days" if first.after else msg("load.f_no", key="earliest/latest"))
    elif first.earliest > first.latest:
        add(("dates", "act_start", "earliest"), msg("load.t_earliest_after_latest"),
            msg("load.t_on_or_before", day=first.latest.isoformat()), first.earliest.isoformat())
    if first.after is not None or first.days is not None:
        add(("dates", "act_start", "after" if first.after else "days"), msg("load.t_first_absolute"),
            msg("load.t_only_keys", keys="earliest, latest"), "after/days")
    order = ["act_start", "act_end", "discovered", "decided"]
    for name in order[1:]:
        rule = getattr(dates, name)
        if rule is None:
            continue
        if rule.earliest is not None or rule.latest is not None:
            add(("dates", name, "earliest" if rule.earliest else "latest"), msg("load.t_later_relative"),
                "after, days", msg("load.f_absolute_day"))
        if rule.after is None or rule.days is None:
            add(("dates", name), msg("load.t_later_relative"), msg("load.t_after_days"),
                msg("load.f_no", key="after" if rule.after is None else "days"))
            continue
        earlier = [n for n in order[: order.index(name)] if n == "act_start" or getattr(dates, n) is not None]
        if rule.after not in earlier:
            add(("dates", name, "after"), msg("load.t_not_earlier"), msg("load.x_one_of", options=", ".join(earlier)),
                f"'{rule.after}'")
        _check_draw(add, ("dates", name, "days"), rule.days, earlier=[], numeric=True, bounds=(0, MAX_OFFSET_DAYS))
