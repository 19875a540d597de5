"""The sample decision table yields exactly the planted findings, and its exports have the documented shape."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from openpyxl import load_workbook

from kit.audit import COLUMNS, RULES, SHEETS_ZH, audit

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
    return audit(SAMPLE, library, workers=1)


def test_sample_has_about_thirty_rows_and_every_kind_planted(report):
    assert 28 <= report.n_reviewed <= 35
    assert {k for kinds in PLANTED.values() for k in kinds} == {r.kind for r in RULES}


def test_exactly_the_planted_findings(report):
    found = {}
    for _, f in report.findings_frame().iterrows():
        found.setdefault(f["case_no"], []).append(f["kind"])
    assert found == PLANTED


def test_rows_in_equal_reviewed_plus_rejected(report):
    assert (report.rows_in, report.n_reviewed, report.n_rejected) == (33, 33, 0)
    assert report.evaluations < report.rows_in  # rows sharing a case are evaluated once


def test_clean_rows_score_full(report):
    files = report.files()
    assert set(files["case_no"]) == set(PLANTED)  # only decisions with findings are listed
    assert report.totals["score"].sum() == 100 * (report.n_reviewed - len(PLANTED)) + files["score"].sum()


def test_gates_fail_and_deductions_subtract(report):
    files = report.files().set_index("case_no")
    assert files.loc["苏市监质罚〔2025〕1号", "score"] == 0 and files.loc["苏市监质罚〔2025〕1号", "failed"]
    assert files.loc["苏市监价罚〔2025〕12号", "score"] == 100 - 20 - 10 - 10
    assert report.n_failed == 4


@pytest.mark.parametrize("kind", [r.kind for r in RULES])
def test_every_finding_cites_the_engine_in_both_languages(report, kind):
    zh, en = report.findings_frame("zh"), report.findings_frame("en")
    texts = list(zip(zh.loc[zh["kind"] == kind, "finding"], en.loc[en["kind"] == kind, "finding"], strict=False))
    assert texts
    for z, e in texts:
        assert z and e and z != e
        assert any(mark in z for mark in ("《", "引擎结论", "适用", "依法可选")), z


def test_summaries_by_kind_and_by_authority(report):
    by_kind = report.by_kind().set_index("kind")
    assert list(by_kind.index) == [r.kind for r in RULES]
    assert by_kind.loc["reason_missing", "findings"] == 4
    assert by_kind["findings"].sum() == len(report.findings_frame())
    by_authority = report.by_authority().set_index("authority")
    assert by_authority["files"].sum() == report.n_reviewed
    assert by_authority.loc["nj-cgj", "failed"] == 2


def test_workbook_sheets_frozen_filtered_and_sized(report, tmp_path):
    path = report.write_xlsx(tmp_path / "review.xlsx")
    sheets = pd.read_excel(path, sheet_name=None)
    assert list(sheets) == list(SHEETS_ZH)
    assert len(sheets["评查结果"]) == len(PLANTED)
    assert len(sheets["问题明细"]) == len(report.findings_frame())
    assert {"案号", "问题", "扣分", "评查意见", "事实", "情节", "裁量理由", "批准文号"} <= set(sheets["问题明细"].columns)
    assert sheets["汇总"].iloc[2, 1] == 33 and sheets["汇总"].iloc[2, 0] == "读入行数"
    book = load_workbook(path)
    for ws in book.worksheets:
        assert ws.freeze_panes is not None, ws.title
        assert ws.auto_filter.ref, ws.title
    assert book["问题明细"].column_dimensions["H"].width > 20  # the review note is wide
    en = pd.read_excel(report.write_xlsx(tmp_path / "en.xlsx", "en"), sheet_name=None)
    assert list(en) == ["summary", "by authority", "files", "findings", "consistency", "outliers", "rejected"]
    assert "review note" in en["findings"].columns


def test_html_report_has_every_section_in_both_languages(report, tmp_path):
    zh = report.write_html(tmp_path / "r.html").read_text(encoding="utf-8")
    en = report.write_html(tmp_path / "r-en.html", "en").read_text(encoding="utf-8")
    for text, words in ((zh, ["问题类型（评查标准）", "各执法机关、事项", "类案不同罚", "问题明细", "苏市监价罚〔2025〕12号"]),
                        (en, ["Findings by kind", "By authority and matter", "Like cases fined unalike",
                              "Findings", "reasons stated"])):
        for word in words:
            assert word in text, word
        assert text.count("data:image/png;base64,") == 2
    assert "未说明裁量理由" not in en.split("<h2>")[2]  # the rubric table is English


def test_xlsx_input_reads_like_csv(library, tmp_path):
    frame = pd.read_csv(SAMPLE, dtype=str, keep_default_na=False)
    path = tmp_path / "decisions.xlsx"
    frame.to_excel(path, index=False)
    a, b = audit(path, library, workers=1), audit(SAMPLE, library, workers=1)
    assert a.findings_frame().drop(columns=[]).equals(b.findings_frame())


def test_english_aliases_are_accepted(library, tmp_path):
    text = SAMPLE.read_text(encoding="utf-8")
    header, rest = text.split("\n", 1)
    aliases = {c.zh: c.en for c in COLUMNS}
    header = ",".join(aliases.get(h, h.replace("事实:", "fact:")) for h in header.split(","))
    path = tmp_path / "en.csv"
    path.write_text(header + "\n" + rest, encoding="utf-8")
    assert audit(path, library, workers=1).n_reviewed == 33


def test_docs_describe_every_column_and_kind():
    doc = (ROOT / "docs" / "audit.md").read_text(encoding="utf-8")
    for column in COLUMNS:
        assert column.zh in doc and column.en in doc, column.zh
    for rule in RULES:
        assert rule.kind in doc, rule.kind
    for sheet in SHEETS_ZH:
        assert sheet in doc
