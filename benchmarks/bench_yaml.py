"""The loader's YAML fast path against the library alternative, on the 10,002 files of the loader benchmark.

``kit.baselines.yaml_source.parse_events`` (a hand-written builder over libyaml's event stream) is kept only if
it is clearly faster than PyYAML's ``CSafeLoader`` given ruamel's YAML 1.2 resolver table, the same scalar
constructors and duplicate-key refusal (``Yaml12CSafeLoader`` below). Both must build the same data; ruamel's
C safe loader is the anchor. One process, best of three passes over texts already read into memory."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import yaml

from kit.baselines import yaml_source as ys

from .bench_loader import generate

PASSES = 3


class Yaml12CSafeLoader(yaml.CSafeLoader):
    """PyYAML's C loader read as YAML 1.2 (ruamel's table), refusing duplicate keys."""


Yaml12CSafeLoader.yaml_implicit_resolvers = {
    first: list(rules) for first, rules in ys._YAML_1_2.items() if first is not None}


def _scalar(construct):
    return lambda loader, node: construct(loader.construct_scalar(node))


def _mapping(loader, node):
    out = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in out:
            raise ys.DuplicateKey(key)
        out[key] = loader.construct_object(value_node, deep=True)
    return out


for _tag, _construct in (("int", ys._yaml_int), ("float", ys._yaml_float), ("timestamp", ys._yaml_timestamp)):
    Yaml12CSafeLoader.add_constructor(f"tag:yaml.org,2002:{_tag}", _scalar(_construct))
Yaml12CSafeLoader.add_constructor("tag:yaml.org,2002:map", _mapping)


def _best(parse, texts: list[str]) -> tuple[float, list]:
    best, out = float("inf"), []
    for _ in range(PASSES):
        start = time.perf_counter()
        out = [parse(text) for text in texts]
        best = min(best, time.perf_counter() - start)
    return best, out


def run() -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="kit-bench-yaml-") as tmp:
        generate(Path(tmp))
        texts = [p.read_text(encoding="utf-8") for p in sorted(Path(tmp).rglob("*.yaml"))]
    events, a = _best(ys.parse_events, texts)
    csafe, b = _best(lambda text: yaml.load(text, Loader=Yaml12CSafeLoader), texts)
    ruamel, c = _best(ys._FAST.load, texts)
    assert a == b == c, "the three parsers disagree on the benchmark files"
    label = f"{len(texts):,} files"
    return [
        {"name": f"YAML fast path (libyaml events): {label}", "value": events, "unit": "s",
         "anchor_name": "PyYAML CSafeLoader + YAML 1.2 resolver", "anchor_value": csafe, "ratio": events / csafe,
         "target": "< 0.8× to keep it", "ok": events / csafe < 0.8},
        {"name": f"PyYAML CSafeLoader + YAML 1.2 resolver: {label}", "value": csafe, "unit": "s",
         "anchor_name": "ruamel C safe loader", "anchor_value": ruamel, "ratio": csafe / ruamel, "target": "",
         "ok": None},
    ]
