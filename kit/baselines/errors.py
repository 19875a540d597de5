"""Located errors: every problem names the file, the line and column, the dotted path, what was expected
and what was found."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class LoadError:
    file: str
    line: int | None
    column: int | None
    path: str
    problem: str
    expected: str
    found: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        path = f" {self.path}:" if self.path else ""
        return f"{where}:{path} {self.problem} — expected {self.expected}; found {self.found}"

    def to_dict(self) -> dict:
        return asdict(self)


class LibraryError(Exception):
    """A library (or a case, or a template) failed to load; ``errors`` holds every problem found."""

    def __init__(self, errors: list[LoadError]):
        self.errors = sorted(errors, key=lambda e: (e.file, e.line or 0, e.column or 0, e.path))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        lines = [str(e) for e in self.errors]
        lines.append(f"{count} error{'s' if count != 1 else ''}")
        return "\n".join(lines)


def show(value: object, limit: int = 80) -> str:
    """A short printable form of a found value, as the author wrote it (not as Python would print it)."""
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, (date, datetime)):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= limit else text[: limit - 1] + "…"
