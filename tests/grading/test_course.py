"""The shipped exams in a real nbgrader course (conftest.py): released, autograded and exported; re-takes; the
committed release is what nbgrader makes of answers/; the workbook and the certificates."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from kit.cli import app
from kit.grading.build import build_notebook
from kit.grading.course import ANSWERS_DIR, COURSE_OPTIONS, EXERCISES_DIR, assignments, course_config
from kit.grading.exam import load_exam, questions
from kit.grading.gradebook import gradebook_frame

from .conftest import GENERAL

SHIPPED = ["discretion-01", "drafting-01", "exam-ecology", "exam-general", "exam-market"]
DOCS = Path(__file__).resolve().parents[2] / "docs" / "grading.md"


def _plain(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_shipped_exams():
    assert assignments() == SHIPPED


@pytest.mark.parametrize("name", SHIPPED)
def test_the_committed_source_is_built_from_the_exam(name):
    built = build_notebook(load_exam(ANSWERS_DIR / name / "exam.yaml"))
    committed = nbformat.read(ANSWERS_DIR / name / f"{name}.ipynb", as_version=4)
    assert [(c.cell_type, c.source, c.metadata) for c in committed.cells] == \
        [(c.cell_type, c.source, c.metadata) for c in built.cells], "run `kit grade build`"


def test_the_committed_release_is_what_nbgrader_generates(course):
    for name in SHIPPED:
        fresh = course / "release" / name / f"{name}.ipynb"
        committed = EXERCISES_DIR / name / f"{name}.ipynb"
        assert _plain(committed) == _plain(fresh), f"{committed} is stale: run `kit grade build`"
        assert sorted(p.name for p in (EXERCISES_DIR / name).iterdir()) == sorted(["exam.yaml", f"{name}.ipynb"])
        text = committed.read_text(encoding="utf-8")
        assert "BEGIN SOLUTION" not in text and "interact" not in text


@pytest.mark.parametrize("name", [n for n in SHIPPED if n != GENERAL])
def test_every_exam_autogrades_the_right_and_the_wrong(course, name):
    frame = gradebook_frame(course / "gradebook.db")
    totals = frame[frame.assignment == name].groupby("trainee")[["score", "max_score"]].sum()
    exam = load_exam(course / "source" / name / "exam.yaml")
    assert totals.loc["H01", "score"] == totals.loc["H01", "max_score"] > 0
    if exam.kind == "drafting":
        assert 0 < totals.loc["H02", "score"] < totals.loc["H02", "max_score"]  # the flawed draft
        assert totals.loc["H03", "score"] == 0                               # the draft that does not load
    else:
        assert totals.loc["H02", "score"] < exam.pass_mark * totals.loc["H02", "max_score"]


def test_nbgraders_own_export_and_due_date_work_on_the_same_gradebook(course):
    from kit.grading.course import nbgrader
    from nbgrader.api import Gradebook

    nbgrader(course, "export", "--to=nbgrader-grades.csv")
    text = (course / "nbgrader-grades.csv").read_text(encoding="utf-8")
    assert "exam-general" in text and "A-gradebook" in text and "H01" in text
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        assert gb.find_assignment("exam-market").duedate.year == 2027
        assert gb.find_assignment("exam-general").duedate is None


def test_a_retake_has_new_cases_and_records_its_attempt(course):
    first = json.loads((course / "autograded" / "H02" / GENERAL / f"{GENERAL}.kit.json").read_text())
    second = json.loads((course / "autograded" / "H02" / f"{GENERAL}-a2" / f"{GENERAL}-a2.kit.json").read_text())
    assert first["attempt"] == 1 and second["attempt"] == 2
    assert not {q["case_id"] for q in first["questions"]} & {q["case_id"] for q in second["questions"]}
    assert second["points"] == second["max_points"]
    feedback = (course / "feedback" / "H02" / GENERAL / f"{GENERAL}.html").read_text(encoding="utf-8")
    for q in second["questions"]:  # the feedback of attempt 1 never shows a case of attempt 2
        assert q["case_id"] not in feedback and q["narrative_zh"][:30] not in feedback


@pytest.fixture(scope="module")
def exported(course, tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    result = CliRunner().invoke(app, ["grade", "export", str(course), "--out", str(out / "grades.xlsx"),
                                      "--certificates", str(out / "certificates")])
    assert result.exit_code == 0, result.output
    return out, result.output


def test_the_workbook_is_formatted_and_complete(course, exported):
    out, printed = exported
    wb = load_workbook(out / "grades.xlsx")
    assert wb.sheetnames == ["学员成绩", "逐题明细", "题目分析"]
    for ws in wb:
        assert ws.freeze_panes == "A2" and ws.auto_filter.ref and ws.cell(row=1, column=1).font.bold
        assert all(ws.column_dimensions[c.column_letter].width >= 8 for c in ws[1])
    totals = wb["学员成绩"]
    head = [c.value for c in totals[1]]
    share = head.index("得分率") + 1
    assert totals.cell(row=2, column=share).number_format == "0%"
    rows = {(r[0], r[1]): r for r in totals.iter_rows(min_row=2, values_only=True)}
    flags = rows[("A-gradebook", GENERAL)][head.index("完整性标记")]
    assert "锁定单元格被改动（q2-outcome）" in flags and "答案单元格含有代码（answer-1）" in flags
    assert rows[("H01", GENERAL)][head.index("是否合格")] == "合格"
    assert rows[("A-empty", GENERAL)][head.index("是否合格")] == "不合格"
    detail = wb["逐题明细"]
    dhead = [c.value for c in detail[1]]
    assert dhead[:6] == ["学员", "考试（作业）", "作答次数", "题号", "题库", "案例编号（变体）"]
    lines = list(detail.iter_rows(min_row=2, values_only=True))
    exam = load_exam(course / "source" / GENERAL / "exam.yaml")
    assert len([r for r in lines if r[1] == GENERAL]) == 12 * exam.size  # every trainee × question
    assert {r[2] for r in lines if r[1] == f"{GENERAL}-a2"} == {2}
    items = wb["题目分析"]
    assert items._charts and [c.value for c in items[1]][:5] == ["考试（作业）", "题库", "正确结论", "作答人次", "全对率"]
    assert "H01 exam-general（第1次）" in printed


def test_one_certificate_per_pass(course, exported):
    out, _ = exported
    names = sorted(p.name for p in (out / "certificates").iterdir())
    assert "exam-general-H01.html" in names and "exam-general-A-empty.html" not in names
    html = (out / "certificates" / "exam-general-H01.html").read_text(encoding="utf-8")
    exam = load_exam(course / "source" / GENERAL / "exam.yaml")
    full = (exam.points.outcome + exam.points.fine) * exam.size
    assert "合格证书" in html and "H01" in html and f"{full:g}/{full:g}" in html and "100%" in html
    for q in questions(exam, "H01"):
        assert q.scenario("H01").decision.case_id in html


def test_english_on_request(course, tmp_path):
    result = CliRunner().invoke(app, ["grade", "export", str(course), "--out", str(tmp_path / "en.xlsx"),
                                      "--lang", "en"])
    assert result.exit_code == 0 and "passed" in result.output
    assert load_workbook(tmp_path / "en.xlsx").sheetnames == ["Trainees", "Questions", "Item analysis"]
    bad = CliRunner().invoke(app, ["grade", "export", str(course), "--out", str(tmp_path / "x.xlsx"), "--lang", "fr"])
    assert bad.exit_code == 2 and "fr" in bad.output


def test_cli_errors_are_messages(tmp_path):
    result = CliRunner().invoke(app, ["grade", "export", str(tmp_path), "--out", str(tmp_path / "x.xlsx")])
    assert result.exit_code == 1 and "不是课程目录" in result.output and "Traceback" not in result.output
    result = CliRunner().invoke(app, ["grade", "course", str(tmp_path / "c"), "-a", "no-such-exam"])
    assert result.exit_code == 1 and "no-such-exam" in result.output


def test_course_config_and_every_option_documented():
    text = course_config()
    assert "c.Autograde.autograde_preprocessors = AUTOGRADE" in text and "Execute" not in text.split("AUTOGRADE")[0]
    assert "c.Execute.timeout = 5" in course_config(Execute_timeout=5)
    with pytest.raises(TypeError, match="unknown course options"):
        course_config(Execute_timout=5)
    from kit.grading import Answer, Weights
    from kit.grading.exam import Exam, Pool
    from kit.grading.gradebook import COLUMNS
    from kit.grading.report import DETAIL, ITEMS, TOTALS
    docs = DOCS.read_text(encoding="utf-8")
    names = [*COURSE_OPTIONS, *Answer.model_fields, *Weights.model_fields, *COLUMNS, *Exam.model_fields,
             *Pool.model_fields, *DETAIL, *TOTALS, *ITEMS]
    assert not [n for n in names if f"`{n}`" not in docs], "undocumented in docs/grading.md"
