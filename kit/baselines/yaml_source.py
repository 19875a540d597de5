"""Reading YAML with positions: a fast parse for the common (valid) case, and a located round-trip parse
that records every duplicate key and gives each node's line and column when something must be reported."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.util import create_timestamp, timestamp_regexp
from yaml import events as _events

try:  # libyaml through PyYAML: its event stream is the cheapest way in
    from yaml._yaml import CParser as _CParser
except ImportError:  # a PyYAML built without libyaml: parse_fast is ruamel's safe C loader alone
    _CParser = None
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.resolver import VersionedResolver

from ..i18n import msg
from ..i18n.validation import EnglishOnly
from .errors import LoadError


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

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        """A date-shaped value that is no calendar date (2022-02-30) stays text, so that validation reports it
        at its place as "not a date" instead of the parse stopping with a bare ValueError."""
        try:
            return super().construct_yaml_timestamp(node, values)
        except (ValueError, OverflowError):
            return str(node.value)


_RecordingConstructor.add_constructor("tag:yaml.org,2002:timestamp", _RecordingConstructor.construct_yaml_timestamp)


_YAML_1_2 = dict(VersionedResolver(version=(1, 2)).versioned_resolver)


class _Yaml12Resolver(VersionedResolver):
    """The YAML 1.2 resolver with its table computed once. The stock resolver works out the document's version
    and rebuilds the lookup for every scalar, which is about a third of a parse; library files are YAML 1.2,
    so the answer is always the same (a ``%YAML 1.1`` directive is not honoured on the fast path)."""

    @property
    def processing_version(self) -> tuple[int, int]:
        return (1, 2)

    @property
    def versioned_resolver(self) -> Any:
        return _YAML_1_2


def _fast_yaml() -> YAML:
    yaml = YAML(typ="safe", pure=False)
    yaml.Resolver = _Yaml12Resolver
    yaml.allow_duplicate_keys = False
    return yaml


_FAST = _fast_yaml()


def parse_fast(text: str) -> Any:
    """C-accelerated parse; raises on any problem (syntax, duplicate key) so the caller can locate it.

    The common case is read by :func:`parse_events`, which builds the same data as ruamel's safe C loader
    about three times faster. It is kept over the library alternative because it is clearly faster: on the
    10,002 files of the loader benchmark (``make bench``, ``benchmarks/bench_yaml.py``, 2026-12-01) it took
    1.51 s against 3.35 s for PyYAML's ``CSafeLoader`` given the same YAML 1.2 resolver table and duplicate-key
    refusal (0.45×; ruamel's C safe loader 5.35 s), and the loader's 2 s target leaves no room for the other; whatever it does not handle itself (anchors, tags, merge keys, several
    documents, a libyaml complaint) is handed to that loader, so the answer and the errors stay ruamel's."""
    if _CParser is None:
        return _FAST.load(text)
    try:
        return parse_events(text)
    except DuplicateKey:
        raise
    except Exception:  # not the common case, or not valid: let ruamel decide, exactly as before
        return _FAST.load(text)


class DuplicateKey(ValueError):
    """A key seen twice in one mapping (ruamel's safe loader would raise DuplicateKeyError too)."""


class _Unsupported(Exception):
    """Something the event reader leaves to ruamel (an anchor, an alias, a tag, a merge key, ...)."""


# Plain scalars: ruamel's own YAML 1.2 table (first character → [(tag, regexp)], in ruamel's order of trial),
# with constructors that copy ruamel's SafeConstructor for YAML 1.2. A tag without one here (merge '<<',
# value '=') is left to ruamel.
_INF = float("inf")
_NAN = -_INF / _INF  # one object, as ruamel returns its one nan_value (so `.nan` twice is a duplicate key)


def _yaml_int(text: str) -> int:
    value = text.replace("_", "")
    sign = -1 if value[0] == "-" else 1
    if value[0] in "+-":
        value = value[1:]
    if value == "0":
        return 0
    if value.startswith("0b"):
        return sign * int(value[2:], 2)
    if value.startswith("0x"):
        return sign * int(value[2:], 16)
    if value.startswith("0o"):
        return sign * int(value[2:], 8)
    return sign * int(value)  # YAML 1.2: 012 is twelve, 1:20 never gets here (no sexagesimal)


def _yaml_float(text: str) -> float:
    value = text.replace("_", "").lower()
    sign = -1 if value[0] == "-" else 1
    if value[0] in "+-":
        value = value[1:]
    if value == ".inf":
        return sign * _INF
    if value == ".nan":
        return _NAN
    return sign * float(value)


def _yaml_timestamp(text: str) -> Any:
    match = timestamp_regexp.match(text)
    if match is None:
        raise _Unsupported(text)
    return create_timestamp(**match.groupdict())  # 2022-02-30 raises ValueError, as in ruamel


_CONSTRUCTORS = {
    "tag:yaml.org,2002:bool": lambda text: {"true": True, "false": False}[text.lower()],
    "tag:yaml.org,2002:int": _yaml_int,
    "tag:yaml.org,2002:float": _yaml_float,
    "tag:yaml.org,2002:null": lambda text: None,
    "tag:yaml.org,2002:timestamp": _yaml_timestamp,
}
_PLAIN_RULES = {first: tuple((regexp.match, _CONSTRUCTORS.get(tag)) for tag, regexp in rules)
                for first, rules in _YAML_1_2.items() if first is not None}


def _plain(text: str) -> Any:
    """A plain scalar whose first character may start a non-text value (digit, sign, '.', t/f/n, '~', '')."""
    for match, construct in _PLAIN_RULES[text[:1]]:
        if match(text):
            if construct is None:
                raise _Unsupported(text)
            return construct(text)
    return text


_Scalar = _events.ScalarEvent
_MappingStart, _MappingEnd = _events.MappingStartEvent, _events.MappingEndEvent
_SequenceStart, _SequenceEnd = _events.SequenceStartEvent, _events.SequenceEndEvent


def parse_events(text: str) -> Any:
    """Build the document of ``text`` from libyaml's events: dicts, lists and YAML 1.2 scalars as ruamel's
    safe loader makes them. Raises DuplicateKey on a key given twice and another exception on anything it
    leaves to ruamel: an anchor or alias, an explicit tag, a merge key, a non-scalar key, several documents,
    a scalar ruamel would refuse to construct, or a libyaml error."""
    get = _CParser(text).get_event
    get()  # stream start
    if get().__class__ is _events.StreamEndEvent:
        return None  # no document at all (empty, or only comments)
    root = _node(get, get())
    if get().__class__ is not _events.DocumentEndEvent or get().__class__ is not _events.StreamEndEvent:
        raise _Unsupported("more than one document")
    return root


def _node(get: Any, event: Any) -> Any:
    if event.anchor is not None or event.tag is not None:
        raise _Unsupported("anchor or tag")
    kind = event.__class__
    if kind is _Scalar:
        value = event.value
        return _plain(value) if event.implicit[0] and value[:1] in _PLAIN_RULES else value
    if kind is _MappingStart:
        return _mapping(get)
    if kind is _SequenceStart:
        return _sequence(get)
    raise _Unsupported(kind.__name__)  # an alias


def _mapping(get: Any) -> dict:
    # Scalars are handled inline (no call per key or value): this loop is most of the parse.
    out: dict = {}
    while True:
        event = get()
        kind = event.__class__
        if kind is _Scalar and event.anchor is None and event.tag is None:
            key = event.value
            if event.implicit[0] and key[:1] in _PLAIN_RULES:
                key = _plain(key)
        elif kind is _MappingEnd:
            return out
        else:
            raise _Unsupported("a key that is not a plain or quoted scalar")
        if key in out:
            raise DuplicateKey(key)
        event = get()
        if event.__class__ is _Scalar and event.anchor is None and event.tag is None:
            value = event.value
            out[key] = _plain(value) if event.implicit[0] and value[:1] in _PLAIN_RULES else value
        else:
            out[key] = _node(get, event)


def _sequence(get: Any) -> list:
    out: list = []
    append = out.append
    while True:
        event = get()
        kind = event.__class__
        if kind is _Scalar and event.anchor is None and event.tag is None:
            value = event.value
            append(_plain(value) if event.implicit[0] and value[:1] in _PLAIN_RULES else value)
        elif kind is _SequenceEnd:
            return out
        else:
            append(_node(get, event))


def parse_located(text: str, file: str) -> tuple[Any, list[LoadError]]:
    """Round-trip parse that keeps positions; returns the tree (or None) and the located problems."""
    yaml = YAML(typ="rt")
    yaml.Constructor = _RecordingConstructor
    errors: list[LoadError] = []
    try:
        loader_tree = _load_recording(yaml, text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        written = text.splitlines()[mark.line].strip() if mark and mark.line < len(text.splitlines()) else ""
        detail = EnglishOnly((exc.problem or str(exc)).strip().removeprefix("found "))  # the parser's words
        errors.append(LoadError(file, line, mark.column + 1 if mark else None, path_near(text, line) if mark else "",
                                msg("load.e_syntax"), msg("load.x_valid_yaml"),
                                msg("load.f_syntax", line=f"'{written}'", detail=detail)))
        return None, errors
    tree, duplicates = loader_tree
    for key, mark, mapping_mark in duplicates:
        parent = _path_of_mapping(tree, mapping_mark.line, mapping_mark.column)
        errors.append(LoadError(file, mark.line + 1, mark.column + 1, dotted(tree, (*parent, key)),
                                msg("load.e_duplicate_key"), msg("load.x_key_once"), msg("load.f_again", key=key)))
    return tree, errors


NAMED_ROOTS = ("matter", "baseline", "exemption_list", "template")  # nodes whose paths start with their id


def dotted(data: Any, loc: tuple) -> str:
    """``("baseline", "levels", "aggravated", "fine", "max")`` → ``js-scjg-44.levels.aggravated.fine.max``:
    the file's matter, baseline or list is named by its id, list items by ``[index]``."""
    parts = list(loc)
    out = ""
    if parts and parts[0] in NAMED_ROOTS and isinstance(data, dict):
        node = data.get(parts[0])
        out = str(node.get("id")) if isinstance(node, dict) and node.get("id") else str(parts[0])
        parts = parts[1:]
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


_KEY = re.compile(r"""("[^"]*"|'[^']*'|[^\s'"{\[#-][^:#]*?|-[^\s:#][^:#]*?)\s*:(?:\s|$)""")


def path_near(text: str, line: int) -> str:
    """The dotted path of the block key enclosing ``line`` (1-based), read from indentation alone: a syntax
    error leaves no tree to walk, yet the author still wants to know which node to look at."""
    stack: list[tuple[int, Any]] = []  # (column, key or item index)
    counters: dict[tuple, int] = {}
    ids: dict[str, str] = {}
    for raw in text.splitlines()[:line]:
        stripped = raw.strip()
        if not stripped or stripped.startswith("#") or stripped in ("---", "..."):
            continue
        col = len(raw) - len(raw.lstrip(" "))
        rest = raw[col:]
        while rest == "-" or rest.startswith("- "):
            while stack and (stack[-1][0] > col or (stack[-1][0] == col and isinstance(stack[-1][1], int))):
                stack.pop()
            parent = tuple(part for _, part in stack)
            counters[parent] = counters.get(parent, -1) + 1
            stack.append((col, counters[parent]))
            body = rest[1:].lstrip(" ")
            col += len(rest) - len(body)
            rest = body
        match = _KEY.match(rest)
        if match:
            while stack and stack[-1][0] >= col:
                stack.pop()
            key = match.group(1).strip("'\"")
            stack.append((col, key))
            if key == "id" and len(stack) == 2 and isinstance(stack[0][1], str):
                ids[stack[0][1]] = rest[match.end():].strip().strip("'\"")
    parts = tuple(part for _, part in stack)
    return dotted({k: {"id": v} for k, v in ids.items()}, parts)


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
        return None, LoadError(str(path), None, None, "", msg("load.e_not_utf8"), msg("load.x_utf8"),
                               msg("load.f_byte", byte=f"{exc.object[exc.start]:02x}", position=exc.start))
    except OSError as exc:
        return None, LoadError(str(path), None, None, "", msg("load.e_unreadable"), msg("load.x_readable"),
                               msg("load.f_os_error", detail=EnglishOnly(exc.strerror or "")))
