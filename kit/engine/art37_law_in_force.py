"""Art. 37: apply the rules in force when the act occurred, unless those in force at decision time are lighter
for the party (从旧兼从轻). The engine evaluates under both and keeps the lighter; the trace shows both."""

from __future__ import annotations

from dataclasses import replace

from ..i18n import Lang, t
from .decision import Decision, TraceStep
from .state import LAW, Options

CITATION = f"{LAW}第三十七条"


def severity(decision: Decision) -> tuple:
    """Heavier sorts later: a penalty over none, then a higher fine ceiling, floor and suggestion."""
    fine = decision.fine
    penalised = decision.level is not None and decision.level.value != "no_penalty"
    return (penalised, fine.hi if fine else 0.0, fine.lo if fine else 0.0, decision.suggested_fine or 0.0,
            len(decision.penalties))


def law_in_force(at_act: Decision, at_decision: Decision, options: Options) -> tuple[Decision, bool]:
    """Keep the act-time decision unless the decision-time one is lighter; returns (decision, new_applied)."""
    new_is_lighter = severity(at_decision) < severity(at_act)
    chosen = at_decision if new_is_lighter else at_act
    old_text = _brief(at_act, "zh")
    new_text = _brief(at_decision, "zh")
    if new_is_lighter:
        zh = (f"违法行为发生时的规定{_rules(at_act)}结论为{old_text}；作出决定时的规定"
              f"{_rules(at_decision)}结论为{new_text}，对当事人更轻，依从旧兼从轻原则适用新的规定。")
        en = (f"Under the rules in force at the act ({_rules(at_act)}): "
              f"{_brief(at_act, 'en')}; at decision time ({_rules(at_decision)}): "
              f"{_brief(at_decision, 'en')}, lighter for the party, so the new rules apply.")
    else:
        zh = (f"违法行为发生时的规定{_rules(at_act)}结论为{old_text}；作出决定时的规定"
              f"{_rules(at_decision)}结论为{new_text}，并不更轻，依从旧原则适用行为时的规定。")
        en = (f"Under the rules in force at the act ({_rules(at_act)}): "
              f"{_brief(at_act, 'en')}; at decision time ({_rules(at_decision)}): "
              f"{_brief(at_decision, 'en')}, not lighter, so the rules in force at the act apply.")
    step = TraceStep("art37.law_in_force", CITATION,
                     {"at_act": _rules(at_act), "at_decision": _rules(at_decision), "new_applied": new_is_lighter},
                     "new rules applied" if new_is_lighter else "rules at the act applied", zh, en)
    trace = chosen.trace + ((step,) if options.trace else ())
    return replace(chosen, trace=trace, compared=(at_act, at_decision)), new_is_lighter


def _rules(d: Decision) -> str:
    """The rules a decision applied: its baseline and version, else its provision."""
    return f"{d.baseline}（{d.baseline_version}）" if d.baseline else "、".join(d.provisions)


def _brief(d: Decision, lang: Lang) -> str:
    text = d.outcome(lang)
    if d.fine is not None:
        text += t("decision.brief_fine", lang, fine=d.fine.text(lang))
    return text
