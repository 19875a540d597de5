"""Exams as data: pools of questions by sector, matter, outcome and difficulty, N drawn per trainee and attempt.

An exam file (``answers/<exam>/exam.yaml``, format in docs/grading.md) holds one ``exam``. ``questions(exam,
trainee)`` draws the trainee's questions for the exam's ``attempt``: each pool's candidates are the built-in
scenario templates that match its filters, crossed with the outcomes they can reach (``reachable``) that the
pool asks for; the draw and each case are seeded from (exam, trainee, attempt), so a re-take gets new cases and
the notebook and the grader agree on them without storing anything. ``kind: drafting`` exams have a ``task``
instead of pools: the trainee drafts a baseline, graded by the filing review (``kit.grading.drafting``)."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ..baselines.errors import LibraryError, LoadError
from ..baselines import model_walk
from ..i18n import msg
from ..i18n.validation import Refusal
from ..baselines.loader import Source
from ..baselines.yaml_source import dotted, locate, parse_located
from ..scenarios import OUTCOMES, Scenario, builtin_templates, generate
from ..scenarios.template import Template
from .variants import _sample

EXAM_FILE = "exam.yaml"
"""The exam file of an assignment folder (in ``answers/<exam>/`` and, copied by nbgrader, in the release)."""


class _Node(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Node):
    zh: str = Field(min_length=1, description="Chinese.")
    en: str = Field(min_length=1, description="English.")


class Pool(_Node):
    """Where questions are drawn from: every filter given must match (no filter: any template)."""

    id: str = Field(min_length=1, description="The pool's id (unique in the exam).")
    label: Text = Field(description="What the pool tests, shown in the item analysis.")
    draw: int = Field(ge=1, le=20, description="How many questions each trainee gets from this pool.")
    templates: list[str] = Field(default_factory=list, description="Only these built-in templates.")
    sectors: list[str] = Field(default_factory=list, description="Only templates of these sectors (市场监管 …).")
    matters: list[str] = Field(default_factory=list, description="Only templates of these matters.")
    outcomes: list[str] = Field(default_factory=list, description="Only these outcomes: " + ", ".join(OUTCOMES)
                                + " (each candidate case is drawn until the engine gives it).")
    difficulty: list[Literal["basic", "intermediate", "advanced"]] = Field(
        default_factory=list, description="Only templates of these difficulties.")


class Points(_Node):
    outcome: float = Field(default=1.0, gt=0, le=100, description="Points for the outcome part of a question.")
    fine: float = Field(default=1.0, gt=0, le=100, description="Points for the fine part of a question.")


class DraftTask(_Node):
    """The drafting exercise: draft ``baseline_id`` for ``authority`` on ``matter``'s ``provision``."""

    baseline_id: str = Field(min_length=1, description="The id the drafted baseline must have.")
    authority: str = Field(min_length=1, description="The drafting authority (an id of the sample library).")
    matter: str = Field(min_length=1, description="The matter (违法行为) of the sample library.")
    provision: str = Field(min_length=1, description="The provision the baseline refines.")
    brief: Text = Field(description="The task as the trainee reads it.")
    points: dict[str, float] = Field(description="Points per review part: well_formed, no_conflict, complete, "
                                     "conditioned, tiles.")


class Exam(_Node):
    """One exam: its questions' pools (or a drafting task), points, pass mark and timing."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="The exam id (the nbgrader assignment of attempt 1).")
    title: Text = Field(description="The exam's title.")
    kind: Literal["cases", "drafting"] = Field(default="cases", description="cases (questions from pools) or "
                                               "drafting (draft a baseline, graded by the filing review).")
    attempt: int = Field(default=1, ge=1, le=99, description="The attempt this release is for; `kit grade "
                         "release --attempt N` writes it. The variant depends on (trainee, exam, attempt).")
    pass_mark: float = Field(gt=0, le=1, description="The share of the points needed to pass (0.6 = 60%).")
    time_limit_minutes: int | None = Field(default=None, ge=1, le=600, description="The time allowed, shown in "
                                           "the notebook.")
    due: datetime | None = Field(default=None, description="The due date, recorded as nbgrader's duedate at "
                                 "release (late submissions then show in the gradebook).")
    points: Points = Field(default_factory=Points, description="Points per part of a case question.")
    shuffle: bool = Field(default=True, description="Put each trainee's questions in an order of their own (so "
                          "question n is not the same pool for everyone); false keeps the pools' order.")
    pools: list[Pool] = Field(default_factory=list, description="The pools (kind cases).")
    task: DraftTask | None = Field(default=None, description="The task (kind drafting).")

    @model_validator(mode="after")
    def _shape(self) -> Exam:
        if self.kind == "cases" and not self.pools:
            raise Refusal(msg("load.v_exam_pools"))
        if self.kind == "drafting" and self.task is None:
            raise Refusal(msg("load.v_exam_task"))
        ids = [p.id for p in self.pools]
        if len(set(ids)) != len(ids):
            raise Refusal(msg("load.v_pool_ids", ids=", ".join(ids)))
        return self

    @property
    def assignment(self) -> str:
        """The nbgrader assignment of this attempt: the id, then ``<id>-a<N>`` for a re-take."""
        return self.id if self.attempt == 1 else f"{self.id}-a{self.attempt}"

    @property
    def size(self) -> int:
        return sum(p.draw for p in self.pools) if self.kind == "cases" else 1


class ExamFile(_Node):
    format_version: Literal[1] = Field(description="Version of the exam format; 1.")
    exam: Exam = Field(description="The exam.")


def load_exam(path: str | Path) -> Exam:
    """Read and check an exam file; ``LibraryError`` lists every problem with file, line and dotted path."""
    path = Path(path)
    file = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise LibraryError([LoadError(file, None, None, "", "cannot read the exam file", "a UTF-8 YAML file",
                                      type(error).__name__)]) from None
    tree, errors = parse_located(text, file)
    if errors:
        raise LibraryError(errors)
    try:
        exam = ExamFile.model_validate(tree).exam
    except ValidationError as error:
        # the one validation path: the library's words, located (kit/i18n/validation.py via model_walk)
        raise LibraryError(model_walk.shape_errors(Source(file, text, tree, tree), error, ExamFile)) from None
    problems = list(_check_pools(file, tree, exam))
    if problems:
        raise LibraryError(problems)
    return exam


def _check_pools(file: str, tree: object, exam: Exam):
    lib = _sample()
    names = {t.id for t in _templates()}
    for p, pool in enumerate(exam.pools):
        for t, name in enumerate(pool.templates):
            if name not in names:
                loc: tuple[str | int, ...] = ("exam", "pools", p, "templates", t)
                yield LoadError(file, locate(tree, loc)[0], None, dotted(tree, loc), "no such built-in template",
                                "one of: " + ", ".join(sorted(names)), repr(name))
        for o, outcome in enumerate(pool.outcomes):
            if outcome not in OUTCOMES:
                loc = ("exam", "pools", p, "outcomes", o)
                yield LoadError(file, locate(tree, loc)[0], None, dotted(tree, loc), "unknown outcome",
                                ", ".join(OUTCOMES), repr(outcome))
        count = len(candidates(pool))
        if count < pool.draw:
            loc = ("exam", "pools", p, "draw")
            yield LoadError(file, locate(tree, loc)[0], None, dotted(tree, loc), "the pool has too few candidates",
                            f"draw ≤ {count} (templates × reachable outcomes matching the filters)", str(pool.draw))
    if exam.task is not None:
        task = exam.task
        for key, known in (("authority", lib.authorities), ("matter", lib.matters)):
            if getattr(task, key) not in known:
                loc = ("exam", "task", key)
                yield LoadError(file, locate(tree, loc)[0], None, dotted(tree, loc), f"no such {key} in the "
                                "sample library", "an id of the sample library", repr(getattr(task, key)))


@lru_cache(maxsize=1)
def _templates() -> tuple[Template, ...]:
    return tuple(builtin_templates(_sample()))


def candidates(pool: Pool) -> list[tuple[str, str | None]]:
    """The (template, outcome) pairs a pool draws from, in a fixed order; outcome None: whatever comes out."""
    lib = _sample()
    out: list[tuple[str, str | None]] = []
    for t in _templates():
        sector = lib.matters[t.matter].sector if t.matter in lib.matters else None
        if (pool.templates and t.id not in pool.templates) or (pool.sectors and sector not in pool.sectors) \
                or (pool.matters and t.matter not in pool.matters) or (pool.difficulty and t.difficulty not in pool.difficulty):
            continue
        if pool.outcomes:
            out += [(t.id, o) for o in pool.outcomes if o in t.reachable]
        else:
            out.append((t.id, None))
    if pool.templates:  # the pool's own order
        out.sort(key=lambda c: pool.templates.index(c[0]))
    return out


@dataclass(frozen=True)
class Question:
    """One drawn question: its number, pool, template, target outcome and the seed of the trainee's case."""

    n: int
    pool: str
    template: str
    outcome: str | None
    seed: int

    def scenario(self, trainee: str) -> Scenario:
        return _scenario(self.template, self.outcome, trainee, self.seed)


def _seed(*parts: object) -> int:
    key = "\x1f".join(map(str, parts)).encode("utf-8")
    return int.from_bytes(hashlib.sha256(key).digest()[:6], "big")


def questions(exam: Exam, trainee: str) -> list[Question]:
    """The trainee's questions for the exam's attempt, numbered from 1 (the notebook's answer cells)."""
    trainee = str(trainee).strip()
    if not trainee:
        raise Refusal(msg("errors.trainee_id_empty"))
    rng = random.Random(_seed("exam", exam.id, trainee, exam.attempt))
    drawn: list[tuple[str, str, str | None]] = []
    used: set[str] = set()
    for pool in exam.pools:
        pairs = candidates(pool)
        if pool.templates and not pool.outcomes:
            chosen = pairs[:pool.draw]  # a fixed pool: the listed templates, in order
        else:
            fresh = [c for c in pairs if c[0] not in used]
            chosen = rng.sample(fresh if len(fresh) >= pool.draw else pairs, pool.draw)
        drawn += [(pool.id, template, outcome) for template, outcome in chosen]
        used.update(template for template, _ in chosen)
    if exam.shuffle:
        rng.shuffle(drawn)
    return [Question(n, pool, template, outcome, _seed("case", exam.id, exam.attempt, n))
            for n, (pool, template, outcome) in enumerate(drawn, start=1)]


@lru_cache(maxsize=4096)
def _scenario(template: str, outcome: str | None, trainee: str, seed: int) -> Scenario:
    lib = _sample()
    t = next(x for x in _templates() if x.id == template)
    return generate(t, lib, trainee_id=trainee, seed=seed, target_level=outcome)
