"""Workshop servers for the tests: the kit's workshop routes in a tornado server on a loopback port inside the
test process (fast, for the API tests), and the real server of `make serve` (scripts/serve.sh) for the load and
browser tests; each on a new SQLite file or a new database of a real PostgreSQL server."""

from __future__ import annotations

import asyncio
import threading

import pytest

from kit.store import make_engine, upgrade
from tests.conftest import _free_port, _stop, start_voila
from tests.store.conftest import BACKENDS, postgres_server  # noqa: F401  (the session's PostgreSQL server)


@pytest.fixture(params=BACKENDS)
def hall_db(request, tmp_path):
    """The URL of a new, migrated database: a SQLite file, then a database on the real PostgreSQL server."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'kit.db'}"
    else:
        url = request.getfixturevalue("postgres_server").create_database()
    upgrade(url)
    return url


class ThreadServer:
    """The kit's workshop routes on 127.0.0.1 in a thread with its own event loop."""

    def __init__(self, db_url: str):
        import tornado.ioloop
        import tornado.web

        from kit.web import workshop_api, workshop_page
        from kit.workshop import Hall

        self.engine = make_engine(db_url)
        self.hall = Hall(self.engine)
        self.port = _free_port()
        ready = threading.Event()

        def run() -> None:
            asyncio.set_event_loop(asyncio.new_event_loop())
            app = tornado.web.Application(workshop_api.routes("/") + workshop_page.routes("/"), kit_hall=self.hall,
                                          base_url="/")
            self.server = app.listen(self.port, address="127.0.0.1")
            self.loop = tornado.ioloop.IOLoop.current()
            ready.set()
            self.loop.start()

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()
        ready.wait(30)
        self.base = f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.loop.add_callback(self.server.stop)
        self.loop.add_callback(self.loop.stop)
        self.thread.join(10)
        self.engine.dispose()


@pytest.fixture
def api_server(hall_db):
    server = ThreadServer(hall_db)
    try:
        yield server
    finally:
        server.stop()


def served_hall(db_url: str, log_path):
    """The real server (scripts/serve.sh, Voila with the kit's routes) with ``KIT_DB_URL=db_url``."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KIT_DB_URL", db_url)
        return start_voila(log_path)


@pytest.fixture
def real_hall(hall_db, tmp_path):
    """(base URL, server process, database URL) of the real server on a new database."""
    proc, base = served_hall(hall_db, tmp_path / "server.log")
    try:
        yield base, proc, hall_db
    finally:
        _stop(proc)
