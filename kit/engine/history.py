"""The party's history as data: "first violation" and "repeat within one year" derived from the party's dated
earlier penalties, not typed as flags that can contradict each other.

Reads: ``case.history`` (each earlier penalty: date, matter, authority) and the look-back window of the
首违不罚 list that covers the matter along the deciding authority's chain (``window_years``; no list: ever).
Decides, before any step runs: the factors ``first_violation`` (初次违法: no earlier penalty for the same matter
within the window) and ``repeat_violation`` (一年内因同一违法行为受过行政处罚). An explicit factor that the history
contradicts is a ``CaseError`` naming it; factors the history cannot tell (minor_harm, corrected_promptly …)
stay explicit."""

from __future__ import annotations

from datetime import date

from ..baselines.law_factors import LAW_FACTORS as LF
from ..i18n import msg, say
from .text import Days, Pair, t
from .art36_time_bar import add_years
from .case_errors import UNKNOWN, CaseError, Problem

FIRST, REPEAT = LF.first_violation, LF.repeat_violation
REPEAT_YEARS = 1  # 一年内


def _window(library, case) -> int | None:
    chain = {a.id for a in library.authority_chain(case.authority)}
    windows = [lst.window_years for lst, _ in library.list_items_for(case.matter)
               if lst.authority in chain and lst.window_years]
    return min(windows) if windows else None


def derived(library, case) -> tuple[dict[str, bool], list[date], int | None]:
    """(derived factors, the dates of earlier penalties for the same matter, the window in years)."""
    act = case.dates.act_start
    same = sorted(h.date for h in case.history if h.matter == case.matter and h.date < act)
    window = _window(library, case)
    within_window = [d for d in same if window is None or add_years(d, window) >= act]
    within_year = [d for d in same if add_years(d, REPEAT_YEARS) >= act]
    factors = {FIRST: not within_window}
    if REPEAT in library.factors:
        factors[REPEAT] = bool(within_year)
    return factors, same, window


def history_problems(library, case) -> list[Problem]:
    out: list[Problem] = []
    act = case.dates.act_start
    for i, h in enumerate(case.history):
        if h.date >= act:
            out.append((("history", i, "date"), msg("case_errors.not_earlier"),
                        msg("case_errors.before_the_act", act=act), str(h.date)))
        if h.matter not in library.matters:
            out.append((("history", i, "matter"), *UNKNOWN["matter"], f"'{h.matter}'"))
        if h.authority is not None and h.authority not in library.authorities:
            out.append((("history", i, "authority"), *UNKNOWN["authority"], f"'{h.authority}'"))
    if out:
        return out
    factors, same, _ = derived(library, case)
    for factor, value in factors.items():
        if factor in case.factors and case.has(factor) != value:
            said = msg("case_errors.present" if case.has(factor) else "case_errors.absent")
            why = msg("case_errors.earlier_penalties", matter=case.matter, dates=", ".join(map(str, same))) if same \
                else msg("case_errors.no_earlier_penalty", matter=case.matter)
            out.append((("factors", factor), msg("case_errors.contradicts_history"),
                        msg("case_errors.as_history_gives", factor=factor, why=why,
                            value=msg("case_errors.present" if value else "case_errors.absent")), said))
    return out


def with_history(library, case):
    """The case with the factors its history decides (only when it gives a history)."""
    problems = history_problems(library, case)
    if problems:
        raise CaseError(case.id, problems)
    factors, _, _ = derived(library, case)
    merged = {k: v for k, v in case.factors.items() if k not in factors}
    merged.update({k: True for k, v in factors.items() if v})
    return case.model_copy(update={"factors": merged})


def note_history(state) -> None:
    case = state.case
    if case.history is None:
        return
    factors, same, window = derived(state.library, case)
    span = msg("engine.span_years", n=window) if window else msg("engine.span_ever")
    span_zh, span_en = say(span, "zh"), say(span, "en")
    def params(lang):
        return {"n": len(same), "dates": Days(tuple(same)).render(lang) or "—"}

    zh = t("engine.history", "zh", span=span_zh, **params("zh")) + (
        t("engine.history_first", "zh") if factors[FIRST] else t("engine.history_not_first", "zh", span=span_zh))
    en = t("engine.history", "en", span=span_en, **params("en")) + (
        t("engine.history_first", "en") if factors[FIRST] else t("engine.history_not_first", "en", span=span_en))
    if factors.get(REPEAT):
        zh += t("engine.history_repeat", "zh")
        en += t("engine.history_repeat", "en")
    state.note("history", "当事人违法记录（《中华人民共和国行政处罚法》第三十三条第一款“初次违法”）",
               {"earlier": [str(d) for d in same], "window_years": window, **factors},
               ", ".join(k for k, v in factors.items() if v) or "none", Pair(zh, en))
