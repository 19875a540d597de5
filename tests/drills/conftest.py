"""A real Voila server for the drill page, started exactly as `make serve` does (scripts/serve.sh: notebooks/,
``--Voila.config_file_paths=<repo>``) on a free port; the same pattern as tests/test_serve.py."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVE_SH = ROOT / "scripts" / "serve.sh"
START_TIMEOUT = 90  # seconds until Voila answers HTTP


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except urllib.error.HTTPError:
        return True  # any HTTP answer means the server is up
    except OSError:
        return False


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)  # Voila shuts its kernels down on SIGTERM
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


def _start(log_path: Path):
    port = _free_port()
    env = dict(os.environ, PORT=str(port), PYTHON=sys.executable)
    with open(log_path, "ab") as log:
        proc = subprocess.Popen(["bash", str(SERVE_SH)], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                                stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return proc, None  # e.g. the port was taken in between: retry
        if _answers(base + "/"):
            return proc, base
        time.sleep(0.3)
    return proc, None


@pytest.fixture(scope="module")
def voila_base(tmp_path_factory):
    """The base URL of a Voila server on notebooks/; its log is attached to a failure."""
    log_path = tmp_path_factory.mktemp("voila") / "voila.log"
    for _attempt in range(3):
        proc, base = _start(log_path)
        if base is not None:
            break
        _stop(proc)
    else:
        pytest.fail(f"Voila did not start (scripts/serve.sh). Log:\n{log_path.read_text(errors='replace')[-4000:]}")
    try:
        yield base
    finally:
        _stop(proc)
