"""Grading: one ``Answer`` model and one ``grade(answer, decision) -> Marks`` for every front end (drills,
workshop, nbgrader exams, audit); exams as data (``exam``), answers read as data (``sheet``, ``amount``), the
nbgrader autograde steps that never execute a submission (``autograde``), the assessor's report and
certificates (``report``, ``certificate``).

A part is right when the law allows it (``acceptable_levels``, a fine within the chosen level's sub-range), and
every mark carries its reason in Chinese and English. The nbgrader modules are imported on demand."""

from .amount import AmountError, parse_amount
from .answer import TRANSFER, Answer, parse_answer_level
from .grade import WEIGHTS, Marks, Part, Weights, grade
from .variants import variant

__all__ = ["AmountError", "parse_amount", "TRANSFER", "Answer", "parse_answer_level", "WEIGHTS", "Marks", "Part",
           "Weights", "grade", "variant"]
