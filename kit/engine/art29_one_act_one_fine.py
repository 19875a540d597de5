"""Art. 29: one act, one fine. An act that breaches several provisions is fined under the one with the
higher fine; the option ``one_act_policy`` says whether "higher" means the statutory maximum or the fine
computed for this case."""

from __future__ import annotations

from dataclasses import replace

from .decision import Decision, TraceStep
from .state import LAW, Options

CITATION = f"{LAW}第二十九条"


def _measure(decision: Decision, policy: str, statutory_max: float) -> float:
    if policy == "higher_fine":
        return decision.suggested_fine or 0.0
    return statutory_max


def one_act_one_fine(candidates: list[tuple[Decision, float]], options: Options) -> Decision:
    """Keep one decision out of the candidates (decision, statutory maximum in yuan for this case)."""
    if len(candidates) == 1:
        return candidates[0][0]
    ranked = sorted(candidates, key=lambda c: _measure(c[0], options.one_act_policy, c[1]), reverse=True)
    chosen = ranked[0][0]
    names = "、".join(f"{d.matter}（{'；'.join(d.provisions)}）" for d, _ in candidates)
    how_zh = "法定罚款上限较高" if options.one_act_policy == "higher_maximum" else "计算的罚款较高"
    how_en = "the higher statutory maximum" if options.one_act_policy == "higher_maximum" else "the higher computed fine"
    step = TraceStep(
        "art29.one_act", CITATION,
        {"candidates": [d.matter for d, _ in candidates], "policy": options.one_act_policy},
        f"keep {chosen.matter}",
        f"同一违法行为违反{len(candidates)}个规定（{names}），不得给予两次以上罚款，按{how_zh}的{chosen.matter}处罚。",
        f"One act breaches {len(candidates)} provisions; it is fined once, under {chosen.matter}, which has {how_en}.",
    )
    return replace(chosen, trace=chosen.trace + ((step,) if options.trace else ()))
