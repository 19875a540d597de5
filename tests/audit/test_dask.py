"""The same audit on a local ``distributed`` cluster of two worker processes gives the report of the single-process
run: the same rows in, reviewed and rejected, the same findings, totals and 类案不同罚."""

from __future__ import annotations

import re
from datetime import date

import pytest

from benchmarks.generate_decisions import generate
from kit.audit import audit

TODAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=40)
    client = Client(cluster)
    assert len(client.scheduler_info()["workers"]) == 2
    client.close()
    yield cluster
    cluster.close()


def test_dask_gives_the_single_process_report(tmp_path, library, cluster):
    path = tmp_path / "decisions.csv"
    generate(path, 3000, bad=0.01, seed=3, profiles=200)
    single = audit(path, library, workers=1, today=TODAY, chunk_rows=500)
    distributed = audit(path, library, dask=cluster.scheduler_address, today=TODAY, chunk_rows=500)
    assert distributed.to_dict() == single.to_dict() | {"evaluations": distributed.evaluations}
    assert distributed.totals.equals(single.totals)
    assert distributed.consistency.groups.equals(single.consistency.groups)
    assert distributed.consistency.pairs.equals(single.consistency.pairs)
    assert list(distributed.rejected.index) == list(single.rejected.index)
    assert single.n_rejected > 0 and single.consistency.pairs.shape[0] > 0
    def page(report, name):  # the page, less the count of evaluations (each worker keeps its own cache)
        text = report.write_html(tmp_path / name).read_text(encoding="utf-8")
        return re.sub(r"<b>\d+</b><span>不同案情数", "<b>N</b><span>不同案情数", text)

    assert page(distributed, "d.html") == page(single, "s.html")
