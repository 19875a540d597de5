"""Alembic migrations of the kit's store (see kit/store/migrate.py). A package so that they install with the kit."""
