"""Art. 36: not discovered within two years (five where life, health or financial safety is involved and harm
was caused) — no penalty. Counted from the day of the act, or from the end of a continuing act.

Reads: the dates, the matter's ``safety_related`` flag and the factor ``harmful_consequences``. Decides: the
``time_barred`` flag and, unless the case is transferred (Art. 27 runs first), no penalty. A transferred case
stays transferred: Art. 36 bars the administrative penalty only, never the criminal prosecution."""

from __future__ import annotations

from datetime import date

from ..baselines.vocabulary import Level
from ..baselines.law_factors import LAW_FACTORS as LF
from ..i18n import t
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
        state.note("art36.time_bar", CITATION, {}, "not checked",
                   "未载明发现日期，未审查追责时效。", "No discovery date given; the time bar was not checked.",
                   fired=False)
        return
    long_bar = state.matter.safety_related and state.case.has(LF.harmful_consequences)
    years = 5 if long_bar else 2
    start = dates.act_completed
    deadline = add_years(start, years)
    inputs = {"act_completed": start, "discovered": dates.discovered, "years": years}
    if not state.options.trace and dates.discovered <= deadline:
        return
    started = "连续或者继续状态终了之日" if dates.act_end else "违法行为发生之日"
    started_en = "the end of the continuing act" if dates.act_end else "the day of the act"
    if dates.discovered > deadline and state.transfer:
        state.time_barred = True
        params = {"start": start.isoformat(), "years": years, "deadline": deadline.isoformat(),
                  "discovered": dates.discovered.isoformat()}
        state.note("art36.time_bar", CITATION, inputs, "administrative penalty time-barred; transfer stands",
                   t("engine.time_bar_after_transfer", "zh", started=started, **params),
                   t("engine.time_bar_after_transfer", "en", started=started_en, **params))
    elif dates.discovered > deadline:
        state.time_barred = True
        state.settle(Level.no_penalty, "time_barred")
        state.note("art36.time_bar", CITATION, inputs, "time-barred: no penalty",
                   f"违法行为自{started}（{start}）起{years}年内（至{deadline}）未被发现，{dates.discovered}才发现，"
                   f"不再给予行政处罚。",
                   f"Not discovered within {years} years of {started_en} ({start}, deadline {deadline}); "
                   f"discovered {dates.discovered}: no penalty may be imposed.")
    else:
        day, found = start.isoformat(), dates.discovered.isoformat()
        state.note("art36.time_bar", CITATION, inputs, "within the time limit",
                   f"自{started}（{day}）起{years}年内发现（{found}），未超过追责时效。",
                   f"Discovered on {found}, within {years} years of {started_en} ({day}).")
