"""`kit review` tier by tier: the real Jiangmen table, imported naming its (constructed) provincial parent,
against that parent with one planted tier conflict and one circumstance the city table lacks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kit.baselines import load_library
from kit.baselines.review import review
from kit.baselines.tier_review import NATIONAL_RULE, REGION_RULES, provision_key, same_provision
from kit.excel.importer import ImportOptions, import_to_folder
from kit.excel.real import ORIGINALS, TABLES

ROOT = Path(__file__).resolve().parents[2]
PARENT = ROOT / "tests" / "fixtures" / "gd-parent"


@pytest.fixture(scope="module")
def jiangmen(tmp_path_factory):
    table = next(t for t in TABLES if t.name == "jiangmen-ecology")
    out = tmp_path_factory.mktemp("jm") / "lib"
    options = ImportOptions(**{**table.options.__dict__, "parent": "gd-demo-sthjt"})
    import_to_folder(ORIGINALS / table.original, out, options, partial=True)
    return out


def test_provision_matched_by_law_and_article():
    assert provision_key("《中华人民共和国环境影响评价法》（2018年修订）第三十一条第一款、第二款") == (
        "中华人民共和国环境影响评价法", "三十一", frozenset({"一", "二"}))
    assert same_provision("《中华人民共和国环境影响评价法》（2018年修订）第三十一条第一款、第二款",
                          "《中华人民共和国环境影响评价法》第三十一条第一款")
    assert not same_provision("《中华人民共和国环境影响评价法》（2018年修订）第三十一条第三款",
                              "《中华人民共和国环境影响评价法》第三十一条第一款")
    assert not same_provision("《中华人民共和国环境影响评价法》第三十二条", "《中华人民共和国环境影响评价法》第三十一条")


def test_planted_tier_conflict_and_missing_circumstance_reported(jiangmen):
    lib = load_library(jiangmen, PARENT)
    assert lib.authorities["jm-sthjj"].parent == "gd-demo-sthjt"  # named by the importer
    findings = [f for f in review(lib) if f.higher == "gd-demo-eia-unapproved"]
    conflicts = [f for f in findings if f.kind == "conflict"]
    assert [(f.baseline, f.path) for f in conflicts] == [("jm-sthjj-1-1", "jm-sthjj-1-1.tiers[0].fine")]
    c = conflicts[0]
    assert "1%–2%" in c.zh and "1%–1.5%" in c.zh and "报告表项目，主体工程未建设完成的" in c.zh
    assert c.rule == NATIONAL_RULE and "适用上级基准" in c.rule  # 广东 (44): the national opinion's rule
    assert c.line and c.file.endswith("jm-sthjj-1-1.yaml")
    missing = [f for f in findings if f.kind == "missing_condition"]
    assert [f.baseline for f in missing] == ["jm-sthjj-1-1"] and "项目位于生态保护红线内的" in missing[0].zh
    # 第三十一条第三款 (item 1-2) is another provision: not compared
    assert not any(f.baseline == "jm-sthjj-1-2" for f in findings)


def test_region_rule_is_the_jurisdictions_own():
    assert REGION_RULES["32"].startswith("苏政办发")


def test_kit_review_cli_reports_it_and_exits_1(jiangmen):
    out = subprocess.run([sys.executable, "-m", "kit", "review", str(jiangmen), str(PARENT), "--lang", "en"],
                         capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 1, out.stderr
    line = next(x for x in out.stdout.splitlines() if "jm-sthjj-1-1.tiers[0].fine" in x)
    assert "outside gd-demo-eia-unapproved's 1%–1.5%" in line and "国办发〔2022〕27号" in line
    assert "[A circumstance of the higher table missing] 1" in out.stdout


def test_without_the_parent_no_tier_conflict(tmp_path):
    lib = load_library(ROOT / "kit" / "baselines" / "real" / "jiangmen-ecology", PARENT)
    assert not [f for f in review(lib) if f.higher == "gd-demo-eia-unapproved"]
