"""Export then import gives the same library: the sample library, and generated baselines (Hypothesis)."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit.baselines import load_library, sample_library
from kit.baselines.library import Library
from kit.baselines.models import (
    Alternative, Authority, Baseline, Condition, FactDef, FixedFine, LevelRule, LibraryFile, Matter, MaxOnlyFine,
    MultipleFine, PerUnitFine, Provision, RangeFine, Tier,
)
from kit.baselines.vocabulary import Level, PenaltyType
from kit.excel.export import export_library
from kit.excel.importer import import_to_folder

KINDS = ("authorities", "factors", "matters", "provisions", "baselines", "exemption_lists")


def _round_trip(library: Library, folder: Path) -> Library:
    workbook = export_library(library, folder / "library.xlsx")
    result = import_to_folder(workbook, folder / "back")
    assert not result.errors, "\n".join(map(str, result.errors))
    return load_library(folder / "back")


def _assert_same(a: Library, b: Library) -> None:
    for kind in KINDS:
        left, right = getattr(a, kind), getattr(b, kind)
        assert left.keys() == right.keys(), kind
        for key in left:
            assert left[key] == right[key], f"{kind}/{key}:\n{left[key]}\n{right[key]}"


def test_sample_library_round_trip_is_lossless(tmp_path):
    library = sample_library()
    _assert_same(library, _round_trip(library, tmp_path))


def test_export_layout(tmp_path):
    from openpyxl import load_workbook

    path = export_library(sample_library(), tmp_path / "x.xlsx")
    wb = load_workbook(path)
    ws = wb["江门市生态环境局"]
    assert [c.value for c in ws[2]][:10] == ["序号", "违法行为", "违法依据", "处罚依据", "类别", "裁量阶次", "裁量情节",
                                            "裁量标准", "备注", "标注"]
    assert ws.freeze_panes == "A3"
    assert ws.column_dimensions["H"].width >= 30
    js = wb["江苏省市场监督管理局"]
    labels = {js.cell(r, 10).value for r in range(3, js.max_row + 1)} - {None}
    assert labels == {"示例，非正式文件"}
    assert {"基准", "事项", "制定机关", "裁量因子", "清单"} <= set(wb.sheetnames)


# ---------------------------------------------------------------- generated libraries

amounts = st.integers(1, 2000).map(lambda n: float(n * 100))
texts = st.text(alphabet="违法情节轻微严重首次两年内再次造成后果的", min_size=1, max_size=12)


@st.composite
def fines(draw):
    kind = draw(st.sampled_from(["range", "max", "fixed", "times", "percent", "per_unit", "none"]))
    if kind == "range":
        a, b = sorted([draw(amounts), draw(amounts)])
        return RangeFine(min=a, max=b)
    if kind == "max":
        return MaxOnlyFine(max=draw(amounts))
    if kind == "fixed":
        return FixedFine(amount=draw(amounts))
    if kind == "times":
        a, b = sorted([float(draw(st.integers(1, 10))), float(draw(st.integers(1, 10)))])
        return MultipleFine(base=draw(st.sampled_from(["illegal_gains", "goods_value", "fees"])), min=a, max=b)
    if kind == "percent":
        a, b = sorted([draw(st.integers(1, 50)), draw(st.integers(1, 50))])
        return MultipleFine(base="investment", min=a / 100, max=b / 100, display="percent")
    if kind == "per_unit":
        return PerUnitFine(per="excess_weight_kg", unit=1000, rate=draw(amounts), cap=draw(amounts))
    return None


penalties = st.lists(st.sampled_from(list(PenaltyType)), unique=True, max_size=3)
measures = st.lists(st.sampled_from(["责令改正", "责令停止违法行为", "限期改正", "责令停止建设"]), unique=True, max_size=2)


@st.composite
def tiers(draw):
    out = []
    blocks = draw(st.sampled_from([("main",), ("main", "overdue"), ("main", "individual"),
                                   ("main", "overdue", "individual")]))
    for block in blocks:
        for no in range(1, draw(st.integers(1, 4)) + 1):
            alternatives = [Alternative(text=draw(texts),
                                        all=draw(st.lists(st.builds(Condition, fact=st.just("goods_value"),
                                                                    op=st.sampled_from([">=", "<", "=="]),
                                                                    value=amounts), max_size=2)))
                            for _ in range(draw(st.integers(1, 3)))]
            standard = draw(st.one_of(st.none(), texts))
            if block == "individual":  # 双罚 as a block of its own: only the fine on individuals
                parts = dict(fine=None, individual_fine=draw(fines().filter(lambda f: f is not None)), penalties=[],
                             measures=[])
            else:
                parts = dict(fine=draw(fines()), individual_fine=draw(st.one_of(st.none(), fines())),
                             penalties=draw(penalties), measures=draw(measures))
            out.append(Tier(no=no, block=block, level=draw(st.sampled_from(list(Level))), when=alternatives,
                            standard=standard, remark=draw(st.one_of(st.none(), texts)), **parts))
    return out


@st.composite
def levels(draw):
    chosen = draw(st.lists(st.sampled_from(list(Level)), unique=True, max_size=4))
    return {lv: LevelRule(conditions=draw(st.lists(texts, max_size=2)), fine=draw(fines()),
                          individual_fine=draw(st.one_of(st.none(), fines())), penalties=draw(penalties))
            for lv in chosen}


@st.composite
def libraries(draw):
    facts = [FactDef(id=f, zh=f, en=f) for f in ("illegal_gains", "goods_value", "fees", "investment",
                                                   "excess_weight_kg")]
    authority = Authority(id="gen-a", name="生成机关", level="municipal", region="440700")
    files = [("a.yaml", LibraryFile(format_version=1, authorities=[authority]))]
    for i in range(draw(st.integers(1, 3))):
        provision = Provision(id=f"p{i}", citation=f"《某法》第{i + 1}条", statute_level="law",
                              effective_from=dt.date(2020, 1, 1))
        matter = Matter(id=f"m{i}", name=draw(texts), name_en="x", sector="生态环境", breaches=["某法"],
                        provisions=[provision], facts=facts)
        t, lv = draw(tiers()), draw(levels())
        if not t and not lv:
            lv = {Level.standard: LevelRule(conditions=["一般"], fine=RangeFine(min=1, max=2))}
        baseline = Baseline(id=f"b{i}", title=draw(texts), authority="gen-a", matter=f"m{i}", provision=f"p{i}",
                            version="1", effective_from=dt.date(2021, 1, 1), tiers=t, levels=lv,
                            disclaimer=draw(st.sampled_from([None, "示例，非正式文件"])))
        files += [(f"m{i}.yaml", LibraryFile(format_version=1, matter=matter)),
                  (f"b{i}.yaml", LibraryFile(format_version=1, baseline=baseline))]
    return Library.from_files(files)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(libraries())
def test_generated_libraries_round_trip(library):
    with tempfile.TemporaryDirectory() as tmp:
        _assert_same(library, _round_trip(library, Path(tmp)))
