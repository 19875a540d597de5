"""``evaluate(library, case)``: the law's order as an ordered list of small steps.

Read STEPS top to bottom: it is the order of 《行政处罚法》 — criminal transfer (Art. 27, before the time bar,
which bars only the administrative penalty) → time bar (Art. 36) → age and capacity (Arts. 30–31) → the no-penalty grounds (Art. 33) → statutory mitigators
(Art. 32) → aggravators → the baseline's combination policy → tier → sub-range arithmetic (caps, warning
thresholds) → confiscation (Art. 28) and penalty types; then one act, one fine (Art. 29) across the
provisions an act breaches. The function is pure: no I/O, no globals, same input → same output."""

from __future__ import annotations

from ..baselines.library import Library
from ..baselines.hierarchy import conflict_rule
from ..baselines.resolution import Resolution, resolve
from ..baselines.vocabulary import Level, PenaltyType
from ..i18n import LANGS, msg, sentences
from .text import Pair, Sentence, day, t
from .aggravators import aggravators
from .art27_transfer import close_transfer, criminal_transfer
from .art28_confiscation import confiscation, penalty_types
from .art29_one_act_one_fine import one_act_one_fine
from .art30_31_age_capacity import age_and_capacity
from .art32_mitigators import statutory_mitigators
from .art33_no_penalty import lists_differ, first_violation, minor_no_penalty, no_fault
from .art36_time_bar import time_bar
from .art37_law_in_force import law_in_force
from .arithmetic import compute_fine, range_for, serious_spec, statutory_spec, to_yuan
from .case import Case, case_refusals
from .case_errors import CaseError
from .history import note_history, with_history
from .combination import combine
from .contract import Step, run
from .decision import Decision
from .lawful import PENALTY_STEPS, lawful_levels, optional_ground
from .state import Options, State
from .tiers import select_tier

# Each step declares what it reads and writes (@step in its module; kit/engine/contract.py checks it).
STEPS: tuple[Step, ...] = (
    criminal_transfer,      # Art. 27: first, since the time bar does not bar the criminal prosecution
    time_bar,               # Art. 36: bars the administrative penalty only
    close_transfer,         # a transferred case gets no administrative level in its place
    age_and_capacity,       # Arts. 30–31
    minor_no_penalty,       # Art. 33 ¶1, first sentence (must)
    first_violation,        # Art. 33 ¶1, second sentence (may) + 首违不罚 / 轻罚 lists
    no_fault,               # Art. 33 ¶2
    statutory_mitigators,   # Art. 32 (+ discretionary mitigators)
    aggravators,            # Art. 49, sector rules (+ discretionary aggravators)
    combine,                # the baseline's combination policy
    select_tier,            # the tier whose conditions the facts meet
    compute_fine,           # sub-range arithmetic, per-unit formulas, caps, warning-only thresholds
    confiscation,           # Art. 28
    penalty_types,          # 单处/并处 as the baseline says
    lawful_levels,          # every level the law allows this case, with its range
    optional_ground,        # a *may* ground (首违不罚, 轻罚清单) becomes the default: PENALTY_STEPS again for it
)
__all__ = ["PENALTY_STEPS", "STEPS", "evaluate"]


UnknownReference = CaseError  # the older name: a case naming a matter, authority or baseline the library lacks


def evaluate(library: Library, case: Case, *, options: Options = Options()) -> Decision:
    """The decision for ``case``; raises ``CaseError`` (a ``ValueError``) naming each field the engine refuses."""
    problems = case_refusals(library, case)
    if problems:
        raise CaseError(case.id, problems)
    if case.history is not None:
        case = with_history(library, case)
    matters = [case.matter, *[m for m in case.also_breaches if m != case.matter]]
    candidates = []
    for matter in matters:
        single = case if matter == case.matter else case.with_matter(matter)
        decision, state = _evaluate_in_time(library, single, options)
        if len(matters) == 1:
            return decision
        statutory = statutory_spec(state)
        top = to_yuan(statutory, state) if statutory is not None else None
        candidates.append((decision, top.hi if top else 0.0,
                           state.provision.statute_level if state.provision else None))
    return one_act_one_fine(candidates, options)


def _evaluate_in_time(library: Library, case: Case, options: Options) -> tuple[Decision, State]:
    """Art. 37: the rules in force at the act, unless those in force at the decision are lighter. The rules are
    the baseline where one applies, else the matter's provision in force on the day (provisions are dated too)."""
    at_act = resolve(library, case.matter, case.authority, case.dates.act_completed, case.baseline)
    decided = case.dates.decided
    if case.baseline is None and decided is not None and decided > case.dates.act_completed:
        at_decision = resolve(library, case.matter, case.authority, decided)
        if at_decision.baseline is not None and at_decision.baseline is not at_act.baseline:
            old, old_state = _evaluate_one(library, case, options, at_act)
            new, new_state = _evaluate_one(library, case, options, at_decision, list_day=decided)
            chosen, new_applied = law_in_force(old, new, options)
            return chosen, (new_state if new_applied else old_state)
        if at_act.baseline is None and at_decision.baseline is None:
            matter = library.matters[case.matter]
            then, now = (provision_in_force(matter, case.dates.act_completed), provision_in_force(matter, decided))
            if then is not now:
                old, old_state = _evaluate_one(library, case, options, at_act, then)
                new, new_state = _evaluate_one(library, case, options, at_decision, now, list_day=decided)
                chosen, new_applied = law_in_force(old, new, options)
                return chosen, (new_state if new_applied else old_state)
        # Exemption lists are dated rules too: the act's lists, unless those in force at the decision are lighter.
        if lists_differ(library, case, case.dates.act_completed, decided):
            old, old_state = _evaluate_one(library, case, options, at_act)
            new, new_state = _evaluate_one(library, case, options, at_act, list_day=decided)
            chosen, new_applied = law_in_force(old, new, options)
            return chosen, (new_state if new_applied else old_state)
    return _evaluate_one(library, case, options, at_act)


def provision_in_force(matter, day):
    """The matter's provision in force on ``day`` (the latest that started); none in force: the first listed."""
    in_force = [p for p in matter.provisions if p.in_force(day)]
    return max(in_force, key=lambda p: p.effective_from) if in_force else matter.provisions[0]


def _evaluate_one(library: Library, case: Case, options: Options, resolution: Resolution,
                  provision=None, *, list_day=None) -> tuple[Decision, State]:
    matter = library.matters[case.matter]
    baseline = resolution.baseline
    if provision is None:
        provision = (library.provisions[baseline.provision] if baseline else
                     matter.provisions[0] if len(matter.provisions) == 1 else
                     provision_in_force(matter, case.dates.act_completed))
    state = State(library, case, options, matter, baseline, provision, list_day=list_day)
    _note_conflicts(state, resolution)
    _note_resolution(state)
    if case.history is not None:
        note_history(state)
    run(STEPS, state, check=options.check_steps)
    return _decide(state), state


def _note_conflicts(state: State, resolution: Resolution) -> None:
    for lower, found in resolution.rejected:
        first = found[0]
        state.note("hierarchy.conflict", conflict_rule(state.library, state.case.authority),
                   {"lower": lower.id, "higher": first.higher, "nodes": [c.dotted for c in found]},
                   f"{lower.id} yields to {first.higher}",
                   Pair(*(t("engine.hierarchy_conflict", lang, lower=lower.id, higher=first.higher, node=first.dotted,
                            conflicts=sentences((c.text(lang) for c in found), lang)) for lang in LANGS)),
                   baseline_ref=first.dotted)


def _note_resolution(state: State) -> None:
    b = state.baseline
    if b is None:
        state.warnings.append(msg("engine.warn_no_baseline"))
        state.tell("baseline.resolve", state.provision.citation, {"authority": state.case.authority}, "no baseline",
                   "engine.no_baseline")
        return
    said = state.library.memo(("resolution-note", b.id, state.provision.id), lambda: _resolution_sentence(state))
    state.note("baseline.resolve", state.provision.citation, {"authority": state.case.authority, "baseline": b.id},
               b.id, said, baseline_ref=state.baseline_ref())


def _resolution_sentence(state: State) -> Sentence:
    b = state.baseline
    author = state.library.authorities[b.authority]
    return Sentence("engine.baseline_applies", {
        "author": Pair(author.name, author.name_en or author.name), "name": Pair(f"《{b.title}》", b.id),
        "version": b.version, "since": day(b.effective_from), "citation": state.provision.citation})


def _decide(state: State) -> Decision:
    # a transferred case has no administrative level; a case settled on the way has only 不予处罚
    acceptable = {} if state.transfer else {Level.no_penalty: None} if state.done else state.acceptable
    matter, baseline, provision = state.matter, state.baseline, state.provision
    ranges = None
    if acceptable and not state.transfer and state.level is not Level.no_penalty:
        def ranges(level: Level, state: State = state):
            return range_for(state, level)[0]
    return Decision(
        case_id=state.case.id,
        matter=matter.id,
        baseline=baseline.id if baseline else None,
        baseline_version=baseline.version if baseline else None,
        provisions=(provision.citation,) if provision else (),
        level=state.level,
        no_penalty_ground=state.no_penalty_ground,
        transfer=state.transfer,
        time_barred=state.time_barred,
        penalties=tuple(state.penalties),
        combination=provision.combination if provision else None,
        fine=state.fine,
        statutory_range=_statutory_range(state),
        suggested_fine=state.suggested_fine,
        individual_fine=state.individual_fine,
        confiscation=state.confiscation,
        acceptable=acceptable,  # type: ignore[arg-type]
        tier=state.tier.no if state.tier else None,
        percent=state.percent,
        warnings=tuple(state.warnings),
        trace=tuple(state.trace),
        illustrative=bool((baseline and baseline.disclaimer) or matter.disclaimer),
        ranges=ranges,
        alternatives=_alternatives(state, acceptable) if provision is not None and provision.combination != "together"
        else (),
    )


def _alternatives(state: State, acceptable: dict) -> tuple[PenaltyType, ...]:
    """处警告或者罚款 (单处, or 可以单处也可以并处): a warning alone is a lawful choice wherever a fine is."""
    p = state.provision
    if p is None or not acceptable or p.combination == "together" or PenaltyType.warning not in p.penalties \
            or PenaltyType.fine not in p.penalties or Level.no_penalty in acceptable and len(acceptable) == 1:
        return ()
    return (PenaltyType.warning,)


def _statutory_range(state: State):
    spec = serious_spec(state) or (state.provision.fine if state.provision else None)
    return to_yuan(spec, state) if spec is not None else None
