"""The audit beyond one machine: the same chunks, the same ``review_chunk``, run on Dask workers.

``kit audit --dask tcp://scheduler:8786`` connects to a running ``distributed`` scheduler; ``--dask local`` starts
a local cluster of two worker processes (one thread each) for the run. The library and the table's context are
sent to every worker once (``scatter``); each chunk read here is submitted as one task, a few in flight at a time
so memory stays bounded, and the parts come back in table order — so the report is the one a single process
makes. Each worker keeps its own cache of evaluated cases across the chunks it reviews."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from .columns import AuditInputError, Problem
from .partition import Part, Task, review_chunk

LOCAL = "local"
IN_FLIGHT_PER_WORKER = 2


def _client(address: str):
    from distributed import Client, LocalCluster

    if address == LOCAL:
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=40)
        return Client(cluster), cluster
    return Client(address, timeout="10s"), None


def run_dask(jobs: Iterable, task: Task, address: str) -> Iterator[Part]:
    try:
        client, cluster = _client(address)
    except (OSError, TimeoutError, ValueError) as exc:  # no scheduler there: say so, never a traceback
        raise AuditInputError([Problem(task.ctx.file, None, None, "", "dask_unreachable",
                                       {"address": address, "found": f"{type(exc).__name__}: {str(exc)[:200]}"})]) \
            from None
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        shared = client.scatter(task, broadcast=True)
        pending: deque = deque()
        for chunk, dups in jobs:
            pending.append(client.submit(review_chunk, chunk, dups, shared, pure=False))
            while len(pending) > workers * IN_FLIGHT_PER_WORKER:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
