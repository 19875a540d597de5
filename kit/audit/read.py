"""A decision table (案卷评查表: CSV or .xlsx, one row per past decision) → ``DecisionRecord`` s.

Each row is read as a ``Case`` (what happened) and an ``Answer`` (what the authority decided), so the audit
grades a past decision on the same path as a trainee's answer. The columns are declared once in ``COLUMNS``
(Chinese header, English alias, required or not, description); facts are columns named ``事实:<fact id>``.

Every cell is checked before anything is evaluated, column by column with pandas, and every problem is reported
at once as a located error: file, row (the header is row 1, as a spreadsheet numbers it), column number, the
header and what was expected and found. A table with any problem yields no records (``LibraryError``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from pydantic import ValidationError

from ..baselines.errors import LibraryError, LoadError, show
from ..baselines.library import Library
from ..engine.case import Case
from ..grading.answer import ALLOWED_LEVELS, Answer, parse_answer_level


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the decision table."""

    key: str
    zh: str
    en: str
    required: bool
    description: str


COLUMNS: tuple[Column, ...] = (
    Column("case_no", "案号", "case_no", True, "The decision's number (行政处罚决定书文号); unique in the table."),
    Column("matter", "事项", "matter", True, "The matter (违法行为) id of the library."),
    Column("authority", "执法机关", "authority", True, "The deciding authority id of the library."),
    Column("act_start", "违法行为发生日期", "act_start", True, "Day the act occurred (or began, if continuing)."),
    Column("act_end", "违法行为终了日期", "act_end", False, "Day a continuing act ended."),
    Column("discovered", "发现日期", "discovered", False, "Day the agency discovered the act (立案/发现)."),
    Column("decided", "决定日期", "decided", True, "Day of the decision."),
    Column("party_kind", "当事人类型", "party_kind", False, "单位 (organisation, the default) or 自然人/个人 (person)."),
    Column("party_age", "当事人年龄", "party_age", False, "Age of a person on the day of the act."),
    Column("factors", "情节", "factors", False, "Factor ids (or their Chinese labels) separated by , ， 、 or ; — "
           "a counted factor as id=N (repeat_price_violation=2)."),
    Column("level", "裁量阶次", "level", True, "The decision as made: 不予, 减轻, 从轻, 一般, 从重 or 移送."),
    Column("fine", "罚款", "fine", False, "The fine imposed in yuan (empty or 0: none)."),
    Column("cited", "引用基准", "baseline_cited", False, "The baseline id the decision cites (may be empty)."),
    Column("reason", "裁量理由", "reason", False, "The reasons stated for the level (may be empty)."),
    Column("approval", "批准文号", "approval", False, "The approval reference for a departure from the baseline "
           "(调整适用, may be empty)."),
)
"""The columns of a decision table, each declared once."""

FACT_PREFIXES = ("事实:", "事实：", "fact:")
"""A column whose header starts with one of these holds a fact (amount or count) of the case: ``事实:illegal_gains``."""

DATE_KEYS = ("act_start", "act_end", "discovered", "decided")
PARTY_KINDS = {"单位": "organisation", "法人": "organisation", "组织": "organisation", "organisation": "organisation",
               "organization": "organisation", "自然人": "person", "个人": "person", "person": "person"}
_SPLIT = re.compile(r"[,，、;；\s]+")
_HEADERS = {h.strip().lower(): c for c in COLUMNS for h in (c.zh, c.en)}
_BY_KEY = {c.key: c for c in COLUMNS}


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    """One past decision: where it is in the table, the case, the decision read as an ``Answer``, and the
    baseline the decision cites."""

    file: str
    row: int
    case: Case
    answer: Answer
    cited: str | None

    @property
    def case_no(self) -> str:
        return self.case.id


class _Table:
    """The raw table: header texts, the column key of each position, the cells as stripped strings."""

    def __init__(self, file: str, frame: pd.DataFrame):
        self.file = file
        self.errors: list[LoadError] = []
        header = [str(h).strip() for h in frame.iloc[0]] if len(frame) else []
        self.labels: dict[str, str] = {}      # key → header as written
        self.positions: dict[str, int] = {}   # key → 1-based column number
        self.facts: dict[str, str] = {}       # fact id → key
        keep: list[int] = []
        for i, text in enumerate(header):
            key = self._key(text, i + 1)
            if key is None:
                continue
            self.labels[key], self.positions[key] = text, i + 1
            keep.append(i)
        body = frame.iloc[1:, keep].copy()
        body.columns = [k for k in self.labels]
        body = body.map(lambda v: "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v).strip())
        body.index = range(2, len(body) + 2)  # the spreadsheet row number
        self.body = body[(body != "").any(axis=1)] if len(body.columns) else body
        for column in COLUMNS:
            if column.required and column.key not in self.labels:
                self.errors.append(LoadError(file, 1, None, column.zh, f"missing column {column.zh}",
                                             f"a column headed {column.zh} (or {column.en})", "no such column"))

    def _key(self, text: str, position: int) -> str | None:
        if not text:
            return None
        column = _HEADERS.get(text.lower())
        key = column.key if column else None
        if key is None:
            for prefix in FACT_PREFIXES:
                if text.lower().startswith(prefix):
                    fact = text[len(prefix):].strip()
                    if not fact:
                        break
                    key = f"fact:{fact}"
                    self.facts[fact] = key
                    break
        if key is None:
            self.errors.append(LoadError(self.file, 1, position, text, f"unknown column '{text}'",
                                         "one of " + ", ".join(c.zh for c in COLUMNS) + " (or their English aliases), "
                                         "or 事实:<fact id>", f"'{text}'"))
            return None
        if key in self.labels:
            self.errors.append(LoadError(self.file, 1, position, text, f"duplicate column '{text}'",
                                         "each column once", f"'{text}' again (first in column "
                                         f"{self.positions[key]})"))
            return None
        return key

    def col(self, key: str) -> pd.Series:
        return self.body[key] if key in self.body.columns else pd.Series("", index=self.body.index)

    def error(self, row: int, key: str, problem: str, expected: str, found: object) -> None:
        label = self.labels.get(key) or (_BY_KEY[key].zh if key in _BY_KEY else key)
        self.errors.append(LoadError(self.file, int(row), self.positions.get(key), label, problem, expected,
                                     found if isinstance(found, str) and found.startswith("'") else show(found)))

    def flag(self, mask: pd.Series, key: str, problem: str, expected: str) -> None:
        """One located error per row where ``mask`` holds, showing the cell as written."""
        cells = self.col(key)
        for row in mask[mask].index:
            self.error(row, key, problem, expected, cells[row] or None)


def read_frame(path: str | Path) -> pd.DataFrame:
    """The whole first sheet (or the CSV) as strings, header row included, nothing interpreted."""
    path = Path(path)
    if not path.is_file():
        raise LibraryError([LoadError(str(path), None, None, "", "no such file", "a .csv or .xlsx decision table",
                                      "nothing")])
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            return pd.read_csv(path, header=None, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        if suffix in (".xlsx", ".xlsm"):
            return pd.read_excel(path, header=None, dtype=str, na_filter=False, sheet_name=0)
    except Exception as exc:  # a broken file: say so, located at the file
        raise LibraryError([LoadError(str(path), None, None, "", "unreadable table",
                                      "a CSV file (UTF-8) or an .xlsx workbook", f"{type(exc).__name__}: {exc}")]) from None
    raise LibraryError([LoadError(str(path), None, None, "", "unsupported file type", ".csv or .xlsx",
                                  f"'{path.suffix or path.name}'")])


def read_decisions(path: str | Path, library: Library) -> list[DecisionRecord]:
    """Read and validate a decision table; every problem of every row is reported in one ``LibraryError``."""
    table = _Table(str(path), read_frame(path))
    if table.body.empty and not table.errors:
        table.errors.append(LoadError(table.file, 2, None, "", "no decisions", "one row per decision under the "
                                      "header", "an empty table"))
    if not any(e.problem.startswith("missing column") for e in table.errors):
        values = _validate(table, library)
        records = _records(table, library, values)
    else:
        records = []
    if table.errors:
        raise LibraryError(table.errors)
    return records


def _validate(table: _Table, library: Library) -> dict[str, pd.Series]:
    """Check every cell column by column; return the parsed columns (NaN/None where empty or wrong)."""
    t = table
    for column in COLUMNS:
        if column.required:
            t.flag(t.col(column.key) == "", column.key, f"{column.zh} is empty", column.description)
    no = t.col("case_no")
    dup = (no != "") & no.duplicated(keep="first")
    for row in dup[dup].index:
        first = no[(no == no[row])].index[0]
        t.error(row, "case_no", "duplicate case number", f"a case number used once (first on row {first})", no[row])
    for key, known, kind in (("matter", library.matters, "matter"), ("authority", library.authorities, "authority"),
                             ("cited", library.baselines, "baseline")):
        cells = t.col(key)
        t.flag((cells != "") & ~cells.isin(list(known)), key, f"unknown {kind}", f"a {kind} id of the library")
    values: dict[str, pd.Series] = {}
    for key in DATE_KEYS:
        cells = t.col(key)
        text = cells.str.replace(r"[年月/.]", "-", regex=True).str.replace("日", "", regex=False)
        parsed = pd.to_datetime(text.where(cells != ""), errors="coerce", format="mixed")
        t.flag((cells != "") & parsed.isna(), key, "not a date", "a date such as 2025-03-01 or 2025年3月1日")
        values[key] = parsed
    start = values["act_start"]
    for key in ("act_end", "discovered", "decided"):
        before = values[key].notna() & start.notna() & (values[key] < start)
        t.flag(before, key, f"{_BY_KEY[key].zh} before {_BY_KEY['act_start'].zh}", "a date on or after the act")
    kind = t.col("party_kind")
    values["party_kind"] = kind.str.lower().map(PARTY_KINDS)
    t.flag((kind != "") & values["party_kind"].isna(), "party_kind", "unknown party type",
           "单位 or 自然人 (organisation or person)")
    age = t.col("party_age")
    values["party_age"] = pd.to_numeric(age.where(age != ""), errors="coerce")
    bad_age = (age != "") & ~(values["party_age"].between(0, 150) & (values["party_age"] % 1 == 0))
    t.flag(bad_age, "party_age", "not an age", "a whole number of years, 0–150")
    fine = t.col("fine")
    values["fine"] = pd.to_numeric(fine.str.replace(r"[,，元\s]", "", regex=True).where(fine != ""), errors="coerce")
    t.flag((fine != "") & ~(values["fine"] >= 0), "fine", "not an amount", "an amount in yuan, 0 or more")
    level = t.col("level")
    levels = {text: _level(text) for text in level.unique() if text}
    values["level"] = level.map(levels)
    t.flag((level != "") & values["level"].isna(), "level", "unknown level", ALLOWED_LEVELS)
    matter = t.col("matter")
    for fact, key in t.facts.items():
        cells = t.col(key)
        parsed = pd.to_numeric(cells.str.replace(r"[,，\s]", "", regex=True).where(cells != ""), errors="coerce")
        t.flag((cells != "") & parsed.isna(), key, "not a number", f"an amount or count for the fact {fact}")
        values[key] = parsed
        known = matter.map(lambda m: fact in {f.id for f in library.matters[m].facts} if m in library.matters
                           else True)
        for row in cells[(cells != "") & ~known].index:
            facts = ", ".join(sorted(f.id for f in library.matters[matter[row]].facts)) or "none"
            t.error(row, key, "unknown fact", f"a fact of {matter[row]} ({facts})", f"'{fact}'")
    values["factors"] = t.col("factors").map(lambda text: _factors(text, library))
    for row, (_, unknown) in values["factors"].items():
        for item in unknown:
            t.error(row, "factors", "unknown factor", "a factor id (or Chinese label) of the library, "
                    "optionally id=N", f"'{item}'")
    return values


def _level(text: str) -> str | None:
    try:
        return parse_answer_level(text)
    except ValueError:
        return None


def _factors(text: str, library: Library) -> tuple[dict[str, float | bool], list[str]]:
    by_label = {f.zh: f.id for f in library.factors.values()}
    found: dict[str, float | bool] = {}
    unknown: list[str] = []
    for item in (i for i in _SPLIT.split(text) if i):
        name, _, value = item.partition("=")
        factor = name if name in library.factors else by_label.get(name)
        try:
            amount: float | bool = float(value) if value else True
        except ValueError:
            factor = None
        if factor is None:
            unknown.append(item)
        else:
            found[factor] = amount
    return found, unknown


def _records(table: _Table, library: Library, values: dict[str, pd.Series]) -> list[DecisionRecord]:
    if table.errors:
        return []  # a row with a problem is not read further: its problems are already reported
    t = table
    records: list[DecisionRecord] = []
    for row in t.body.index:
        def date(key: str):
            value = values[key][row]
            return None if pd.isna(value) else value.date()

        case_data = {
            "id": t.col("case_no")[row], "matter": t.col("matter")[row], "authority": t.col("authority")[row],
            "dates": {k: date(k) for k in DATE_KEYS},
            "party": {"kind": values["party_kind"][row] if isinstance(values["party_kind"][row], str)
                      else "organisation",
                      "age": None if pd.isna(values["party_age"][row]) else int(values["party_age"][row])},
            "facts": {fact: float(values[key][row]) for fact, key in t.facts.items() if not pd.isna(values[key][row])},
            "factors": values["factors"][row][0],
        }
        fine = values["fine"][row]
        try:
            case = Case.model_validate(case_data)
            answer = Answer(case_id=case.id, level=values["level"][row], fine=None if pd.isna(fine) else float(fine),
                            reason=t.col("reason")[row] or None, approval=t.col("approval")[row] or None)
        except ValidationError as exc:
            for e in exc.errors(include_url=False):
                t.error(row, "case_no", "invalid row", e["msg"], ".".join(str(p) for p in e["loc"]))
            continue
        records.append(DecisionRecord(t.file, int(row), case, answer, t.col("cited")[row] or None))
    return records
