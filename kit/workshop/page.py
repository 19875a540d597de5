"""What the trainer's and the participants' pages share: running an action with its error shown on the page,
and displaying the page."""

from __future__ import annotations

from sqlalchemy import Engine

from ..baselines import Library
from ..store import engine_from_env, session_factory
from . import render, service
from .service import WorkshopError


class Page:
    """Subclasses build ``widget`` and ``message_view`` after calling ``super().__init__``."""

    def __init__(self, *, engine: Engine | None = None, library: Library | None = None, lang: str = "zh"):
        self.engine = engine if engine is not None else engine_from_env()
        self.Session = session_factory(self.engine)
        self.library = library or service._sample()
        self.lang = lang
        self.code: str | None = None

    def _act(self, method, *args) -> None:
        try:
            method(*args)
            self.message_view.value = ""
        except WorkshopError as exc:
            self.message_view.value = render.error_html(exc.message(self.lang))

    def show(self) -> None:
        from IPython.display import display

        display(self.widget)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
