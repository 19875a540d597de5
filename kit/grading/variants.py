"""Per-trainee case variants for exercises: ``variant(template_id, trainee_id)`` → the trainee's ``Scenario``.

A thin, cached layer over ``kit.scenarios.generate``: the same template, trainee and seed give the same case in
every process (the generator is seeded from SHA-256, never from ``hash()``), so a notebook that shows a trainee
their case and the autograder that grades it later agree on what the case was."""

from __future__ import annotations

from functools import lru_cache

from ..baselines.library import Library
from ..baselines import sample_library
from ..i18n import msg
from ..i18n.validation import Refusal
from ..scenarios import TEMPLATES_DIR, Scenario, find_template, generate


@lru_cache(maxsize=1)
def _sample() -> Library:
    return sample_library()


def variant(template_id: str, trainee_id: str, *, seed: int = 0, library: Library | None = None) -> Scenario:
    """The variant of the built-in template ``template_id`` (or a template file) for ``trainee_id``;
    ``library`` defaults to the bundled sample library."""
    if not str(trainee_id).strip():
        raise Refusal(msg("errors.trainee_id_empty"))
    lib = library if library is not None else _sample()
    builtin = TEMPLATES_DIR / f"{template_id}.yaml"
    # An id names a built-in template, never a file of the working directory (a submission folder may hold any
    # file a trainee put there).
    name = builtin if builtin.exists() and "/" not in template_id else template_id
    return generate(find_template(name, lib), lib, trainee_id=str(trainee_id).strip(), seed=seed)
