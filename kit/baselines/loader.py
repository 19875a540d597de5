"""Load a library from YAML files: parse, validate each file, check the whole, and either return a complete
``Library`` or raise ``LibraryError`` with every problem of every file. Nothing half-built escapes."""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from collections.abc import Iterable, Iterator, Mapping

from pydantic import ValidationError

from . import checks, model_walk
from .errors import LibraryError, LoadError, show
from .library import Library
from .models import FILE_KINDS, SUPPORTED_FORMAT_VERSIONS, LibraryFile
from .yaml_source import dotted, key_position, locate, parse_fast, parse_located, read_text

YAML_SUFFIXES = (".yaml", ".yml")
_KIND_OF = {list: "list", str: "text", int: "number", float: "number", bool: "true/false"}


@dataclass
class Source:
    """One file being loaded: its text, its data, and (built only when something must be located) its
    round-trip tree with positions."""

    file: str
    text: str
    data: Any
    _tree: Any = field(default=None, repr=False)

    @property
    def tree(self) -> Any:
        if self._tree is None:
            self._tree, _ = parse_located(self.text, self.file)
        return self._tree

    def error(self, loc: tuple, problem: str, expected: str, found: str, *, at_key: bool = False) -> LoadError:
        line, col = (key_position if at_key else locate)(self.tree, loc)
        return LoadError(self.file, line, col, dotted(self.data, loc), problem, expected, found)


from .real import library_path  # noqa: E402


def yaml_files(paths: Iterable[str | Path], what: str = "a library file or folder") -> tuple[list[Path], list[LoadError]]:
    files: list[Path] = []
    errors: list[LoadError] = []
    for raw in paths:
        path = library_path(raw)  # real/<name>: a shipped real library
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in YAML_SUFFIXES and p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            errors.append(LoadError(str(path), None, None, "", "no such file or directory", what, "nothing"))
    return files, errors


def load_library(*paths: str | Path) -> Library:
    """Load and validate every YAML file under ``paths``; raise ``LibraryError`` listing all problems."""
    with _gc_paused():
        return _load_library(paths)


def _load_library(paths: tuple[str | Path, ...]) -> Library:
    files, errors = yaml_files(paths)
    if not files and not errors:
        errors.append(LoadError(", ".join(map(str, paths)), None, None, "", "no library files",
                                "at least one .yaml file", "none"))
    parsed: list[tuple[Source, LibraryFile]] = []
    unloaded: list[Any] = []  # data of files that parsed but did not validate: their ids still count as defined
    for source, file_errors in read_sources(files):
        errors.extend(file_errors)
        if source is None:
            continue
        model, model_errors = validate_file(source)
        errors.extend(model_errors)
        if model is not None:
            parsed.append((source, model))
        else:
            unloaded.append(source.data)
    errors.extend(checks.check_library(parsed, unloaded))
    if errors:
        raise LibraryError(errors)
    return Library.from_files([(source.file, model) for source, model in parsed])


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Loading builds a few hundred thousand containers and frees almost none; the cyclic collector would
    walk the growing heap again and again (a third of the load time for 5,000 matters) to find nothing.
    Reference counting still frees everything as usual; the collector is back on at the end."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# Files are parsed in worker processes when a library is this large (a pool costs tens of milliseconds to
# start, and each parsed file must be pickled back); smaller libraries, and every test fixture, stay in-process.
PARALLEL_MIN_FILES = 500
PARALLEL_WORKERS = 2
PARALLEL_CHUNK = 250


def read_source(path: Path) -> tuple[Source | None, list[LoadError]]:
    return _to_source(path, _read_and_parse(path))


def read_sources(files: list[Path]) -> Iterator[tuple[Source | None, list[LoadError]]]:
    """``read_source`` of each file, in order; for a large library the reading and fast parsing is done by
    worker processes (the located parse of a file that needs one, and everything after, stays here)."""
    workers = _workers(len(files))
    if workers < 2:
        for path in files:
            yield read_source(path)
        return
    chunks = [files[i:i + PARALLEL_CHUNK] for i in range(0, len(files), PARALLEL_CHUNK)]
    try:
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    except (OSError, ValueError, RuntimeError):  # no processes to be had here: parse in-process
        yield from map(read_source, files)
        return
    try:
        futures = [pool.submit(_read_and_parse_chunk, chunk) for chunk in chunks]
        for chunk, future in zip(chunks, futures):
            try:
                results = future.result()
            except Exception:  # a worker died (or could not start): this chunk in-process, same answer
                results = _read_and_parse_chunk(chunk)
            for path, result in zip(chunk, results):
                yield _to_source(path, result)
    finally:  # also when the caller stops early: drop the chunks not yet begun
        pool.shutdown(wait=True, cancel_futures=True)


def _workers(count: int) -> int:
    """How many processes parse: 1 (this one) for a small library, where fork is missing, or when other
    threads run here (a forked child could inherit a lock one of them holds, e.g. in a notebook kernel)."""
    if (count < PARALLEL_MIN_FILES or "fork" not in multiprocessing.get_all_start_methods()
            or threading.active_count() > 1):
        return 1
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return min(PARALLEL_WORKERS, cpus)


# (text, data, read error, parsed): what a worker sends back for a file; data is None unless parsed.
_Parsed = tuple[str | None, Any, LoadError | None, bool]


def _read_and_parse(path: Path) -> _Parsed:
    text, error = read_text(path)
    if error:
        return None, None, error, False
    try:
        return text, parse_fast(text), None, True
    except Exception:  # any parse problem: the located parse (in the loading process) will report it exactly
        return text, None, None, False


def _read_and_parse_chunk(paths: list[Path]) -> list[_Parsed]:
    with _gc_paused():
        return [_read_and_parse(path) for path in paths]


def _to_source(path: Path, parsed: _Parsed) -> tuple[Source | None, list[LoadError]]:
    text, data, error, ok = parsed
    if error:
        return None, [error]
    file = str(path)
    if ok:
        return Source(file, text, data), []
    tree, errors = parse_located(text, file)
    if tree is None:
        return None, errors
    return Source(file, text, tree, tree), errors


def validate_file(source: Source) -> tuple[LibraryFile | None, list[LoadError]]:
    data = source.data
    if not isinstance(data, dict):
        return None, [LoadError(source.file, 1, 1, "", "not a library file", "a mapping with format_version and "
                                "one of " + ", ".join(FILE_KINDS), "an empty file" if data is None else f"a {_KIND_OF.get(type(data), 'value')}")]
    version = data.get("format_version")
    if version not in SUPPORTED_FORMAT_VERSIONS:
        found = "no format_version" if version is None else show(version)
        return None, [source.error(("format_version",), "unsupported format_version",
                                   "format_version: " + " or ".join(map(str, SUPPORTED_FORMAT_VERSIONS)), found)]
    kinds = [k for k in FILE_KINDS if k in data]
    errors: list[LoadError] = []
    if len(kinds) != 1:
        errors.append(source.error((), "a file holds exactly one kind of content",
                                   "one of " + ", ".join(FILE_KINDS), ", ".join(kinds) or "none"))
    try:
        model = LibraryFile.model_validate(data)
    except ValidationError as exc:
        errors.extend(_pydantic_errors(source, exc))
        return None, errors
    return (None if errors else model), errors


def _pydantic_errors(source: Source, exc: ValidationError) -> list[LoadError]:
    out = []
    errs = exc.errors(include_url=False)
    # A key that is not allowed (levels.severe) is one mistake: drop what pydantic also says about its value.
    bad_keys = {model_walk.data_loc(source.data, e["loc"]) for e in errs if e["loc"] and e["loc"][-1] == "[key]"}
    for err in errs:
        loc = model_walk.data_loc(source.data, err["loc"])
        if err["loc"] and err["loc"][-1] != "[key]" and any(loc[:len(k)] == k for k in bad_keys):
            continue
        kind = err["type"]
        if kind == "extra_forbidden":
            allowed = allowed_keys(source.data, loc[:-1])
            out.append(source.error(loc, f"unknown key '{loc[-1]}'", "one of the keys: " + ", ".join(allowed),
                                    f"'{loc[-1]}'", at_key=True))
        elif kind == "missing":
            about = key_description(source.data, loc)
            out.append(source.error(loc, f"missing required key '{loc[-1]}'",
                                    f"a '{loc[-1]}' key" + (f" ({about})" if about else ""), "no such key"))
        else:
            out.append(source.error(loc, problem_text(err), expected_text(err), show(err.get("input"))))
    return out


_EXPECTED = {
    "date_from_datetime_parsing": "a date written YYYY-MM-DD",
    "date_parsing": "a date written YYYY-MM-DD",
    "date_type": "a date written YYYY-MM-DD",
    "float_parsing": "a number",
    "float_type": "a number",
    "int_parsing": "a whole number",
    "int_type": "a whole number",
    "string_type": "text",
    "bool_parsing": "true or false",
    "bool_type": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "too_short": "at least one entry",
}


_BOUNDS = {"greater_than_equal": ("ge", "≥"), "greater_than": ("gt", ">"), "less_than_equal": ("le", "≤"),
           "less_than": ("lt", "<")}


def expected_text(err: Mapping[str, Any]) -> str:
    """What a pydantic error expected, in the kit's words (shared by every located loader)."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind in ("enum", "literal_error"):
        return "one of " + ctx.get("expected", "")
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern") == r"^\d{6}$":
            return "a six-digit code such as \"320000\" (quoted, so it stays text)"
        return "an id of letters, digits, '-', '_' or '.'" if "A-Za-z0-9" in ctx.get("pattern", "") \
            else f"text matching {ctx.get('pattern')}"
    if kind in _BOUNDS:
        key, sign = _BOUNDS[kind]
        return f"a number {sign} {show(ctx.get(key))}"
    if kind == "string_too_short" or (kind == "too_short" and isinstance(err.get("input"), str)):
        return "at least one character"
    if kind.startswith("date"):
        return "a date written YYYY-MM-DD"
    if kind == "string_type" and isinstance(err.get("input"), (int, float)) and not isinstance(err["input"], bool):
        return f'text (put it in quotes: "{show(err["input"]).strip(chr(39))}")'
    if kind == "fine_shape":
        return err["msg"]
    if kind in _EXPECTED:
        return _EXPECTED[kind]
    msg = err["msg"]  # fall back on pydantic's words, without its "Input should be"
    for prefix in ("Input should be ", "Value error, "):
        msg = msg.removeprefix(prefix)
    return msg


def problem_text(err: Mapping[str, Any]) -> str:
    """The kind of problem a pydantic error is, in the kit's words."""
    kind = err["type"]
    if kind.startswith("date"):
        return "not a date"
    if kind == "fine_shape":
        return "not a fine specification"
    if kind in ("enum", "literal_error"):
        return "value not allowed"
    return "wrong value" if "parsing" not in kind and "type" not in kind else "wrong type"


def allowed_keys(data: Any, loc: tuple) -> list[str]:
    return model_walk.allowed_keys(LibraryFile, data, loc)


def key_description(data: Any, loc: tuple) -> str:
    return model_walk.field_description(LibraryFile, data, loc)
