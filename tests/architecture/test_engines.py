"""The table of engines: every engine runs, the CLI offers exactly the engines of the table."""

from __future__ import annotations

import importlib
import inspect

from factx.cli.batch import Engine
from factx.engines import ENGINES


def test_cli_engine_choices_are_the_engines_table() -> None:
    assert [e.value for e in Engine] == list(ENGINES)


def test_every_engine_module_has_the_same_run_signature() -> None:
    expected = ["paths", "options", "jobs", "scheduler"]
    for info in ENGINES.values():
        if info.name == "dask":
            try:
                importlib.import_module("distributed")
            except ImportError:  # an optional engine
                continue
        module = importlib.import_module(info.module)
        assert list(inspect.signature(module.run).parameters) == expected, info.module
        assert "process_paths" in inspect.getsource(module), info.module
