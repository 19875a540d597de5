"""Scenario generation throughput: variants per second including the engine check (draw → render → evaluate
with the full trace), over every built-in template, beside the engine alone on the same cases (the anchor:
what evaluation costs without drawing and rendering). Also ``target_level`` generation: variants per second
when each must land on a given outcome (draws repeat until the engine agrees)."""

from __future__ import annotations

import time

from kit.baselines import sample_library
from kit.engine import evaluate
from kit.scenarios import builtin_templates, generate

PER_TEMPLATE = 150
REPEAT = 3
TARGET = 1_000  # variants per second, one core, including the engine check


def _best(fn) -> float:
    best = float("inf")
    for _ in range(REPEAT):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def run() -> list[dict]:
    library = sample_library()
    templates = builtin_templates(library)
    jobs = [(t, f"trainee-{i}") for t in templates for i in range(PER_TEMPLATE)]
    scenarios = [generate(t, library, trainee_id=trainee) for t, trainee in jobs]
    cases = [s.case for s in scenarios]
    gen = _best(lambda: [generate(t, library, trainee_id=trainee) for t, trainee in jobs])
    engine = _best(lambda: [evaluate(library, c) for c in cases])
    targeted = [(t, outcome) for t in templates for outcome in t.reachable]
    tgt = _best(lambda: [generate(t, library, trainee_id=f"bench-{i}", target_level=o)
                         for i in range(10) for t, o in targeted])
    n, m = len(jobs), 10 * len(targeted)
    per_second, engine_per_second, target_per_second = n / gen, n / engine, m / tgt
    return [
        {"name": f"scenario generate: {len(templates)} templates × {PER_TEMPLATE} trainees (with engine check)",
         "value": per_second, "unit": "variants/s", "anchor_name": "engine evaluate alone, same cases",
         "anchor_value": engine_per_second, "ratio": per_second / engine_per_second,
         "target": f"≥ {TARGET:,} variants/s", "ok": per_second >= TARGET},
        {"name": f"scenario generate with target_level: every declared outcome × 10 ({m} variants)",
         "value": target_per_second, "unit": "variants/s", "anchor_name": "plain generate (above)",
         "anchor_value": per_second, "ratio": target_per_second / per_second, "target": "", "ok": None},
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
