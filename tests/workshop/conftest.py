"""A Voila server whose kernels share one SQLite store (``KIT_DB_URL`` in the server's environment), started
with the same helpers as ``voila_base`` in tests/conftest.py."""

from __future__ import annotations

import pytest

from kit.store import upgrade
from tests.conftest import _start, _stop


@pytest.fixture(scope="module")
def workshop_voila(tmp_path_factory):
    """(base URL, store URL) of a real Voila server on notebooks/ with ``KIT_DB_URL`` set to a new SQLite file."""
    folder = tmp_path_factory.mktemp("workshop-voila")
    db_url = f"sqlite:///{folder / 'kit.db'}"
    upgrade(db_url)  # before any kernel: the pages then find the schema in place
    log_path = folder / "voila.log"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KIT_DB_URL", db_url)  # _start passes os.environ on to Voila and its kernels
        for _attempt in range(3):
            proc, base = _start(log_path)
            if base is not None:
                break
            _stop(proc)
        else:
            pytest.fail(f"Voila did not start. Log:\n{log_path.read_text(errors='replace')[-4000:]}")
    try:
        yield base, db_url
    finally:
        _stop(proc)
