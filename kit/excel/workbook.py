"""Read .xlsx (openpyxl) and Excel 97 .xls (xlrd) into one shape: sheets of text cells with merged ranges
filled from their top-left cell, and the Excel-style reference of every cell for located errors."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter

from kit.i18n.message import msg


@dataclass
class Grid:
    """One sheet: ``cells[r][c]`` is the text of row r+1, column c+1; ``merged`` marks cells inside a merged
    range other than its top-left one (their text is the top-left's)."""

    name: str
    cells: list[list[str]]
    merged: set[tuple[int, int]] = field(default_factory=set)

    def value(self, row: int, col: int | None) -> str:
        """Text at 0-based (row, col); '' outside the sheet or for a missing column."""
        if col is None or row >= len(self.cells) or col >= len(self.cells[row]):
            return ""
        return self.cells[row][col]


def ref(sheet: str, row: int, col: int | None, header: str = "") -> str:
    """'环境影响评价法!F12 (裁量标准)': sheet, Excel cell and column header of a 1-based row, 0-based column."""
    cell = f"{get_column_letter(col + 1)}{row}" if col is not None else f"row {row}"
    return f"{sheet}!{cell}" + (f" ({header})" if header else "")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def read_workbook(path: str | Path) -> list[Grid]:
    """All sheets of a workbook; raises ``ValueError`` with a readable reason if it cannot be opened."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xls":
        return _read_xls(path)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix == ".csv":
        return [_read_csv(path)]
    raise ValueError(msg("excel_import.workbook.kind", name=path.name))


def _read_csv(path: Path) -> Grid:
    """A CSV file (UTF-8, with or without BOM) as one sheet named after the file."""
    import csv

    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = [[_text(c) for c in row] for row in csv.reader(fh)]
    except UnicodeDecodeError as exc:
        raise ValueError(msg("excel_import.workbook.utf8", byte=exc.start)) from None
    width = max((len(r) for r in rows), default=0)
    return Grid(path.stem, [r + [""] * (width - len(r)) for r in rows])


def _fill(grid: Grid, ranges: list[tuple[int, int, int, int]]) -> Grid:
    """Merged ranges as (first_row, last_row_exclusive, first_col, last_col_exclusive), 0-based."""
    for r0, r1, c0, c1 in ranges:
        top = grid.value(r0, c0)
        for r in range(r0, min(r1, len(grid.cells))):
            for c in range(c0, c1):
                if (r, c) == (r0, c0):
                    continue
                row = grid.cells[r]
                while len(row) <= c:
                    row.append("")
                row[c] = top
                grid.merged.add((r, c))
    return grid


def _read_xls(path: Path) -> list[Grid]:
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), formatting_info=True)
    except Exception as exc:  # xlrd raises several types for damaged files
        raise ValueError(msg("excel_import.workbook.xls", name=path.name, detail=exc)) from None
    grids = []
    for sheet in book.sheets():
        cells = []
        for r in range(sheet.nrows):
            row = []
            for c in range(sheet.ncols):
                cell = sheet.cell(r, c)
                if cell.ctype == xlrd.XL_CELL_DATE:
                    row.append(_text(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)))
                else:
                    row.append(_text(cell.value))
            cells.append(row)
        grids.append(_fill(Grid(sheet.name, cells), list(sheet.merged_cells)))
    return grids


def _read_xlsx(path: Path) -> list[Grid]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(str(path), data_only=True)
    except Exception as exc:
        raise ValueError(msg("excel_import.workbook.xlsx", name=path.name, detail=exc)) from None
    grids = []
    for ws in book.worksheets:
        cells = [[_text(v) for v in row] for row in ws.iter_rows(values_only=True)]
        ranges = [(m.min_row - 1, m.max_row, m.min_col - 1, m.max_col) for m in ws.merged_cells.ranges]
        grids.append(_fill(Grid(ws.title, cells), ranges))
    return grids
