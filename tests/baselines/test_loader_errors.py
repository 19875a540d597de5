"""One broken fixture per kind of error (tests/fixtures/broken/<kind>/): each is the valid library of
tests/fixtures/valid/ with exactly one planted mistake. The message must name the file, the exact line, the
dotted path, and say what was wrong, what was expected and what was found."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from kit.baselines import LibraryError, load_library
from kit.i18n import say

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BROKEN = FIXTURES / "broken"
B = "baselines/js-scjg-44.yaml"
M = "matters/false-registration.yaml"


@dataclass(frozen=True)
class Expect:
    file: str  # relative to the fixture folder
    line: int
    path: str
    problem: str  # words the problem must contain
    expected: str = ""  # words "expected …" must contain
    found: str = ""  # words "found …" must contain


CASES: dict[str, Expect] = {
    "yaml-syntax": Expect(B, 4, "js-scjg-44.title", "YAML syntax error", "valid YAML", "mapping values"),
    "unknown-key": Expect(B, 21, "js-scjg-44.levels.standard.condition", "unknown key 'condition'",
                          "conditions, fine, individual_fine, penalties", "condition"),
    "duplicate-key": Expect(B, 30, "js-scjg-44.levels.aggravated.fine.max", "duplicate key", "once", "'max'"),
    "missing-key": Expect(M, 9, "false-registration.provisions[0].citation", "missing required key 'citation'",
                          "citation", "no such key"),
    "wrong-type": Expect("authorities.yaml", 10, "authorities[1].region", "wrong type", "text", "320000"),
    "not-a-date": Expect(B, 9, "js-scjg-44.effective_from", "not a date", "YYYY-MM-DD", "2025年1月1日"),
    "impossible-date": Expect(M, 12, "false-registration.provisions[0].effective_from", "not a date",
                              "YYYY-MM-DD", "2022-02-30"),
    "min-greater-than-max": Expect(B, 14, "js-scjg-44.levels.mitigated.fine.min", "min greater than max",
                                   "10000", "40000"),
    "outside-statutory-range": Expect(B, 29, "js-scjg-44.levels.aggravated.fine.max",
                                      "outside the statutory range", "200000", "250000"),
    "mitigated-not-below": Expect(B, 14, "js-scjg-44.levels.mitigated.fine.max", "mitigated", "50000", "60000"),
    "overlapping-levels": Expect(B, 23, "js-scjg-44.levels.standard.fine.min", "overlaps", "95000", "90000"),
    "gap-between-levels": Expect(B, 23, "js-scjg-44.levels.standard.fine.min", "gap", "95000", "100000"),
    "unknown-factor": Expect("lists/js-scjg-reduced.yaml", 13, "js-scjg-reduced.items[0].requires[1]",
                             "unknown factor", "minor_harm", "minor_harms"),
    "unknown-matter": Expect(B, 6, "js-scjg-44.matter", "unknown matter", "false-registration",
                             "false-registrations"),
    "unknown-provision": Expect(B, 7, "js-scjg-44.provision", "unknown provision", "scdjtl-44", "scdjtl-45"),
    "unknown-authority": Expect(B, 5, "js-scjg-44.authority", "unknown authority", "js-scjg", "js-scjgj"),
    "refines-nothing": Expect(B, 9, "js-scjg-44.refines", "refines", "baseline", "cn-samr-44"),
    "duplicate-id": Expect("baselines/nj-scjg-44.yaml", 3, "js-scjg-44.id", "duplicate baseline id",
                           "not used elsewhere", "baselines/js-scjg-44.yaml:3"),
    "version-gap": Expect("baselines/js-scjg-44-v2.yaml", 9, "js-scjg-44-v2.effective_from", "gap after version 2024",
                          "2025-07-01", "2025-08-01"),
    "version-overlap": Expect("baselines/js-scjg-44-v2.yaml", 9, "js-scjg-44-v2.effective_from",
                              "overlaps version 2024", "2025-06-30", "2025-06-01"),
    "authority-cycle": Expect("authorities.yaml", 8, "authorities[0].parent", "circular parent",
                              "ends at an authority without a parent", "cn-samr → js-scjg → cn-samr"),
    "refines-cycle": Expect(B, 7, "js-scjg-44.refines", "circular refines", "refining none",
                            "js-scjg-44 → js-scjg-44-detail → js-scjg-44"),
    "unsupported-format-version": Expect(M, 1, "format_version", "unsupported format_version",
                                         "format_version: 1", "2"),
}


def load_errors(folder: Path) -> list:
    with pytest.raises(LibraryError) as caught:
        load_library(folder)
    return caught.value.errors


def test_every_fixture_has_an_expectation():
    assert sorted(p.name for p in BROKEN.iterdir() if p.is_dir()) == sorted(CASES)


def test_the_unbroken_fixture_loads():
    assert load_library(FIXTURES / "valid").summary() == {
        "authorities": 2, "matters": 1, "baselines": 1, "factors": 3, "exemption_lists": 1}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_broken_fixture_is_reported_at_its_place(kind: str):
    want = CASES[kind]
    folder = BROKEN / kind
    errors = load_errors(folder)
    # one planted mistake, one message: no cascade into files that reference the broken one
    assert len(errors) == 1, "\n".join(map(str, errors))
    error = errors[0]
    assert Path(error.file) == folder / want.file
    assert error.line == want.line, str(error)
    assert error.column is not None and error.column >= 1
    assert error.path == want.path, str(error)
    text = error.render("en")
    assert want.problem in say(error.problem, "en"), text
    assert want.expected in say(error.expected, "en"), text
    assert want.found in say(error.found, "en"), text
    assert text.startswith(f"{folder / want.file}:{want.line}:"), text
    assert f"{want.path}:" in text and "expected" in text and "found" in text
    zh = str(error)  # Chinese by default: the same place, the words around it translated
    assert zh.startswith(error.place + "：") and "应为" in zh and "实为" in zh, zh
    for internal in ("Input should", "pydantic", "[key]", "ValidationError", "Traceback", "model_type"):
        assert internal not in text and internal not in zh, text


def test_three_files_with_two_errors_each_report_all_six():
    errors = load_errors(FIXTURES / "six-errors")
    where = sorted((Path(e.file).relative_to(FIXTURES / "six-errors").as_posix(), e.line, e.path) for e in errors)
    assert where == sorted([
        ("authorities.yaml", 6, "authorities[0].website"),
        ("authorities.yaml", 11, "authorities[1].region"),
        (M, 9, "false-registration.provisions[0].citation"),
        (M, 11, "false-registration.provisions[0].effective_from"),
        (B, 5, "js-scjg-44.authority"),
        (B, 9, "js-scjg-44.version"),
    ]), "\n".join(map(str, errors))
    assert len({e.problem.key for e in errors}) == 6  # six different kinds of mistake


def test_a_broken_library_builds_nothing():
    result = None
    with pytest.raises(LibraryError) as caught:
        result = load_library(FIXTURES / "six-errors")
    assert result is None
    assert caught.value.report("en").endswith("\n6 errors")
    assert caught.value.report().endswith("\n共 6 处错误") and str(caught.value) == caught.value.report()


def test_a_missing_path_is_an_error_not_an_exception(tmp_path: Path):
    errors = load_errors(tmp_path / "nowhere")
    assert say(errors[0].problem, "en") == "no such file or directory"
    assert say(errors[0].problem) == "没有这个文件或文件夹"
    errors = load_errors(tmp_path)  # an empty folder
    assert say(errors[0].problem, "en") == "no library files"
