"""Which database: ``KIT_DB_URL``, else a SQLite file in the user's data folder (``./kit.db`` when that
folder cannot be made)."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

DB_URL_ENV = "KIT_DB_URL"
APP_NAME = "discretion-kit"


def default_url() -> str:
    """``sqlite:///<user data dir>/discretion-kit/kit.db``, or ``sqlite:///kit.db`` (the working folder)."""
    try:
        from platformdirs import user_data_dir

        folder = Path(user_data_dir(APP_NAME, appauthor=False))
        folder.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{folder / 'kit.db'}"
    except (ImportError, OSError):
        return "sqlite:///kit.db"


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets foreign keys on, a write-ahead log and a wait instead of 'database is
    locked' when several writers come at once."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            # A server with many readers and short writes (the workshop hall): write-ahead log, and no fsync of
            # every commit (a power cut may lose the last commits, never corrupt the file).
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def engine_from_env(*, migrate: bool = True) -> Engine:
    """The engine of ``KIT_DB_URL`` (or ``default_url()``), upgraded to the newest migration unless
    ``migrate=False``."""
    url = os.environ.get(DB_URL_ENV, "").strip() or default_url()
    if migrate:
        from .migrate import current_revision, head_revision, upgrade

        head = head_revision()
        if current_revision(url) != head:
            try:
                upgrade(url)
            except Exception:
                # Several pages opened at once on a new database race to migrate it; one winning is enough.
                if current_revision(url) != head:
                    raise
    return make_engine(url)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
