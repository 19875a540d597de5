"""Art. 37: apply the rules in force when the act occurred, unless those in force at decision time are lighter
for the party (从旧兼从轻). The engine evaluates under both and keeps the lighter; the trace shows both."""

from __future__ import annotations

from dataclasses import replace

from ..i18n import Lang
from .text import Pair, t
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
    key = "engine.art37_lighter" if new_is_lighter else "engine.art37_not_lighter"
    zh, en = (t(key, lang, old_rules=_rules(at_act, lang), old=_brief(at_act, lang),
                new_rules=_rules(at_decision, lang), new=_brief(at_decision, lang)) for lang in ("zh", "en"))
    step = TraceStep("art37.law_in_force", CITATION,
                     {"at_act": _rules(at_act, "zh"), "at_decision": _rules(at_decision, "zh"), "new_applied": new_is_lighter},
                     "new rules applied" if new_is_lighter else "rules at the act applied", Pair(zh, en))
    trace = chosen.trace + ((step,) if options.trace else ())
    return replace(chosen, trace=trace, compared=(at_act, at_decision)), new_is_lighter


def _rules(d: Decision, lang: Lang) -> str:
    """The rules a decision applied: its baseline and version, else its provision (a citation, as written)."""
    return t("engine.rules_version", lang, baseline=d.baseline, version=d.baseline_version) if d.baseline else \
        t("engine.citation_sep", lang).join(d.provisions)


def _brief(d: Decision, lang: Lang) -> str:
    text = d.outcome(lang)
    if d.fine is not None:
        text += t("decision.brief_fine", lang, fine=d.fine.text(lang))
    return text
