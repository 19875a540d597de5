"""Bad rows are set aside with every problem located (file, row, column, header) and the rest reviewed; a table
that cannot be read at all is refused with a located message; ``--strict`` refuses the table on any bad row.
Never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from kit.audit import AuditInputError, audit

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "audit" / "decisions.csv"
# `kit audit` before kit/cli/__init__.py imports kit.cli.audit; the same app and command either way
RUN = "import kit.cli.audit; from kit.cli import app; app(prog_name='kit')"


def kit_audit(*args: str, cwd: Path = ROOT, progress: bool = False) -> subprocess.CompletedProcess:
    flags = [] if progress else ["--no-progress"]
    return subprocess.run([sys.executable, "-c", RUN, "audit", *flags, "--workers", "1", *args],
                          capture_output=True, text=True, cwd=cwd, timeout=120,
                          env={**os.environ, "COLUMNS": "200", "PYTHONPATH": str(ROOT)})


# (row of the table, column header, cell to write, key of the message, words of the English message)
BROKEN = [
    (2, "事项", "price-markng", "unknown_matter", "unknown matter"),
    (3, "违法行为发生日期", "2025-13-45", "date_no_such_day", "does not exist"),
    (4, "情节", "cooperative、very_sorry", "unknown_factor", "unknown factor"),
    (5, "罚款", "四千", "amount", "is not an amount"),
    (6, "裁量阶次", "从宽", "level", "unknown level"),
]


@pytest.fixture()
def broken(tmp_path):
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    for row, column, cell, _, _ in BROKEN:
        cells = lines[row - 1].split(",")
        cells[header.index(column)] = cell
        lines[row - 1] = ",".join(cells)
    path = tmp_path / "broken.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, header


def test_bad_rows_rejected_with_row_and_column_the_rest_reviewed(broken, library):
    path, header = broken
    report = audit(path, library, workers=1)
    assert (report.rows_in, report.n_reviewed, report.n_rejected) == (33, 33 - len(BROKEN), len(BROKEN))
    problems = report.problems
    assert len(problems) == len(BROKEN)
    for (row, column, _cell, key, words), p in zip(BROKEN, problems, strict=False):
        assert (p.row, p.column, p.header, p.key) == (row, header.index(column) + 1, column, key)
        assert words in p.message("en")
    assert list(report.rejected.index) == [row for row, *_ in BROKEN]


def test_strict_refuses_the_table_with_every_problem(broken, library):
    path, _ = broken
    with pytest.raises(AuditInputError) as info:
        audit(path, library, workers=1, strict=True)
    assert [p.row for p in info.value.problems] == [row for row, *_ in BROKEN]


def test_cli_writes_the_rejected_file_and_exits_0(broken, tmp_path):
    path, header = broken
    out = tmp_path / "rejected.csv"
    result = kit_audit(str(path), "--rejected", str(out), "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "Rows read: 33 = reviewed 28 + rejected 5" in result.stdout
    rejected = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert rejected["row"].astype(int).tolist() == [row for row, *_ in BROKEN]
    for (_row, column, _cell, _key, words), problems, _cell_now in zip(BROKEN, rejected["problems"], rejected.index, strict=False):
        assert f"{column} (column {header.index(column) + 1})" in problems and words in problems
    assert list(rejected.columns[2:]) == header  # the cells as written follow


def test_cli_strict_exits_1_listing_every_problem_without_traceback(broken):
    path, header = broken
    result = kit_audit(str(path), "--strict")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    for row, column, *_ in BROKEN:
        assert f"{path}:{row}:{header.index(column) + 1}: {column}: " in result.stderr, result.stderr
    assert "共 5 个问题" in result.stderr


def test_cli_on_the_sample_exits_0_with_a_summary_and_reports(tmp_path):
    result = kit_audit(str(SAMPLE), "--xlsx", str(tmp_path / "r.xlsx"), "--html", str(tmp_path / "r.html"))
    assert result.returncode == 0, result.stderr
    assert "评查 33 件" in result.stdout and "否决 4 件" in result.stdout
    assert (tmp_path / "r.xlsx").exists() and (tmp_path / "r.html").exists()
    en = kit_audit(str(SAMPLE), "--lang", "en", "--json")
    assert en.returncode == 0 and '"reviewed": 33' in en.stdout
    shown = kit_audit(str(SAMPLE), progress=True)
    assert shown.returncode == 0 and "案卷评查: 33.0 rows" in shown.stderr and "rows/s" in shown.stderr, shown.stderr
    bad = kit_audit(str(SAMPLE), "--lang", "fr")
    assert bad.returncode == 2 and "unknown language 'fr'" in bad.stderr  # a usage error, as for every command


def write(tmp_path, text: str, name: str = "t.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


HEAD = "案号,事项,执法机关,违法行为发生日期,决定日期,裁量阶次"
ROW = "A1,price-marking,js-scjg,2025-03-01,2025-04-01,一般"


@pytest.mark.parametrize("text, key, where", [
    (HEAD + ",事实:weight\n" + ROW + ",5\n", "unknown_fact", (2, 7)),
    (HEAD + "\n" + ROW + "\n" + ROW + "\n", "duplicate_case", (3, 1)),
    (HEAD + "\nA1,price-marking,js-scjg,2025-03-01,2025-02-01,一般\n", "date_before_act", (2, 5)),
    (HEAD + "\nA1,price-marking,nobody,2025-03-01,2025-04-01,一般\n", "unknown_authority", (2, 3)),
    (HEAD + ",引用基准\n" + ROW + ",js-nothing\n", "unknown_baseline", (2, 7)),
    (HEAD + "\n,price-marking,js-scjg,2025-03-01,2025-04-01,一般\n", "empty", (2, 1)),
    (HEAD + ",当事人年龄\n" + ROW + ",-3\n", "age", (2, 7)),
    (HEAD + ",当事人类型\n" + ROW + ",公司\n", "party_kind", (2, 7)),
])
def test_one_broken_row_per_kind_of_problem(tmp_path, library, text, key, where):
    report = audit(write(tmp_path, text), library, workers=1)
    matching = [p for p in report.problems if p.key == key]
    assert matching, [p.text("en") for p in report.problems]
    assert (matching[0].row, matching[0].column) == where
    assert report.rows_in == report.n_reviewed + report.n_rejected


@pytest.mark.parametrize("text, name, key", [
    ("案号,事项\nA1,price-marking\n", "t.csv", "missing_column"),
    (HEAD + ",案号\n" + ROW + ",A2\n", "t.csv", "duplicate_column"),
    ("x", "t.txt2", "unsupported_type"),
    ("not a workbook", "t.xlsx", "unreadable"),
])
def test_unreadable_tables_are_refused_located(tmp_path, library, text, name, key):
    with pytest.raises(AuditInputError) as info:
        audit(write(tmp_path, text, name), library, workers=1)
    assert key in [p.key for p in info.value.problems]
    assert str(tmp_path) in info.value.report("zh")


def test_no_such_file_and_unknown_encoding(tmp_path, library):
    with pytest.raises(AuditInputError) as info:
        audit(tmp_path / "none.csv", library)
    assert info.value.problems[0].key == "no_such_file"
    with pytest.raises(AuditInputError) as info:
        audit(SAMPLE, library, encoding="klingon")
    assert info.value.problems[0].key == "unknown_encoding"


def test_a_wrong_encoding_named_is_a_located_refusal(tmp_path, library):
    path = tmp_path / "gbk.csv"
    path.write_bytes(SAMPLE.read_text(encoding="utf-8").encode("gbk"))
    with pytest.raises(AuditInputError) as info:
        audit(path, library, encoding="utf-8", workers=1)
    assert info.value.problems[0].key == "undecodable"
    assert "--encoding" in info.value.report("en")


def test_an_unreachable_dask_scheduler_is_a_message_not_a_traceback():
    result = kit_audit(str(SAMPLE), "--dask", "tcp://127.0.0.1:9", "--lang", "en")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "cannot reach the Dask scheduler tcp://127.0.0.1:9" in result.stderr


def test_a_row_longer_than_the_header_is_rejected_far_longer_refuses(tmp_path, library):
    longer = write(tmp_path, HEAD + "\n" + ROW + "\nA2" + ROW[2:] + ",extra,more\n")
    report = audit(longer, library, workers=1)
    assert [(p.row, p.column, p.key) for p in report.problems] == [(3, 7, "extra_cells")]
    assert report.n_reviewed == 1
    far = write(tmp_path, HEAD + "\n" + ROW + "\n" + ROW + ",x" * 20 + "\n", "far.csv")
    with pytest.raises(AuditInputError) as info:
        audit(far, library, workers=1)
    assert info.value.problems[0].key == "csv_fields"
