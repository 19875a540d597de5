"""One officer's server on the kit's JupyterHub (deploy/jupyterhub, test mode, loopback): how long it takes to
start (the hub's spawn until the server is ready) and how much memory it holds with the drill page open
(the server and the page's kernel), beside a bare ``jupyter server`` started and measured in the same run (the
anchor). docs/deploy.md sizes a 1,000-officer wave from these figures."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.conftest import _free_port  # noqa: E402
from tests.deploy.hub import Hub  # noqa: E402

STARTS = 3  # servers started (and stopped) for the start time; the median is reported
OFFICERS = ("officer-1", "officer-2", "officer-3")


def rss_mb(marker: tuple[str, str]) -> float:
    """Resident memory (MB) of every process whose environment holds ``NAME=value`` (a server and its kernels)."""
    name, value = marker
    needle = f"{name}={value}".encode()
    total = 0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if needle not in open(f"/proc/{pid}/environ", "rb").read().split(b"\0"):
                continue
            for line in open(f"/proc/{pid}/status"):
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def _all_extensions_off(folder: Path) -> Path:
    """A server config file turning off every extension this environment enables."""
    names = set()
    for path in (Path(sys.prefix) / "etc" / "jupyter" / "jupyter_server_config.d").glob("*.json"):
        names |= set(json.loads(path.read_text()).get("ServerApp", {}).get("jpserver_extensions", {}))
    config = folder / "bare_server_config.json"
    config.write_text(json.dumps({"ServerApp": {"jpserver_extensions": {name: False for name in sorted(names)}}}))
    return config


def bare_server(folder: Path) -> tuple[float, float]:
    """Start time (s) and memory (MB) of a bare ``jupyter server`` (every extension off) on a free port."""
    port = _free_port()
    tag = f"bench-{port}"
    env = {**os.environ, "KIT_BENCH_TAG": tag}
    cmd = [sys.executable, "-m", "jupyter_server", "--no-browser", f"--port={port}", "--ServerApp.ip=127.0.0.1",
           "--IdentityProvider.token=", f"--config={_all_extensions_off(folder)}", "--ServerApp.port_retries=0",
           f"--ServerApp.root_dir={folder}", "--ServerApp.allow_root=True"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL)
    try:
        while True:
            if proc.poll() is not None:
                raise RuntimeError("jupyter server exited while starting")
            try:
                if requests.get(f"http://127.0.0.1:{port}/api/status", timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(0.05)
        elapsed = time.perf_counter() - start
        time.sleep(1)
        return elapsed, rss_mb(("KIT_BENCH_TAG", tag))
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def run() -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="kit-bench-hub-") as tmp:
        folder = Path(tmp)
        os.chmod(folder, 0o755)
        hub = Hub(folder, store_url=f"sqlite:///{folder / 'kit.db'}", gradebook_url="", hub_db_url="",
                  assessors=(), officers=OFFICERS)
        hub.start()
        try:
            starts, anchors = [], []
            for _ in range(STARTS):
                anchor, bare_mb = bare_server(folder)
                anchors.append(anchor)
                start = time.perf_counter()
                hub.start_server(OFFICERS[0])
                starts.append(time.perf_counter() - start)
                hub.stop_server(OFFICERS[0])
            for user in OFFICERS:
                hub.start_server(user)
            idle = statistics.mean(rss_mb(("JUPYTERHUB_USER", u)) for u in OFFICERS)
            render = []
            for user in OFFICERS:
                start = time.perf_counter()
                hub.server(user, "GET", "/voila/render/drill.ipynb")
                render.append(time.perf_counter() - start)
            time.sleep(2)
            loaded = [rss_mb(("JUPYTERHUB_USER", u)) for u in OFFICERS]
        finally:
            hub.stop()
    print(f"starts {starts}, anchors {anchors}, render {render}", file=sys.stderr)
    start_s, anchor_s, drill_mb = statistics.median(starts), statistics.median(anchors), statistics.mean(loaded)
    return [
        {"name": "officer server start (hub spawn → ready)", "value": start_s, "unit": "s",
         "anchor_name": "bare jupyter server start", "anchor_value": anchor_s, "ratio": start_s / anchor_s,
         "target": "≤ 30 s", "ok": start_s <= 30},
        {"name": "officer server memory, drill page open", "value": drill_mb, "unit": "MB",
         "anchor_name": "bare jupyter server memory", "anchor_value": bare_mb, "ratio": drill_mb / bare_mb,
         "target": "≤ 1024 MB (the pod limit in deploy/k8s)", "ok": drill_mb <= 1024},
        {"name": "officer server memory, no page open", "value": idle, "unit": "MB",
         "anchor_name": "bare jupyter server memory", "anchor_value": bare_mb, "ratio": idle / bare_mb,
         "target": "", "ok": None},
        {"name": "drill page render (Voila, new kernel)", "value": statistics.median(render), "unit": "s",
         "anchor_name": "bare jupyter server start", "anchor_value": anchor_s,
         "ratio": statistics.median(render) / anchor_s, "target": "", "ok": None},
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
