"""Scenarios from any tier: a template made from each tier of the real libraries (and of the sample library's
tiered baselines) generates cases whose facts and factors select that very tier, without ``tier:``."""

from __future__ import annotations

import pytest

from kit.baselines import REAL_LIBRARIES, load_library, sample_library
from kit.scenarios import generate
from kit.scenarios.from_tier import tier_template, tier_templates
from kit.scenarios.template_checks import problems


def _tier_of(template_id: str) -> tuple[str, str, int]:
    """tier.<baseline>.<block>.<no> → (baseline, block, no)."""
    head, block, no = template_id.rsplit(".", 2)
    return head.removeprefix("tier."), block, int(no)


@pytest.mark.parametrize("name", ["shenzhen-urban", "jiangmen-ecology"])
def test_every_tier_of_a_real_library_can_be_drilled(name):
    lib = load_library(REAL_LIBRARIES / name)
    templates = tier_templates(lib)
    tiers = [(b.id, t.block, t.no) for b in lib.baselines.values() for t in b.tiers if t.block != "individual"]
    assert len(templates) == len(tiers)
    assert not [t.id for t in templates if problems(t, lib)]
    wrong = []
    for template in templates:
        _, block, no = _tier_of(template.id)
        for seed in (1, 2):
            s = generate(template, lib, trainee_id="t", seed=seed)
            if s.decision.tier != no or s.case.tier is not None or s.case.overdue != (block == "overdue"):
                wrong.append((template.id, seed, s.decision.tier))
    assert not wrong, wrong[:10]


def test_a_generated_case_reads_as_a_case():
    lib = load_library(REAL_LIBRARIES / "shenzhen-urban")
    b = lib.baselines["sz-cgj-1"]
    template = tier_template(lib, b, b.tiers[1])
    s = generate(template, lib, trainee_id="officer-7", seed=3)
    assert s.case.facts == {"penalties_1y": 2} and s.decision.suggested_fine == 10000
    assert "不履行市容和环境卫生主体责任且逾期未改正" in s.narrative_zh and "2次" in s.narrative_zh
    assert "示例案例，非正式文件" in s.narrative_zh and "Constructed example" in s.narrative_en
    again = generate(template, lib, trainee_id="officer-7", seed=3)
    assert again.narrative_zh == s.narrative_zh  # deterministic per trainee and seed
    other = generate(template, lib, trainee_id="officer-8", seed=3)
    assert other.case.dates != s.case.dates or other.narrative_zh != s.narrative_zh


def test_factor_tier_ticks_its_factor_and_thresholds_stay_inside_the_band():
    lib = load_library(REAL_LIBRARIES / "jiangmen-ecology")
    b = lib.baselines["jm-sthjj-1-1"]
    s = generate(tier_template(lib, b, b.tiers[1]), lib, trainee_id="t", seed=1)
    assert s.case.factors == {"jm-sthjj-1-1.c2": True} and "报告表项目，主体工程已建设完成的" in s.narrative_zh
    assert s.case.facts["investment"] > 0 and s.decision.tier == 2
    b = lib.baselines["jm-sthjj-4-22"]
    s = generate(tier_template(lib, b, b.tiers[0]), lib, trainee_id="t", seed=1)
    assert 0 <= s.case.facts["quantity_t"] < 0.2 and s.decision.tier == 1  # 0.2吨以下, off the shared 0.2


def test_sample_library_tiers_too():
    lib = sample_library()
    templates = tier_templates(lib)
    assert templates
    for t in templates:
        s = generate(t, lib, trainee_id="t", seed=1)
        assert s.decision.tier == _tier_of(t.id)[2], t.id


def test_kit_scenario_generate_takes_a_tier_id():
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    def run(*a):
        return subprocess.run([sys.executable, "-m", "kit", "scenario", "generate", *a], capture_output=True,
                                        text=True, cwd=root)
    out = run("tier.sz-cgj-1.main.3", "--library", "real/shenzhen-urban", "--trainee", "a", "--answers")
    assert out.returncode == 0, out.stderr
    assert "不履行市容和环境卫生主体责任" in out.stdout and "参考答案: 从重处罚" in out.stdout and "20,000元" in out.stdout
    hidden = run("tier.sz-cgj-1.main.3", "--library", "real/shenzhen-urban", "--trainee", "a")
    assert "不履行市容和环境卫生主体责任" in hidden.stdout and "参考答案" not in hidden.stdout  # no key unless asked
    bad = run("tier.sz-cgj-1.main.9", "--library", "real/shenzhen-urban", "--trainee", "a")
    assert bad.returncode != 0 and "tier.sz-cgj-1.main.9" in bad.stderr and "Traceback" not in bad.stderr
