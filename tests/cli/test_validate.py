"""`kit validate` and `kit list` as a user runs them: the real console script, in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import kit

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
sys.path.insert(0, str(ROOT / "tests" / "baselines"))
from test_loader_errors import CASES  # noqa: E402

SCRIPT = Path(sys.executable).parent / "kit"


def kit_cmd(*args: str, module: bool = False) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "kit", *args] if module or not SCRIPT.exists() else [str(SCRIPT), *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env={**os.environ, "COLUMNS": "200"})


def no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stdout + result.stderr, result.stderr


def test_version():
    result = kit_cmd("--version")
    assert result.returncode == 0 and kit.__version__ in result.stdout


def test_validate_sample_library_ok_with_counts():
    result = kit_cmd("validate", "--sample")
    no_traceback(result)
    assert result.returncode == 0, result.stderr
    from kit.baselines import sample_library

    n = sample_library().summary()  # the counts themselves are pinned in tests/baselines/test_sample_library.py
    assert result.stdout.strip() == (f"OK: {n['authorities']} authorities, {n['matters']} matters, "
                                     f"{n['baselines']} baselines, {n['factors']} factors, "
                                     f"{n['exemption_lists']} exemption lists")


def test_python_dash_m_kit_works_too():
    result = kit_cmd("validate", "kit/baselines/sample", module=True)
    assert result.returncode == 0 and result.stdout.startswith("OK: ")


@pytest.mark.parametrize("kind", sorted(CASES))
def test_validate_broken_fixture(kind: str):
    want = CASES[kind]
    folder = Path("tests/fixtures/broken") / kind
    result = kit_cmd("validate", str(folder), "--lang", "en")
    no_traceback(result)
    assert result.returncode == 1
    assert "OK" not in result.stdout
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == "1 error"
    located = f"{folder / want.file}:{want.line}:"
    line = next((ln for ln in lines if ln.startswith(located)), None)
    assert line is not None, result.stderr
    assert f" {want.path}: " in line or not want.path, line
    assert want.problem in line and "expected" in line and "found" in line


@pytest.mark.parametrize("lang, count, words", [(None, "共 6 处错误", ("应为", "实为")),
                                                 ("en", "6 errors", ("expected", "found"))])
def test_validate_reports_all_six_errors_of_three_files(lang, count, words):
    result = kit_cmd("validate", "tests/fixtures/six-errors", *(["--lang", lang] if lang else []))
    no_traceback(result)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == count and len(lines) == 7
    assert {ln.split(":", 1)[0] for ln in lines[:-1]} == {
        "tests/fixtures/six-errors/authorities.yaml",
        "tests/fixtures/six-errors/matters/false-registration.yaml",
        "tests/fixtures/six-errors/baselines/js-scjg-44.yaml",
    }
    assert all(all(w in ln for w in words) for ln in lines[:-1]), result.stderr


def test_validate_rejects_an_unknown_language():
    result = kit_cmd("validate", "tests/fixtures/six-errors", "--lang", "fr")
    no_traceback(result)
    assert result.returncode != 0 and "fr" in result.stderr


@pytest.mark.parametrize("args", [["validate"], ["validate", "no/such/folder"], ["list", "no/such/folder"]])
def test_user_mistakes_exit_1_without_traceback(args):
    result = kit_cmd(*args)
    no_traceback(result)
    assert result.returncode == 1 and result.stderr.strip()


def test_list_shows_matters_with_levels():
    zh = kit_cmd("list")
    assert zh.returncode == 0, zh.stderr
    assert "提交虚假材料或者采取其他欺诈手段隐瞒重要事实取得市场主体登记" in zh.stdout
    assert "从重处罚  155,000–200,000元" in zh.stdout
    en = kit_cmd("list", "--lang", "en")
    assert "aggravated  CNY 155,000–200,000" in en.stdout
    # constructed baselines carry the mark wherever they are shown; the real 江门 rows do not
    lines = zh.stdout.splitlines()
    assert any(line.strip().startswith("js-scjg-false-registration") and "示例，非正式文件" in line for line in lines)
    assert any(line.strip().startswith("jm-sthjj-eia-unapproved") and "示例" not in line for line in lines)


def test_schema_check_passes_on_committed_docs():
    result = kit_cmd("schema", "--check")
    assert result.returncode == 0, result.stderr
