"""Grading: one ``Answer`` model and one ``grade(answer, decision) -> Marks`` for every front end (drills,
workshop, nbgrader exercises, audit); per-trainee variants; nbgrader helpers; gradebook export.

A part is right when the law allows it (``acceptable_levels``, a fine within the chosen level's sub-range), and
every mark carries its reason in Chinese and English. ``kit.grading.nbgrader`` and ``kit.grading.gradebook``
are imported on demand (the latter needs nbgrader's models)."""

from .answer import TRANSFER, Answer, parse_answer_level
from .grade import WEIGHTS, Marks, Part, Weights, grade
from .variants import variant

__all__ = ["TRANSFER", "Answer", "parse_answer_level", "WEIGHTS", "Marks", "Part", "Weights", "grade", "variant"]
