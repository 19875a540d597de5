"""Art. 29: one act, one fine. "同一个违法行为违反多个法律规范应当给予罚款处罚的，按照罚款数额高的规定处罚。"

Reads: each norm's decision for *this* case. Decides: which one is kept. With ``one_act_policy = "case_fine"``
(the default) the norms are compared by the fines they give this case: the top of the range of the level each
norm reaches, then its suggested fine, then its statutory maximum for this case. A tie is decided by a stated
rule, never by the order in which the norms are listed: the norm of the higher legal rank (《立法法》: 法律 ›
行政法规 › 地方性法规 › 规章); where even that ties, the norms give the same fine, so the penalty is the same under
either, and the one whose matter id sorts first is named. The trace says which of these decided.
``higher_maximum`` compares only the statutory maxima (the older reading, kept as an option)."""

from __future__ import annotations

from dataclasses import replace

from ..baselines.vocabulary import StatuteLevel
from .text import Pair, t
from .decision import Decision, TraceStep
from ..i18n.format import digits
from .state import LAW, Options

CITATION = f"{LAW}第二十九条"
RANK_RULE = "《中华人民共和国立法法》第九十九条、第一百条（上位法优于下位法）"
_RANK = {StatuteLevel.law: 5, StatuteLevel.administrative_regulation: 4, StatuteLevel.local_regulation: 3,
         StatuteLevel.departmental_rule: 2, StatuteLevel.local_rule: 2, StatuteLevel.constructed: 0}
_REASONS = ("fine", "suggested", "maximum", "rank", "same")


def _key(c: tuple[Decision, float, StatuteLevel | None], policy: str) -> tuple:
    d, top, level = c
    rank = _RANK.get(level, 0) if level is not None else 0
    if policy == "higher_maximum":
        return (top, rank)
    if policy == "higher_fine":
        return (d.suggested_fine or 0.0, rank)
    return (d.fine.hi if d.fine else 0.0, d.suggested_fine or 0.0, top, rank)


def one_act_one_fine(candidates: list[tuple[Decision, float, StatuteLevel | None]], options: Options) -> Decision:
    """Keep one decision out of the candidates (decision, statutory maximum in yuan for this case, statute level)."""
    if len(candidates) == 1:
        return candidates[0][0]
    policy = options.one_act_policy
    ranked = sorted(candidates, key=lambda c: (_key(c, policy), [-ord(ch) for ch in c[0].matter]), reverse=True)
    chosen, runner = ranked[0], ranked[1]
    best, second = _key(chosen, policy), _key(runner, policy)
    reason = "same"
    if policy == "case_fine":
        for i, name in enumerate(_REASONS[:4]):
            if best[i] != second[i]:
                reason = name
                break
    else:
        reason = {0: "maximum" if policy == "higher_maximum" else "suggested", 1: "rank"}.get(
            next((i for i in range(2) if best[i] != second[i]), 2), "same")
    d = chosen[0]
    names = "、".join(f"{c[0].matter}（{'；'.join(c[0].provisions)}）" for c in candidates)
    params = {"n": len(candidates), "names": names, "kept": d.matter,
              "fine": d.fine.text("zh") if d.fine else "—", "suggested": digits(d.suggested_fine or 0),
              "maximum": digits(chosen[1])}
    params_en = {**params, "names": ", ".join(c[0].matter for c in candidates),
                 "fine": d.fine.text("en") if d.fine else "—"}
    citation = CITATION + (f"；{RANK_RULE}" if reason == "rank" else "")
    step = TraceStep(
        "art29.one_act" if reason != "rank" and reason != "same" else "art29.tie", citation,
        {"candidates": [c[0].matter for c in candidates], "policy": policy, "decided_by": reason},
        f"keep {d.matter}",
        Pair(t("engine.art29_intro", "zh", **params) + t(f"engine.art29_{reason}", "zh", **params),
             t("engine.art29_intro", "en", **params_en) + t(f"engine.art29_{reason}", "en", **params_en)),
    )
    return replace(d, trace=d.trace + ((step,) if options.trace else ()))
