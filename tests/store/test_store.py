"""The store on SQLite and on a real PostgreSQL server: the migrations make the schema the models describe,
and the constraints hold (one submission per participant per round, a known round status)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select
from sqlalchemy.exc import IntegrityError

from kit.store import (Base, Round, Submission, Workshop, current_revision, engine_from_env, head_revision,
                       make_engine, session_factory, upgrade)

KIT = Path(__file__).resolve().parents[2] / "kit"


@pytest.fixture
def engine(empty_url):
    upgrade(empty_url)
    engine = make_engine(empty_url)
    yield engine
    engine.dispose()


def test_upgrade_head_on_an_empty_database(empty_url):
    assert current_revision(empty_url) is None
    upgrade(empty_url)
    assert current_revision(empty_url) == head_revision() == "0003_issue13_drill_progress"
    upgrade(empty_url)  # a second upgrade changes nothing
    engine = make_engine(empty_url)
    try:
        assert {"workshops", "rounds", "submissions", "drill_attempts", "drill_reviews", "alembic_version"} <= set(
            inspect(engine).get_table_names())
        with engine.connect() as connection:  # the migrations make what the models describe
            assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    finally:
        engine.dispose()


def _round(session) -> Round:
    workshop = Workshop(code="ABC234", title="研讨会")
    round_ = Round(workshop=workshop, number=1, template_id="parking-fee-overcharge", seed=0,
                   case_id="parking-fee-overcharge:ABC234:0", status="open")
    session.add(round_)
    session.flush()
    return round_


def test_models_round_trip(engine):
    Session = session_factory(engine)
    with Session.begin() as s:
        round_ = _round(s)
        s.add_all([Submission(round=round_, participant="张三", level="lenient", fine=500.0, reason="初次违法"),
                   Submission(round=round_, participant="李四", level="transfer", fine=None)])
    with Session() as s:
        workshop = s.scalar(select(Workshop).where(Workshop.code == "ABC234"))
        assert workshop.title == "研讨会" and workshop.created_at is not None
        (round_,) = workshop.rounds
        assert [(x.participant, x.level, x.fine) for x in round_.submissions] == [
            ("张三", "lenient", 500.0), ("李四", "transfer", None)]
        assert round_.submissions[0].reason == "初次违法"


def test_one_submission_per_participant_per_round(engine):
    with session_factory(engine)() as s:
        round_ = _round(s)
        s.add(Submission(round=round_, participant="张三", level="lenient"))
        s.flush()
        s.add(Submission(round=round_, participant="张三", level="standard"))
        with pytest.raises(IntegrityError):
            s.flush()


def test_a_round_status_must_be_known(engine):
    with session_factory(engine)() as s:
        round_ = _round(s)
        round_.status = "finished"
        with pytest.raises(IntegrityError):
            s.flush()


def test_a_workshop_code_is_unique(engine):
    with session_factory(engine)() as s:
        s.add_all([Workshop(code="SAME22", title="a"), Workshop(code="SAME22", title="b")])
        with pytest.raises(IntegrityError):
            s.flush()


def test_engine_from_env_reads_kit_db_url_and_migrates(empty_url, monkeypatch):
    monkeypatch.setenv("KIT_DB_URL", empty_url)
    engine = engine_from_env()
    try:
        assert engine.url.render_as_string(hide_password=False) == empty_url
        assert current_revision(empty_url) == head_revision()
    finally:
        engine.dispose()


def test_engine_from_env_defaults_to_sqlite(monkeypatch, tmp_path):
    monkeypatch.delenv("KIT_DB_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    engine = engine_from_env(migrate=False)
    assert engine.dialect.name == "sqlite" and engine.url.database.endswith("kit.db")


def test_tables_are_made_only_by_migrations():
    offenders = [str(p) for p in KIT.rglob("*.py") if re.search(r"create_all\(", p.read_text("utf-8"))]
    assert offenders == []
