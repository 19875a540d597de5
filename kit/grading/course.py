"""An nbgrader course for the kit's exams, and the release notebooks regenerated from the answers.

Layout (nbgrader's ``CourseDirectory``): the kit keeps each exam as data in ``answers/<exam>/exam.yaml`` with
the nbgrader *source* notebook built from it, and the *release* notebooks in ``exercises/<exam>/``. An
assessor's course is a folder of its own, made by ``new_course``::

    course/
      nbgrader_config.py              written from COURSE_OPTIONS below
      source/<exam>/                  exam.yaml + the source notebook (attempt N: source/<exam>-a<N>/)
      release/<exam>/                 nbgrader generate_assignment (exam.yaml goes along: the notebook reads it)
      submitted/<trainee>/<exam>/<exam>.ipynb     the trainee id is this folder's name (the login)
      autograded/<trainee>/<exam>/    nbgrader autograde with the kit's steps (nothing is executed)
      gradebook.db

``release_notebooks`` regenerates ``exercises/`` with the real ``nbgrader generate_assignment`` in a temporary
course; a test fails when the committed copy differs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat

from .build import build_notebook
from ..i18n import msg
from ..i18n.validation import Refusal
from .exam import EXAM_FILE, load_exam

REPO = Path(__file__).resolve().parents[2]
ANSWERS_DIR = REPO / "answers"
EXERCISES_DIR = REPO / "exercises"

_CODE = object()
COURSE_OPTIONS: dict[str, tuple[object, str]] = {
    "CourseDirectory.course_id": ("discretion-kit", "The course id recorded in the gradebook."),
    "Autograde.sanitize_preprocessors": ("SANITIZE", "kit.grading.autograde: integrity flags are taken from the "
                                         "notebook as handed in, before nbgrader restores the locked cells."),
    "Autograde.autograde_preprocessors": ("AUTOGRADE", "kit.grading.autograde: the answer cells are read as data "
                                          "and graded; no cell of the submission is executed."),
    "ClearSolutions.code_stub": ({"python": "# 在上面的引号中填写答案 / fill in the answer above"},
                                 "What replaces the (empty) solution region of an answer cell in the release."),
    "GradeAnswers.lang": ("zh", "The language of the feedback written into graded cells: zh or en."),
    "Execute.timeout": (60, "Seconds a cell of an ordinary (non-kit) assignment of the course may run under "
                            "autograde; kit exams run no cell."),
    "Execute.interrupt_on_timeout": (True, "Interrupt the kernel on timeout and go on with the next cell."),
}
"""The nbgrader options of a kit course, each with its value and why: written into ``nbgrader_config.py``."""
_NAMES = {"SANITIZE", "AUTOGRADE"}


def course_config(**overrides: object) -> str:
    """The text of a course's ``nbgrader_config.py``; ``overrides`` by option name with ``_`` for ``.``
    (``Execute_timeout=120``)."""
    lines = ["# nbgrader configuration of a discretion-kit course (written by kit.grading.course; see docs/grading.md)",
             "from kit.grading.autograde import AUTOGRADE, SANITIZE",
             "c = get_config()  # noqa: F821"]
    for name, (value, why) in COURSE_OPTIONS.items():
        value = overrides.pop(name.replace(".", "_"), value)
        lines += [f"# {why}", f"c.{name} = {value if isinstance(value, str) and value in _NAMES else repr(value)}"]
    if overrides:
        raise TypeError(f"unknown course options: {', '.join(overrides)}; known: "
                        f"{', '.join(n.replace('.', '_') for n in COURSE_OPTIONS)}")
    return "\n".join(lines) + "\n"


def assignments(answers: Path = ANSWERS_DIR) -> list[str]:
    """The exams of ``answers``: each folder holding an ``exam.yaml``."""
    return sorted(p.name for p in Path(answers).iterdir() if p.is_dir() and (p / EXAM_FILE).exists())


def build_source(folder: str | Path) -> Path:
    """Write ``<folder>/<exam>.ipynb`` from ``<folder>/exam.yaml``; returns the notebook's path."""
    folder = Path(folder)
    exam = load_exam(folder / EXAM_FILE)
    path = folder / f"{exam.assignment}.ipynb"
    for old in folder.glob("*.ipynb"):
        if old != path:
            old.unlink()
    nbformat.write(build_notebook(exam), path)
    return path


def new_course(root: str | Path, *, answers: str | Path = ANSWERS_DIR, only: list[str] | None = None,
               **options: object) -> Path:
    """Make (or refresh) a course folder at ``root``: ``nbgrader_config.py`` and ``source/`` from ``answers``."""
    root, answers = Path(root), Path(answers)
    names = only or assignments(answers)
    missing = [n for n in names if not (answers / n / EXAM_FILE).is_file()]
    if missing:
        raise FileNotFoundError(msg("errors.no_exam_folder", missing=", ".join(missing), answers=answers,
                                    found=", ".join(assignments(answers)) or msg("errors.none")))
    root.mkdir(parents=True, exist_ok=True)
    (root / "nbgrader_config.py").write_text(course_config(**options), encoding="utf-8")
    for name in names:
        target = root / "source" / name
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        shutil.copy(answers / name / EXAM_FILE, target / EXAM_FILE)
        build_source(target)
    return root


def add_attempt(course: str | Path, exam_id: str, attempt: int) -> str:
    """``source/<exam>-a<N>/``: the exam with ``attempt: N`` (new cases for every trainee); returns its name."""
    course = Path(course)
    first = course / "source" / exam_id / EXAM_FILE
    if not first.is_file():
        raise FileNotFoundError(msg("errors.no_exam_in_course", path=first))
    if attempt < 1:
        raise Refusal(msg("errors.attempt", found=attempt))
    text = first.read_text(encoding="utf-8")
    exam = load_exam(first)
    name = exam.model_copy(update={"attempt": attempt}).assignment
    if name == exam_id:
        return name
    target = course / "source" / name
    target.mkdir(parents=True, exist_ok=True)
    lines = [line for line in text.splitlines() if not line.strip().startswith("attempt:")]
    at = next(i for i, line in enumerate(lines) if line.startswith("exam:")) + 1
    lines.insert(at, f"  attempt: {attempt}")
    (target / EXAM_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    build_source(target)
    return name


def nbgrader(course: str | Path, *args: str, timeout: float = 600, check: bool = True) -> subprocess.CompletedProcess:
    """Run ``nbgrader ARGS`` in ``course`` (with this Python), raising with nbgrader's log when it fails.
    This Python's ``bin`` folder goes first on ``PATH``: nbgrader runs ``alembic`` from there."""
    env = {**os.environ, "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])}
    done = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, capture_output=True, text=True,
                          timeout=timeout, env=env)
    if check and done.returncode != 0:
        raise RuntimeError(f"nbgrader {' '.join(args)} failed in {course} (exit {done.returncode}):\n"
                           f"{done.stdout}\n{done.stderr}")
    return done


def release(course: str | Path, name: str) -> Path:
    """``nbgrader generate_assignment`` for one assignment of the course (its due date recorded first)."""
    course = Path(course)
    exam = load_exam(course / "source" / name / EXAM_FILE)
    if exam.due is not None:
        nbgrader(course, "db", "assignment", "add", name, f"--duedate={exam.due.isoformat()}")
    nbgrader(course, "generate_assignment", name, "--force")
    return course / "release" / name


def release_notebooks(*, answers: str | Path = ANSWERS_DIR, into: str | Path = EXERCISES_DIR,
                      only: list[str] | None = None) -> list[Path]:
    """Rebuild each exam's source notebook in ``answers`` and its release into ``into``, with nbgrader."""
    written: list[Path] = []
    names = only or assignments(Path(answers))
    for name in names:
        build_source(Path(answers) / name)
    with tempfile.TemporaryDirectory(prefix="kit-course-") as tmp:
        course = new_course(tmp, answers=answers, only=names)
        for name in names:
            release(course, name)
            target = Path(into) / name
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(course / "release" / name, target)
            written += sorted(target.rglob("*.ipynb"))
    return written
