"""Load errors in both languages, through the one validation path (kit/i18n/validation.py): a broken library, a
broken template set and a broken case file each give every error in one run, located, in Chinese and in
English. The English text holds no Chinese character the author did not write; the Chinese text no English
word but the author's data, the format's keys and values, ids and paths. And every pydantic error type the
kit's models produce on a corpus of broken inputs has words of its own (none falls back to a generic text)."""

from __future__ import annotations

import copy
import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel, ValidationError

from kit.baselines import LibraryError, load_library
from kit.baselines.models import LibraryFile
from kit.cases import load_cases
from kit.engine.case import Case
from kit.i18n import say
from kit.i18n.validation import KNOWN_TYPES
from kit.scenarios import load_templates
from kit.baselines import sample_library
from kit.scenarios.template import BUILTIN_PLACEHOLDERS, TemplateFile

TESTS = Path(__file__).resolve().parents[1]
LIBRARY_FIXTURES = TESTS / "fixtures"
TEMPLATE_FIXTURES = TESTS / "scenarios" / "fixtures"
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
WORD = re.compile(r"[A-Za-z][A-Za-z_]+")
TECHNICAL = {"YAML", "UTF", "YYYY", "MM", "DD", "id", "ids", "true", "false", "yaml", "x"}  # format words


def _schema_words(model: type[BaseModel]) -> set[str]:
    """The format's own vocabulary: every key and every allowed value of ``model`` (not its descriptions)."""
    words: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "properties" and isinstance(value, dict):
                    words.update(value)
                if key in ("enum", "const"):
                    words.update(map(str, value if isinstance(value, list) else [value]))
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(model.model_json_schema())
    return {w for text in words for w in WORD.findall(text)}


def _library_ids() -> set[str]:
    """The ids of the sample library a message may list (matters, authorities, factors, facts, baselines)."""
    lib = sample_library()
    ids = {*lib.matters, *lib.authorities, *lib.factors, *lib.baselines}
    ids |= {f.id for m in lib.matters.values() for f in m.facts}
    return {w for i in ids for w in WORD.findall(i)}


FORMAT_WORDS = (_schema_words(LibraryFile) | _schema_words(TemplateFile) | _schema_words(Case) | TECHNICAL
                | set(BUILTIN_PLACEHOLDERS) | _library_ids())


def _written(files: list[Path]) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in files)


def assert_both_languages(errors: list, written: str) -> None:
    """Each error reads fully in both languages: the same place, no word of the other language outside data."""
    data_words = set(WORD.findall(written)) | FORMAT_WORDS
    for error in errors:
        assert error.line is not None, error.render("en")
        en, zh = error.render("en"), error.render("zh")
        assert en.startswith(error.place + ": ") and zh.startswith(error.place + "："), (en, zh)
        en_words = en[len(error.place):].replace(say(error.found, "en"), "")
        zh_words = zh[len(error.place):].replace(say(error.found, "zh"), "")
        stray_cjk = {c for c in CJK.findall(en_words) if c not in written}
        assert not stray_cjk, f"Chinese in the English message: {en}"
        stray_en = set(WORD.findall(zh_words)) - data_words
        assert not stray_en, f"English {sorted(stray_en)} in the Chinese message: {zh}"
        assert "expected" in en and "found" in en and "应为" in zh and "实为" in zh


def _library_errors(folder: Path) -> list:
    with pytest.raises(LibraryError) as caught:
        load_library(folder)
    report_zh, report_en = caught.value.report(), caught.value.report("en")
    n = len(caught.value.errors)
    assert report_zh.endswith(f"共 {n} 处错误") and report_en.endswith(f"{n} error" + ("s" if n != 1 else ""))
    return caught.value.errors


LIBRARY_FOLDERS = sorted([*(LIBRARY_FIXTURES / "broken").iterdir(), LIBRARY_FIXTURES / "six-errors"])


@pytest.mark.parametrize("folder", LIBRARY_FOLDERS, ids=lambda p: p.name)
def test_a_broken_library_in_both_languages(folder: Path):
    errors = _library_errors(folder)
    assert_both_languages(errors, _written(sorted(folder.rglob("*.yaml"))))


def test_six_errors_of_three_files_in_one_run_in_both_languages():
    errors = _library_errors(LIBRARY_FIXTURES / "six-errors")
    assert len(errors) == 6 and len({e.file for e in errors}) == 3


def test_every_broken_template_in_one_run_in_both_languages(library):
    files = sorted((TEMPLATE_FIXTURES / "broken").glob("*.yaml"))
    with pytest.raises(LibraryError) as caught:
        load_templates(*files, library=library)
    errors = caught.value.errors
    assert {e.file for e in errors} == {str(f) for f in files}  # every file's errors, at once
    assert_both_languages(errors, _written(files))


BROKEN_CASES = """\
format_version: 1
cases:
  - id: one
    matter: city-flyposting
    authority: nj-cgj
    dates: {act_start: 2025-02-30, discovered: 2025-04-01}
    party: {kind: robot, age: many}
    colour: red
  - id: two
    authority: nj-cgj
    dates: {discovered: 2025-04-01}
    overdue: perhaps
    facts: {sales_amount: lots}
"""


def test_a_broken_case_file_in_one_run_in_both_languages(tmp_path: Path, library):
    path = tmp_path / "cases.yaml"
    path.write_text(BROKEN_CASES, encoding="utf-8")
    with pytest.raises(LibraryError) as caught:
        load_cases(path, library)
    errors = caught.value.errors
    where = sorted((e.line, e.path) for e in errors)
    assert where == [
        (6, "cases[0].dates.act_start"), (7, "cases[0].party.age"), (7, "cases[0].party.kind"),
        (8, "cases[0].colour"), (9, "cases[1].matter"), (11, "cases[1].dates.act_start"),
        (12, "cases[1].overdue"), (13, "cases[1].facts.sales_amount"),
    ], caught.value.report("en")
    assert_both_languages(errors, BROKEN_CASES)
    en = caught.value.report("en")
    assert "unknown key 'colour'" in en and "missing required key 'matter'" in en and "not a date" in en
    zh = caught.value.report()
    assert "未知的键 'colour'" in zh and "缺少必需的键 'matter'" in zh and "不是日期" in zh


# ---------------------------------------------------------------- every error type has words


WRONG_VALUES: tuple[object, ...] = (None, "x", -1, -0.5, 10**13, 1.5, True, [], {}, "", "2022-02-30",
                                    date(2025, 1, 1), float("inf"), [1], {"x": 1}, "a" * 300)


def _mutations(data: object):
    """Broken variants of ``data``: every leaf replaced by wrong values, every key dropped, an unknown key
    added to every mapping."""
    if isinstance(data, dict):
        yield {**data, "no_such_key": 1}
        for key, value in data.items():
            yield {k: v for k, v in data.items() if k != key}
            for wrong in WRONG_VALUES:
                yield {**data, key: wrong}
            for variant in _mutations(value):
                yield {**data, key: variant}
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield [*data[:i], *data[i + 1:]]
            for wrong in WRONG_VALUES:
                yield [*data[:i], wrong, *data[i + 1:]]
            for variant in _mutations(item):
                yield [*data[:i], variant, *data[i + 1:]]


def _corpus() -> list[tuple[type[BaseModel], object]]:
    out: list[tuple[type[BaseModel], object]] = []
    for path in sorted((LIBRARY_FIXTURES / "valid").rglob("*.yaml")) + sorted((LIBRARY_FIXTURES / "scored").rglob("*.yaml")):
        out.append((LibraryFile, yaml.safe_load(path.read_text(encoding="utf-8"))))
    out.append((TemplateFile, yaml.safe_load((TEMPLATE_FIXTURES / "valid.yaml").read_text(encoding="utf-8"))))
    cases = yaml.safe_load((TESTS / "cases" / "domain-examples.yaml").read_text(encoding="utf-8"))["cases"]
    out += [(Case, entry["case"]) for entry in cases[:12]]
    return out


def test_every_error_type_the_models_produce_has_words():
    seen: dict[str, str] = {}
    for model, data in _corpus():
        for variant in _mutations(copy.deepcopy(data)):
            try:
                model.model_validate(variant)
            except ValidationError as exc:
                for err in exc.errors(include_url=False):
                    seen.setdefault(err["type"], ".".join(map(str, err["loc"])))
    assert {"missing", "extra_forbidden", "literal_error", "int_parsing", "float_parsing", "date_from_datetime_parsing",
            "greater_than_equal", "string_type", "bool_parsing", "value_error"} <= set(seen), sorted(seen)
    without = {kind: loc for kind, loc in seen.items() if kind not in KNOWN_TYPES}
    assert not without, f"pydantic error types without words in kit/i18n/validation.py: {without}"
