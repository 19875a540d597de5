"""One path from a pydantic ``ValidationError`` to located messages, for every loader that validates a model.

``problems(exc)`` gives, per error, the dotted path inside the model (``tiers.0.fine.min``), the first key of
that path (the column or field a loader maps to a place in its file), pydantic's message and the input that was
refused; ``Problem.text`` is the one wording (``<path>: <message>``). Loaders add the place (file, line, row,
column) they know. The library loader in kit/baselines (model_walk.py) still has its own translation; it is to
call this one after issue 9 merges."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError


@dataclass(frozen=True)
class Problem:
    loc: tuple[str | int, ...]
    message: str
    input: object

    @property
    def path(self) -> str:
        return ".".join(map(str, self.loc))

    @property
    def field(self) -> str | None:
        """The first key of the path (a column, a top-level field), or None when the model itself is refused."""
        return str(self.loc[0]) if self.loc else None

    def text(self, prefix: str = "") -> str:
        """``[prefix: ]path: message`` — the one wording of a validation problem."""
        where = ": ".join(p for p in (prefix, self.path) if p)
        return f"{where}: {self.message}" if where else self.message


def problems(exc: ValidationError) -> list[Problem]:
    """Every error of ``exc``, in pydantic's order."""
    return [Problem(tuple(err["loc"]), err["msg"], err.get("input")) for err in exc.errors(include_url=False)]
