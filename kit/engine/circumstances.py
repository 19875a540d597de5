"""The circumstances a case's factors present, one direction at a time: shared by the mitigator step (Art. 32)
and the aggravator step, which then sort them by kind (statutory mandatory, statutory optional, discretionary).

A discretionary (酌定) circumstance is traced the same way in both directions: it counts toward the baseline's
application rules and cites Art. 5 ¶2 (过罚相当) beside the factor's own citation."""

from __future__ import annotations

from collections.abc import Iterator

from ..baselines.models import Factor
from ..baselines.vocabulary import Direction
from .text import Pair, Sentence
from .state import ART5, State


def present(state: State, direction: Direction) -> Iterator[tuple[str, Factor]]:
    """(id, factor) of every factor the case has that points in ``direction``, in the case's order."""
    factors = state.library.factors
    for factor_id in state.case.factors:
        if state.case.has(factor_id):
            factor = factors[factor_id]
            if factor.direction is direction:
                yield factor_id, factor


def note_discretionary(state: State, factor_id: str, factor: Factor, kind: str, value: object) -> None:
    """Trace a discretionary circumstance (``kind``: ``mitigator`` or ``aggravator``; ``value``: the input shown)."""
    key = f"engine.discretionary_{kind}"
    state.note(f"discretion.{kind}", f"{factor.citation}；{ART5}", {factor_id: value},
               f"discretionary {kind}", Sentence(key, {"factor": Pair(factor.zh, factor.en)}),
               baseline_ref=state.baseline_ref("适用规则"))
