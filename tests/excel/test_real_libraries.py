"""The real libraries shipped in kit/baselines/real/: current with their originals, their tiers decidable from
the facts and factors of a case (no ``tier:``), and 深圳's 234 rules imported from its published layout."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kit.baselines import REAL_LIBRARIES, load_library
from kit.baselines.decidable import decidability
from kit.engine.case import Case
from kit.engine.pipeline import evaluate
from kit.excel.importer import import_workbook
from kit.excel.real import ORIGINALS, SHENZHEN_CSV, TABLES, check_all, shenzhen_workbook
from kit.i18n import say

from .oracle import agrees

ROOT = Path(__file__).resolve().parents[2]
SHENZHEN_XLSX = ORIGINALS / "shenzhen-urban-management-discretion-2023.xlsx"


def test_shipped_real_libraries_are_current():
    assert check_all() == [], "regenerate with: python scripts/import-real-baselines.py"


def test_shenzhen_workbook_is_the_csv_laid_out():
    """The committed workbook is what ``shenzhen_workbook`` makes of the CSV (cells and merges)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "sz.xlsx"
        shenzhen_workbook(ORIGINALS / SHENZHEN_CSV, fresh)
        a, b = load_workbook(fresh), load_workbook(SHENZHEN_XLSX)
        assert a.sheetnames == b.sheetnames
        for name in a.sheetnames:
            assert [[c.value for c in r] for r in a[name].iter_rows()] == [[c.value for c in r]
                                                                           for r in b[name].iter_rows()]
            assert sorted(map(str, a[name].merged_cells.ranges)) == sorted(map(str, b[name].merged_cells.ranges))
    ws = b[b.sheetnames[0]]
    assert [c.value for c in ws[2]] == ["序号", "违法行为", "设定依据", "处罚种类及幅度", "裁量阶次", "适用条件", "处罚标准"]


@pytest.fixture(scope="module")
def shenzhen():
    return import_workbook(SHENZHEN_XLSX, next(t for t in TABLES if t.name == "shenzhen-urban").options)


def test_shenzhen_rules_imported_exactly(shenzhen):
    result = shenzhen
    assert result.rows_total == 234
    lib = load_library(REAL_LIBRARIES / "shenzhen-urban")
    exact = 0
    for (baseline, block, no), rows in result.written.items():
        tier = next(t for t in lib.baselines[baseline].tiers if (t.block, t.no) == (block, no))
        if tier.standard and (agrees(tier.standard, tier.fine, tier.individual_fine) or
                              (tier.fine is None and tier.individual_fine is None and "罚款" not in tier.standard)):
            exact += len(rows)
    print(f"\n{result.summary()}\n深圳: {exact} of 234 rules written to exact specs ({exact / 234:.1%})")
    assert exact / 234 >= 0.95
    # the one row left out is the source's own inconsistency (item 27: range 二千–五千元, lowest tier 一千元)
    assert [e.path.split(" ")[0] for e in result.errors] == ["深圳经济特区市容和环境卫生管理条例!G82"]
    assert "outside the statutory range" in say(result.errors[0].problem, "en") and result.errors[0].found == "1000"


def test_shenzhen_groups_citations_and_statutory_ranges():
    lib = load_library(REAL_LIBRARIES / "shenzhen-urban")
    p = lib.provisions["sz-cgj-1-basis"]
    assert p.citation == "《深圳经济特区市容和环境卫生管理条例》第十三条第二款"
    assert p.text.startswith("第十三条第二款：责任主体不履行")
    assert (p.fine.min, p.fine.max) == (2000, 20000)  # from 处罚种类及幅度
    groups = sorted(b for b in lib.baselines if b.startswith("sz-cgj-") and b.count("-") == 3)
    assert groups, "items with two or three statutory ranges are one baseline per range"
    b = lib.baselines["sz-cgj-1"]
    assert [(t.no, t.level.value, t.fine.amount) for t in b.tiers] == [(1, "lenient", 2000), (2, "standard", 10000),
                                                                       (3, "aggravated", 20000)]
    assert [[(c.fact, c.op, c.value) for c in a.all] for t in b.tiers for a in t.when] == [
        [("penalties_1y", "==", 1)], [("penalties_1y", "==", 2)], [("penalties_1y", ">=", 3)]]


@pytest.mark.parametrize("name, facts_and_factors", [("jiangmen-ecology", 0.80), ("shenzhen-urban", 1.0),
                                                    ("shanghai-fire", 1.0)])
def test_tiers_decidable_without_naming_a_tier(name, facts_and_factors):
    d = decidability(load_library(REAL_LIBRARIES / name))
    print(f"\n{name}: {d.total} tiers: {d.counts['facts']} from facts ({d.share('facts'):.1%}), "
          f"{d.counts['factors']} from factors ({d.share('factors'):.1%}), {d.counts['none']} not at all")
    assert d.decidable_share >= facts_and_factors
    assert len(d.undecidable) == d.counts["none"]


def test_shenzhen_history_count_selects_the_tier():
    lib = load_library(REAL_LIBRARIES / "shenzhen-urban")
    b = lib.baselines["sz-cgj-1"]
    dates = {"act_start": dt.date(2024, 3, 1), "decided": dt.date(2024, 4, 1)}
    fines = []
    for count in (1, 2, 3, 5):
        case = Case(id=f"n{count}", matter=b.matter, authority="sz-cgj", dates=dates, facts={"penalties_1y": count})
        d = evaluate(lib, case)
        fines.append((d.tier, d.suggested_fine))
    assert fines == [(1, 2000), (2, 10000), (3, 20000), (3, 20000)]


def test_jiangmen_threshold_and_factor_tiers():
    lib = load_library(REAL_LIBRARIES / "jiangmen-ecology")
    with_facts = [(b, t) for b in lib.baselines.values() for t in b.tiers
                  if any(c.fact == "violations_2y" for a in t.when for c in a.all)]
    assert len(with_facts) >= 30  # 两年内第1次 / 第2次 / 第3次 / 超过3次
    factors = [f for f in lib.factors.values() if f.direction.value == "circumstance"]
    b = lib.baselines["jm-sthjj-1-1"]
    alt = b.tiers[1].when[0]
    assert alt.factor in lib.factors and lib.factors[alt.factor].zh == alt.text == "报告表项目，主体工程已建设完成的"
    assert len(factors) > 300
    case = Case(id="c", matter=b.matter, authority="jm-sthjj", dates={"act_start": dt.date(2021, 5, 1)},
                facts={"investment": 1_000_000}, factors={alt.factor: True})
    d = evaluate(lib, case)
    assert d.tier == 2


def test_kit_list_real_library():
    out = subprocess.run([sys.executable, "-m", "kit", "list", "--library", "real/shenzhen-urban"],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert "sz-cgj-1 " in out.stdout and "深圳市城市管理和综合执法局" in out.stdout
    bad = subprocess.run([sys.executable, "-m", "kit", "list", "--library", "real/nope"], capture_output=True,
                         text=True, cwd=ROOT)
    assert bad.returncode == 1 and "real/nope" in bad.stderr and "Traceback" not in bad.stderr


def test_real_libraries_carry_document_numbers_and_no_illustrative_mark():
    for table in TABLES:
        lib = load_library(REAL_LIBRARIES / table.name)
        assert all(b.document == table.options.document and b.disclaimer is None for b in lib.baselines.values())
        assert all(m.disclaimer is None for m in lib.matters.values())
