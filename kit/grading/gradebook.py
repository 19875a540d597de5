"""Read an nbgrader gradebook into a table, summarise it, and export it to CSV or Excel.

``gradebook_frame(db)`` reads the gradebook read-only through nbgrader's own models (never ``Gradebook(...)``,
which writes a course row when it opens): one row per trainee × graded cell (question), with the score nbgrader
counts (the manual score when an assessor gave one, else the autograder's, plus any extra credit)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

COLUMNS = ["trainee", "assignment", "notebook", "question", "case", "part", "score", "max_score", "correct",
           "needs_manual_grade"]
"""The columns of ``gradebook_frame``: ``case``/``part`` split a kit grade id ``case-1-outcome`` (else empty);
``correct`` is true when the score reaches the maximum."""

_QUESTION = re.compile(r"^(?P<case>.+)-(?P<part>outcome|fine)$")


def db_url(db: str | Path) -> str:
    """A SQLAlchemy URL for ``db``: a URL as given, a path as ``sqlite:///PATH`` (which must exist)."""
    text = str(db)
    if "://" in text:
        return text
    path = Path(text)
    if not path.is_file():
        raise FileNotFoundError(f"no gradebook at {path} (expected an nbgrader gradebook.db or a database URL)")
    return f"sqlite:///{path.resolve()}"


def gradebook_frame(db: str | Path) -> pd.DataFrame:
    """One row per trainee × question of every assignment in the gradebook ``db`` (a path or a URL)."""
    from nbgrader.api import Grade  # nbgrader is an optional dependency (the notebooks extra)
    from sqlalchemy import create_engine
    from sqlalchemy.exc import SQLAlchemyError
    from sqlalchemy.orm import Session

    engine = create_engine(db_url(db))
    rows = []
    try:
        with Session(engine) as session:
            for g in session.query(Grade).all():
                match = _QUESTION.match(g.name)
                score, top = float(g.score or 0.0), float(g.max_score or 0.0)
                rows.append({"trainee": g.student.id, "assignment": g.assignment.name, "notebook": g.notebook.name,
                             "question": g.name, "case": match["case"] if match else None,
                             "part": match["part"] if match else None, "score": score, "max_score": top,
                             "correct": top > 0 and score >= top, "needs_manual_grade": bool(g.needs_manual_grade)})
    except SQLAlchemyError as error:
        raise ValueError(f"{db}: not an nbgrader gradebook ({type(error).__name__}: "
                         f"{str(error).splitlines()[0]})") from None
    finally:
        engine.dispose()
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.sort_values(["assignment", "notebook", "trainee", "question"], ignore_index=True)


def question_summary(frame: pd.DataFrame) -> pd.DataFrame:
    """Per question: how many trainees, the mean score, the maximum, and the share who got it right."""
    keys = ["assignment", "notebook", "question"]
    out = frame.groupby(keys, sort=True).agg(trainees=("trainee", "nunique"), mean_score=("score", "mean"),
                                             max_score=("max_score", "max"), share_correct=("correct", "mean"))
    return out.reset_index()


def trainee_totals(frame: pd.DataFrame) -> pd.DataFrame:
    """Per trainee and assignment: the total score, the maximum, and the share of questions right."""
    out = frame.groupby(["assignment", "trainee"], sort=True).agg(
        score=("score", "sum"), max_score=("max_score", "sum"), questions_correct=("correct", "sum"),
        questions=("question", "count"))
    return out.reset_index()


SHEETS = {"grades": "成绩 grades", "questions": "汇总 questions", "trainees": "学员 trainees"}
"""The sheets of an Excel export: every row, the per-question summary, the per-trainee totals."""


def export(frame: pd.DataFrame, path: str | Path) -> Path:
    """Write ``frame`` to ``.csv`` (UTF-8 with BOM, so Excel reads the Chinese) or ``.xlsx`` (with the summary
    sheets of ``SHEETS``)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        frame.to_csv(path, index=False, encoding="utf-8-sig")
    elif suffix == ".xlsx":
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            frame.to_excel(writer, sheet_name=SHEETS["grades"], index=False)
            question_summary(frame).to_excel(writer, sheet_name=SHEETS["questions"], index=False)
            trainee_totals(frame).to_excel(writer, sheet_name=SHEETS["trainees"], index=False)
    else:
        raise ValueError(f"{path}: cannot export to {suffix or 'a file without a suffix'}; expected .csv or .xlsx")
    return path


def summary_text(frame: pd.DataFrame, lang: str = "zh") -> str:
    """A few lines for the terminal: per question, the mean score and the share right."""
    if frame.empty:
        return "成绩册中没有成绩。" if lang == "zh" else "The gradebook holds no grades."
    lines = []
    for row in question_summary(frame).itertuples():
        if lang == "zh":
            lines.append(f"{row.assignment}/{row.question}: 平均 {row.mean_score:.2f}/{row.max_score:g}，"
                         f"正确率 {row.share_correct:.0%}（{row.trainees} 人）")
        else:
            lines.append(f"{row.assignment}/{row.question}: mean {row.mean_score:.2f}/{row.max_score:g}, "
                         f"{row.share_correct:.0%} right ({row.trainees} trainees)")
    return "\n".join(lines)
