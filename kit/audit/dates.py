"""Strict dates: a date cell is read only when its form says which day it is.

Accepted: ISO ``2025-03-01`` (also ``2025-3-1``), ``2025年3月1日``, ``2025/3/1``, ``2025.3.1`` and an Excel date
cell (which reaches us as ``2025-03-01 00:00:00``). Refused, each with the forms accepted: a year-last form
(``5/10/2025``: day-first and month-first read it as different days), a two-digit year (``25/3/1``: 2025 or
2001?), a time other than midnight, a day that does not exist (``2025-02-30``), anything else. A decision dated
after today is refused by the reader (``read``), not here: here a cell is read alone.

Parsing is done once per distinct cell text (``parse_unique``): a million rows carry a few thousand dates."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd

_YMD = re.compile(r"^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?)"
                  r"(?:[ T]00:00(?::00(?:\.0+)?)?)?$")
_YEAR_LAST = re.compile(r"^\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{4}$")
_TWO_DIGIT = re.compile(r"^\d{2}\s*(?:[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}|年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?)$|"
                        r"^\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2}$")
_WITH_TIME = re.compile(r"^\d{4}\D.*\d[ T]\d{1,2}:\d{2}")

class DateProblem(ValueError):
    """A cell that is not a date in an accepted form; ``kind`` is one of ``year_last``, ``two_digit_year``,
    ``time``, ``no_such_day``, ``not_a_date`` (the i18n key of the message)."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


def parse(text: str) -> date:
    """One cell → a ``date``, or ``DateProblem`` saying why not."""
    text = text.strip()
    m = _YMD.match(text)
    if m:
        year = int(m.group(1))
        month = int(m.group(2) or m.group(4))
        day = int(m.group(3) or m.group(5))
        if not 1900 <= year <= 2200:
            raise DateProblem("not_a_date")
        try:
            return date(year, month, day)
        except ValueError:
            raise DateProblem("no_such_day") from None
    if _YEAR_LAST.match(text):
        raise DateProblem("year_last")
    if _TWO_DIGIT.match(text):
        raise DateProblem("two_digit_year")
    if _WITH_TIME.match(text):
        raise DateProblem("time")
    raise DateProblem("not_a_date")


def parse_unique(cells: pd.Series) -> tuple[pd.Series, pd.Series]:
    """A column of cell texts → (dates as ``datetime64[ns]``, NaT where empty or refused; the problem kind of each
    refused cell, "" elsewhere). Each distinct text is parsed once."""
    values: dict[str, pd.Timestamp] = {}
    problems: dict[str, str] = {}
    for text in cells.unique():
        if not text:
            continue
        try:
            values[text] = pd.Timestamp(parse(text))
        except DateProblem as problem:
            problems[text] = problem.kind
    parsed = pd.to_datetime(cells.map(values), errors="coerce")
    return parsed, cells.map(problems).fillna("")
