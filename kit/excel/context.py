"""What an import carries from step to step: the options a table does not say, the rows and items read
from a sheet, the problems found so far (located at sheet, row and column) and the result with its figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kit.baselines.errors import LoadError, Words
from kit.i18n import Lang
from kit.i18n.message import Msg, msg

from .workbook import ref


@dataclass
class ImportOptions:
    """What a published table does not say; the 基本信息 sheet or the command line supplies it."""

    authority: str | None = None
    authority_name: str | None = None
    authority_level: str | None = None
    region: str | None = None
    sector: str | None = None
    effective_from: dt.date | None = None
    effective_to: dt.date | None = None  # last day in force (a no-penalty list: 有效期三年)
    version: str | None = None
    document: str | None = None
    title: str | None = None
    illustrative: bool = False
    parent: str | None = None  # the authority one level up whose tables this one refines (Authority.parent)
    matters: dict[str, str] | None = None  # matter id → name of a library the rows may link to (a list's items)
    write_authority: bool = True  # False: the authority is already in the library the files go into


@dataclass
class Row:
    sheet: str
    row: int  # 1-based, as Excel shows it
    cells: dict[str, str]
    cols: dict[str, int]
    headers: dict[str, str]

    def get(self, key: str) -> str:
        return self.cells.get(key, "")

    def ref(self, key: str | None) -> str:
        col = self.cols.get(key) if key else None
        return ref(self.sheet, self.row, col, self.headers.get(key, "") if key else "")

    @property
    def at(self) -> tuple[str, int]:
        return self.sheet, self.row


@dataclass
class Item:
    """One 序号 (or 基准编号) of a table sheet: its rows, in order."""

    key: str
    sheet: str
    title: str
    rows: list[Row] = field(default_factory=list)


@dataclass
class ImportResult:
    files: dict[str, dict] = field(default_factory=dict)  # relative path → file data
    errors: list[LoadError] = field(default_factory=list)
    rows_total: int = 0
    rows_ok: int = 0  # rows written (their tier or level is in the files)
    rows_parsed: int = 0  # rows whose 裁量标准 was read to exact specs
    items_total: int = 0
    items_ok: int = 0
    failed_rows: dict[tuple[str, int], Msg] = field(default_factory=dict)
    layouts: dict[str, dict[str, str]] = field(default_factory=dict)
    """Per table sheet: each column the importer recognised → the header name it found there."""
    written: dict[tuple[str, str, int], list[tuple[str, int]]] = field(default_factory=dict)
    """(baseline id, block, 类别) of every tier written → the (sheet, row) it was read from."""

    @property
    def share(self) -> float:
        return self.rows_ok / self.rows_total if self.rows_total else 1.0

    def summary(self, lang: Lang = "zh") -> str:
        parsed = self.rows_parsed / self.rows_total if self.rows_total else 1.0
        key = "excel_import.summary_one" if len(self.errors) == 1 else "excel_import.summary"
        return msg(key, parsed=self.rows_parsed, total=self.rows_total, parsed_share=f"{parsed:.1%}",
                   ok=self.rows_ok, ok_share=f"{self.share:.1%}", items_ok=self.items_ok,
                   items_total=self.items_total, problems=len(self.errors)).render(lang)


class Context:
    """The file being imported, its options, and every problem found so far."""

    def __init__(self, file: str, options: ImportOptions):
        self.file = file
        self.options = options
        self.errors: list[LoadError] = []
        self.failed: dict[tuple[str, int], Msg] = {}
        self.parsed: set[tuple[str, int]] = set()  # rows whose 裁量标准 was read to exact specs
        self.tier_of: dict[tuple[str, int], tuple[str, int]] = {}  # row → (block, 类别) of its tier
        self.layouts: dict[str, dict[str, str]] = {}  # sheet → column key → the header name found

    def error(self, row: Row | None, key: str | None, problem: Msg, expected: Msg | str, found: Words,
              *, sheet: str = "", line: int | None = None) -> None:
        """One located problem: ``problem`` a catalog message; ``expected`` a message, or the author's own data
        when the expected value is another cell's text; ``found`` the author's data (or a message: an empty cell)."""
        assert isinstance(problem, Msg), problem  # every problem in the user's language
        if row is not None:
            col = row.cols.get(key) if key else None
            self.errors.append(LoadError(self.file, row.row, None if col is None else col + 1, row.ref(key),
                                         problem, expected, found))
            self.failed.setdefault(row.at, problem)
        else:
            self.errors.append(LoadError(self.file, line, None, sheet, problem, expected, found))

    def ok(self, rows: list[Row]) -> bool:
        return not any(r.at in self.failed for r in rows)
