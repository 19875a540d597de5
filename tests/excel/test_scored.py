"""Scored tables (裁量百分值) as agencies publish them: the constructed example (docs/templates/scored-example.xlsx)
imports into tests/fixtures/scored (checked current), each shape is read as printed, and bad blocks and cases
are refused with the place and the problem. The fines themselves are the expert cases of
tests/cases/scored-tables.yaml, worked out by hand."""

from __future__ import annotations

import datetime as dt
import filecmp
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from kit.baselines import load_library
from kit.engine import Case, CaseError, evaluate
from kit.engine.scored import ScoredInputError
from kit.excel.importer import ImportOptions, import_to_folder, import_workbook
from kit.excel.scored import read_formula, weight
from kit.excel.scored_template import SCORED_EXAMPLE, write

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "scored"


def test_example_workbook_and_fixture_are_current(tmp_path):
    """The committed example is what scored_template writes, and tests/fixtures/scored is its import."""
    fresh = write(tmp_path / "scored.xlsx")
    from openpyxl import load_workbook

    a, b = load_workbook(fresh), load_workbook(SCORED_EXAMPLE)
    assert a.sheetnames == b.sheetnames == ["基本信息", "裁量百分值"]
    for name in a.sheetnames:
        assert [[c.value for c in r] for r in a[name].iter_rows()] == [[c.value for c in r] for r in b[name].iter_rows()]
        assert sorted(map(str, a[name].merged_cells.ranges)) == sorted(map(str, b[name].merged_cells.ranges))
    out = tmp_path / "lib"
    result = import_to_folder(SCORED_EXAMPLE, out)
    assert not result.errors and result.rows_ok == result.rows_total == 28
    files = sorted(p.relative_to(out) for p in out.rglob("*.yaml"))
    assert files == sorted(p.relative_to(FIXTURE) for p in FIXTURE.rglob("*.yaml"))
    assert all(filecmp.cmp(out / p, FIXTURE / p, shallow=False) for p in files), \
        "regenerate both: python -m kit.excel.scored_template"


def test_each_shape_read_as_printed():
    lib = load_library(FIXTURE)
    s1 = lib.baselines["demo-sthj-scored-1"].rules.scoring
    assert (s1.start, s1.floor, s1.ceiling) == (30, 20, 100)
    assert [(g.text, list(g.options.values())) for g in s1.groups] == [("违法次数", [0, 15, 30]),
                                                                       ("整改情况", [-10, 10])]
    assert sorted(s1.weights.values()) == [-5, 15, 20]  # 可多选 rows and a single row: plain weights
    assert [(f.times, f.applies) for f in s1.formulas] == [("statutory_max", "always")]
    s2 = lib.baselines["demo-sthj-scored-2"].rules.scoring.formulas[0]
    assert (s2.times, s2.base, s2.rate) == ("base", "investment", 0.05)
    s3 = lib.baselines["demo-sthj-scored-3"].rules.scoring.formulas[0]
    assert (s3.base, s3.rate, s3.base_floor) == ("disposal_cost", 3, 200000)
    s4 = lib.baselines["demo-sthj-scored-4"].rules.scoring.formulas
    assert [(f.applies, f.amount) for f in s4] == [("in_time", 20000), ("overdue", 200000)]
    s5 = lib.baselines["demo-sthj-scored-5"].rules.scoring.formulas
    assert [(f.applies, f.amount) for f in s5] == [("organisation", 500000), ("person", 50000)]
    assert lib.factors["demo-sthj-scored-1.g1.o2"].zh == "违法次数：两次"
    assert all(b.disclaimer for b in lib.baselines.values())


def test_trace_shows_the_printed_weights_and_formula():
    lib = load_library(FIXTURE)
    case = Case.model_validate({"id": "t", "matter": "demo-sthj-scored-3", "authority": "demo-sthj",
                                "dates": {"act_start": "2025-03-01"}, "facts": {"disposal_cost": 150000},
                                "factors": ["demo-sthj-scored-3.g1.o2"]})
    d = evaluate(lib, case)
    zh = "\n".join(s.text("zh") for s in d.trace)
    assert "起始值50%+20%（废物类别：危险废物） = 70%" in zh
    assert "罚款=裁量百分值×所需处置费用×3倍" in zh and "150,000元不足200,000元，按200,000元计算" in zh
    assert "× 3倍 = 420,000元" in zh
    assert all(s.text("en") for s in d.trace)


@pytest.mark.parametrize("factors, found", [([], "found none"),
                                            (["demo-sthj-scored-1.g1.o1", "demo-sthj-scored-1.g1.o2"], "o2")])
def test_exclusive_options_need_exactly_one(factors, found):
    lib = load_library(FIXTURE)
    case = Case.model_validate({"id": "t", "matter": "demo-sthj-scored-1", "authority": "demo-sthj",
                                "dates": {"act_start": "2025-03-01"},
                                "factors": factors + ["demo-sthj-scored-1.g2.o1"]})
    with pytest.raises(ScoredInputError) as err:
        evaluate(lib, case)
    english = err.value.report("en")
    assert "违法次数" in english and found in english and ": factors: " in english and "exactly one" in english
    assert "须且只能选择一项" in err.value.message("zh") and err.value.message("zh") == str(err.value)


def test_missing_base_fact_is_named_not_read_as_zero(tmp_path):
    lib = load_library(FIXTURE)
    case = Case.model_validate({"id": "t", "matter": "demo-sthj-scored-2", "authority": "demo-sthj",
                                "dates": {"act_start": "2025-03-01"}, "factors": ["demo-sthj-scored-2.g1.o1"]})
    with pytest.raises(CaseError, match=r"facts\.investment"):  # the engine's refusal (ScoredInputError is one)
        evaluate(lib, case)
    f = tmp_path / "case.yaml"
    f.write_text("id: t\nmatter: demo-sthj-scored-2\nauthority: demo-sthj\ndates: {act_start: 2025-03-01}\n"
                 "factors: [demo-sthj-scored-2.g1.o1]\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "kit", "evaluate", str(f), "--library", str(FIXTURE)],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 1 and "facts.investment" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.parametrize("text, formulas, bounds", [
    ("罚款=裁量百分值×法定最高额", [("always", "statutory_max", None)], {}),
    ("罚款金额＝裁量百分值×法定最高罚款数额；裁量百分值不足20%的按20%计算", [("always", "statutory_max", None)],
     {"floor": 20}),
    ("罚款=裁量百分值×总投资额×5%", [("always", "base", 0.05)], {}),
    ("对单位，罚款=裁量百分值×50万元；对个人，罚款=裁量百分值×5万元",
     [("organisation", "amount", None), ("person", "amount", None)], {}),
])
def test_formula_words(text, formulas, bounds):
    got, b = read_formula(text)
    assert [(f["applies"], f["times"], f.get("rate")) for f in got] == formulas and b == bounds


@pytest.mark.parametrize("text", ["罚款=裁量百分值×违法所得的二倍加一万元", "罚款=百分值", "不足20%的按30%计算",
                                  "罚款=裁量百分值×法定最高额；货值金额不足一万元的按一万元计算"])
def test_formula_not_understood_is_refused(text):
    with pytest.raises(ValueError):
        read_formula(text)


def test_weights():
    assert [weight(t) for t in ("30%", "+10%", "-5%", "－5％", "0")] == [30, 10, -5, -5, 0]
    with pytest.raises(ValueError):
        weight("十分")


def test_bad_block_lists_every_problem_and_writes_nothing(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "裁量百分值"
    ws.append(["违法行为", "裁量要素", "违法程度", "裁量权重"])
    ws.append(["示例违法", "裁量起点", "", "三成"])
    ws.append(["示例违法", "违法次数", "一次", "10%"])
    ws.append(["示例违法", "违法次数", "两次", "多"])
    ws.append(["示例违法", "备注", "罚款=裁量百分值乘以某数", ""])
    path = tmp_path / "bad.xlsx"
    wb.save(path)
    options = ImportOptions(authority="x", sector="生态环境", effective_from=dt.date(2025, 1, 1))
    result = import_to_folder(path, tmp_path / "out", options)
    places = sorted(e.path.split(" ")[0] for e in result.errors)
    assert places == ["裁量百分值!C5", "裁量百分值!D2", "裁量百分值!D4"], places
    assert all(e.line and e.column and e.found for e in result.errors)
    assert not (tmp_path / "out").exists()
    assert import_workbook(path, options).rows_ok == 0
