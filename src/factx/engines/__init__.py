"""Engines: the ways to run factx over many inputs, side by side, and the table that names them.

Every engine is a module with ``run(paths, options, *, jobs, scheduler) -> Iterator[dict]`` that
yields one result per path, in input order, by calling ``api.process_paths`` on its share of the
inputs (``api.CHUNK`` at a time); no engine imports another. ``factx batch --engine NAME`` picks one.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..api import BatchOptions


@dataclass(frozen=True)
class EngineInfo:
    name: str
    module: str  # imported when the engine runs: an engine's dependencies are optional
    help: str


ENGINES: dict[str, EngineInfo] = {
    "local": EngineInfo("local", "factx.engines.local", "this process, or --jobs N worker processes"),
    "dask": EngineInfo("dask", "factx.engines.dask", "a Dask cluster (pip install factx[dask])"),
}


def run(paths: Sequence[str], options: BatchOptions, *, engine: str = "local", jobs: int = 1,
        scheduler: str | None = None) -> Iterator[dict[str, Any]]:
    """Results for ``paths`` in input order, computed by the engine named ``engine``."""
    runner: Callable[..., Iterator[dict[str, Any]]] = importlib.import_module(ENGINES[engine].module).run
    return runner(paths, options, jobs=jobs, scheduler=scheduler)
