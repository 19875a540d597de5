"""Collects the expert-written YAML cases in tests/cases/ as test items (a pytest plugin, like OpenFisca's
YAML tests): each entry's case is evaluated and compared with its ``expect``; a failure prints the file,
the case id and a readable difference."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from kit.baselines import LibraryError, load_library, sample_library
from kit.engine import Case, evaluate
from kit.engine.expectations import Expected, differences

CASES_DIR = Path(__file__).parent / "cases"


@pytest.fixture(scope="session")
def library():
    return sample_library()


def pytest_collect_file(parent, file_path: Path):
    if file_path.suffix == ".yaml" and file_path.parent == CASES_DIR:
        return CaseFile.from_parent(parent, path=file_path)
    return None


class CaseFile(pytest.File):
    def collect(self):
        data = YAML(typ="safe").load(self.path.read_text(encoding="utf-8"))
        for entry in data["cases"]:
            yield CaseItem.from_parent(self, name=str(entry["case"]["id"]), entry=entry)


class CaseMismatch(Exception):
    pass


class CaseItem(pytest.Item):
    _library = None

    def __init__(self, *, entry: dict, **kwargs):
        super().__init__(**kwargs)
        self.entry = entry

    def runtest(self):
        expect = dict(self.entry["expect"])
        load_error = expect.pop("load_error", None)
        try:
            library = self._load()
        except LibraryError as error:
            if load_error and load_error in error.report():
                return
            raise CaseMismatch([f"library failed to load: {error.report()}"], None) from None
        if load_error:
            raise CaseMismatch([f"expected a load error containing {load_error!r}; the library loaded"], None)
        case = Case.model_validate(self.entry["case"])
        expected = Expected.model_validate(expect)
        decision = evaluate(library, case)
        diff = differences(decision, expected)
        for step in decision.trace:  # every step explains itself with a citation, in both languages
            if not (step.citation and step.zh and step.en):
                diff.append(f"trace step {step.rule} lacks a citation or a text")
        if diff:
            raise CaseMismatch(diff, decision)

    def _load(self):
        if "library" in self.entry:
            return load_library(Path(__file__).parent / self.entry["library"])
        if CaseItem._library is None:
            CaseItem._library = sample_library()
        return CaseItem._library

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, CaseMismatch):
            diff, decision = excinfo.value.args
            return "\n".join([f"{self.path.name} · case {self.name}", *("  " + d for d in diff), "",
                              decision.summary("zh") if decision else ""])
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, 0, f"case {self.name}"
