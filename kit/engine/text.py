"""The engine's words: the catalog lookup on its hot path (``t(key, lang, **params)`` as ``kit.i18n.t``, each
template looked up once per process), and the trace's sentences, kept as keys and parameters until read."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import NamedTuple

from ..i18n import Lang, catalog, date_text, list_join


@cache
def template(key: str, lang: Lang) -> str:
    return catalog().text(key, lang)


def t(key: str, lang: Lang, /, **params: object) -> str:
    text = template(key, lang)
    return text.format(**params) if params else text


class Sentence(NamedTuple):
    """A trace sentence not yet put into words: a catalog key and its parameters. The engine builds a trace on
    every evaluation and few are read, so a step is said in the reader's language only when it is read. A
    parameter is data (shown as written, format specs apply) or anything with ``render(lang)``: another
    sentence, a ``Pair``, ``Days``, a level's label, a fine range, a catalog ``Msg``. Parameters must be values that no
    later step changes (strings, numbers, dates, frozen nodes), never the engine's state. (A ``kit.i18n.Msg`` in all
    but two things: its data keeps its type, so ``{percent:g}`` works, and it is a named tuple with its template
    looked up once per process, because every evaluation builds a dozen.)"""

    key: str
    params: dict[str, object] = {}

    def render(self, lang: Lang) -> str:
        text = template(self.key, lang)
        if not self.params:
            return text
        return text.format(**{k: in_lang(v, lang) for k, v in self.params.items()})


class Pair(NamedTuple):
    """Words already written in each language: a parameter spelled differently per language (a list joined
    with 、 or with commas), or a sentence built by a rare step."""

    zh: str
    en: str

    def render(self, lang: Lang) -> str:
        return str(getattr(self, lang))


class Joined(NamedTuple):
    """Sentences said one after the other (a rule that fired, then what else it allows)."""

    parts: tuple[Said, ...]

    def render(self, lang: Lang) -> str:
        return "".join(part.render(lang) for part in self.parts)


class Days(NamedTuple):
    """Dates in a sentence, written as the kit writes dates (2025年2月13日 / 13 February 2025), listed as the
    language lists."""

    days: tuple[date, ...]

    def render(self, lang: Lang) -> str:
        return list_join((date_text(day, lang) for day in self.days), lang)


def day(value: date) -> Days:
    return Days((value,))


Said = Sentence | Pair | Joined


def say(key: str, /, **params: object) -> Sentence:
    return Sentence(key, params)


def in_lang(value: object, lang: Lang) -> object:
    render = getattr(value, "render", None)
    return render(lang) if render is not None else value
