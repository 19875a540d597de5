"""One real JupyterHub for the deployment tests (module scope): PostgreSQL holds the hub's own state, the kit's
store and nbgrader's gradebook, three databases on one server started for the purpose (tests/store's
``PostgresServer``)."""

from __future__ import annotations

import os

import pytest

from kit.store import upgrade
from tests.store.conftest import postgres_server  # noqa: F401  the session's one PostgreSQL server

from .hub import Hub


@pytest.fixture(scope="module")
def postgres(postgres_server):  # noqa: F811
    return postgres_server


@pytest.fixture(scope="module")
def hub(postgres, tmp_path_factory):
    """A started hub with two officers (alice, bob) and an assessor; stopped (with every server) at the end."""
    folder = tmp_path_factory.mktemp("hub")
    os.chmod(folder, 0o755)
    store_url = postgres.create_database()
    upgrade(store_url)  # before any page opens: the pages then find the schema in place
    hub = Hub(folder, store_url=store_url, gradebook_url=postgres.create_database(),
              hub_db_url=postgres.create_database())
    try:
        hub.start()
        yield hub
    finally:
        hub.stop()
