"""Located errors: every problem names the file, the line and column, the dotted path, what was expected
and what was found.

``problem`` and ``expected`` are catalog messages (``kit.i18n.Msg``), put into words when the reader's language
is known: ``render(lang)`` / ``LibraryError.report(lang)``; ``str()`` is the Chinese default. ``found`` is the
author's data shown as written (a plain string), or a message where there is nothing to show ("no such key").
The place (``file:line:column dotted.path``) reads the same in both languages."""

from __future__ import annotations

from dataclasses import dataclass

from ..i18n import DEFAULT_LANG, Lang, Msg, msg, say
from ..i18n.validation import show  # noqa: F401  (a found value as the author wrote it; re-exported)

Words = Msg | str  # a catalog message; a plain string only from a loader not yet on the catalog (data as written)


@dataclass(frozen=True, slots=True)
class LoadError:
    file: str
    line: int | None
    column: int | None
    path: str
    problem: Words
    expected: Words
    found: Words

    @property
    def place(self) -> str:
        """``file:line:column dotted.path`` — the same in every language."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.path}" if self.path else where

    def render(self, lang: Lang = DEFAULT_LANG) -> str:
        return msg("load.error", place=self.place, problem=self.problem, expected=self.expected,
                   found=self.found).render(lang)

    def __str__(self) -> str:
        return self.render()

    def to_dict(self, lang: Lang = DEFAULT_LANG) -> dict:
        return {"file": self.file, "line": self.line, "column": self.column, "path": self.path,
                "problem": say(self.problem, lang), "expected": say(self.expected, lang),
                "found": say(self.found, lang)}


class LibraryError(Exception):
    """A library (or a case, or a template) failed to load; ``errors`` holds every problem found."""

    def __init__(self, errors: list[LoadError]):
        self.errors = sorted(errors, key=lambda e: (e.file, e.line or 0, e.column or 0, e.path))
        super().__init__(self.report())

    def report(self, lang: Lang = DEFAULT_LANG) -> str:
        count = len(self.errors)
        lines = [e.render(lang) for e in self.errors]
        lines.append(msg("load.count_one" if count == 1 else "load.count", n=count).render(lang))
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.report()
