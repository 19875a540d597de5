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
from collections.abc import Iterable, Iterator

from pydantic import ValidationError

from . import checks, model_walk
from ..i18n import Msg, msg
from .errors import LibraryError, LoadError, Words, show
from .library import Library
from .models import FILE_KINDS, SUPPORTED_FORMAT_VERSIONS, LibraryFile
from .yaml_source import dotted, key_position, locate, parse_fast, parse_located, read_text

YAML_SUFFIXES = (".yaml", ".yml")
_KIND_OF = {list: "list", str: "text", int: "number", float: "number", bool: "bool"}


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

    def error(self, loc: tuple, problem: Words, expected: Words, found: Words, *, at_key: bool = False) -> LoadError:
        line, col = (key_position if at_key else locate)(self.tree, loc)
        return LoadError(self.file, line, col, dotted(self.data, loc), problem, expected, found)


from .real import library_path  # noqa: E402


def yaml_files(paths: Iterable[str | Path], what: Msg | None = None) -> tuple[list[Path], list[LoadError]]:
    """The YAML files under ``paths`` (files and folders); a path that is neither is an error (``what``: what
    it should have been, by default a library file or folder)."""
    files: list[Path] = []
    errors: list[LoadError] = []
    for raw in paths:
        path = library_path(raw)  # real/<name>: a shipped real library
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.suffix in YAML_SUFFIXES and p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            errors.append(LoadError(str(path), None, None, "", msg("load.e_no_path"),
                                    what or msg("load.x_library_path"), msg("load.f_nothing")))
    return files, errors


def load_library(*paths: str | Path) -> Library:
    """Load and validate every YAML file under ``paths``; raise ``LibraryError`` listing all problems."""
    with _gc_paused():
        return _load_library(paths)


def no_files(files: list[Path], errors: list[LoadError], paths: tuple[str | Path, ...], problem: Msg) -> None:
    """An empty folder is an error too (``problem``: no library files, no template files)."""
    if not files and not errors:
        errors.append(LoadError(", ".join(map(str, paths)), None, None, "", problem, msg("load.x_yaml_file"),
                                msg("load.f_none")))


def _load_library(paths: tuple[str | Path, ...]) -> Library:
    files, errors = yaml_files(paths)
    no_files(files, errors, paths, msg("load.e_no_library_files"))
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
        return None, [LoadError(source.file, 1, 1, "", msg("load.e_not_library_file"),
                                msg("load.x_library_file", kinds=", ".join(FILE_KINDS)), not_a_mapping(data))]
    version = data.get("format_version")
    if version not in SUPPORTED_FORMAT_VERSIONS:
        return None, [format_version_error(source, version, SUPPORTED_FORMAT_VERSIONS)]
    kinds = [k for k in FILE_KINDS if k in data]
    errors: list[LoadError] = []
    if len(kinds) != 1:
        errors.append(source.error((), msg("load.e_one_kind"), msg("load.x_one_of", options=", ".join(FILE_KINDS)),
                                   ", ".join(kinds) or msg("load.f_none")))
    try:
        model = LibraryFile.model_validate(data)
    except ValidationError as exc:
        errors.extend(model_walk.shape_errors(source, exc, LibraryFile))
        return None, errors
    return (None if errors else model), errors


def not_a_mapping(data: Any) -> Msg:
    """What a file that should be a mapping holds instead: an empty file, a list, a text …"""
    if data is None:
        return msg("load.f_empty_file")
    return msg("load.f_kind", kind=msg(f"load.k_{_KIND_OF.get(type(data), 'value')}"))


def format_version_error(source: Source, version: Any, supported: tuple[int, ...]) -> LoadError:
    found = msg("load.f_no_format_version") if version is None else show(version)
    return source.error(("format_version",), msg("load.e_format_version"),
                        msg("load.x_format_version", versions=" / ".join(map(str, supported))), found)
