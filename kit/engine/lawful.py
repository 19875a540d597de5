"""The lawful levels of the case (``Decision.acceptable``), and the *may* ground that becomes the default.

``lawful_levels`` gathers every level the law allows this case with its fine range: the levels the earlier steps
kept lawful (a *may* rule's unmitigated level, 从轻或者减轻, 不予处罚 where no list covers the matter) and the level
computed. ``optional_ground`` then makes a *may* ground (首违不罚, a 轻罚 list item, Art. 31's partial capacity
read as a list outcome) the default level: the penalty steps run again for that level (they are the same
functions as in the ordered list, so a re-run follows the same law), and the computed level stays lawful."""

from __future__ import annotations

from ..baselines.vocabulary import Level
from .arithmetic import RANGE_READS, compute_fine, range_for
from .art28_confiscation import confiscation, penalty_types
from .contract import step
from .state import State

# the steps that turn a level into its penalty, run again when a *may* ground becomes the default
PENALTY_STEPS = (compute_fine, confiscation, penalty_types)


@step(reads=RANGE_READS | {"extra_acceptable", "level", "fine"}, writes={"acceptable"})
def lawful_levels(state: State) -> None:
    acceptable = {level: range_for(state, level)[0] for level in state.extra_acceptable}
    if state.level is not None:
        acceptable[state.level] = state.fine
    state.acceptable = acceptable


@step(reads=frozenset().union(*(s.reads for s in PENALTY_STEPS)) | {"optional_ground"},
      writes=frozenset().union(*(s.writes for s in PENALTY_STEPS)) | {"level", "no_penalty_ground", "acceptable"})
def optional_ground(state: State) -> None:
    if state.optional_ground is None:
        return
    level, ground, _ref = state.optional_ground
    state.level = level
    state.no_penalty_ground = ground if level is Level.no_penalty else None
    state.fine = state.suggested_fine = state.individual_fine = state.confiscation = None
    state.penalties = []
    for fn in PENALTY_STEPS:
        fn(state)
    state.acceptable[level] = state.fine
