"""The columns of a decision table (案卷评查表), declared once, and the located problem of a cell or a table.

A problem is data — where (file, row, column number, header) and what (an i18n key of ``audit.yaml`` and its
parameters) — so the same problem reads in Chinese or English (``Problem.text(lang)``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..i18n import DEFAULT_LANG, Lang, t


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
    Column("decided", "决定日期", "decided", True, "Day of the decision; not after today."),
    Column("party_kind", "当事人类型", "party_kind", False, "单位 (organisation, the default) or 自然人/个人 (person)."),
    Column("party_age", "当事人年龄", "party_age", False, "Age of a person on the day of the act."),
    Column("factors", "情节", "factors", False, "Factor ids (or their Chinese labels) separated by , ， 、 or ; — "
           "a label that itself contains 、 is read whole; a counted factor as id=N (repeat_price_violation=2)."),
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
BY_KEY = {c.key: c for c in COLUMNS}
HEADERS = {h.strip().lower(): c for c in COLUMNS for h in (c.zh, c.en)}


def header_key(text: str) -> str | None:
    """The column key of a header cell (``案号`` → ``case_no``, ``事实:gains`` → ``fact:gains``), or None."""
    text = text.strip()
    column = HEADERS.get(text.lower())
    if column is not None:
        return column.key
    for prefix in FACT_PREFIXES:
        if text.lower().startswith(prefix) and text[len(prefix):].strip():
            return "fact:" + text[len(prefix):].strip()
    return None


@dataclass(frozen=True, slots=True)
class Problem:
    """One located problem: ``key`` names the message ``audit.err.<key>``; ``params`` fill it."""

    file: str
    row: int | None
    column: int | None
    header: str
    key: str
    params: dict = field(default_factory=dict)

    def message(self, lang: Lang = DEFAULT_LANG) -> str:
        return t(f"audit.err.{self.key}", lang, **self.params)

    def where(self, lang: Lang = DEFAULT_LANG) -> str:
        place = self.file
        if self.row is not None:
            place += f":{self.row}"
            if self.column is not None:
                place += f":{self.column}"
        return place + (f": {self.header}" if self.header else "")

    def text(self, lang: Lang = DEFAULT_LANG) -> str:
        return f"{self.where(lang)}: {self.message(lang)}"

    def to_dict(self, lang: Lang = DEFAULT_LANG) -> dict:
        return {"file": self.file, "row": self.row, "column": self.column, "header": self.header, "key": self.key,
                "message": self.message(lang)}


class AuditInputError(Exception):
    """The table cannot be reviewed (unreadable, a required column missing, or any bad row under ``strict``);
    ``problems`` holds every problem found, in table order."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.row or 0, p.column or 0, p.header))
        super().__init__(self.report("en"))

    def report(self, lang: Lang = DEFAULT_LANG, limit: int | None = None) -> str:
        shown = self.problems if limit is None else self.problems[:limit]
        lines = [p.text(lang) for p in shown]
        if len(shown) < len(self.problems):
            lines.append(t("audit.more_problems", lang, n=len(self.problems) - len(shown)))
        lines.append(t("audit.n_problems", lang, n=len(self.problems)))
        return "\n".join(lines)
