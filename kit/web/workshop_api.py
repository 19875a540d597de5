"""The workshop's JSON API, in the server process (no kernel per phone): thin tornado handlers over ``Hall``.

One ``Hall`` per server process (``hall()``): one engine and connection pool for every phone of the hall. A
participant is named by the cookie ``kit_ws_<CODE>`` (its token), the trainer by the header ``X-Trainer-Key``.
Errors are JSON ``{"error": message, "key": …}`` in the ``?lang=`` language with a 4xx status; a database that
is down, locked or full is a 503 with a plain message, and the details go to the server log. Each answer
carries ``Server-Timing: app;dur=<ms>`` (the time spent in the handler; the load test reads it)."""

from __future__ import annotations

import json
import logging
import os
import socket
import time

import tornado.web
from sqlalchemy.exc import DBAPIError

from ..i18n import Lang, UnknownLanguage, parse_lang, t
from ..workshop import Hall, WorkshopError

log = logging.getLogger("kit.web.workshop")
MAX_BODY = 16 * 1024
KEY_HEADER = "X-Trainer-Key"
PUBLIC_URL_ENV = "KIT_PUBLIC_URL"
_HALL: Hall | None = None


def hall() -> Hall:
    """The process's one ``Hall`` on ``KIT_DB_URL`` (upgraded to the newest migration when first opened)."""
    global _HALL
    if _HALL is None:
        from ..store import engine_from_env

        _HALL = Hall(engine_from_env())
    return _HALL


def cookie_name(code: str) -> str:
    return "kit_ws_" + "".join(c for c in code.upper() if c.isalnum())[:16]


def db_problem(exc: DBAPIError) -> str:
    text = str(exc.orig if getattr(exc, "orig", None) is not None else exc).lower()
    if "locked" in text or "busy" in text:
        return "db_locked"
    if "full" in text or "no space" in text or "could not extend" in text:
        return "db_full"
    return "db_unavailable"


class ApiHandler(tornado.web.RequestHandler):
    lang: Lang = "zh"

    def hub_user(self) -> str | None:
        """The signed-in user under a hub (kit.web.extension): then the participant's name is the login."""
        return None

    def prepare(self) -> None:
        self._t0 = time.perf_counter()
        try:
            self.lang = parse_lang(self.get_query_argument("lang", None))
        except UnknownLanguage as err:
            self._send(400, {"error": str(err), "key": "bad_lang"})

    def check_xsrf_cookie(self) -> None:
        # Instead of the _xsrf form token: JSON bodies only (a cross-site form cannot send one without a
        # preflight, see body()), the participant cookie is SameSite=Lax and the trainer key travels in a header.
        return None

    @property
    def hall(self) -> Hall:
        return self.settings.get("kit_hall") or hall()

    def body(self) -> dict:
        if not self.request.headers.get("Content-Type", "").startswith("application/json"):
            raise WorkshopError("bad_json", status=415)
        if len(self.request.body) > MAX_BODY:
            raise WorkshopError("body_too_large", status=413)
        try:
            data = json.loads(self.request.body or b"{}")
        except ValueError:
            raise WorkshopError("bad_json") from None
        if not isinstance(data, dict):
            raise WorkshopError("bad_json")
        return data

    def key(self) -> str | None:
        return self.request.headers.get(KEY_HEADER)

    def _send(self, status: int, data: object) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        start = getattr(self, "_t0", None) or time.perf_counter()  # refused before prepare: no time spent
        self.set_header("Server-Timing", f"app;dur={(time.perf_counter() - start) * 1000:.3f}")
        self.finish(json.dumps(data, ensure_ascii=False))

    def run(self, fn, *args, status: int = 200) -> None:
        try:
            result = fn(*args)
        except WorkshopError as exc:
            self._send(exc.status, {"error": exc.message(self.lang), "key": exc.key})
            return
        except DBAPIError as exc:
            problem = db_problem(exc)
            log.error("workshop API %s %s: database problem (%s): %s", self.request.method, self.request.path,
                      problem, exc)
            self._send(503, {"error": t(f"workshop.{problem}", self.lang), "key": problem})
            return
        if result is not None:
            self._send(status, result)

    def _handle_request_exception(self, e: BaseException) -> None:
        if isinstance(e, WorkshopError):  # raised before run(), e.g. by check_xsrf_cookie
            self._send(e.status, {"error": e.message(self.lang), "key": e.key})
            return
        super()._handle_request_exception(e)

    def write_error(self, status_code: int, **kwargs: object) -> None:
        # Never a traceback: one sentence; tornado has logged the details.
        self._send(status_code, {"error": t("web.error_text", self.lang, status=status_code), "key": "server"})


class Create(ApiHandler):
    def post(self) -> None:
        self.run(lambda: self.hall.create(str(self.body().get("title", ""))[:1000]), status=201)


class Templates(ApiHandler):
    def get(self) -> None:
        self.run(lambda: {"templates": self.hall.templates(self.lang)})


class Info(ApiHandler):
    def get(self, code: str) -> None:
        self.run(lambda: self.hall.workshop_info(code))


class Join(ApiHandler):
    def post(self, code: str) -> None:
        def join():
            user = self.hub_user()
            name = user if user else self.body().get("name")
            me, token = self.hall.join(code, name, self.get_cookie(cookie_name(code)), login=bool(user))
            self.set_cookie(cookie_name(code), token, httponly=True, samesite="Lax", expires_days=2, path="/")
            return me
        self.run(join)


class State(ApiHandler):
    def get(self, code: str) -> None:
        self.run(lambda: self.hall.state(code, self.get_cookie(cookie_name(code)), self.lang))


class Answer(ApiHandler):
    def post(self, code: str) -> None:
        self.run(lambda: self.hall.submit(code, self.get_cookie(cookie_name(code)), self.body(), self.lang))


class TrainerState(ApiHandler):
    def get(self, code: str) -> None:
        names = self.get_query_argument("names", "0") == "1"
        self.run(lambda: self.hall.trainer_state(code, self.key(), self.lang, names=names))


class Preview(ApiHandler):
    def get(self, code: str) -> None:
        seed = self.get_query_argument("seed", "0")
        self.run(lambda: self.hall.preview(code, self.key(), self.get_query_argument("template", "")[:100],
                                           int(seed) if seed.isdigit() and len(seed) < 12 else -1, self.lang,
                                           self.get_query_argument("authority", "")[:100] or None))


class Act(ApiHandler):
    def post(self, code: str, action: str) -> None:
        self.run(lambda: self.hall.act(code, self.key(), action, self.body()))


class Export(ApiHandler):
    def get(self, code: str) -> None:
        def export():
            data = self.hall.export(code, self.key(), self.lang)
            self.set_header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            self.set_header("Content-Disposition", f'attachment; filename="workshop-{code.upper()[:16]}.xlsx"')
            self.finish(data)
        self.run(export)


def participant_url(handler: tornado.web.RequestHandler, code: str, lang: Lang) -> str:
    """The address participants open: ``KIT_PUBLIC_URL`` if set, else the address the trainer's browser used,
    with a loopback host replaced by this machine's LAN address (what a phone in the room can reach)."""
    base = os.environ.get(PUBLIC_URL_ENV, "").strip().rstrip("/")
    if not base:
        host = handler.request.host
        name, _, port = host.rpartition(":") if ":" in host else (host, "", "")
        if name in ("127.0.0.1", "localhost", "[::1]"):
            name = lan_address() or name
        base = f"{handler.request.protocol}://{name}{':' + port if port else ''}"
    root = handler.settings.get("base_url", "/")
    return f"{base}{root}workshop?code={code.upper()}&lang={lang}"


def lan_address() -> str | None:
    try:  # a UDP "connection" sends nothing; it picks the interface a route to the LAN would use
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("10.255.255.255", 1))
            address = s.getsockname()[0]
            return None if address.startswith("127.") else address
    except OSError:
        return None


class Qr(ApiHandler):
    def get(self, code: str) -> None:
        def qr():
            import io

            import segno

            info = self.hall.workshop_info(code)
            url = participant_url(self, info["code"], self.lang)
            buffer = io.BytesIO()
            segno.make(url, error="m").save(buffer, kind="svg", scale=6, border=2, xmldecl=False)
            return {"url": url, "svg": buffer.getvalue().decode("utf-8")}
        self.run(qr)


class NotFound(ApiHandler):
    def get(self, *_args) -> None:
        self._send(404, {"error": t("workshop.not_found", self.lang), "key": "not_found"})

    post = get


def routes(base: str) -> list[tuple]:
    api = base.rstrip("/") + "/api/workshop"
    code = r"([A-Za-z0-9]{1,16})"
    return [(api + "s/?", Create), (api + "/templates", Templates), (api + f"/{code}", Info),
            (api + f"/{code}/join", Join), (api + f"/{code}/state", State), (api + f"/{code}/answer", Answer),
            (api + f"/{code}/trainer", TrainerState), (api + f"/{code}/preview", Preview),
            (api + f"/{code}/(open|close|reveal|reopen)", Act), (api + f"/{code}/export.xlsx", Export),
            (api + f"/{code}/qr", Qr), (api + "/(.*)", NotFound)]
