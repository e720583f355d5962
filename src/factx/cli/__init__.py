"""The factx command line: the app and its list of commands."""

from __future__ import annotations

import typer

from .. import __version__
from . import batch, evaluate, extract, schema

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    help="Extract people, titles, organizations, numbers and dates from news articles as JSON.",
    rich_markup_mode=None,
)

app.command("extract", help=extract.HELP)(extract.extract_cli)
app.command("batch", help=batch.HELP)(batch.batch_cli)
app.command("eval", help=evaluate.HELP)(evaluate.eval_cli)
app.command("schema", help="Print the JSON Schema of factx's output document.")(schema.schema_cli)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factx {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Show the version and exit."),
) -> None:
    """Extract people, titles, organizations, numbers and dates from news articles as JSON."""


def main() -> None:
    import os
    import sys

    try:
        app(standalone_mode=True)
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    except Exception as err:  # a bug: one line, the traceback only with FACTX_DEBUG=1
        if os.environ.get("FACTX_DEBUG"):
            raise
        sys.stderr.write(f"factx: internal error: {type(err).__name__}: {err} (FACTX_DEBUG=1 shows the traceback)\n")
        raise SystemExit(1) from None
