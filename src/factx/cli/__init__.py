"""The factx command line: the app and its list of commands."""

from __future__ import annotations

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True)


def main() -> None:
    app()
