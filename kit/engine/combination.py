"""The baseline's application rules (适用规则): how the circumstances found decide the level.

Reads: the circumstances the earlier steps found (by direction and kind). Decides: the level, the further
levels a rule allows, and where in the range the fine lies (``position``/``suggest``).

The baseline's ``rules.apply`` (kit/baselines/application_rules.py) are tried in order and the first whose
conditions hold decides; where none does, ``STATUTORY_FIRST`` decides — the rule the kit has always applied,
written in the same vocabulary (苏 适用规则 art. 8: 法定裁量情节应当优先于酌定裁量情节): a mandatory mitigator caps
the case at 从轻 (减轻 also lawful) even with aggravators; else a mandatory aggravator gives 从重; else the
discretionary circumstances are weighed. A rule that says 可以 (may) makes its level the default and keeps the
level the other rules would give lawful. No rule may override Art. 32: with a mandatory mitigator present a rule
that gives a level above 从轻 is passed over.
scored: a starting percentage plus factor weights (裁量百分值) places the fine in the range (or a printed formula
gives it, kit/engine/scored.py); the level is the one whose sub-range holds it; a mandatory mitigator still caps
it at 从轻."""

from __future__ import annotations

from ..baselines.application_rules import STATUTORY_FIRST, ApplicationRule
from ..baselines.vocabulary import FactorKind, Level
from ..i18n import LANGS
from .text import Joined, Pair, Sentence, t
from .scored import group_points
from .contract import step
from .state import CIRCUMSTANCES, State

RULE_TEXT = "法定裁量情节优先于酌定裁量情节"
_MANDATORY_DEFAULTS = STATUTORY_FIRST[:2]
_BALANCE_DEFAULTS = STATUTORY_FIRST[2:]
_MANDATORY, _OPTIONAL, _DISCRETIONARY = (FactorKind.statutory_mandatory, FactorKind.statutory_optional,
                                         FactorKind.discretionary)


def _counts(state: State) -> tuple[dict, dict]:
    mitigating = {_MANDATORY: len(state.mandatory_mitigation), _OPTIONAL: len(state.optional_mitigation),
                  _DISCRETIONARY: len(state.discretionary_mitigators)}
    aggravating = {_MANDATORY: len(state.mandatory_aggravation), _OPTIONAL: 0,
                   _DISCRETIONARY: len(state.discretionary_aggravators)}
    return mitigating, aggravating


def holds(rule: ApplicationRule, state: State, mitigating: dict, aggravating: dict) -> bool:
    when = rule.when
    if when.mitigating is not None and not when.mitigating.holds(sum(mitigating[k] for k in when.mitigating.kinds)):
        return False
    if when.aggravating is not None and not when.aggravating.holds(sum(aggravating[k] for k in when.aggravating.kinds)):
        return False
    if when.balance is not None:
        m = sum(mitigating[k] for k in when.balance.kinds)
        a = sum(aggravating[k] for k in when.balance.kinds)
        if {"more_mitigating": m > a, "more_aggravating": a > m, "even": a == m}[when.balance.result] is False:
            return False
    for factor in when.factors:
        if not state.case.has(factor):
            return False
    # Art. 32 is law: no baseline rule can take a case with a mandatory mitigator above 从轻.
    if mitigating[_MANDATORY] and rule.then.level.rank > Level.lenient.rank:
        return False
    return True


def _first(rules, state: State, mitigating: dict, aggravating: dict) -> ApplicationRule | None:
    for rule in rules:
        if holds(rule, state, mitigating, aggravating):
            return rule
    return None


def _choose(state: State, baseline_rules) -> tuple[ApplicationRule | None, bool, ApplicationRule | None]:
    """(the rule that decides, whether it is the baseline's own, the rule a *may* rule leaves lawful);
    ``None`` for a scored baseline's percentage to decide."""
    mitigating, aggravating = _counts(state)
    rule = _first(baseline_rules, state, mitigating, aggravating)
    own = rule is not None
    if rule is None:
        rule = _first(_MANDATORY_DEFAULTS, state, mitigating, aggravating)
    if rule is None and state.percent is not None:
        return None, False, None
    if rule is None:
        rule = _first(_BALANCE_DEFAULTS, state, mitigating, aggravating)
    other = None
    if rule is not None and rule.then.force == "may":
        rest = [r for r in baseline_rules if r is not rule] if own else []
        other = (_first(rest, state, mitigating, aggravating) or _first(_MANDATORY_DEFAULTS, state, mitigating,
                 aggravating) or _first(_BALANCE_DEFAULTS, state, mitigating, aggravating))
    return rule, own, other


def _signature(state: State, baseline_rules) -> tuple:
    """Everything the rules read: the counts by kind and direction, and the factors the rules name."""
    if not baseline_rules:
        return (id(baseline_rules), state.percent is not None, len(state.mandatory_mitigation),
                len(state.optional_mitigation), len(state.discretionary_mitigators),
                len(state.mandatory_aggravation), len(state.discretionary_aggravators))
    named = state.library.memo(("rule-factors", id(baseline_rules)), lambda: tuple(sorted(
        {f for r in baseline_rules for f in r.when.factors})))
    return (id(baseline_rules), state.percent is not None, len(state.mandatory_mitigation),
            len(state.optional_mitigation), len(state.discretionary_mitigators), len(state.mandatory_aggravation),
            len(state.discretionary_aggravators), tuple(state.case.has(f) for f in named))


@step(reads={"case", "library", "baseline", "provision", "options", *CIRCUMSTANCES},
      writes={"level", "extra_acceptable", "percent", "position", "suggest_at", "trace"})
def combine(state: State) -> None:
    baseline_rules = state.baseline.rules.apply if state.baseline is not None else _NO_RULES
    if state.baseline is not None and state.baseline.rules.combination == "scored":
        _score(state)
    # The choice depends only on the signature: computed once per signature and library.
    cache = state.library.cache
    key = ("combination", _signature(state, baseline_rules))
    chosen = cache.get(key)
    if chosen is None:
        chosen = cache[key] = _choose(state, baseline_rules)
    rule, own, other = chosen
    inputs = {
        "mandatory_mitigation": list(state.mandatory_mitigation),
        "optional_mitigation": list(state.optional_mitigation),
        "mandatory_aggravation": list(state.mandatory_aggravation),
        "mitigators": list(state.discretionary_mitigators),
        "aggravators": list(state.discretionary_aggravators),
    } if state.options.trace else {}
    if rule is None:
        state.level = None  # the arithmetic step places the scored fine and reads its level
        scoring = state.baseline.rules.scoring if state.baseline is not None else None
        message = "engine.combination_scored_formula" if scoring is not None and scoring.formulas else \
            "engine.combination_scored"
        state.tell("combination", "基准适用规则：裁量百分值", inputs, "scored", message, percent=f"{state.percent:g}",
                   baseline_ref=state.baseline_ref("适用规则"))
        return
    _apply(state, rule, inputs, own, other)


_NO_RULES: list = []


def _apply(state: State, rule: ApplicationRule, inputs: dict, own: bool, other: ApplicationRule | None) -> None:
    then = rule.then
    state.level = then.level
    state.extra_acceptable.update(then.also_lawful)
    state.position, state.suggest_at = then.position, then.suggest
    said = [Sentence("engine.rule_fired", {"rule": Pair(rule.text, rule.en or rule.text), "level": then.level})]
    if other is not None and other.then.level is not then.level:
        state.extra_acceptable.add(other.then.level)
        state.extra_acceptable.update(other.then.also_lawful)
        said.append(Sentence("engine.rule_may", {"level": other.then.level}))
    if then.position is not None:
        said.append(Sentence(f"engine.rule_position_{then.position}"))
    if rule is STATUTORY_FIRST[0] and (state.mandatory_aggravation or state.discretionary_aggravators):
        said.append(Sentence("engine.aggravation_does_not_change"))
    if apply_optional_mitigation(state):
        said.append(Sentence("engine.optional_mitigation"))
    if _no_room(state):
        state.level = Level.standard
        said.append(Sentence("engine.no_room"))
    state.note("combination", rule.citation, {**inputs, "rule": rule.id}, state.level.value, Joined(tuple(said)),
               baseline_ref=state.baseline_ref(f"适用规则 {rule.id}") if own else state.baseline_ref("适用规则"))


def _score(state: State) -> None:
    scoring = state.baseline.rules.scoring
    if scoring is None:
        return
    applied = {f: w for f, w in scoring.weights.items() if state.case.has(f)}
    applied.update(group_points(state, scoring))  # one option of each exclusive 裁量要素 (scored.py)
    raw = scoring.start + sum(applied.values())
    state.percent = max(scoring.floor, min(scoring.ceiling, raw))
    state.note("combination.scored", "基准适用规则：裁量百分值", {"start": scoring.start, "weights": applied},
               f"percent={state.percent:g}",
               Pair(*(t("engine.scored_percent", lang, start=f"{scoring.start:g}", raw=f"{raw:g}",
                        floor=f"{scoring.floor:g}", ceiling=f"{scoring.ceiling:g}", percent=f"{state.percent:g}",
                        weights="".join(t("engine.scored_weight", lang, weight=f"{abs(w):g}",
                                          sign=_SIGNS[lang][w >= 0], factor=getattr(state.library.factors[f], lang))
                                        for f, w in applied.items()))
                      for lang in LANGS)),
               baseline_ref=state.baseline_ref("适用规则"))


_SIGNS = {"zh": ("−", "+"), "en": ("-", "+")}  # (negative, positive) as each language's formula writes them


def apply_optional_mitigation(state: State) -> bool:
    """A *may* mitigator (Art. 31 partial capacity, …): 从轻 by default; the unmitigated level and 减轻 stay lawful."""
    if not state.optional_mitigation or state.level is None or state.level.rank <= Level.lenient.rank:
        return False
    state.extra_acceptable.add(state.level)
    state.extra_acceptable.add(Level.mitigated)
    state.level = Level.lenient
    return True


def _no_room(state: State) -> bool:
    """Only discretionary circumstances moved the level, and the statute leaves no room for them."""
    from ..baselines.models import FixedFine, PerUnitFine

    if state.level in (None, Level.standard) or state.mandatory_mitigation or state.optional_mitigation \
            or state.mandatory_aggravation or state.provision is None:
        return False
    fixed = isinstance(state.provision.fine, (FixedFine, PerUnitFine))
    return fixed and (state.baseline is None or state.level not in state.baseline.levels)
