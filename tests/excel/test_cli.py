"""``kit import-xlsx`` / ``kit export-xlsx`` through the typer app: located messages on stderr, exit 1, no
traceback. (kit/cli/excel.py)"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from kit.baselines import SAMPLE_LIBRARY, load_library
from kit.cli import app
import kit.cli  # noqa: F401  registers every command

from .test_broken_rows import _workbook

XLS = Path(__file__).resolve().parent / "data" / "jiangmen-ecology-discretion.xls"
JM = ["--authority", "jm-sthjj", "--authority-name", "江门市生态环境局", "--region", "440700", "--sector", "生态环境",
      "--effective-from", "2020-03-01", "--document", "江环〔2020〕10号"]


def _run(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_import_broken_workbook_exits_1_with_located_errors(tmp_path):
    path = _workbook(tmp_path / "broken.xlsx")
    result = _run("import-xlsx", path, "--out", tmp_path / "out", "--authority", "demo", "--sector", "生态环境",
                  "--effective-from", "2025-01-01", "--lang", "en")
    assert result.exit_code == 1
    assert "某法!G4 (裁量标准)" in result.output and "nothing written" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "out").exists()


def test_import_jiangmen_partial_prints_the_figures(tmp_path):
    result = _run("import-xlsx", XLS, "--out", tmp_path / "jm", "--partial", *JM, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert 'rows: "裁量标准" read to exact specs' in result.output
    zh = _run("import-xlsx", XLS, "--out", tmp_path / "jm-zh", "--partial", *JM)  # the default language
    assert zh.exit_code == 0 and "的“裁量标准”读为确切规格" in zh.output and "exact specs" not in zh.output
    assert len(load_library(tmp_path / "jm").baselines) > 140


def test_bad_date_option(tmp_path):
    result = _run("import-xlsx", XLS, "--out", tmp_path / "x", "--effective-from", "2020-13-01")
    assert result.exit_code == 1 and "--effective-from" in result.output


def test_export_then_import(tmp_path):
    out = tmp_path / "sample.xlsx"
    assert _run("export-xlsx", SAMPLE_LIBRARY, "--out", out).exit_code == 0
    assert _run("import-xlsx", out, "--out", tmp_path / "back").exit_code == 0
    assert load_library(tmp_path / "back").baselines == load_library(SAMPLE_LIBRARY).baselines


def test_export_of_a_broken_library_is_located(tmp_path):
    bad = tmp_path / "lib"
    bad.mkdir()
    (bad / "x.yaml").write_text("format_version: 1\nbaseline: {id: x}\n", encoding="utf-8")
    result = _run("export-xlsx", bad, "--out", tmp_path / "x.xlsx")
    assert result.exit_code == 1 and "x.yaml" in result.output and "Traceback" not in result.output
