"""Check every cell of a chunk of raw rows; a row with any problem is set aside (rejected) with all of them.

Column by column with pandas; each distinct text (a date, a factor list, a level) is parsed once, so the cost is
in the distinct values, not the rows. What comes out: the good rows parsed (``Parsed``), and one located
``Problem`` per bad cell."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

import pandas as pd

from ..baselines.library import Library
from ..grading.answer import ALLOWED_LEVELS, parse_answer_level
from .columns import BY_KEY, DATE_KEYS, Problem
from .read import EXTRA
from .dates import parse_unique

PARTY_KINDS = {"单位": "organisation", "法人": "organisation", "组织": "organisation", "organisation": "organisation",
               "organization": "organisation", "自然人": "person", "个人": "person", "person": "person"}
_PIECES = re.compile(r"([,，、;；\s]+)")
_AMOUNT = re.compile(r"[,，元\s]")
_NUMBER = re.compile(r"[,，\s]")


@dataclass(frozen=True)
class Context:
    """What validating a row needs from the library and the table (picklable: sent to worker processes)."""

    file: str
    labels: dict[str, str]
    positions: dict[str, int]
    facts: tuple[str, ...]
    matters: frozenset[str]
    authorities: frozenset[str]
    baselines: frozenset[str]
    matter_facts: dict[str, frozenset[str]]
    factor_names: dict[str, str]  # id or Chinese label → id
    today: date
    width: int  # cells in the header row

    @classmethod
    def of(cls, library: Library, file: str, labels: dict, positions: dict, facts: list[str], today: date,
           width: int):
        names = {f.zh: f.id for f in library.factors.values()}
        names.update({f: f for f in library.factors})
        return cls(file, dict(labels), dict(positions), tuple(facts), frozenset(library.matters),
                   frozenset(library.authorities), frozenset(library.baselines),
                   {m: frozenset(f.id for f in matter.facts) for m, matter in library.matters.items()}, names, today,
                   width)

    def problem(self, row: int, key: str, message: str, **params) -> Problem:
        header = self.labels.get(key) or (BY_KEY[key].zh if key in BY_KEY else key)
        return Problem(self.file, int(row), self.positions.get(key), header, message, params)


def split_factors(text: str, names: dict[str, str]) -> tuple[tuple[tuple[str, float], ...], list[str]]:
    """``"配合调查、如实陈述违法事实，cooperative=2"`` → ((id, value) sorted, unknown items). A known name wins
    over the separators inside it: the longest run of pieces that spells a factor id or label is one factor."""
    parts = _PIECES.split(text.strip())
    words, seps = parts[0::2], parts[1::2] + [""]
    found: dict[str, float] = {}
    unknown: list[str] = []
    i = 0
    while i < len(words):
        if not words[i]:
            i += 1
            continue
        taken = None
        for j in range(len(words) - 1, i - 1, -1):
            item = "".join(w + s for w, s in zip(words[i:j], seps[i:j], strict=False)) + words[j]
            name, _, value = item.partition("=")
            if name in names:
                try:
                    taken = (j, names[name], float(value) if value else 1.0)
                except ValueError:
                    taken = None
                break
        if taken is None:
            unknown.append(words[i])
            i += 1
        else:
            j, factor, amount = taken
            found[factor] = amount
            i = j + 1
    return tuple(sorted(found.items())), unknown


def numbers(cells: pd.Series, junk: re.Pattern) -> pd.Series:
    """Cell texts → floats (NaN where empty or not a number), each distinct text parsed once; ``junk`` (thousands
    separators, 元, spaces) is removed first."""
    values: dict[str, float] = {}
    for text in pd.unique(cells):
        if text:
            try:
                value = float(junk.sub("", text))
            except ValueError:
                value = math.nan
            values[text] = value if math.isfinite(value) else math.nan
    return cells.map(values).astype(float)


def _level(text: str) -> str | None:
    try:
        return parse_answer_level(text)
    except ValueError:
        return None


def validate(chunk: pd.DataFrame, ctx: Context, duplicates: dict[int, int]) -> tuple[pd.DataFrame, list[Problem]]:
    """``chunk`` (raw strings, indexed by row) → (the good rows parsed, every problem). ``duplicates`` maps a
    row to the row where its case number first appears (found by the caller across chunks)."""
    problems: list[Problem] = []
    cols = set(chunk.columns)

    def col(key: str) -> pd.Series:
        return chunk[key] if key in cols else pd.Series("", index=chunk.index, dtype=object)

    def flag(mask: pd.Series, key: str, message: str, **params) -> None:
        cells = col(key)
        for row in mask[mask].index:
            problems.append(ctx.problem(row, key, message, found=cells[row], **params))

    out = pd.DataFrame(index=chunk.index)
    for key in ("case_no", "matter", "authority", "level"):
        flag(col(key) == "", key, "empty", zh=BY_KEY[key].zh, en=BY_KEY[key].en)
    for row, first in duplicates.items():
        problems.append(ctx.problem(row, "case_no", "duplicate_case", found=col("case_no")[row], first=first))
    for key, known, kind in (("matter", ctx.matters, "matter"), ("authority", ctx.authorities, "authority"),
                             ("cited", ctx.baselines, "baseline")):
        cells = col(key)
        flag((cells != "") & ~cells.isin(known), key, f"unknown_{kind}")
    for key in DATE_KEYS:
        cells = col(key)
        if key in ("act_start", "decided"):
            flag(cells == "", key, "empty", zh=BY_KEY[key].zh, en=BY_KEY[key].en)
        parsed, why = parse_unique(cells)
        for kind in ("year_last", "two_digit_year", "time", "no_such_day", "not_a_date"):
            flag(why == kind, key, f"date_{kind}")
        out[key] = parsed
    start = out["act_start"]
    for key in ("act_end", "discovered", "decided"):
        before = out[key].notna() & start.notna() & (out[key] < start)
        flag(before, key, "date_before_act", act=BY_KEY["act_start"].zh)
    flag(out["decided"] > pd.Timestamp(ctx.today), "decided", "date_future", today=ctx.today.isoformat())
    kind = col("party_kind")
    out["party_kind"] = kind.str.lower().map(PARTY_KINDS)
    flag((kind != "") & out["party_kind"].isna(), "party_kind", "party_kind")
    out["party_kind"] = out["party_kind"].fillna("organisation")
    age = col("party_age")
    out["party_age"] = numbers(age, _NUMBER)
    flag((age != "") & ~(out["party_age"].between(0, 150) & (out["party_age"] % 1 == 0)), "party_age", "age")
    fine = col("fine")
    out["fine"] = numbers(fine, _AMOUNT)
    flag((fine != "") & ~(out["fine"] >= 0), "fine", "amount")
    level = col("level")
    out["level"] = level.map({text: _level(text) for text in level.unique() if text})
    flag((level != "") & out["level"].isna(), "level", "level", allowed=ALLOWED_LEVELS)
    matter = col("matter")
    for fact in ctx.facts:
        key = f"fact:{fact}"
        cells = col(key)
        parsed = numbers(cells, _NUMBER)
        flag((cells != "") & parsed.isna(), key, "number", fact=fact)
        out[key] = parsed
        known = matter.map({m: fact in ctx.matter_facts[m] for m in matter.unique() if m in ctx.matter_facts})
        for row in cells[(cells != "") & (known == False)].index:  # noqa: E712  (NaN: unknown matter, flagged)
            facts = ", ".join(sorted(ctx.matter_facts[matter[row]])) or "—"
            problems.append(ctx.problem(row, key, "unknown_fact", found=fact, matter=matter[row], facts=facts))
    texts = col("factors")
    split = {text: split_factors(text, ctx.factor_names) for text in texts.unique()}
    out["factors"] = texts.map({text: value[0] for text, value in split.items()})
    out["factors_key"] = texts.map({text: ";".join(f"{k}={v:g}" for k, v in value[0]) for text, value in split.items()})
    for text, (_, unknown) in split.items():
        if unknown:
            for row in texts.index[texts == text]:
                for item in unknown:
                    problems.append(ctx.problem(row, "factors", "unknown_factor", found=item))
    for key in ("case_no", "matter", "authority", "cited", "reason", "approval"):
        out[key] = col(key)
    if EXTRA in cols:
        extra = chunk[EXTRA]
        for row in extra.index[extra != ""]:
            problems.append(Problem(ctx.file, int(row), ctx.width + 1, "", "extra_cells",
                                    {"n": extra[row], "width": ctx.width}))
    bad = {p.row for p in problems}
    good = out[~out.index.isin(list(bad))] if bad else out
    return good, problems
