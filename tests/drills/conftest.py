"""A fresh SQLite store per test (migrated by Alembic, as the server does) and a clock the test moves."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kit.store import make_engine, upgrade


class Clock:
    def __init__(self, day: date = date(2026, 12, 1)):
        self.day = day

    def __call__(self) -> date:
        return self.day

    def advance(self, days: int) -> None:
        self.day += timedelta(days=days)


@pytest.fixture
def store(tmp_path):
    url = f"sqlite:///{tmp_path / 'kit.db'}"
    upgrade(url)
    engine = make_engine(url)
    yield engine
    engine.dispose()


@pytest.fixture
def clock() -> Clock:
    return Clock()
