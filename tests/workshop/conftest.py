"""A Voila server whose kernels share one SQLite store (``KIT_DB_URL`` in the server's environment), started
with the same helpers as ``voila_base`` in tests/conftest.py."""

from __future__ import annotations

import pytest

from kit.store import upgrade
from tests.conftest import _stop, start_voila


@pytest.fixture(scope="module")
def workshop_voila(tmp_path_factory):
    """(base URL, store URL) of a real Voila server on notebooks/ with ``KIT_DB_URL`` set to a new SQLite file."""
    folder = tmp_path_factory.mktemp("workshop-voila")
    db_url = f"sqlite:///{folder / 'kit.db'}"
    upgrade(db_url)  # before any kernel: the pages then find the schema in place
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KIT_DB_URL", db_url)  # _start passes os.environ on to Voila and its kernels
        proc, base = start_voila(folder / "voila.log")
    try:
        yield base, db_url
    finally:
        _stop(proc)
