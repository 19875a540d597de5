"""Load cases from YAML/JSON files with the library's error quality: every problem of a file in one run, each
naming the file, the line and column, the dotted path (``cases[1].dates.act_start``), what was expected and
what was found. The shape is checked by the ``Case`` model through the one validation path (kit/i18n/
validation.py, via ``model_walk.shape_errors``), the references and values against the library by the engine's
own refusals (``case_problems``), so a loaded case is one ``evaluate`` accepts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..baselines import model_walk
from ..baselines.errors import LibraryError, LoadError, Words, show
from ..baselines.library import Library
from ..baselines.yaml_source import locate, parse_fast, parse_located, read_text
from ..engine.case import Case, case_problems, reference_problems
from ..engine.case_errors import CaseError, dotted
from ..i18n import msg


def load_cases(path: str | Path, library: Library) -> list[Case]:
    """Load one case (a mapping) or several (``cases:`` list) from YAML/JSON, with located errors."""
    source = _CaseSource(path)
    data = source.data
    items = data.get("cases") if isinstance(data, dict) and "cases" in data else [data]
    prefix: tuple = ("cases",) if isinstance(data, dict) and "cases" in data else ()
    errors: list[LoadError] = []
    cases: list[Case] = []
    for i, item in enumerate(items or []):
        case = source.validate(item, (*prefix, i) if prefix else (), library, errors)
        if case is not None:
            cases.append(case)
    if not items:
        errors.append(LoadError(source.file, 1, 1, "", msg("load.k_no_case"), msg("load.k_case_or_list"),
                                msg("load.f_nothing")))
    if errors:
        raise LibraryError(errors)
    return cases


def load_expert_case(path: str | Path, index: int, library: Library) -> Case:
    """Entry ``index`` of an expert case file (``cases: [{case: …, expect: …}]``, tests/cases), through the same
    located checks as ``load_cases``: a broken entry names the file, line, column and dotted path."""
    source = _CaseSource(path)
    entries = source.data.get("cases") if isinstance(source.data, dict) else None
    if not isinstance(entries, list) or index >= len(entries) or not isinstance(entries[index], dict) \
            or "case" not in entries[index]:
        raise LibraryError([source.error(("cases", index), msg("load.k_not_expert_case"),
                                         msg("load.k_case_and_expect"), msg("load.f_something_else"))])
    errors: list[LoadError] = []
    case = source.validate(entries[index]["case"], ("cases", index, "case"), library, errors)
    if errors or case is None:
        raise LibraryError(errors)
    return case


def read_case_file(path: str | Path) -> Any:
    """The data of a case file; a file that does not parse is a ``LibraryError`` naming its line and column."""
    return _CaseSource(path).data


class _CaseSource:
    """A case file read once; its located tree is parsed only when an error has to be placed."""

    def __init__(self, path: str | Path):
        path = Path(path)
        text, error = read_text(path)
        if error:
            raise LibraryError([error])
        self.file, self.text, self.tree = str(path), text, None
        try:
            self.data = parse_fast(text)
        except Exception:
            tree, errors = parse_located(text, self.file)
            if tree is None or errors:
                raise LibraryError(errors) from None  # the located parse reports the place
            self.tree = self.data = tree

    def error(self, loc: tuple, problem: Words, expected: Words, found: Words) -> LoadError:
        if self.tree is None:
            self.tree, _ = parse_located(self.text, self.file)
        line, col = locate(self.tree, loc)
        return LoadError(self.file, line, col, dotted(loc), problem, expected, found)

    def validate(self, item: Any, base: tuple, library: Library, errors: list[LoadError]) -> Case | None:
        if not isinstance(item, dict):
            errors.append(self.error(base, msg("load.k_not_a_case"), msg("load.k_case_mapping"), show(item)))
            return None
        try:
            case = Case.model_validate(item)
        except ValidationError as exc:
            errors.extend(model_walk.shape_errors(_Entry(self, base, item), exc, Case))
            for loc, problem, expected, found in reference_problems(library, item):
                errors.append(self.error((*base, *loc), problem, expected, found))
            return None
        for loc, problem, expected, found in case_problems(library, case, item):
            errors.append(self.error((*base, *loc), problem, expected, found))
        return case


class _Entry:
    """One case of a file, as ``model_walk.shape_errors`` sees it: its data, and errors placed under ``base``."""

    def __init__(self, source: _CaseSource, base: tuple, data: Any):
        self.source, self.base, self.data = source, base, data

    def error(self, loc: tuple, problem: Words, expected: Words, found: Words, *, at_key: bool = False) -> LoadError:
        return self.source.error((*self.base, *loc), problem, expected, found)


def located_refusal(path: str | Path, index: int, error: CaseError) -> LibraryError:
    """A ``CaseError`` raised while case ``index`` of ``path`` was evaluated, as located load errors (file,
    line, column, dotted path): the same words the engine raised, placed in the file."""
    path = Path(path)
    text, _ = read_text(path)
    tree, _ = parse_located(text or "", str(path))
    data = tree if tree is not None else {}
    prefix: tuple = ("cases", index) if isinstance(data, dict) and "cases" in data else ()
    out = []
    for loc, problem, expected, found in error.problems:
        full = (*prefix, *loc)
        line, col = locate(tree, full) if tree is not None else (None, None)
        out.append(LoadError(str(path), line, col, dotted(full), problem, expected, found))
    return LibraryError(out)
