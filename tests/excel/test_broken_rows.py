"""A workbook with five different broken rows: all five reported with sheet, row and column; nothing written."""

from __future__ import annotations

from openpyxl import Workbook

from kit.baselines.models import RangeFine
from kit.cli.excel import import_xlsx
from kit.excel.importer import ImportOptions, import_to_folder
from kit.i18n import say

import datetime as dt

OPTIONS = ImportOptions(authority="demo", authority_name="示例局", sector="生态环境",
                        effective_from=dt.date(2025, 1, 1))
HEADER = ["序号", "违法行为", "法律依据", "类别", "裁量阶次", "裁量情节", "裁量标准", "备注"]
ROWS = [
    ["1", "行为一", "某法第一条：处一万元以上五万元以下的罚款", 1, "", "情节一", "处一万元以上二万元以下罚款", ""],
    ["2", "行为二", "某法第二条", 1, "", "情节二", "处以处三万元以上六万元以下的罚款", ""],          # typo 处以处
    ["3", "行为三", "某法第三条", "一档", "", "情节三", "处一万元罚款", ""],                            # 类别 not a number
    ["4", "行为四", "某法第四条", 1, "", "", "处一万元罚款", ""],                                       # 裁量情节 empty
    ["5", "行为五", "某法第五条", 1, "很重", "情节五", "处一万元罚款", ""],                             # unknown 阶次
    ["6", "行为六", "某法第六条", 1, "", "情节六", "处二十万元以上七十万元以下罚款（每增加1个超标因子增加五万元）", ""],
]
EXPECTED = {(4, "G"), (5, "D"), (6, "F"), (7, "E"), (8, "G")}


def _workbook(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "某法"
    ws.append(["一、《某法》"])
    ws.append(HEADER)
    for row in ROWS:
        ws.append(row)
    wb.save(path)
    return path


def test_five_broken_rows_all_reported_nothing_written(tmp_path):
    path = _workbook(tmp_path / "broken.xlsx")
    out = tmp_path / "out"
    result = import_to_folder(path, out, OPTIONS)
    assert not out.exists()
    got = {(e.line, e.path.split("!")[1][0]) for e in result.errors}
    assert got == EXPECTED, [str(e) for e in result.errors]
    assert all(e.path.startswith("某法!") and e.column for e in result.errors)
    assert result.rows_ok == 1


def test_partial_writes_the_good_row_and_lists_the_others(tmp_path):
    from kit.baselines import load_library

    path = _workbook(tmp_path / "broken.xlsx")
    out = tmp_path / "out"
    result = import_to_folder(path, out, OPTIONS, partial=True)
    assert len(result.errors) == 5
    assert list(load_library(out).baselines) == ["demo-1"]


def test_cli_function_reports_on_stderr_and_exits_1(tmp_path, capsys):
    path = _workbook(tmp_path / "broken.xlsx")
    code = import_xlsx(path, out=tmp_path / "out", options=OPTIONS, lang="en")
    err = capsys.readouterr().err
    assert code == 1
    assert "某法!G4 (裁量标准)" in err and "处以处" in err and "nothing written" in err
    import_xlsx(path, out=tmp_path / "out", options=OPTIONS)  # the default language: Chinese
    zh = capsys.readouterr().err
    assert "某法!G4 (裁量标准)" in zh and "“处”写了两次" in zh and "未写入" in zh and "nothing" not in zh
    assert "Traceback" not in err


def test_unreadable_workbook_is_a_located_problem(tmp_path):
    bad = tmp_path / "x.xlsx"
    bad.write_text("not a workbook")
    result = import_to_folder(bad, tmp_path / "out", OPTIONS)
    assert result.errors and "cannot read" in say(result.errors[0].problem, "en")


TIERED = [  # one item: 类别 2 has a row without 裁量情节, 类别 3 gives two 裁量标准; then 逾期 and individuals
    ["1", "行为一", "某法第一条：处一万元以上十万元以下的罚款", 1, "", "情节轻微的", "处一万元以上二万元以下罚款", ""],
    ["", "", "", 2, "", "情节较重的", "处二万元以上五万元以下罚款", ""],
    ["", "", "", 2, "", "", "处二万元以上五万元以下罚款", ""],                                    # 裁量情节 empty
    ["", "", "", 3, "", "情节严重的", "处五万元以上八万元以下罚款", ""],
    ["", "", "", 3, "", "造成严重后果的", "处八万元以上十万元以下罚款", ""],                      # 类别 3 twice
    ["", "", "", 4, "", "情节特别严重的", "处十万元罚款", ""],
    ["", "", "逾期不改正的，处十万元以上二十万元以下罚款", 1, "", "逾期不改正的", "处十万元以上二十万元以下罚款", ""],
    ["", "", "对直接负责的主管人员和其他责任人员，处一万元以上五万元以下罚款", 1, "", "情节轻微的",
     "处一万元以上二万元以下罚款", ""],
    ["", "", "对直接负责的主管人员和其他责任人员，处一万元以上五万元以下罚款", 2, "", "情节严重的",
     "对责任人员处二万元以上五万元以下罚款", ""],
]


def _tiered_workbook(path, rows=TIERED):
    wb = Workbook()
    ws = wb.active
    ws.title = "某法"
    ws.append(["一、《某法》"])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_partial_writes_the_good_tiers_of_an_item(tmp_path):
    from kit.baselines import load_library

    path = _tiered_workbook(tmp_path / "tiered.xlsx")
    result = import_to_folder(path, tmp_path / "strict", OPTIONS)
    assert result.errors and not (tmp_path / "strict").exists()
    result = import_to_folder(path, tmp_path / "out", OPTIONS, partial=True)
    tiers = load_library(tmp_path / "out").baselines["demo-1"].tiers
    assert [(t.block, t.no) for t in tiers] == [("main", 1), ("main", 4), ("overdue", 1), ("individual", 1),
                                                ("individual", 2)]
    assert [t.level.value for t in tiers] == ["lenient", "aggravated", "standard", "lenient", "aggravated"]
    assert tiers[3].individual_fine == RangeFine(min=10000, max=20000) and tiers[3].fine is None
    assert tiers[4].individual_fine == RangeFine(min=20000, max=50000)
    assert result.rows_ok == 5 and result.items_ok == 1
    problems = {e.line: say(e.problem, "en") for e in result.errors}
    assert set(problems) == {4, 5, 6, 7}  # every row of 类别 2 and 类别 3, none of the others
    assert problems[5] == '"裁量情节" empty' and problems[4] == "not imported: 类别 2 of item 1 has a problem at row 5"
    assert '类别 3 given twice with different "裁量标准" (rows 6 and 7)' in problems[7]
    assert problems[6] == "not imported: 类别 3 of item 1 has a problem at row 7"
    assert {(e.line, e.path.split("!")[1][0]) for e in result.errors} == {(4, "G"), (5, "F"), (6, "G"), (7, "G")}


def test_a_further_block_that_is_neither_overdue_nor_individuals_is_reported(tmp_path):
    rows = [r[:] for r in TIERED[:2]] + [["", "", "某法第一条第二款：处五万元以上十万元以下罚款", 1, "", "情节其他的",
                                          "处五万元以上十万元以下罚款", ""]]
    result = import_to_folder(_tiered_workbook(tmp_path / "t.xlsx", rows), tmp_path / "out", OPTIONS, partial=True)
    assert [(e.line, e.path.split("!")[1][0]) for e in result.errors] == [(5, "D")]
    assert "neither 逾期不改正 nor the fines on individuals" in say(result.errors[0].problem, "en")


def test_individual_block_tier_with_a_unit_penalty_is_reported(tmp_path):
    rows = [r[:] for r in TIERED[:1]] + [["", "", "对直接负责的主管人员和其他责任人员，处一万元以上五万元以下罚款", 1, "",
                                          "情节轻微的", "责令改正，处一万元以上二万元以下罚款", ""]]
    result = import_to_folder(_tiered_workbook(tmp_path / "t.xlsx", rows), tmp_path / "out", OPTIONS, partial=True)
    assert [e.line for e in result.errors] == [4]
    assert "block of fines on individuals" in say(result.errors[0].problem, "en")
    assert result.rows_ok == 1 and result.rows_parsed == 1
