"""A broken decision table: every problem reported at once with file, row and column, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kit.audit import read_decisions
from kit.baselines import LibraryError

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "audit" / "decisions.csv"
# `kit audit` before kit/cli/__init__.py imports kit.cli.audit; the same app and command either way
RUN = "import kit.cli.audit; from kit.cli import app; app(prog_name='kit')"


def kit_audit(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", RUN, "audit", *args], capture_output=True, text=True, cwd=ROOT,
                          timeout=120, env={**os.environ, "COLUMNS": "200"})


# (row of the table, column header, cell to write, words of the message)
BROKEN = [
    (2, "事项", "price-markng", "unknown matter"),
    (3, "违法行为发生日期", "2025-13-45", "not a date"),
    (4, "情节", "cooperative、very_sorry", "unknown factor"),
    (5, "罚款", "四千", "not an amount"),
    (6, "裁量阶次", "从宽", "unknown level"),
]


@pytest.fixture()
def broken(tmp_path):
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    for row, column, cell, _ in BROKEN:
        cells = lines[row - 1].split(",")
        cells[header.index(column)] = cell
        lines[row - 1] = ",".join(cells)
    path = tmp_path / "broken.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, header


def test_all_five_problems_reported_with_row_and_column(broken, library):
    path, header = broken
    with pytest.raises(LibraryError) as info:
        read_decisions(path, library)
    errors = info.value.errors
    assert len(errors) == len(BROKEN)
    for (row, column, cell, words), error in zip(BROKEN, errors):
        assert (error.line, error.column, error.path) == (row, header.index(column) + 1, column)
        assert words in error.problem


def test_cli_reports_all_five_without_traceback(broken):
    path, header = broken
    result = kit_audit(str(path))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    for row, column, cell, words in BROKEN:
        assert f"{path}:{row}:{header.index(column) + 1}: {column}: {words}" in result.stderr, result.stderr
    assert "5 errors" in result.stderr


def test_cli_on_the_sample_exits_0_with_a_summary(tmp_path):
    out = tmp_path / "review.xlsx"
    result = kit_audit(str(SAMPLE), "--xlsx", str(out))
    assert result.returncode == 0, result.stderr
    assert "评查案卷 33 件" in result.stdout and "否决 4 件" in result.stdout
    assert out.exists()
    en = kit_audit(str(SAMPLE), "--lang", "en", "--json")
    assert en.returncode == 0 and '"files_reviewed": 33' in en.stdout


def write(tmp_path, text: str) -> Path:
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8")
    return path


HEAD = "案号,事项,执法机关,违法行为发生日期,决定日期,裁量阶次"


@pytest.mark.parametrize("text, problem, where", [
    ("案号,事项\nA1,price-marking\n", "missing column 执法机关", (1, None)),
    (HEAD + ",备注\nA1,price-marking,js-scjg,2025-03-01,2025-04-01,一般,x\n", "unknown column '备注'", (1, 7)),
    (HEAD + ",事实:weight\nA1,price-marking,js-scjg,2025-03-01,2025-04-01,一般,5\n", "unknown fact", (2, 7)),
    (HEAD + "\nA1,price-marking,js-scjg,2025-03-01,2025-04-01,一般\nA1,price-marking,js-scjg,2025-03-01,"
     "2025-04-01,一般\n", "duplicate case number", (3, 1)),
    (HEAD + "\nA1,price-marking,js-scjg,2025-03-01,2025-02-01,一般\n", "决定日期 before", (2, 5)),
    (HEAD + "\nA1,price-marking,nobody,2025-03-01,2025-04-01,一般\n", "unknown authority", (2, 3)),
    (HEAD + ",引用基准\nA1,price-marking,js-scjg,2025-03-01,2025-04-01,一般,js-nothing\n", "unknown baseline", (2, 7)),
    (HEAD + "\n,price-marking,js-scjg,2025-03-01,2025-04-01,一般\n", "案号 is empty", (2, 1)),
    (HEAD + ",当事人年龄\nA1,price-marking,js-scjg,2025-03-01,2025-04-01,一般,-3\n", "not an age", (2, 7)),
    (HEAD + "\n", "no decisions", (2, None)),
])
def test_one_broken_table_per_kind_of_error(tmp_path, library, text, problem, where):
    with pytest.raises(LibraryError) as info:
        read_decisions(write(tmp_path, text), library)
    matching = [e for e in info.value.errors if problem in e.problem]
    assert matching, info.value.report()
    assert (matching[0].line, matching[0].column) == where


def test_unreadable_inputs_are_located(tmp_path, library):
    for path, problem in ((tmp_path / "none.csv", "no such file"), (write(tmp_path, "x"), None)):
        if problem is None:
            path = path.rename(tmp_path / "t.txt")
            problem = "unsupported file type"
        with pytest.raises(LibraryError) as info:
            read_decisions(path, library)
        assert problem in info.value.report()
