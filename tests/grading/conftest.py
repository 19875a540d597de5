"""One real nbgrader course for the grading tests: generate the release, submit for three trainees, autograde.

Built once per test run, even with pytest-xdist: the first worker to take the lock builds it in the run's shared
temporary folder, the others wait and reuse it (nbgrader costs ≈4 s to start and ≈1 s per notebook)."""

from __future__ import annotations

import fcntl
import json
import shutil
import time
from pathlib import Path

import nbformat
import pytest

from kit.grading.course import new_course, nbgrader
from kit.grading.nbgrader import reference_answer
from kit.grading.variants import variant

ASSIGNMENT = "discretion-01"
CASES = ("flyposting-youth", "false-registration-nanjing", "parking-fee-overcharge")
RIGHT, WRONG, COPIER = "T01", "T02", "T04"
"""T01 answers their own variant right; T02 answers wrong (and leaves case 3 unanswered); T04 submits T01's
notebook unchanged (T01's id included). These ids were chosen so that T01's answers are wrong on every part of
T04's variant."""


def fill(release: Path, target: Path, trainee: str, answers: dict[int, tuple[object, object] | None]) -> None:
    """A submission: the release notebook with TRAINEE_ID set and each answer cell replaced (None: left as is)."""
    nb = nbformat.read(release, as_version=4)
    for cell in nb.cells:
        if cell.source.startswith("TRAINEE_ID ="):
            cell.source = f"TRAINEE_ID = {trainee!r}\n" + cell.source.split("\n", 1)[1]
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if grade_id.startswith("answer-") and answers.get(int(grade_id.split("-")[1])) is not None:
            n = int(grade_id.split("-")[1])
            level, fine = answers[n]
            cell.source = f"LEVEL_{n} = {level!r}\nFINE_{n} = {fine!r}\n"
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)


def wrong_answers() -> dict[int, tuple[object, object] | None]:
    first = variant(CASES[0], WRONG).decision       # the right level, with a fine it does not allow
    return {1: (reference_answer(CASES[0], WRONG).level, first.fine.hi + 1000 if first.fine else 1000),
            2: ("移送", None),                         # not a transfer case
            3: None}                                  # left unanswered: the release's NotImplementedError


def build(course: Path) -> dict:
    timings = {}
    new_course(course)
    start = time.perf_counter()
    nbgrader(course, "generate_assignment", ASSIGNMENT, "--force")
    timings["generate_assignment"] = time.perf_counter() - start
    release = course / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    submitted = course / "submitted"
    right = {n: (a.level, a.fine) for n, a in
             enumerate((reference_answer(t, RIGHT) for t in CASES), start=1)}
    fill(release, submitted / RIGHT / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", RIGHT, right)
    fill(release, submitted / WRONG / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", WRONG, wrong_answers())
    (submitted / COPIER / ASSIGNMENT).mkdir(parents=True)
    shutil.copy(submitted / RIGHT / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", submitted / COPIER / ASSIGNMENT)
    start = time.perf_counter()
    nbgrader(course, "autograde", ASSIGNMENT, "--force")
    timings["autograde"] = time.perf_counter() - start
    return timings


@pytest.fixture(scope="session")
def graded_course(tmp_path_factory, worker_id) -> Path:
    """The autograded course folder (``gradebook.db``, ``autograded/``); ``timings.json`` holds the run times."""
    shared = tmp_path_factory.getbasetemp() if worker_id == "master" else tmp_path_factory.getbasetemp().parent
    course = shared / "nbgrader-course"
    with open(shared / "nbgrader-course.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not (course / "timings.json").exists():
                if course.exists():
                    shutil.rmtree(course)
                timings = build(course)
                (course / "timings.json").write_text(json.dumps(timings))
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return course
