"""A case to evaluate: the matter, who decides, the dates, the party, the facts and the factors present.

Cases load from YAML/JSON files (located errors: file, line, field) or are built in Python."""

from __future__ import annotations

from datetime import date
from datetime import date as _date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ..baselines.errors import LibraryError, LoadError, show
from ..baselines.library import Library
from ..baselines.yaml_source import locate, parse_fast, parse_located, read_text
from ..i18n import DEFAULT_LANG, Lang, Msg, msg, say
from .case_errors import MAX_VALUE, UNKNOWN, CaseError, Problem, dotted, input_problems

Id = str


class _Node(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Party(_Node):
    kind: Literal["person", "organisation"] = Field(default="organisation", description="自然人 or 单位.")
    age: int | None = Field(default=None, ge=0, le=150, description="Age on the day of the act (persons).")
    capacity: Literal["full", "partial", "none", "intermittent_lucid"] = Field(
        default="full",
        description="Capacity to recognise and control the act (Art. 31): full, partial, none, or intermittent "
        "illness but lucid when acting.",
    )
    name: str | None = Field(default=None, description="Name, for display.")


class CaseDates(_Node):
    act_start: date = Field(description="Day the act occurred (or began, for a continuing act).")
    act_end: date | None = Field(default=None, description="Day a continuing act ended.")
    discovered: date | None = Field(default=None, description="Day the agency discovered the act (立案/发现).")
    decided: date | None = Field(default=None, description="Day of the decision (or today's exercise date).")

    @property
    def act_completed(self) -> date:
        return self.act_end or self.act_start


class PriorPenalty(_Node):
    """One earlier penalty of the party: the history that first violation and repeat are derived from."""

    date: _date = Field(description="Day of the earlier penalty decision.")
    matter: Id = Field(description="The matter (违法行为) it punished.")
    authority: Id | None = Field(default=None, description="The authority that decided it.")
    document: str | None = Field(default=None, description="Its decision number (处罚决定书文号).")


class Case(_Node):
    id: str = Field(description="Case id.")
    title: str | None = Field(default=None, description="Short title.")
    matter: Id = Field(description="The matter (违法行为) id.")
    authority: Id = Field(description="The deciding authority id; its baseline chain applies.")
    baseline: Id | None = Field(default=None, description="Force a baseline instead of resolving one.")
    dates: CaseDates = Field(description="Dates of the act, discovery and decision.")
    party: Party = Field(default_factory=Party, description="The party.")
    facts: dict[str, float] = Field(default_factory=dict, description="Amounts and counts by fact id.")
    factors: dict[str, float | bool] = Field(default_factory=dict, description="Factors present (id → true or value).")
    also_breaches: list[Id] = Field(default_factory=list, description="Other matters the same act breaches (Art. 29).")
    tier: int | None = Field(default=None, description="The tier, where its conditions are text only.")
    overdue: bool = Field(default=False, description="逾期不改正: use the baseline's overdue block of tiers.")
    narrative: str | None = Field(default=None, description="The case as told to trainees.")
    history: list[PriorPenalty] | None = Field(
        default=None, description="The party's earlier penalties; when given, first_violation and repeat_violation "
        "are derived from it (kit/engine/history.py).")

    @field_validator("factors", mode="before")
    @classmethod
    def _list_means_present(cls, value: Any) -> Any:
        if isinstance(value, list):
            return {str(v): True for v in value}
        return value

    def has(self, factor: str) -> bool:
        value = self.factors.get(factor)
        return value is not None and value is not False and value != 0

    def with_matter(self, matter: str) -> Case:
        return self.model_copy(update={"matter": matter, "also_breaches": [], "baseline": None})


def case_problems(library: Library, case: Case, raw: dict | None = None) -> list[Problem]:
    """What in a well-formed case does not fit the library: (loc, problem, expected, found). ``raw``, the data
    as written, keeps the places right (a factor given in a list is reported by its index)."""
    out = reference_problems(library, raw if raw is not None else case.model_dump()) + input_problems(library, case)
    if case.history is not None and not out:
        from .history import history_problems

        out += history_problems(library, case)
    return out


_FACT_IDS = ("fact-ids",)


def case_refusals(library: Library, case: Case) -> list[Problem]:
    """``case_problems`` for a built case, without dumping it (the engine's hot path: a case with nothing
    wrong is recognised without building any message)."""
    if _plainly_fine(library, case):
        return []
    return _refusals(library, case)


def _plainly_fine(library: Library, case: Case) -> bool:
    matter = library.matters.get(case.matter)
    if matter is None or case.authority not in library.authorities or case.baseline is not None \
            or case.also_breaches:
        return False
    factors = library.factors
    for factor, value in case.factors.items():
        if factor not in factors or (value is not True and not 0 <= value <= MAX_VALUE):
            return False
    if case.facts:
        by_matter = library.cache.get(_FACT_IDS)
        if by_matter is None:
            return False
        known = by_matter[matter.id]
        for fact, value in case.facts.items():
            if fact not in known or not 0 <= value <= MAX_VALUE:
                return False
    d = case.dates
    start = d.act_start
    return not ((d.act_end is not None and d.act_end < start) or (d.discovered is not None and d.discovered < start)
                or (d.decided is not None and (d.decided < start or (d.discovered is not None
                                                                     and d.decided < d.discovered))))


def _refusals(library: Library, case: Case) -> list[Problem]:
    out: list[Problem] = []
    matter = library.matters.get(case.matter)
    if matter is None:
        out.append((("matter",), UNKNOWN["matter"][0], UNKNOWN["matter"][1], f"'{case.matter}'"))
    if case.authority not in library.authorities:
        out.append((("authority",), *UNKNOWN["authority"], f"'{case.authority}'"))
    if case.baseline is not None and case.baseline not in library.baselines:
        out.append((("baseline",), *UNKNOWN["baseline"], f"'{case.baseline}'"))
    factors = library.factors
    for factor in case.factors:
        if factor not in factors:
            out.append((("factors", factor), *UNKNOWN["factor"], f"'{factor}'"))
    if matter is not None and case.facts:
        by_matter = library.cache.get(_FACT_IDS)
        if by_matter is None:
            by_matter = library.cache[_FACT_IDS] = {m.id: frozenset(f.id for f in m.facts)
                                                    for m in library.matters.values()}
        known = by_matter[matter.id]
        for other in case.also_breaches:  # one act, several norms: the facts of any of them
            if other in library.matters:
                known = known | {f.id for f in library.matters[other].facts}
        for fact in case.facts:
            if fact not in known:
                out.append((("facts", fact), msg("case_errors.unknown_fact"), _a_fact_of(matter.id, known), f"'{fact}'"))
    for i, other in enumerate(case.also_breaches):
        if other not in library.matters:
            out.append((("also_breaches", i), *UNKNOWN["matter"], f"'{other}'"))
    return out + input_problems(library, case)


def _a_fact_of(matter: str, known) -> Msg:
    return msg("case_errors.a_fact_of", matter=matter, known=", ".join(sorted(known)) or msg("case_errors.none"))


def reference_problems(library: Library, data: dict) -> list[Problem]:
    """Ids in a case (raw or validated) that the library does not know."""
    out: list[Problem] = []
    matter = library.matters.get(data.get("matter"))
    for key, known in (("matter", library.matters), ("authority", library.authorities),
                       ("baseline", library.baselines)):
        value = data.get(key)
        if value is not None and value not in known:
            out.append(((key,), *UNKNOWN[key], f"'{value}'"))
    factors = data.get("factors") or {}
    for i, factor in enumerate(factors):
        if str(factor) not in library.factors:
            where = ("factors", i) if isinstance(factors, list) else ("factors", factor)
            out.append((where, *UNKNOWN["factor"], f"'{factor}'"))
    if matter is not None and isinstance(data.get("facts"), dict):
        known_facts = {f.id for f in matter.facts}
        for other in data.get("also_breaches") or []:
            if other in library.matters:
                known_facts |= {f.id for f in library.matters[other].facts}
        for fact in data["facts"]:
            if fact not in known_facts:
                out.append((("facts", fact), msg("case_errors.unknown_fact"), _a_fact_of(matter.id, known_facts),
                            f"'{fact}'"))
    for i, other in enumerate(data.get("also_breaches") or []):
        if other not in library.matters:
            out.append((("also_breaches", i), *UNKNOWN["matter"], f"'{other}'"))
    return out


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
        errors.append(LoadError(source.file, 1, 1, "", "no case", "a case mapping or a cases: list", "nothing"))
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
        raise LibraryError([source.error(("cases", index), "not an expert case", "a mapping with case and expect",
                                         "something else")])
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

    def error(self, loc: tuple, problem: object, expected: object, found: object) -> LoadError:
        if self.tree is None:
            self.tree, _ = parse_located(self.text, self.file)
        line, col = locate(self.tree, loc)
        # the load errors' words are English until the loader renders them in the reader's language (issue 10)
        return LoadError(self.file, line, col, dotted(loc), say(problem, "en"), say(expected, "en"), say(found, "en"))

    def validate(self, item: Any, base: tuple, library: Library, errors: list[LoadError]) -> Case | None:
        err = self.error
        if not isinstance(item, dict):
            errors.append(err(base, "not a case", "a mapping with id, matter, authority, dates", show(item)))
            return None
        try:
            case = Case.model_validate(item)
        except ValidationError as exc:
            for e in exc.errors(include_url=False):
                loc = (*base, *[p for p in e["loc"] if p != "[key]"])
                if e["type"] == "extra_forbidden":
                    errors.append(err(loc, f"unknown field '{loc[-1]}'", "one of: " + ", ".join(
                        _fields_at(e["loc"])), f"'{loc[-1]}'"))
                elif e["type"] == "missing":
                    errors.append(err(loc, f"missing field '{loc[-1]}'", f"'{loc[-1]}'", "nothing"))
                else:
                    errors.append(err(loc, "wrong value", e["msg"].lower(), show(e.get("input"))))
            for loc, problem, expected, found in reference_problems(library, item):
                errors.append(err((*base, *loc), problem, expected, found))
            return None
        for loc, problem, expected, found in case_problems(library, case, item):
            errors.append(err((*base, *loc), problem, expected, found))
        return case


def _fields_at(loc: tuple) -> list[str]:
    model: Any = Case
    for part in loc[:-1]:
        field = model.model_fields.get(part) if isinstance(part, str) else None
        if field is None or not (isinstance(field.annotation, type) and issubclass(field.annotation, BaseModel)):
            break
        model = field.annotation
    return list(model.model_fields)


def located_refusal(path: str | Path, index: int, error: CaseError, lang: Lang = DEFAULT_LANG) -> LibraryError:
    """A ``CaseError`` raised while case ``index`` of ``path`` was evaluated, as located load errors (file,
    line, column, dotted path): the same words the engine raised (``error.report(lang)``), placed in the file."""
    path = Path(path)
    text, _ = read_text(path)
    tree, _ = parse_located(text or "", str(path))
    data = tree if tree is not None else {}
    prefix: tuple = ("cases", index) if isinstance(data, dict) and "cases" in data else ()
    out = []
    for loc, problem, expected, found in error.problems:
        full = (*prefix, *loc)
        line, col = locate(tree, full) if tree is not None else (None, None)
        out.append(LoadError(str(path), line, col, dotted(full), say(problem, lang), say(expected, lang),
                             say(found, lang)))
    return LibraryError(out)
