"""A case to evaluate: the matter, who decides, the dates, the party, the facts and the factors present.

Cases are built in Python or loaded from YAML/JSON files by kit/cases/loader.py (located errors: file, line,
field); the engine itself reads no file."""

from __future__ import annotations

from datetime import date
from datetime import date as _date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..baselines.library import Library
from ..i18n import Msg, msg
from .case_errors import MAX_VALUE, UNKNOWN, Problem, input_problems

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
