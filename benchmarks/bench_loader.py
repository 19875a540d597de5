"""Load + validate a synthetic library of 5,000 matters (a baseline each), against a bare YAML parse of the
same files in the same run. Targets (the Foundation issue): ≤ 2 s and ≤ 300 MB peak for 5,000 matters.

Each measurement runs in a fresh subprocess so that its peak RSS (ru_maxrss) is its own; the figure is the
best of ``REPEAT`` runs for time and the largest peak for memory. A library this large is parsed by worker
processes (kit.baselines.loader.read_sources): their CPU time and peak RSS are reported in rows of their own.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from kit.baselines import SAMPLE_LIBRARY

MATTERS = 5_000
REPEAT = 2
TARGET_SECONDS = 2.0
TARGET_MB = 300.0

MATTER_TEMPLATE = SAMPLE_LIBRARY / "matters" / "scjg-false-registration.yaml"
BASELINE_TEMPLATE = SAMPLE_LIBRARY / "baselines" / "js-scjg-false-registration.yaml"


def generate(folder: Path, matters: int = MATTERS) -> int:
    """Write a library of ``matters`` matters, each with one baseline shaped like the sample's; returns the
    number of files. Amounts vary with the matter so that no two files are the same."""
    (folder / "matters").mkdir(parents=True, exist_ok=True)
    (folder / "baselines").mkdir(parents=True, exist_ok=True)
    for name in ("authorities.yaml", "factors.yaml"):
        (folder / name).write_text((SAMPLE_LIBRARY / name).read_text(encoding="utf-8"), encoding="utf-8")
    matter = MATTER_TEMPLATE.read_text(encoding="utf-8")
    baseline = re.sub(r"\n  refines: .*", "", BASELINE_TEMPLATE.read_text(encoding="utf-8"))
    for i in range(matters):
        scale = 1 + i % 7  # every amount times 1..7 keeps each baseline inside its statute
        ids = {"scjg-false-registration": f"m{i:05d}-false-registration", "scdjtl-44": f"p{i:05d}-44",
               "js-scjg-false-registration": f"b{i:05d}-false-registration"}
        m, b = matter, baseline
        for old, new in ids.items():
            m, b = m.replace(old, new), b.replace(old, new)
        m = re.sub(r"(min|max): (\d+)", lambda x, scale=scale: f"{x[1]}: {int(x[2]) * scale}", m)
        b = re.sub(r"(min|max): (\d+)", lambda x, scale=scale: f"{x[1]}: {int(x[2]) * scale}", b)
        (folder / "matters" / f"m{i:05d}.yaml").write_text(m, encoding="utf-8")
        (folder / "baselines" / f"b{i:05d}.yaml").write_text(b, encoding="utf-8")
    return 2 * matters + 2


_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
what, folder = sys.argv[1], Path(sys.argv[2])
if what == "load":
    from kit.baselines import load_library
else:
    from ruamel.yaml import YAML
    yaml = YAML(typ="safe", pure=False)
files = sorted(p for p in folder.rglob("*.yaml"))
start_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.perf_counter()
if what == "load":
    library = load_library(folder)
    count = len(library.matters)
else:
    trees = [yaml.load(p.read_text(encoding="utf-8")) for p in files]
    count = sum("matter" in t for t in trees)
seconds = time.perf_counter() - start
own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": seconds, "peak_mb": own.ru_maxrss / 1024, "start_mb": start_rss / 1024,
                  "matters": count, "cpu": own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime,
                  "worker_peak_mb": workers.ru_maxrss / 1024}))
"""


def measure(what: str, folder: Path) -> dict:
    runs = []
    for _ in range(REPEAT):
        out = subprocess.run([sys.executable, "-c", _CHILD, what, str(folder)], capture_output=True, text=True,
                             check=True, cwd=Path(__file__).resolve().parents[1])
        runs.append(json.loads(out.stdout))
    return {"seconds": min(r["seconds"] for r in runs), "peak_mb": max(r["peak_mb"] for r in runs),
            "start_mb": runs[0]["start_mb"], "matters": runs[0]["matters"], "cpu": min(r["cpu"] for r in runs),
            "worker_peak_mb": max(r["worker_peak_mb"] for r in runs)}


def run() -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="kit-bench-") as tmp:
        folder = Path(tmp)
        files = generate(folder)
        load = measure("load", folder)
        parse = measure("parse", folder)
    assert load["matters"] == MATTERS == parse["matters"], (load, parse)
    label = f"{MATTERS:,} matters + {MATTERS:,} baselines ({files:,} files)"
    return [
        {"name": f"load_library: {label}", "value": load["seconds"], "unit": "s",
         "anchor_name": "bare YAML parse (ruamel C safe)", "anchor_value": parse["seconds"],
         "ratio": load["seconds"] / parse["seconds"], "target": f"≤ {TARGET_SECONDS:g} s",
         "ok": load["seconds"] <= TARGET_SECONDS},
        {"name": "load_library: peak RSS of the process", "value": load["peak_mb"], "unit": "MB",
         "anchor_name": "bare YAML parse (ruamel C safe)", "anchor_value": parse["peak_mb"],
         "ratio": load["peak_mb"] / parse["peak_mb"], "target": f"≤ {TARGET_MB:g} MB",
         "ok": load["peak_mb"] <= TARGET_MB},
        {"name": "load_library: RSS after imports (included above)", "value": load["start_mb"], "unit": "MB",
         "anchor_name": "bare YAML parse (ruamel C safe)", "anchor_value": parse["start_mb"],
         "ratio": load["start_mb"] / parse["start_mb"], "target": "", "ok": None},
        # A large library is parsed by worker processes: their CPU time and peak RSS (not in the rows above).
        {"name": "load_library: CPU time, with parse workers", "value": load["cpu"], "unit": "s",
         "anchor_name": "bare YAML parse (ruamel C safe)", "anchor_value": parse["cpu"],
         "ratio": load["cpu"] / parse["cpu"], "target": "", "ok": None},
        {"name": "load_library: peak RSS of a parse worker", "value": load["worker_peak_mb"] or None,
         "unit": "MB", "anchor_name": "", "anchor_value": None, "ratio": None, "target": "", "ok": None},
    ]
