"""The workshop hall: 300 simulated phones (30 at a time, loopback) join, receive the case and answer one round
on the real server of `make serve`, on SQLite and, where Debian's PostgreSQL is installed, on a real PostgreSQL
server. Figures: the server-side submit time p50/p95 (``Server-Timing`` of each answer), the join-to-case time
p95 seen by the phones, and the server's RSS growth per participant — beside the anchor measured in the same
run: a raw SQLAlchemy insert loop of the same 300 rows (one transaction each) into the same kind of database."""

from __future__ import annotations

import glob
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from sqlalchemy import insert

from kit.store import Round, Submission, Workshop, make_engine, upgrade
from kit.workshop.phones import expected_answer, hall_run, trainer_call

ROOT = Path(__file__).resolve().parents[1]
PHONES = 300
SUBMIT_P95_MS = 100.0
JOIN_TO_CASE_P95_S = 2.0
RSS_PER_PHONE_MB = 1.0


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(db_url: str, log: Path) -> tuple[subprocess.Popen, str]:
    port = _port()
    env = dict(os.environ, PORT=str(port), PYTHON=sys.executable, KIT_DB_URL=db_url)
    proc = subprocess.Popen(["bash", str(ROOT / "scripts" / "serve.sh")], cwd=ROOT, env=env,
                            stdout=log.open("ab"), stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(base + "/", timeout=2).close()
            return proc, base
        except urllib.error.HTTPError:
            return proc, base
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError(f"the server did not start; see {log}")


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def _pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def insert_loop_ms(db_url: str) -> float:
    """The anchor: the same 300 answer rows, each inserted and committed by plain SQLAlchemy Core (ms per row)."""
    upgrade(db_url)
    engine = make_engine(db_url)
    try:
        with engine.begin() as c:
            wid = c.execute(insert(Workshop).values(code="ANCHOR", title="anchor", created_at=_now())).inserted_primary_key[0]
            rid = c.execute(insert(Round).values(workshop_id=wid, number=1, template_id="t", seed=0, case_id="c",
                                                 status="open", opened_at=_now())).inserted_primary_key[0]
        start = time.perf_counter()
        for i in range(PHONES):
            level, fine = expected_answer(i)
            with engine.begin() as c:
                c.execute(insert(Submission).values(round_id=rid, participant=f"学员{i:03d}", level=level, fine=fine,
                                                    reason=f"理由{i}", submitted_at=_now()))
        return (time.perf_counter() - start) * 1000 / PHONES
    finally:
        engine.dispose()


def _now():
    from kit.store.models import utcnow

    return utcnow()


def measure(backend: str, db_url: str, anchor_url: str, folder: Path) -> list[dict]:
    anchor = insert_loop_ms(anchor_url)
    upgrade(db_url)
    proc, base = _start(db_url, folder / f"server-{backend}.log")
    try:
        made = trainer_call(base, "POST", "s", body={"title": "bench"}).data
        code, key = made["code"], made["key"]
        trainer_call(base, "POST", f"/{code}/open", key, {"template": "parking-fee-overcharge", "seed": 1})
        hall_run(base, code, 5, workers=5)  # warm the server: imports, the case, the pool
        rss0 = _rss_mb(proc.pid)
        made = trainer_call(base, "POST", "s", body={"title": "bench"}).data
        code, key = made["code"], made["key"]
        trainer_call(base, "POST", f"/{code}/open", key, {"template": "parking-fee-overcharge", "seed": 1})
        results = hall_run(base, code, PHONES, workers=30)
        rss1 = _rss_mb(proc.pid)
        trainer_ms = sorted(trainer_call(base, "GET", f"/{code}/trainer", key).server_ms for _ in range(10))
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
    errors = sum(bool(r.errors) for r in results)
    submit = [r.submit_server_ms for r in results if r.submit_server_ms is not None]
    join = [r.join_to_case_s for r in results if r.join_to_case_s is not None]
    growth = max(rss1 - rss0, 0.0) / PHONES
    anchor_name = f"raw insert loop, {backend} (per row)"
    p50, p95, j95 = _pct(submit, 50), _pct(submit, 95), _pct(join, 95)
    poll = [r.state_server_ms for r in results if r.state_server_ms is not None]
    poll50, poll95 = _pct(poll, 50), _pct(poll, 95)
    return [
        {"name": f"workshop {backend}: {PHONES} phones, errors", "value": errors, "unit": "", "target": "0",
         "ok": errors == 0},
        {"name": f"workshop {backend}: submit p50 (server)", "value": p50, "unit": "ms", "anchor_name": anchor_name,
         "anchor_value": anchor, "ratio": p50 / anchor, "target": ""},
        {"name": f"workshop {backend}: submit p95 (server)", "value": p95, "unit": "ms", "anchor_name": anchor_name,
         "anchor_value": anchor, "ratio": p95 / anchor, "target": f"≤ {SUBMIT_P95_MS:g} ms", "ok": p95 <= SUBMIT_P95_MS},
        {"name": f"workshop {backend}: join-to-case p95", "value": j95 * 1000, "unit": "ms",
         "anchor_name": anchor_name, "anchor_value": anchor, "ratio": j95 * 1000 / anchor,
         "target": f"≤ {JOIN_TO_CASE_P95_S * 1000:g} ms", "ok": j95 <= JOIN_TO_CASE_P95_S},
        {"name": f"workshop {backend}: phone poll p95 (server)", "value": poll95, "unit": "ms",
         "anchor_name": anchor_name, "anchor_value": anchor, "ratio": poll95 / anchor,
         "target": f"p50 {poll50:.2f} ms: {PHONES} phones every 2 s use {PHONES / 2 * poll50 / 10:.0f}% of a core"},
        {"name": f"workshop {backend}: trainer view, {PHONES} answers (server, median)", "value": trainer_ms[5],
         "unit": "ms", "anchor_name": anchor_name, "anchor_value": anchor, "ratio": trainer_ms[5] / anchor,
         "target": "every 1.5 s"},
        {"name": f"workshop {backend}: RSS growth per phone", "value": growth, "unit": "MB",
         "anchor_name": "server RSS before the phones", "anchor_value": rss0, "ratio": growth / rss0,
         "target": f"≤ {RSS_PER_PHONE_MB:g} MB", "ok": growth <= RSS_PER_PHONE_MB},
    ]


def run() -> list[dict]:
    folder = Path(tempfile.mkdtemp(prefix="bench-workshop-"))
    rows = measure("sqlite", f"sqlite:///{folder / 'kit.db'}", f"sqlite:///{folder / 'anchor.db'}", folder)
    if glob.glob("/usr/lib/postgresql/*/bin/initdb"):
        sys.path.insert(0, str(ROOT))
        from tests.store.conftest import PostgresServer  # the test suite's throwaway server

        server = PostgresServer()
        try:
            server.start()
            rows += measure("postgresql", server.create_database(), server.create_database(), folder)
        finally:
            server.stop()
    return rows
