"""Art. 36: not discovered within two years (five where life, health or financial safety is involved and harm
was caused) — no penalty. Counted from the day of the act, or from the end of a continuing act.

Reads: the dates, the matter's ``safety_related`` flag and the factor ``harmful_consequences``. Decides: the
``time_barred`` flag and, unless the case is transferred (Art. 27 runs first), no penalty. A transferred case
stays transferred: Art. 36 bars the administrative penalty only, never the criminal prosecution."""

from __future__ import annotations

from datetime import date

from ..baselines.vocabulary import Level
from ..baselines.law_factors import LAW_FACTORS as LF
from .text import Sentence, day
from .contract import step
from .state import LAW, State

CITATION = f"{LAW}第三十六条"


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February → 28 February
        return day.replace(year=day.year + years, day=28)


@step(reads={"case", "matter", "options", "transfer"},
      writes={"time_barred", "level", "no_penalty_ground", "done", "trace"})
def time_bar(state: State) -> None:
    dates = state.case.dates
    if dates.discovered is None:
        state.tell("art36.time_bar", CITATION, {}, "not checked", "engine.time_bar_not_checked", fired=False)
        return
    long_bar = state.matter.safety_related and state.case.has(LF.harmful_consequences)
    years = 5 if long_bar else 2
    start = dates.act_completed
    deadline = add_years(start, years)
    inputs = {"act_completed": start, "discovered": dates.discovered, "years": years}
    if not state.options.trace and dates.discovered <= deadline:
        return
    started = Sentence("engine.time_bar_started_continuing" if dates.act_end else "engine.time_bar_started_act")
    if dates.discovered > deadline and state.transfer:
        state.time_barred = True
        state.tell("art36.time_bar", CITATION, inputs, "administrative penalty time-barred; transfer stands",
                   "engine.time_bar_after_transfer", started=started, start=day(start), years=years,
                   deadline=day(deadline), discovered=day(dates.discovered))
    elif dates.discovered > deadline:
        state.time_barred = True
        state.settle(Level.no_penalty, "time_barred")
        state.tell("art36.time_bar", CITATION, inputs, "time-barred: no penalty", "engine.time_bar_barred",
                   started=started, start=day(start), years=years, deadline=day(deadline),
                   discovered=day(dates.discovered))
    else:
        state.tell("art36.time_bar", CITATION, inputs, "within the time limit", "engine.time_bar_within",
                   started=started, start=day(start), years=years, discovered=day(dates.discovered))
