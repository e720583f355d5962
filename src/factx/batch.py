"""Run factx over many inputs, in order, in one process or several.

``run(paths, jobs=N)`` yields one result per path, in input order: a document dict (the JSON
contract, with ``source``) or an error record ``{"source", "error": {"type", "message"}}``.
With ``jobs > 1`` each worker process loads the model once (pool initializer) and handles
chunks of paths with ``nlp.pipe``; only small JSON-ready dicts travel back to the parent.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .api import Failure, document_date_iso, process
from .errors import FactxError
from .isolation import InternalFailure, check_fault, failure_from, guard
from .nlp import Settings, build_nlp
from .read import DEFAULT_MAX_BYTES, SourceText, read_source

CHUNK = 8  # inputs per task of the worker pool and per Dask partition


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


Item = str | tuple[str, str]  # a path, or (source, text)


def _items(items: Iterable[Item], options: BatchOptions) -> Iterator[SourceText | Failure]:
    for item in items:
        if isinstance(item, str):
            yield from _read([item], options)
        else:
            yield SourceText(item[0], item[1], "utf-8")


def process_items(items: Iterable[Item], options: BatchOptions) -> Iterator[dict[str, Any]]:
    """One result dict per path or (source, text), in order (documents streamed through the pipeline)."""
    for result in process(_items(items, options), document_date=options.document_date, model=options.model,
                          patterns_dirs=options.patterns, settings=options.settings):
        yield result.to_dict()


def _source(item: Item) -> str:
    return item if isinstance(item, str) else item[0]


def process_isolated(items: Sequence[Item], options: BatchOptions) -> Iterator[dict[str, Any]]:
    """One result per item, in order, streamed: the one failure boundary of every engine.

    Each document already has its own boundary inside ``process``. If the stream still breaks
    (a failure no document owns), what it yielded is kept and the rest of the items are run one
    by one, so only an item that fails alone becomes an error record: nothing lost, nothing twice."""
    _pipeline(options)
    done = 0
    try:
        check_fault("chunk", " ".join(_source(item) for item in items))
        for result in process_items(items, options):
            yield result
            done += 1
        if done == len(items):
            return
    except Exception as err:  # noqa: BLE001 - the boundary; the items left are retried one by one
        failure_from("chunk", err)
    for item in items[done:]:
        yield _alone(item, options)


def _alone(item: Item, options: BatchOptions) -> dict[str, Any]:
    def one() -> list[dict[str, Any]]:
        check_fault("chunk", _source(item))
        return list(process_items([item], options))

    results = guard("chunk", one)
    if isinstance(results, InternalFailure):
        return Failure.internal(_source(item), results).to_dict()
    if len(results) != 1:
        failure = InternalFailure("chunk", "RuntimeError", f"{len(results)} results for one input")
        return Failure.internal(_source(item), failure).to_dict()
    return results[0]


_WORKER_OPTIONS: BatchOptions | None = None


def _init_worker(options: BatchOptions) -> None:
    """Runs in each pool worker. It never raises: a pool respawns a worker whose initializer fails,
    forever. A pipeline that cannot be built here fails the first task instead, which ends the run."""
    global _WORKER_OPTIONS
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool
    _WORKER_OPTIONS = options
    with contextlib.suppress(Exception):
        _pipeline(options)  # load the model once per worker (a no-op after fork: already loaded)


def _pipeline(options: BatchOptions) -> Any:
    """The pipeline for ``options``; a ModelError or PatternError (configuration, exit 2) is raised
    outside every document's failure boundary: it is no one document's fault. So is a bad document
    date (UsageError)."""
    document_date_iso(options.document_date)
    return build_nlp(options.model, options.patterns, options.settings)


def _work(chunk: list[str]) -> list[dict[str, Any]]:
    assert _WORKER_OPTIONS is not None
    return list(process_isolated(chunk, _WORKER_OPTIONS))


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
        yield from process_isolated(paths, options)
        return
    _pipeline(options)  # a bad model or pattern file: one error, exit 2, before any worker starts
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
