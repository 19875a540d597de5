"""Drills: officers practise on their own in the browser, with feedback that explains the right answer and a
memory of what they got wrong.

``DrillSession`` (session.py) is the drill as plain state and methods — ``set_officer``, ``choose``,
``next_case``, ``answer``, ``submit``, ``retry`` — marked part by part by ``marking`` (the outcome and the fine
with the one ``kit.grading.grade``); ``progress`` keeps every answer and the review queue (Leitner, 1/3/7 days)
in the kit's store; a fine typed as 5万元, 一万五 or 50,000 is read as an exam reads it (kit.grading.amount);
``Drill`` (app.py) puts the session on
an ipywidgets page (notebooks/drill.ipynb, served by Voila); ``render`` writes the page's HTML; ``pages`` serves
the start page and the officer's progress page in the kit's web server. See docs/drills.md."""

from .app import Drill
from .records import Score
from .session import DrillError, DrillSession

__all__ = ["Drill", "DrillError", "DrillSession", "Score"]
