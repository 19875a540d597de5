"""``DrillSession``: one officer's drill, as plain state and plain methods (no widgets, no browser).

The session draws cases from the scenario templates with ``kit.scenarios.generate``: the trainee id is the
session id and the seed counts up from ``seed`` with every case, so case ``n`` of session ``S`` is
``generate(template, library, trainee_id=S, seed=n)`` (its id ``template:S:n``, plus ``:attempt`` when a target
outcome made the generator redraw). Anyone who knows a case id can regenerate the case and its answer key.

Answers are graded with the one ``kit.grading.grade``; the running score counts each case once, by its first
submission (a second submission shows its marks but does not change the score)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace

from pydantic import ValidationError

from ..baselines import Library, sample_library
from ..grading import WEIGHTS, Answer, Marks, Weights, grade
from ..grading.nbgrader import signed_in_trainee
from ..scenarios import Scenario, Template, UnreachableOutcome, builtin_templates, generate, parse_outcome
from .texts import LANGS, text


class DrillError(ValueError):
    """A mistake the officer can fix (no case yet, no outcome chosen …), said in both languages."""

    def __init__(self, key: str, detail: str = ""):
        self.key, self.detail = key, detail
        super().__init__(self.message("zh") + (f" / {self.message('en')}"))

    def message(self, lang: str = "zh") -> str:
        return text(self.key, lang) + (f" ({self.detail})" if self.detail else "")


@dataclass(frozen=True)
class Score:
    """The running score of a session."""

    answered: int = 0
    right: int = 0
    points: float = 0.0
    max_points: float = 0.0

    @property
    def share(self) -> float:
        """Share of the answered cases that were right on every part (0 before the first answer)."""
        return self.right / self.answered if self.answered else 0.0

    def add(self, marks: Marks) -> "Score":
        return replace(self, answered=self.answered + 1, right=self.right + marks.right,
                       points=self.points + marks.total, max_points=self.max_points + marks.max_total)

    def text(self, lang: str = "zh") -> str:
        sep = "，" if lang == "zh" else ", "
        return sep.join([f"{text('answered', lang)} {self.answered}", f"{text('all_right', lang)} {self.right}",
                         f"{text('share', lang)} {self.share:.0%}",
                         f"{text('points', lang)} {self.points:g}/{self.max_points:g}"])


class DrillSession:
    """State of one drill: the templates, the case on screen, the officer's answer, the marks and the score."""

    def __init__(self, *, library: Library | None = None, templates: list[Template] | None = None,
                 session_id: str | None = None, seed: int = 0, lang: str = "zh", weights: Weights = WEIGHTS):
        self.library = library if library is not None else sample_library()
        self.templates = list(templates) if templates is not None else builtin_templates(self.library)
        if not self.templates:
            raise ValueError("a drill needs at least one scenario template")
        # under JupyterHub the session is the hub user's (deploy/jupyterhub sets KIT_TRAINEE_ID, JUPYTERHUB_USER)
        self.session_id = str(session_id).strip() if session_id else signed_in_trainee() or uuid.uuid4().hex[:8]
        self.seed = seed
        """The seed of the next case."""
        self.lang = "zh"
        self.set_lang(lang)
        self.weights = weights
        self.template: Template = self.templates[0]
        self.target: str | None = None
        self.scenario: Scenario | None = None
        self.current: Answer | None = None
        self.marks: Marks | None = None
        self.score = Score()
        self.history: list[Marks] = []

    # ---- choices -------------------------------------------------------------------------------------------

    def set_lang(self, lang: str) -> None:
        if lang not in LANGS:
            raise DrillError("err.lang", repr(lang))
        self.lang = lang

    def template_by_id(self, template_id: str) -> Template:
        for t in self.templates:
            if t.id == template_id:
                return t
        raise ValueError(f"no template {template_id!r}; templates: {', '.join(t.id for t in self.templates)}")

    def choose(self, template: str | None = None, *, target: str | None = None) -> None:
        """Pick the template (by id) and the target outcome of the next case (``None``, ``""`` or 任意: any)."""
        if template is not None:
            self.template = self.template_by_id(template)
        if target is None or str(target).strip() in ("", "任意", "any"):
            self.target = None
        else:
            self.target = parse_outcome(str(target))

    # ---- the case ------------------------------------------------------------------------------------------

    def next_case(self) -> Scenario:
        """Generate the next case (this session's id, the next seed) and clear the answer and the marks."""
        try:
            scenario = generate(self.template, self.library, trainee_id=self.session_id, seed=self.seed,
                                target_level=self.target)
        except UnreachableOutcome as exc:
            raise DrillError("err.unreachable", self.target or "") from exc
        self.seed += 1
        self.scenario, self.current, self.marks = scenario, None, None
        return scenario

    def answer(self, *, level: str | None, fine: float | None = None, reason: str | None = None,
               approval: str | None = None) -> Answer:
        """Record the officer's answer to the case on screen (a level key or label, or 移送; fine in yuan)."""
        if self.scenario is None:
            raise DrillError("err.no_case")
        if level is None or not str(level).strip():
            raise DrillError("err.no_level")
        if fine is not None and fine < 0:
            raise DrillError("err.negative")
        try:
            self.current = Answer(case_id=self.scenario.case.id, level=str(level), fine=fine or None,
                                  reason=reason, approval=approval)
        except ValidationError as exc:
            raise DrillError("err.no_answer", "; ".join(e["msg"] for e in exc.errors())) from None
        return self.current

    def submit(self) -> Marks:
        """Grade the recorded answer; the first submission of a case counts in the score."""
        if self.scenario is None:
            raise DrillError("err.no_case")
        if self.current is None:
            raise DrillError("err.no_answer")
        marks = grade(self.current, self.scenario.decision, weights=self.weights)
        if self.marks is None:
            self.score = self.score.add(marks)
            self.history.append(marks)
        self.marks = marks
        return marks
