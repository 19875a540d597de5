"""The drill's first paint and the simulator's update.

1. **Drill first widget**: seconds from opening ``drill.ipynb?officer=…`` in Debian's chromium until the page's
   widgets (its buttons) are on screen, and until the first case is (the store is read and the case drawn in a
   thread once the page is up: kit/drills/app.py), beside a bare notebook
   with one ``ipywidgets.Button`` on the same server (the anchor: what any widget page costs on Voila). Both
   are served by one ``python -m kit.web`` process (the kit's server, same flags as scripts/serve.sh) over a
   temporary folder holding a copy of notebooks/drill.ipynb and the bare notebook; median of alternating runs.
   Target: ≤ 1.5× the anchor.
2. **Simulator update after a toggle**, server-side: the API's work for one changed tick (parse and check the
   state, run the engine on both baseline columns, render the results), over every matter and every
   circumstance toggled on and off; the anchor is the engine alone on the same cases. Target: p95 ≤ 150 ms.
   Also the same request over HTTP to the live server (round trip, no target)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
BARE = {"cells": [{"cell_type": "code", "execution_count": None, "id": "b", "metadata": {}, "outputs": [],
                   "source": ["import ipywidgets as w\n", "w.Button(description='OK')"]}],
        "metadata": {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}},
        "nbformat": 4, "nbformat_minor": 5}


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server(folder: Path, env: dict) -> tuple[subprocess.Popen, str]:
    port = _port()
    proc = subprocess.Popen([sys.executable, "-m", "kit.web", str(folder), "--no-browser", "--Voila.ip=127.0.0.1",
                             f"--port={port}", "--Voila.port_retries=0", f"--Voila.config_file_paths={ROOT}"],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(base + "/", timeout=2).close()
            return proc, base
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("the kit's server did not start")


def _first_paint(browser, url: str, selector: str) -> float:
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(selector, timeout=180_000)
    seconds = time.perf_counter() - start
    page.close()
    return seconds


def _drill(browser, base: str, i: int) -> tuple[float, float]:
    """Seconds until the drill's first widget (its buttons) and until its first case are on screen."""
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    start = time.perf_counter()
    page.goto(f"{base}/voila/render/drill.ipynb?officer=bench-{i}")
    page.wait_for_selector(".kit-drill-lang .jupyter-button", timeout=180_000)
    first = time.perf_counter() - start
    page.wait_for_selector(".kit-drill-case", timeout=180_000)
    case = time.perf_counter() - start
    page.close()
    return first, case


def drill_rows() -> list[dict]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "nb"
        folder.mkdir()
        shutil.copy(ROOT / "notebooks" / "drill.ipynb", folder / "drill.ipynb")
        (folder / "bare.ipynb").write_text(json.dumps(BARE), encoding="utf-8")
        env = dict(os.environ, KIT_DB_URL=f"sqlite:///{tmp}/kit.db")
        env.pop("JUPYTERHUB_USER", None)
        proc, base = _server(folder, env)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
                bare = lambda: _first_paint(browser, f"{base}/voila/render/bare.ipynb", ".jupyter-button")  # noqa: E731
                _drill(browser, base, -1), bare()  # warm-up: the first kernel start, imports into the page cache
                drills, cases, bares = [], [], []
                for i in range(RUNS):
                    bares.append(bare())
                    first, case = _drill(browser, base, i)
                    drills.append(first)
                    cases.append(case)
                browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    d, c, b = statistics.median(drills), statistics.median(cases), statistics.median(bares)
    return [{"name": f"drill first widget (the page's buttons on screen), median of {RUNS}", "value": d, "unit": "s",
             "anchor_name": "bare one-button notebook, same server", "anchor_value": b, "ratio": d / b,
             "target": "≤ 1.5× anchor", "ok": d / b <= 1.5},
            {"name": f"drill first case on screen (store read, case drawn), median of {RUNS}", "value": c, "unit": "s",
             "anchor_name": "bare one-button notebook, same server", "anchor_value": b, "ratio": c / b,
             "target": "", "ok": None}]


def _toggles(sim) -> list[tuple[str, str]]:
    out = []
    for matter in sim.matters():
        state = sim.initial(matter)
        for f in sim.factor_options(matter):
            factors = sorted(state.factors ^ {f})
            out.append((matter, json.dumps({"matter": matter, "factors": factors, "baseline_a": state.baseline_a,
                                            "baseline_b": state.baseline_b})))
    return out


def simulator_rows() -> list[dict]:
    from kit.engine import evaluate
    from kit.simulator import Simulator
    from kit.web.simulator_page import api_result

    sim = Simulator()
    toggles = _toggles(sim)
    api_result(sim, toggles[0][1], "zh")  # warm: the matters' first cases
    api, engine = [], []
    for _matter, raw in toggles:
        for lang in ("zh", "en"):
            start = time.perf_counter()
            status, _body = api_result(sim, raw, lang)
            api.append(time.perf_counter() - start)
            assert status == 200
        state = sim.state_from(json.loads(raw))
        cases = [sim.case(state, b) for b in {state.baseline_a, state.baseline_b}]
        start = time.perf_counter()
        for c in cases:
            evaluate(sim.library, c)
        engine.append(time.perf_counter() - start)
    p95 = statistics.quantiles(api, n=20)[-1] * 1000
    engine_p95 = statistics.quantiles(engine, n=20)[-1] * 1000
    rows = [{"name": f"simulator update after a toggle, server-side p95 ({len(api)} toggles)", "value": p95,
             "unit": "ms", "anchor_name": "engine alone on the same cases (p95)", "anchor_value": engine_p95,
             "ratio": p95 / engine_p95, "target": "≤ 150 ms", "ok": p95 <= 150}]
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, KIT_DB_URL=f"sqlite:///{tmp}/kit.db")
        proc, base = _server(ROOT / "notebooks", env)
        try:
            trips = []
            for _matter, raw in toggles[:40]:
                url = f"{base}/simulator/api?lang=zh&state={urllib.parse.quote(raw)}"
                start = time.perf_counter()
                urllib.request.urlopen(url, timeout=30).read()
                trips.append(time.perf_counter() - start)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    median = statistics.median(trips) * 1000
    rows.append({"name": f"simulator update over HTTP, median ({len(trips)} toggles)", "value": median, "unit": "ms",
                 "anchor_name": "server-side p95 (above)", "anchor_value": p95, "ratio": median / p95,
                 "target": "", "ok": None})
    return rows


def run() -> list[dict]:
    return simulator_rows() + drill_rows()


if __name__ == "__main__":
    for row in run():
        print(row)
