"""``kit --version``: the wall time of the console command, beside ``python -c pass`` (the anchor, the
interpreter's own start) measured in the same run; median of alternating runs. Target: ≤ 0.5 s.

The figure is what a user waits for before any command does its work: importing ``kit.cli`` and every command
module. Heavy libraries (pandas, openpyxl, matplotlib, dask, pyarrow, sqlalchemy) are imported inside the
command functions, so they are not part of it (``python -X importtime -c 'import kit.cli'`` shows the rest)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 7
TARGET = 0.5


def _seconds(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def run() -> list[dict]:
    version, anchor = [], []
    for _ in range(RUNS):  # alternate, so both see the same load on the machine
        anchor.append(_seconds([sys.executable, "-c", "pass"]))
        version.append(_seconds([sys.executable, "-m", "kit", "--version"]))
    value, base = statistics.median(version), statistics.median(anchor)
    return [{"name": "kit --version", "value": value, "unit": "s", "anchor_name": "python -c pass",
             "anchor_value": base, "ratio": value / base, "target": f"≤ {TARGET} s", "ok": value <= TARGET}]
