"""The fast parse (libyaml events through PyYAML) must give exactly what ruamel's YAML 1.2 safe C loader gives,
refuse what it refuses, and never keep the last of a duplicate key; the parallel read of a large library must
give the same library, or the same errors in the same order, as the in-process read."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

import kit.baselines.loader as loader
from benchmarks.bench_loader import generate
from kit.baselines import SAMPLE_LIBRARY, LibraryError, load_library
from kit.baselines.yaml_source import DuplicateKey, parse_events, parse_fast

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


def _ruamel() -> YAML:
    yaml = YAML(typ="safe", pure=False)  # the reference: ruamel's own safe C loader, YAML 1.2, no duplicates
    yaml.allow_duplicate_keys = False
    return yaml


RUAMEL = _ruamel()
RUAMEL_PURE = YAML(typ="safe", pure=True)  # what the located (pure-Python) parse reads where libyaml 0.1.7 stops


def outcome(parse, text: str):
    """("ok", value with its types) or ("error",): what a parse gives, comparable across parsers."""
    try:
        return ("ok", typed(parse(text)))
    except Exception:
        return ("error",)


def same_as_ruamel(text: str) -> bool:
    """parse_fast agrees with ruamel's safe C loader; where that one refuses the text, parse_fast refuses it
    too, or reads what ruamel's pure parser (the one the located parse uses) reads. (ruamel.yaml.clib carries
    libyaml 0.1.7, which stops at a colon inside a plain scalar in a flow collection, ``[a:b]``; PyYAML's
    libyaml reads it, as the pure parser does.)"""
    fast, reference = outcome(parse_fast, text), outcome(RUAMEL.load, text)
    if reference == ("error",) and fast != reference:
        return fast == outcome(RUAMEL_PURE.load, text)
    return fast == reference


def typed(value):
    if isinstance(value, dict):
        return ("map", [(typed(k), typed(v)) for k, v in value.items()])
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [typed(v) for v in value])
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    return (type(value).__name__, repr(value))


TRICKY = [
    # YAML 1.1 booleans are text in 1.2; only true/false (three spellings) are booleans
    "yes", "no", "on", "off", "y", "n", "Y", "N", "YES", "No", "On", "OFF", "true", "True", "TRUE", "false",
    "False", "FALSE", "tRUE", "fAlse",
    # null
    "null", "Null", "NULL", "nULL", "~", "",
    # integers: 012 is twelve (not octal), 1:20 is text (no sexagesimal), 0o/0x/0b prefixes
    "012", "0012", "09", "0o12", "0o8", "0x1F", "0x1f", "0b101", "0b12", "0x", "1_000", "-1_0", "+12", "-0",
    "+0", "0", "00", "1:20", "-1:20", "1:20.5", "190000", "320000", "-_", "_", "0x_1", "1__2",
    # floats
    "1.5", "1.", ".5", "-.5", "+.5", "1e3", "1E3", "1e+3", "1.e3", "-1.5e-3", ".5e3", ".5e+3", "1_0.5",
    "6.02e23", "1e", "1e+", "e3", ".", "-", "+", "0.0.1", "1.2.3", "._",
    ".inf", "-.inf", "+.inf", ".Inf", ".INF", ".iNf", ".nan", ".NaN", ".NAN", "-.nan",
    # dates and timestamps; 2022-02-30 and 2024-13-01 must raise (the located parse reports them)
    "2024-01-01", "2022-02-30", "2024-13-01", "2024-1-1", "2024-01-1", "2024-01-01T10:00:00",
    "2024-01-01t10:00:00Z", "2024-01-01T10:00:00+08:00", "2024-01-01T10:00:00.123456789", "2024-01-01 10:00:00",
    "2024-01-01 10:00:00 +08:00", "20240101", "12:30",
    # text, including what only looks special
    "=", "中文", "2024年", "示例：苏市监规〔2024〕X号", "js-scjg-44", "∞", "0.5元", "a: b",
]


@pytest.mark.parametrize("scalar", TRICKY)
@pytest.mark.parametrize("shape", ["k: {}", "{}: v", "- {}", "k: [{}]", "k: '{}'", 'k: "{}"', "k: |\n  {}\n"])
def test_scalars_as_ruamel_yaml_1_2(shape, scalar):
    assert same_as_ruamel(shape.format(scalar))


def test_a_few_answers_spelled_out():
    assert parse_fast("a: yes\nb: on\nc: 012\nd: 1:20\ne: 2024-01-01\nf: 0o17\ng: ~\nh: 1e3") == {
        "a": "yes", "b": "on", "c": 12, "d": "1:20", "e": __import__("datetime").date(2024, 1, 1), "f": 15,
        "g": None, "h": 1000.0}


def test_impossible_date_raises_so_the_located_parse_reports_it():
    with pytest.raises(ValueError):
        parse_fast("effective_from: 2022-02-30\n")


DOCUMENTS = [
    "", "# only a comment\n", "---\n", "---\n...\n", "a: 1\n---\nb: 2\n",
    "a: &x 1\nb: *x\n", "a: &m {x: 1}\nb: *m\n", "base: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n", "<<: {a: 1}\nb: 2",
    "? [1, 2]\n: x", "? {a: 1}\n: x", "a: !!str 1", "a: ! 12", "a: !!int '7'", "!!map {a: 1}", "a: !custom x",
    "=: 1", "a: =",
    "a:\n  - {x: [1, {y: 2}]}\n  -\n  - ''", "- - - 1", "a: |\n  text\n  more\nb: >\n  folded\n",
    "[1, 2", "a: b: c", "\ta: 1", "a: 1\nA: 2", "'1': a\n1: b", "k: 'it''s'\nl: \"tab\\t\"", "%YAML 1.1\n---\na: yes",
    "a: 1 # comment\n", "k: [a:b]", "k: [1:20, http://x]", "k: {a:b}", "k: {a: b:c}", "k: [a:, b]", "k: [a?b]",
    "k: [?a]", "k: {? a}", "[a, b]: c", "{a: 1, b: [x, y], c: {d: null}}", "- 1\n- -1\n- .5", "🙂: 表情",
]


@pytest.mark.parametrize("text", DOCUMENTS)
def test_documents_as_ruamel(text):
    assert same_as_ruamel(text)


@pytest.mark.parametrize("text", [
    "a: 1\na: 2", "a: {b: 1, b: 2}", "- {x: 1, y: 2, x: 3}", "1: a\n1.0: b", "true: a\n1: b", "null: 1\n~: 2",
    ".nan: 1\n.nan: 2", "2024-01-01: a\n'x': b\n2024-01-01: c",
])
def test_duplicate_keys_are_never_kept_silently(text):
    with pytest.raises(Exception):  # noqa: B017  ruamel raises different classes for these
        RUAMEL.load(text)
    with pytest.raises(DuplicateKey):
        parse_events(text)
    with pytest.raises(DuplicateKey):
        parse_fast(text)


def _repository_yaml() -> list[Path]:
    folders = [SAMPLE_LIBRARY, FIXTURES, ROOT / "examples"]
    return sorted(p for f in folders if f.exists() for p in f.rglob("*") if p.suffix in (".yaml", ".yml"))


def test_every_yaml_file_of_the_repository_as_ruamel():
    files = _repository_yaml()
    assert len(files) > 20
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert same_as_ruamel(text), path


_PLAINISH = st.text(alphabet="0123456789+-._eExobXOBabcfinlNTtFfu~:_ ", min_size=0, max_size=12)


@settings(max_examples=400, deadline=None)
@given(_PLAINISH)
def test_random_plain_scalars_as_ruamel(scalar):
    for text in (f"k: {scalar}", f"{scalar}: v", f"- {scalar}", f"k: [{scalar}]", f"k: {{{scalar}: v}}"):
        assert same_as_ruamel(text), text


# --- the parallel read of a large library ----------------------------------------------------------------


def _load(folder: Path, monkeypatch, parallel: bool):
    """Load ``folder`` in-process, or with the worker pool on 3-file chunks however few the files."""
    with monkeypatch.context() as m:
        if parallel:
            m.setattr(loader, "_workers", lambda count: 2)
            m.setattr(loader, "PARALLEL_CHUNK", 3)
        else:
            m.setattr(loader, "_workers", lambda count: 1)
        try:
            return load_library(folder), None
        except LibraryError as exc:
            return None, exc.errors


def test_parallel_read_gives_the_same_library(tmp_path, monkeypatch):
    generate(tmp_path, matters=20)
    serial, errors = _load(tmp_path, monkeypatch, parallel=False)
    assert errors is None
    parallel, errors = _load(tmp_path, monkeypatch, parallel=True)
    assert errors is None
    assert parallel == serial
    assert len(parallel.matters) == 20


def test_parallel_read_gives_the_same_errors_in_the_same_order(tmp_path, monkeypatch):
    shutil.copytree(FIXTURES / "six-errors", tmp_path / "six")
    generate(tmp_path / "more", matters=6)
    (tmp_path / "more" / "matters" / "m00003.yaml").write_bytes(b"format_version: 1\nmatter: \xff\xfe\n")
    (tmp_path / "more" / "baselines" / "b00002.yaml").write_text("format_version: 1\nbaseline: [\n", "utf-8")
    serial, serial_errors = _load(tmp_path, monkeypatch, parallel=False)
    parallel, parallel_errors = _load(tmp_path, monkeypatch, parallel=True)
    assert serial is None and parallel is None
    assert len(serial_errors) >= 8
    assert parallel_errors == serial_errors


def test_small_libraries_are_read_in_process():
    assert loader._workers(10) == 1
    assert loader._workers(loader.PARALLEL_MIN_FILES - 1) == 1
