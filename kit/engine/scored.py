"""The scored model as agencies publish it (裁量百分值): the weights of the options chosen in each exclusive
裁量要素 (exactly one of 一次 / 两次 / 三次及以上), and the fine formula of the 备注 row.

Reads: the baseline's ``rules.scoring`` (groups, formulas), the case's factors, facts, party kind and overdue
flag, and the percentage the combination step computed. Decides: the points each group adds (``group_points``,
called by the combination step before the percentage is clamped), and, where the baseline prints a formula,
the fine itself (``apply_formula``, called by the arithmetic step in place of placing the percentage in the
range): 罚款 = 裁量百分值 × 法定最高额, or × a base × its rate, the base raised to its floor first. The trace
shows the weights and the formula as printed, not a rescaled form."""

from __future__ import annotations

import math

from ..baselines.models import ScoreFormula, Scoring
from ..baselines.vocabulary import Level
from ..i18n import DEFAULT_LANG, LANGS, Lang, msg
from .text import Pair, t
from .case_errors import CaseError
from .decision import FineRange
from ..i18n.format import digits
from .state import State


class ScoredInputError(CaseError):
    """A case the scored baseline cannot score: not exactly one option of an exclusive 裁量要素, or a base fact
    the formula needs that the case does not give. A ``CaseError`` like every refusal of the engine (its
    problems name the field; ``report(lang)``); the group's and the formula's words are the baseline's data."""

    def message(self, lang: Lang = DEFAULT_LANG) -> str:
        return self.report(lang)


def group_points(state: State, scoring: Scoring) -> dict[str, float]:
    """factor → weight of the one option each group has in this case; ScoredInputError when not exactly one."""
    out: dict[str, float] = {}
    for group in scoring.groups:
        chosen = [f for f in group.options if state.case.has(f)]
        if len(chosen) != 1:
            names = "、".join(state.library.factors[f].zh for f in group.options)
            found = msg("case_errors.none") if not chosen else ", ".join(chosen)
            where = f"{state.baseline.id}.rules.scoring.groups.{group.id}"
            raise ScoredInputError(state.case.id, [(
                ("factors",), msg("case_errors.scored_one_option", group=group.text, where=where),
                msg("case_errors.scored_options", options=", ".join(group.options), names=names), found)])
        out[chosen[0]] = group.options[chosen[0]]
    return out


def _formula(state: State, scoring: Scoring) -> ScoreFormula | None:
    kind = "organisation" if state.case.party.kind == "organisation" else "person"
    timing = "overdue" if state.case.overdue else "in_time"
    for applies in (timing, kind, "always"):
        found = next((f for f in scoring.formulas if f.applies == applies), None)
        if found is not None:
            return found
    return None


def _statutory_max(state: State) -> float | None:
    from .arithmetic import statutory_spec, to_yuan

    spec = statutory_spec(state)
    top = to_yuan(spec, state) if spec is not None else None
    return None if top is None or top.upper_open else top.hi


def apply_formula(state: State) -> bool:
    """The fine of the printed formula, as the suggestion and a one-point range; False if no formula applies."""
    scoring = state.baseline.rules.scoring if state.baseline else None
    if scoring is None or not scoring.formulas or state.percent is None:
        return False
    formula = _formula(state, scoring)
    if formula is None:
        return False
    pct = state.percent
    inputs: dict = {"percent": pct, "formula": formula.text}
    if formula.times == "base":
        value = state.fact(formula.base)
        if value is None:
            raise ScoredInputError(state.case.id, [(
                ("facts", formula.base), msg("case_errors.scored_formula_needs", formula=formula.text),
                msg("case_errors.scored_fact_value", fact=formula.base), msg("case_errors.nothing"))])
        base = value
        floored = formula.base_floor is not None and value < formula.base_floor
        if floored:
            base = formula.base_floor
        amount = base * formula.rate
        fact = next((f for f in state.matter.facts if f.id == formula.base), None)
        rate = "" if formula.rate == 1 else ("engine.scored_rate_times", f"{formula.rate:g}") if formula.rate > 1 \
            else ("engine.scored_rate_percent", f"{formula.rate * 100:g}")

        def how(lang: Lang) -> str:
            return t("engine.scored_how_base", lang, label=getattr(fact, lang) if fact else formula.base,
                     base=digits(base), rate=t(rate[0], lang, rate=rate[1]) if rate else "",
                     floor=t("engine.scored_floor", lang, value=digits(value), floor=digits(formula.base_floor))
                     if floored else "")
        inputs.update(base=value, counted=base, rate=formula.rate)
    else:
        top = formula.amount if formula.times == "amount" else _statutory_max(state)
        if top is None:
            return False
        amount = top

        def how(lang: Lang) -> str:
            return t("engine.scored_how_max", lang, top=digits(top))
        inputs.update(maximum=top)
    step = state.baseline.rules.rounding if state.baseline else 1
    fine = math.floor(amount * pct / 100 / step + 0.5) * step
    state.level = _level_of(state, fine)
    state.fine = FineRange(fine, fine)
    state.suggested_fine = fine
    state.note("arithmetic.scored_formula", "基准适用规则：" + formula.text, inputs, f"fine {fine:g}",
               Pair(*(t("engine.scored_formula", lang, formula=formula.text, percent=f"{pct:g}", how=how(lang),
                        fine=digits(fine)) for lang in LANGS)),
               baseline_ref=state.baseline_ref("适用规则"))
    return True


def _level_of(state: State, fine: float) -> Level:
    """The level whose sub-range holds the fine, where the baseline has levels; else 一般 (the formula, not a
    level, sets the fine)."""
    from .arithmetic import range_for

    for level in (Level.lenient, Level.standard, Level.aggravated):
        if state.baseline is not None and level in state.baseline.levels:
            band = range_for(state, level)[0]
            if band is not None and band.contains(fine):
                return level
    return Level.standard
