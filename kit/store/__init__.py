"""The kit's store: SQLAlchemy 2 models of workshops, their rounds and the participants' submissions.

SQLite by default, any SQLAlchemy URL in ``KIT_DB_URL`` (PostgreSQL with psycopg 3:
``postgresql+psycopg://user@host/db``). Tables are made only by the Alembic migrations in
``kit/store/migrations`` (``upgrade(url)``); ``engine_from_env()`` upgrades the database it opens. The store
imports nothing else of the kit."""

from .db import DB_URL_ENV, default_url, engine_from_env, make_engine, session_factory
from .migrate import MIGRATIONS_DIR, current_revision, head_revision, upgrade
from .models import ROUND_STATUSES, Base, Participant, Round, Submission, Workshop
from .drill_models import DrillAttempt, DrillReview  # issue 13: the drill's progress

__all__ = [
    "DB_URL_ENV", "default_url", "engine_from_env", "make_engine", "session_factory", "MIGRATIONS_DIR",
    "current_revision", "head_revision", "upgrade", "ROUND_STATUSES", "Base", "Participant", "Round", "Submission", "Workshop",
    "DrillAttempt", "DrillReview",
]
