"""What the trainer's and the participants' pages share: running an action with its error shown on the page,
and displaying the page."""

from __future__ import annotations

from . import render
from .service import WorkshopError


class Page:
    """Subclasses set ``widget``, ``message_view`` and ``lang``."""

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
