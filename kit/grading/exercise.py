"""What a trainee's exercise notebook calls, in the trainee's own session: their cases, and a format check.

``EXAM = Exercise.here()`` reads ``exam.yaml`` beside the notebook (nbgrader's release copies it there);
``EXAM.show(n, TRAINEE_ID)`` displays question ``n`` of the trainee's variant; ``EXAM.check(ANSWER_n)`` only
says whether the answer can be read — never whether it is right. Nothing here takes part in grading: the
grader reads the submitted file's answer cells as data (``kit.grading.autograde``), so whatever a trainee runs
here changes nothing that is graded. The trainee id is ``TRAINEE_ID`` as typed, else the JupyterHub login
(``JUPYTERHUB_USER``) or ``KIT_TRAINEE_ID``; at grading it is the nbgrader student id of the submission."""

from __future__ import annotations

import html
import os
from dataclasses import dataclass
from pathlib import Path

from ..baselines import sample_library
from ..i18n import LANGS, Lang, msg, t
from ..i18n.validation import Refusal
from .exam import EXAM_FILE, Exam, load_exam, questions
from .sheet import Reading, to_answer

TRAINEE_ENV = ("KIT_TRAINEE_ID", "JUPYTERHUB_USER")


def trainee_id(given: str | None = None) -> str:
    for candidate in (given, *(os.environ.get(name) for name in TRAINEE_ENV)):
        if candidate is not None and str(candidate).strip():
            return str(candidate).strip()
    raise NoTraineeId()


class NoTraineeId(Refusal):
    """No trainee id typed or found: said in both languages, as everything the exercise notebook shows."""

    def __init__(self) -> None:
        super().__init__(msg("errors.no_trainee_id"))

    def __str__(self) -> str:
        return " / ".join(self.message.render(lang) for lang in LANGS)


@dataclass(frozen=True)
class CaseCard:
    """A trainee's case as shown in an exercise: the narrative only, never the answer."""

    n: int
    case_id: str
    narrative_zh: str
    narrative_en: str

    def __repr__(self) -> str:
        return f"第{self.n}题 案例 {self.case_id}\n{self.narrative_zh}\n\n{self.narrative_en}"

    def _repr_html_(self) -> str:
        zh = "".join(f"<p>{html.escape(p)}</p>" for p in self.narrative_zh.splitlines() if p.strip())
        en = "".join(f"<p>{html.escape(p)}</p>" for p in self.narrative_en.splitlines() if p.strip())
        return (f"<div class='kit-case'><p><small>案例 / case {html.escape(self.case_id)}</small></p>{zh}"
                f"<details><summary>English</summary>{en}</details></div>")


@dataclass(frozen=True)
class Preview:
    ok: bool
    zh: str
    en: str

    def __repr__(self) -> str:
        return f"{self.zh}\n{self.en}"


class Exercise:
    """The exam of this folder, as the trainee's notebook sees it."""

    def __init__(self, exam: Exam):
        self.exam = exam

    @classmethod
    def here(cls, folder: str | Path = ".") -> Exercise:
        return cls(load_exam(Path(folder) / EXAM_FILE))

    def show(self, n: int, trainee: str | None = None) -> CaseCard:
        q = questions(self.exam, trainee_id(trainee))[n - 1]
        s = q.scenario(trainee_id(trainee))
        return CaseCard(n, s.case.id, s.narrative_zh, s.narrative_en)

    def check(self, answer: object, lang: Lang = "zh") -> Preview:
        """Whether ``answer`` can be read (the same reading the grader does), never whether it is right."""
        reading = Reading(value=answer)
        key: str | None
        params: dict
        if reading.blank:
            key, params = "answer_missing", {}
        else:
            read = to_answer(reading, "preview")
            key, params = read.level_problem or read.fine_problem or (None, {})
        if key is None:
            return Preview(True, t("grading.preview_ok", "zh"), t("grading.preview_ok", "en"))
        return Preview(False, t("grading.preview_problem", "zh", problem=t(f"grading.{key}", "zh", **params)),
                       t("grading.preview_problem", "en", problem=t(f"grading.{key}", "en", **params)))

    def show_task(self) -> TaskCard:
        task = self.exam.task
        lib = sample_library()
        provision = lib.provisions[task.provision]
        higher = [b for b in lib.baselines_for(task.matter)
                  if b.authority in {a.id for a in lib.authority_chain(task.authority)[1:]}]
        return TaskCard(task.brief.zh, task.brief.en, provision.citation, provision.text or "",
                        [f"{b.id}：{b.title}" for b in higher])

    def check_draft(self, text: object) -> Preview:
        ok = isinstance(text, str) and bool(text.strip())
        key = "preview_ok" if ok else "draft_empty"
        return Preview(ok, t(f"grading.{key}", "zh"), t(f"grading.{key}", "en"))


@dataclass(frozen=True)
class TaskCard:
    brief_zh: str
    brief_en: str
    citation: str
    text: str
    higher: list[str]

    def __repr__(self) -> str:
        return "\n".join([self.brief_zh, self.citation, self.text, *self.higher])

    def _repr_html_(self) -> str:
        higher = "".join(f"<li>{html.escape(h)}</li>" for h in self.higher)
        return (f"<div class='kit-task'><p>{html.escape(self.brief_zh)}</p><p><i>{html.escape(self.brief_en)}</i></p>"
                f"<p><b>{html.escape(self.citation)}</b> {html.escape(self.text)}</p><ul>{higher}</ul></div>")
