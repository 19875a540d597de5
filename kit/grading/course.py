"""An nbgrader course for the kit's exercises, and the release notebooks regenerated from the answers.

Layout (nbgrader's ``CourseDirectory``): the kit keeps the nbgrader *source* notebooks (with solutions) in
``answers/<assignment>/`` and the *release* notebooks in ``exercises/<assignment>/``. An assessor's course is a
folder of its own, made by ``new_course``::

    course/
      nbgrader_config.py              written from COURSE_OPTIONS below
      source/<assignment>/            copied from answers/<assignment>/
      release/<assignment>/           nbgrader generate_assignment
      submitted/<trainee>/<assignment>/<assignment>.ipynb
      autograded/<trainee>/<assignment>/   nbgrader autograde (the notebook runs here: kit.grading.nbgrader
                                           reads the trainee's id from this path)
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

REPO = Path(__file__).resolve().parents[2]
ANSWERS_DIR = REPO / "answers"
EXERCISES_DIR = REPO / "exercises"

COURSE_OPTIONS: dict[str, tuple[object, str]] = {
    "CourseDirectory.course_id": ("discretion-kit", "The course id recorded in the gradebook."),
    "Execute.timeout": (60, "Seconds a cell may run under autograde before it is stopped (no cell of the kit's "
                            "exercises needs more than a second; a cell waiting for input would hang forever)."),
    "Execute.interrupt_on_timeout": (True, "Interrupt the kernel on timeout and go on with the next cell."),
}
"""The nbgrader options of a kit course, each with its value and why: written into ``nbgrader_config.py``."""


def course_config(**overrides: object) -> str:
    """The text of a course's ``nbgrader_config.py``; ``overrides`` by option name with ``_`` for ``.``
    (``Execute_timeout=120``)."""
    lines = ["# nbgrader configuration of a discretion-kit course (written by kit.grading.course; see docs/grading.md)",
             "c = get_config()  # noqa: F821"]
    for name, (value, why) in COURSE_OPTIONS.items():
        value = overrides.pop(name.replace(".", "_"), value)
        lines += [f"# {why}", f"c.{name} = {value!r}"]
    if overrides:
        raise TypeError(f"unknown course options: {', '.join(overrides)}; known: "
                        f"{', '.join(n.replace('.', '_') for n in COURSE_OPTIONS)}")
    return "\n".join(lines) + "\n"


def assignments(answers: Path = ANSWERS_DIR) -> list[str]:
    """The assignments of ``answers``: each folder holding a notebook."""
    return sorted(p.name for p in Path(answers).iterdir() if p.is_dir() and any(p.glob("*.ipynb")))


def new_course(root: str | Path, *, answers: str | Path = ANSWERS_DIR, only: list[str] | None = None,
               **options: object) -> Path:
    """Make (or refresh) a course folder at ``root``: ``nbgrader_config.py`` and ``source/`` from ``answers``."""
    root, answers = Path(root), Path(answers)
    names = only or assignments(answers)
    missing = [n for n in names if not (answers / n).is_dir()]
    if missing:
        raise FileNotFoundError(f"no assignment folder {', '.join(missing)} in {answers}; "
                                f"found: {', '.join(assignments(answers)) or 'none'}")
    root.mkdir(parents=True, exist_ok=True)
    (root / "nbgrader_config.py").write_text(course_config(**options), encoding="utf-8")
    for name in names:
        target = root / "source" / name
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(answers / name, target, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    return root


def nbgrader(course: str | Path, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run ``nbgrader ARGS`` in ``course`` (with this Python), raising with nbgrader's log when it fails.
    This Python's ``bin`` folder goes first on ``PATH``: nbgrader runs ``alembic`` from there."""
    env = {**os.environ, "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])}
    done = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, capture_output=True, text=True,
                          timeout=timeout, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"nbgrader {' '.join(args)} failed in {course} (exit {done.returncode}):\n"
                           f"{done.stdout}\n{done.stderr}")
    return done


def release_notebooks(*, answers: str | Path = ANSWERS_DIR, into: str | Path = EXERCISES_DIR,
                      only: list[str] | None = None) -> list[Path]:
    """Regenerate the release notebooks of ``answers`` into ``into`` with ``nbgrader generate_assignment``."""
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="kit-course-") as tmp:
        course = new_course(tmp, answers=answers, only=only)
        for name in only or assignments(Path(answers)):
            nbgrader(course, "generate_assignment", name, "--force")
            target = Path(into) / name
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(course / "release" / name, target)
            written += sorted(target.rglob("*.ipynb"))
    return written
