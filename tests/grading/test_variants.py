"""Per-trainee variants: deterministic, different per trainee, never read from the working folder."""

from __future__ import annotations

import pytest

from kit.baselines import sample_library
from kit.grading.variants import variant
from kit.i18n.errors import said
from kit.scenarios import find_template, generate

TEMPLATE = "flyposting-youth"


def test_a_variant_is_the_scenario_generated_for_the_trainee_and_is_deterministic():
    lib = sample_library()
    a = variant(TEMPLATE, "T01")
    assert a == variant(TEMPLATE, "T01")
    same = generate(find_template(TEMPLATE, lib), lib, trainee_id="T01")
    assert a.case == same.case and a.narrative_zh == same.narrative_zh
    assert a.case.id == f"{TEMPLATE}:T01:0"
    others = {variant(TEMPLATE, f"T{i:02d}").narrative_zh for i in range(1, 6)}
    assert len(others) == 5
    assert variant(TEMPLATE, "T01", seed=1).narrative_zh != a.narrative_zh


def test_a_template_id_never_reads_a_file_of_the_working_folder(tmp_path, monkeypatch):
    (tmp_path / TEMPLATE).write_text("template: {}", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert variant(TEMPLATE, "T01").case.matter == "city-flyposting"


def test_an_empty_trainee_id_is_refused():
    with pytest.raises(ValueError, match="学员编号为空") as err:
        variant(TEMPLATE, " ")
    assert said(err.value, "en").startswith("the trainee id is empty")
