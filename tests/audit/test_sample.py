"""The sample decision table yields exactly the planted findings, and its exports have the documented shape."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kit.audit import RULES, SHEETS, audit, read_decisions

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "audit" / "decisions.csv"

# case number → the kinds planted in it (every other row of the table is clean)
PLANTED = {
    "苏市监价罚〔2025〕3号": ["reason_missing"],
    "苏市监价罚〔2025〕4号": ["fine_outside_range"],
    "苏市监价罚〔2025〕5号": ["no_approval"],
    "宁鼓市监价罚〔2025〕7号": ["baseline_not_in_force"],
    "苏市监价罚〔2025〕8号": ["no_baseline_cited"],
    "苏市监质罚〔2025〕1号": ["missed_transfer"],
    "苏市监质罚〔2025〕4号": ["wrong_matter"],
    "宁城管罚〔2025〕1号": ["penalty_barred"],          # time-barred (Art. 36)
    "宁城管罚〔2025〕3号": ["penalty_barred"],          # mandatory no penalty (Art. 33 ¶1)
    "宁城管罚〔2025〕6号": ["level_not_lawful"],
    "宁城管罚〔2025〕7号": ["no_approval"],             # a level departure with a reason, no approval
    "苏市监价罚〔2025〕9号": ["fine_unlawful"],         # above the statutory maximum, approval or not
    "苏市监登罚〔2025〕2号": ["reason_missing"],
    "宁市监登罚〔2025〕2号": ["no_baseline_cited"],
    "苏市监价罚〔2025〕11号": ["reason_missing"],
    "苏市监食罚〔2025〕1号": ["baseline_not_in_force"],  # cites the lower baseline that yields
    "苏交执罚〔2025〕2号": ["level_not_lawful"],          # a transfer where none is due
    "苏市监价罚〔2025〕12号": ["level_not_lawful", "reason_missing", "no_baseline_cited"],
}


@pytest.fixture(scope="module")
def report(library):
    return audit(read_decisions(SAMPLE, library), library)


def test_sample_has_about_thirty_rows_and_every_kind_planted(report):
    assert 28 <= report.n_files <= 35
    assert {k for kinds in PLANTED.values() for k in kinds} == {r.kind for r in RULES}


def test_exactly_the_planted_findings(report):
    found = {}
    for f in report.findings:
        found.setdefault(f.case_no, []).append(f.kind)
    assert found == PLANTED


def test_clean_rows_score_full(report):
    files = report.files()
    clean = files[~files["case_no"].isin(list(PLANTED))]
    assert len(clean) == report.n_files - len(PLANTED)
    assert (clean["score"] == 100).all() and not clean["failed"].any()


def test_gates_fail_and_deductions_subtract(report):
    files = report.files().set_index("case_no")
    assert files.loc["苏市监质罚〔2025〕1号", "score"] == 0 and files.loc["苏市监质罚〔2025〕1号", "failed"]
    assert files.loc["苏市监价罚〔2025〕12号", "score"] == 100 - 20 - 10 - 10
    assert report.n_failed == 4


@pytest.mark.parametrize("kind", [r.kind for r in RULES])
def test_every_finding_cites_the_engine_in_both_languages(report, kind):
    findings = [f for f in report.findings if f.kind == kind]
    assert findings
    for f in findings:
        assert f.zh and f.en and f.zh != f.en
        assert any(mark in f.zh for mark in ("《", "引擎结论", "适用", "依法可选")), f.zh


def test_summaries_by_kind_and_by_authority(report):
    by_kind = report.by_kind().set_index("kind")
    assert list(by_kind.index) == [r.kind for r in RULES]
    assert by_kind.loc["reason_missing", "findings"] == 4
    assert by_kind["findings"].sum() == len(report.findings)
    by_authority = report.by_authority().set_index("authority")
    assert by_authority["files"].sum() == report.n_files
    assert by_authority.loc["nj-cgj", "failed"] == 2


def test_xlsx_has_the_documented_sheets(report, tmp_path):
    path = report.write_xlsx(tmp_path / "review.xlsx")
    sheets = pd.read_excel(path, sheet_name=None)
    assert list(sheets) == list(SHEETS) == ["汇总", "评查结果", "问题明细"]
    assert len(sheets["评查结果"]) == report.n_files
    assert len(sheets["问题明细"]) == len(report.findings)
    assert {"案号", "得分", "否决"} <= set(sheets["评查结果"].columns)
    assert {"案号", "问题", "扣分", "理由"} <= set(sheets["问题明细"].columns)
    assert sheets["汇总"].iloc[0, 0] == "评查案卷数"


def test_csv_export(report, tmp_path):
    files, details = report.write_csv(tmp_path / "review.csv", lang="en")
    assert len(pd.read_csv(files)) == report.n_files
    assert len(pd.read_csv(details)) == len(report.findings)


def test_xlsx_input_reads_like_csv(library, tmp_path):
    frame = pd.read_csv(SAMPLE, dtype=str, keep_default_na=False)
    path = tmp_path / "decisions.xlsx"
    frame.to_excel(path, index=False)
    records = read_decisions(path, library)
    assert [r.case for r in records] == [r.case for r in read_decisions(SAMPLE, library)]
    assert [r.row for r in records][:2] == [2, 3]


def test_english_aliases_are_accepted(library, tmp_path):
    from kit.audit import COLUMNS
    text = SAMPLE.read_text(encoding="utf-8")
    header, rest = text.split("\n", 1)
    aliases = {c.zh: c.en for c in COLUMNS}
    header = ",".join(aliases.get(h, h.replace("事实:", "fact:")) for h in header.split(","))
    path = tmp_path / "en.csv"
    path.write_text(header + "\n" + rest, encoding="utf-8")
    assert len(read_decisions(path, library)) == 33


def test_docs_describe_every_column_and_kind():
    from kit.audit import COLUMNS
    doc = (ROOT / "docs" / "audit.md").read_text(encoding="utf-8")
    for column in COLUMNS:
        assert column.zh in doc and column.en in doc, column.zh
    for rule in RULES:
        assert rule.kind in doc, rule.kind
    for sheet in SHEETS:
        assert sheet in doc
