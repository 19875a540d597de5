"""Art. 33: the three no-penalty grounds, in the law's order.

¶1 first sentence — minor, promptly corrected, no harm: no penalty (mandatory).
¶1 second sentence — first violation, minor harm, promptly corrected: *may* be no penalty; the agency's
    首违不罚 / 轻罚 list says which matters and names exclusions.
¶2 — the party proves it had no subjective fault: no penalty."""

from __future__ import annotations

from ..baselines.models import ExemptionList, ListItem
from ..baselines.vocabulary import Level
from ..baselines.law_factors import LAW_FACTORS as LF
from ..i18n import list_join, msg
from .text import Days, Pair, Sentence
from .art36_time_bar import add_years
from .case_errors import missing_fact
from .contract import step
from .state import LAW, State
from .tiers import _meets

P1 = f"{LAW}第三十三条第一款"
P2 = f"{LAW}第三十三条第二款"
MINOR, FIRST = LF.minor, LF.first  # the circumstances each sentence of ¶1 joins (law_factors.yaml)


@step(reads={"case", "options"}, writes={"level", "no_penalty_ground", "done", "trace"})
def minor_no_penalty(state: State) -> None:
    present = {f: state.case.has(f) for f in MINOR}
    if all(present.values()):
        state.settle(Level.no_penalty, "minor_corrected_no_harm")
        state.tell("art33.minor", P1, present, "no penalty", "engine.art33_minor")
    else:
        state.tell("art33.minor", P1, present, "not met", "engine.art33_minor_not_met", fired=False)


def _chain_entries(library, case) -> list[tuple[ExemptionList, ListItem]]:
    """List items for the case's matter issued along its authority's chain (any date), once per library."""
    key = ("list-items", case.matter, case.authority)
    entries = library.cache.get(key)
    if entries is None:
        chain = {a.id for a in library.authority_chain(case.authority)}
        entries = library.cache[key] = [(lst, item) for lst, item in library.list_items_for(case.matter)
                                        if lst.authority in chain]
    return entries


def _lists_for(state: State) -> list[tuple[ExemptionList, ListItem]]:
    """List items for the matter, issued along the authority's chain and in force on ``state.list_day`` (the day
    the act ended; the decision day when Art. 37 tries the lists in force then, kit/engine/pipeline.py)."""
    entries = _chain_entries(state.library, state.case)
    if not entries:
        return entries
    return in_force(entries, state.list_day or state.case.dates.act_completed)


def in_force(entries: list[tuple[ExemptionList, ListItem]], day) -> list[tuple[ExemptionList, ListItem]]:
    return [(lst, item) for lst, item in entries if lst.in_force(day)]


def lists_differ(library, case, first, second) -> bool:
    """Whether the list items for the case's matter and authority chain differ between two days."""
    entries = _chain_entries(library, case)
    if not entries:
        return False
    return {id(i) for _, i in in_force(entries, first)} != {id(i) for _, i in in_force(entries, second)}


def _force(lst: ExemptionList, item: ListItem) -> str:
    if item.force is not None:
        return item.force
    return "must" if lst.kind == "minor" and item.outcome == "no_penalty" else "may"


def _earlier_within(state: State, item: ListItem) -> list:
    """Earlier penalties for the same matter inside the item's look-back window (the case's history)."""
    case = state.case
    if case.history is None or (item.window_years is None and not item.window_calendar_year):
        return []
    act = case.dates.act_start
    out = []
    for h in case.history:
        if h.matter != case.matter or h.date >= act:
            continue
        if item.window_calendar_year and h.date.year == act.year:
            out.append(h.date)
        elif item.window_years is not None and add_years(h.date, item.window_years) >= act:
            out.append(h.date)
    return out


@step(reads={"case", "library", "matter", "list_day", "options"},
      writes={"level", "no_penalty_ground", "done", "optional_ground", "extra_acceptable", "trace"})
def first_violation(state: State) -> None:
    """Reads every item of every list in force for the matter along the chain — an item that does not apply or
    that excludes the case never stops the others from being read, so the result does not depend on the order of
    files or items. Of the items that apply, a *must* item (不予处罚) decides; else the lightest *may* outcome is the
    default and every applying outcome, and the ordinary level, stay lawful."""
    present = {f: state.case.has(f) for f in FIRST}
    entries = _lists_for(state)
    applying = []
    for lst, item in entries:
        ref = f"{lst.title} 第{item.id}项"
        cited = Pair(ref, f"{lst.id} #{item.id}")
        missing = [f for f in item.requires if not state.case.has(f)]
        if missing:
            state.note("art33.first_violation", P1, {"list": lst.id, "item": item.id, "missing": missing},
                       "list item not met", Sentence("engine.list_item_missing", {"ref": cited, "missing": Pair(
                           list_join((_zh(state, m) for m in missing), "zh"), list_join(missing, "en"))}),
                       fired=False, baseline_ref=ref)
            continue
        if item.when:
            absent: list[str] = []
            met = [alt for alt in item.when if _meets(state, alt, absent)]
            if not met:
                if absent:
                    raise missing_fact(state.case.id, absent[0],
                                       msg("case_errors.list_item_conditions_of", list=lst.id, item=item.id),
                                       state.matter)
                state.note("art33.first_violation", P1, {"list": lst.id, "item": item.id, "facts": dict(
                    state.case.facts)}, "list item conditions not met",
                    Sentence("engine.list_conditions_not_met", {"ref": cited, "conditions": Pair(
                        "；".join(a.text for a in item.when), "; ".join(a.text for a in item.when))}),
                    fired=False, baseline_ref=ref)
                continue
        earlier = _earlier_within(state, item)
        if earlier:
            span = msg("engine.span_calendar_year") if item.window_calendar_year else \
                msg("engine.span_years", n=item.window_years)
            state.note("art33.first_violation", P1, {"list": lst.id, "item": item.id,
                                                     "earlier": [str(d) for d in earlier]}, "not first in the window",
                       Sentence("engine.list_window", {"ref": cited, "span": span, "dates": Days(tuple(earlier))}),
                       baseline_ref=ref)
            continue
        excluded = [e for e in item.exclusions if state.case.has(e.factor)]
        if excluded:
            state.note("art33.first_violation", P1, {"list": lst.id, "item": item.id,
                                                     "excluded_by": [e.factor for e in excluded]},
                       "excluded", Sentence("engine.list_excluded", {"ref": cited, "exclusion": Pair(
                           excluded[0].text, state.library.factors[excluded[0].factor].en)}), baseline_ref=ref)
            continue
        applying.append((lst, item, ref))
    if applying:
        applying.sort(key=lambda e: (_force(e[0], e[1]) != "must", Level(e[1].outcome).rank, e[0].id, e[1].id))
        lst, item, ref = applying[0]
        level = Level(item.outcome)
        if _force(lst, item) == "must" and level is Level.no_penalty:
            state.settle(Level.no_penalty, f"list:{lst.kind}")
            state.note("art33.first_violation", P1, {"list": lst.id, "item": item.id, **present}, "no penalty (must)",
                       Sentence("engine.list_must", {"ref": Pair(ref, f"{lst.title} item {item.id}"),
                                                     "words": Pair("；".join(item.conditions) or item.text, item.text)}),
                       baseline_ref=ref)
            return
        state.optional_ground = (level, f"list:{lst.kind}", ref)
        for _, other, _ in applying[1:]:
            state.extra_acceptable.add(Level(other.outcome))
        state.note("art33.first_violation", P1, {"list": lst.id, "item": item.id, **present},
                   f"may be {level.value}",
                   Sentence("engine.list_may", {"ref": Pair(ref, f"{lst.title} item {item.id}"), "level": level,
                                                "words": Pair("；".join(item.conditions) or item.text, item.text)}),
                   baseline_ref=ref)
        return
    if not entries and all(present.values()):
        # No list covers the matter: Art. 33 itself still allows no penalty.
        state.extra_acceptable.add(Level.no_penalty)
        state.tell("art33.first_violation", P1, present, "no penalty also lawful", "engine.art33_first_no_list")
    elif not entries:
        state.tell("art33.first_violation", P1, present, "not met", "engine.art33_first_not_met", fired=False)


@step(reads={"case", "options"},
      writes={"level", "no_penalty_ground", "done", "optional_ground", "trace"})
def no_fault(state: State) -> None:
    if state.case.has(LF.no_fault):
        state.settle(Level.no_penalty, "no_fault")
        state.optional_ground = None
        state.tell("art33.no_fault", P2, {LF.no_fault: True}, "no penalty", "engine.art33_no_fault")
    else:
        state.tell("art33.no_fault", P2, {LF.no_fault: False}, "not met", "engine.art33_no_fault_not_met",
                   fired=False)


def _zh(state: State, factor: str) -> str:
    f = state.library.factors.get(factor)
    return f.zh if f else factor
