"""Read an nbgrader gradebook into tables: the scores per graded cell, and the comments (integrity flags).

``gradebook_frame(db)`` reads the gradebook read-only through nbgrader's own models (never ``Gradebook(...)``,
which writes a course row when it opens): one row per trainee × graded cell (question), with the score nbgrader
counts (the manual score when an assessor gave one, else the autograder's, plus any extra credit)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..i18n import msg
from ..i18n.validation import EnglishOnly, Refusal

COLUMNS = ["trainee", "assignment", "notebook", "question", "n", "part", "score", "max_score", "correct",
           "needs_manual_grade"]
"""The columns of ``gradebook_frame``: ``n``/``part`` split a kit grade id ``q1-outcome`` (else empty);
``correct`` is true when the score reaches the maximum."""

_QUESTION = re.compile(r"^q(?P<n>\d+)-(?P<part>[a-z_]+)$")


def db_url(db: str | Path) -> str:
    """A SQLAlchemy URL for ``db``: a URL as given, a path as ``sqlite:///PATH`` (which must exist)."""
    text = str(db)
    if "://" in text:
        return text
    path = Path(text)
    if not path.is_file():
        raise FileNotFoundError(msg("errors.no_gradebook", path=path))
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
                             "question": g.name, "n": int(match["n"]) if match else None,
                             "part": match["part"] if match else None, "score": score, "max_score": top,
                             "correct": top > 0 and score >= top, "needs_manual_grade": bool(g.needs_manual_grade)})
    except SQLAlchemyError as error:
        detail = EnglishOnly(f"{type(error).__name__}: {str(error).splitlines()[0]}")
        raise Refusal(msg("errors.not_gradebook", db=db, detail=detail)) from None
    finally:
        engine.dispose()
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.sort_values(["assignment", "notebook", "trainee", "question"], ignore_index=True)


def comments(db: str | Path) -> dict[tuple[str, str], list[str]]:
    """The autograder's comments per (trainee, assignment), line by line (the kit writes integrity flags there)."""
    from nbgrader.api import Comment
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    engine = create_engine(db_url(db))
    out: dict[tuple[str, str], list[str]] = {}
    try:
        with Session(engine) as session:
            for c in session.query(Comment).all():
                if c.auto_comment:
                    out.setdefault((c.student.id, c.assignment.name), []).extend(c.auto_comment.splitlines())
    finally:
        engine.dispose()
    return out
