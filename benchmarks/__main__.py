"""Run every ``benchmarks/bench_*.py`` and print each figure beside its anchor (measured in the same run).

Each module exposes ``run() -> list[dict]``; a row has ``name``, ``value``, ``unit``, ``anchor_name``,
``anchor_value``, ``ratio`` (value / anchor) and ``target`` (text, e.g. "≤ 2 s") and may add ``ok``.
``python -m benchmarks [NAME ...]`` runs only the modules whose name contains one of the NAMEs.
Exit status 1 when a figure misses its target.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
COLUMNS = ("benchmark", "value", "anchor", "anchor value", "ratio", "target", "")


def modules(only: list[str]) -> list[str]:
    names = sorted(p.stem for p in HERE.glob("bench_*.py"))
    return [n for n in names if not only or any(o in n for o in only)]


def _fmt(value: object, unit: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        text = f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    else:
        text = str(value)
    return f"{text} {unit}".strip()


def table(rows: list[dict]) -> str:
    cells = [COLUMNS] + [(
        r["name"], _fmt(r["value"], r.get("unit", "")), r.get("anchor_name") or "—",
        _fmt(r.get("anchor_value"), r.get("unit", "")), _fmt(r.get("ratio")) + ("×" if r.get("ratio") else ""),
        r.get("target") or "", {True: "ok", False: "MISSED", None: ""}[r.get("ok")],
    ) for r in rows]
    widths = [max(len(str(row[i])) for row in cells) for i in range(len(COLUMNS))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=False)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(HERE.parent))
    rows: list[dict] = []
    for name in modules(argv):
        print(f"running {name} …", file=sys.stderr, flush=True)
        rows.extend(importlib.import_module(f"benchmarks.{name}").run())
    print(table(rows))
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / "latest.json").write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if any(r.get("ok") is False for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
