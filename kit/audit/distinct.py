"""Which rows are the same case for the engine, so that each distinct case is evaluated once.

Two rows are the same case when they agree on the matter, the authority, the party, every fact, every factor,
and their dates are *in force alike*: each date falls between the same two dates at which anything in the
library changes (a baseline, provision or list taking effect or ending: ``boundaries``), and the time between
the act and its discovery is well inside the two-year bar (Art. 36). Where it is not — within a month of two
years, or beyond — the exact dates are part of the key, so a time-bar judgement is always the row's own.

A key is a 64-bit hash of those columns (pandas' ``hash_pandas_object``); the same hash with the decision as made
(level, fine, baseline cited, and whether reasons and approval are given — their text where both are, because
the grade quotes them then) keys the review of the row."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
from pydantic import BaseModel

from ..baselines.library import Library
from .columns import DATE_KEYS

SAFE_DAYS = 700
"""Act-to-discovery spans shorter than this are far from the two-year bar (730 days, 731 over a leap day)."""


def boundaries(library: Library) -> np.ndarray:
    """Every date the library holds (and the day after it), sorted: the days on which what is in force may
    change. Read from the models generically, so a new dated field is covered without a change here."""
    days: set[date] = set()

    def walk(value) -> None:
        if isinstance(value, BaseModel):
            for name in type(value).model_fields:
                walk(getattr(value, name))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, (list, tuple, set, frozenset)):
            for item in value:
                walk(item)
        elif isinstance(value, date):
            days.update((value, value + timedelta(days=1)))

    for group in (library.matters, library.authorities, library.baselines, library.factors,
                  library.provisions, library.exemption_lists):
        walk(group)
    return np.array(sorted(days), dtype="datetime64[ns]")


def case_columns(good: pd.DataFrame, facts: tuple[str, ...], edges: np.ndarray) -> pd.DataFrame:
    """The columns that make a row's case key (see the module's docstring)."""
    keys = pd.DataFrame({"matter": good["matter"], "authority": good["authority"],
                         "party_kind": good["party_kind"], "party_age": good["party_age"].fillna(-1),
                         "factors": good["factors_key"]}, index=good.index)
    for fact in facts:
        keys[f"fact:{fact}"] = good[f"fact:{fact}"].fillna(-1.0)
    completed = good["act_end"].fillna(good["act_start"])
    found = good["discovered"].fillna(good["decided"])
    span = (found - completed).dt.days
    exact = ~(span < SAFE_DAYS)
    for key in DATE_KEYS:
        values = good[key]
        klass = np.searchsorted(edges, values.to_numpy(dtype="datetime64[ns]"), side="right")
        klass = np.where(values.isna(), -1, klass)
        keys[f"{key}:class"] = klass
        keys[f"{key}:exact"] = values.where(exact).to_numpy(dtype="datetime64[ns]").view("int64")
    return keys


def hash_rows(frame: pd.DataFrame) -> np.ndarray:
    return pd.util.hash_pandas_object(frame, index=False).to_numpy()


def answer_columns(good: pd.DataFrame) -> pd.DataFrame:
    """The decision as made, as far as the review reads it."""
    both = (good["reason"] != "") & (good["approval"] != "")
    return pd.DataFrame({
        "level": good["level"], "fine": good["fine"].fillna(-1.0), "cited": good["cited"],
        "reason": good["reason"].where(both, (good["reason"] != "").map({True: "\x01", False: ""})),
        "approval": good["approval"].where(both, (good["approval"] != "").map({True: "\x01", False: ""})),
    }, index=good.index)
