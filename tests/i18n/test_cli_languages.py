"""Every command of the CLI, run as an officer would, speaks one language: with ``--lang en`` no Chinese but the
library's own words (tests/i18n/surfaces.py tells them apart), in Chinese (the default) no English sentence of
the catalog. Run through the typer app in this process (the same code path as the console script)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import kit.cli  # noqa: F401  registers every command
from kit.cli import app

from tests.i18n.surfaces import catalog_english, kit_cjk

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
XLS = ROOT / "tests" / "excel" / "data" / "jiangmen-ecology-discretion.xls"
JM = ["--authority", "jm-sthjj", "--authority-name", "江门市生态环境局", "--region", "440700", "--sector", "生态环境",
      "--effective-from", "2020-03-01", "--document", "江环〔2020〕10号", "--partial"]


INPUTS = {"audit": EXAMPLES / "audit" / "decisions.csv",  # the text of a command's input file is data
          "import-xlsx": XLS.with_suffix(".csv")}  # the same table as text (tests/excel/data/README.md)


def runs(tmp: Path) -> dict[str, list[str]]:
    """A typical run of each command (the language option is added by the test)."""
    return {
        "list": ["list"],
        "list-real": ["list", "--library", str(ROOT / "kit" / "baselines" / "real" / "shanghai-fire")],
        "evaluate": ["evaluate", str(EXAMPLES / "case-overweight.yaml")],
        "evaluate-versions": ["evaluate", str(EXAMPLES / "case-straddling-change.yaml"), "--compare-versions"],
        "check": ["check", str(EXAMPLES / "case-overweight.yaml"), "--level", "从重", "--fine", "100"],
        "review": ["review", "--sample"],
        "diff": ["diff", "js-scjg-change-registration", "js-scjg-change-registration-2026"],
        "scenario": ["scenario", "generate", "parking-fee-overcharge", "--trainee", "t1", "--n", "2", "--answers"],
        "audit": ["audit", str(EXAMPLES / "audit" / "decisions.csv"), "--rejected", str(tmp / "rejected.csv")],
        "export-xlsx": ["export-xlsx", str(ROOT / "kit" / "baselines" / "sample"), "--out", str(tmp / "lib.xlsx")],
        "import-xlsx": ["import-xlsx", str(XLS), "--out", str(tmp / "jm"), *JM],
        "grade-course": ["grade", "course", str(tmp / "course"), "--assignment", "exam-general"],
    }


def run(args: list[str]) -> str:
    result = CliRunner().invoke(app, args)
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.output


@pytest.mark.parametrize("name", list(runs(Path("/tmp"))))
def test_a_typical_run_in_english_has_only_the_librarys_chinese(name, tmp_path):
    out = run([*runs(tmp_path)[name], "--lang", "en"])
    assert out.strip()
    inputs = INPUTS[name].read_text(encoding="utf-8") if name in INPUTS else ""
    leaks = kit_cjk(out, inputs)
    assert not leaks, f"kit {name} --lang en shows Chinese of the kit: {leaks[:12]}\n{out[:3000]}"


@pytest.mark.parametrize("name", list(runs(Path("/tmp"))))
def test_a_typical_run_in_chinese_has_no_english_catalog_words(name, tmp_path):
    out = run(runs(tmp_path)[name])
    assert out.strip()
    leaks = catalog_english(out)
    assert not leaks, f"kit {name} shows English of the catalog: {leaks[:12]}\n{out[:3000]}"
