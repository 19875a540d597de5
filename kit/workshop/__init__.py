"""Workshops in a hall: a trainer projects one case, 50–300 officers answer on their phones, the room discusses
the spread of answers, then the trainer reveals the engine's decision and its cited reasoning.

``service`` holds the workshop as plain functions over a SQLAlchemy ``Session`` of ``kit.store`` (graded with
the one ``kit.grading.grade``), ``identity`` the trainer key and the participants' tokens, ``Hall`` (hall.py) the
object the kit's web server calls (kit/web/workshop_api.py): one engine and pool for the whole hall, no kernel
per phone. The pages are kit/web/static/workshop/. See docs/workshop.md."""

from .hall import Hall
from .service import (LEVEL_ORDER, Reveal, WorkshopError, case_of, close, create_workshop, current_round,
                      get_workshop, open_round, reopen, reveal, spread, submissions, submit)

__all__ = ["Hall", "LEVEL_ORDER", "Reveal", "WorkshopError", "case_of", "close", "create_workshop",
           "current_round", "get_workshop", "open_round", "reopen", "reveal", "spread", "submissions", "submit"]
