"""The 上海 fire-safety baseline (沪公行规〔2022〕2号), a table transcribed from prose: imported by the kit's own
importer from its CSV, each form checked against its text, every row left out located, and the warning
alternative (处警告或者五百元以下罚款) decided by the engine."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from kit.baselines import REAL_LIBRARIES, load_library
from kit.baselines.decidable import decidability
from kit.baselines.models import MaxOnlyFine, RangeFine
from kit.baselines.vocabulary import PenaltyType
from kit.engine.case import Case
from kit.engine.pipeline import evaluate
from kit.engine.proposal import check_proposal
from kit.excel.alternatives import expand, provision_penalties
from kit.excel.importer import import_workbook
from kit.excel.phrases import PhraseError, parse_standard
from kit.excel.prose import is_prose, situations, to_table
from kit.excel.real import ORIGINALS, TABLES
from kit.excel.workbook import read_workbook
from kit.i18n import say

from .oracle import agrees

CSV = ORIGINALS / "shanghai-fire-safety-discretion-2022.csv"
OPTIONS = next(t for t in TABLES if t.name == "shanghai-fire").options


@pytest.fixture(scope="module")
def result():
    return import_workbook(CSV, OPTIONS)


@pytest.fixture(scope="module")
def lib():
    return load_library(REAL_LIBRARIES / "shanghai-fire")


def test_prose_layout_read_in_place():
    grid = read_workbook(CSV)[0]
    assert is_prose(grid)
    table = to_table(grid)
    assert len(table.cells) == len(grid.cells)  # same rows: a problem is located at the CSV's own record
    head = table.cells[0]
    assert (head[2], head[4], head[5], head[7], head[-1]) == ("设定依据", "裁量阶次", "适用条件", "处罚标准", "类别")
    row3 = table.cells[2]  # item 1, 情节严重: four situations (情形数 4), the baseline's numbered list
    assert row3[5] == ("有下列情形之一：（1）携带禁止携带的物品进入的；（2）不听现场安保人员或者工作人员制止强行进入的；"
                       "（3）致使生产活动中断，不能正常进行的；（4）其他情节严重的情形")
    assert row3[2].startswith("《中华人民共和国消防法》第六十三条第一项：违反本法规定")
    assert (row3[4], row3[7], row3[-1]) == ("情节严重", "处五日以下拘留", "2")
    assert (table.cells[1][4], table.cells[1][7]) == ("一般处罚", "处警告或者五百元以下罚款")  # 一般（未列明情节）, 该档
    assert table.cells[25][7] == "处三万元以上七万元以下罚款"  # the baseline's own amount over the statute's range
    assert situations("a；b", "3") == "a；b"  # 情形数 not the count of the parts: the words are kept
    assert not is_prose(read_workbook(ORIGINALS / "shanghai-fire-no-penalty-list-2026.csv")[0])


def test_alternative_penalty_form():
    assert expand("处警告或者五百元以下罚款") == ["或者警告", "处五百元以下罚款"]
    assert expand("处警告或者五百元以下罚款：") == ["或者警告", "处五百元以下罚款"]
    assert expand("给予警告") == ["给予警告"]
    p = parse_standard("处警告或者五百元以下罚款")
    assert p.fine == MaxOnlyFine(max=500) and p.penalties == [PenaltyType.fine]  # the warning is the provision's
    assert provision_penalties("违反本法规定，处警告或者五百元以下罚款；情节严重的，处五日以下拘留") == {
        "penalties": ["warning", "fine", "detention"], "combination": "alone"}
    assert provision_penalties("责令改正，处一万元以上三万元以下罚款") == {}
    assert provision_penalties("给予警告或者处以罚款") == {}  # another wording: not read as the alternative


def test_detention_in_days():
    assert parse_standard("处五日以下拘留").penalties == [PenaltyType.detention]
    p = parse_standard("处十日以上十五日以下拘留，可以并处五百元以下罚款")
    assert p.penalties == [PenaltyType.fine, PenaltyType.detention] and p.optional_fine
    assert p.fine == MaxOnlyFine(max=500)
    assert parse_standard("处以5日以下行政拘留").penalties == [PenaltyType.detention]
    with pytest.raises(PhraseError):
        parse_standard("处五日以下拘禁")


def _exact(standard: str, tier, provision) -> bool:
    """Against the text itself: its 元 amounts are the fine's (days of 拘留 aside), 拘留 ⇔ detention,
    罚款 ⇔ a fine, 警告或者 ⇔ the provision's warning alternative."""
    money = re.sub(r"[一二三四五六七八九十百\d]+日(?:以上|以下)?", "", standard)
    return (agrees(money, tier.fine, tier.individual_fine)
            and ("拘留" in standard) == (PenaltyType.detention in tier.penalties)
            and ("罚款" in standard) == (PenaltyType.fine in tier.penalties)
            and ("警告或者" not in standard or (PenaltyType.warning in provision.penalties
                                             and provision.combination == "alone")))


def test_rows_imported_exactly_and_rows_left_out_located(result, lib):
    assert result.rows_total == 26 and result.items_total == 12
    exact = 0
    for (baseline, block, no), rows in result.written.items():
        b = lib.baselines[baseline]
        tier = next(t for t in b.tiers if (t.block, t.no) == (block, no))
        provision = lib.provisions[b.provision]
        exact += len(rows) if _exact(tier.standard, tier, provision) else 0
    print(f"\n上海: {result.summary()}; {exact} of 26 rows written to exact specs ({exact / 26:.1%})")
    assert exact == 24
    # the two rows left out: 逾期不改正的 inside one tier's standard (the statute's own words, 法律依据推定)
    assert [(e.line, e.column, e.found) for e in result.errors] == [
        (20, 8, "'责令限期改正；逾期不改正的，给予警告'"), (22, 8, "'责令限期改正；逾期不改正的，处五千元以上二万元以下罚款'")]
    assert all("逾期不改正的" in say(e.problem, "en") and "!H" in e.path for e in result.errors)


def test_tiers_levels_and_amounts(lib):
    b = lib.baselines["sh-gaj-12"]
    assert b.document == "沪公行规〔2022〕2号" and b.disclaimer is None
    assert [(t.no, t.level.value, (t.fine.min, t.fine.max)) for t in b.tiers] == [
        (1, "standard", (10000, 30000)), (2, "aggravated", (30000, 70000)), (3, "aggravated", (70000, 100000))]
    assert b.tiers[0].measures == ["责令改正"]
    assert [t.remark for t in b.tiers] == ["法律依据推定", "基准原文", "基准原文"]  # 行来源: read off the article
    assert [a.text for a in b.tiers[2].when] == ["符合前款“情节严重”情形且构成重大火灾隐患"]
    lenient = lib.baselines["sh-gaj-5"].tiers[1]
    assert lenient.level.value == "lenient" and lenient.standard == "处警告或者五百元以下罚款"
    assert isinstance(lib.baselines["sh-gaj-11"].tiers[0].fine, RangeFine)
    assert lib.authorities["sh-gaj"].name == "上海市公安局" and lib.authorities["sh-xfjy"].name == "上海市消防救援局"


def test_every_tier_decidable_from_factors(lib):
    d = decidability(lib)
    print(f"\n上海: {d.total} tiers: {d.counts['facts']} from facts, {d.counts['factors']} from factors, "
          f"{d.counts['none']} not at all")
    assert d.total == 24 and d.counts["factors"] == 24 and d.undecidable == []


def test_warning_alternative_decided(lib):
    b = lib.baselines["sh-gaj-1"]
    dates = {"act_start": dt.date(2024, 3, 1), "decided": dt.date(2024, 4, 1)}
    general = evaluate(lib, Case(id="g", matter=b.matter, authority="sh-gaj", dates=dates,
                                 factors={b.tiers[0].when[0].factor: True}))
    assert general.tier == 1 and general.alternatives == (PenaltyType.warning,)
    level = next(iter(general.acceptable))
    assert check_proposal(general, level, penalty="warning").lawful
    serious = evaluate(lib, Case(id="s", matter=b.matter, authority="sh-gaj", dates=dates,
                                 factors={b.tiers[1].when[1].factor: True}))
    assert serious.tier == 2 and PenaltyType.detention in serious.penalties and serious.fine is None
