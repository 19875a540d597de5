"""``audit(path, library)``: stream a decision table through ``review_chunk`` and add the parts up.

The table is read chunk by chunk in this process (``read``); duplicate case numbers are found here, across
chunks, from 64-bit hashes kept sorted (8 bytes a row, not the numbers themselves); each chunk is reviewed by
``review_chunk`` — here (``workers=1``), in a pool of worker processes (``workers=2``, the default: both cores),
or on Dask (``dask.run``) — and only the parts are kept: findings, aggregates, the fines compared. A progress bar
with rows/s goes to stderr when ``progress`` is set."""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path
from collections.abc import Callable, Iterable, Iterator

import numpy as np
import pandas as pd

from ..baselines.library import Library
from ..i18n import DEFAULT_LANG, Lang, t
from .columns import AuditInputError
from .partition import Part, Task, review_chunk
from .read import CHUNK_ROWS, Table, open_table
from .validate import Context


class Duplicates:
    """Case numbers seen so far, as sorted 64-bit hashes with the row where each first appeared."""

    def __init__(self) -> None:
        self.hashes = np.empty(0, dtype=np.uint64)
        self.rows = np.empty(0, dtype=np.int64)

    def check(self, chunk: pd.DataFrame) -> dict[int, int]:
        """Rows of ``chunk`` whose case number appeared before (here or in an earlier chunk) → the first row."""
        numbers = chunk["case_no"]
        filled = numbers != ""
        h = pd.util.hash_array(numbers[filled].to_numpy(dtype=object))
        rows = numbers.index[filled].to_numpy(dtype=np.int64)
        out: dict[int, int] = {}
        at = np.searchsorted(self.hashes, h)
        seen = (at < len(self.hashes)) & (self.hashes[np.minimum(at, len(self.hashes) - 1)] == h) \
            if len(self.hashes) else np.zeros(len(h), dtype=bool)
        for i in np.flatnonzero(seen):
            out[int(rows[i])] = int(self.rows[at[i]])
        first = pd.Series(rows).groupby(h).transform("first").to_numpy()
        again = ~seen & (first != rows)
        for i in np.flatnonzero(again):
            out[int(rows[i])] = int(first[i])
        keep = ~seen & ~again
        hashes = np.concatenate([self.hashes, h[keep]])
        order = np.argsort(hashes, kind="stable")
        self.hashes, self.rows = hashes[order], np.concatenate([self.rows, rows[keep]])[order]
        return out


def prepare(table: Table, library: Library, today: date) -> Task:
    ctx = Context.of(library, table.file, table.labels, table.positions, table.facts, today, len(table.names))
    # the cache of evaluated cases is keyed by the library's content and the table's layout, so a long-lived
    # process (a notebook, a Dask worker) never reuses decisions of another library
    digest = hashlib.sha1(pickle.dumps((library, table.file, table.keys, today.isoformat()))).hexdigest()
    return Task(library, ctx, digest)


def _jobs(table: Table, rows: int) -> Iterator[tuple[pd.DataFrame, dict[int, int]]]:
    duplicates = Duplicates()
    for chunk in table.chunks(rows):
        yield chunk, duplicates.check(chunk) if "case_no" in chunk else {}


_TASK: Task | None = None


def _init(blob: bytes) -> None:
    global _TASK
    _TASK = pickle.loads(blob)


def _work(job: tuple[pd.DataFrame, dict[int, int]]) -> Part:
    return review_chunk(job[0], job[1], _TASK)


def run_local(jobs: Iterable, task: Task, workers: int) -> Iterator[Part]:
    if workers <= 1:
        for chunk, dups in jobs:
            yield review_chunk(chunk, dups, task)
        return
    with ProcessPoolExecutor(workers, initializer=_init, initargs=(pickle.dumps(task),)) as pool:
        pending: list = []
        for job in jobs:
            pending.append(pool.submit(_work, job))
            while len(pending) > workers * 2:  # bounded: a few chunks in flight, not the whole table
                yield pending.pop(0).result()
        for future in pending:
            yield future.result()


def audit(path: str | Path, library: Library, *, strict: bool = False, encoding: str | None = None,
          chunk_rows: int = CHUNK_ROWS, workers: int | None = None, today: date | None = None,
          progress: bool = False, lang: Lang = DEFAULT_LANG, dask: str | None = None,
          runner: Callable | None = None):
    """Review the decision table at ``path``. Bad rows are rejected with their problems and the rest reviewed;
    with ``strict`` any bad row refuses the table (``AuditInputError`` with every problem). ``dask``: a scheduler
    address, or ``"local"`` for a local cluster of two workers."""
    from .report import AuditReport

    table = open_table(path, encoding=encoding)
    task = prepare(table, library, today or date.today())
    workers = workers if workers is not None else min(2, os.cpu_count() or 1)
    bar = _bar(progress, lang)
    jobs = _jobs(table, chunk_rows)
    if dask:
        from .dask import run_dask

        parts = run_dask(jobs, task, dask)
    elif runner is not None:
        parts = runner(jobs, task)
    else:
        parts = run_local(jobs, task, workers)
    total = Part()
    for part in parts:
        total.add(part)
        if bar is not None:
            bar.update(part.rows_in)
    if bar is not None:
        bar.close()
    if strict and total.problems:
        raise AuditInputError(total.problems)
    return AuditReport.build(table, total, library)


def _bar(progress: bool, lang: Lang):
    if not progress:
        return None
    from tqdm import tqdm

    return tqdm(unit=" rows", unit_scale=True, file=sys.stderr, desc=t("audit.progress", lang), mininterval=0.5)

