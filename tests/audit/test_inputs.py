"""Every input form of a decision table gives the same review as the plain UTF-8 CSV: CSV in UTF-8 (with and
without BOM), GBK and UTF-16 (detected, or named with ``encoding``), .xlsx, .xls and Parquet; title rows above
the header; extra columns (named in the report, not read); a factor label that itself contains 、."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kit.audit import audit

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "audit" / "decisions.csv"


def signature(report) -> list[tuple]:
    """What a review says, independent of how the table was stored."""
    f = report.findings_frame("zh")
    return [(r.row, r.case_no, r.kind, r.finding) for r in f.itertuples()]


@pytest.fixture(scope="module")
def expected(library):
    report = audit(SAMPLE, library, workers=1)
    assert report.n_reviewed == 33 and report.n_findings == 20
    return signature(report)


@pytest.fixture(scope="module")
def frame():
    return pd.read_csv(SAMPLE, dtype=str, keep_default_na=False)


@pytest.mark.parametrize("encoding, name", [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gbk", "gb18030"),
                                            ("utf-16", "utf-16")])
def test_csv_encodings_detected(tmp_path, library, expected, encoding, name):
    path = tmp_path / f"{encoding}.csv"
    path.write_bytes(SAMPLE.read_text(encoding="utf-8").encode(encoding))
    report = audit(path, library, workers=1)
    assert report.encoding == name and report.encoding_detected
    assert signature(report) == expected


def test_csv_encoding_named(tmp_path, library, expected):
    path = tmp_path / "gbk.csv"
    path.write_bytes(SAMPLE.read_text(encoding="utf-8").encode("gbk"))
    report = audit(path, library, encoding="gbk", workers=1)
    assert report.encoding == "gbk" and not report.encoding_detected
    assert signature(report) == expected


def test_xlsx(tmp_path, library, expected, frame):
    path = tmp_path / "d.xlsx"
    frame.to_excel(path, index=False)
    assert signature(audit(path, library, workers=1)) == expected


def test_xls(tmp_path, library, expected, frame):
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("决定")
    for j, name in enumerate(frame.columns):
        sheet.write(0, j, name)
    for i, row in enumerate(frame.itertuples(index=False), start=1):
        for j, value in enumerate(row):
            sheet.write(i, j, value)
    path = tmp_path / "d.xls"
    book.save(str(path))
    assert signature(audit(path, library, workers=1)) == expected


def test_excel_date_cells(tmp_path, library, expected, frame):
    typed = frame.copy()
    for column in ("违法行为发生日期", "发现日期", "决定日期"):
        typed[column] = pd.to_datetime(typed[column].replace("", None))
    path = tmp_path / "dates.xlsx"
    typed.to_excel(path, index=False)
    assert signature(audit(path, library, workers=1)) == expected


def test_parquet(tmp_path, library, expected, frame):
    path = tmp_path / "d.parquet"
    frame.to_parquet(path, index=False)
    assert signature(audit(path, library, workers=1)) == expected


def test_title_rows_and_extra_columns(tmp_path, library, expected):
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    body = [line + ",x" for line in lines[1:]]
    text = "\n".join(["2025年度行政处罚案卷评查表", "填报单位：江苏省市场监督管理局,,", lines[0] + ",备注", *body]) + "\n"
    path = tmp_path / "titled.csv"
    path.write_text(text, encoding="utf-8")
    report = audit(path, library, workers=1)
    assert report.title_rows == 2 and report.ignored == ["备注"]
    # the same findings, two rows further down
    assert [(row - 2, *rest) for row, *rest in signature(report)] == expected
    assert "备注" in report.summary("zh") and "2 title row(s)" in report.summary("en")


def test_title_rows_in_a_workbook(tmp_path, library, expected, frame):
    path = tmp_path / "titled.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame([["案卷评查表"]]).to_excel(writer, index=False, header=False)
        frame.to_excel(writer, index=False, startrow=1)
    report = audit(path, library, workers=1)
    assert report.title_rows == 1
    assert [(row - 1, *rest) for row, *rest in signature(report)] == expected


def test_a_factor_label_containing_the_separator_is_read_whole(tmp_path, library):
    from kit.audit.validate import split_factors

    names = {"配合调查、如实陈述": "cooperative", "cooperative": "cooperative", "confessed": "confessed",
             "主动消除、减轻危害后果": "removed_harm"}
    assert split_factors("配合调查、如实陈述、confessed", names) == (
        (("confessed", 1.0), ("cooperative", 1.0)), [])
    assert split_factors("主动消除、减轻危害后果，cooperative=2", names) == (
        (("cooperative", 2.0), ("removed_harm", 1.0)), [])
    assert split_factors("配合调查、sorry", names) == ((), ["配合调查", "sorry"])
    # and through a table: a library label with 、 in it
    labels = [f.zh for f in library.factors.values() if "、" in f.zh]
    assert labels, "the sample library has a factor label containing 、"
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("情节")] = labels[0]
    path = tmp_path / "label.csv"
    path.write_text("\n".join([lines[0], ",".join(cells)]) + "\n", encoding="utf-8")
    report = audit(path, library, workers=1)
    assert report.n_rejected == 0, [p.text("en") for p in report.problems]
