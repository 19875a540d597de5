"""Workshops: a trainer (司法行政部门) shows one case to the room, everyone answers from their own browser, the
room discusses the spread of answers, then the trainer reveals the engine's decision and its cited reasoning.

``service`` holds the workshop as plain functions over a SQLAlchemy ``Session`` of ``kit.store`` (graded with
the one ``kit.grading.grade``); ``Trainer`` (trainer.py) and ``Trainee`` (trainee.py) are the ipywidgets pages
wired to them (notebooks/workshop-trainer.ipynb and notebooks/workshop.ipynb, served by Voila). See
docs/workshop.md."""

from .service import (LEVEL_ORDER, Reveal, WorkshopError, case_of, close, create_workshop, current_round,
                      get_workshop, open_round, reveal, spread, submissions, submit)
from .trainee import Trainee
from .trainer import Trainer

__all__ = ["LEVEL_ORDER", "Reveal", "WorkshopError", "case_of", "close", "create_workshop", "current_round",
           "get_workshop", "open_round", "reveal", "spread", "submissions", "submit", "Trainee", "Trainer"]
