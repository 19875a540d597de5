"""The filing review (kit review) and the version diff (kit diff)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from kit.baselines import load_library, sample_library
from kit.baselines.diff import diff_baselines
from kit.baselines.review import KINDS, review

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
PLANTED = {  # the conflicts planted in the sample library as teaching examples
    ("js-scjg-food-inspection", "js-scjg-food-inspection.levels.standard.fine", "cn-samr-food-inspection"),
    ("js-scjg-food-inspection", "js-scjg-food-inspection.levels.aggravated.penalties", "cn-samr-food-inspection"),
    ("nj-gl-scjg-price-marking", "nj-gl-scjg-price-marking.levels.standard.fine", "js-scjg-price-marking"),
}


def kit(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kit", *args], capture_output=True, text=True, cwd=ROOT)


def test_review_lists_exactly_the_planted_conflicts():
    findings = review(sample_library())
    conflicts = {(f.baseline, f.path, f.higher) for f in findings if f.kind == "conflict"}
    assert conflicts == PLANTED
    for f in findings:
        assert f.file.endswith(".yaml") and f.line and f.rule and f.zh and f.en


def test_review_cli_exit_codes_and_clean_library():
    sample = kit("review", "--sample")
    assert sample.returncode == 1 and "与上级基准冲突】3" in sample.stdout
    clean = kit("review", str(FIXTURES / "valid"))
    assert clean.returncode == 0 and clean.stdout.strip() == "未发现问题。"
    english = kit("review", str(FIXTURES / "valid"), "--lang", "en")
    assert english.stdout.strip() == "No findings."


def test_review_json_names_file_line_path_higher_and_rule():
    data = json.loads(kit("review", "--sample", "--json").stdout)
    conflicts = [d for d in data if d["kind"] == "conflict"]
    assert {(d["baseline"], d["path"], d["higher"]) for d in conflicts} == PLANTED
    assert all(d["line"] and d["file"] and d["rule"] for d in data)


def test_review_xlsx_has_the_documented_sheets(tmp_path):
    out = tmp_path / "review.xlsx"
    kit("review", "--sample", "--xlsx", str(out))
    wb = load_workbook(out)
    assert wb.sheetnames == ["概览", *[title.render("zh") for title in KINDS.values()]]
    sheet = wb["与上级基准冲突"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert {(r[0], r[3], r[4]) for r in rows} == PLANTED
    counts = {r[1]: r[2] for r in wb["概览"].iter_rows(min_row=2, values_only=True)}
    assert counts["Conflicts with a higher baseline"] == 3


def test_filing_one_new_baseline_against_the_library():
    out = kit("review", str(FIXTURES / "filing" / "js-scjg-price-marking-2026.yaml"), "--against",
              str(ROOT / "kit" / "baselines" / "sample"), "--json")
    data = json.loads(out.stdout)
    assert out.returncode == 1
    assert {d["baseline"] for d in data} == {"js-scjg-price-marking-filed"}
    kinds = sorted((d["kind"], d["path"].split(".", 1)[1]) for d in data)
    assert kinds == [("conflict", "levels.aggravated.penalties"), ("conflict", "levels.mitigated"),
                     ("conflict", "levels.standard.fine"), ("unconditioned_leniency", "levels.mitigated")]


def test_unreachable_level_and_missing_parts(tmp_path):
    # the valid fixture without its aggravating factor: 从重 can no longer be reached
    lib_dir = tmp_path / "lib"
    import shutil
    shutil.copytree(FIXTURES / "valid", lib_dir)
    factors = (lib_dir / "factors.yaml").read_text(encoding="utf-8")
    (lib_dir / "factors.yaml").write_text(factors.split("  - id: evidence_destroyed")[0], encoding="utf-8")
    findings = review(load_library(lib_dir))
    assert [(f.kind, f.path) for f in findings] == [("unreachable_level", "js-scjg-44.levels.aggravated")]


def test_diff_lists_every_known_edit():
    lib = sample_library()
    changes = diff_baselines(lib.baselines["js-scjg-change-registration"],
                             lib.baselines["js-scjg-change-registration-2026"])
    paths = sorted((c.kind, c.path) for c in changes)
    assert paths == sorted([
        ("changed", "version"), ("changed", "title"), ("changed", "effective_from"), ("changed", "effective_to"),
        ("changed", "teaching_note"), ("changed", "levels.lenient.fine"), ("changed", "levels.standard.fine"),
        ("changed", "levels.aggravated.fine"), ("added", "levels.standard.conditions"),
        ("removed", "levels.standard.conditions"),
    ])
    words = " ".join(c.zh for c in changes)
    assert "37,000–73,000元 → 40,000–65,000元" in words and "73,000–100,000元 → 65,000–100,000元" in words


def test_diff_cli_and_compare_versions():
    out = kit("diff", "js-scjg-change-registration", "js-scjg-change-registration-2026")
    assert out.returncode == 0 and "一般处罚罚款幅度：37,000–73,000元 → 40,000–65,000元" in out.stdout
    bad = kit("diff", "nope", "js-scjg-change-registration")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    case = ROOT / "examples" / "case-straddling-change.yaml"
    both = kit("evaluate", str(case), "--compare-versions")
    assert both.returncode == 0, both.stderr
    assert "37,000–73,000元" in both.stdout and "40,000–65,000元" in both.stdout
    plain = kit("evaluate", str(case))
    assert "从旧兼从轻" in plain.stdout and "40,000–65,000元" in plain.stdout


def test_a_tier_condition_without_facts_is_reported():
    """Issue 9: a tier condition in words only (no fact, no factor) is never met by a case's facts; the review
    says so at the condition's place."""
    from kit.baselines import load_library
    from kit.baselines.review import review as run_review

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "engine-law"
    found = [f for f in run_review(load_library(fixture)) if f.kind == "text_only_condition"]
    assert [(f.baseline, f.path) for f in found] == [("gd-demo-tiers", "gd-demo-tiers.tiers[4].when[0]")]
    assert found[0].line is not None and "情节特别恶劣的" in found[0].zh and "tier: 5" in found[0].en
