"""The README's assessor section works when typed: each command of its block runs from the repo root."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

REPO = Path(__file__).resolve().parents[2]


def commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Certification: exams and the assessor"):]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    return [line.split("  #")[0].strip() for line in block.splitlines() if line.strip()]


def test_the_assessor_section_runs_as_written(tmp_path):
    course = tmp_path / "kit-course"
    env = {**os.environ, "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]])}
    lines = commands()
    assert lines[0].startswith(".venv/bin/kit grade course") and any("--attempt 2" in c for c in lines)
    for line in lines:
        line = line.replace("/tmp/kit-course", str(course))
        if line.startswith(".venv/bin/"):  # this worktree's virtual environment, wherever the test runs
            line = str(Path(sys.executable).parent) + "/" + line.removeprefix(".venv/bin/")
        done = subprocess.run(["bash", "-c", line], cwd=REPO, capture_output=True, text=True, env=env, timeout=600)
        assert done.returncode == 0, f"{line}\n{done.stdout}\n{done.stderr}"
        assert "Traceback" not in done.stdout + done.stderr
    wb = load_workbook(course / "grades.xlsx")
    rows = list(wb["学员成绩"].iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[8]) for r in rows] == [("T01", "exam-general", "不合格")]  # the untouched release
    assert (course / "release" / "exam-general-a2" / "exam-general-a2.ipynb").exists()
    assert (course / "feedback" / "T01" / "exam-general" / "exam-general.html").exists()
