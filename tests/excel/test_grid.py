"""Grids (issue 16 point 3): a table whose tiers are the cells of 违法程度 × 近二年同类违法行为情况 imports as one
tier per cell with conjunctive conditions, and the engine picks the cell from the facts."""

from __future__ import annotations

import datetime as dt

from openpyxl import Workbook

from kit.baselines import load_library
from kit.engine import Case, evaluate
from kit.excel.importer import ImportOptions, import_to_folder

OPTIONS = ImportOptions(authority="demo-hb", authority_name="示例市生态环境局", sector="生态环境",
                        effective_from=dt.date(2025, 1, 1), illustrative=True)
BASIS = "《示例大气污染防治条例》第二十条：超标排放大气污染物的，处十万元以上一百万元以下罚款。"


def _grid(path, rows, dimension="近二年同类违法行为情况", values=("首次", "第二次", "第三次及以上")):
    wb = Workbook()
    ws = wb.active
    ws.title = "超标排放"
    ws.append(["序号", "违法行为", "法律依据", "违法程度", dimension, "", ""])
    ws.merge_cells(start_row=1, end_row=1, start_column=5, end_column=7)
    ws.append(["", "", "", "", *values])
    for row in rows:
        ws.append(["1", "示例：超标排放大气污染物", BASIS, *row])
    wb.save(path)
    return path


ROWS = [("超标0.5倍以下", "处十万元以上二十万元以下罚款", "处二十万元以上三十万元以下罚款", "处三十万元以上四十万元以下罚款"),
        ("超标0.5倍以上1倍以下", "处二十万元以上三十万元以下罚款", "处三十万元以上五十万元以下罚款",
         "处五十万元以上七十万元以下罚款"),
        ("涉及饮用水水源保护区的", "处五十万元以上七十万元以下罚款", "处七十万元以上九十万元以下罚款",
         "处九十万元以上一百万元以下罚款")]


def test_cells_are_tiers_with_conjunctive_conditions(tmp_path):
    result = import_to_folder(_grid(tmp_path / "grid.xlsx", ROWS), tmp_path / "lib", OPTIONS)
    assert not result.errors, [str(e) for e in result.errors]
    lib = load_library(tmp_path / "lib")
    b = lib.baselines["demo-hb-1"]
    assert len(b.tiers) == 9
    t5 = b.tiers[4]
    assert t5.when[0].text == "超标0.5倍以上1倍以下；近二年同类违法行为情况：第二次"
    assert [(c.fact, c.op, c.value) for c in t5.when[0].all] == [
        ("excess_ratio", ">=", 0.5), ("excess_ratio", "<=", 1), ("violations_2y", "==", 2)]
    assert (t5.fine.min, t5.fine.max) == (300000, 500000)
    t9 = b.tiers[8]
    assert t9.when[0].factor and lib.factors[t9.when[0].factor].zh == "涉及饮用水水源保护区的"
    assert [(c.fact, c.op, c.value) for c in t9.when[0].all] == [("violations_2y", ">=", 3)]

    def fine(facts, factors=()):
        case = Case.model_validate({"id": "c", "matter": "demo-hb-1", "authority": "demo-hb",
                                    "dates": {"act_start": "2025-03-01"}, "facts": facts, "factors": list(factors)})
        d = evaluate(lib, case)
        return d.tier, (d.fine.lo, d.fine.hi)

    assert fine({"excess_ratio": 0.8, "violations_2y": 2}) == (5, (300000, 500000))
    assert fine({"excess_ratio": 0.3, "violations_2y": 1}) == (1, (100000, 200000))
    assert fine({"violations_2y": 3}, [t9.when[0].factor]) == (9, (900000, 1000000))


def test_a_bad_cell_is_located_and_the_grid_not_written(tmp_path):
    rows = [ROWS[0], ("超标0.5倍以上1倍以下", "处二十万元以上三十万元以下罚款", "处三十万元元罚款", "#VALUE!")]
    result = import_to_folder(_grid(tmp_path / "grid.xlsx", rows), tmp_path / "lib", OPTIONS)
    assert sorted(e.path.split(" ")[0] for e in result.errors) == ["超标排放!F4", "超标排放!G4"]
    assert not (tmp_path / "lib").exists()
