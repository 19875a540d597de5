"""A generated table with 1% bad rows: every bad row is in the rejected file with its problems, every good row is
reviewed; the review of each distinct case once gives, row by row, what evaluating every row would give; two
worker processes give the report one process gives."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from benchmarks.generate_decisions import generate
from kit.audit import audit
from kit.audit.checks import DecisionRecord, find, review_record
from kit.audit.partition import _case, _case_stub
from kit.audit.pipeline import prepare
from kit.audit.read import open_table, tidy
from kit.audit.validate import validate
from kit.engine import evaluate
from kit.grading.answer import Answer

ROWS = 4000
TODAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def table(tmp_path_factory):
    path = tmp_path_factory.mktemp("gen") / "decisions.csv"
    planted = generate(path, ROWS, bad=0.01, seed=7, profiles=300)
    assert len(planted.bad_rows) > 20
    return path, planted


@pytest.fixture(scope="module")
def report(table, library):
    return audit(table[0], library, workers=1, today=TODAY, chunk_rows=700)


def test_every_bad_row_rejected_every_good_row_reviewed(table, report, tmp_path):
    path, planted = table
    assert report.rows_in == ROWS == report.n_reviewed + report.n_rejected
    assert set(report.rejected.index) == planted.bad_rows
    written = pd.read_csv(report.write_rejected(tmp_path / "rejected.csv"), dtype=str, keep_default_na=False)
    assert set(written["行号"].astype(int)) == planted.bad_rows
    assert (written["问题"] != "").all()
    reviewed = report.totals["files"].sum()
    assert reviewed == ROWS - len(planted.bad_rows)
    assert report.evaluations < reviewed / 2  # rows sharing a case were evaluated once


def test_each_distinct_case_once_equals_every_row_evaluated(table, report, library):
    """The reference: every good row evaluated and reviewed on its own, with its own dates."""
    path, _ = table
    opened = open_table(path)
    task = prepare(opened, library, TODAY)
    expected: dict[int, list[str]] = {}
    for chunk in opened.chunks(1000):
        good, _ = validate(tidy(chunk), task.ctx, {})
        good = good[~good.index.isin(report.rejected.index)]
        reviewed = []
        for row, rep in zip(good.index, good.to_dict("records"), strict=False):
            decision = evaluate(library, _case(rep, task.ctx))
            fine = rep["fine"]
            answer = Answer(case_id=decision.case_id, level=rep["level"],
                            fine=None if pd.isna(fine) else float(fine), reason=rep["reason"] or None,
                            approval=rep["approval"] or None)
            reviewed.append(review_record(DecisionRecord(str(path), int(row), _case_stub(decision.case_id, rep),
                                                         answer, rep["cited"] or None), decision))
        for f in find(reviewed, library):
            expected.setdefault(f.row, []).append(f.kind)
    found: dict[int, list[str]] = {}
    for _, f in report.findings_frame().iterrows():
        found.setdefault(int(f["row"]), []).append(f["kind"])
    assert found == expected
    assert len(found) > 40


def test_two_worker_processes_give_the_same_report(table, report, library):
    two = audit(table[0], library, workers=2, today=TODAY, chunk_rows=700)
    assert two.to_dict() == report.to_dict() | {"evaluations": two.evaluations}
    assert two.consistency.pairs.equals(report.consistency.pairs)
