"""The columns of a decision table (案卷评查表), declared once in ``columns.yaml``, and the located problem of a
cell or a table.

A problem is data — where (file, row, column number, header) and what (an i18n key of ``audit.yaml`` and its
parameters) — so the same problem reads in Chinese or English (``Problem.text(lang)``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict, Field

from ..i18n import DEFAULT_LANG, Lang, t


class Column(BaseModel):
    """One column of the decision table: its key, its Chinese and English headers, whether a table needs it."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    key: str
    zh: str
    en: str
    required: bool


class _Columns(BaseModel):
    columns: tuple[Column, ...] = Field(min_length=1)


COLUMNS: tuple[Column, ...] = _Columns.model_validate(
    yaml.safe_load((resources.files(__package__) / "columns.yaml").read_text(encoding="utf-8"))).columns
"""The columns of a decision table, each declared once, in ``columns.yaml`` beside this module."""

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
