"""``generate(template, library, *, trainee_id, seed)``: one trainee's variant, with the engine's answer.

Generation is the ordered list ``PIPELINE``: the drawing steps of ``draw.STEPS`` (party → dates → facts →
variables → circumstances → distractors → sentence order), then build the case, render the narratives, and
evaluate. It is deterministic: the random generator is seeded from SHA-256 of (template id, trainee id, seed,
attempt), never from Python's ``hash()`` (salted per process), so the same inputs give the same case on every
machine and every run; different trainees get different seeds and so different variants.

With ``target_level``, the draw is repeated (attempt 1, 2, …) until the engine's outcome is the one asked for,
at most ``max_tries`` times; then ``UnreachableOutcome`` says what came out instead."""

from __future__ import annotations

import hashlib
import random
from collections import Counter
from collections.abc import Callable

from ..baselines.library import Library
from ..engine.case import Case, CaseDates, Party
from ..engine.pipeline import evaluate
from ..engine.state import Options
from .draw import STEPS as DRAW_STEPS
from .draw import Draft
from .render import render_narratives
from .scenario import Scenario, outcome_label, outcome_of
from .template import Template, parse_outcome


class ScenarioError(Exception):
    """Generation could not give what was asked; the message says what and where."""


class UnreachableOutcome(ScenarioError):
    """``target_level`` was not produced in ``max_tries`` draws."""

    def __init__(self, template: Template, target: str, tries: int, seen: Counter):
        self.template, self.target, self.tries, self.seen = template, target, tries, seen
        got = ", ".join(f"{outcome_label(k)} ({k}) ×{n}" for k, n in seen.most_common())
        declared = ", ".join(template.reachable)
        note = "" if target in template.reachable else f"; the template does not declare it (reachable: {declared})"
        super().__init__(
            f"{template.where('reachable')}: template '{template.id}' produced no {outcome_label(target)} "
            f"({target}) in {tries} draws{note}; outcomes drawn: {got or 'none'}")


def rng_for(template_id: str, trainee_id: str, seed: int, attempt: int = 0) -> random.Random:
    """A generator seeded from a stable hash of the inputs (same on every machine, every run)."""
    key = "\x1f".join((template_id, trainee_id, str(seed), str(attempt))).encode("utf-8")
    return random.Random(int.from_bytes(hashlib.sha256(key).digest()[:16], "big"))


def build_case(d: Draft) -> None:
    t, p = d.template, d.party
    d.case = Case(
        id=d.case_id or t.id,
        title=t.title.zh,
        matter=t.matter,
        authority=t.authority,
        dates=CaseDates(**d.dates),
        party=Party(kind=p.kind, age=p.age, capacity=p.capacity, name=p.name.zh) if p else Party(),
        facts=d.facts,
        factors=d.factors,
        overdue=t.overdue,
    )


def attach_narrative(d: Draft) -> None:
    d.case = d.case.model_copy(update={"narrative": d.narrative_zh})


def evaluate_case(d: Draft) -> None:
    d.decision = evaluate(d.library, d.case, options=d.options)


PIPELINE: tuple[Callable[[Draft], None], ...] = (
    *DRAW_STEPS,         # draw.py: party, dates, facts, variables, circumstances, distractors, sentence order
    build_case,          # the engine's Case from what was drawn
    render_narratives,   # render.py: narratives in zh and en, with the illustrative mark
    attach_narrative,    # the Chinese narrative travels with the case
    evaluate_case,       # the engine's decision: the answer key
)


def draft(template: Template, library: Library, *, trainee_id: str, seed: int = 0, attempt: int = 0,
          options: Options = Options()) -> Draft:
    """Run the pipeline once; the draft holds every intermediate result (for tests and debugging)."""
    d = Draft(template, library, rng_for(template.id, trainee_id, seed, attempt),
              case_id=f"{template.id}:{trainee_id}:{seed}" + (f":{attempt}" if attempt else ""), options=options)
    for step in PIPELINE:
        step(d)
    return d


def generate(template: Template, library: Library, *, trainee_id: str, seed: int = 0,
             target_level: str | None = None, max_tries: int = 200, options: Options = Options()) -> Scenario:
    """One variant of ``template`` for ``trainee_id``. ``target_level``: an outcome (不予/减轻/从轻/一般/从重,
    their keys, ``transfer``/移送 or ``time_barred``/时效); draws until the engine agrees, at most ``max_tries``."""
    target = parse_outcome(target_level) if target_level is not None else None
    seen: Counter = Counter()
    tries = 1 if target is None else max_tries
    for attempt in range(tries):
        d = draft(template, library, trainee_id=trainee_id, seed=seed, attempt=attempt, options=options)
        outcome = outcome_of(d.decision)
        if target is None or outcome == target:
            return Scenario(
                template_id=template.id, trainee_id=trainee_id, seed=seed, attempt=attempt, case=d.case,
                decision=d.decision, narrative_zh=d.narrative_zh, narrative_en=d.narrative_en,
                circumstances=tuple(d.circumstances), distractors=tuple(d.distractors),
                difficulty=template.difficulty, illustrative=True)
        seen[outcome] += 1
    raise UnreachableOutcome(template, target, tries, seen)


def outcome_counts(template: Template, library: Library, *, draws: int = 300, trainee_id: str = "check") -> Counter:
    """How often each outcome comes out in ``draws`` plain draws (seeds 0 … draws − 1)."""
    fast = Options(trace=False)
    return Counter(outcome_of(draft(template, library, trainee_id=trainee_id, seed=s, options=fast).decision)
                   for s in range(draws))


def self_contradictions(template: Template, library: Library, *, draws: int = 300,
                        trainee_id: str = "check") -> list[tuple[int, tuple[str, ...]]]:
    """(seed, the clashing factors) of each plain draw whose case carries factors that exclude each other."""
    from .exclusive import clash, exclusive_sets

    sets = exclusive_sets(template)
    fast = Options(trace=False)
    out = []
    for s in range(draws):
        both = clash(draft(template, library, trainee_id=trainee_id, seed=s, options=fast).case.factors, sets)
        if both:
            out.append((s, both))
    return out
