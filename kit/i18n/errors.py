"""An error that can reach a user carries its reason as a catalog message (``Msg``), not as English text.

Code deep in the kit does not know who will read an error; it raises ``Refusal(msg(...))`` (a ``ValueError``,
kit/i18n/validation.py) or passes a ``Msg`` as the error's argument (``FileNotFoundError(msg(...))``). The front
end that catches it says it in its reader's language with ``said(error, lang)``. ``Lines`` is several messages,
one a line (every problem of a file, reported in one run). An error that can only be a programming mistake is a
``TypeError``, ``RuntimeError`` or ``AssertionError`` with plain developer's words (tests/i18n checks the rest)."""

from __future__ import annotations

from collections.abc import Iterable

from .lang import DEFAULT_LANG, Lang
from .message import Msg, say


class Lines(Msg):
    """Several messages, one a line, in one language."""

    def __init__(self, items: Iterable[Msg | str]):
        super().__init__("errors.lines", {"items": tuple(items)})

    def render(self, lang: Lang = DEFAULT_LANG) -> str:
        items = self.params["items"]
        assert isinstance(items, tuple)
        return "\n".join(say(item, lang) for item in items)


def reason(error: BaseException) -> Msg | None:
    """The catalog message an error carries (a ``Refusal``'s, or a ``Msg`` given as its argument), if any."""
    message = getattr(error, "message", None)
    if isinstance(message, Msg):
        return message
    if error.args and isinstance(error.args[0], Msg):
        return error.args[0]
    return None


def said(error: BaseException, lang: Lang = DEFAULT_LANG) -> str:
    """``error`` in ``lang``: its catalog message when it carries one, else its text as written."""
    message = reason(error)
    return message.render(lang) if message is not None else str(error)
