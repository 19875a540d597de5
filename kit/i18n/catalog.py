"""The message catalog: ``messages/*.yaml``, one file per area of the kit, validated when first read."""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from .lang import LANGS, Lang


class CatalogError(RuntimeError):
    """A catalog file is malformed: names the file, the key and what is wrong (all problems at once). The files
    are the kit's own (kit/i18n/messages), checked by tests/i18n: a broken one is the kit's bug, said to its
    developers in English, never a user's input."""


class MissingMessage(KeyError, RuntimeError):
    """A key or language the catalog lacks: a programming mistake (a key the code made up), not a user's input;
    a ``KeyError`` for the lookup, a ``RuntimeError`` for what it is."""


@dataclass(frozen=True)
class Catalog:
    entries: dict[str, dict[Lang, str]]

    def text(self, key: str, lang: Lang, /, **params: object) -> str:
        try:
            template = self.entries[key][lang]
        except KeyError:
            raise MissingMessage(f"no message '{key}' in language '{lang}' (kit/i18n/messages)") from None
        return template.format(**params) if params else template

    def has(self, key: str) -> bool:
        return key in self.entries

    def keys(self, prefix: str = "") -> list[str]:
        return [k for k in self.entries if k.startswith(prefix)]


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when PyYAML has it: 4× faster to read


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """A safe loader that records a key given twice in one mapping (PyYAML keeps the last silently)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.duplicates: list[tuple[object, int]] = []

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[object, object]:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                self.duplicates.append((key, key_node.start_mark.line + 1))
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _read(text: str) -> tuple[object, list[tuple[object, int]]]:
    loader = _Loader(text)
    try:
        return loader.get_single_data(), loader.duplicates
    finally:
        loader.dispose()


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def load(files: dict[str, str]) -> Catalog:
    """``{file name: YAML text}`` → a validated ``Catalog``; every problem of every file in one ``CatalogError``."""
    entries: dict[str, dict[Lang, str]] = {}
    problems: list[str] = []
    for name, text in sorted(files.items()):
        area = name.removesuffix(".yaml")
        data, duplicates = _read(text)
        data = data or {}
        problems += [f"{name}: {key}: duplicate key (line {line}); each key once" for key, line in duplicates]
        if not isinstance(data, dict):
            problems.append(f"{name}: expected a mapping of keys to {{zh, en}}; found {type(data).__name__}")
            continue
        for key, value in data.items():
            where = f"{name}: {key}"
            if not isinstance(key, str):  # YAML 1.1 reads a bare yes/no/on/off key as a boolean
                problems.append(f"{where}: key is read as {type(key).__name__}, not text; quote it")
                continue
            if not isinstance(value, dict) or set(value) != set(LANGS):
                found = sorted(value) if isinstance(value, dict) else type(value).__name__
                problems.append(f"{where}: expected exactly the languages {list(LANGS)}; found {found}")
                continue
            texts = {lang: value[lang] for lang in LANGS}
            empty = [lang for lang, s in texts.items() if not isinstance(s, str) or not s.strip()]
            if empty:
                problems.append(f"{where}: empty or not text in {empty}")
                continue
            zh_fields, en_fields = _fields(texts["zh"]), _fields(texts["en"])
            if zh_fields != en_fields:
                problems.append(f"{where}: placeholders differ — zh {sorted(zh_fields)}, en {sorted(en_fields)}")
                continue
            entries[f"{area}.{key}"] = texts
    if problems:
        raise CatalogError("kit/i18n/messages:\n  " + "\n  ".join(problems))
    return Catalog(entries)


@lru_cache(maxsize=1)
def catalog() -> Catalog:
    folder = resources.files(__package__) / "messages"
    return load({f.name: f.read_text(encoding="utf-8") for f in folder.iterdir() if f.name.endswith(".yaml")})
