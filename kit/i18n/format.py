"""Money, numbers and dates, one way everywhere (Babel's zh_CN and en formats).

Money is written in yuan with thousands separators in both languages — ``11,900元`` / ``CNY 11,900`` — and
cents only when there are any, because that is how a penalty decision states an amount and an officer can
compare two amounts at a glance (万元 forms belong to narratives, which imitate case files)."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from babel.numbers import format_decimal

from .catalog import catalog
from .lang import Lang

_LOCALE = {"zh": "zh_CN", "en": "en"}


def number(value: float, lang: Lang = "zh") -> str:
    whole = float(value).is_integer()
    return format_decimal(value, format="#,##0" if whole else "#,##0.##", locale=_LOCALE[lang])


def money(yuan: float, lang: Lang = "zh") -> str:
    return catalog().text("common.money", lang, n=number(yuan, lang))


def money_range(lo: float, hi: float, lang: Lang = "zh", *, upper_open: bool = False) -> str:
    if lo == hi and not upper_open:
        return money(lo, lang)
    below = catalog().text("common.money_below", lang) if upper_open else ""
    return catalog().text("common.money_range", lang, lo=number(lo, lang), hi=number(hi, lang), below=below)


def date_text(day: date, lang: Lang = "zh") -> str:
    return format_date(day, format="long", locale=_LOCALE[lang])
