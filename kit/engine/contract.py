"""What each step of the law's order reads and writes: stated beside the step, checked when asked.

A step is a function ``step(state) -> None`` declared with ``@step(reads=..., writes=...)``: the ``State`` fields
it may read and the fields it may set or change (a field it writes it may also read). ``Options(check_steps=True)``
runs each step on a ``Checked`` view of the state that refuses any other field with ``StepContractError``, and
hands a field the step only reads as a read-only copy (a list as a tuple, a set as a frozenset, a dict as a
read-only mapping), so changing what it only reads fails too. The test suite evaluates every expert case so;
the ordinary path runs the steps on the state itself and costs nothing.

Why declared names and not one typed object per phase: the steps are small functions that read a few fields
each across phases (the penalty steps read what the circumstances steps found, and run twice when a *may*
ground becomes the default), so frozen phase objects would be rebuilt at each step on the engine's hot path
(≈20,000 cases/s) and the contract would be spread over a dozen types; a name list per step is read beside
the step, checked by one small proxy, and changes nothing in the decisions or the speed."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from .state import State


class Step(Protocol):
    """A step of the law's order: called with the state, it carries its declared contract."""

    __name__: str
    reads: frozenset[str]
    writes: frozenset[str]

    def __call__(self, state: State, /) -> None: ...

# The State's methods, and the fields each one reads and writes on behalf of the step that calls it.
METHODS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "note": (frozenset({"options"}), frozenset({"trace"})),
    "tell": (frozenset({"options"}), frozenset({"trace"})),
    "baseline_ref": (frozenset({"baseline"}), frozenset()),
    "fact": (frozenset({"case"}), frozenset()),
    "fact_words": (frozenset({"matter"}), frozenset()),
    "settle": (frozenset(), frozenset({"level", "no_penalty_ground", "done"})),
}


class StepContractError(AssertionError):
    """A step used a field of the state that its declaration does not name (a programming error, never a user's)."""


def step(*, reads: Iterable[str], writes: Iterable[str] = ()) -> Callable[[Callable[[State], None]], Step]:
    """Declare a step's contract: ``@step(reads={"case", "matter"}, writes={"transfer", "trace"})``."""
    def declare(fn: Callable[[State], None]) -> Step:
        declared = cast(Step, fn)
        declared.reads = frozenset(reads)
        declared.writes = frozenset(writes)
        return declared
    return declare


def _read_only(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, (set, frozenset)):
        return frozenset(value)
    if isinstance(value, dict):
        return MappingProxyType(value)
    return value


class Checked:
    """The state as one step may see it: only its declared fields (see the module's docstring)."""

    __slots__ = ("_state", "_name", "_reads", "_writes")

    def __init__(self, state: State, fn: Step):
        object.__setattr__(self, "_state", state)
        object.__setattr__(self, "_name", fn.__name__)
        object.__setattr__(self, "_writes", fn.writes)
        object.__setattr__(self, "_reads", fn.reads | fn.writes)

    def _refuse(self, verb: str, name: str) -> StepContractError:
        return StepContractError(f"step {self._name} {verb} state.{name}, which its @step declaration does not name")

    def __getattr__(self, name: str) -> Any:
        if name in METHODS:
            reads, writes = METHODS[name]
            for field in reads - self._reads:
                raise self._refuse(f"calls {name}(), which reads", field)
            for field in writes - self._writes:
                raise self._refuse(f"calls {name}(), which writes", field)
            return getattr(type(self._state), name).__get__(self)
        if name not in self._reads:
            raise self._refuse("reads", name)
        value = getattr(self._state, name)
        return value if name in self._writes else _read_only(value)

    def __setattr__(self, name: str, value: Any) -> None:
        if name not in self._writes:
            raise self._refuse("writes", name)
        setattr(self._state, name, value)


def run(steps: Iterable[Step], state: State, *, check: bool = False) -> None:
    """The steps in order until one settles the case (``state.done``); each on a ``Checked`` view if ``check``."""
    for fn in steps:
        if state.done:
            break
        fn(cast("State", Checked(state, fn)) if check else state)
