"""Options every command shares behave the same: an unknown --lang is one usage error, worded once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CASE = ROOT / "examples" / "case-overweight.yaml"

COMMANDS = [
    ["evaluate", str(CASE)],
    ["check", str(CASE), "--level", "一般"],
    ["list"],
    ["review", "--sample"],
    ["diff", "a", "b"],
]


def kit(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kit", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "COLUMNS": "250", "NO_COLOR": "1"}, timeout=120)


def _the_error(stderr: str) -> str:
    """The lines that state the problem, without the box or the usage line (which name the command)."""
    lines = [line.strip(" │╭╮╰╯─") for line in stderr.splitlines()]
    return " ".join(line for line in lines if "fr" in line)


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_an_unknown_language_is_a_usage_error_naming_it_and_the_languages(command):
    out = kit(*command, "--lang", "fr")
    assert out.returncode == 2, (out.returncode, out.stdout, out.stderr)
    message = _the_error(out.stderr)
    assert "unknown language 'fr'" in message and "不支持的语言 'fr'" in message, out.stderr
    assert "zh" in message and "en" in message
    assert out.stdout == ""  # nothing evaluated, nothing listed


def test_the_message_is_the_same_for_every_command():
    messages = {_the_error(kit(*command, "--lang", "fr").stderr) for command in COMMANDS}
    assert len(messages) == 1, messages


@pytest.mark.parametrize("value", ["en", "EN", "en-US"])
def test_a_known_language_in_any_spelling_is_read(value):
    out = kit("list", "--lang", value)
    assert out.returncode == 0, out.stderr
    assert "CNY " in out.stdout and "元" not in out.stdout  # money in the English way, no Chinese unit


def test_starting_the_cli_reads_no_catalog():
    """``kit --version`` stays fast because the command modules read the message catalog on first use, not at
    import (its time is in ``make bench``, bench_cli); an import-time lookup would load every catalog file."""
    import subprocess
    import sys

    probe = "import kit.cli; from kit.i18n.catalog import catalog; print(catalog.cache_info().currsize)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "0"
