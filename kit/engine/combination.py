"""The baseline's combination policy (适用规则): how the circumstances found decide the level.

statutory_first (苏 适用规则 art. 8: 法定裁量情节应当优先于酌定裁量情节): a mandatory mitigator caps the case at
从轻 (减轻 also lawful) even with aggravators; else a mandatory aggravator gives 从重; else the discretionary
circumstances are weighed: more aggravating → 从重, more mitigating → 从轻, balanced or none → 一般.
scored: a starting percentage plus factor weights (裁量百分值) places the fine in the range; the level is the
one whose sub-range holds it; a mandatory mitigator still caps it at 从轻."""

from __future__ import annotations

from ..baselines.vocabulary import Level
from .scored import group_points
from .state import State

RULE_TEXT = "法定裁量情节优先于酌定裁量情节"


def combine(state: State) -> None:
    ref = state.baseline_ref("适用规则")
    citation = "基准适用规则：" + RULE_TEXT
    inputs = {
        "mandatory_mitigation": list(state.mandatory_mitigation),
        "optional_mitigation": list(state.optional_mitigation),
        "mandatory_aggravation": list(state.mandatory_aggravation),
        "mitigators": list(state.discretionary_mitigators),
        "aggravators": list(state.discretionary_aggravators),
    }
    if state.baseline is not None and state.baseline.rules.combination == "scored":
        _score(state)
    m, a = len(state.discretionary_mitigators), len(state.discretionary_aggravators)
    if state.mandatory_mitigation:
        state.level = Level.lenient
        state.extra_acceptable.add(Level.mitigated)
        zh = "具有法定应当从轻或者减轻情节，优先于其他情节：适用从轻处罚（减轻处罚亦属合法）。"
        en = "A statutory mandatory mitigator prevails over all other circumstances: lenient (mitigated also lawful)."
        if state.mandatory_aggravation or a:
            zh += "同时存在的从重情节不改变这一结论。"
            en += " The aggravating circumstances present do not change this."
    elif state.mandatory_aggravation:
        state.level = Level.aggravated
        zh, en = "具有法定应当从重情节：适用从重处罚。", "A statutory circumstance requires aggravation: aggravated."
    elif state.percent is not None:
        state.level = None  # the arithmetic step places the scored fine and reads its level
        zh = f"裁量百分值为{state.percent:g}%，按其在罚款幅度中的位置确定阶次。"
        en = f"The discretion percentage is {state.percent:g}%; its place in the range decides the level."
        if state.baseline.rules.scoring and state.baseline.rules.scoring.formulas:  # type: ignore[union-attr]
            zh = f"裁量百分值为{state.percent:g}%，按基准载明的公式计算罚款。"
            en = f"The discretion percentage is {state.percent:g}%; the baseline's printed formula gives the fine."
    elif a > m:
        state.level = Level.aggravated
        zh, en = f"从重情节{a}个多于从轻情节{m}个：适用从重处罚。", f"{a} aggravating vs {m} mitigating: aggravated."
    elif m > a:
        state.level = Level.lenient
        zh, en = f"从轻情节{m}个多于从重情节{a}个：适用从轻处罚。", f"{m} mitigating vs {a} aggravating: lenient."
    else:
        state.level = Level.standard
        zh = "无从轻、从重情节，或者二者相当：适用一般处罚。" if (m or a) == 0 else f"从轻、从重情节各{m}个，相互抵消：适用一般处罚。"
        en = "No mitigating or aggravating circumstance, or they balance: standard."
    if apply_optional_mitigation(state):
        zh += "另有法定可以从轻或者减轻情节：默认从轻，不从轻或者减轻亦属合法。"
        en += " A statutory optional mitigator: lenient by default; not mitigating, or mitigating further, is also lawful."
    if _no_room(state):
        state.level = Level.standard
        zh += "但法定罚款数额由条文直接确定（固定数额或按单位计算），基准未设该阶次，酌定情节不改变处罚：按一般处罚。"
        en += (" But the statute fixes the amount (a fixed sum or a per-unit formula) and the baseline has no such "
               "level, so discretionary circumstances cannot change the penalty: standard.")
    state.note("combination", citation, inputs, state.level.value if state.level else "scored", zh, en,
               baseline_ref=ref)


def _score(state: State) -> None:
    scoring = state.baseline.rules.scoring  # type: ignore[union-attr]
    if scoring is None:
        return
    applied = {f: w for f, w in scoring.weights.items() if state.case.has(f)}
    applied.update(group_points(state, scoring))  # one option of each exclusive 裁量要素 (scored.py)
    raw = scoring.start + sum(applied.values())
    state.percent = max(scoring.floor, min(scoring.ceiling, raw))
    state.note("combination.scored", "基准适用规则：裁量百分值", {"start": scoring.start, "weights": applied},
               f"percent={state.percent:g}",
               f"裁量百分值 = 起始值{scoring.start:g}%"
               + "".join(f"{'+' if w >= 0 else '−'}{abs(w):g}%（{state.library.factors[f].zh}）" for f, w in applied.items())
               + f" = {raw:g}%，取值范围{scoring.floor:g}%–{scoring.ceiling:g}%，得{state.percent:g}%。",
               f"Discretion percentage = start {scoring.start:g}%"
               + "".join(f" {'+' if w >= 0 else '-'} {abs(w):g}% ({f})" for f, w in applied.items())
               + f" = {raw:g}%, kept within {scoring.floor:g}–{scoring.ceiling:g}%: {state.percent:g}%.",
               baseline_ref=state.baseline_ref("适用规则"))


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
