"""``DrillSession``: one officer's drill, as plain state and plain methods (no widgets, no browser).

Cases come from the scenario templates with ``kit.scenarios.generate``: the trainee id is the officer and the
seed counts up over everything the officer has answered, so case ``n`` of officer ``O`` is
``generate(template, library, trainee_id=O, seed=n, target_level=target)``. The generator's target outcome is
drawn by the session from the template's reachable outcomes and never shown (it would give the answer away).

Answers are marked part by part (``marking.mark``): the outcome and the fine by the one ``kit.grading.grade``,
the circumstances and the penalty provision here. Every submission goes to the store (``Progress``); the score
counts each case's first submission, and a case not answered right comes back on the Leitner schedule."""

from __future__ import annotations

import random
from functools import lru_cache
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..baselines import REAL_LIBRARIES, Library, load_library, sample_library
from ..baselines.real import real_names
from ..grading import WEIGHTS, AmountError, Marks, Weights, parse_amount
from ..i18n import Lang, catalog, msg, parse_lang, t
from ..i18n.validation import Refusal
from ..scenarios import Scenario, Template, UnreachableOutcome, builtin_templates, generate
from ..scenarios.from_tier import tier_templates
from . import marking
from .marking import DrillAnswer
from .records import CaseRef, Clock, Score

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from .progress import Progress

MAX_OFFICER = 100
LIBRARIES = ("sample", *real_names())
"""The libraries an officer can drill on: the sample (its built-in templates) and each bundled real library
(``kit/baselines/real/<name>``, a generic template per tier, ``kit.scenarios.from_tier``)."""


def library_label(key: str, lang: Lang) -> str:
    """The selector's name of a library (catalog ``drill.library.sample`` / ``surfaces.library.<name>``)."""
    for k in (f"drill.library.{key}", f"surfaces.library.{key}"):
        if catalog().has(k):
            return t(k, lang)
    return t("surfaces.library.other", lang, name=key)


@lru_cache(maxsize=8)
def _bundled(key: str) -> tuple[Library, tuple[Template, ...]]:
    """A bundled library and its templates, loaded once per process."""
    if key == "sample":
        library = sample_library()
        return library, tuple(builtin_templates(library))
    library = load_library(REAL_LIBRARIES / key)
    return library, tuple(tier_templates(library))
DIFFICULTIES = ("basic", "intermediate", "advanced")


class DrillError(ValueError):
    """A mistake the officer can fix (no name, no case yet, a fine that cannot be read …), in both languages."""

    def __init__(self, key: str, **params: object):
        self.key, self.params = key, params
        super().__init__(f"{self.message('zh')} / {self.message('en')}")

    def message(self, lang: Lang = "zh") -> str:
        return t(f"drill.{self.key}", lang, **self.params)


def officer_name(text: str | None) -> str:
    name = " ".join(str(text or "").split())
    if not name:
        raise DrillError("err.no_officer")
    if len(name) > MAX_OFFICER:
        raise DrillError("err.long_officer", max=MAX_OFFICER)
    return name


class DrillSession:
    """State of one officer's drill: the choices, the case on screen, the answer, the marks; progress in the store."""

    def __init__(self, *, officer: str | None = None, engine: Engine | None = None, clock: Clock | None = None,
                 library: Library | None = None, templates: Sequence[Template] | None = None, lang: str = "zh",
                 weights: Weights = WEIGHTS):
        self._library = library
        self._templates = list(templates) if templates is not None else None
        if self._templates == []:
            raise Refusal(msg("errors.drill_no_templates"))
        self._engine, self._clock = engine, clock
        self.lang: Lang = parse_lang(lang)
        self.weights = weights
        self.library_key = LIBRARIES[0]
        self.sector: str | None = None
        self.matter: str | None = None
        self.difficulty: str | None = None
        self.scenario: Scenario | None = None
        self.ref: CaseRef | None = None
        self.is_review = False
        self.current: DrillAnswer | None = None
        self.marks: Marks | None = None
        self.progress: Progress | None = None
        self.officer: str | None = None
        if officer:
            self.set_officer(officer)

    @property
    def library(self) -> Library:
        """The library drilled on (the sample library unless one was given), loaded when first needed."""
        if self._library is None:
            self._library = sample_library()
        return self._library

    @property
    def templates(self) -> list[Template]:
        """The scenario templates (the built-in ones unless given), loaded when first needed."""
        if self._templates is None:
            self._templates = builtin_templates(self.library)
            if not self._templates:
                raise Refusal(msg("errors.drill_no_templates"))
        return self._templates

    # ---- who and what ------------------------------------------------------------------------------------

    def set_officer(self, name: str | None) -> None:
        """The officer (a name, or the JupyterHub user); their progress is read from the store."""
        self.officer = officer_name(name)
        from .progress import Progress  # the store (SQLAlchemy) is imported when an officer is known
        if self._engine is None:
            from ..store import engine_from_env
            self._engine = engine_from_env()
        self.progress = Progress(self.officer, self._engine, self._clock)

    def set_lang(self, lang: str) -> None:
        self.lang = parse_lang(lang)

    def sectors(self) -> list[str]:
        return sorted({self.library.matters[tp.matter].sector for tp in self.templates})

    def matters(self) -> list[str]:
        """The matters with a template, within the chosen sector."""
        ids = {tp.matter for tp in self.templates
               if self.sector is None or self.library.matters[tp.matter].sector == self.sector}
        return sorted(ids)

    def choose(self, *, library: str | None = None, sector: str | None = None, matter: str | None = None,
               difficulty: str | None = None) -> None:
        """Narrow the next cases: ``""`` or ``None`` is 'all'. A matter outside the sector is cleared."""
        def pick(value, allowed):
            value = value or None
            if value is not None and value not in allowed:
                raise DrillError("err.unknown_choice", value=value)
            return value
        key = pick(library, LIBRARIES) or LIBRARIES[0]
        if key != self.library_key:  # another library: its own templates; the sector and matter start over
            self._library, templates = _bundled(key)
            self._templates = list(templates)
            self.library_key, sector, matter = key, None if sector not in self.sectors() else sector, None
        self.sector = pick(sector, self.sectors())
        pick(matter, {tp.matter for tp in self.templates})
        self.matter = matter if matter in self.matters() else None  # a matter outside the sector is cleared
        self.difficulty = pick(difficulty, DIFFICULTIES)

    def eligible(self) -> list[Template]:
        return [tp for tp in self.templates
                if (self.sector is None or self.library.matters[tp.matter].sector == self.sector)
                and (self.matter is None or tp.matter == self.matter)
                and (self.difficulty is None or tp.difficulty == self.difficulty)]

    def template_by_id(self, template_id: str) -> Template:
        for tp in self.templates:
            if tp.id == template_id:
                return tp
        raise KeyError(template_id)

    # ---- the case ------------------------------------------------------------------------------------------

    def _need_officer(self) -> Progress:
        if self.progress is None:
            raise DrillError("err.no_officer")
        return self.progress

    def score(self) -> Score:
        return self.progress.score() if self.progress else Score()

    def next_case(self) -> Scenario:
        """A due review case if there is one, else a new case within the choices; the answer is cleared."""
        progress = self._need_officer()
        known = {tp.id for tp in self.templates}  # a review of another library's case waits for that library
        due = [ref for ref in progress.due() if ref.template_id in known]
        if due:
            ref = due[0]
            scenario = self._generate(self.template_by_id(ref.template_id), ref.seed, ref.target)
            self.is_review = True
        else:
            pool = self.eligible()
            if not pool:
                raise DrillError("err.no_templates")
            seed = max(progress.next_seed(), (self.ref.seed + 1) if self.ref else 0)
            rng = random.Random(f"{self.officer}:{seed}")
            template = rng.choice(pool)
            target = rng.choice(list(template.reachable))
            try:
                scenario = self._generate(template, seed, target)
            except UnreachableOutcome:
                target = None
                scenario = self._generate(template, seed, None)
            ref = CaseRef(scenario.case.id, template.id, seed, target)
            self.is_review = False
        self.scenario, self.ref, self.current, self.marks = scenario, ref, None, None
        return scenario

    def _generate(self, template: Template, seed: int, target: str | None) -> Scenario:
        return generate(template, self.library, trainee_id=self.officer, seed=seed, target_level=target)

    def template(self) -> Template | None:
        return self.template_by_id(self.scenario.template_id) if self.scenario else None

    def circumstance_options(self) -> list[str]:
        """The factor ids to tick from: the matter's circumstances in this template, plus distractors."""
        return marking.circumstance_options(self.scenario, self.template(), self.library) if self.scenario else []

    def provision_options(self) -> list[str]:
        return marking.provision_options(self.scenario, self.library) if self.scenario else []

    def answer(self, *, level: str | None, circumstances: Sequence[str] = (), provision: str | None = None,
               fine: str | float | None = None, reason: str | None = None,
               approval: str | None = None) -> DrillAnswer:
        """Record the answer to the case on screen; the fine may be typed as 5万元, 五万, 50,000 …"""
        if self.scenario is None:
            raise DrillError("err.no_case")
        if level is None or not str(level).strip():
            raise DrillError("err.no_level")
        try:  # the exam's reader of amounts (一万五 is 15,000 in a drill as in an exam); an empty box: no fine
            yuan = None if fine is None else parse_amount(fine)
        except AmountError as exc:
            if exc.key != "amount_empty":
                raise DrillError("err.fine", text=str(exc.text)[:40]) from None
            yuan = None
        self.current = DrillAnswer(level=str(level), circumstances=frozenset(circumstances),
                                   provision=provision or None, fine=yuan or None, reason=reason or None,
                                   approval=approval or None)
        return self.current

    def submit(self) -> Marks:
        """Mark the recorded answer and store it (the first submission of a case is the one the score counts)."""
        progress = self._need_officer()
        if self.scenario is None:
            raise DrillError("err.no_case")
        if self.current is None:
            raise DrillError("err.no_answer")
        marks = marking.mark(self.current, self.scenario, self.library, weights=self.weights)
        matter = self.library.matters[self.scenario.case.matter]
        progress.record(self.ref, sector=matter.sector, matter=matter.id, right=marks.right, points=marks.total,
                        max_points=marks.max_total, parts={p.name: p.status for p in marks.parts},
                        missed=marking.missed(marks, self.current, self.scenario))
        self.marks = marks
        return marks

    def retry(self) -> None:
        """Answer the case on screen again (the score keeps the first submission)."""
        if self.scenario is None:
            raise DrillError("err.no_case")
        self.current, self.marks = None, None
