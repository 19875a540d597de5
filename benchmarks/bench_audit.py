"""案卷评查 at province scale: one million generated decisions audited (wall time and peak memory), beside pandas'
own read of the same file (the anchor, measured in the same run); and 100,000 decisions with 1% bad rows, where
every bad row must be rejected and every good row reviewed.

Each measurement runs in a fresh subprocess; its peak memory is the highest sum of the resident set sizes of the
process and its children (the worker processes), sampled every 50 ms — an upper bound, since pages the workers
share with the parent are counted twice. ``AUDIT_BENCH_ROWS`` changes the million (for a quick look)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROWS = int(os.environ.get("AUDIT_BENCH_ROWS", "1000000"))
BAD_ROWS = 100_000
WALL_TARGET = 60.0
RSS_TARGET_MB = 2048.0
RATIO_TARGET = 8.0
ROOT = Path(__file__).resolve().parents[1]

AUDIT = """
import sys
from kit.audit import audit
from kit.baselines import sample_library
report = audit(sys.argv[1], sample_library(), workers=2)
print(report.rows_in, report.n_reviewed, report.n_rejected)
"""
READ = """
import sys
import pandas as pd
frame = pd.read_csv(sys.argv[1])
print(len(frame))
"""


def measure(code: str, *args: str) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MB of the process tree, stdout) of ``python -c code args``."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=ROOT)
    watched = psutil.Process(proc.pid)
    peak = 0
    while proc.poll() is None:
        try:
            tree = [watched, *watched.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.05)
    wall = time.perf_counter() - start
    out, err = proc.communicate()
    if proc.returncode:
        raise RuntimeError(f"benchmark subprocess failed: {err[-2000:]}")
    return wall, peak / 2**20, out


def run() -> list[dict]:
    from benchmarks.generate_decisions import generate

    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "decisions-1m.csv"
        generate(big, ROWS, seed=1)
        read_wall, read_rss, _ = measure(READ, str(big))
        wall, rss, out = measure(AUDIT, str(big))
        rows_in, reviewed, rejected = map(int, out.split())
        assert rows_in == ROWS == reviewed + rejected, out
        rows.append({"name": f"audit {ROWS:,} decisions, wall", "value": wall, "unit": "s",
                     "anchor_name": "pandas read_csv", "anchor_value": read_wall, "ratio": wall / read_wall,
                     "target": f"≤ {WALL_TARGET:g} s (≤ {RATIO_TARGET:g}× pandas)", "ok": wall <= WALL_TARGET})
        rows.append({"name": f"audit {ROWS:,} decisions, peak RSS", "value": rss, "unit": "MB",
                     "anchor_name": "pandas read_csv", "anchor_value": read_rss, "ratio": rss / read_rss,
                     "target": f"≤ {RSS_TARGET_MB:g} MB", "ok": rss <= RSS_TARGET_MB})
        rows.append(_bad_rows(Path(tmp)))
    return rows


def _bad_rows(tmp: Path) -> dict:
    from benchmarks.generate_decisions import generate
    from kit.audit import audit
    from kit.baselines import sample_library

    path = tmp / "decisions-bad.csv"
    planted = generate(path, BAD_ROWS, bad=0.01, seed=2)
    start = time.perf_counter()
    report = audit(path, sample_library(), workers=2)
    wall = time.perf_counter() - start
    rejected = set(report.rejected.index)
    written = report.write_rejected(tmp / "rejected.csv")
    ok = (rejected == planted.bad_rows and report.n_reviewed == BAD_ROWS - len(planted.bad_rows)
          and report.rows_in == BAD_ROWS and written.stat().st_size > 0)
    return {"name": f"{BAD_ROWS:,} decisions, 1% bad: rows rejected ({wall:.1f} s)", "value": len(rejected),
            "unit": "rows", "anchor_name": "bad rows planted", "anchor_value": len(planted.bad_rows),
            "ratio": len(rejected) / max(1, len(planted.bad_rows)),
            "target": "= planted, every other row reviewed", "ok": ok}


if __name__ == "__main__":
    for row in run():
        print(row)
