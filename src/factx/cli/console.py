"""Human-facing output: a stderr console and the one-line error printer."""

from __future__ import annotations

import sys
from typing import NoReturn

import typer
from rich.console import Console

from ..errors import FactxError

err_console = Console(stderr=True, highlight=False)


def fail(err: FactxError | str, code: int | None = None) -> NoReturn:
    """Print ``factx: error: ...`` on stderr and exit with the error's code."""
    message = str(err)
    err_console.print(f"factx: error: {message}", markup=False, soft_wrap=True)
    exit_code = code if code is not None else (err.exit_code if isinstance(err, FactxError) else 1)
    raise typer.Exit(exit_code)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def write_json_stdout(text: str, *, pretty: bool) -> None:
    """Write one JSON document to stdout: highlighted when it is a terminal and pretty."""
    if pretty and stdout_is_terminal():
        Console(soft_wrap=True).print_json(text, indent=2, ensure_ascii=False)
    else:
        sys.stdout.write(text + "\n")
    sys.stdout.flush()
