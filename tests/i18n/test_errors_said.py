"""Errors that were English literals or lost their reason, now said in the reader's language (kit/i18n/errors.py,
kit/i18n/messages/errors.yaml): the CLI's Excel commands, the rubric file, a level, the law's factor roles, the
grading helpers. Each in Chinese and in English, with the place and the reason."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from typer.testing import CliRunner

import kit.cli  # noqa: F401  registers every command
from kit.baselines import SAMPLE_LIBRARY
from kit.cli import app
from kit.i18n.errors import said
from kit.i18n.validation import problems


def _run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.mark.parametrize("lang, sentence", [("en", "the output must be an .xlsx file"), ("zh", "输出文件须为 .xlsx 工作簿")])
def test_export_to_a_file_that_is_not_a_workbook_says_so_and_exits_1(tmp_path, lang, sentence):
    out = tmp_path / "x.txt"
    result = _run("export-xlsx", SAMPLE_LIBRARY, "--out", out, "--lang", lang)
    assert result.exit_code == 1
    assert result.output.strip() == f"{out}{':' if lang == 'en' else '：'} {sentence}".replace("： ", "：")
    assert not out.exists() and "Traceback" not in result.output


@pytest.mark.parametrize("lang, words", [("en", "written"), ("zh", "已写入")])
def test_export_says_what_it_wrote_in_the_language_asked(tmp_path, lang, words):
    out = tmp_path / "lib.xlsx"
    result = _run("export-xlsx", SAMPLE_LIBRARY, "--out", out, "--lang", lang)
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"{words} {out}") and out.is_file()
    assert ("baselines" in result.output) == (lang == "en") and ("条裁量基准" in result.output) == (lang == "zh")


@pytest.mark.parametrize("lang, line", [
    ("zh", "--effective-from：应为 YYYY-MM-DD 格式的日期；实为 '2024-13-01'"),
    ("en", "--effective-from: expected a date YYYY-MM-DD; found '2024-13-01'")])
def test_import_with_an_impossible_effective_date(tmp_path, lang, line):
    result = _run("import-xlsx", tmp_path / "none.xlsx", "--out", tmp_path / "out", "--effective-from", "2024-13-01",
                  "--lang", lang)
    assert result.exit_code == 1 and result.output.strip() == line
    assert not (tmp_path / "out").exists()


RUBRIC_WITHOUT_POINTS = "start: 50\nrules:\n  - {kind: a, severity: gate}\n  - {kind: b, severity: deduction}\n"


@pytest.mark.parametrize("lang, line", [
    ("zh", "rubric.yaml: rules.1：值不对——应为扣分项写明扣分（points），否决项不写扣分（否决项使该卷宗直接不合格）"),
    ("en", "rubric.yaml: rules.1: wrong value — expected points on a deduction and none on a gate item "
           "(a gate fails the file)")])
def test_a_rubric_deduction_without_points_names_the_rule_and_the_reason(lang, line):
    from kit.audit.rubric import RubricError, read_rubric

    with pytest.raises(RubricError) as err:
        read_rubric(RUBRIC_WITHOUT_POINTS)
    assert said(err.value, lang).splitlines()[0] == line
    assert str(err.value) == said(err.value, "zh")  # a developer's traceback: the default language


def test_a_rubric_whose_only_rule_is_wrong_gets_one_problem_not_also_too_few_rules():
    from kit.audit.rubric import RubricError, read_rubric

    with pytest.raises(RubricError) as err:
        read_rubric("start: 50\nrules:\n  - {kind: b, severity: deduction}\n", "r.yaml")
    assert said(err.value, "en").splitlines() == [
        "r.yaml: rules.0: wrong value — expected points on a deduction and none on a gate item (a gate fails the file)"]
    with pytest.raises(RubricError) as err:  # no rule at all: that is the mistake, said once
        read_rubric("start: 50\nrules: []\n", "r.yaml")
    assert said(err.value, "en").splitlines() == ["r.yaml: rules: wrong value — expected 1 or more entries"]


def test_a_kind_listed_twice_is_named_in_both_languages():
    from kit.audit.rubric import RubricError, read_rubric

    with pytest.raises(RubricError) as err:
        read_rubric("start: 50\nrules:\n  - {kind: a, severity: gate}\n  - {kind: a, severity: gate}\n", "r.yaml")
    assert said(err.value, "en") == "r.yaml: wrong value — expected each kind listed once (listed twice: a)"
    assert said(err.value, "zh") == "r.yaml：值不对——应为每类问题只列一次（重复：a）"


def test_an_answer_with_an_unknown_level_keeps_its_reason_through_pydantic():
    from kit.grading import Answer

    with pytest.raises(ValidationError) as err:
        Answer(case_id="c1", level="很重")
    (problem,) = problems(err.value)
    assert problem.text("answer").render("en") == ("answer: level: wrong value — expected one of 不予, 减轻, 从轻, 一般, "
                                                    "从重 (or no_penalty, mitigated, lenient, standard, aggravated) or "
                                                    "移送 / transfer, not '很重'")
    assert problem.text("answer").render("zh").startswith("answer: level：值不对——应为不予、减轻、从轻、一般、从重之一")
    with pytest.raises(ValidationError) as err:
        Answer(case_id="c1", level=3)
    assert problems(err.value)[0].message.render("en").endswith("(不予, 减轻, 从轻, 一般, 从重 or 移送 / transfer), not 3")


def test_a_level_that_is_not_one_is_a_value_error_in_both_languages():
    from kit.baselines.vocabulary import Level

    with pytest.raises(ValueError) as err:
        Level.parse("重罚")
    assert said(err.value, "en").startswith("one of 不予") and said(err.value, "en").endswith("not '重罚'")
    assert said(err.value, "zh").endswith("而不是 '重罚'")


def test_every_malformed_law_factor_role_in_one_report():
    from kit.baselines.law_factors import parse

    with pytest.raises(ValueError) as err:
        parse({"factors": {"minor": "x", "bogus": "y"}, "facts": {}}, "lf.yaml")
    en, zh = said(err.value, "en").splitlines(), said(err.value, "zh").splitlines()
    assert "lf.yaml: factors.minor: expected a list of ids; found 'x'" in en
    assert "lf.yaml：factors.minor：应为编号列表；实为 'x'" in zh
    assert any(line.startswith("lf.yaml: factors.bogus: unknown role; expected one of suspected_crime") for line in en)
    assert len(en) == len(zh) == 12  # 11 roles missing or malformed, 1 unknown


def test_a_trainee_without_an_id_is_told_in_both_languages(monkeypatch):
    from kit.grading import variant
    from kit.grading.exercise import trainee_id

    for name in ("KIT_TRAINEE_ID", "JUPYTERHUB_USER"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(ValueError) as err:
        trainee_id("  ")
    assert str(err.value) == "请先在 TRAINEE_ID 中填写你的学号（或工号） / set TRAINEE_ID to your trainee id first"
    with pytest.raises(ValueError) as err:
        variant("any", " ")
    assert said(err.value, "en") == "the trainee id is empty: each trainee needs an id of their own (学号 or 工号)"
    assert said(err.value, "zh") == "学员编号为空：每位学员须有自己的编号（学号或工号）"


@pytest.mark.parametrize("lang, words", [("en", "no gradebook at"), ("zh", "没有评分簿")])
def test_grade_export_without_a_gradebook_speaks_the_language_asked(tmp_path, lang, words):
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\n", encoding="utf-8")
    result = _run("grade", "export", tmp_path, "--out", tmp_path / "grades.xlsx", "--lang", lang)
    assert result.exit_code == 1, result.output
    assert words in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("lang, words", [("en", "no exam folder no-such-exam in "), ("zh", "中没有考试文件夹 no-such-exam；现有：")])
def test_a_course_of_an_exam_that_is_not_there_names_it_in_the_language_asked(tmp_path, lang, words):
    result = _run("grade", "course", tmp_path / "course", "--assignment", "no-such-exam", "--lang", lang)
    assert result.exit_code == 1 and words in result.output and "Traceback" not in result.output
    assert not (tmp_path / "course").exists()  # nothing written


@pytest.mark.parametrize("lang, line", [
    ("en", "kit validate: give one or more library folders or files, or --sample"),
    ("zh", "kit validate：请给出一个或多个基准库文件夹或文件，或 --sample")])
def test_validate_without_a_library_says_so_in_the_language_asked(lang, line):
    result = _run("validate", "--lang", lang)
    assert result.exit_code == 1 and result.output.strip() == line


@pytest.mark.parametrize("lang, last, label", [("en", "1 template(s) checked; every declared outcome reachable", "standard"),
                                               ("zh", "已检查 1 个模板；声明的处理结果均可得到", "一般处罚")])
def test_scenario_check_reports_in_the_language_asked(lang, last, label):
    from kit.scenarios import TEMPLATES_DIR

    result = _run("scenario", "check", TEMPLATES_DIR / "highway-overweight.yaml", "--draws", "20", "--lang", lang)
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[-1] == last and label in lines[0]


def test_a_scored_tables_floor_on_an_unused_base_is_its_own_problem_in_both_languages():
    from kit.excel.scored import _formula_problem, read_formula

    with pytest.raises(ValueError) as err:
        read_formula("所需处置费用不足二十万元的按二十万元计算")
    assert _formula_problem(err.value).render("en") == "a floor on 所需处置费用, a base no formula uses"
    assert _formula_problem(err.value).render("zh") == "写了所需处置费用“不足…按…计算”，但没有计算公式用到该基数"
    with pytest.raises(ValueError) as err:
        read_formula("罚款=乱写")
    assert _formula_problem(err.value).render("en") == "formula not understood (at '罚款=乱写')"
