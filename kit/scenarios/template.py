"""Typed models of a scenario template (format version 1): one YAML file, one ``template:``.

A template is data written by a trainer: the matter and the deciding authority, how the party, the dates, the
facts and the narrative-only variables are drawn, which circumstances (factors) may appear and how likely,
distractors that sound relevant but change nothing, and the narrative in Chinese and English with
``{placeholders}``. Pydantic checks the shape (unknown keys are errors, every field is described); the
cross-references (placeholders, factor ids, the matter, ranges, date order) are checked in ``loader.py`` so
that every problem of a file is reported, located, in one run.
"""

from __future__ import annotations

from functools import lru_cache

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from ..baselines.vocabulary import Level

FORMAT_VERSION = 1

Id = Annotated[str, Field(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")]

OUTCOMES: tuple[str, ...] = (*(lv.value for lv in Level), "transfer", "time_barred")
"""What a template can declare reachable: the five levels, plus 移送 (Art. 27, the engine gives no level) and
追责时效已过 (Art. 36; the engine's level is 不予处罚, but it counts as its own outcome, distinct from the other
no-penalty grounds)."""

# Fields several nodes share: a sentence a circumstance or a distractor adds to the narrative, the one kind of
# party it is drawn for; and what a template shares with the cases it generates (kit/engine/case.py).
SentenceZh = Annotated[str, Field(min_length=1, description="The sentence in the Chinese narrative (may use "
                                                             "placeholders).")]
SentenceEn = Annotated[str, Field(min_length=1, description="The sentence in the English narrative.")]
OnlyFor = Annotated[Literal["person", "organisation"] | None, Field(description="Only for this kind of party.")]
CaseMatter = Annotated[Id, Field(description="The library matter (违法行为) the cases are about.")]
DecidingAuthority = Annotated[Id, Field(description="The deciding authority; its baseline chain applies.")]

Outcome = Literal["no_penalty", "mitigated", "lenient", "standard", "aggravated", "transfer", "time_barred"]
PartyKind = Literal["person", "organisation"]
Capacity = Literal["full", "partial", "none", "intermittent_lucid"]

@lru_cache(maxsize=1)
def outcome_labels() -> dict[str, tuple[str, str]]:
    """Each outcome's (Chinese, English) label; read from the catalog on first use, not at import."""
    return {
        **{lv.value: (lv.zh, lv.en) for lv in Level},
        "transfer": ("移送司法机关", "transfer to the judicial organs"),
        "time_barred": ("超过追责时效不予处罚", "time-barred, no penalty"),
    }


def parse_outcome(text: str) -> str:
    """``从重`` / ``从重处罚`` / ``aggravated`` / ``移送`` / ``transfer`` / ``时效`` / ``time_barred`` → the outcome key."""
    text = text.strip()
    if text in OUTCOMES:
        return text
    for key, (zh, en) in outcome_labels().items():
        if text in (zh, en) or (len(text) >= 2 and zh.startswith(text)):
            return key
    if text in ("移送", "移送司法", "transfer"):
        return "transfer"
    if text in ("时效", "超过时效", "追责时效", "time bar", "time-barred"):
        return "time_barred"
    return Level.parse(text).value  # raises ValueError with the kit's usual message


class Node(BaseModel):
    """Every node of a template: a fixed set of keys, immutable once loaded."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Node):
    """A text in both languages."""

    zh: str = Field(min_length=1, description="Chinese text.")
    en: str = Field(min_length=1, description="English text.")


Choice = Annotated[
    float | str | Text,
    Field(description="A number, a text, or a {zh, en} pair (narrative variables only)."),
]


class Band(Node):
    """One band of a banded draw: a range and how often it is drawn."""

    min: float = Field(description="Lowest value (inclusive).")
    max: float = Field(description="Highest value (inclusive).")
    weight: float = Field(gt=0, description="Relative weight of this band.")


class Draw(Node):
    """How one value is drawn. Exactly one shape: ``value`` (fixed); ``min``+``max`` (uniform, or
    log-uniform with ``log``); ``choices`` (with optional ``weights``); ``bands`` (weighted ranges); or
    ``of``+``times`` (a multiple of another fact or variable drawn before it, e.g. sales = 0.3–0.9 × goods).
    Numbers are rounded to ``step`` (default 1 for ranges: whole numbers)."""

    value: float | None = Field(default=None, description="A fixed value.")
    min: float | None = Field(default=None, description="Lowest value of a uniform range (inclusive).")
    max: float | None = Field(default=None, description="Highest value of a uniform range (inclusive).")
    log: bool = Field(default=False, description="Draw the range log-uniformly (amounts spanning magnitudes).")
    step: float | None = Field(default=None, gt=0, description="Round drawn numbers to a multiple of this "
                               "(default 1; use 0.01 for ratios).")
    choices: list[Choice] | None = Field(default=None, min_length=1, description="Values to choose from.")
    weights: list[float] | None = Field(default=None, description="Relative weights of the choices (default equal).")
    bands: list[Band] | None = Field(default=None, min_length=1, description="Weighted ranges to draw from.")
    of: Id | None = Field(default=None, description="The fact or variable this one is a multiple of.")
    times: Band | None = Field(default=None, description="The multiple's range (weight ignored; write weight: 1).")
    unit: str | Text | None = Field(default=None, description="Variables only: the unit rendered after the "
                                    "number (元 renders as an amount; 张, 次 … or {zh: 张, en: sheets} follow the "
                                    "number). Facts take their unit from the matter.")
    text: dict[float, Text] | None = Field(default=None, description="How some values read in the narrative, e.g. "
                                         "{0: {zh: 报告表, en: a report form}, 1: …} for a yes/no fact.")

    def shape(self) -> str | None:
        shapes = [name for name, present in (
            ("value", self.value is not None), ("range", self.min is not None or self.max is not None),
            ("choices", self.choices is not None), ("bands", self.bands is not None),
            ("multiple", self.of is not None or self.times is not None)) if present]
        return shapes[0] if len(shapes) == 1 else None


class Occupation(Node):
    """What a person does, for the ages it fits."""

    zh: str = Field(min_length=1, description="Chinese text, e.g. 在校学生.")
    en: str = Field(min_length=1, description="English text, e.g. a student.")
    ages: list[int] | None = Field(default=None, min_length=2, max_length=2,
                                   description="[youngest, oldest] age it fits (default: any).")


def _full_capacity() -> dict[Capacity, float]:
    return {"full": 1.0}


class PartySpec(Node):
    """Who the party is: 自然人 or 单位, age (persons, on the day of the act), capacity (Art. 31)."""

    kind: dict[Literal["person", "organisation"], float] = Field(
        description="Weights of each kind, e.g. {person: 1} or {person: 0.6, organisation: 0.4}.")
    age: Draw | None = Field(default=None, description="Age of a person on the day of the act (whole years).")
    capacity: dict[Literal["full", "partial", "none", "intermittent_lucid"], float] = Field(
        default_factory=_full_capacity,
        description="Weights of each capacity (Art. 31): full, partial, none, intermittent_lucid.")
    capacity_text: dict[Literal["full", "partial", "none", "intermittent_lucid"], Text] = Field(
        default_factory=dict, description="How {capacity} reads for each capacity (defaults: a forensic "
        "appraisal sentence for partial, none and intermittent_lucid; nothing for full).")
    trades: list[Text] = Field(default_factory=list, description="Organisations: the business-type suffix of "
                               "the name, e.g. {zh: 食品有限公司, en: Food Co., Ltd.} (default: 商贸有限公司).")
    occupations: list[Occupation] = Field(default_factory=list, description="Persons: what they do, e.g. "
                                          "{zh: 在校学生, en: a student, ages: [12, 22]}; rendered by {occupation}.")


class DateSpec(Node):
    """A date: absolute (``earliest``..``latest``) for the first one, or ``after`` an earlier date by ``days``."""

    earliest: dt.date | None = Field(default=None, description="Earliest day (absolute dates).")
    latest: dt.date | None = Field(default=None, description="Latest day (absolute dates).")
    after: Literal["act_start", "act_end", "discovered"] | None = Field(
        default=None, description="The earlier date this one follows (act_end falls back to act_start when absent).")
    days: Draw | None = Field(default=None, description="Days after it (a draw of whole numbers ≥ 0).")


class DatesSpec(Node):
    """The four dates of a case, each after the one before: the act (start, end of a continuing act), its
    discovery (Art. 36 counts from the act, or the end of a continuing act) and the decision."""

    act_start: DateSpec = Field(description="Day the act occurred or began (absolute: earliest, latest).")
    act_end: DateSpec | None = Field(default=None, description="End of a continuing act (after act_start).")
    discovered: DateSpec = Field(description="Day the agency discovered the act.")
    decided: DateSpec | None = Field(default=None, description="Day of the decision (picks the 首违不罚 list in force).")


class Circumstance(Node):
    """A circumstance that may appear: the factors (and facts) it brings, how likely, and its sentence."""

    factors: list[Id] | dict[Id, float] = Field(
        default_factory=list, description="Library factors present when drawn (a mapping gives count values, e.g. "
        "{repeat_price_violation: 2}).")
    facts: dict[Id, float] = Field(default_factory=dict, description="Facts it sets, e.g. {serious_incident: 1}.")
    p: float = Field(ge=0, le=1, description="Probability it appears (within its group: its share).")
    group: Id | None = Field(default=None, description="Circumstances of one group exclude each other: at most "
                             "one is drawn; their p must sum to at most 1.")
    party: OnlyFor = None
    zh: SentenceZh
    en: SentenceEn


class Distractor(Node):
    """A detail that sounds relevant but changes nothing in law: it teaches what does *not* count."""

    p: float = Field(ge=0, le=1, description="Probability it appears.")
    party: OnlyFor = None
    zh: SentenceZh
    en: SentenceEn
    why: Text = Field(description="Why it changes nothing (for the answer key).")


class Template(Node):
    """场景模板: one realistic case pattern that generates per-trainee variants with a known right answer."""

    id: Id = Field(description="Unique id of the template.")
    title: Text = Field(description="Short title in Chinese and English.")
    matter: CaseMatter
    authority: DecidingAuthority
    difficulty: Literal["basic", "intermediate", "advanced"] = Field(
        description="basic (基础: one rule decides), intermediate (进阶: circumstances to weigh), advanced (综合: "
        "grounds, exclusions and distractors interact).")
    reachable: list[Outcome] = Field(min_length=1, description="Outcomes the template can produce: no_penalty, "
                                     "mitigated, lenient, standard, aggravated, transfer, time_barred.")
    teaching_note: str | None = Field(default=None, description="What the template is for in training.")
    party: PartySpec = Field(description="How the party is drawn.")
    dates: DatesSpec = Field(description="How the dates are drawn.")
    facts: dict[Id, Draw] = Field(default_factory=dict, description="How each fact of the matter is drawn.")
    vars: dict[Id, Draw] = Field(default_factory=dict, description="Narrative-only variables (places, goods, "
                                 "counts); they never reach the engine.")
    overdue: bool = Field(default=False, description="逾期不改正: the cases use the baseline's overdue block of tiers.")
    circumstances: list[Circumstance] = Field(default_factory=list, description="Circumstances that may appear.")
    distractors: list[Distractor] = Field(default_factory=list, description="Details that change nothing.")
    exclusive: list[list[Id]] = Field(default_factory=list, description="Sets of factors that exclude each other "
                                      "(besides the built-in pairs such as first_violation / repeat_violation): a "
                                      "variant never carries two of one set.")
    narrative: Text = Field(description="The case summary with {placeholders}; {circumstances} is where the drawn "
                            "circumstances and distractors go, in a drawn order.")

    _file: str = PrivateAttr(default="")
    _lines: dict = PrivateAttr(default_factory=dict)

    @property
    def file(self) -> str:
        """The file the template was loaded from ("" when built in Python)."""
        return self._file

    def where(self, key: str) -> str:
        """``file:line`` of a top-level key of the template, for messages at generation time."""
        line = self._lines.get(key)
        return f"{self._file}:{line}" if self._file and line else (self._file or f"template {self.id}")


class TemplateFile(Node):
    """One YAML file: ``format_version`` and one ``template``."""

    format_version: Literal[1] = Field(description="Version of the template format; 1.")
    template: Template = Field(description="The template.")


BUILTIN_PLACEHOLDERS: dict[str, str] = {
    "party": "the party's name (王某 / 南京恒达商贸有限公司)",
    "party_desc": "the party with sex and age (王某（男，34周岁）) or the organisation's name",
    "age": "a person's age on the day of the act",
    "occupation": "a person's occupation (from party.occupations)",
    "capacity": "a sentence on the party's capacity (Art. 31), empty for full capacity",
    "authority": "the deciding authority's name",
    "city": "the city of the case (from the authority's region)",
    "matter_name": "the violation as the matter names it",
    "act_start": "day of the act (2024年3月5日)",
    "act_end": "end of a continuing act",
    "discovered": "day of discovery",
    "decided": "day of the decision",
    "circumstances": "the drawn circumstances and distractors",
}
"""Placeholders every template may use besides its facts and variables."""
