"""The importer on text as agencies publish it (issue 16, point 4): bare amounts, the unit on one bound,
per-unit fines, 含本数, the statutory fine after "：", 元元 typos, citations of the article with the text
kept, header synonyms chosen per sheet and reported, a header repeated inside the table, and a table in the
深圳 layout with unreadable cells: every problem listed, nothing written without --partial."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook

from kit.baselines import load_library
from kit.baselines.models import FixedFine, MaxOnlyFine, MultipleFine, PerUnitFine, RangeFine
from kit.excel.build import statutory_fine
from kit.cli.excel import import_xlsx
from kit.excel.conditions import read_condition
from kit.excel.importer import ImportOptions, import_to_folder
from kit.excel.phrases import PhraseError, parse_standard
from kit.i18n import say

from .oracle import agrees

R = RangeFine
FORMS = [
    # bare amounts in a 罚款 / 处罚标准 column
    ("1万元以上3万元以下", R(min=10000, max=30000)),
    ("5000元以下", MaxOnlyFine(max=5000)),
    ("二千元", FixedFine(amount=2000)),
    # the unit on one bound only
    ("处11000元以上13000以下罚款", R(min=11000, max=13000)),
    ("11000元以上13000以下", R(min=11000, max=13000)),
    ("处二十万以上三十万元以下罚款", R(min=200000, max=300000)),
    # per vehicle / per trip / per day / per square metre / per installation
    ("800元/车次", PerUnitFine(per="trips", unit=1, rate=800)),
    ("处每车次800元罚款", PerUnitFine(per="trips", unit=1, rate=800)),
    ("500元/辆", PerUnitFine(per="vehicles", unit=1, rate=500)),
    ("每日处一万元罚款", PerUnitFine(per="days", unit=1, rate=10000)),
    ("处每平方米一千元罚款", PerUnitFine(per="area_m2", unit=1, rate=1000)),
    ("每处违法设施处五千元罚款", PerUnitFine(per="facilities", unit=1, rate=5000)),
    # 含本数 annotations and a label before the fine
    ("处一万元以上三万元以下（含本数）罚款", R(min=10000, max=30000)),
    ("罚款：1万元以上3万元以下（含本数）", R(min=10000, max=30000)),
    ("处罚标准：处二千元罚款", FixedFine(amount=2000)),
    # a multiple written with a decimal numeral
    ("处赔偿额一点五倍的罚款", MultipleFine(base="compensation", min=1.5, max=1.5)),
]


@pytest.mark.parametrize("text, spec", FORMS, ids=[f[0] for f in FORMS])
def test_published_forms(text, spec):
    parsed = parse_standard(text)
    assert parsed.fine == spec
    assert [p.value for p in parsed.penalties] == ["fine"]
    assert agrees(text, parsed.fine, None)  # the independent reader sees the same numbers


@pytest.mark.parametrize("text, reason", [
    ("处一万元元罚款", "元元"),
    ("1万元元以上3万元以下", "not understood"),
    ("处一万元以上三万元以下罚款，有违法所得的", "not understood"),
])
def test_typos_reported_not_guessed(text, reason):
    with pytest.raises(PhraseError) as err:
        parse_standard(text)
    assert reason in err.value.reason.render("en")


def test_conditional_confiscation_and_unit_person_pair():
    p = parse_standard("对单位处十万元罚款，对个人处一百元罚款，有违法所得的没收违法所得。")
    assert p.fine == FixedFine(amount=100000) and p.individual_fine == FixedFine(amount=100)
    assert [x.value for x in p.penalties] == ["fine", "confiscation"]
    assert [x.value for x in parse_standard("处十万元罚款，牟取利益的没收违法所得").penalties] == ["fine",
                                                                                                "confiscation"]


def test_statutory_fine_after_the_colon():
    assert statutory_fine("第十三条第二款：责任主体不履行……逾期未改正的，处二千元以上二万元以下罚款。") == R(min=2000, max=20000)
    # 罚款：（一）…（二）…: several fines listed, none taken
    assert statutory_fine("有下列行为之一的，按照下列规定处以罚款：（一）…处一千元罚款；（二）…处五千元罚款") is None


@pytest.mark.parametrize("text, conds, words", [
    ("超标0.5倍以下", [("excess_ratio", "<=", 0.5)], False),
    ("面积3000平方米以上", [("area_m2", ">=", 3000)], False),
    ("二十吨以上", [("quantity_t", ">=", 20)], False),
    ("违法所得一万元以下", [("illegal_gains", "<=", 10000)], False),
    ("第二次被处罚的", [("penalties_1y", "==", 2)], False),
    ("第三次及以上被处罚的。", [("penalties_1y", ">=", 3)], False),
    ("两年内超过3次的", [("violations_2y", ">", 3)], False),
    ("排放量10吨以上20吨以下的", [("emission_t", ">=", 10), ("emission_t", "<=", 20)], False),
    ("以拖延等方式拒绝、阻挠现场检查的（10分钟以上30分钟以下）",
     [("delay_minutes", ">=", 10), ("delay_minutes", "<=", 30)], True),
    ("报告表项目，主体工程已建设完成的", [], True),
    ("第二次被处罚，或者随意丢弃生活垃圾的", [], True),  # 或: an alternative inside one text stays words
])
def test_condition_thresholds(text, conds, words):
    r = read_condition(text)
    assert [(c["fact"], c["op"], c["value"]) for c in r.all] == conds and r.words is words


SZ_HEADER = ["序号", "违法行为", "设定依据", "处罚种类及幅度", "裁量阶次", "适用条件", "处罚标准"]
BASIS = "第五条：违反本条例规定的，由主管部门责令改正，处一千元以上五千元以下罚款。"
OPTIONS = ImportOptions(authority="demo-cg", authority_name="示例市城市管理局", sector="城市管理",
                        effective_from=dt.date(2025, 1, 1), illustrative=True)


def _sz_workbook(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.title = "示例条例"
    ws.append(["《示例市容条例》"])
    ws.append(SZ_HEADER)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


GOOD = [["1", "乱堆乱放", BASIS, "处一千元以上五千元以下罚款", "情节较轻", "第一次被处罚的。", "处一千元罚款。"],
        ["1", "乱堆乱放", BASIS, "处一千元以上五千元以下罚款", "情节较重", "第二次被处罚的。", "处三千元罚款。"],
        SZ_HEADER,  # the header repeated (a page break of the source)
        ["1", "乱堆乱放", BASIS, "处一千元以上五千元以下罚款", "情节严重", "第三次及以上被处罚的。", "处五千元罚款。"]]


def test_shenzhen_layout_headers_reported_and_citation_of_the_article(tmp_path, capsys):
    path = _sz_workbook(tmp_path / "sz.xlsx", GOOD)
    assert import_xlsx(path, out=tmp_path / "lib", options=OPTIONS) == 0
    err = capsys.readouterr().err
    assert "示例条例：识别的表头 序号→序号、违法行为→违法行为、设定依据→处罚依据、处罚种类及幅度→处罚种类及幅度" in err
    assert "分档共3个：可由案件事实判定3个（100.0%）" in err
    lib = load_library(tmp_path / "lib")
    b = lib.baselines["demo-cg-1"]
    assert [t.no for t in b.tiers] == [1, 2, 3]  # the repeated header row is not a tier
    p = lib.provisions["demo-cg-1-basis"]
    assert p.citation == "《示例市容条例》第五条" and p.text == BASIS and p.fine == R(min=1000, max=5000)


def test_shenzhen_layout_report_in_english(tmp_path, capsys):
    path = _sz_workbook(tmp_path / "sz.xlsx", GOOD)
    assert import_xlsx(path, out=tmp_path / "lib", options=OPTIONS, lang="en") == 0
    err = capsys.readouterr().err
    assert "示例条例: headers recognised 序号→item number, 违法行为→violation, 设定依据→penalty provision" in err
    assert "3 tiers: 3 decidable from the facts (100.0%)" in err


BAD = [["1", "乱堆乱放", BASIS, "处一千元以上五千元以下罚款", "情节较轻", "第一次被处罚的。", "处一千元罚款。"],
       ["2", "乱贴乱画", BASIS, "处一千元以上五千元以下罚款", "情节较轻", "第一次被处罚的。", "#REF!"],
       ["3", "乱扔垃圾", BASIS, "处一千元以上五千元以下罚款", "情节特殊", "第一次被处罚的。", "处一千元罚款。"],
       ["4", "乱摆卖", BASIS, "处一千元以上五千元以下罚款", "情节较轻", "", "处一千元罚款。"],
       ["5", "乱晾晒", BASIS, "处一千元以上五千元以下罚款", "情节较轻", "第一次被处罚的。", "处一千元元罚款。"],
       ["6", "乱占道", BASIS, "处一千元以上五千元以下罚款", "情节较轻", "第一次被处罚的。", "处五百元罚款。"]]


def test_unreadable_cells_all_listed_and_nothing_written(tmp_path):
    path = _sz_workbook(tmp_path / "bad.xlsx", BAD)
    result = import_to_folder(path, tmp_path / "out", OPTIONS)
    cells = sorted({e.path.split(" ")[0] for e in result.errors})
    assert cells == ["示例条例!E5", "示例条例!F6", "示例条例!G4", "示例条例!G7", "示例条例!G8"], cells
    for e in result.errors:
        assert e.file.endswith("bad.xlsx") and e.line and e.column and e.found and e.found != "''"
    texts = {e.path.split(" ")[0]: e for e in result.errors}
    assert "#REF!" in texts["示例条例!G4"].found and "元元" in say(texts["示例条例!G7"].problem, "en")
    assert "情节特殊" in texts["示例条例!E5"].found
    assert "statutory range" in say(texts["示例条例!G8"].problem, "en")  # 五百元 below the statutory 一千元
    assert not (tmp_path / "out").exists()
    partial = import_to_folder(path, tmp_path / "partial", OPTIONS, partial=True)
    assert sorted(load_library(tmp_path / "partial").baselines) == ["demo-cg-1"]
    assert partial.rows_ok == 1 and partial.rows_total == 6
