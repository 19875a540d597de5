"""One broken template per kind of error (fixtures/broken/<kind>.yaml, each the valid fixture with one planted
mistake): the message names the file, the line, the dotted path and the problem; the CLI shows no traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from kit.baselines import LibraryError
from kit.i18n import say
from kit.scenarios import load_templates

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
BROKEN = FIXTURES / "broken"


@dataclass(frozen=True)
class Expect:
    line: int
    path: str
    problem: str
    found: str = ""


CASES = {
    "unknown-placeholder": Expect(32, "fixture-flyposting.narrative.zh", "unknown placeholder", "{poster}"),
    "impossible-range": Expect(17, "fixture-flyposting.facts.sales_amount.min", "impossible range", "5000"),
    "unknown-factor": Expect(21, "fixture-flyposting.circumstances[0].factors[0]", "unknown factor",
                             "continued_after_orders"),
    "unknown-key": Expect(23, "fixture-flyposting.circumstances[0].probability", "unknown key 'probability'"),
    "unknown-matter": Expect(6, "fixture-flyposting.matter", "unknown matter", "city-flyposter"),
    "unknown-fact": Expect(17, "fixture-flyposting.facts.turnover", "unknown fact", "turnover"),
    "date-before-act": Expect(15, "fixture-flyposting.dates.discovered.days.min", "out of bounds", "-10"),
    "date-after-later": Expect(15, "fixture-flyposting.dates.discovered.after", "value not allowed", "decided"),
    "group-over-one": Expect(22, "fixture-flyposting.circumstances[0].p", "exceed 1", "1.1"),
    "yaml-syntax": Expect(8, "fixture-flyposting.difficulty", "YAML syntax error"),
    "missing-narrative-circumstances": Expect(31, "fixture-flyposting.narrative.zh", "does not show the circumstances"),
}


def test_every_fixture_has_an_expectation():
    assert sorted(p.stem for p in BROKEN.glob("*.yaml")) == sorted(CASES)


def test_the_unbroken_fixture_loads(library):
    [template] = load_templates(FIXTURES / "valid.yaml", library=library)
    assert template.id == "fixture-flyposting" and template.where("reachable").endswith("valid.yaml:9")


@pytest.mark.parametrize("kind", sorted(CASES))
def test_broken_template_is_reported_at_its_place(kind: str, library):
    want = CASES[kind]
    file = BROKEN / f"{kind}.yaml"
    with pytest.raises(LibraryError) as caught:
        load_templates(file, library=library)
    first = caught.value.errors[0]
    message = first.render("en")
    assert first.file == str(file) and first.line == want.line, message
    assert message.startswith(f"{file}:{want.line}:"), message
    assert first.path == want.path, message
    assert want.problem in say(first.problem, "en") and "expected" in message, message
    assert want.found in say(first.found, "en"), message


def test_all_errors_of_all_files_at_once(library):
    with pytest.raises(LibraryError) as caught:
        load_templates(BROKEN, library=library)
    assert {e.file for e in caught.value.errors} == {str(BROKEN / f"{k}.yaml") for k in CASES}


def kit_scenario(*args: str) -> subprocess.CompletedProcess:
    code = "import sys, kit.cli.scenario; from kit.cli import main; sys.argv[0] = 'kit'; main()"
    return subprocess.run([sys.executable, "-c", code, "scenario", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300, env={**os.environ, "COLUMNS": "200"})


@pytest.mark.parametrize("kind", ["unknown-placeholder", "impossible-range", "unknown-factor", "yaml-syntax"])
def test_cli_check_broken_template_no_traceback(kind: str):
    file = Path("tests/scenarios/fixtures/broken") / f"{kind}.yaml"
    for args in (["check", str(file)], ["generate", str(file), "--trainee", "T1"]):
        result = kit_scenario(*args)
        assert "Traceback" not in result.stdout + result.stderr, result.stderr
        assert result.returncode == 1
        assert result.stderr.startswith(f"{file}:{CASES[kind].line}:"), result.stderr
        assert CASES[kind].path in result.stderr


def test_cli_unknown_template_and_unreachable_level_no_traceback():
    result = kit_scenario("generate", "no-such-template", "--trainee", "T1")
    assert result.returncode == 1 and "Traceback" not in result.stderr and "no-such-template" in result.stderr
    result = kit_scenario("generate", "highway-overweight", "--trainee", "T1", "--level", "从重")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "highway-overweight.yaml:" in result.stderr and "produced no 从重处罚" in result.stderr
    result = kit_scenario("generate", "highway-overweight", "--trainee", "T1", "--level", "严重")
    assert result.returncode == 2 and "--level：未知的处理结果 '严重'" in result.stderr  # the default language
    result = kit_scenario("generate", "highway-overweight", "--trainee", "T1", "--level", "严重", "--lang", "en")
    assert result.returncode == 2 and "--level: unknown outcome '严重'" in result.stderr
