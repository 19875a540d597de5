"""Words of the filing review and the diff that are not one catalog entry: a fine's range in its own units, a
point of it, a date, a list, a vocabulary label. Each is a ``Msg`` put into words when the reader's language is
known, so it can be a parameter of a review message (``msg("review.range_outside", range=fine(spec), …)``).

Money goes through ``kit.i18n.money`` / ``money_range`` (``1,500–3,500元`` / ``CNY 1,500–3,500``); a multiple
of a base reads ``1–5倍 illegal_gains`` / ``1–5 times illegal_gains`` (百分之 as ``1%–2%``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum

from ..i18n import DEFAULT_LANG, Lang, Msg, bilingual, date_text, list_join, money, money_range, msg, number, say, t
from .checks import fine_bounds
from .fines import MaxOnlyFine, MultipleFine, PerUnitFine

NONE = "—"  # no value: the same mark in both languages


@dataclass(frozen=True)
class Words(Msg):
    """``key`` names how to put ``params`` into words (``_SAY``), not a catalog entry."""

    def render(self, lang: Lang = DEFAULT_LANG) -> str:
        return _SAY[self.key](lang, **self.params)


class Said:
    """A result carrying one ``message`` (a finding, a conflict, a change): ``.zh``, ``.en`` and ``text(lang)``
    say it. A mixin of dataclasses that declare ``message`` as their field."""

    __slots__ = ()
    message: Msg

    @property
    def zh(self) -> str:
        return self.message.render("zh")

    @property
    def en(self) -> str:
        return self.message.render("en")

    def text(self, lang: Lang = DEFAULT_LANG) -> str:
        return self.message.render(lang)


def fine(spec: object, facts: Iterable[object] = ()) -> Msg:
    """A fine spec's range in its own units (yuan, a multiple or a percentage of a base, per unit); the base is
    named by its label among ``facts`` (the matter's ``FactDef``), else by its id."""
    return Words("fine", {"spec": spec, "facts": tuple(facts)})


def point(value: float, spec: object, facts: Iterable[object] = ()) -> Msg:
    """One value in the units of ``spec`` (a default fine: yuan, or a multiple of the spec's base)."""
    return Words("point", {"value": value, "spec": spec, "facts": tuple(facts)})


def facts_of(library: object, matter: str) -> tuple:
    """The facts a matter of ``library`` defines (their labels name a fine's base)."""
    found = getattr(library, "matters", {}).get(matter)
    return tuple(found.facts) if found is not None else ()


def value(v: object) -> Msg | str:
    """A field's value as the diff shows it: a date or yes/no in the reader's words, nothing as —, the rest (data)
    as written."""
    if isinstance(v, date):
        return Words("date", {"day": v})
    if isinstance(v, bool):
        return msg("common.yes" if v else "common.no")
    return NONE if v is None or v == "" else str(v)


def joined(items: Iterable[object], sep: str = "list") -> Msg:
    """Items (messages or data) joined with ``、``/``, `` (``list``) or ``；``/``; `` (``semicolon``); — if none."""
    return Words("join", {"items": tuple(items), "sep": sep})


def label(member: Enum) -> Msg:
    """A closed-vocabulary member's label (a level, a penalty type): ``vocabulary.Level.standard``."""
    return msg(f"vocabulary.{type(member).__name__}.{member.value}")


def named(model: object) -> Msg:
    """A library model's own ``{zh, en}`` name (a factor)."""
    return Words("named", {"model": model})


def _fact(lang: Lang, fact: str, facts: tuple) -> str:
    found = next((f for f in facts if getattr(f, "id", None) == fact), None)
    return bilingual(found, lang) if found is not None else fact


def _fine(lang: Lang, spec: object, facts: tuple) -> str:
    if spec is None:
        return NONE
    if isinstance(spec, MultipleFine):
        return _multiple(lang, spec.min, spec.max, spec, facts)
    if isinstance(spec, MaxOnlyFine):
        return t("review.fine_at_most", lang, amount=money(spec.max, lang))
    if isinstance(spec, PerUnitFine):
        cap = t("review.fine_cap", lang, amount=money(spec.cap, lang)) if spec.cap is not None else ""
        return t("review.fine_per_unit", lang, rate=money(spec.rate, lang), unit=number(spec.unit, lang),
                 per=_fact(lang, spec.per, facts), cap=cap)
    bounds = fine_bounds(spec)
    return money_range(*bounds, lang) if bounds else NONE


def _multiple(lang: Lang, lo: float, hi: float, spec: MultipleFine, facts: tuple) -> str:
    scale, kind = (100, "percent") if spec.display == "percent" else (1, "times")
    base = _fact(lang, spec.base, facts)
    if lo == hi:
        return t(f"review.{kind}", lang, n=number(lo * scale, lang), base=base)
    return t(f"review.{kind}_range", lang, lo=number(lo * scale, lang), hi=number(hi * scale, lang), base=base)


def _point(lang: Lang, value: float, spec: object, facts: tuple) -> str:
    if isinstance(spec, MultipleFine):
        return _multiple(lang, value, value, spec, facts)
    return money(value, lang)


def _join(lang: Lang, items: tuple, sep: str) -> str:
    if not items:
        return NONE
    words = (say(i, lang) for i in items)
    return list_join(words, lang) if sep == "list" else t("common.semicolon", lang).join(words)


_SAY: dict[str, Callable[..., str]] = {
    "fine": _fine,
    "point": _point,
    "date": lambda lang, day: date_text(day, lang),
    "join": _join,
    "named": lambda lang, model: bilingual(model, lang),
}

__all__ = ["NONE", "Said", "Words", "facts_of", "fine", "joined", "label", "named", "point", "value"]
