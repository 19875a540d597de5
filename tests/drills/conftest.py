"""A fresh SQLite store per test (migrated by Alembic, as the server does) and a clock the test moves."""

from __future__ import annotations

from datetime import date, timedelta

import pytest



class Clock:
    def __init__(self, day: date = date(2026, 12, 1)):
        self.day = day

    def __call__(self) -> date:
        return self.day

    def advance(self, days: int) -> None:
        self.day += timedelta(days=days)


@pytest.fixture
def store(sqlite_store):
    return sqlite_store


@pytest.fixture
def clock() -> Clock:
    return Clock()
