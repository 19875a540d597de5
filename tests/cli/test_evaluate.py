"""`kit evaluate` and `kit check` through the real console script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CASE = ROOT / "examples" / "case-overweight.yaml"


def kit(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kit", *args], capture_output=True, text=True, cwd=ROOT)


def test_evaluate_prints_a_cited_trace_in_chinese_by_default():
    out = kit("evaluate", str(CASE))
    assert out.returncode == 0, out.stderr
    assert "推理过程" in out.stdout and "4,000元" in out.stdout
    steps = [line for line in out.stdout.splitlines() if line[:1].isdigit() and ". " in line]
    assert len(steps) >= 3
    for line in steps:  # every line cites an article or the baseline, by its title
        assert "〔" in line and ("条" in line or "《江苏省交通运输行政处罚裁量基准 车货总质量超限（示例）》" in line), line


def test_evaluate_in_english_and_json():
    out = kit("evaluate", str(CASE), "--lang", "en")
    assert out.returncode == 0 and "Reasoning" in out.stdout and "Suggested fine: CNY 4,000" in out.stdout
    data = json.loads(kit("evaluate", str(CASE), "--json").stdout)
    assert data["level"] == "standard" and data["fine"] == {"lo": 4000.0, "hi": 4000.0, "upper_open": False}


def test_bad_case_file_gets_located_errors_and_no_traceback(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\nmatter: nope\nauthority: js-jtt\ndates: {act_start: 2025-13-05}\n"
                   "factors: [bogus]\nfoo: 1\n", encoding="utf-8")
    out = kit("evaluate", str(bad), "--lang", "en")
    assert out.returncode == 1 and "Traceback" not in out.stderr
    for expected in (f"{bad}:2:9: matter: unknown matter", f"{bad}:4:20: dates.act_start: not a date",
                     f"{bad}:5:11: factors[0]: unknown factor", f"{bad}:6:6: foo: unknown key 'foo'"):
        assert expected in out.stderr, out.stderr
    assert out.stderr.rstrip().endswith("4 errors")
    zh = kit("evaluate", str(bad))  # Chinese by default: the same places
    assert zh.returncode == 1 and "Traceback" not in zh.stderr and zh.stderr.rstrip().endswith("共 4 处错误")
    assert f"{bad}:4:20: dates.act_start：不是日期" in zh.stderr and f"{bad}:6:6: foo：未知的键 'foo'" in zh.stderr


def test_missing_case_file():
    out = kit("evaluate", "no-such-case.yaml")
    assert out.returncode == 1 and "no-such-case.yaml" in out.stderr and "Traceback" not in out.stderr


def test_check_says_why():
    ok = kit("check", str(CASE), "--level", "一般", "--fine", "4000")
    assert ok.returncode == 0 and "在一般处罚的幅度" in ok.stdout
    off = kit("check", str(CASE), "--level", "从轻", "--fine", "12000")
    assert off.returncode == 1 and "偏离理由" in off.stdout and "批准文号" in off.stdout
    bad_level = kit("check", str(CASE), "--level", "很重")
    assert bad_level.returncode == 2 and "未知的裁量阶次 '很重'" in bad_level.stderr and "Traceback" not in bad_level.stderr
    bad_en = kit("check", str(CASE), "--level", "很重", "--lang", "en")
    assert bad_en.returncode == 2 and "unknown level '很重'" in bad_en.stderr


def test_json_case_file(tmp_path):
    case = tmp_path / "case.json"
    case.write_text('{"id": "j", "matter": "price-marking", "authority": "js-scjg", '
                    '"dates": {"act_start": "2025-03-01", "discovered": "2025-04-01"}, "facts": {"illegal_gains": 300}}',
                    encoding="utf-8")
    data = json.loads(kit("evaluate", str(case), "--json").stdout)
    assert data["fine"]["lo"] == 1500 and data["confiscation"] == 300


def test_several_cases_in_one_file(tmp_path):
    cases = tmp_path / "cases.yaml"
    cases.write_text("cases:\n"
                     "  - {id: a, matter: city-spitting, authority: nj-cgj, dates: {act_start: 2025-03-01}}\n"
                     "  - {id: b, matter: city-spitting, authority: nj-cgj, dates: {act_start: 2025-03-01},"
                     " factors: [nope]}\n", encoding="utf-8")
    out = kit("evaluate", str(cases))
    assert out.returncode == 1 and f"{cases}:3:" in out.stderr and "cases[1].factors[0]" in out.stderr
