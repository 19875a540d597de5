"""类案不同罚: a planted pair of authorities fining like cases unalike is found, with the robust outlier rule as
stated in ``kit.audit.consistency``."""

from __future__ import annotations

import pandas as pd
import pytest

from kit.audit import audit
from kit.audit import consistency as rules

HEAD = "案号,事项,执法机关,违法行为发生日期,发现日期,决定日期,裁量阶次,罚款,事实:illegal_gains,情节,引用基准,裁量理由"


def row(no: str, authority: str, fine: float, gains: float = 1000, factors: str = "", level: str = "一般") -> str:
    return (f"{no},price-marking,{authority},2025-07-01,2025-07-20,2025-08-30,{level},{fine:g},{gains:g},{factors},"
            f"js-scjg-price-marking,依基准认定的情节作出")


@pytest.fixture(scope="module")
def report(library, tmp_path_factory):
    rows = [row(f"省{i}", "js-scjg", f) for i, f in enumerate((2400, 2500, 2600, 2450))]
    rows += [row(f"市{i}", "nj-scjg", f) for i, f in enumerate((3400, 3500, 3450))]       # the top of the range
    rows += [row(f"区{i}", "nj-gl-scjg", f) for i, f in enumerate((1500, 1550, 1600))]    # the bottom
    # another group (more gains: another band): alike but one decision, the planted outlier
    rows += [row(f"甲{i}", "js-scjg", 2500, gains=3000) for i in range(4)]
    rows += [row(f"乙{i}", "nj-scjg", 2500, gains=3000) for i in range(3)] + [row("乙X", "nj-scjg", 3500, gains=3000)]
    # like facts but another factor: not compared with the first group (and too few to be a group)
    rows += [row(f"丙{i}", "nj-gl-scjg", 3500, factors="cooperative", level="从轻") for i in range(2)]
    path = tmp_path_factory.mktemp("c") / "consistency.csv"
    path.write_text("\n".join([HEAD, *rows]) + "\n", encoding="utf-8")
    return audit(path, library, workers=1)


def test_the_planted_pair_is_found_across_two_authorities(report):
    pairs = report.consistency.pairs
    assert len(pairs) == 1
    pair = pairs.iloc[0]
    assert (pair["high"], pair["low"]) == ("nj-scjg", "nj-gl-scjg")
    assert pair["high_median"] > 0.9 and pair["low_median"] < 0.1 and pair["gap"] >= rules.PAIR_GAP
    assert pair["high_case"].startswith("市") and pair["low_case"].startswith("区")
    assert (pair["high_n"], pair["low_n"]) == (3, 3)
    assert pair["group"].startswith("price-marking|standard|")


def test_groups_outliers_and_positions(report):
    c = report.consistency
    assert sorted(c.groups["n"]) == [8, 10]
    assert list(c.outliers["case_no"]) == ["乙X"]  # 0.6745 × 0.5 / 0.05 ≈ 6.7 > 3.5
    first = c.groups.set_index("n").loc[10]
    assert first["spread"] == pytest.approx((3500 - 1500) / (3500 - 1500))
    positions = c.positions[c.positions["group"] == c.pairs.iloc[0]["group"]].set_index("authority")
    assert positions.loc["nj-scjg", "diff"] > 0 > positions.loc["nj-gl-scjg", "diff"]
    assert c.by_authority.set_index("authority").loc["nj-scjg", "outliers"] == 1


def test_the_pair_in_words_in_both_languages(report, tmp_path):
    zh, en = report.summary("zh"), report.summary("en")
    assert "类案不同罚 1 对" in zh and "南京市市场监督管理局（中位 98%" in zh and "南京市鼓楼区市场监督管理局" in zh
    assert "1 pair(s)" in en and "Nanjing Administration for Market Regulation (median 98%" in en
    html = report.write_html(tmp_path / "c.html", "en").read_text(encoding="utf-8")
    assert "modified z-score" in html and "市0" in html or "市1" in html or "市2" in html
    sheets = pd.read_excel(report.write_xlsx(tmp_path / "c.xlsx"), sheet_name=None)
    assert sheets["类案不同罚"].iloc[0]["偏高机关"] == "南京市市场监督管理局"
    assert list(sheets["离群决定"]["案号"]) == ["乙X"]


def test_the_outlier_rule_with_its_floor():
    # eight fines alike and one a little off: the MAD is 0, the floor keeps a few yuan from being an outlier
    f = pd.DataFrame({"group": "g", "authority": ["a"] * 5 + ["b"] * 4,
                      "position": [0.5] * 8 + [0.52], "fine": 1.0, "row": range(9), "case_no": list("abcdefghi")})
    assert rules.review(f).outliers.empty
    f.loc[8, "position"] = 0.8  # 0.6745 × 0.3 / 0.05 ≈ 4.0 > 3.5
    assert list(rules.review(f).outliers["case_no"]) == ["i"]
    # one authority only, or too few decisions: not compared
    assert rules.review(f.assign(authority="a")).groups.empty
    assert rules.review(f.head(rules.MIN_GROUP - 1)).groups.empty
