"""A message not yet put into words: a catalog key and its parameters, rendered when the reader's language is
known. Errors are raised deep inside loaders and the engine, long before anyone knows who will read them; they
carry ``Msg`` values so the CLI, a page or a report can say them in the user's language (``render(lang)``).
A parameter may itself be a ``Msg`` (an expected value that is a phrase, not data); data (an id, a value the
author wrote) is passed as a plain string and shown as written."""

from __future__ import annotations

from dataclasses import dataclass, field

from .catalog import catalog
from .lang import DEFAULT_LANG, Lang


@dataclass(frozen=True)
class Msg:
    key: str
    params: dict[str, object] = field(default_factory=dict)

    def render(self, lang: Lang = DEFAULT_LANG) -> str:
        return catalog().text(self.key, lang, **{k: say(v, lang) for k, v in self.params.items()})

    def __str__(self) -> str:  # for a developer's traceback: the default language
        return self.render()


def msg(key: str, /, **params: object) -> Msg:
    """``msg("baselines.missing_field", field="fine")`` — a deferred ``t(...)``."""
    return Msg(key, params)


def say(value: object, lang: Lang = DEFAULT_LANG) -> str:
    """A ``Msg`` in ``lang``; anything else (data) as written."""
    return value.render(lang) if isinstance(value, Msg) else str(value)
