"""The filing review and the diff speak one language at a time, with money the kit's one way.

tests/fixtures/review-planted plants one finding of each kind the review reports; tests/fixtures/review-versions
holds new versions of two of its baselines. With ``--lang en`` the output (and the workbook's English column)
shows no Chinese but the library's own words and the rules cited (quotations of Chinese law, shown as written);
in Chinese no English phrase of the catalog (the sweep helpers of tests/i18n)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kit.baselines import load_library
from kit.baselines.review import KINDS, review
from kit.baselines.review_report import sheet_columns
from kit.grading.drafting import _overlaps
from tests.i18n.surfaces import catalog_english, kit_cjk, texts_of
from tests.i18n.test_cli_languages import run

ROOT = Path(__file__).resolve().parents[2]
PLANTED = ROOT / "tests" / "fixtures" / "review-planted"
VERSIONS = ROOT / "tests" / "fixtures" / "review-versions"
FOUND = [  # (kind, path): every finding the fixture plants, in report order
    ("conflict", "js-demo-county-range.levels.standard.fine"),
    ("conflict", "js-demo-multiple.tiers[0].fine"),
    ("conflict", "js-demo-range.levels.mitigated"),
    ("conflict", "js-demo-range.levels.standard.fine"),
    ("conflict", "js-demo-range.levels.aggravated.penalties"),
    ("missing_condition", "js-demo-multiple.tiers"),
    ("extreme_default", "cn-demo-range.levels.aggravated.fine"),
    ("extreme_default", "js-demo-county-multiple.levels.lenient.fine"),
    ("missing_part", "js-demo-county-range.levels.lenient"),
    ("missing_part", "js-demo-multiple.tiers[2]"),
    ("missing_part", "js-demo-range.levels.lenient"),
    ("unconditioned_leniency", "js-demo-range.levels.mitigated"),
    ("provision_not_in_force", "cn-demo-range.provision"),
    ("provision_not_in_force", "js-demo-county-range.provision"),
    ("provision_not_in_force", "js-demo-range.provision"),
    ("unreachable_level", "cn-demo-range.levels.aggravated"),
    ("unreachable_level", "js-demo-county-range.levels.aggravated"),
    ("unreachable_level", "js-demo-range.levels.aggravated"),
    ("procedure", "js-demo-range.id"),
    ("procedure", "js-demo-range.rules"),
    ("text_only_condition", "js-demo-multiple.tiers[2].when[0]"),
]
DIFFS = {  # kit diff old new: both versions as files, the planted library naming the facts
    "range": [str(PLANTED / "baselines" / "cn-demo-range.yaml"), str(VERSIONS / "cn-demo-range-2026.yaml")],
    "multiple": [str(PLANTED / "baselines" / "cn-demo-multiple.yaml"), str(VERSIONS / "cn-demo-multiple-2026.yaml")],
}


@pytest.fixture(scope="module")
def library():
    return load_library(PLANTED)


@pytest.fixture(scope="module")
def findings(library):
    return review(library)


@pytest.fixture(scope="module")
def data(library, findings) -> tuple[str, ...]:
    """The planted library's words, the Chinese words of the new versions and the rules cited, longest first (a
    one-character text, such as a fact's unit 元, is not cut: it would hide a kit's 元 after an amount)."""
    versions = {s for f in VERSIONS.glob("*.yaml") for s in re.findall(r"[^\s\[\]{}:,]*[\u4e00-\u9fff][^\s\[\]{}:,]*",
                                                                     f.read_text("utf-8"))}
    words = texts_of(library) | {f.rule for f in findings} | versions
    return tuple(sorted((w for w in words if len(w) > 1), key=len, reverse=True))


def cut(text: str, data: tuple[str, ...]) -> str:
    for s in data:
        text = text.replace(s, " ")
    return text


def kit_chinese(text: str, data: tuple[str, ...]) -> list[str]:
    """The kit's Chinese in an English text. The sweep lets a one-character word of the libraries (a unit: 元,
    倍) stand alone; here no amount may be written with one, so they are looked for on their own too."""
    rest = cut(text, data)
    return kit_cjk(rest) + re.findall(r"\d[元倍]", rest)


def test_every_planted_finding_and_nothing_else(findings):
    assert [(f.kind, f.path) for f in findings] == FOUND
    assert {f.kind for f in findings} == set(KINDS) and all(f.zh and f.en and f.zh != f.en for f in findings)


def test_the_sentences_say_money_and_multiples_the_kits_way(findings):
    by = {(f.kind, f.path): f for f in findings}
    top = by["extreme_default", "cn-demo-range.levels.aggravated.fine"]
    assert top.en == "The aggravated default CNY 5,000 is at the top of the statutory range."
    assert top.zh == "从重处罚的默认罚款为5,000元，位于法定幅度的最高端。"
    bottom = by["extreme_default", "js-demo-county-multiple.levels.lenient.fine"]
    assert bottom.en == "The lenient default 1× illegal gains is at the bottom of the statutory range."
    assert bottom.zh == "从轻处罚的默认罚款为违法所得的1倍，位于法定幅度的最低端。"
    outside = by["conflict", "js-demo-range.levels.standard.fine"]
    assert outside.en == "js-demo-range's standard range CNY 1,500–4,000 lies outside cn-demo-range's CNY 2,000–4,000."
    assert outside.zh == "js-demo-range的一般处罚幅度为1,500–4,000元，超出上级基准cn-demo-range的2,000–4,000元。"
    tier = by["conflict", "js-demo-multiple.tiers[0].fine"]
    assert "its range 1–3× illegal gains lies outside cn-demo-multiple's 1–2× illegal gains" in tier.en
    assert "的幅度为违法所得的1–3倍，超出上级基准cn-demo-multiple同一情形（第1档）的违法所得的1–2倍" in tier.zh
    ended = by["provision_not_in_force", "cn-demo-range.provision"]
    assert "ended on 31 December 2024" in ended.en and "已于2024年12月31日失效" in ended.zh
    steps = by["procedure", "js-demo-range.id"]
    assert steps.en.endswith("procedure steps: drafting, evaluation, public consultation, legality review, "
                             "collective decision, publication, filing.")
    penalty = by["conflict", "js-demo-range.levels.aggravated.penalties"]
    assert penalty.en.endswith("does not allow: suspension.") and penalty.zh.endswith("暂扣许可证件、降低资质等级、责令停产停业。")


def test_kit_review_in_english_shows_only_the_librarys_chinese(data):
    out = run(["review", str(PLANTED), "--lang", "en"])
    assert "[Default at the very top or bottom of the statutory range] 2" in out
    assert "21 findings, 5 conflicts with higher baselines." in out
    leaks = kit_chinese(out, data)
    assert not leaks, f"kit review --lang en shows Chinese of the kit: {leaks[:12]}\n{out[:3000]}"


def test_kit_review_in_chinese_shows_no_english_of_the_catalog(data):
    out = run(["review", str(PLANTED)])
    assert "【默认值位于法定幅度端点】2" in out and "共21项，其中与上级基准冲突5项。" in out
    leaks = catalog_english(cut(out, data))
    assert not leaks, f"kit review shows English of the catalog: {leaks[:12]}\n{out[:3000]}"


@pytest.mark.parametrize("name", list(DIFFS))
def test_kit_diff_speaks_one_language(name, data):
    args = ["diff", *DIFFS[name], "--library", str(PLANTED)]
    english, chinese = run([*args, "--lang", "en"]), run(args)
    assert len(english.splitlines()) == len(chinese.splitlines()) > 5
    leaks = kit_chinese(english, data)
    assert not leaks, f"kit diff --lang en shows Chinese of the kit: {leaks[:12]}\n{english}"
    leaks = catalog_english(cut(chinese, data))
    assert not leaks, f"kit diff shows English of the catalog: {leaks[:12]}\n{chinese}"


def test_kit_diff_names_each_edit_with_money_dates_and_multiples():
    rng = run(["diff", *DIFFS["range"], "--library", str(PLANTED), "--lang", "en"]).splitlines()
    assert "  ~ in force from: 1 January 2024 → 1 January 2026" in rng
    assert "  ~ standard fine: CNY 2,000–4,000 → CNY 2,500–4,000" in rng
    assert "  ~ standard penalty types: fine → warning, fine" in rng
    assert "  + level added: mitigated" in rng and "  ~ suggested fine: upper end → midpoint" in rng
    assert "  ~ contiguous levels: yes → no" in rng and "  ~ document number: — → 某示〔2026〕2号" in rng
    zh = run(["diff", *DIFFS["range"], "--library", str(PLANTED)]).splitlines()
    assert "  ~ 一般处罚罚款幅度：2,000–4,000元 → 2,500–4,000元" in zh and "  ~ 施行日期：2024年1月1日 → 2026年1月1日" in zh
    multiple = run(["diff", *DIFFS["multiple"], "--library", str(PLANTED), "--lang", "en"]).splitlines()
    assert "  ~ tier 1 fine: 1–2× illegal gains → 1–1.5× illegal gains" in multiple
    assert "  ~ tier 2 level: standard → aggravated" in multiple and "  - tier 3 removed" in multiple
    assert "  + overdue tier 1 added" in multiple
    zh = run(["diff", *DIFFS["multiple"], "--library", str(PLANTED)]).splitlines()
    assert "  ~ 第1档罚款：违法所得的1–2倍 → 违法所得的1–1.5倍" in zh and "  + 新增逾期不改正第1档" in zh


def test_the_workbooks_english_column_is_english(tmp_path, data):
    out = tmp_path / "review.xlsx"
    run(["review", str(PLANTED), "--xlsx", str(out)])
    wb = load_workbook(out)
    assert wb.sheetnames == ["概览", *(title.render("zh") for title in KINDS.values())]
    overview = list(wb["概览"].iter_rows(min_row=2, values_only=True))
    assert [(zh, en) for zh, en, _ in overview] == [(m.render("zh"), m.render("en")) for m in KINDS.values()]
    rows = [r for name in wb.sheetnames[1:] for r in wb[name].iter_rows(min_row=2, values_only=True)]
    assert len(rows) == len(FOUND) and [c.value for c in wb["依据已失效"][1]] == list(sheet_columns())
    english = "\n".join(str(r[7]) for r in rows) + "\n" + "\n".join(en for _, en, _ in overview)
    assert not kit_chinese(english, data), kit_chinese(english, data)
    chinese = "\n".join(str(r[6]) for r in rows)
    assert not catalog_english(cut(chinese, data)), catalog_english(cut(chinese, data))


def test_the_drafting_exercise_says_an_overlap_in_each_language(library):
    overlap, = _overlaps(library.baselines["js-demo-range"])
    assert overlap.render("en") == ("levels.standard.fine: the standard range overlaps the lenient range "
                                    "(CNY 1,500 < CNY 2,000)")
    assert overlap.render("zh") == "levels.standard.fine：一般处罚的幅度与从轻处罚重叠（1,500元 < 2,000元）"


def test_a_factor_pulling_the_other_way_is_named_in_each_language():
    """A lower scored baseline whose weights have the opposite signs of the higher one's (made here from a
    fixture baseline: a scored pair with opposite weights is no teaching example worth a file)."""
    from kit.baselines.hierarchy import conflicts

    lib = load_library(ROOT / "tests" / "fixtures" / "scored")
    higher = lib.baselines["demo-sthj-scored-1"]
    scoring = higher.rules.scoring
    weights = {k: -v for k, v in scoring.weights.items()}
    lower = higher.model_copy(update={"id": "demo-lower", "rules": higher.rules.model_copy(
        update={"scoring": scoring.model_copy(update={"weights": weights})})})
    found = [c for c in conflicts(lib, lower, higher) if c.kind == "factor"]
    assert [c.dotted for c in found] == [f"demo-lower.rules.scoring.weights.{k}" for k in weights]
    factor = lib.factors[next(iter(weights))]
    assert found[0].zh == f"因子“{factor.zh}”在demo-lower中的作用方向与上级基准demo-sthj-scored-1相反。"
    assert found[0].en == f"Factor “{factor.en}” pulls the other way in demo-lower than in demo-sthj-scored-1."
