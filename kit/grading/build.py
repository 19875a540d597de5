"""Build an exam's nbgrader *source* notebook from its ``exam.yaml``: ``build_notebook(exam) -> NotebookNode``.

The notebook is the same for every trainee (nbgrader releases one notebook); each trainee's questions are drawn
in their own session from (trainee, exam, attempt). Cells, in order, with their nbgrader roles:

- ``intro`` (locked): the title, attempt, time limit, pass mark and how to answer;
- an ordinary cell with ``TRAINEE_ID`` (left empty on JupyterHub: the login is the id);
- ``setup`` (locked): ``EXAM = Exercise.here()``;
- per question ``n``: ``q<n>-title`` and ``q<n>-case`` (locked, show the case), ``answer-<n>`` (the answer: one
  dictionary, read as data by the grader; nbgrader's "autograded answer"), and one locked grade cell per part
  (``q<n>-outcome``, ``q<n>-fine``, or the drafting parts) whose points are the exam's. The grade cells only
  run a format check in the trainee's session; at grading they are not run, the kit writes their outputs."""

from __future__ import annotations

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from ..i18n import t
from .drafting import PARTS as DRAFT_PARTS
from .exam import Exam
from .results import ANSWER_VAR, DRAFT_VAR, answer_id, part_id

SOLUTION = "### BEGIN SOLUTION\n### END SOLUTION"
EMPTY_ANSWER = '{{"处理结果": "", "罚款": "", "理由": "", "批准文号": ""}}'


def _meta(grade_id: str, *, locked: bool = True, solution: bool = False, points: float | None = None) -> dict:
    meta = {"grade": points is not None, "grade_id": grade_id, "locked": locked, "schema_version": 3,
            "solution": solution}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def _both(key: str, **params: object) -> str:
    return f"{t(key, 'zh', **params)} / {t(key, 'en', **params)}"


def _intro(exam: Exam) -> str:
    """The first cell: title, facts, how to answer (Chinese, then English in italics; the catalog's words)."""
    facts = [_both("grading.fact_attempt", n=exam.attempt), _both("grading.fact_size", n=exam.size),
             _both("grading.fact_pass", mark=f"{exam.pass_mark:.0%}")]
    if exam.time_limit_minutes:
        facts.append(_both("grading.fact_time", minutes=exam.time_limit_minutes))
    if exam.due:
        facts.append(_both("grading.fact_due", due=f"{exam.due:%Y-%m-%d %H:%M}"))
    how = "grading.intro_cases" if exam.kind == "cases" else "grading.intro_drafting"
    return "\n".join([f"# {exam.title.zh} / {exam.title.en}", "", " · ".join(facts), "", t(how, "zh"), "",
                      f"*{t(how, 'en')}*"])


def build_notebook(exam: Exam) -> nbformat.NotebookNode:
    """The nbgrader source notebook of ``exam`` (see the module docstring)."""
    cells = [new_markdown_cell(_intro(exam), metadata=_meta("intro")),
             new_code_cell('TRAINEE_ID = ""  # 学号 / trainee id（JupyterHub 上可留空 / may stay empty on JupyterHub）'),
             new_code_cell("from kit.grading.exercise import Exercise\nEXAM = Exercise.here()", metadata=_meta("setup"))]
    if exam.kind == "drafting":
        cells += [new_markdown_cell("## 起草任务 / The task", metadata=_meta("q1-title")),
                  new_code_cell("EXAM.show_task()", metadata=_meta("q1-case")),
                  new_code_cell(f'{DRAFT_VAR} = """\n"""\n{SOLUTION}', metadata=_meta(answer_id(1), locked=False,
                                                                                   solution=True))]
        for i, part in enumerate(DRAFT_PARTS):
            points = float(exam.task.points.get(part, 1.0))
            check = f"\nEXAM.check_draft({DRAFT_VAR})" if i == 0 else ""
            cells.append(new_code_cell(f"# {t('grading.grade_cell', 'zh', part=t(f'grading.part_{part}', 'zh'), points=f'{points:g}')}"
                                       f"{check}", metadata=_meta(part_id(1, part), points=points)))
    else:
        for n in range(1, exam.size + 1):
            var = ANSWER_VAR.format(n=n)
            cells += [new_markdown_cell(f"## 第{n}题 / Question {n}", metadata=_meta(f"q{n}-title")),
                      new_code_cell(f"EXAM.show({n}, TRAINEE_ID)", metadata=_meta(f"q{n}-case")),
                      new_code_cell(f"{var} = {EMPTY_ANSWER.format()}\n{SOLUTION}",
                                    metadata=_meta(answer_id(n), locked=False, solution=True))]
            for part, points in (("outcome", exam.points.outcome), ("fine", exam.points.fine)):
                check = f"\nEXAM.check({var})" if part == "outcome" else ""
                cells.append(new_code_cell(
                    f"# {t('grading.grade_cell', 'zh', part=t(f'grading.part_{part}', 'zh'), points=f'{points:g}')}{check}",
                    metadata=_meta(part_id(n, part), points=points)))
    for i, cell in enumerate(cells):  # stable ids: the committed release must be what nbgrader makes of it
        cell.id = cell.metadata.get("nbgrader", {}).get("grade_id", f"cell-{i}")
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    nb.metadata["language_info"] = {"name": "python"}
    return nb
