"""Reading YAML with positions: a fast parse for the common (valid) case, and a located round-trip parse
that records every duplicate key and gives each node's line and column when something must be reported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError

from .errors import LoadError, show


class _RecordingConstructor(RoundTripConstructor):
    """Keeps the first value of a duplicate key and records the duplicate instead of stopping the parse,
    so that every duplicate in a file is reported in one run."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.duplicates: list = []

    def check_mapping_key(self, node: Any, key_node: Any, mapping: Any, key: Any, value: Any) -> bool:
        if key in mapping:
            self.duplicates.append((key, key_node.start_mark, node.start_mark))
            return False
        return True


def _fast_yaml() -> YAML:
    yaml = YAML(typ="safe", pure=False)
    yaml.allow_duplicate_keys = False
    return yaml


_FAST = _fast_yaml()


def parse_fast(text: str) -> Any:
    """C-accelerated parse; raises on any problem (syntax, duplicate key) so the caller can locate it."""
    return _FAST.load(text)


def parse_located(text: str, file: str) -> tuple[Any, list[LoadError]]:
    """Round-trip parse that keeps positions; returns the tree (or None) and the located problems."""
    yaml = YAML(typ="rt")
    yaml.Constructor = _RecordingConstructor
    errors: list[LoadError] = []
    try:
        loader_tree = _load_recording(yaml, text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        errors.append(
            LoadError(
                file=file,
                line=mark.line + 1 if mark else None,
                column=mark.column + 1 if mark else None,
                path="",
                problem="YAML syntax error",
                expected="valid YAML",
                found=(exc.problem or str(exc)).strip(),
            )
        )
        return None, errors
    tree, duplicates = loader_tree
    for key, mark, mapping_mark in duplicates:
        parent = _path_of_mapping(tree, mapping_mark.line, mapping_mark.column)
        errors.append(
            LoadError(
                file=file,
                line=mark.line + 1,
                column=mark.column + 1,
                path=".".join(str(p) for p in (*parent, key)),
                problem="duplicate key",
                expected="each key once in a mapping",
                found=f"'{key}' again",
            )
        )
    return tree, errors


def _path_of_mapping(tree: Any, line: int, column: int, prefix: tuple = ()) -> tuple:
    """The path of the mapping that starts at (line, column), found by walking the tree."""
    if isinstance(tree, CommentedMap):
        if (tree.lc.line, tree.lc.col) == (line, column):
            return prefix
        items = tree.items()
    elif isinstance(tree, CommentedSeq):
        items = enumerate(tree)
    else:
        return ()
    for key, child in items:
        found = _path_of_mapping(child, line, column, (*prefix, key))
        if found or (isinstance(child, CommentedMap) and (child.lc.line, child.lc.col) == (line, column)):
            return found
    return ()


def _load_recording(yaml: YAML, text: str) -> tuple[Any, list]:
    tree = yaml.load(text)
    return tree, yaml.constructor.duplicates


def locate(tree: Any, loc: tuple) -> tuple[int | None, int | None]:
    """Line and column (1-based) of the deepest node of ``loc`` present in a round-trip tree.

    A missing key points at its parent mapping; a bad key points at the key; anything else at the value."""
    line = col = None
    node = tree
    for part in loc:
        if isinstance(node, CommentedMap) and part in node:
            line, col = node.lc.value(part) if _is_scalar(node[part]) else node.lc.key(part)
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            line, col = node.lc.item(part)
            node = node[part]
        elif isinstance(node, CommentedMap) and node.lc.line is not None and line is None:
            line, col = node.lc.line, node.lc.col
    if line is None and isinstance(tree, CommentedMap):
        line, col = tree.lc.line, tree.lc.col
    return (line + 1 if line is not None else None, col + 1 if col is not None else None)


def key_position(tree: Any, loc: tuple) -> tuple[int | None, int | None]:
    """Position of the key itself (for unknown keys)."""
    node = tree
    for part in loc[:-1]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return locate(tree, loc)
    if isinstance(node, CommentedMap) and loc and loc[-1] in node:
        line, col = node.lc.key(loc[-1])
        return line + 1, col + 1
    return locate(tree, loc)


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, (CommentedMap, CommentedSeq))


def read_text(path: Path) -> tuple[str | None, LoadError | None]:
    try:
        return path.read_text(encoding="utf-8"), None
    except UnicodeDecodeError as exc:
        return None, LoadError(str(path), None, None, "", "file is not UTF-8 text", "UTF-8", show(str(exc)))
    except OSError as exc:
        return None, LoadError(str(path), None, None, "", "cannot read file", "a readable file", exc.strerror or "")
