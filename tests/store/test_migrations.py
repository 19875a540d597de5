"""The migration files themselves: each revision id is its file's name, one chain from the first to the head,
and the template (``script.py.mako``) writes a revision Alembic reads, with branch labels only when given."""

from __future__ import annotations

import shutil
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from kit.store import head_revision
from kit.store.migrate import MIGRATIONS_DIR, alembic_config


def _scripts(config: Config) -> list:
    return list(ScriptDirectory.from_config(config).walk_revisions())  # head first


def test_each_revision_is_named_by_its_file_and_the_chain_is_one():
    scripts = _scripts(alembic_config("sqlite://"))
    assert [Path(s.path).stem for s in scripts] == [s.revision for s in scripts]
    assert scripts[0].revision == head_revision() and scripts[-1].down_revision is None
    assert all(newer.down_revision == older.revision for newer, older in zip(scripts, scripts[1:]))
    assert all(not s.branch_labels and not s.dependencies for s in scripts)  # the defaults, left unwritten


def test_the_template_writes_a_revision_alembic_reads(tmp_path):
    shutil.copytree(MIGRATIONS_DIR, tmp_path / "migrations", ignore=shutil.ignore_patterns("__pycache__"))
    config = Config()
    config.set_main_option("script_location", str(tmp_path / "migrations"))
    head = head_revision()
    plain = command.revision(config, message="a probe", rev_id="0098_probe")
    labelled = command.revision(config, message="labelled", rev_id="0099_probe", branch_label="probe")
    text = Path(plain.path).read_text(encoding="utf-8")
    assert text.startswith('"""a probe\n') and "branch_labels" not in text and "depends_on" not in text
    assert f"down_revision = {head!r}" in text
    scripts = {s.revision: s for s in _scripts(config)}
    assert scripts["0098_probe"].down_revision == head and not hasattr(scripts["0098_probe"].module, "branch_labels")
    assert scripts["0099_probe"].down_revision == "0098_probe"
    assert labelled.module.branch_labels == ("probe",)  # written when given (Alembic then labels the branch)


def test_downgrade_to_base_removes_every_table(empty_url):
    """Each downgrade drops what its upgrade made (a table's indexes go with it), on SQLite and PostgreSQL."""
    import sqlalchemy as sa

    from kit.store.migrate import upgrade

    upgrade(empty_url)
    engine = sa.create_engine(empty_url)
    try:
        made = set(sa.inspect(engine).get_table_names())
        assert {"workshops", "rounds", "submissions", "participants", "drill_attempts", "drill_reviews"} <= made
        command.downgrade(alembic_config(empty_url), "base")
        left = sa.inspect(engine)
        assert set(left.get_table_names()) == {"alembic_version"}
        upgrade(empty_url)  # and up again: nothing of the old tables stood in the way
        assert set(sa.inspect(engine).get_table_names()) == made
    finally:
        engine.dispose()
