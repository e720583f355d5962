"""The Dask engine: ``extract_bag`` turns many inputs into a ``dask.bag.Bag`` of document dicts, and
``run`` computes one on a cluster for ``factx batch --engine dask``.

Install with ``pip install factx[dask]``. Each worker process builds the spaCy pipeline once (the
pipeline is cached per process, never pickled into tasks) and streams its partitions through
``nlp.pipe``. Records are the JSON contract's document dicts, or error records for inputs that fail.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import Any

import dask.bag as db

from ..api import CHUNK, BatchOptions, Item, pipeline, process_paths
from ..errors import UsageError, quote
from ..nlp import Settings


def _partition(items: Sequence[Item], options: BatchOptions) -> list[dict[str, Any]]:
    return list(process_paths(list(items), options))


def extract_bag(
    paths_or_texts: Sequence[Item],
    *,
    model: str | None = None,
    document_date: str | dt.date | None = None,
    patterns_dirs: Sequence[str] = (),
    settings: Settings | None = None,
    partition_size: int = CHUNK,
    encoding: str | None = None,
) -> db.Bag:
    """A bag of document dicts (or error records), one per input, in input order."""
    date = document_date.isoformat() if isinstance(document_date, dt.date) else document_date
    options = BatchOptions(date, model, tuple(str(p) for p in patterns_dirs), encoding,
                           settings=settings or Settings())
    bag = db.from_sequence(list(paths_or_texts), partition_size=partition_size)
    return bag.map_partitions(_partition, options)


_LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "5s",
    "distributed.admin.tick.interval": "1s",
    # Dask sets MALLOC_TRIM_THRESHOLD_ for its workers; a fixed threshold turns off glibc's adaptive
    # mmap threshold, and spaCy's many short-lived arrays then cost 7-14% more time (bench/bench.py).
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}


def local_cluster(workers: int = 2) -> Any:
    """A ``distributed.LocalCluster`` of single-threaded worker processes tuned for CPU-bound spaCy work."""
    from distributed import LocalCluster

    import dask

    # Workers here run one CPU-bound task at a time: the 10 ms stack profiler and the frequent
    # monitors take the GIL from spaCy for little use, so the local cluster turns them down.
    with dask.config.set(_LOCAL_CLUSTER_CONFIG):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)


SCHEDULER_TIMEOUT = "10s"  # connecting to a --scheduler that does not answer: a usage error after this


def run(paths: Sequence[str], options: BatchOptions, *, jobs: int = 2,
        scheduler: str | None = None) -> Iterator[dict[str, Any]]:
    """Results in input order, computed on a Dask cluster: the one at ``scheduler``, else a local
    cluster of ``jobs`` single-threaded worker processes, closed at the end."""
    from distributed import Client

    pipeline(options)  # a bad model or pattern file: exit 2 before any cluster
    cluster = None if scheduler else local_cluster(max(jobs, 1))
    try:
        client = Client(scheduler, timeout=SCHEDULER_TIMEOUT) if scheduler else Client(cluster)
    except (OSError, TimeoutError, ValueError) as err:  # ValueError: an address Dask cannot parse
        if cluster is not None:
            cluster.close()
        raise UsageError(f"cannot reach the Dask scheduler {quote(scheduler or '')}: "
                         f"{' '.join(str(err).split())}") from None
    try:
        bag = db.from_sequence(list(paths), partition_size=CHUNK).map_partitions(_partition, options)
        futures = client.compute(bag.to_delayed())
        for future in futures:
            yield from future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
