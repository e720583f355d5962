"""Run factx over many inputs, in order, in one process or several.

``run(paths, jobs=N)`` yields one result per path, in input order: a document dict (the JSON
contract, with ``source``) or an error record ``{"source", "error": {"type", "message"}}``.
With ``jobs > 1`` each worker process loads the model once (pool initializer) and handles
chunks of paths with ``nlp.pipe``; only small JSON-ready dicts travel back to the parent.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .api import Failure, process
from .errors import FactxError
from .nlp import Settings
from .read import DEFAULT_MAX_BYTES, SourceText, read_source

CHUNK = 8


@dataclass(frozen=True)
class BatchOptions:
    document_date: str | None = None
    model: str | None = None
    patterns: tuple[str, ...] = field(default_factory=tuple)
    encoding: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    settings: Settings = field(default_factory=Settings)


def _read(paths: Iterable[str], options: BatchOptions) -> Iterator[SourceText | Failure]:
    for path in paths:
        try:
            yield read_source(path, encoding=options.encoding, max_bytes=options.max_bytes)
        except FactxError as err:
            yield Failure(path, type(err).__name__, str(err))


def _process(paths: Iterable[str], options: BatchOptions) -> Iterator[dict[str, Any]]:
    items = _read(paths, options)
    for result in process(items, document_date=options.document_date, model=options.model,
                          patterns_dirs=options.patterns, settings=options.settings):
        yield result.to_dict()


_WORKER_OPTIONS: BatchOptions | None = None


def _init_worker(options: BatchOptions) -> None:
    global _WORKER_OPTIONS
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    _WORKER_OPTIONS = options
    from .nlp import build_nlp

    build_nlp(options.model, options.patterns, options.settings)  # load the model once per worker


def _work(chunk: list[str]) -> list[dict[str, Any]]:
    assert _WORKER_OPTIONS is not None
    try:
        return list(_process(chunk, _WORKER_OPTIONS))
    except Exception as err:  # noqa: BLE001 - a crash on one chunk becomes error records, not a dead run
        return [Failure(path, type(err).__name__, str(err) or repr(err)).to_dict() for path in chunk]


def _chunks(paths: Sequence[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(paths), size):
        yield list(paths[start:start + size])


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def run(paths: Sequence[str], options: BatchOptions, *, jobs: int = 1, engine: str = "local",
        scheduler: str | None = None) -> Iterator[dict[str, Any]]:
    """Results for ``paths`` in order; see the module docstring. ``engine="dask"`` runs on Dask."""
    if engine == "dask":
        from .dask import run_on_dask

        yield from run_on_dask(paths, options, scheduler=scheduler, workers=max(jobs, 1))
        return
    if jobs <= 1 or len(paths) <= CHUNK:
        yield from _process(paths, options)
        return
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
