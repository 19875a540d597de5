"""The what-if simulator: pick a library and a matter, move the circumstances, amounts, dates and the party,
and watch the decision, the bar of the statutory range with the level's sub-range and the suggested fine, the
lawful choices and the trace update — for two baselines side by side.

``Simulator`` (session.py) is plain state and methods over the engine; ``render`` writes the results' HTML
(the bar is HTML/CSS); ``page`` serves it as a light page in the kit's server (kit/web) with a small JSON API,
so a change in the form updates the results without a button and without a kernel. See docs/drills.md."""

from .session import Column, SimError, SimState, Simulator

__all__ = ["Column", "SimError", "SimState", "Simulator"]
