"""Gradebook export and summary, and ``kit grade export``, on the gradebook of the real nbgrader run."""

from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

import kit.cli.grading  # noqa: F401  registers `kit grade` (until kit/cli/__init__.py imports it)
from kit.cli import app
from kit.grading.gradebook import (COLUMNS, SHEETS, db_url, export, gradebook_frame, question_summary,
                                   summary_text, trainee_totals)

from .conftest import ASSIGNMENT, CASES, COPIER, RIGHT, WRONG


@pytest.fixture(scope="module")
def frame(graded_course):
    return gradebook_frame(graded_course / "gradebook.db")


def test_one_row_per_trainee_and_question(frame):
    assert list(frame.columns) == COLUMNS
    assert len(frame) == 3 * 2 * len(CASES)
    assert set(frame.trainee) == {RIGHT, WRONG, COPIER} and set(frame.assignment) == {ASSIGNMENT}
    assert set(frame.part) == {"outcome", "fine"} and set(frame.case) == {f"case-{n}" for n in (1, 2, 3)}
    assert (frame.max_score == 1.0).all() and not frame.needs_manual_grade.any()
    assert frame.correct.sum() == 6 + 1


def test_summary(frame):
    q = question_summary(frame).set_index("question")
    assert q.loc["case-1-outcome", "share_correct"] == pytest.approx(2 / 3)  # T01, and T02 (right level)
    assert q.loc["case-2-fine", "mean_score"] == pytest.approx(1 / 3) and (q.trainees == 3).all()
    t = trainee_totals(frame).set_index("trainee")
    assert t.loc[RIGHT, "score"] == 6 and t.loc[COPIER, "questions_correct"] == 0
    assert "case-1-outcome: 平均 0.67/1，正确率 67%（3 人）" in summary_text(frame)
    assert "67% right (3 trainees)" in summary_text(frame, "en")


def test_export_csv_and_xlsx(frame, tmp_path):
    csv = export(frame, tmp_path / "grades.csv")
    assert csv.read_bytes().startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads UTF-8
    assert pd.read_csv(csv, encoding="utf-8-sig").shape == frame.shape
    xlsx = export(frame, tmp_path / "grades.xlsx")
    sheets = pd.read_excel(xlsx, sheet_name=None)
    assert list(sheets) == list(SHEETS.values())
    assert sheets[SHEETS["grades"]].shape == frame.shape and len(sheets[SHEETS["trainees"]]) == 3
    with pytest.raises(ValueError, match="expected .csv or .xlsx"):
        export(frame, tmp_path / "grades.json")


def test_db_given_as_path_or_url(graded_course, tmp_path):
    assert db_url(graded_course / "gradebook.db").startswith("sqlite:////")
    assert db_url("sqlite:///x.db") == "sqlite:///x.db"
    with pytest.raises(FileNotFoundError, match="no gradebook"):
        db_url(tmp_path / "missing.db")
    (tmp_path / "not.db").write_bytes(b"")
    with pytest.raises(ValueError, match="not an nbgrader gradebook"):
        gradebook_frame(tmp_path / "not.db")


def test_cli_export(graded_course, tmp_path):
    runner = CliRunner()
    out = tmp_path / "grades.xlsx"
    result = runner.invoke(app, ["grade", "export", "--db", str(graded_course / "gradebook.db"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.exists() and "正确率" in result.output and "共 18 行" in result.output
    bad = runner.invoke(app, ["grade", "export", "--db", str(tmp_path / "missing.db"), "--out", str(out)])
    assert bad.exit_code == 1 and "no gradebook" in bad.output and "Traceback" not in bad.output


def test_cli_course(tmp_path):
    result = CliRunner().invoke(app, ["grade", "course", str(tmp_path / "course")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "course" / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").exists()
    assert "c.Execute.timeout" in (tmp_path / "course" / "nbgrader_config.py").read_text()
    missing = CliRunner().invoke(app, ["grade", "course", str(tmp_path / "c2"), "-a", "nope"])
    assert missing.exit_code == 1 and "no assignment folder nope" in missing.output
