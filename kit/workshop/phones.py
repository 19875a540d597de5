"""Simulated phones: a stdlib HTTP client of the participant API, for the load test and the bench.

``Phone`` keeps its own cookie (the participant token) like a browser; ``hall_run`` lets ``n`` phones join,
wait for the case and answer the round on screen, ``workers`` at a time, on a loopback server, and returns
what each one sent, what the server answered, and the server-side times (``Server-Timing``)."""

from __future__ import annotations

import http.client
import json
import re
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from .service import LEVEL_ORDER

_TIMING = re.compile(r"dur=([0-9.]+)")


@dataclass
class Reply:
    status: int
    data: dict
    server_ms: float | None


class Phone:
    def __init__(self, base: str, code: str, *, timeout: float = 60.0):
        parts = urllib.parse.urlsplit(base)
        self.host, self.port, self.root = parts.hostname, parts.port, parts.path.rstrip("/")
        self.code, self.timeout = code, timeout
        self.cookies: dict[str, str] = {}
        self.conn: http.client.HTTPConnection | None = None

    def call(self, method: str, path: str, body: dict | None = None, headers: dict | None = None) -> Reply:
        head = dict(headers or {})
        if body is not None:
            head["Content-Type"] = "application/json"
        if self.cookies:
            head["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        payload = json.dumps(body).encode() if body is not None else None
        for attempt in (0, 1):  # a kept-alive connection the server closed is reopened once
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                self.conn.request(method, f"{self.root}/api/workshop{path}", body=payload, headers=head)
                resp = self.conn.getresponse()
                raw = resp.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.conn.close()
                self.conn = None
                if attempt:
                    raise
        for header in resp.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        timing = _TIMING.search(resp.headers.get("Server-Timing", ""))
        data = json.loads(raw) if resp.headers.get("Content-Type", "").startswith("application/json") else {}
        return Reply(resp.status, data, float(timing.group(1)) if timing else None)

    def join(self, name: str) -> Reply:
        return self.call("POST", f"/{self.code}/join", {"name": name})

    def state(self) -> Reply:
        return self.call("GET", f"/{self.code}/state")

    def answer(self, round_id: int, level: str, fine: float | None, reason: str | None = None) -> Reply:
        return self.call("POST", f"/{self.code}/answer", {"round": round_id, "level": level, "fine": fine,
                                                          "reason": reason})

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()


@dataclass
class PhoneResult:
    name: str
    level: str
    fine: float
    round_number: int | None = None
    join_to_case_s: float | None = None
    submit_server_ms: float | None = None
    state_server_ms: float | None = None
    errors: list[str] = field(default_factory=list)


def expected_answer(i: int) -> tuple[str, float]:
    """Phone ``i``'s answer: a level and a fine that differ from phone to phone (so a misfile shows)."""
    return LEVEL_ORDER[i % len(LEVEL_ORDER)], float(1000 + i)


def one_phone(base: str, code: str, i: int, *, wait_s: float = 30.0, poll_s: float = 0.2) -> PhoneResult:
    level, fine = expected_answer(i)
    result = PhoneResult(name=f"学员{i:03d}", level=level, fine=fine)
    phone = Phone(base, code)
    try:
        start = time.perf_counter()
        joined = phone.join(result.name)
        if joined.status != 200:
            result.errors.append(f"join {joined.status} {joined.data}")
            return result
        deadline = start + wait_s
        while True:
            state = phone.state()
            if state.status != 200:
                result.errors.append(f"state {state.status} {state.data}")
                return result
            if state.data.get("round"):
                break
            if time.perf_counter() > deadline:
                result.errors.append("no case within the wait")
                return result
            time.sleep(poll_s)
        result.join_to_case_s = time.perf_counter() - start
        result.state_server_ms = state.server_ms
        round_ = state.data["round"]
        result.round_number = round_["number"]
        sent = phone.answer(round_["id"], level, fine, f"理由{i}")
        result.submit_server_ms = sent.server_ms
        if sent.status != 200 or sent.data.get("round") != round_["number"]:
            result.errors.append(f"answer {sent.status} {sent.data}")
    except OSError as exc:
        result.errors.append(f"{type(exc).__name__}: {exc}")
    finally:
        phone.close()
    return result


def hall_run(base: str, code: str, n: int = 300, *, workers: int = 30) -> list[PhoneResult]:
    """``n`` phones, ``workers`` at a time, each joining, receiving the case and answering once."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda i: one_phone(base, code, i), range(n)))


def trainer_call(base: str, method: str, path: str, key: str | None = None, body: dict | None = None) -> Reply:
    phone = Phone(base, "")
    try:
        return phone.call(method, path, body, {"X-Trainer-Key": key} if key else None)
    finally:
        phone.close()
