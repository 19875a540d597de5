"""Drills: officers practise on their own in the browser, with instant feedback that explains the right answer.

``DrillSession`` (session.py) is the drill as plain state and methods — ``choose``, ``next_case``, ``answer``,
``submit`` and the running ``score`` — graded with the one ``kit.grading.grade``; ``Drill`` (app.py) puts it on
an ipywidgets page (notebooks/drill.ipynb, served by Voila); ``render`` writes the page's HTML and ``texts`` its
words in Chinese and English. See docs/drills.md."""

from .app import Drill
from .session import DrillError, DrillSession, Score

__all__ = ["Drill", "DrillError", "DrillSession", "Score"]
