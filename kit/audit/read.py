"""Open a decision table (.csv, .xlsx, .xls, .parquet) and read it in chunks of raw cell texts.

``open_table(path)`` finds the header row (title rows above it are skipped and counted), maps each header to a
column key, sets aside columns the audit does not read (named in the report, not refused), and refuses only what
makes the table unreadable: no such file, an unknown type, an undecodable CSV, a required column missing, a
column given twice. ``Table.chunks()`` then yields ``DataFrame`` s of stripped strings ("" where empty), one
column per key, indexed by the spreadsheet row number (the header row is numbered as written: row 1 when there is
no title). A CSV is streamed; a workbook sheet is read whole (a sheet holds at most 1,048,576 rows); a Parquet
file is streamed by record batch."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from collections.abc import Iterator

import numpy as np
import pandas as pd

from .columns import COLUMNS, Problem, header_key
from .encodings import Encoding, EncodingProblem, resolve

SUFFIXES = (".csv", ".txt", ".xlsx", ".xlsm", ".xls", ".parquet")
HEADER_SEARCH_ROWS = 20
"""The header must be within the first rows: a title or two above it is common in exported tables."""
CHUNK_ROWS = 50_000
MORE_CELLS = 8
"""Cells read beyond the header's last column: a row with some is rejected; a row with more refuses the table."""
EXTRA = "__extra__"


@dataclass
class Table:
    """An opened decision table: where its header is, which columns it has, and how to read its rows."""

    path: Path
    kind: str  # csv, excel, parquet
    header_row: int  # 1-based row number of the header
    keys: list[str]  # the column key of each read column, in order
    labels: dict[str, str]  # key → the header as written
    positions: dict[str, int]  # key → 1-based column number
    ignored: list[str] = field(default_factory=list)  # headers of columns the audit does not read
    encoding: Encoding | None = None
    _frame: pd.DataFrame | None = None  # a workbook's sheet, read whole
    names: list[str] = field(default_factory=list)  # every header cell as written, in order

    @property
    def file(self) -> str:
        return str(self.path)

    @property
    def title_rows(self) -> int:
        return self.header_row - 1

    @property
    def facts(self) -> list[str]:
        return [k.removeprefix("fact:") for k in self.keys if k.startswith("fact:")]

    def chunks(self, rows: int = CHUNK_ROWS) -> Iterator[pd.DataFrame]:
        """The body in chunks of at most ``rows`` rows, index = spreadsheet row number, columns = keys, as read
        (``tidy`` strips the cells and drops empty rows, in the worker); the case number is stripped here, where
        repeated numbers are found. A row with cells beyond the header's last column carries their count in the
        column ``EXTRA`` (the reader rejects it)."""
        from .columns import AuditInputError

        at = self.header_row + 1  # the row number of the next row read
        width = len(self.names)
        try:
            for raw in self._raw(rows):
                n = len(raw)
                chunk = raw.iloc[:, [self.positions[k] - 1 for k in self.keys]]
                chunk = chunk.set_axis(self.keys, axis=1).set_axis(pd.RangeIndex(at, at + n), axis=0)
                chunk["case_no"] = strip(chunk["case_no"])
                if raw.shape[1] > width:
                    beyond = raw.iloc[:, width:]
                    filled = (beyond.notna() & (beyond != "")).to_numpy()
                    if filled.any():
                        for i, j in zip(*np.nonzero(filled), strict=False):  # a space or two after a last comma is not a cell
                            filled[i, j] = bool(str(beyond.iat[i, j]).strip())
                    extra = filled.sum(axis=1)
                    if extra.any():
                        chunk[EXTRA] = np.where(extra > 0, extra.astype(str), "")
                at += n
                yield chunk
        except (pd.errors.ParserError, UnicodeDecodeError) as exc:
            key = "undecodable" if isinstance(exc, UnicodeDecodeError) else "csv_fields"
            raise AuditInputError([Problem(self.file, None, None, "", key, {
                "encoding": self.encoding.name if self.encoding else "", "found": str(exc)[:200]})]) from None

    def _raw(self, rows: int) -> Iterator[pd.DataFrame]:
        if self.kind == "csv":
            # every cell up to MORE_CELLS beyond the header is read, so a row longer than the header is seen
            yield from pd.read_csv(self.path, header=None, skiprows=self.header_row, dtype=str, keep_default_na=False,
                                   encoding=self.encoding.name, skip_blank_lines=False, chunksize=rows,
                                   names=list(range(len(self.names) + MORE_CELLS)), engine="c")
        elif self.kind == "excel":
            body = self._frame.iloc[self.header_row:]
            for start in range(0, len(body), rows):
                yield body.iloc[start:start + rows]
        else:
            import pyarrow.parquet as pq

            handle = pq.ParquetFile(self.path)
            for batch in handle.iter_batches(batch_size=rows, columns=[self.labels[k] for k in self.keys]):
                frame = batch.to_pandas()
                frame = frame.astype(object).where(frame.notna(), "").astype(str)
                frame.columns = [self.positions[k] - 1 for k in self.keys]
                yield frame.reindex(columns=range(len(self.names)), fill_value="")


def tidy(chunk: pd.DataFrame) -> pd.DataFrame:
    """A chunk as read → stripped strings ("" where empty), rows with every cell empty dropped."""
    chunk = chunk.copy()
    empty = np.ones(len(chunk), dtype=bool)
    for key in chunk.columns:
        chunk[key] = strip(chunk[key])
        empty &= (chunk[key] == "").to_numpy()
    return chunk[~empty] if empty.any() else chunk


def strip(cells: pd.Series) -> pd.Series:
    """Cells as stripped strings, "" for missing; each distinct text is looked at once."""
    if cells.hasnans:
        cells = cells.fillna("")
    if cells.dtype != object:
        cells = cells.astype(str)
    changed = {u: str(u).strip() for u in pd.unique(cells) if not isinstance(u, str) or u != u.strip()}
    if not changed:
        return cells
    return cells.map(lambda v: changed.get(v, v))


def open_table(path: str | Path, *, encoding: str | None = None) -> Table:
    """Open ``path`` and find its header; ``AuditInputError``-worthy problems are raised as a list."""
    from .columns import AuditInputError

    path = Path(path)
    where = str(path)
    if not path.is_file():
        raise AuditInputError([Problem(where, None, None, "", "no_such_file")])
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise AuditInputError([Problem(where, None, None, "", "unsupported_type", {"found": path.suffix or path.name})])
    enc: Encoding | None = None
    frame: pd.DataFrame | None = None
    try:
        if suffix in (".csv", ".txt"):
            kind = "csv"
            enc = resolve(path, encoding)
            head = _csv_head(path, enc)
        elif suffix == ".parquet":
            import pyarrow.parquet as pq

            kind = "parquet"
            head = [list(pq.ParquetFile(path).schema_arrow.names)]
        else:
            kind = "excel"
            frame = pd.read_excel(path, header=None, dtype=str, na_filter=False, sheet_name=0,
                                  engine="xlrd" if suffix == ".xls" else "openpyxl")
            head = frame.head(HEADER_SEARCH_ROWS).astype(str).values.tolist()
    except EncodingProblem as problem:
        key = "unknown_encoding" if str(problem) else "undetected_encoding"
        raise AuditInputError([Problem(where, None, None, "", key, {"found": str(problem)})]) from None
    except UnicodeDecodeError as exc:
        raise AuditInputError([Problem(where, None, None, "", "undecodable",
                                       {"encoding": enc.name if enc else "", "found": str(exc)[:120]})]) from None
    except Exception as exc:  # a broken workbook or Parquet file: say so, located at the file
        raise AuditInputError([Problem(where, None, None, "", "unreadable",
                                       {"found": f"{type(exc).__name__}: {str(exc)[:200]}"})]) from None
    return _header(path, kind, head, enc, frame)


def _csv_head(path: Path, enc: Encoding) -> list[list[str]]:
    with path.open("r", encoding=enc.name, newline="") as handle:
        lines = [handle.readline() for _ in range(HEADER_SEARCH_ROWS)]
    return list(csv.reader(io.StringIO("".join(lines))))


def _header(path: Path, kind: str, head: list[list[str]], enc: Encoding | None, frame) -> Table:
    from .columns import AuditInputError

    where = str(path)
    required = {c.key for c in COLUMNS if c.required}
    best, best_known = 0, -1
    for i, cells in enumerate(head):
        known = {header_key(str(c)) for c in cells} & required
        if len(known) > best_known:
            best, best_known = i, len(known)
        if known == required:
            break
    cells = [str(c).strip() for c in head[best]] if head else []
    problems: list[Problem] = []
    keys: list[str] = []
    labels: dict[str, str] = {}
    positions: dict[str, int] = {}
    ignored: list[str] = []
    for position, text in enumerate(cells, start=1):
        if not text or text.lower().startswith("unnamed:"):
            continue
        key = header_key(text)
        if key is None:
            ignored.append(text)
        elif key in labels:
            problems.append(Problem(where, best + 1, position, text, "duplicate_column",
                                    {"first": positions[key]}))
        else:
            keys.append(key)
            labels[key], positions[key] = text, position
    for column in COLUMNS:
        if column.required and column.key not in labels:
            problems.append(Problem(where, best + 1, None, column.zh, "missing_column",
                                    {"zh": column.zh, "en": column.en}))
    if problems:
        raise AuditInputError(problems)
    return Table(path, kind, best + 1 if kind != "parquet" else 1, keys, labels, positions, ignored, enc, frame,
                 cells)
