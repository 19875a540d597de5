"""Autograding one submission of a kit exam (``exam-general``: six questions, answers read as data, nothing
executed) beside nbgrader autograding a trivial one-cell assignment (one graded cell ``assert 1 + 1 == 2``,
executed by nbgrader's ``Execute`` in a kernel), in the same course and the same run: the median of
``REPEAT`` real ``nbgrader autograde --student`` commands each. Target: ≤ 1.5× the anchor."""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from kit.grading.course import nbgrader, new_course, release
from kit.grading.exam import load_exam, questions

REPEAT = 3
TARGET = 1.5
STUDENT = "bench-01"


def _trivial(course: Path) -> None:
    folder = course / "source" / "trivial"
    folder.mkdir(parents=True)
    cell = new_code_cell("assert 1 + 1 == 2", metadata={"nbgrader": {
        "grade": True, "grade_id": "t1", "locked": True, "points": 1, "schema_version": 3, "solution": False}})
    nb = new_notebook(cells=[cell])
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    nbformat.write(nb, folder / "trivial.ipynb")
    nbgrader(course, "generate_assignment", "trivial", "--force")
    target = course / "submitted" / STUDENT / "trivial"
    target.mkdir(parents=True)
    nbformat.write(nbformat.read(course / "release" / "trivial" / "trivial.ipynb", as_version=4),
                   target / "trivial.ipynb")


def _exam(course: Path) -> None:
    name = "exam-general"
    release(course, name)
    exam = load_exam(course / "source" / name / "exam.yaml")
    nb = nbformat.read(course / "release" / name / f"{name}.ipynb", as_version=4)
    by_n = {q.n: q.scenario(STUDENT).decision for q in questions(exam, STUDENT)}
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if gid.startswith("answer-"):
            n = int(gid.split("-")[1])
            d = by_n[n]
            answer = {"处理结果": "移送" if d.transfer else d.level.zh, "罚款": f"{d.suggested_fine or 0:.0f}"}
            cell.source = f"ANSWER_{n} = {json.dumps(answer, ensure_ascii=False)}\n"
    target = course / "submitted" / STUDENT / name
    target.mkdir(parents=True)
    nbformat.write(nb, target / f"{name}.ipynb")


def _median(course: Path, assignment: str) -> float:
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        nbgrader(course, "autograde", assignment, f"--student={STUDENT}", "--force")
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run() -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="kit-bench-grading-") as tmp:
        course = new_course(Path(tmp) / "course", only=["exam-general"])
        _exam(course)
        _trivial(course)
        nbgrader(course, "autograde", "trivial", f"--student={STUDENT}", "--force")  # warm both once
        nbgrader(course, "autograde", "exam-general", f"--student={STUDENT}", "--force")
        kit = _median(course, "exam-general")
        trivial = _median(course, "trivial")
    ratio = kit / trivial
    return [{"name": "nbgrader autograde: one kit exam submission (6 questions, read as data)", "value": kit,
             "unit": "s", "anchor_name": "nbgrader autograde: trivial one-cell assignment (executed)",
             "anchor_value": trivial, "ratio": ratio, "target": f"≤ {TARGET}× anchor", "ok": ratio <= TARGET}]
