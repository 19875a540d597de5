"""The authoring template in docs/templates/ imports cleanly, one example per penalty shape."""

from __future__ import annotations

from openpyxl import load_workbook

from kit.baselines import load_library
from kit.baselines.models import FixedFine, MaxOnlyFine, MultipleFine, PerUnitFine, RangeFine
from kit.excel.importer import import_to_folder
from kit.excel.template import TEMPLATE_PATH, build_template


def _values(path):
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in load_workbook(path).worksheets}


def test_committed_template_is_what_build_template_writes(tmp_path):
    assert TEMPLATE_PATH.exists(), "run python -m kit.excel.template"
    assert _values(build_template(tmp_path / "t.xlsx")) == _values(TEMPLATE_PATH)


def test_template_imports_cleanly_with_every_shape(tmp_path):
    result = import_to_folder(TEMPLATE_PATH, tmp_path / "lib")
    assert not result.errors, "\n".join(map(str, result.errors))
    lib = load_library(tmp_path / "lib")
    shapes = {type(t.fine) for b in lib.baselines.values() for t in b.tiers}
    assert shapes == {RangeFine, MaxOnlyFine, MultipleFine, FixedFine, PerUnitFine}
    assert any(t.individual_fine for b in lib.baselines.values() for t in b.tiers)
    assert all(b.disclaimer == "示例，非正式文件" for b in lib.baselines.values())
