"""The local engine: in this process, or a pool of worker processes on this machine.

``run(paths, options, jobs=N)`` yields one result per path, in input order (see
``api.process_paths``). With ``jobs > 1`` each worker process loads the model once (pool
initializer) and handles chunks of ``api.CHUNK`` paths; only small JSON-ready dicts travel back.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from ..api import CHUNK, BatchOptions, pipeline, process_paths

_WORKER_OPTIONS: BatchOptions | None = None


def _init_worker(options: BatchOptions) -> None:
    """Runs in each pool worker. It never raises: a pool respawns a worker whose initializer fails,
    forever. A pipeline that cannot be built here fails the first task instead, which ends the run."""
    global _WORKER_OPTIONS
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    _WORKER_OPTIONS = options
    with contextlib.suppress(Exception):
        pipeline(options)  # load the model once per worker (a no-op after fork: already loaded)


def _work(chunk: list[str]) -> list[dict[str, Any]]:
    assert _WORKER_OPTIONS is not None
    return list(process_paths(chunk, _WORKER_OPTIONS))


def _chunks(paths: Sequence[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(paths), size):
        yield list(paths[start:start + size])


def default_jobs() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def run(paths: Sequence[str], options: BatchOptions, *, jobs: int = 1,
        scheduler: str | None = None) -> Iterator[dict[str, Any]]:
    """Results for ``paths`` in order: in this process with ``jobs <= 1``, else in a pool of ``jobs``
    worker processes. ``scheduler`` is for Dask; the local engine has none."""
    if jobs <= 1 or len(paths) <= CHUNK:
        yield from process_paths(paths, options)
        return
    pipeline(options)  # a bad model or pattern file: one error, exit 2, before any worker starts
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    context = mp.get_context(method)
    pool = context.Pool(jobs, initializer=_init_worker, initargs=(options,))
    try:
        for results in pool.imap(_work, _chunks(paths, CHUNK)):
            yield from results
        pool.close()
    finally:
        pool.terminate()
        pool.join()
