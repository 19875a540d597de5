"""One real nbgrader course for the grading tests, built once per run (even with pytest-xdist: the first worker
to take the lock builds it in the run's shared temporary folder, the others wait and reuse it).

Every exam of answers/ is released with the real ``nbgrader generate_assignment``; ``exam-general`` gets eleven
submissions — honest trainees and one per attack an assessor found — and every other exam two or more; all are
autograded with the real ``nbgrader autograde`` (the course's kit steps) and exported with ``kit grade export``."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from pathlib import Path

import nbformat
import pytest

from kit.grading.course import add_attempt, assignments, nbgrader, new_course, release
from kit.grading.exam import load_exam, questions

HERE = Path(__file__).resolve().parent
GENERAL = "exam-general"
HONEST = ("H01", "H02", "H03")
"""H01 answers every question right (the engine's suggested fine, written ``15000``); H03 right too, written as
officers write (``1.5万元``, ``一万五千元``, ``15,000元``); H02 answers some right and some wrong, and explores
in cells of their own (an endless loop, a killed kernel) that nobody runs."""
ATTACKERS = ("A-env", "A-rebind", "A-reference", "A-cwd", "A-gradebook", "A-loop", "A-kill", "A-empty", "A-copy")
ATTACKS = {
    "A-env": 'import os; os.environ["NBGRADER_EXECUTION"] = "validate"',
    "A-rebind": "import kit.grading.grade as g; g.grade = lambda *a, **k: None",
    "A-reference": ('from kit.grading.exam import load_exam, questions; '
                    'KEY = questions(load_exam("exam.yaml"), "A-reference")[0].scenario("A-reference").decision'),
    "A-cwd": 'import os; os.chdir("../../H01/exam-general")',
    "A-gradebook": ('import sqlite3; db = sqlite3.connect("../../../gradebook.db"); '
                    'db.execute("update grade set auto_score = 0"); db.commit()'),
    "A-loop": "while True: pass",
    "A-kill": "import os, signal; os.kill(os.getpid(), signal.SIGKILL)",
}
"""The one line each attacker writes into their first answer cell (before their answer)."""


def chinese_amount(yuan: float) -> str | None:
    """An independent writer of Chinese numerals for whole amounts below 一亿 (the test's oracle): 15000 → 一万五千元."""
    if yuan != int(yuan) or not 0 < yuan < 1e8:
        return None
    digits, units = "零一二三四五六七八九", ["", "十", "百", "千"]

    def four(n: int) -> str:
        out, zero = "", False
        for i in range(3, -1, -1):
            d = n // 10 ** i % 10
            if d:
                out += ("零" if zero and out else "") + digits[d] + units[i]
                zero = False
            else:
                zero = True
        return out

    n = int(yuan)
    high, low = divmod(n, 10_000)
    text = (four(high) + "万" if high else "") + (("零" if high and low < 1000 and low else "") + four(low) if low else "")
    return text + "元"


def right_answer(exam, trainee: str, n: int, style: int = 0) -> dict:
    """The lawful answer to question ``n`` of ``trainee``'s variant, written in one of four styles."""
    q = questions(exam, trainee)[n - 1]
    d = q.scenario(trainee).decision
    level = "移送" if d.transfer else d.level.zh
    fine = d.suggested_fine if (not d.transfer and d.fine is not None) else None
    if fine is None:
        written = "无"
    else:
        plain = f"{fine:.2f}".rstrip("0").rstrip(".")
        wan = f"{fine / 10_000:.6f}".rstrip("0").rstrip(".")
        written = [plain, f"{wan}万元", chinese_amount(fine) or f"{fine:,.0f}元", f"{fine:,.2f}元"][style % 4]
    return {"处理结果": level, "罚款": written}


def wrong_answer(exam, trainee: str, n: int) -> dict:
    """An answer the law does not allow: transfer where there is none, else a fine far above the range."""
    d = questions(exam, trainee)[n - 1].scenario(trainee).decision
    if d.transfer:
        return {"处理结果": "从重", "罚款": "5000"}
    return {"处理结果": "移送", "罚款": "无"}


def fill(release_nb: Path, target: Path, trainee: str, answers: dict[int, str | dict | None],
         extra: dict[int, str] | None = None, edit=None) -> None:
    """A submission: the release with ``TRAINEE_ID`` set and each answer cell's text replaced (a dict is written
    as the trainee would type it; a str is the cell's whole text); ``extra``: new code cells after question n."""
    nb = nbformat.read(release_nb, as_version=4)
    cells = []
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.source.startswith("TRAINEE_ID ="):
            cell.source = f'TRAINEE_ID = "{trainee}"'
        gid = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if gid.startswith("answer-"):
            n = int(gid.split("-")[1])
            given = answers.get(n)
            if isinstance(given, dict):
                var = "DRAFT" if "DRAFT" in cell.source else f"ANSWER_{n}"
                cell.source = f"{var} = {json.dumps(given, ensure_ascii=False)}\n"
            elif isinstance(given, str):
                cell.source = given
        cells.append(cell)
        if extra and gid.startswith("answer-") and int(gid.split("-")[1]) in extra:
            cells.append(nbformat.v4.new_code_cell(extra[int(gid.split("-")[1])]))
    nb.cells = cells
    if edit is not None:
        edit(nb)
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)


def _answers_of(exam, trainee: str, style: int = 0) -> dict[int, dict]:
    return {q.n: right_answer(exam, trainee, q.n, style + q.n) for q in questions(exam, trainee)}


def _lock_edit(nb) -> None:
    """A-gradebook also rewrites a locked grade cell and forges a grade id on a cell of its own."""
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "q2-outcome":
            cell.source = "import sqlite3  # a grade cell rewritten\n" + cell.source
    forged = nbformat.v4.new_code_cell("print('full marks')")
    forged.metadata["nbgrader"] = {"grade": True, "grade_id": "q-bonus", "locked": True, "points": 100,
                                   "schema_version": 3, "solution": False}
    nb.cells.append(forged)


def submit_general(course: Path) -> dict[str, dict[int, object]]:
    """The eleven submissions of exam-general; returns what each trainee's answer cells say (by question)."""
    exam = load_exam(course / "source" / GENERAL / "exam.yaml")
    rel = course / "release" / GENERAL / f"{GENERAL}.ipynb"
    sub = course / "submitted"
    given: dict[str, dict[int, object]] = {}
    for trainee in ("H01", "H03"):  # H01 writes 15000; H03 writes 1.5万元, 一万五千元, 15,000元 in turn
        given[trainee] = {n: right_answer(exam, trainee, n, 0 if trainee == "H01" else n) for n in range(1, exam.size + 1)}
        fill(rel, sub / trainee / GENERAL / f"{GENERAL}.ipynb", trainee, given[trainee])
    h2 = {n: (right_answer(exam, "H02", n) if n % 2 else wrong_answer(exam, "H02", n)) for n in range(1, exam.size + 1)}
    given["H02"] = h2
    fill(rel, sub / "H02" / GENERAL / f"{GENERAL}.ipynb", "H02", h2,
         extra={1: "while True:\n    pass  # exploring", 2: "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)"})
    for trainee in ATTACKERS:
        if trainee == "A-empty":
            nb = nbformat.v4.new_notebook()
            (sub / trainee / GENERAL).mkdir(parents=True)
            nbformat.write(nb, sub / trainee / GENERAL / f"{GENERAL}.ipynb")
            given[trainee] = {}
            continue
        if trainee == "A-copy":  # H01's notebook, unchanged
            (sub / trainee / GENERAL).mkdir(parents=True)
            shutil.copy(sub / "H01" / GENERAL / f"{GENERAL}.ipynb", sub / trainee / GENERAL)
            given[trainee] = dict(given["H01"])
            continue
        answers: dict[int, object] = {n: wrong_answer(exam, trainee, n) for n in range(1, exam.size + 1)}
        if trainee in ("A-cwd",):
            answers = dict(given["H01"])  # H01's answers, hoping to be graded as H01
        if trainee in ("A-loop", "A-kill"):
            answers = _answers_of(exam, trainee)  # right answers: an attack on the grader, not on the marks
        first = answers[1]
        answers[1] = f"{ATTACKS[trainee]}\nANSWER_1 = {json.dumps(first, ensure_ascii=False)}\n"
        given[trainee] = answers
        fill(rel, sub / trainee / GENERAL / f"{GENERAL}.ipynb", trainee, answers,
             edit=_lock_edit if trainee == "A-gradebook" else None)
    return given


def submit_others(course: Path) -> None:
    for name in assignments():
        if name == GENERAL:
            continue
        exam = load_exam(course / "source" / name / "exam.yaml")
        rel = course / "release" / name / f"{name}.ipynb"
        if exam.kind == "drafting":
            for trainee, draft in (("H01", "good"), ("H02", "flawed"), ("H03", "broken")):
                text = (HERE / "drafts" / f"{draft}.yaml").read_text(encoding="utf-8")
                fill(rel, course / "submitted" / trainee / name / f"{name}.ipynb", trainee,
                     {1: f'DRAFT = """\n{text}"""\n'})
            continue
        fill(rel, course / "submitted" / "H01" / name / f"{name}.ipynb", "H01", _answers_of(exam, "H01"))
        fill(rel, course / "submitted" / "H02" / name / f"{name}.ipynb", "H02",
             {n: wrong_answer(exam, "H02", n) for n in range(1, exam.size + 1)})


def build(course: Path) -> dict:
    new_course(course)
    for name in assignments():
        release(course, name)
    given = submit_general(course)
    submit_others(course)
    # a re-take: attempt 2 of exam-general for H02, with new cases
    second = add_attempt(course, GENERAL, 2)
    release(course, second)
    exam2 = load_exam(course / "source" / second / "exam.yaml")
    fill(course / "release" / second / f"{second}.ipynb", course / "submitted" / "H02" / second / f"{second}.ipynb",
         "H02", _answers_of(exam2, "H02"))
    for name in [*assignments(), second]:
        nbgrader(course, "autograde", name, "--force")
    nbgrader(course, "generate_feedback", GENERAL, "--force")
    return given


@pytest.fixture(scope="session")
def course(tmp_path_factory, worker_id) -> Path:
    """The autograded course folder; ``given.json`` holds what each exam-general submission answered."""
    shared = tmp_path_factory.getbasetemp() if worker_id == "master" else tmp_path_factory.getbasetemp().parent
    folder = shared / "kit-grading-course"
    if os.environ.get("KIT_GRADING_COURSE"):  # a developer's course kept between runs (built when missing)
        folder = Path(os.environ["KIT_GRADING_COURSE"])
        shared = folder.parent
    with open(shared / "kit-grading-course.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not (folder / "given.json").exists():
                if folder.exists():
                    shutil.rmtree(folder)
                given = build(folder)
                (folder / "given.json").write_text(json.dumps(given, ensure_ascii=False))
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return folder
