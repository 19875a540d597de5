"""Money, numbers and dates, one way everywhere (Babel's zh_CN and en formats).

Money is written in yuan with thousands separators in both languages — ``11,900元`` / ``CNY 11,900`` — and
cents only when there are any, two digits then (``1,234.50元``), because that is how a penalty decision states
an amount and an officer can compare two amounts at a glance (万元 forms belong to narratives, which imitate case
files: kit/scenarios/render.py). ``digits`` is an amount without its unit (the engine's sentences place
the unit). Dates: ``2024年3月5日`` / ``5 March 2024``."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal

from .catalog import catalog
from .lang import Lang

_LOCALE = {"zh": "zh_CN", "en": "en_GB"}  # en_GB: day month year, as the narratives and English case files write


def number(value: float, lang: Lang = "zh") -> str:
    whole = float(value).is_integer()
    return format_decimal(value, format="#,##0" if whole else "#,##0.##", locale=_LOCALE[lang])


@lru_cache(maxsize=8192)  # the same few amounts recur across a room's cases: format each once
def digits(yuan: float) -> str:
    """An amount's digits, alike in both languages: ``11,900``, ``1,234.50``. Written by hand, not through Babel,
    because the engine's trace says amounts on every evaluation; tests/i18n checks it against Babel's
    ``#,##0`` / ``#,##0.00`` in zh_CN and en_GB."""
    whole = int(yuan)
    return f"{whole:,}" if whole == yuan else f"{yuan:,.2f}"


def money(yuan: float, lang: Lang = "zh") -> str:
    return catalog().text("common.money", lang, n=digits(yuan))


def money_range(lo: float, hi: float, lang: Lang = "zh", *, upper_open: bool = False) -> str:
    if lo == hi and not upper_open:
        return money(lo, lang)
    below = catalog().text("common.money_below", lang) if upper_open else ""
    return catalog().text("common.money_range", lang, lo=digits(lo), hi=digits(hi), below=below)


def unit_label(unit: str, lang: Lang = "zh") -> str:
    """A fact's unit (千克, 倍 …) in ``lang``; one the catalog does not list is shown as the library writes it."""
    key = f"common.unit.{unit}"
    return catalog().text(key, lang) if catalog().has(key) else unit


def date_text(day: date, lang: Lang = "zh") -> str:
    return format_date(day, format="long", locale=_LOCALE[lang])
