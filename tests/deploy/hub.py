"""A real JupyterHub (PyPI's jupyterhub, npm's configurable-http-proxy) started from the kit's
``deploy/jupyterhub/jupyterhub_config.py`` in test mode, on loopback and free ports, and driven over HTTP:
log-in with the shared password (the hub's login form), servers started and stopped through the hub's REST
API (an admin service token), and each user's server reached through the proxy with that user's token.
``configurable-http-proxy`` is installed from the npm registry into .node/ when missing (scripts/ensure-chp.sh)."""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

from tests.conftest import ROOT, _free_port

sys.path.insert(0, str(ROOT / "deploy" / "jupyterhub"))
import kit_hub  # noqa: E402,F401  (re-exported for the tests; deploy/jupyterhub is not a package: jupyterhub_config.py imports it the same way)

CONFIG = ROOT / "deploy" / "jupyterhub" / "jupyterhub_config.py"
ENSURE_CHP = ROOT / "scripts" / "ensure-chp.sh"
HUB_START_TIMEOUT = 120  # seconds until the hub answers its API
SERVER_START_TIMEOUT = 240  # seconds until a user's server is ready (2 busy cores)


class HubError(AssertionError):
    pass


def ensure_chp() -> str:
    """configurable-http-proxy from the npm registry, installed into .node/ (scripts/ensure-chp.sh)."""
    done = subprocess.run(["bash", str(ENSURE_CHP)], capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise HubError(f"scripts/ensure-chp.sh failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout.strip().splitlines()[-1]


@dataclass
class Hub:
    folder: Path
    store_url: str
    gradebook_url: str
    hub_db_url: str
    assessors: tuple[str, ...] = ("assessor",)
    officers: tuple[str, ...] = ("alice", "bob")
    idle_timeout: int = 0
    password: str = field(default_factory=lambda: secrets.token_urlsafe(12))
    admin_token: str = field(default_factory=lambda: secrets.token_hex(24))
    proc: subprocess.Popen | None = None
    env: dict[str, str] = field(default_factory=dict)
    base: str = ""
    tokens: dict[str, str] = field(default_factory=dict)

    @property
    def log_path(self) -> Path:
        return self.folder / "hub.log"

    def log(self, tail: int = 6000) -> str:
        return self.log_path.read_text(errors="replace")[-tail:] if self.log_path.exists() else ""

    def environment(self, chp: str) -> dict[str, str]:
        port = _free_port()
        self.base = f"http://127.0.0.1:{port}"
        keep = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "HOME", "TMPDIR")}
        return {**keep, "PYTHONUNBUFFERED": "1",
                "KIT_HUB_MODE": "test", "KIT_HUB_IP": "127.0.0.1", "KIT_HUB_PORT": str(port),
                "KIT_HUB_API_PORT": str(_free_port()), "KIT_PROXY_API_PORT": str(_free_port()),
                "KIT_HUB_STATE": str(self.folder / "state"), "KIT_HUB_DB_URL": self.hub_db_url,
                "KIT_DB_URL": self.store_url, "KIT_GRADEBOOK_URL": self.gradebook_url,
                "KIT_NBGRADER_EXCHANGE": str(self.folder / "exchange"), "KIT_HUB_HOMES": str(self.homes),
                "KIT_ASSESSORS": ",".join(self.assessors), "KIT_HUB_USERS": ",".join(self.officers),
                "KIT_HUB_PASSWORD": self.password, "KIT_HUB_ADMIN_TOKEN": self.admin_token,
                "KIT_IDLE_TIMEOUT": str(self.idle_timeout), "KIT_CHP": chp}

    @property
    def homes(self) -> Path:
        return self.folder / "homes"

    def start(self) -> None:
        env = self.env = self.environment(ensure_chp())
        (self.folder / "state").mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(CONFIG)],
                                         cwd=self.folder / "state", env=env, stdin=subprocess.DEVNULL,
                                         stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + HUB_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise HubError(f"JupyterHub exited ({self.proc.returncode}). Log:\n{self.log()}")
            try:
                if requests.get(self.base + "/hub/api/", timeout=3).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise HubError(f"JupyterHub did not answer in {HUB_START_TIMEOUT} s. Log:\n{self.log()}")

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)  # the hub stops the users' servers and the proxy on SIGTERM
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)

    # ---- the hub's REST API, as the kit-admin service ---------------------------------------------------

    def api(self, method: str, path: str, *, ok=(200, 201, 202, 204), **kwargs) -> requests.Response:
        r = requests.request(method, f"{self.base}/hub/api{path}", timeout=30,
                             headers={"Authorization": f"token {self.admin_token}"}, **kwargs)
        if r.status_code not in ok:
            raise HubError(f"{method} /hub/api{path}: {r.status_code} {r.text[:500]}\nHub log:\n{self.log()}")
        return r

    def login(self, user: str, password: str | None = None) -> requests.Session:
        """Log ``user`` in through the hub's login form, as a browser does; the session holds the cookie."""
        session = requests.Session()
        session.get(f"{self.base}/hub/login", timeout=30)
        xsrf = session.cookies.get("_xsrf")
        r = session.post(f"{self.base}/hub/login?next=", timeout=60, allow_redirects=False,
                         data={"username": user, "password": self.password if password is None else password,
                               "_xsrf": xsrf})
        session.login_status = r.status_code
        return session

    def token(self, user: str) -> str:
        """An API token of ``user`` (made by the admin service), to reach ``user``'s own server."""
        if user not in self.tokens:
            r = self.api("POST", f"/users/{user}/tokens", json={"note": "kit tests", "expires_in": 3600})
            self.tokens[user] = r.json()["token"]
        return self.tokens[user]

    def home(self, user: str) -> Path:
        return self.homes / user

    def user_model(self, user: str) -> dict:
        return self.api("GET", f"/users/{user}").json()

    def start_server(self, user: str) -> None:
        self.api("POST", f"/users/{user}/server", ok=(201, 202, 400))  # 400: already running
        self.wait_ready(user)

    def wait_ready(self, user: str) -> None:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline:
            server = self.user_model(user).get("servers", {}).get("")
            if server and server.get("ready"):
                return
            if not server or not (server.get("pending") or server.get("ready")):
                raise HubError(f"{user}'s server stopped while starting. Hub log:\n{self.log()}")
            time.sleep(1)
        raise HubError(f"{user}'s server was not ready in {SERVER_START_TIMEOUT} s. Hub log:\n{self.log()}")

    def stop_server(self, user: str) -> None:
        self.api("DELETE", f"/users/{user}/server", ok=(202, 204))
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if not self.user_model(user).get("servers"):
                return
            time.sleep(0.5)
        raise HubError(f"{user}'s server did not stop. Hub log:\n{self.log()}")

    # ---- a user's own server, through the proxy -----------------------------------------------------------

    def server(self, user: str, method: str, path: str, *, as_user: str | None = None, ok=(200, 201),
               timeout: float = 300, anonymous: bool = False, **kwargs) -> requests.Response:
        """``METHOD /user/<user><path>`` with the token of ``as_user`` (default: ``user`` themself); no token
        at all when ``anonymous``."""
        headers = {} if anonymous else {"Authorization": f"token {self.token(as_user or user)}"}
        r = requests.request(method, f"{self.base}/user/{user}{path}", timeout=timeout, allow_redirects=False,
                             headers=headers, **kwargs)
        if ok and r.status_code not in ok:
            raise HubError(f"{method} /user/{user}{path}: {r.status_code} {r.text[:800]}\nHub log:\n{self.log()}")
        return r

    def over_websocket(self, user: str, path: str, talk, *, then_delete: str):
        """What ``talk(ws)`` (a coroutine function) returns, run on the websocket ``path`` of ``user``'s server
        through the proxy with ``user``'s token; the socket is closed and ``then_delete`` (the terminal or kernel)
        deleted on that server afterwards, whatever happened."""
        import asyncio

        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        url = f"{self.base.replace('http://', 'ws://')}/user/{user}{path}"

        async def run():
            ws = await websocket_connect(HTTPRequest(url, headers={"Authorization": f"token {self.token(user)}"}))
            try:
                return await talk(ws)
            finally:
                ws.close()

        try:
            return asyncio.run(run())
        finally:
            self.server(user, "DELETE", then_delete, ok=(204, 404))

    def terminal(self, user: str, command: str, timeout: float = 600) -> tuple[int, str]:
        """(exit status, output) of ``command`` typed into a new terminal of ``user``'s server, over the
        terminal's websocket through the proxy, as a person in JupyterLab's terminal would run it."""
        import asyncio
        import json
        import re

        name = self.server(user, "POST", "/api/terminals").json()["name"]
        marker = secrets.token_hex(4)
        done = re.compile(rf"KIT-DONE-{marker}-(\d+)")

        async def talk(ws) -> tuple[int, str]:
            await ws.write_message(json.dumps(["stdin", f"{command}; echo KIT-DONE-{marker}-$?\r"]))
            out = ""
            deadline = time.monotonic() + timeout
            while (found := done.search(out)) is None:
                message = await asyncio.wait_for(ws.read_message(), max(1.0, deadline - time.monotonic()))
                if message is None:
                    raise HubError(f"{user}'s terminal closed. Output:\n{out[-3000:]}")
                kind, *data = json.loads(message)
                if kind == "stdout":
                    out += data[0]
            return int(found.group(1)), out

        return self.over_websocket(user, f"/terminals/websocket/{name}", talk, then_delete=f"/api/terminals/{name}")
