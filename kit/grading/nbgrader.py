"""Helpers for nbgrader exercises: who the trainee is, their case, and the autograder's checks.

Under ``nbgrader autograde`` the notebook runs with the environment variable ``NBGRADER_EXECUTION=autograde``
and its working directory at ``<course>/autograded/<student id>/<assignment>/``: the student id is read from
there, so a trainee who types someone else's id, or copies someone else's answers, is still graded on their own
variant. Elsewhere (the trainee working, ``nbgrader validate``) the id is the ``TRAINEE_ID`` the notebook gives,
else ``KIT_TRAINEE_ID``, else ``JUPYTERHUB_USER``.

``assert_answer`` grades one part with ``kit.grading.grade`` only under autograde, where a wrong part raises
``AssertionError`` with the Chinese reason (nbgrader then gives the cell no points) and a grounded departure
returns its partial points (nbgrader reads a number as partial credit). In the trainee's own session it checks
only that the answer can be read, and says so: it never reveals whether the answer is right."""

from __future__ import annotations

import html
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from .answer import ALLOWED_LEVELS, TRANSFER, Answer
from .grade import WEIGHTS, Part, Weights, grade
from .variants import variant

AUTOGRADED_DIRECTORY = "autograded"
"""nbgrader's ``CourseDirectory.autograded_directory`` (its default); the trainee's id is the folder below it."""

TRAINEE_ENV = ("KIT_TRAINEE_ID", "JUPYTERHUB_USER")
"""Where the trainee's id is read when the notebook does not give one, in order."""


def under_autograde() -> bool:
    """True while ``nbgrader autograde`` executes the notebook."""
    return os.environ.get("NBGRADER_EXECUTION") == "autograde"


def autograde_trainee(cwd: str | Path | None = None) -> str:
    """The student id of ``<course>/autograded/<student id>/<assignment>/`` (the autograder's working folder)."""
    here = Path(cwd if cwd is not None else os.getcwd()).resolve()
    if here.parent.parent.name != AUTOGRADED_DIRECTORY:
        raise RuntimeError(f"under nbgrader autograde the working folder should be "
                           f"<course>/{AUTOGRADED_DIRECTORY}/<student id>/<assignment>/; found {here}")
    return here.parent.name


def signed_in_trainee() -> str | None:
    """The trainee id the environment gives (``TRAINEE_ENV``: under JupyterHub, the hub user), else None."""
    for name in TRAINEE_ENV:
        value = os.environ.get(name, "").strip()
        if value:
            return value
    return None


def trainee_id(default: str | None = None) -> str:
    """The trainee whose case this is: the nbgrader student id under autograde, else ``default`` (the notebook's
    ``TRAINEE_ID``), else the first of ``TRAINEE_ENV`` that is set."""
    if under_autograde():
        return autograde_trainee()
    for candidate in (default, *(os.environ.get(name) for name in TRAINEE_ENV)):
        if candidate is not None and str(candidate).strip():
            return str(candidate).strip()
    raise ValueError("请先在 TRAINEE_ID 中填写你的学号（或工号）/ set TRAINEE_ID to your trainee id first")


@dataclass(frozen=True)
class CaseCard:
    """A trainee's case as shown in an exercise: the narrative only, never the answer."""

    case_id: str
    narrative_zh: str
    narrative_en: str

    def __repr__(self) -> str:
        return f"案例 {self.case_id}\n{self.narrative_zh}\n\n{self.narrative_en}"

    def _repr_html_(self) -> str:
        zh = "".join(f"<p>{html.escape(p)}</p>" for p in self.narrative_zh.splitlines() if p.strip())
        en = "".join(f"<p>{html.escape(p)}</p>" for p in self.narrative_en.splitlines() if p.strip())
        return (f"<div class='kit-case'><p><small>案例 / case {html.escape(self.case_id)}</small></p>{zh}"
                f"<details><summary>English</summary>{en}</details></div>")


def show_case(template_id: str, trainee: str | None = None, *, seed: int = 0) -> CaseCard:
    """The trainee's variant of ``template_id``, to display in a read-only cell."""
    s = variant(template_id, trainee_id(trainee), seed=seed)
    return CaseCard(s.case.id, s.narrative_zh, s.narrative_en)


def reference_answer(template_id: str, trainee: str | None = None, *, seed: int = 0) -> Answer:
    """The engine's answer for the trainee's variant: its outcome and its suggested fine (the solutions)."""
    d = variant(template_id, trainee_id(trainee), seed=seed).decision
    if d.transfer or d.level is None:
        return Answer(case_id=d.case_id, level=TRANSFER)
    fine = d.suggested_fine if d.fine is not None else None
    return Answer(case_id=d.case_id, level=d.level.value, fine=fine)


def check_part(answer: Answer | Mapping, template_id: str, trainee: str, *, part: str, seed: int = 0,
               weights: Weights = WEIGHTS) -> Part:
    """Grade one part of ``answer`` on ``trainee``'s variant of ``template_id`` (the case is regenerated)."""
    scenario = variant(template_id, trainee, seed=seed)
    return grade(_answer(answer, scenario.case.id), scenario.decision, weights=weights).part(part)


def assert_answer(answer: Answer | Mapping, template_id: str, trainee: str | None = None, *, part: str,
                  points: float = 1.0, seed: int = 0) -> float | None:
    """The body of an autograder test cell. ``answer``: an ``Answer`` or a mapping with ``level`` and ``fine``
    (and, for a departure, ``reason`` and ``approval``); ``points``: the cell's points.

    Under autograde: raises ``AssertionError`` with the reason when the part is wrong; returns the partial points
    for a grounded departure; returns None (full points) when right. Elsewhere: checks the answer can be read."""
    who = trainee_id(trainee)
    if not under_autograde():
        _answer(answer, "preview")
        print("已记录：答案格式正确；提交后由评分程序判分，此处不显示对错。"
              " / Recorded: the answer can be read; it is graded after submission, not here.")
        return None
    result = check_part(answer, template_id, who, part=part, seed=seed)
    print(f"{'✓' if result.right else '✗' if result.status == 'wrong' else '½'} {result.label('zh')}："
          f"{result.zh}\n  {result.en}")
    if result.status == "wrong":
        raise AssertionError(result.zh)
    if result.status == "partial":
        return round(points * result.points / result.max_points, 4)
    return None


def _answer(answer: Answer | Mapping, case_id: str) -> Answer:
    if isinstance(answer, Answer):
        return answer.model_copy(update={"case_id": case_id})
    data = dict(answer)
    if data.get("level") is None:
        raise AssertionError(f"未作答：请填写处理结果（{ALLOWED_LEVELS}）/ no level given")
    try:
        return Answer(case_id=case_id, **data)
    except ValidationError as error:
        problems = "；".join(f"{'.'.join(map(str, e['loc'])) or 'answer'}: {e['msg']}" for e in error.errors())
        raise AssertionError(f"答案无法识别 / the answer cannot be read: {problems}") from None
