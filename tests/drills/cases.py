"""The case behind a drill case id, regenerated the way the drill drew it (shared by the browser tests)."""

from __future__ import annotations

from kit.scenarios import UnreachableOutcome, generate


def regenerate(templates: dict, library, case_id: str):
    """``template:officer:seed[:attempt]`` → the scenario; the target outcome is the one whose draw has this id."""
    template_id, officer, seed = case_id.split(":")[:3]
    template = templates[template_id]
    for target in [None, *template.reachable]:
        try:
            sc = generate(template, library, trainee_id=officer, seed=int(seed), target_level=target)
        except UnreachableOutcome:
            continue
        if sc.case.id == case_id:
            return sc
    raise AssertionError(f"cannot regenerate {case_id}")
